// Zero-sized allocations and package variables share one address (gc's runtime.zerobase;
// test/zerosize.go).
package main

type empty struct{}

var x, y [0]int
var e empty
var p, q = new([0]int), new([0]int)

func main() {
	r := new(empty)
	s := make([]empty, 10)
	println(p == q, &x == p, &y == p, &e == r, r == &s[3])
	var big [0][1 << 20]byte
	println(len(big), &x != nil)
}
