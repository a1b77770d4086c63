package p
func f() {
	if x = 1; x {
	}
	if x++; x {}
	switch x = 2 {}
}
