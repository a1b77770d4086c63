// Generic bodies that lean on their instance: a method calling another method of the same
// generic type (directly and as a method value), a closure whose parameter has a type
// parameter's type, and unsafe.Sizeof/Alignof/Offsetof of type-parameter-typed operands.
package main

import "unsafe"

type M[K comparable, V any] struct {
	k K
	v V
	n int
}

func (m *M[K, V]) Set(k K, v V) { m.set(k, v) }
func (m *M[K, V]) SetLater(k K, v V) func() {
	f := m.set
	return func() { f(k, v) }
}
func (m *M[K, V]) set(k K, v V) { m.k, m.v = k, v; m.n++ }

func parse[bytes []byte | string](s bytes) int {
	ok := true
	digits := func(s bytes, min int) (x int) {
		for _, c := range []byte(s) {
			if c < '0' || c > '9' {
				ok = false
				return min
			}
			x = x*10 + int(c) - '0'
		}
		return
	}
	n := digits(s, -7)
	if !ok {
		return -1 - n
	}
	return n
}

type pair[T any] struct {
	a byte
	b T
}

func layout[T any](x T) (uintptr, uintptr, uintptr) {
	var p pair[T]
	return unsafe.Sizeof(x), unsafe.Alignof(x), unsafe.Offsetof(p.b)
}

func main() {
	var m M[string, int]
	m.Set("a", 1)
	println(m.k, m.v, m.n)
	later := m.SetLater("b", 2)
	println(m.k, m.v, m.n)
	later()
	println(m.k, m.v, m.n)

	println(parse("123"), parse([]byte("45")), parse("4x"))

	a, b, c := layout(int16(1))
	println(a, b, c)
	a, b, c = layout("s")
	println(a, b, c)
	a, b, c = layout([3]int32{})
	println(a, b, c)
	a, b, c = layout(pair[complex128]{})
	println(a, b, c)
}
