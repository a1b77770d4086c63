// A struct whose last field has size zero gets gc's padding byte: unsafe.Sizeof, reflect, array
// strides and static data agree, and the zero-size field's address stays inside the struct.
package main

import (
	"fmt"
	"reflect"
	"unsafe"
)

type T struct {
	A int
	B struct{}
}

type U struct {
	X byte
	Y [0]int64
}

var table = [3]T{{A: 1}, {A: 2}, {A: 3}}

var us = []U{{X: 7}, {X: 8}}

func main() {
	var ts [2]T
	fmt.Println(unsafe.Sizeof(T{}), reflect.TypeOf(T{}).Size(), uintptr(unsafe.Pointer(&ts[1]))-uintptr(unsafe.Pointer(&ts[0])))
	fmt.Println(unsafe.Sizeof(U{}), reflect.TypeOf(U{}).Size(), unsafe.Offsetof(U{}.Y))
	fmt.Println(table[2].A, us[1].X, len(us))
	t := &table[0]
	end := uintptr(unsafe.Pointer(&t.B)) - uintptr(unsafe.Pointer(t))
	fmt.Println(end < unsafe.Sizeof(*t))
	m := map[T]int{{A: 5}: 1}
	fmt.Println(m[T{A: 5}], T{A: 1} == table[0])
}
