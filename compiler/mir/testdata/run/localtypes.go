package main

// Types declared inside functions: two declarations with the same name are two types, and a
// type declared inside a generic function is a distinct type in each instance. Their
// descriptors, map hashing, interface comparison and promoted-method wrappers must not be
// shared (test/bigmap.go hashed a [1]byte key as the [100]byte of a sibling block's T).

type A struct{}

func (A) Name() string { return "A" }

type B struct{}

func (B) Name() string { return "B" }

type namer interface{ Name() string }

func wrapA() namer {
	type W struct{ A }
	return W{}
}

func wrapB() namer {
	type W struct{ B }
	return W{}
}

func G[T any]() any {
	type L [1]byte
	return L{}
}

func F[T any](v T) any {
	type L struct{ x T }
	return L{v}
}

func List[T any](vs ...T) int {
	type node struct {
		next *node
		v    T
	}
	var head *node
	for _, v := range vs {
		head = &node{head, v}
	}
	count := func() int {
		n := 0
		for p := head; p != nil; p = p.next {
			n++
		}
		return n
	}
	return count()
}

func Same[T any]() bool {
	type K struct{ v T }
	mk := func() any { return K{} }
	return mk() == any(K{})
}

func main() {
	{
		type T [100]byte
		type V [1]byte
		m := make(map[T]V)
		m[T{}] = V{1}
		m[T{1}] = V{2}
		println(m[T{}][0], m[T{1}][0], len(m))
	}
	{
		type T [1]byte
		type V [100]byte
		m := make(map[T]V)
		m[T{}] = V{1}
		m[T{1}] = V{2}
		println(m[T{}][0], m[T{1}][0], len(m))
	}

	var x any
	{
		type T struct{ a int }
		x = T{1}
		_, ok := x.(T)
		println("same block:", ok)
	}
	{
		type T struct{ a int }
		_, ok := x.(T)
		println("sibling block:", ok, x == any(T{1}))
	}

	println(wrapA().Name(), wrapB().Name())

	println(G[int]() == G[string](), G[int]() == G[int]())
	println(F(1) == F(1), F(1) == F(int8(1)), F("s") == F("s"))
	m := map[any]int{}
	m[G[int]()]++
	m[G[string]()]++
	m[G[int]()]++
	println(len(m), m[G[int]()], m[G[string]()])
	println(List(1, 2, 3), List("a", "b"), Same[int](), Same[string]())
}

// Blank functions are checked but never called; there may be several.
func _() { println("never") }

func _() { println("never either") }

func (A) _() {}
