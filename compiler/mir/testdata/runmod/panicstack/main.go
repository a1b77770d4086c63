// A deferred call that panicking runs sees the panicking frames below it, as under gc (which
// runs deferred calls on top of them): runtime.Callers and debug.Stack show where the panic
// started. After recovering, the stack is the plain one again, also when a deferred call
// panicked anew (the first panic is aborted).
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func origin() {
	panic("x")
}

//go:noinline
func middle() {
	origin()
}

// frames lists main's functions that runtime.Callers sees from its caller outwards.
func frames() string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(2, pcs)
	fs := runtime.CallersFrames(pcs[:n])
	var out []string
	for {
		f, more := fs.Next()
		if strings.HasPrefix(f.Function, "main.") {
			out = append(out, strings.TrimPrefix(f.Function, "main."))
		}
		if !more {
			break
		}
	}
	return strings.Join(out, " ")
}

func direct() {
	defer func() {
		fmt.Println("in defer:", frames())
		fmt.Println("recovered:", recover())
		fmt.Println("after recover:", frames())
	}()
	middle()
}

//go:noinline
func repanic() {
	defer func() {
		p := recover()
		panic(p)
	}()
	middle()
}

func outer() {
	defer func() {
		fmt.Println("outer sees origin:", strings.Contains(frames(), "origin"))
		recover()
	}()
	repanic()
}

func main() {
	direct()
	fmt.Println("normal:", frames())
	outer()
	fmt.Println("normal:", frames())
}
