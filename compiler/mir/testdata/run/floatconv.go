// Float and complex constants near the limits of float64, and conversions between complex
// widths.
package main

const huge = 1.5e308 + 1.0e307i

func main() {
	var c complex128 = huge
	println(real(c), imag(c))
	var maxF float64 = 1.7976931348623157e308
	println(maxF, 4.9e-324 > 0, 0x1.fffffffffffffp1023 == maxF)
	var big float64 = 1e300 * 1e8 / 1e10
	println(big)
	out := complex(1.5, 0.1)
	got64 := complex64(out)
	println(complex128(got64) == out, complex128(complex64(out)) != out)
	var w complex128 = complex128(got64)
	println(real(w), imag(w))
	var n complex64 = complex64(w)
	println(real(n) == 1.5)
}
