package p
type I interface{ ~int | string; m() }
type J interface { int | }
