// Assigning an interface Value to an interface of another type moves its contents, as a Go
// assignment does: a nil error becomes a nil any (html/template prints a nil error field as
// an empty string), a non-nil one keeps its dynamic type.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
)

func main() {
	var a any = 1
	av := reflect.ValueOf(&a).Elem()
	av.Set(reflect.ValueOf(&struct{ E error }{}).Elem().Field(0))
	fmt.Println(a == nil)
	e := errors.New("x")
	av.Set(reflect.ValueOf(&e).Elem())
	fmt.Printf("%T %v\n", a, a)
	isNil := reflect.ValueOf(func(xs ...any) bool { return xs[0] == nil })
	var nilErr error
	fmt.Println(isNil.Call([]reflect.Value{reflect.ValueOf(&nilErr).Elem()})[0].Bool())

	tmpl := template.Must(template.New("x").Parse("{{.E}}"))
	got := new(bytes.Buffer)
	tmpl.Execute(got, struct{ E error }{})
	fmt.Printf("%q\n", got)
}
