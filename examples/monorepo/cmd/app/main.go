// Command app is the monorepo example's program.
package main

import "example.com/monorepo/lib/mid"

func main() {
	println("monorepo app")
	mid.Report()
}
