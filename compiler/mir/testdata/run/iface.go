package main

type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ w, h int }
type Square struct{ s int }

func (r Rect) Area() int      { return r.w * r.h }
func (r Rect) Name() string   { return "rect" }
func (s *Square) Area() int   { return s.s * s.s }
func (s *Square) Name() string { return "square" }

type Stringer interface{ String() string }

type Celsius float64

func (c Celsius) String() string { return "celsius" }

func describe(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return "int"
	case string:
		return "string:" + v
	case Shape:
		return "shape:" + v.Name()
	case Stringer:
		return "stringer:" + v.String()
	default:
		return "other"
	}
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Square{4}}
	total := 0
	for _, s := range shapes {
		total += s.Area()
		println(s.Name(), s.Area())
	}
	println(total)
	var x any = 42
	n, ok := x.(int)
	println(n, ok)
	s, ok := x.(string)
	println(s == "", ok)
	println(describe(nil), describe(1), describe("hi"), describe(Rect{1, 1}), describe(Celsius(3)), describe(2.5))
	var a, b any = 3, 3
	println(a == b, a != b, x == 42)
	var sh Shape = Rect{1, 2}
	var sh2 Shape = Rect{1, 2}
	println(sh == sh2)
	f := sh.Area
	g := Rect.Area
	h := (*Square).Name
	println(f(), g(Rect{5, 5}), h(&Square{1}))
	r, isRect := sh.(Rect)
	println(r.w, r.h, isRect)
	var st Stringer = Celsius(1)
	println(st.String())
}
