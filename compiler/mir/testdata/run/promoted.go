package main

// Methods promoted from embedded interface and pointer fields: direct calls, method values and
// method expressions, also in generic types and through several levels of embedding.

type Adder interface{ Add(int) int }

type base struct{ n int }

func (b *base) Add(k int) int { b.n += k; return b.n }
func (b base) Get() int      { return b.n }

type viaIface struct {
	pad int
	Adder
}

type viaPtr struct {
	pad1, pad2 int
	*base
}

type deep struct {
	x int
	viaPtr
}

type Box[T any] struct {
	filler int
	*Cell[T]
	Getter[T]
}

type Cell[T any] struct{ v T }

func (c *Cell[T]) Set(v T) { c.v = v }

type Getter[T any] interface{ Get() T }

type constGetter[T any] struct{ v T }

func (g constGetter[T]) Get() T { return g.v }

func generic[T any](a, b T) {
	var x Box[T]
	x.Cell = &Cell[T]{}
	x.Getter = constGetter[T]{b}
	x.Set(a)
	println(any(x.v) == any(a), any(x.Get()) == any(b))
	set := Box[T].Set
	set(x, b)
	get := x.Get
	println(any(x.v) == any(b), any(get()) == any(b))
}

func main() {
	s := viaIface{Adder: &base{10}}
	println(s.Add(1))
	f := s.Add
	println(f(2))
	g := viaIface.Add
	println(g(s, 3))

	p := viaPtr{base: &base{100}}
	println(p.Add(1), p.Get())
	h := viaPtr.Add
	println(h(p, 5))
	k := (*viaPtr).Get
	println(k(&p))

	d := deep{viaPtr: viaPtr{base: &base{7}}}
	println(d.Add(1), d.Get())
	m := deep.Get
	println(m(d))
	mv := d.Add
	println(mv(2))

	generic(1, 2)
	generic("a", "b")

	defer func() { println("recovered:", recover() != nil) }()
	var nilIface viaIface
	_ = nilIface.Add // evaluating the method value of a nil interface panics
	println("unreachable")
}
