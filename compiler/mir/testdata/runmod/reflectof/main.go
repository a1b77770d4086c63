// reflect.ArrayOf, MapOf and ChanOf make types that work as the compiler's: values, maps,
// channels, the collector's pointer maps, equality and gc's names and panics.
package main

import (
	"fmt"
	"reflect"
	"runtime"
)

type P struct {
	N int
	S *string
}

func main() {
	at := reflect.ArrayOf(3, reflect.TypeOf(P{}))
	fmt.Println(at, at.Kind(), at.Len(), at.Size(), at.Elem(), at.Comparable(), at == reflect.ArrayOf(3, reflect.TypeOf(P{})))
	v := reflect.New(at).Elem()
	for i := 0; i < 3; i++ {
		s := fmt.Sprint("s", i)
		v.Index(i).Set(reflect.ValueOf(P{i, &s}))
	}
	runtime.GC()
	arr := v.Interface().([3]P)
	fmt.Println(arr[0].N, *arr[1].S, *arr[2].S)
	fmt.Println(reflect.ArrayOf(4, reflect.TypeOf(byte(0))), reflect.ArrayOf(0, reflect.TypeOf("")).Size())
	fmt.Println(reflect.DeepEqual(v.Interface(), v.Interface()), v.Interface() == v.Interface())

	mt := reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(0))
	m := reflect.MakeMap(mt)
	m.SetMapIndex(reflect.ValueOf("a"), reflect.ValueOf(1))
	m.SetMapIndex(reflect.ValueOf("b"), reflect.ValueOf(2))
	mm := m.Interface().(map[string]int)
	fmt.Println(mt, mt.Key(), mt.Elem(), len(mm), mm["b"])
	ak := reflect.MapOf(at, reflect.TypeOf(true))
	fmt.Println(ak, reflect.MakeMap(ak).Len())

	ct := reflect.ChanOf(reflect.BothDir, reflect.TypeOf(0))
	c := reflect.MakeChan(ct, 1)
	c.Send(reflect.ValueOf(7))
	x, ok := c.Recv()
	fmt.Println(ct, ct.ChanDir(), x, ok)
	fmt.Println(reflect.ChanOf(reflect.RecvDir, reflect.TypeOf("")), reflect.ChanOf(reflect.SendDir, reflect.TypeOf("")))
	fmt.Println(reflect.ChanOf(reflect.BothDir, reflect.ChanOf(reflect.RecvDir, reflect.TypeOf(""))))
	ch := c.Interface().(chan int)
	ch <- 3
	fmt.Println(<-ch)
	defer func() { fmt.Println(recover()) }()
	reflect.MapOf(reflect.TypeOf([]int{}), reflect.TypeOf(0))
}
