// Interface equality when one value's itab was built at run time (an assertion from any) and
// the other's is the compiler's constant itab for the same pair: the values are still equal.
package main

type I interface{ M() int }

type T struct{ n int }

func (t *T) M() int { return t.n }

type V int

func (v V) M() int { return int(v) }

func main() {
	t := &T{1}
	var static I = t
	var boxed any = t
	dynamic, ok := boxed.(I)
	println(ok, static == dynamic, dynamic == static, static != dynamic)

	var sv I = V(3)
	var bv any = V(3)
	dv := bv.(I)
	println(sv == dv, dv == V(3), dv == I(V(4)))

	var nilI I
	println(nilI == dynamic, dynamic == nilI, nilI == nil)
	m := map[I]int{static: 5}
	println(m[dynamic], m[dv])
}
