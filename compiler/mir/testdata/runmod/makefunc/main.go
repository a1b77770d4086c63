// reflect.MakeFunc through go:rstub (ABI.md §6): swaps of words and of structs, a variadic
// function, a function without parameters or results, a method value turned into a func, and
// the panic for a result of the wrong type.
package main

import (
	"fmt"
	"reflect"
	"strings"
)

type T struct{ n int }

func (t T) Add(a, b int) int { return t.n + a + b }

type Big struct {
	a, b, c int
	s       string
}

func main() {
	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	fn := reflect.MakeFunc(reflect.TypeOf(intSwap), swap)
	reflect.ValueOf(&intSwap).Elem().Set(fn)
	fmt.Println(intSwap(1, 2))
	var strSwap func(string, Big) (Big, string)
	reflect.ValueOf(&strSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(strSwap), swap))
	fmt.Println(strSwap("x", Big{1, 2, 3, "y"}))
	var join func(sep string, parts ...string) string
	reflect.ValueOf(&join).Elem().Set(reflect.MakeFunc(reflect.TypeOf(join), func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(strings.Join(in[1].Interface().([]string), in[0].String()))}
	}))
	fmt.Println(join("-", "a", "b", "c"))
	var noop func()
	calls := 0
	reflect.ValueOf(&noop).Elem().Set(reflect.MakeFunc(reflect.TypeOf(noop), func([]reflect.Value) []reflect.Value { calls++; return nil }))
	noop()
	noop()
	fmt.Println(calls)
	m := reflect.ValueOf(T{5}).MethodByName("Add").Interface().(func(int, int) int)
	fmt.Println(m(1, 2))
	fmt.Printf("%T\n", reflect.ValueOf(T{5}).Method(0).Interface())
	var eface func(any) any
	reflect.ValueOf(&eface).Elem().Set(reflect.MakeFunc(reflect.TypeOf(eface), func(in []reflect.Value) []reflect.Value { return in }))
	fmt.Println(eface(42), eface("s"))
	defer func() { fmt.Println("recovered:", recover()) }()
	var bad func() int
	reflect.ValueOf(&bad).Elem().Set(reflect.MakeFunc(reflect.TypeOf(bad), func([]reflect.Value) []reflect.Value { return []reflect.Value{reflect.ValueOf("no")} }))
	bad()
}
