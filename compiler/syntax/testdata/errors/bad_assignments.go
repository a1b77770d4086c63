package p
func f() {
	x = 1, 2 := 3
	x, y
}
