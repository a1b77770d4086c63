// Deferred calls' records live in the deferring frame (escape analysis leaves the closure
// object there) and must never outlive it: a deferred call that panics while the frame's other
// calls are pending, a fault between explicit checks, defers in a loop, Goexit. Functions with
// defers are never inlined (their frame identifies their calls). A Mutex-style defer allocates
// nothing, as with gc.
package main

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
)

var mu sync.Mutex
var counter int

func locked() int {
	mu.Lock()
	defer mu.Unlock()
	counter++
	return counter
}

// A deferred call that panics while the frame's other deferred calls are pending.
func panicsInDefer() (out []string) {
	defer func() {
		r := recover()
		out = append(out, fmt.Sprint("outer recovered ", r))
	}()
	inner(&out)
	return
}

func inner(out *[]string) {
	s := strings.Repeat("x", 3)
	defer func() { *out = append(*out, "first deferred "+s) }()
	defer func() { *out = append(*out, "second deferred "+s) }()
	defer func() { panic("from defer " + s) }()
	churn()
	panic("original")
}

func churn() {
	var keep [][]byte
	for i := 0; i < 2000; i++ {
		keep = append(keep, make([]byte, 64))
	}
	runtime.GC()
	_ = keep
}

// A nil dereference (a fault, not a call) in a frame with defers.
type T struct{ x int }

func faults(p *T) (r string) {
	defer func() { r = fmt.Sprint("recovered: ", recover()) }()
	deeper(p)
	return "no"
}

func deeper(p *T) {
	msg := strings.Repeat("y", 2)
	defer func() { churn(); fmt.Println("deeper deferred", msg) }()
	fmt.Println(p.x)
}

// Defers in a loop: each iteration's call is pending until the function returns.
func loop() (s []int) {
	for i := 0; i < 4; i++ {
		defer func() { s = append(s, i) }()
	}
	churn()
	return nil
}

// Goexit runs every deferred call of the goroutine.
func goexit() []string {
	var out []string
	done := make(chan bool)
	go func() {
		defer close(done)
		defer func() { out = append(out, "a") }()
		func() {
			defer func() { out = append(out, "b") }()
			runtime.Goexit()
		}()
	}()
	<-done
	return out
}

func wrapErr() (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("wrapped: %w", err)
		}
	}()
	return errors.New("base")
}

func main() {
	fmt.Println(locked(), locked())
	fmt.Println(panicsInDefer())
	fmt.Println(faults(nil))
	fmt.Println(loop())
	fmt.Println(goexit())
	fmt.Println(wrapErr())
	fmt.Println(testing.AllocsPerRun(100, func() { locked() }))
}
