package main

type entry struct {
	val    uint32
	offset int32
}

type fast struct {
	table [1 << 14]entry
	prev  []byte
	cur   int32
}

//go:noinline
func newFast() *fast {
	return &fast{cur: 65535, prev: make([]byte, 0, 65535)}
}

func main() {
	f := newFast()
	println(f.cur, cap(f.prev), f.table[100].val)
}
