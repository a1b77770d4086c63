// runtime.KeepAlive keeps what its argument reaches alive up to the call, even once the whole
// program is optimised together (test/fixedbugs/issue30476.go: a KeepAlive that tested a flag
// no code sets was dropped, and x's finalizer ran while p still held x).
package main

import (
	"fmt"
	"runtime"
)

type T struct {
	x *[10]int
	y int
}

func use(*T) {}

var current, early int

func round(i int) {
	current = i
	x := new([10]int)
	runtime.SetFinalizer(x, func(*[10]int) {
		if current == i {
			early++
		}
	})
	p := &T{x, 0}
	use(p)
	runtime.GC()
	runtime.GC()
	for j := 0; j < 10; j++ {
		runtime.Gosched() // the finalizer goroutine's turn
	}
	runtime.KeepAlive(p)
}

// A method named _ has no body and no place in the method table (test/interface/fail.go).
type S struct{}

func (s *S) _() {}

type I interface{ Foo() }

func main() {
	for i := 1; i <= 10; i++ {
		round(i)
	}
	fmt.Println("finalizers run early:", early)
	var e any = new(S)
	_, ok := e.(I)
	fmt.Println("*S is an I:", ok)
}
