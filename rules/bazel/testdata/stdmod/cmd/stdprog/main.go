// A program built from the standard library's packages as Bazel targets (@rog_std).
package main

import (
	"errors"
	"math"

	"example.com/stdmod/lib/count"
)

func main() {
	n, err := count.Runes("héllo, wörld")
	println("runes:", n, err == nil)
	_, err = count.Runes("")
	println("empty:", errors.Is(err, count.ErrEmpty), err.Error())
	println("sqrt:", int(math.Sqrt(float64(n*n))), "calls:", count.Calls())
}
