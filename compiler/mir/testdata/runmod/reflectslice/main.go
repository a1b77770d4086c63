// reflect.SliceOf, and slicing an array whose slice type only a type assertion names: the
// descriptor reflect makes must pass x.([]P) (rog_sametype on the assertion's slow path).
package main

import (
	"fmt"
	"reflect"
)

type P struct{ A, B int16 }

func main() {
	arr := [3]P{{1, 2}, {3, 4}, {5, 6}}
	v := reflect.ValueOf(&arr).Elem().Slice(1, 3)
	fmt.Println(v.Type(), v.Len(), v.Index(0).Interface())
	s := v.Interface().([]P)
	s[0].A = 30
	fmt.Println(arr, reflect.SliceOf(reflect.TypeOf(P{})))
	st := reflect.SliceOf(reflect.TypeOf(int8(0)))
	m := reflect.MakeSlice(st, 2, 4)
	m.Index(1).SetInt(7)
	fmt.Println(m.Interface(), m.Cap(), st.Elem(), st.Kind())
}
