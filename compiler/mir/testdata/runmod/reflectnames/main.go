package main

import (
	"errors"
	"fmt"
	"reflect"
	"unsafe"
)

type MyInt int

func main() {
	a := &[3]int8{1, 2, 3}
	src := reflect.ValueOf(a).Elem()
	fmt.Println(src.Index(0).Type().Name(), src.Index(0).Kind())
	for _, v := range []any{0, "s", 1.5, unsafe.Pointer(nil), MyInt(1), errors.New("x"), []int{}, true, 'x', byte(1)} {
		t := reflect.TypeOf(v)
		fmt.Printf("%q %q %q\n", t.Name(), t.PkgPath(), t.String())
	}
	fmt.Println(reflect.TypeOf(0).AssignableTo(reflect.TypeOf(MyInt(0))), reflect.TypeOf(0).ConvertibleTo(reflect.TypeOf(MyInt(0))))
	fmt.Println(reflect.TypeOf([]int{}).AssignableTo(reflect.TypeOf([]int(nil))))
	defer func() { r := recover(); fmt.Println(reflect.TypeOf(r).Name(), r) }()
	var m map[string]int
	m["a"] = 1
}
