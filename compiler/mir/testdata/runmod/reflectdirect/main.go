package main

import (
	"fmt"
	"reflect"
	"testing"
	"unsafe"
)

type S struct {
	A int
	B *int
	M map[string]int
	F func(int) int
	C chan int
}

func (s *S) Get() int { return s.A }

type PS *S

func main() {
	x := 5
	s := &S{A: 1, B: &x, M: map[string]int{"k": 2}, F: func(i int) int { return i * 3 }, C: make(chan int, 1)}
	v := reflect.ValueOf(s)
	fmt.Println(v.Kind(), v.IsNil(), v.IsZero(), v.Elem().Field(0).Int(), v.Pointer() == uintptr(unsafe.Pointer(s)))
	fmt.Println(v.Elem().Field(1).Elem().Int(), v.Elem().FieldByName("M").MapIndex(reflect.ValueOf("k")))
	fmt.Println(v.Elem().Field(3).Call([]reflect.Value{reflect.ValueOf(7)})[0].Int())
	fmt.Println(v.Method(0).Call(nil)[0].Int(), v.MethodByName("Get").Interface().(func() int)())
	fmt.Println(v.Interface().(*S) == s, v.Equal(reflect.ValueOf(s)), v.Comparable())
	m := reflect.ValueOf(map[*int]string{&x: "px"})
	fmt.Println(m.Len(), m.MapIndex(reflect.ValueOf(&x)))
	m.SetMapIndex(reflect.ValueOf(&x), reflect.ValueOf("py"))
	fmt.Println(m.MapIndex(reflect.ValueOf(&x)))
	c := reflect.ValueOf(s.C)
	c.Send(reflect.ValueOf(9))
	r, ok := c.Recv()
	fmt.Println(c.Len(), c.Cap(), r, ok)
	p := reflect.New(reflect.TypeOf(0))
	p.Elem().SetInt(42)
	fmt.Println(p.Elem().Int(), p.Elem().Addr().Elem().Int(), p.Type())
	var holder struct{ P *int }
	hv := reflect.ValueOf(&holder).Elem().Field(0)
	hv.Set(reflect.ValueOf(&x))
	fmt.Println(*holder.P, hv.Elem().Int())
	ps := reflect.ValueOf(s).Convert(reflect.TypeOf(PS(nil)))
	fmt.Println(ps.Type(), ps.Elem().Field(0).Int())
	var nilp *S
	nv := reflect.ValueOf(nilp)
	fmt.Println(nv.IsNil(), nv.IsZero(), nv.Elem().IsValid())
	fmt.Println(reflect.DeepEqual(s, &S{A: 1, B: &x, M: s.M, F: nil, C: s.C}), reflect.DeepEqual([]*int{&x}, []*int{&x}))
	up := reflect.ValueOf(unsafe.Pointer(&x))
	fmt.Println(up.Kind(), up.Pointer() == uintptr(unsafe.Pointer(&x)), up.UnsafePointer() == unsafe.Pointer(&x))
	fmt.Println(testing.AllocsPerRun(100, func() { _ = reflect.ValueOf(s).Elem().Field(0).Int() }))
	fmt.Println(testing.AllocsPerRun(100, func() { _ = reflect.ValueOf(&x).Pointer() }))
	fmt.Printf("%v %x\n", s.A, reflect.ValueOf(&x).Pointer() != 0)
	fmt.Println(testing.AllocsPerRun(100, func() { _ = reflect.New(reflect.TypeOf(0)) }))
}
