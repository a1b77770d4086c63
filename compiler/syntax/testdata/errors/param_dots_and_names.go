package p
func f(a ...int, b int) {}
func g(a, b int, c) {}
