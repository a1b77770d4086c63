package p
func f() {
	f(1, 2
}
