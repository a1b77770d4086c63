// A generic instance that copies its argument's elements into a slice it makes (slices.Repeat)
// must tell its callers that those elements reach the heap: the composite literal's objects
// below were left in main.init's frame, and the table read freed memory after a GC.
package main

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
)

type T struct{ Name, Raw string }

var tbl = slices.Repeat([]*T{{Name: strings.Repeat("a", 3), Raw: "a="}}, 3001)

var gs = make([]*T, 2)

// copied copies its argument's elements into a global's array.
//
//go:noinline
func copied(x []*T) { copy(gs, x) }

var sink [][]byte

func fill() {
	x := []*T{{Name: "b" + strings.Repeat("c", 2)}, {Name: "d"}}
	copied(x)
}

func main() {
	fill()
	for i := 0; i < 20000; i++ {
		sink = append(sink, make([]byte, 100))
	}
	runtime.GC()
	clear(sink)
	for i := 0; i < 20000; i++ {
		sink = append(sink, make([]byte, 64))
	}
	runtime.GC()
	n := 0
	for _, t := range tbl {
		if t.Name == "aaa" && t.Raw == "a=" {
			n++
		}
	}
	fmt.Println(n, gs[0].Name, gs[1].Name)
}
