// Conversions to a type parameter, T(x), in a generic body: the target type is the type
// argument of the instance being lowered.
package main

type myInt int

func conv[T, U ~int](x int) (T, U) {
	switch interface{}(x) {
	case T(0):
		println("T zero")
	}
	m := map[interface{}]int{int(0): 0, T(1): 1, U(2): 2}
	println(len(m), m[T(1)])
	return T(x), U(x + 1)
}

func main() {
	a, b := conv[int, myInt](5)
	println(a, b)
	c, d := conv[myInt, int](0)
	println(c, d)
	c, d = conv[myInt, int](0)
	e, _ := conv[int, myInt](0)
	println(e)
	println(c, d)
}
