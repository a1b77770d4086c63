package p
var _ = f(a b)
