// Calling a func value that can only hold a closure the function built uses that closure's
// escape summary: a variable the closure captures by reference stays on the stack (time's
// parseRFC3339 and its ok flag), as under gc, unless the closure itself escapes.
package main

import (
	"fmt"
	"testing"
	"time"
)

func count(s []byte) (n int, ok bool) {
	ok = true
	check := func(c byte) int {
		if c == 'x' {
			ok = false
		}
		return 1
	}
	for _, c := range s {
		n += check(c)
	}
	return n, ok
}

var sink func() int

func leak() int {
	x := 0
	f := func() int { x++; return x }
	sink = f
	return f()
}

func main() {
	in := []byte("2020-08-22T11:27:43.123456789Z")
	fmt.Println(testing.AllocsPerRun(100, func() {
		var t time.Time
		t.UnmarshalText(in)
	}))
	fmt.Println(testing.AllocsPerRun(100, func() { count(in) }))
	fmt.Println(testing.AllocsPerRun(100, func() { leak() }))
	fmt.Println(count([]byte("abx")))
	leak()
	fmt.Println(sink(), sink())
}
