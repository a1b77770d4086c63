// A defined type whose right-hand side is a type still being declared gets that type's
// underlying type once it is complete (test/fixedbugs/bug336.go): T2 is reached from T1's
// field before T1's struct is known, and T13 is the end of a chain of five.
package main

type T1 struct {
	Next *T2
}

type T2 T1

type T12 struct {
	F1 *T15
	F2 *T13
}

type T13 T14
type T14 T15
type T15 T16
type T16 T17
type T17 T12

func main() {
	x := T1{&T2{}}
	y := T2{Next: &T2{}}
	println(x.Next != nil, y.Next.Next == nil)
	z := &T12{&T15{}, &T13{}}
	z.F2.F1 = &T15{F2: &T13{}}
	println(z.F1 != nil, z.F2.F1.F2 != nil, z.F2.F2 == nil)
}
