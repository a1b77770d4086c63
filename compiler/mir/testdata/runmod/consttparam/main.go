// A qualified constant compared with a value of type-parameter type: the checker gives the
// converted constant no value (its type is the type parameter), so it is lowered from the
// constant object at the instance's type.
package main

import (
	"fmt"
	"math"
)

type table[EI ~uint64 | ~int32, E any] struct{ sparse map[EI]E }

func (d *table[EI, E]) big() bool {
	maxID := EI(0)
	for id := range d.sparse {
		maxID = max(maxID, id)
	}
	return maxID >= math.MaxInt8
}

func main() {
	a := &table[uint64, int]{sparse: map[uint64]int{1 << 63: 1}}
	b := &table[int32, string]{sparse: map[int32]string{5: "x"}}
	fmt.Println(a.big(), b.big())
}
