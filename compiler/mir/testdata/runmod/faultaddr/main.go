// A fault at an address that is not nil's: gc's fatal "unexpected fault address" (exit 2), or
// a panic when the goroutine set debug.SetPanicOnFault; a nil dereference panics either way.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"runtime/debug"
	"strings"
)

// write stores into read-only memory: reflect's StructField.Index of a struct's own field is
// (as with gc).
func write() {
	reflect.TypeFor[struct{ f int }]().Field(0).Index[0] = 1
}

var nilp *int

func try(what string, f func()) {
	defer func() { fmt.Println(what, "recovered:", recover()) }()
	f()
}

func main() {
	if len(os.Args) > 1 {
		write()
		return
	}
	try("nil", func() { *nilp = 1 })
	try("fault", func() {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		write()
	})
	ch := make(chan bool)
	go func() {
		// The setting is the goroutine's own: a new one starts without it.
		old := debug.SetPanicOnFault(false)
		ch <- old
	}()
	fmt.Println("new goroutine's setting:", <-ch)

	out, err := exec.Command(os.Args[0], "child").CombinedOutput()
	lines := strings.Split(string(out), "\n")
	fmt.Println(strings.HasPrefix(lines[0], "unexpected fault address 0x"), lines[1])
	fmt.Println(strings.HasPrefix(lines[2], "[signal SIGSEGV: segmentation violation code=0x2 addr=0x"))
	fmt.Println(err)
}
