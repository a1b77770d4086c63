// Call stacks as runtime.Caller, runtime.Callers, runtime.CallersFrames and runtime.FuncForPC
// report them, with inlined calls: every logical Go call is a frame (as with gc), whether the
// optimiser inlined it or not, and runtime code (rog's is Rust) never shows.
package main

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

// where reports its caller's position; small, so it is inlined into its callers.
func where() string {
	_, file, line, ok := runtime.Caller(1)
	return fmt.Sprintf("%s:%d %v", filepath.Base(file), line, ok)
}

func useWhere() string {
	return where()
}

// h, g and f form a chain that is inlined; h skips itself and Callers.
func h() []uintptr {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(2, pcs)
	return pcs[:n]
}

func g() []uintptr { return h() }

func f() []uintptr { return g() }

//go:noinline
func notInlined() []uintptr { return g() }

type T struct{ name string }

func (t *T) M() []uintptr { return f() }

func (t T) V() []uintptr { return notInlined() }

// dump prints one line per frame: function, file and line for this program's frames, the
// function alone for the runtime's (their files and lines are the toolchain's).
func dump(title string, pcs []uintptr) {
	fmt.Println(title)
	frames := runtime.CallersFrames(pcs)
	for {
		fr, more := frames.Next()
		if strings.HasPrefix(fr.Function, "main.") {
			fmt.Printf("  %s %s:%d\n", fr.Function, filepath.Base(fr.File), fr.Line)
		} else {
			fmt.Printf("  %s\n", fr.Function)
		}
		if !more {
			break
		}
	}
}

// A testing-like reporter: Errorf -> log -> decorate, which skips its own three frames
// (Callers, decorate, log) and Errorf, as testing.common.decorate does.
type reporter struct{ out []string }

func (r *reporter) decorate(msg string) string {
	var pcs [1]uintptr
	if runtime.Callers(4, pcs[:]) == 0 {
		return "???: " + msg
	}
	fr, _ := runtime.CallersFrames(pcs[:]).Next()
	return fmt.Sprintf("%s:%d: %s", filepath.Base(fr.File), fr.Line, msg)
}

func (r *reporter) log(msg string) { r.out = append(r.out, r.decorate(msg)) }

func (r *reporter) Errorf(format string, args ...any) { r.log(fmt.Sprintf(format, args...)) }

func check(r *reporter, got, want int) {
	if got != want {
		r.Errorf("got %d, want %d", got, want)
	}
}

func main() {
	fmt.Println("useWhere:", useWhere())
	fmt.Println("where:", where())
	func() {
		fmt.Println("closure:", where())
	}()

	dump("f:", f())
	dump("notInlined:", notInlined())
	t := &T{name: "t"}
	dump("(*T).M:", t.M())
	dump("T.V:", t.V())
	dump("closure:", func() []uintptr { return g() }())

	r := &reporter{}
	r.Errorf("direct %d", 1)
	check(r, 1, 2)
	for _, s := range r.out {
		fmt.Println(s)
	}

	pc, file, line, ok := runtime.Caller(0)
	fmt.Println("Caller(0):", filepath.Base(file), line, ok, runtime.FuncForPC(pc).Name())
	var one [1]uintptr
	n := runtime.Callers(0, one[:])
	fr, _ := runtime.CallersFrames(one[:n]).Next()
	fmt.Println("Callers(0):", n, fr.Function)
	_, _, _, ok = runtime.Caller(100)
	fmt.Println("Caller(100):", ok)
}
