// Micro-benchmark: allocation-heavy binary trees (the benchmarks game's shape, single-threaded,
// max depth 18).
package main

type node struct{ left, right *node }

func make_(d int) *node {
	if d == 0 {
		return &node{}
	}
	return &node{make_(d - 1), make_(d - 1)}
}

func (n *node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func main() {
	const max = 18
	long := make_(max)
	total := 0
	for d := 4; d <= max; d += 2 {
		iters := 1 << (max - d + 4)
		c := 0
		for i := 0; i < iters; i++ {
			c += make_(d).check()
		}
		total += c
	}
	println(total, long.check())
}
