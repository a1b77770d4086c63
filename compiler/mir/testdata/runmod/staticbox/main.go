// Values converted to interfaces that are known at compile time point at read-only data, as
// under gc: a local that always holds one constant, a composite literal of constants. The
// allocation counts are gc's; variables that change must still be boxed anew.
package main

import (
	"bytes"
	"fmt"
	"testing"
)

var buf bytes.Buffer

type P struct{ x, y int }
type Q struct {
	name string
	p    P
	f    func()
}

// table holds closures in a package variable's initialiser, as fmt's tests do.
var table = []func(){
	func() { buf.Reset(); s := "hello"; fmt.Fprintf(&buf, "%s", s) },
	func() { buf.Reset(); i := 1 << 16; fmt.Fprintf(&buf, "%x", i) },
}

func main() {
	for _, f := range table {
		fmt.Println(testing.AllocsPerRun(100, f))
	}
	fmt.Println(testing.AllocsPerRun(100, func() { buf.Reset(); s := "hello"; fmt.Fprintf(&buf, "%s", s) }))
	fmt.Println(testing.AllocsPerRun(100, func() { buf.Reset(); i := 1 << 16; fmt.Fprintf(&buf, "%x", i) }))
	fmt.Println(testing.AllocsPerRun(100, func() { buf.Reset(); fmt.Fprintf(&buf, "%v", P{1, 2}) }))
	// Values must still be right, and variables that change must not be boxed as constants.
	s := "a"
	var xs []any
	for i := 0; i < 3; i++ {
		xs = append(xs, s, P{i, 2}, Q{"q", P{3, 4}, nil})
		s += "b"
	}
	k := 5
	p := &k
	*p = 6
	fmt.Println(xs, k, any(k))
	j := 7
	j++
	fmt.Println(any(j))
	x := P{1, 2}
	var a any = x
	x.x = 9
	fmt.Println(a, x)
}
