// synctest's misuse and deadlocks panic with gc's values; a goroutine outside a bubble that
// uses one of the bubble's channels dies with gc's fatal error (shown by a child process).
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

func main() {
	if what := os.Getenv("SYNCTEST_CHILD"); what != "" {
		child(what)
		return
	}
	testing.Main(func(pat, str string) (bool, error) { return true, nil },
		[]testing.InternalTest{{Name: "TestDeadlock", F: testDeadlock}}, nil, nil)
}

// bubble runs f in a bubble and prints the panic that ends it, if any.
func bubble(t *testing.T, name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Printf("%s: error %q\n", name, err.Error())
		} else {
			fmt.Printf("%s: %v\n", name, r)
		}
	}()
	synctest.Test(t, func(*testing.T) { f() })
}

func testDeadlock(t *testing.T) {
	bubble(t, "receive", func() { <-make(chan int) })
	bubble(t, "nil channel", func() {
		var c chan int
		go func() { c <- 1 }()
		<-c
	})
	bubble(t, "select {}", func() { select {} })
	bubble(t, "cond", func() {
		var mu sync.Mutex
		c := sync.NewCond(&mu)
		mu.Lock()
		c.Wait()
	})
	bubble(t, "waitgroup", func() {
		var wg sync.WaitGroup
		wg.Add(1)
		wg.Wait()
	})
	bubble(t, "left behind", func() {
		go func() { <-make(chan int) }()
		time.Sleep(time.Second)
	})
	bubble(t, "sleeper left behind", func() {
		go func() { time.Sleep(time.Hour) }()
	})
	bubble(t, "time stops", func() {
		start := time.Now()
		c := make(chan int)
		go func() {
			select {
			case <-c:
			case <-time.After(time.Hour):
				fmt.Println("after an hour:", time.Since(start))
			}
			<-c
		}()
		time.Sleep(time.Minute)
		fmt.Println("main returns at", time.Since(start))
	})
	bubble(t, "clean", func() {
		go func() { time.Sleep(time.Hour) }()
		time.Sleep(2 * time.Hour)
	})
	bubble(t, "nested", func() {
		defer func() { fmt.Println("nested Run:", recover()) }()
		synctest.Test(t, func(*testing.T) {})
	})
	func() {
		defer func() { fmt.Println("Wait outside:", recover()) }()
		synctest.Wait()
	}()

	for _, what := range []string{"send", "receive", "close", "select"} {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), "SYNCTEST_CHILD="+what)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		line, _, _ := strings.Cut(stderr.String(), "\n")
		fmt.Printf("%s from outside: %q, %v\n", what, line, err)
	}
}

// child makes a channel in a bubble and uses it from outside.
func child(what string) {
	testing.Main(func(pat, str string) (bool, error) { return true, nil },
		[]testing.InternalTest{{Name: "TestChild", F: func(t *testing.T) {
			var c chan int
			synctest.Test(t, func(*testing.T) { c = make(chan int, 1) })
			switch what {
			case "send":
				c <- 1
			case "receive":
				select {
				case <-c:
				default:
				}
			case "close":
				close(c)
			case "select":
				select {
				case <-c:
				case <-time.After(time.Millisecond):
				}
			}
			fmt.Println("not reached")
		}}}, nil, nil)
}
