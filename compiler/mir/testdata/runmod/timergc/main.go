// Timers live in the runtime's timer heap, not in goroutines, and an armed channel timer whose
// channel nobody references is collected (time's TestTimerGC); they still fire, stop and reset.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func inuse() int64 {
	var s runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&s)
	return int64(s.Mallocs - s.Frees)
}

func main() {
	g0 := runtime.NumGoroutine()
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"After", func() { time.After(time.Hour) }},
		{"Tick", func() { time.Tick(time.Hour) }},
		{"NewTimer", func() { time.NewTimer(time.Hour) }},
		{"NewTicker", func() { time.NewTicker(time.Hour) }},
		{"NewTimerStop", func() { time.NewTimer(time.Hour).Stop() }},
	} {
		before := inuse()
		for i := 0; i < 10000; i++ {
			c.f()
		}
		after := inuse()
		fmt.Println(c.name, after-before < 10000)
	}
	fmt.Println("goroutines", runtime.NumGoroutine()-g0)

	// Timers still fire, stop and reset as before.
	t := time.NewTimer(20 * time.Millisecond)
	start := time.Now()
	<-t.C
	fmt.Println("fired", time.Since(start) >= 20*time.Millisecond)
	t.Reset(time.Hour)
	fmt.Println("stop", t.Stop(), t.Stop())
	t.Reset(time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("reset drains", t.Reset(time.Hour), len(t.C))
	tk := time.NewTicker(5 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 5 {
			break
		}
	}
	tk.Stop()
	fmt.Println("ticks", n)
	done := make(chan bool)
	time.AfterFunc(time.Millisecond, func() { done <- true })
	fmt.Println("afterfunc", <-done)
	// A channel timer nobody else references still fires for a goroutine waiting on it.
	runtime.GC()
	c := time.After(30 * time.Millisecond)
	go func() { runtime.GC(); runtime.GC() }()
	<-c
	fmt.Println("after fired")
}
