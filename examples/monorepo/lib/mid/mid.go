// Package mid sits between the program and lib/leaf.
package mid

import "example.com/monorepo/lib/leaf"

// Report prints the leaf's greeting and answer.
func Report() {
	println(leaf.Greeting(), "from mid")
	println("answer:", leaf.Answer())
}
