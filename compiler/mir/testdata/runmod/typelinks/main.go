// reflect's SliceOf, ArrayOf, ChanOf, MapOf, FuncOf, StructOf and PointerTo return the
// compiler's descriptor when the program has the type (the typelinks table), so that they are
// == to TypeOf of a value of the type, also for types of another package and for local types
// that share a type string; a type the program lacks is made at run time and still works
// with type switches, assertions, maps and calls.
package main

import (
	"fmt"
	"reflect"

	"example.com/typelinks/lib"
)

type T1 int

type S struct {
	A int `json:"a"`
	B string
}

func same(what string, got reflect.Type, v any) {
	want := reflect.TypeOf(v)
	fmt.Printf("%s: %v %v\n", what, got, got == want)
	// A zero value of the made type holds the compiler's type.
	z := reflect.Zero(got).Interface()
	fmt.Printf("%s: zero %T %v\n", what, z, reflect.TypeOf(z) == want)
}

func local1() any {
	type T int
	return []T(nil)
}

func local2() any {
	type T string
	return []T(nil)
}

func main() {
	t1 := reflect.TypeOf(T1(0))
	same("slice", reflect.SliceOf(t1), []T1(nil))
	same("array", reflect.ArrayOf(3, t1), [3]T1{})
	same("chan", reflect.ChanOf(reflect.BothDir, t1), (chan T1)(nil))
	same("recvchan", reflect.ChanOf(reflect.RecvDir, t1), (<-chan T1)(nil))
	same("chanchan", reflect.ChanOf(reflect.SendDir, reflect.ChanOf(reflect.BothDir, t1)), (chan<- chan T1)(nil))
	same("map", reflect.MapOf(reflect.TypeOf(""), t1), map[string]T1(nil))
	same("ptr", reflect.PointerTo(reflect.TypeOf([]T1(nil))), (*[]T1)(nil))
	same("func", reflect.FuncOf([]reflect.Type{t1}, []reflect.Type{reflect.TypeOf(false)}, false), (func(T1) bool)(nil))
	same("variadic", reflect.FuncOf([]reflect.Type{reflect.TypeOf(""), reflect.TypeOf([]T1(nil))}, nil, true), (func(string, ...T1))(nil))
	st := reflect.TypeOf(S{})
	same("struct", reflect.StructOf([]reflect.StructField{st.Field(0), st.Field(1)}), struct {
		A int `json:"a"`
		B string
	}{})
	same("embedded", reflect.StructOf([]reflect.StructField{{Name: "S", Type: st, Anonymous: true}}), struct{ S }{})

	// Another package's types.
	tab := reflect.TypeOf(lib.Table())
	k, v := tab.Key(), tab.Elem()
	fmt.Println("lib map:", reflect.MapOf(k, v) == tab, reflect.SliceOf(v.Elem()) == v)
	h := reflect.TypeOf(lib.Handler())
	in := []reflect.Type{h.In(0), h.In(1)}
	fmt.Println("lib func:", reflect.FuncOf(in, []reflect.Type{h.Out(0), h.Out(1)}, true) == h)

	// Local types with the same type string stay apart.
	l1, l2 := reflect.TypeOf(local1()), reflect.TypeOf(local2())
	fmt.Println("local:", l1.String() == l2.String(), reflect.SliceOf(l1.Elem()) == l1, reflect.SliceOf(l2.Elem()) == l2, reflect.SliceOf(l1.Elem()) == l2)

	// Types the program does not have: made once, usable, never equal to another type.
	type U struct{ X, Y int16 }
	ut := reflect.TypeOf(U{})
	ms := reflect.SliceOf(reflect.ArrayOf(2, ut))
	fmt.Println("made:", ms, ms == reflect.SliceOf(reflect.ArrayOf(2, ut)), ms.Elem().Len())
	sv := reflect.MakeSlice(ms, 1, 1)
	sv.Index(0).Index(1).Field(1).SetInt(7)
	x := sv.Interface()
	switch x.(type) {
	case [][2]U:
		fmt.Println("switch: [][2]U", x.([][2]U)[0][1].Y)
	case []U:
		fmt.Println("switch: []U")
	default:
		fmt.Println("switch: default")
	}
	mm := reflect.MakeMap(reflect.MapOf(ut, reflect.TypeOf(0.5)))
	mm.SetMapIndex(reflect.ValueOf(U{1, 2}), reflect.ValueOf(2.5))
	m, ok := mm.Interface().(map[U]float64)
	fmt.Println("map assert:", ok, m[U{1, 2}])

	// FuncOf of a signature the program does not have, called through MakeFunc and Call.
	ft := reflect.FuncOf([]reflect.Type{ut, reflect.TypeOf("")}, []reflect.Type{reflect.TypeOf(0)}, false)
	fmt.Println("made func:", ft, ft.NumIn(), ft.In(0), ft.Out(0), ft.IsVariadic())
	fn := reflect.MakeFunc(ft, func(args []reflect.Value) []reflect.Value {
		u := args[0].Interface().(U)
		return []reflect.Value{reflect.ValueOf(int(u.X+u.Y) + len(args[1].String()))}
	})
	out := fn.Call([]reflect.Value{reflect.ValueOf(U{3, 4}), reflect.ValueOf("abc")})
	fmt.Println("made func call:", out[0].Int())
	// One with a call shape no func type of the program has: Call goes to the handler.
	type odd struct {
		A, B, C float32
		D       int8
	}
	oddt := reflect.FuncOf([]reflect.Type{reflect.TypeOf(odd{}), reflect.TypeOf(int16(0))},
		[]reflect.Type{reflect.TypeOf(complex64(0)), reflect.TypeOf(odd{})}, false)
	oddf := reflect.MakeFunc(oddt, func(args []reflect.Value) []reflect.Value {
		o := args[0].Interface().(odd)
		o.D += int8(args[1].Int())
		return []reflect.Value{reflect.ValueOf(complex(o.A+o.B, o.C)), reflect.ValueOf(o)}
	})
	oddOut := oddf.Call([]reflect.Value{reflect.ValueOf(odd{1, 2, 3, 4}), reflect.ValueOf(int16(5))})
	fmt.Println("odd made func call:", oddOut[0].Complex(), oddOut[1].Interface())
	fmt.Println("strings:", reflect.FuncOf(nil, nil, false), reflect.FuncOf([]reflect.Type{ut, reflect.SliceOf(ut)}, []reflect.Type{ut, reflect.TypeOf(0)}, true))

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		reflect.FuncOf([]reflect.Type{ut}, nil, true)
	}()
}

// A func type of the shape of FuncOf's made signature above, (U, string) int: it lends its
// go:rcall and go:rstub.
var lender any = func(struct{ A, B int16 }, string) int { return 0 }
