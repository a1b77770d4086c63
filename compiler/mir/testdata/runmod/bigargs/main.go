// Arrays and structs larger than 128 bytes cross calls in memory (ABI.md §2): a
// [65536]byte parameter or result as a first-class LLVM value took clang past its memory
// (reflect's benchmark_test.go has func(a [65536]byte)).
package main

import (
	"fmt"
	"reflect"
)

type Big [65536]byte

type Rec struct {
	name string
	vals [40]int
}

//go:noinline
func sum(a Big) int {
	n := 0
	for _, b := range a {
		n += int(b)
	}
	a[0] = 99 // the caller's array is a copy
	return n
}

//go:noinline
func bump(a Big) Big {
	for i := range a {
		if a[i] != 0 {
			a[i]++
		}
	}
	return a
}

//go:noinline
func pair(r Rec, k int) (Rec, error) {
	r.vals[k] += 100
	r.name += "!"
	return r, nil
}

func (b Big) First() byte { return b[1] }

type firster interface{ First() byte }

func main() {
	var a Big
	a[1], a[65535] = 2, 3
	fmt.Println(sum(a), a[0])
	fmt.Println(sum(Big{}))
	a = bump(a) // the argument and the result are the same variable
	fmt.Println(a[1], a[65535], a[2])
	bump(a) // a result nobody reads
	r, err := pair(Rec{name: "r"}, 3)
	fmt.Println(r.name, r.vals[3], err)

	var f firster = a
	fmt.Println(f.First())
	g := func(b Big, s string) string { return fmt.Sprint(s, b[1], b[65535]) }
	fmt.Println(g(a, "closure "))

	out := reflect.ValueOf(sum).Call([]reflect.Value{reflect.ValueOf(a)})
	fmt.Println("reflect", out[0].Int())
	out = reflect.ValueOf(bump).Call([]reflect.Value{reflect.ValueOf(a)})
	fmt.Println("reflect", out[0].Interface().(Big)[1])
	mk := reflect.MakeFunc(reflect.TypeOf(bump), func(in []reflect.Value) []reflect.Value {
		b := in[0].Interface().(Big)
		b[7] = 7
		return []reflect.Value{reflect.ValueOf(b)}
	})
	fmt.Println("makefunc", mk.Interface().(func(Big) Big)(a)[7])
}
