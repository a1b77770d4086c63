package main

// min and max of floats: a NaN argument gives NaN, and -0 counts as below +0 (Go spec).

func isNaN(f float64) bool { return f != f }
func neg(f float64) bool   { return 1/f < 0 }

func main() {
	zero := 0.0
	nan := zero / zero
	negz := -zero
	inf := 1 / zero
	var f32 float32 = 2.5
	xs := []float64{3, -1, 2}
	println(min(1.5, 2.5), max(1.5, 2.5), min(xs[0], xs[1], xs[2]), max(xs[0], xs[1], xs[2]))
	println(isNaN(min(nan, 1)), isNaN(max(1, nan)), isNaN(min(1, 2, nan)), isNaN(max(nan, inf)))
	println(neg(min(negz, 0)), neg(max(negz, 0)), neg(min(0, negz)), neg(max(0, negz)))
	println(min(f32, 1), max(f32, 3), min(float32(-0.5), f32))
	println(min(inf, 5), max(-inf, -5), max(inf, 5))
}
