package p
type S struct {
	*(T)
	(U)
	a, b
}
