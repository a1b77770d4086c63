package p
var _ = x.
var _ = 1
