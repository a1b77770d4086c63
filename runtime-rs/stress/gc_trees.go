// Stress: the collector. Goroutines build binary trees and linked lists while others allocate
// garbage, keep some structures alive across many collections and check them afterwards
// (run under ROG_DEBUG=gcstress=N by run.sh as well).
package main

type node struct {
	left, right *node
	val         int
}

func build(d int) *node {
	if d == 0 {
		return &node{val: 1}
	}
	return &node{build(d - 1), build(d - 1), d}
}

func (n *node) check() int {
	if n.left == nil {
		return n.val
	}
	return n.val + n.left.check() + n.right.check()
}

type item struct {
	next *item
	data []byte
	name string
}

func worker(id int, res chan<- int) {
	keep := build(10)
	var list *item
	for i := 0; i < 800; i++ {
		list = &item{next: list, data: make([]byte, 16+i%64), name: "x"}
		list.data[0] = byte(i)
		_ = build(5) // garbage
		if i%100 == 0 {
			s := make([]*node, 0)
			for j := 0; j < 50; j++ {
				s = append(s, &node{val: j})
			}
			_ = s
		}
	}
	n := 0
	for p := list; p != nil; p = p.next {
		n += int(p.data[0]) + len(p.name)
	}
	res <- keep.check() + n
}

func main() {
	res := make(chan int)
	for g := 0; g < 4; g++ {
		go worker(g, res)
	}
	total := 0
	for g := 0; g < 4; g++ {
		total += <-res
	}
	println("gc_trees", total)
}
