package p

var x int
var s string
var _ = x + s
var _ = x == s
var _ = s - s
const big = 1 << 600 * 1 << 100
var _ int8 = 100 + 100
const c8 int8 = 100
var _ = 1 + c8 + c8
var _ = c8 << 3
