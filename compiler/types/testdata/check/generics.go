package p

type Number interface{ ~int | ~int64 | ~float64 }

func Sum[N Number](xs []N) N {
	var s N
	for _, x := range xs {
		s += x
	}
	return s
}

type MyInt int

type List[T any] struct {
	next *List[T]
	val  T
}

func (l *List[T]) Push(v T) *List[T] { return &List[T]{l, v} }

func Map[S ~[]E, E, R any](s S, f func(E) R) []R {
	r := make([]R, 0, len(s))
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}

func use() {
	_ = Sum([]int{1, 2})
	_ = Sum([]MyInt{1, 2})
	_ = Sum([]string{"a"}) // ERROR "string does not satisfy Number"
	var l *List[string]
	l = l.Push("x")
	_ = Map([]int{1}, func(i int) string { return "" })
	_ = min(1, 2.5)
	_ = max("a", "b")
	for i := range 10 {
		_ = i
	}
	for range 3 {
	}
}

type stringer interface{ String() string }

type named struct{}

func (named) String() string { return "" }

func pair[T comparable, V any](v V, want T) {}

// Explicit type arguments are substituted before inference: an argument for a parameter of
// an explicit type parameter needs only be assignable to it.
func explicitArgs() {
	var n named
	pair[stringer](n, n)
	pair[stringer](&n, &n)
	pair[stringer](1, 2) // ERROR "cannot use 2 .* as stringer value"
}
