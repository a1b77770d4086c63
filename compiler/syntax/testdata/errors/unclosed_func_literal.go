package p
func f() {
	a := func() {
}
