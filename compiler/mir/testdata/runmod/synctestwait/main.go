// synctest.Wait returns once every other goroutine of the bubble is durably blocked: on the
// bubble's channels (send, receive, select, nil channels, select {}), sync.Cond.Wait, a
// WaitGroup of the bubble, time.Sleep; and not while one waits on a mutex.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

func main() {
	testing.Main(func(pat, str string) (bool, error) { return true, nil },
		[]testing.InternalTest{{Name: "TestWait", F: testWait}}, nil, nil)
}

func testWait(t *testing.T) {
	var mu sync.Mutex
	synctest.Test(t, func(t *testing.T) {
		var steps atomic.Int64
		unbuf := make(chan int)
		buf := make(chan int, 1)
		buf <- 1
		never := make(chan int)
		cond := sync.NewCond(&mu)
		var wg sync.WaitGroup
		wg.Add(1)

		go func() { steps.Add(1); <-unbuf; steps.Add(100) }()
		go func() { steps.Add(1); buf <- 2; steps.Add(100) }()
		go func() {
			steps.Add(1)
			select {
			case <-never:
			case buf <- 3:
			}
			steps.Add(100)
		}()
		go func() {
			mu.Lock()
			steps.Add(1)
			cond.Wait()
			mu.Unlock()
			steps.Add(100)
		}()
		go func() { steps.Add(1); wg.Wait(); steps.Add(100) }()
		go func() { steps.Add(1); time.Sleep(time.Hour); steps.Add(100) }()
		synctest.Wait()
		fmt.Println("all blocked:", steps.Load(), "at", time.Since(start()))

		unbuf <- 1
		synctest.Wait()
		fmt.Println("receiver woke:", steps.Load())
		<-buf
		synctest.Wait()
		fmt.Println("buffer drained:", steps.Load(), len(buf))
		<-buf
		synctest.Wait()
		fmt.Println("select sent:", steps.Load())
		mu.Lock()
		cond.Signal()
		mu.Unlock()
		synctest.Wait()
		fmt.Println("cond signalled:", steps.Load())
		wg.Done()
		synctest.Wait()
		fmt.Println("waitgroup done:", steps.Load())
		time.Sleep(time.Hour)
		synctest.Wait()
		fmt.Println("sleeper woke:", steps.Load(), "at", time.Since(start()))
	})

	// A goroutine waiting for a mutex is not durably blocked: Wait returns only once the
	// goroutine outside the bubble has unlocked it (after real time) and the waiter went on.
	var outer sync.Mutex
	outer.Lock()
	go func() {
		time.Sleep(50 * time.Millisecond)
		outer.Unlock()
	}()
	synctest.Test(t, func(t *testing.T) {
		var locked atomic.Bool
		ch := make(chan int)
		go func() {
			outer.Lock()
			locked.Store(true)
			<-ch
		}()
		synctest.Wait()
		fmt.Println("mutex acquired before Wait returned:", locked.Load(), time.Since(start()))
		close(ch)
	})
}

func start() time.Time { return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) }
