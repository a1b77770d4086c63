package main

// Type switches and assertions in generic bodies whose cases name the type parameters.

type Stringer interface{ String() string }

type name string

func (n name) String() string { return "name:" + string(n) }

func classify[T any](i any) string {
	switch v := i.(type) {
	case T:
		_ = v
		return "T"
	case []T:
		return "[]T"
	case struct{ a, b T }:
		return "struct{a,b T}"
	case int:
		return "int"
	case nil:
		return "nil"
	default:
		return "other"
	}
}

func describe[T Stringer](i any) string {
	switch v := i.(type) {
	case T:
		return "T " + v.String()
	case Stringer:
		return "Stringer " + v.String()
	}
	return "none"
}

func main() {
	println(classify[float64](1.5))
	println(classify[float64]([]float64{1}))
	println(classify[float64](struct{ a, b float64 }{1, 2}))
	println(classify[float64](3))
	println(classify[int](3))
	println(classify[float64](nil))
	println(classify[any](nil))
	println(classify[any]("s"))
	println(classify[Stringer](name("x")))
	println(classify[Stringer](7))
	println(classify[string]("s"))
	println(classify[string](int8(1)))
	println(describe[name](name("a")))
	println(describe[Stringer](name("b")))
	println(describe[name](1))
}
