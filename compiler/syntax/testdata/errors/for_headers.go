package p
func f() {
	for x {
	}
	for ; ; x := 1 {}
	for var i = 0; i < 1; i++ {}
}
