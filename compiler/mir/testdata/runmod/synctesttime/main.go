// Inside a synctest bubble time is fake: it starts at 2000-01-01 00:00:00 UTC and jumps to the
// next timer whenever every goroutine of the bubble is durably blocked.
package main

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

func main() {
	testing.Main(func(pat, str string) (bool, error) { return true, nil },
		[]testing.InternalTest{{Name: "TestTime", F: testTime}}, nil, nil)
}

var base = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func since() time.Duration { return time.Since(base) }

func testTime(t *testing.T) {
	outside := time.Now()
	synctest.Test(t, func(t *testing.T) {
		now := time.Now()
		fmt.Println("now:", now.UTC(), now.Equal(base), now.Location() == time.Local)
		fmt.Println("outside is later:", outside.After(now))

		time.Sleep(90 * time.Minute)
		fmt.Println("after sleep:", since(), time.Now().UTC().Format(time.RFC3339Nano))
		time.Sleep(0)
		time.Sleep(-time.Second)
		fmt.Println("zero sleeps:", since())

		// Sleepers wake in the order of their deadlines, each at its own fake instant.
		var mu sync.Mutex
		var order []string
		var wg sync.WaitGroup
		for _, d := range []time.Duration{3 * time.Second, time.Second, 2 * time.Second} {
			wg.Go(func() {
				time.Sleep(d)
				mu.Lock()
				order = append(order, fmt.Sprint(d, "@", since()))
				mu.Unlock()
			})
		}
		wg.Wait()
		fmt.Println("sleepers:", order)

		tm := time.NewTimer(time.Minute)
		fmt.Println("stop before firing:", tm.Stop())
		fmt.Println("reset stopped:", tm.Reset(2*time.Minute))
		v := <-tm.C
		fmt.Println("timer fired:", v.Sub(base), since())
		fmt.Println("stop after firing:", tm.Stop())

		tk := time.NewTicker(10 * time.Second)
		for range 3 {
			v := <-tk.C
			fmt.Println("tick:", v.Sub(base))
		}
		tk.Reset(time.Hour)
		v = <-tk.C
		fmt.Println("tick after reset:", v.Sub(base))
		tk.Stop()

		fmt.Println("after:", (<-time.After(5 * time.Second)).Sub(base))

		ran := make(chan time.Duration, 1)
		time.AfterFunc(time.Second, func() { ran <- since() })
		stopped := time.AfterFunc(time.Millisecond, func() { fmt.Println("stopped AfterFunc ran") })
		stopped.Stop()
		fmt.Println("afterfunc at:", <-ran)
		now0 := time.AfterFunc(0, func() { ran <- since() })
		fmt.Println("afterfunc(0) at:", <-ran, now0.Stop())

		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		dl, _ := ctx.Deadline()
		fmt.Println("deadline:", dl.Sub(base), time.Until(dl))
		<-ctx.Done()
		fmt.Println("context done:", ctx.Err(), since())

		// A timer goroutine waits in select with a timeout.
		res := make(chan string)
		go func() {
			time.Sleep(time.Hour)
			res <- "late"
		}()
		select {
		case r := <-res:
			fmt.Println(r)
		case <-time.After(time.Minute):
			fmt.Println("timed out at", since())
		}
		fmt.Println(<-res, "at", since())
	})
	fmt.Println("real clock again:", time.Since(outside) < time.Hour)
}
