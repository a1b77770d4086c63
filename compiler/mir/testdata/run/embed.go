package main

type Namer interface{ Name() string }
type Counter interface {
	Inc()
	Get() int
}

type Base struct{ n int }

func (b Base) Name() string { return "base" }
func (b *Base) Inc()        { b.n++ }
func (b *Base) Get() int    { return b.n }

type Derived struct {
	Base
	extra int
}

type PtrEmbed struct {
	*Base
}

type Wrapper struct {
	Namer
}

type Override struct {
	Base
}

func (o Override) Name() string { return "override:" + o.Base.Name() }

func main() {
	d := &Derived{}
	var c Counter = d
	c.Inc()
	c.Inc()
	println(c.Get(), d.n, d.Name())
	var n Namer = Derived{}
	println(n.Name())
	pe := PtrEmbed{&Base{5}}
	var c2 Counter = pe
	c2.Inc()
	println(c2.Get(), pe.n)
	w := Wrapper{Override{}}
	var n2 Namer = w
	println(n2.Name())
	var n3 Namer = &Override{}
	println(n3.Name())
	f := d.Get
	d.Inc()
	println(f())
}
