// Builtins that become LLVM intrinsics (min, max and math.Floor of floats) in a function with
// defers: they are called, never invoked (LLVM rejects invoking an intrinsic; math/big's tests
// did not compile).
package main

import (
	"fmt"
	"math"
)

func f(x float64) (r float64) {
	defer func() { r += 1 }()
	return min(1e100, x) + max(x, -1) + math.Floor(x)
}

func main() {
	fmt.Println(f(2.5), f(math.Inf(1)))
}
