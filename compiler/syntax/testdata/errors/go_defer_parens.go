package p
func f() {
	go (f())
	defer (f())
}
