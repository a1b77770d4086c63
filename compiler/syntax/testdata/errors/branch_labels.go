package p
func f() {
	for {
		break L
	}
L:
	for {
		continue L
	}
}
