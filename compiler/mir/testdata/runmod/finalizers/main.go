package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

type T struct {
	name string
	pad  [4]int
}

type Namer interface{ Name() string }

func (t *T) Name() string { return t.name }

var finalized, cleaned atomic.Int32

func waitFor(c *atomic.Int32, n int32) bool {
	for i := 0; i < 200 && c.Load() < n; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	return c.Load() >= n
}

//go:noinline
func makeFinalized() {
	for i := 0; i < 10; i++ {
		t := &T{name: fmt.Sprint("t", i)}
		switch i % 3 {
		case 0:
			runtime.SetFinalizer(t, func(t *T) { finalized.Add(1) })
		case 1:
			runtime.SetFinalizer(t, func(x any) { finalized.Add(1) })
		case 2:
			runtime.SetFinalizer(t, func(n Namer) { finalized.Add(1) })
		}
	}
}

//go:noinline
func makeCleaned() {
	for i := 0; i < 10; i++ {
		t := &T{name: "c"}
		runtime.AddCleanup(t, func(n int) { cleaned.Add(int32(n)) }, 1)
		runtime.AddCleanup(t, func(s string) { cleaned.Add(int32(len(s))) }, "xx")
	}
}

//go:noinline
func makeStopped() {
	for i := 0; i < 10; i++ {
		t := &T{name: "s"}
		c := runtime.AddCleanup(t, func(int) { cleaned.Add(1000) }, 0)
		c.Stop()
	}
}

//go:noinline
func makeCleared() {
	for i := 0; i < 10; i++ {
		t := &T{name: "x"}
		runtime.SetFinalizer(t, func(*T) { finalized.Add(1000) })
		runtime.SetFinalizer(t, nil)
	}
}

func main() {
	makeFinalized()
	fmt.Println("finalizers ran:", waitFor(&finalized, 10), finalized.Load())
	makeCleaned()
	makeStopped()
	makeCleared()
	fmt.Println("cleanups ran:", waitFor(&cleaned, 30), cleaned.Load())
	for i := 0; i < 5; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	fmt.Println("after more cycles:", finalized.Load(), cleaned.Load())
}
