package p
func f() {
	L:
}
func g() {
	goto M
	break
	continue
}
