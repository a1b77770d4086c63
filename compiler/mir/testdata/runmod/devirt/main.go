// Method calls through an interface whose itab is known after inlining (h.New returns one)
// become direct calls: the object then stays in the frame, as under gc. An interface variable
// that may still be nil, or holds one of two types, keeps its dynamic call.
package main

import (
	"dv/h"
	"fmt"
	"io"
	"strings"
	"testing"
)

func sum(in []byte) byte {
	x := h.New()
	x.Write(in)
	var out [8]byte
	return x.Sum(out[:0])[0]
}

type upper struct{ s string }

func (u upper) String() string { return strings.ToUpper(u.s) }

func maybe(set bool) (r string) {
	defer func() {
		if e := recover(); e != nil {
			r = fmt.Sprint("recovered: ", e)
		}
	}()
	var s fmt.Stringer
	if set {
		s = upper{"set"}
	}
	return s.String()
}

func either(a bool) string {
	var s fmt.Stringer = upper{"a"}
	if !a {
		s = h.Name("b")
	}
	return s.String()
}

func main() {
	n := testing.AllocsPerRun(10, func() { sum([]byte("hello")) })
	fmt.Println(sum([]byte("hello")), n)
	fmt.Println(maybe(true), maybe(false))
	fmt.Println(either(true), either(false))
	var w io.Writer = new(strings.Builder)
	fmt.Fprint(w, "direct ", 1)
	fmt.Println(w.(fmt.Stringer).String())
}
