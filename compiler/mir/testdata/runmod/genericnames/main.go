// runtime.FuncForPC names instances of generic functions and methods as gc does, with their
// type arguments written [...].
package main

import (
	"fmt"
	"runtime"
)

type T[X any] struct{ x X }

//go:noinline
func (t T[X]) where() string {
	pc, _, line, _ := runtime.Caller(0)
	return fmt.Sprint(runtime.FuncForPC(pc).Name(), " ", line)
}

//go:noinline
func F[X any](x X) string {
	pc, _, _, _ := runtime.Caller(0)
	return runtime.FuncForPC(pc).Name()
}

func main() {
	fmt.Println(F(1), F("a"), T[int]{}.where())
	defer func() {
		pc, _, _, _ := runtime.Caller(0)
		fmt.Println(runtime.FuncForPC(pc).Name())
	}()
}
