package main

// make([]T, len, cap): out-of-range lengths and capacities panic recoverably with gc's
// messages, and the backing array is zeroed and typed (pointers in it survive collection).

var sink []func()

func try(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			println(name, err.Error())
		} else {
			println(name, "no panic")
		}
	}()
	f()
}

type node struct {
	next *node
	v    int
}

func main() {
	n := -1
	try("neg len", func() { sink = make([]func(), n) })
	try("neg cap", func() { sink = make([]func(), 0, n) })
	try("len>cap", func() { sink = make([]func(), 3, n+3) })
	try("huge", func() { _ = make([]int64, 1<<60) })
	try("huge cap", func() { _ = make([]int64, 1, 1<<60) })
	try("ok", func() { sink = make([]func(), 2, 5) })
	println(len(sink), cap(sink), sink[0] == nil)
	z := make([]struct{}, 1<<40)
	println(len(z))

	ps := make([]*node, 100)
	for i := range ps {
		ps[i] = &node{v: i}
	}
	var garbage [][]byte
	for i := 0; i < 2000; i++ {
		garbage = append(garbage, make([]byte, 1024))
		if len(garbage) > 100 {
			garbage = garbage[:0]
		}
	}
	sum := 0
	for _, p := range ps {
		sum += p.v
	}
	println(sum)
}
