// The type string of an interface literal is gc's: its whole method set (embedded interfaces
// expanded), exported methods first, then by name, unexported names qualified by their
// package's name (reflect's TestTypes #34 wanted `interface { reflect_test.a(...); ... }`).
package main

import (
	"fmt"
	"io"
	"reflect"

	"example.com/ifacestring/sub"
)

func main() {
	fmt.Printf("%T\n", sub.Make())
	fmt.Println(reflect.TypeOf(sub.Make()).Elem())
	var rc []interface {
		io.Closer
		io.Reader
	}
	fmt.Printf("%T\n", rc)
	var x []interface {
		Read([]byte) (int, error)
		Close() error
	}
	fmt.Println(reflect.TypeOf(rc) == reflect.TypeOf(x))
	fmt.Printf("%T\n", map[string]interface {
		z()
		Y()
	}{})
}
