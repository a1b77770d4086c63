package main

type node struct {
	next *node
	v    int
}

func main() {
	var head *node
	for i := 0; i < 1000000; i++ {
		n := new(node)
		n.v = i
		n.next = head
		if i%1000 == 0 {
			head = nil
		}
		head = n
	}
	println(head.v)
}
