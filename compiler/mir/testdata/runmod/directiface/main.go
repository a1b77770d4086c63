// A one-element array and a one-field struct of a pointer-shaped type are pointer-shaped too,
// as with gc: an interface holding one keeps the pointer itself as its data word (no box),
// and method calls through interfaces, assertions, type switches, comparisons, reflect and the
// types reflect.ArrayOf and StructOf make all agree on that.
package main

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unsafe"
)

type P struct{ p *int }

func (x P) Get() int   { return *x.p }
func (x *P) Set(v int) { *x.p = v }

type A [1]*int

func (a A) Get() int { return *a[0] }

type Nested struct{ a A }

func (n Nested) Get() int { return n.a.Get() * 10 }

// W promotes the methods of its one embedded pointer.
type W struct{ *bytes.Buffer }

type getter interface{ Get() int }

// word is an interface's data word.
func word(x any) unsafe.Pointer { return (*[2]unsafe.Pointer)(unsafe.Pointer(&x))[1] }

func box[T any](v T) any { return v }

func main() {
	n := 7
	p := P{&n}
	var g getter = p
	fmt.Println("P:", g.Get(), word(p) == unsafe.Pointer(&n), word(box(p)) == unsafe.Pointer(&n))
	q := &p
	q.Set(8)
	fmt.Println("P after Set:", g.Get(), g.(P).p == &n)

	a := A{&n}
	var ga getter = a
	fmt.Println("A:", ga.Get(), word(a) == unsafe.Pointer(&n))
	nest := Nested{a}
	var gn getter = nest
	fmt.Println("Nested:", gn.Get(), word(nest) == unsafe.Pointer(&n))
	fmt.Println("zero:", word(P{}) == nil, word([1]*int{}) == nil, word(struct{ f func() }{}) == nil)

	// Assertions, switches, comparisons, map keys.
	var x any = p
	switch v := x.(type) {
	case A:
		fmt.Println("switch: A")
	case P:
		fmt.Println("switch: P", v.Get())
	}
	_, isA := x.(A)
	fmt.Println("assert:", isA, x == any(P{&n}), x == any(P{}), x == any(A{&n}))
	m := map[any]int{p: 1, a: 2, nest: 3}
	fmt.Println("map:", m[P{&n}], m[A{&n}], m[Nested{A{&n}}], len(m))

	// Method values and promoted methods through interfaces.
	f := g.Get
	n = 9
	fmt.Println("method value:", f())
	var w io.Writer = W{new(bytes.Buffer)}
	io.Copy(w, strings.NewReader("promoted"))
	fmt.Println("W:", w.(W).String(), w.(fmt.Stringer).String())

	// reflect.
	v := reflect.ValueOf(x)
	fmt.Println("reflect:", v.Kind(), v.Field(0).Elem().Int(), v.Method(0).Call(nil)[0].Int())
	at := reflect.ArrayOf(1, reflect.TypeOf(&n))
	z := reflect.Zero(at).Interface()
	fmt.Println("ArrayOf:", at, word(z) == nil)
	// A type the program does not have, made at run time.
	made := reflect.ArrayOf(1, reflect.TypeOf((*uint16)(nil)))
	fmt.Println("ArrayOf made:", made, word(reflect.Zero(made).Interface()) == nil)
	av := reflect.New(at).Elem()
	av.Index(0).Set(reflect.ValueOf(&n))
	fmt.Println("ArrayOf value:", word(av.Interface()) == unsafe.Pointer(&n), *av.Interface().([1]*int)[0])
	st := reflect.StructOf([]reflect.StructField{{Name: "X", Type: reflect.ArrayOf(1, reflect.TypeOf(&n))}})
	sv := reflect.New(st).Elem()
	fmt.Println("StructOf zero:", word(sv.Interface()) == nil)
	sv.Field(0).Index(0).Set(reflect.ValueOf(&n))
	fmt.Println("StructOf:", st, word(sv.Interface()) == unsafe.Pointer(&n))
	// Not pointer-shaped: a box.
	two := [2]*int{&n, &n}
	fmt.Println("boxed:", word(two) != unsafe.Pointer(&n), word([0]*int{}) != nil)
}
