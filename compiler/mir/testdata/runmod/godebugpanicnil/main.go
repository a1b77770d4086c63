// GODEBUG=panicnil=1, at start-up or set later through os.Setenv, lets panic(nil) panic with a
// nil value, as gc's runtime does; unset, panic(nil) raises *runtime.PanicNilError.
package main

import (
	"fmt"
	"os"
)

func try() (r any) {
	defer func() { r = recover() }()
	panic(nil)
}

func main() {
	fmt.Printf("%T\n", try())
	os.Setenv("GODEBUG", "x=1,panicnil=1")
	fmt.Printf("%T\n", try())
	os.Setenv("GODEBUG", "panicnil=1,panicnil=0")
	fmt.Printf("%T\n", try())
	os.Unsetenv("GODEBUG")
	fmt.Printf("%T\n", try())
	if len(os.Args) > 1 {
		os.Setenv("GODEBUG", "panicnil=1")
		panic(nil)
	}
}
