package main

func div(a, b int) (int, int) { return a / b, a % b }

func main() {
	x := 7
	y := -3
	q, r := div(x, y)
	println(q, r, x*y, x-y, x+y)
	var m int64 = -9223372036854775808
	var n int64 = -1
	println(m/n, m%n)
	var u uint8 = 200
	u += 100
	println(u, u>>1, u<<1)
	var s int32 = -8
	println(s>>1, s>>40, s<<31)
	var sh uint = 70
	println(1<<sh == 0, x&^5, x|8, x^3)
	f := 1.5
	println(f*2, f/4, -f)
	var f32 float32 = 0.1
	println(f32, float64(f32) == 0.1)
	println(7.0/2, int(f*3), uint8(257 % 256))
	b := x > 3 && y < 0
	println(b, !b, x == 7 || y == 0)
}
