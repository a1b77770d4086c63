// reflect without allocations, as with gc: MapRange and SetIterKey/Value, DeepEqual of values
// that cannot cycle, TypeAssert, small Zero values; and DeepEqual of cyclic values,
// StructField.Index, VisibleFields through a type embedded twice, float conversions.
package main

import (
	"fmt"
	"math"
	"reflect"
	"testing"
)

type I interface{ foo() }

type N struct {
	next *N
	v    int
}

type L struct {
	items []any
}

func main() {
	m := map[string]any{"a": 1, "b": "x", "c": 2.5}
	v := reflect.ValueOf(m)
	k := reflect.New(v.Type().Key()).Elem()
	e := reflect.New(v.Type().Elem()).Elem()
	fmt.Println("iterset", testing.AllocsPerRun(10, func() {
		iter := v.MapRange()
		for iter.Next() {
			k.SetIterKey(iter)
			e.SetIterValue(iter)
		}
	}))
	var x, y any = [][]byte{[]byte("abc")}, [][]byte{[]byte("abc")}
	fmt.Println("deepequal", testing.AllocsPerRun(10, func() { reflect.DeepEqual(x, y) }))
	var p, q any = [6]byte{1, 2}, [6]byte{1, 2}
	fmt.Println("deepequal array", testing.AllocsPerRun(10, func() { reflect.DeepEqual(p, q) }))
	s := reflect.ValueOf(new(string)).Elem()
	fmt.Println("assert fail", testing.AllocsPerRun(10, func() { reflect.TypeAssert[I](s) }))
	n := reflect.ValueOf(new(int)).Elem()
	fmt.Println("assert int", testing.AllocsPerRun(10, func() { reflect.TypeAssert[int](n) }))
	typ := reflect.TypeOf([10]byte{})
	fmt.Println("zero", testing.AllocsPerRun(10, func() { reflect.Zero(typ) }))
	z := reflect.Zero(reflect.TypeOf(struct {
		A int
		B string
		C *int
	}{}))
	fmt.Printf("%+v %v\n", z.Interface(), reflect.Zero(reflect.TypeOf((*int)(nil))).IsNil())

	a := &N{v: 1}
	a.next = a
	b := &N{v: 1}
	b.next = b
	c := &N{v: 2}
	c.next = c
	fmt.Println(reflect.DeepEqual(a, b), reflect.DeepEqual(a, c))
	l1 := &L{}
	l1.items = []any{l1, 1}
	l2 := &L{}
	l2.items = []any{l2, 1}
	fmt.Println(reflect.DeepEqual(l1, l2))
	m1 := map[string]any{}
	m1["self"] = m1
	m2 := map[string]any{}
	m2["self"] = m2
	fmt.Println(reflect.DeepEqual(m1, m2), reflect.DeepEqual(x, y), reflect.DeepEqual([]any{1, "a"}, []any{1, "b"}))
	f := reflect.TypeOf(struct{ A, B int }{}).Field(1)
	fmt.Println(f.Index, reflect.TypeOf(struct{ A, B int }{}).Field(0).Index)
	fmt.Println(reflect.VisibleFields(reflect.TypeOf(RS3{})))
	var f32 float32 = 1.5
	type myf float32
	fmt.Println(reflect.ValueOf(myf(f32)).Convert(reflect.TypeOf(f32)).Interface())
	snan := reflect.ValueOf(myf(math.Float32frombits(0x7f800001))).Convert(reflect.TypeOf(f32))
	fmt.Printf("%#x\n", math.Float32bits(snan.Interface().(float32)))
}

type RS1 struct{ i int }
type RS2 struct{ RS1 }
type RS3 struct {
	RS2
	RS1
}
