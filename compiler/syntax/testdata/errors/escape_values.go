package p
var s = '\400'
var t = "\xZZ"
var u = "\uD800"
