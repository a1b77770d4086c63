package main

// Expression switches whose cases are nil or of an interface type the tag converts to, and
// print/println of a multi-valued call.

type Stringer interface{ String() string }

type name string

func (n name) String() string { return string(n) }

func three() (int16, float64, string) { return -42, 42.5, "x" }

func kind[T any](s []T, m map[int]T, f func() T) string {
	r := ""
	switch s {
	case nil:
		r += "nil slice,"
	default:
		r += "slice,"
	}
	switch m {
	case nil:
		r += "nil map,"
	default:
		r += "map,"
	}
	switch f {
	case nil:
		r += "nil func"
	default:
		r += "func"
	}
	return r
}

func same[T comparable](i any, t T) (bool, bool) {
	a, b := false, false
	switch i {
	case t:
		a = true
	}
	switch t {
	case i:
		b = true
	}
	return a, b
}

func main() {
	println(kind[int](nil, nil, nil))
	println(kind([]int{1}, map[int]int{}, func() int { return 1 }))
	println(same(3, 3))
	println(same(3, 4))
	println(same[any](nil, nil))
	var s Stringer = name("a")
	switch name("a") {
	case s:
		println("name matches Stringer")
	}
	switch name("b") {
	case s:
		println("wrong")
	default:
		println("no match")
	}
	var p *int
	switch p {
	case nil:
		println("nil pointer")
	}
	print(three())
	println()
	println(three())
}
