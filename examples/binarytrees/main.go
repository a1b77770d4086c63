// binarytrees allocates and walks many short-lived perfect binary trees next to one long-lived
// tree: a test of the allocator and the garbage collector.
//
// It imports nothing and prints with println, so that a young compiler can build it.
package main

// size is the depth of the long-lived tree. The bench harness rewrites this line to the quick
// value for short runs.
const size = 17 // bench:size quick=13

// shallowest is the depth of the smallest trees built in bulk.
const shallowest = 4

type node struct {
	left, right *node
}

// build returns a perfect tree of the given depth (a single leaf at depth 0).
func build(depth int) *node {
	if depth == 0 {
		return &node{}
	}
	return &node{left: build(depth - 1), right: build(depth - 1)}
}

// count returns the number of nodes in the tree under n.
func (n *node) count() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.count() + n.right.count()
}

func main() {
	deepest := size
	if deepest < shallowest+2 {
		deepest = shallowest + 2
	}

	// One tree deeper than all the others, dropped at once.
	println("stretch depth", deepest+1, "nodes", build(deepest+1).count())

	// A tree that lives through all the work below.
	keep := build(deepest)

	// At each depth build as many trees as give about the same total number of nodes.
	for depth := shallowest; depth <= deepest; depth += 2 {
		trees := 1 << uint(deepest-depth+shallowest)
		total := 0
		for i := 0; i < trees; i++ {
			total += build(depth).count()
		}
		println("depth", depth, "trees", trees, "nodes", total)
	}

	println("long-lived depth", deepest, "nodes", keep.count())
}
