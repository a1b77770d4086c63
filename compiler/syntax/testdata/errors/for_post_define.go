package p
func f() {
	for i := 0; i < 10; i := i + 1 {
	}
}
