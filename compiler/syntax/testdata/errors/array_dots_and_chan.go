package p
var a = [...]int{1,2}
var b [...]int
type T chan
