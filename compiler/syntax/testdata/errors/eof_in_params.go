package p
func f() {
	x := map[string]int{"a": 1,}
	y := struct{a int}{a: 1}
	_ = x; _ = y
}
func g(
