// The frames runtime.Callers reports carry the line of each call, even where two paths call
// the same function that does not return (t.Fatal and t.Fatalf in a test, which testing
// reported as ???:1): LLVM must not merge the two calls into one without a line.
package main

import (
	"fmt"
	"runtime"
)

type T struct{ failed bool }

func (t *T) log(s string) {
	pc := make([]uintptr, 8)
	n := runtime.Callers(3, pc)
	frames := runtime.CallersFrames(pc[:n])
	f, _ := frames.Next()
	fmt.Println(s, "at line", f.Line)
}

func (t *T) Fatal(args ...any) {
	t.log(fmt.Sprintln(args...))
	t.failed = true
	runtime.Goexit()
}

func (t *T) Fatalf(format string, args ...any) {
	t.log(fmt.Sprintf(format, args...))
	t.failed = true
	runtime.Goexit()
}

func test(t *T, a, b int) {
	if a < 0 {
		t.Fatal("a:", a)
	}
	if b < 0 {
		t.Fatalf("b: %d", b)
	}
}

func run(a, b int) {
	done := make(chan bool)
	go func() {
		defer close(done)
		test(&T{}, a, b)
	}()
	<-done
}

func main() {
	run(-1, 2)
	run(1, -2)
}
