package p
func f() {
	var a, b = 1
	a, b := 1
	f(a...,)
	f(a..., b)
}
