// iter.Pull's coroutine is a goroutine from Pull to stop, as under gc; runtime.Goexit in the
// sequence ends the coroutine and is repeated on the goroutine that called next.
package main

import (
	"fmt"
	"iter"
	"runtime"
	"time"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	base := runtime.NumGoroutine()
	next, stop := iter.Pull(count(3))
	fmt.Println("after Pull:", runtime.NumGoroutine()-base)
	fmt.Println(next())
	stop()
	fmt.Println("after stop:", runtime.NumGoroutine()-base)
	fmt.Println(next())

	done := make(chan bool)
	go func() {
		defer func() { done <- true }()
		next, _ := iter.Pull(func(yield func(int) bool) { runtime.Goexit() })
		next()
		fmt.Println("not reached")
	}()
	fmt.Println("goexit propagated:", <-done)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("left:", runtime.NumGoroutine()-base)
}
