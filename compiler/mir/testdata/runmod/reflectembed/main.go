// The exported fields of an unexported embedded struct are settable through reflect (gc's
// flagEmbedRO applies to the embedded field only); its unexported fields are not.
package main

import (
	"fmt"
	"reflect"
)

type embed struct {
	Q int
	r int
}

type Top struct {
	Level0 int
	embed
}

func main() {
	var t Top
	v := reflect.ValueOf(&t).Elem()
	e := v.Field(1)
	fmt.Println(e.CanSet(), e.CanInterface(), e.Field(0).CanSet(), e.Field(1).CanSet())
	e.Field(0).SetInt(18)
	fmt.Println(v.FieldByName("Q").CanSet(), t.Q)
	defer func() { fmt.Println(recover()) }()
	e.Field(1).SetInt(1)
}
