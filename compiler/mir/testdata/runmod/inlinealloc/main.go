// Small allocating functions are inlined before escape analysis, as gc inlines them: what they
// allocate for a caller that keeps it in its frame costs no allocation. Frames of inlined
// functions stay visible to runtime.Caller(s), and //go:noinline is obeyed.
package main

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
)

var buf bytes.Buffer
var testBytes = []byte("hello")

type T struct{ a, b int }

func newT(a int) *T { return &T{a, a + 1} }

//go:noinline
func newTNoInline(a int) *T { return &T{a, a + 1} }

func wrap(a int) *T { return newT(a * 2) }

// here allocates and reports its caller's line.
func here() *T {
	_, _, line, _ := runtime.Caller(1)
	return &T{line, 0}
}

// frames allocates and lists the functions on the stack.
func frames() *[]string {
	pcs := make([]uintptr, 8)
	n := runtime.Callers(1, pcs)
	fs := runtime.CallersFrames(pcs[:n])
	out := []string{}
	for {
		f, more := fs.Next()
		if strings.HasPrefix(f.Function, "main.") {
			out = append(out, fmt.Sprintf("%s:%d", f.Function, f.Line))
		}
		if !more {
			break
		}
	}
	return &out
}

func index(s []int, i int) *T { return &T{s[i], 0} }

func main() {
	fmt.Println("NewBuffer", testing.AllocsPerRun(100, func() { buf = *bytes.NewBuffer(testBytes) }))
	in := []uint16{0x61, 0xd83d, 0xde00}
	fmt.Println("Decode", testing.AllocsPerRun(100, func() {
		if out := utf16.Decode(in); len(out) != 2 {
			panic("bad decode")
		}
	}))
	fmt.Println("newT", testing.AllocsPerRun(100, func() {
		if t := newT(3); t.b != 4 {
			panic("bad")
		}
	}))
	fmt.Println("wrap", testing.AllocsPerRun(100, func() {
		if t := wrap(3); t.b != 7 {
			panic("bad")
		}
	}))
	fmt.Println("noinline", testing.AllocsPerRun(100, func() {
		if t := newTNoInline(3); t.b != 4 {
			panic("bad")
		}
	}))
	for i := 0; i < 3; i++ {
		t := newT(i)
		defer func() { fmt.Println("deferred", t.a, t.b) }()
	}
	fmt.Println("caller line", here().a)
	fmt.Println("frames", *frames())
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
	}()
	index([]int{1, 2}, 5)
}
