// reflect.Value.Call, CallSlice and method values (Method, MethodByName) on values, pointers,
// nil pointers, interfaces, closures and variadic functions, through go:rcall (ABI.md §6).
package main

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

type T struct{ n int }

func (t T) Add(a, b int) int              { return t.n + a + b }
func (t *T) Inc(by int)                   { t.n += by }
func (t T) Name(s string) (string, error) { return strings.Repeat(s, t.n), nil }
func (t *T) Nil() string {
	if t == nil {
		return "nil receiver"
	}
	return "non-nil"
}

type Big struct {
	a, b, c, d int
	s          string
}

func mk(b Big, f float32, x ...int) (Big, float64, []int) {
	b.a += len(x)
	return b, float64(f) * 2, x
}

type Stringer interface{ String() string }
type S struct{}

func (S) String() string { return "S!" }

func main() {
	add := reflect.ValueOf(func(a, b int) int { return a + b })
	fmt.Println(add.Call([]reflect.Value{reflect.ValueOf(2), reflect.ValueOf(3)})[0].Int())
	r := reflect.ValueOf(mk).Call([]reflect.Value{reflect.ValueOf(Big{1, 2, 3, 4, "s"}), reflect.ValueOf(float32(1.5)), reflect.ValueOf(7), reflect.ValueOf(8)})
	fmt.Println(r[0].Interface(), r[1].Float(), r[2].Interface())
	r = reflect.ValueOf(mk).CallSlice([]reflect.Value{reflect.ValueOf(Big{}), reflect.ValueOf(float32(2)), reflect.ValueOf([]int{1, 2, 3})})
	fmt.Println(r[0].Interface(), r[1].Float(), r[2].Interface())
	t := &T{n: 2}
	v := reflect.ValueOf(t)
	fmt.Println(v.NumMethod(), v.MethodByName("Add").Call([]reflect.Value{reflect.ValueOf(10), reflect.ValueOf(20)})[0].Int())
	v.MethodByName("Inc").Call([]reflect.Value{reflect.ValueOf(5)})
	fmt.Println(t.n)
	out := reflect.ValueOf(*t).MethodByName("Name").Call([]reflect.Value{reflect.ValueOf("ab")})
	fmt.Println(out[0].String(), out[1].IsNil())
	var np *T
	fmt.Println(reflect.ValueOf(np).MethodByName("Nil").Call(nil)[0])
	var st Stringer = S{}
	iv := reflect.ValueOf(&st).Elem()
	fmt.Println(iv.Kind(), iv.Method(0).Call(nil)[0])
	e := reflect.ValueOf(errors.New).Call([]reflect.Value{reflect.ValueOf("boom")})[0]
	fmt.Println(e.Interface(), e.Type())
	closure := 100
	cf := reflect.ValueOf(func() int { closure++; return closure })
	cf.Call(nil)
	fmt.Println(cf.Call(nil)[0].Int(), closure)
	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.ValueOf(func() { panic("inside") }).Call(nil)
}
