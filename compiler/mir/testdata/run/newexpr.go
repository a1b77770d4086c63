// new(T) and, since Go 1.26, new(expr): a pointer to a fresh variable holding expr's value.
package main

type point struct{ x, y int }

func count(n *int) int { *n++; return *n }

func fresh[T any](v T) (*T, *T) { return new(T), new(v) }

func main() {
	p := new(123)
	f := new(1.5)
	s := new("str")
	b := new(3 > 2)
	println(*p, *f, *s, *b)

	n := 0
	q := new(count(&n))
	r := new(count(&n))
	*q += 10
	println(*q, *r, n)

	pt := point{1, 2}
	pp := new(pt)
	pp.x = 9
	println(pt.x, pp.x, pp.y)

	var i any = new(int8(-3))
	println(*i.(*int8))

	z, v := fresh(point{4, 5})
	println(z.x, v.x, v.y)
	zs, vs := fresh("go")
	println(*zs == "", *vs)
}
