// Shift counts written as untyped float or complex constants that are integers
// (test/shift3.go).
package main

func main() {
	x := 1
	println(x<<1., x<<(1+0i), x<<0i, x<<(1.<<x), x<<((1+0i)<<x), x<<(0i<<x))
	const M = 1 << 2
	y := uint64(3)
	println(y<<(M+0.), y<<(M+0.+0i), y>>(1+0i))
}
