// Escape analysis over mutually recursive functions finds their least fixpoint: a receiver
// they only pass among themselves stays on the stack (encoding/binary's encoder), one that a
// recursion stores in a global does not.
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"testing"
)

type node struct {
	v    int
	next *node
}

type walker struct{ sum int }

// even and odd recurse into each other; the walker they share never escapes.
func (w *walker) even(n *node) {
	if n == nil {
		return
	}
	w.sum += n.v
	w.odd(n.next)
}

func (w *walker) odd(n *node) {
	if n == nil {
		return
	}
	w.sum -= n.v
	w.even(n.next)
}

var keep *walker

func (w *walker) leaky(n int) {
	if n == 0 {
		keep = w
		return
	}
	w.leaky(n - 1)
}

type S struct {
	A int32
	B [3]uint16
	C struct{ X, Y float64 }
}

func main() {
	list := &node{1, &node{2, &node{3, nil}}}
	fmt.Println(testing.AllocsPerRun(100, func() {
		w := &walker{}
		w.even(list)
		if w.sum != 2 {
			panic(w.sum)
		}
	}))
	fmt.Println(testing.AllocsPerRun(100, func() {
		w := &walker{}
		w.leaky(3)
	}))
	var s S
	buf := make([]byte, 0, binary.Size(&s))
	var err error
	fmt.Println(testing.AllocsPerRun(10, func() { _, err = binary.Append(buf, binary.LittleEndian, &s) }), err)
	s.C.X = 1.5
	out, _ := binary.Append(nil, binary.BigEndian, &s)
	var back S
	binary.Read(bytes.NewReader(out), binary.BigEndian, &back)
	fmt.Println(len(out), back == s, keep != nil)
}
