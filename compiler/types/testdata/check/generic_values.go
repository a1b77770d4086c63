package p

// Generic functions used as values of a function type infer their type arguments from it
// (spec "Type inference"); a type parameter may not grow through its own instantiations.

func g1[P any](x P) P    { return x }
func g2[P, Q any](x P) Q { var q Q; return q }

func takes(f func(int) int) int { return f(1) }

func values() {
	var f1 func(int) int
	f1 = g1
	var f2 func(int) string = g2
	_ = takes(g1)
	_ = f2
	_ = f1
	h := g1 // ERROR "cannot use generic function g1 without instantiation"
	_ = h
}

func grow[T any](t T) { // ERROR "instantiation cycle"
	grow[[]T]([]T{t})
}

type Rec[U interface{ M() Rec[U] }] int

func assert[T any](x interface{ m() }) {
	_, _ = x.(T)
}
