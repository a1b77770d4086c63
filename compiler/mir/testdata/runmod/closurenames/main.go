// Function literals, range-over-func bodies and go/defer wrappers are named as gc names them:
// F.funcN, in a literal F.funcN.M, and a literal in a range-over-func body counts as F's.
package main

import (
	"fmt"
	"runtime"
)

func name() string {
	pc, _, _, _ := runtime.Caller(1)
	return runtime.FuncForPC(pc).Name()
}

// run calls f out of the compiler's sight, so that gc does not inline (and rename) it.
//
//go:noinline
func run(f func()) { f() }

type T struct{}

//go:noinline
func (T) M() {
	run(func() {
		fmt.Println(name())
		run(func() { fmt.Println(name()) })
	})
}

var g = func() { fmt.Println(name()) }

//go:noinline
func seq(yield func(int) bool) { yield(1) }

func deferred() {
	defer fmt.Println("deferred")
	defer run(func() { fmt.Println(name()) })
}

func main() {
	run(func() {
		fmt.Println(name())
		run(func() {
			fmt.Println(name())
			run(func() { fmt.Println(name()) })
		})
		run(func() { fmt.Println(name()) })
	})
	run(func() { fmt.Println(name()) })
	T{}.M()
	run(g)
	deferred()
	for i := range seq {
		_ = i
		run(func() { fmt.Println(name()) })
	}
	done := make(chan bool)
	go func() {
		run(func() { fmt.Println(name()) })
		done <- true
	}()
	<-done
}
