// reflect.StructOf lays fields out as the compiler does, with tags, equality, hashing, the
// collector's pointer map, encoding/json on its values, and gc's names and panics.
package main

import (
	"encoding/json"
	"fmt"
	"reflect"
	"runtime"
)

type E struct{ X int }

func main() {
	fmt.Println(reflect.StructOf(nil), reflect.StructOf(nil).Size())
	t := reflect.StructOf([]reflect.StructField{
		{Name: "A", Type: reflect.TypeOf(0), Tag: `json:"a"`},
		{Name: "S", Type: reflect.TypeOf(""), Tag: `json:"s,omitempty"`},
		{Name: "P", Type: reflect.TypeOf(&E{})},
		{Name: "B", Type: reflect.TypeOf(struct{}{})},
	})
	fmt.Println(t, t.Size(), t.Align(), t.NumField(), t.Field(1).Tag.Get("json"), t.Field(2).Offset, t.Comparable())
	fmt.Println(t == reflect.StructOf([]reflect.StructField{
		{Name: "A", Type: reflect.TypeOf(0), Tag: `json:"a"`},
		{Name: "S", Type: reflect.TypeOf(""), Tag: `json:"s,omitempty"`},
		{Name: "P", Type: reflect.TypeOf(&E{})},
		{Name: "B", Type: reflect.TypeOf(struct{}{})},
	}))
	v := reflect.New(t).Elem()
	v.Field(0).SetInt(42)
	v.Field(1).SetString("hi")
	v.Field(2).Set(reflect.ValueOf(&E{X: 9}))
	runtime.GC()
	b, err := json.Marshal(v.Interface())
	fmt.Println(string(b), err)
	w := reflect.New(t)
	fmt.Println(json.Unmarshal([]byte(`{"a":7,"s":"x","P":{"X":3}}`), w.Interface()))
	fmt.Println(w.Elem().Field(0).Int(), w.Elem().Field(1).String(), w.Elem().Field(2).Elem().Field(0).Int())
	fmt.Println(v.Interface() == v.Interface())

	t2 := reflect.StructOf([]reflect.StructField{
		{Name: "E", Type: reflect.TypeOf(E{}), Anonymous: true},
		{Name: "c", PkgPath: "main", Type: reflect.TypeOf(byte(0))},
	})
	fmt.Println(t2, t2.Size(), t2.Field(1).PkgPath, t2.Field(0).Anonymous, t2.Comparable())
	m := map[any]int{}
	k := reflect.New(t2).Elem()
	k.Field(0).Field(0).SetInt(5)
	m[k.Interface()] = 1
	fmt.Println(m[k.Interface()], len(m))
	for _, bad := range [][]reflect.StructField{
		{{Name: "", Type: reflect.TypeOf(0)}},
		{{Name: "a", Type: reflect.TypeOf(0)}},
		{{Name: "A", Type: reflect.TypeOf(0)}, {Name: "A", Type: reflect.TypeOf(0)}},
		{{Name: "A"}},
	} {
		func() {
			defer func() { fmt.Println(recover()) }()
			reflect.StructOf(bad)
		}()
	}
}
