package main

import (
	"fmt"
	"reflect"
)

type Stringer interface{ String() string }

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case Stringer:
		return "stringer " + x.String()
	case []int:
		return fmt.Sprint("[]int ", len(x))
	case *int:
		return fmt.Sprint("*int ", *x)
	case []string, *string:
		return fmt.Sprintf("%T", x)
	default:
		return "other"
	}
}

func main() {
	s := reflect.MakeSlice(reflect.SliceOf(reflect.TypeOf(0)), 3, 3).Interface()
	fmt.Println(classify(s))
	p := reflect.New(reflect.TypeOf(0))
	p.Elem().SetInt(7)
	fmt.Println(classify(p.Interface()))
	ss := reflect.MakeSlice(reflect.SliceOf(reflect.TypeOf("")), 1, 1).Interface()
	fmt.Println(classify(ss))
	fmt.Println(classify(reflect.MakeSlice(reflect.SliceOf(reflect.TypeOf(1.5)), 1, 1).Interface()))
	fmt.Println(classify(nil), classify([]int{1}))
	ps := reflect.New(reflect.TypeOf("")).Interface()
	fmt.Println(classify(ps))
	_, ok := s.([]int)
	fmt.Println(ok)
}
