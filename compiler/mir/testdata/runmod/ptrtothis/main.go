// reflect.PointerTo and Value.Addr find the compiler's *T, with its methods: a defined type's
// descriptor links to its pointer type (as encoding/json needs to call a pointer receiver's
// UnmarshalJSON on a field it decodes into).
package main

import (
	"fmt"
	"reflect"
)

type Setter interface{ Set(string) }

type V struct{ s string }

func (v V) Get() string { return v.s }

type P struct{ s string }

func (p *P) Set(s string) { p.s = s }

type Alias P

func (a *Alias) Set(s string) { a.s = "alias " + s }

type Outer struct {
	A Alias
	P P
}

type plain int

func main() {
	var v V
	rv := reflect.ValueOf(&v).Elem()
	fmt.Println(rv.Type().NumMethod(), rv.Addr().Type().NumMethod(), rv.Addr().Type())
	fmt.Println(reflect.PointerTo(reflect.TypeOf(v)) == reflect.TypeOf(&v))

	var o Outer
	ro := reflect.ValueOf(&o).Elem()
	for i := 0; i < ro.NumField(); i++ {
		f := ro.Field(i)
		s, ok := f.Addr().Interface().(Setter)
		fmt.Println(f.Type(), f.Addr().Type().NumMethod(), ok)
		if ok {
			s.Set(f.Type().Name())
		}
	}
	fmt.Printf("%+v\n", o)

	// A type whose pointer the program never names still has one.
	pt := reflect.PointerTo(reflect.TypeOf(plain(0)))
	fmt.Println(pt, pt.Kind(), pt.Elem() == reflect.TypeOf(plain(0)))
	x := reflect.New(reflect.TypeOf(plain(0)))
	x.Elem().SetInt(7)
	fmt.Println(x.Type() == pt, *(x.Interface().(*plain)))
}
