// qsort-bsearch sorts millions of pseudo-random integers with a hand-written quicksort, then
// looks up millions of keys with binary search, and prints checksums of both phases.
//
// An optional argument overrides the size; sort.IntsAreSorted checks the result.
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
)

// size is how many integers are sorted; twice as many keys are searched for. The bench harness
// rewrites this line to the quick value for short runs.
const size = 2500000 // bench:size quick=200000

// rng is a 64-bit linear congruential generator (Knuth's MMIX constants); its high bits are
// good enough to make unpredictable keys and fully reproducible on every compiler.
type rng struct{ state uint64 }

func (r *rng) next() int {
	r.state = r.state*6364136223846793005 + 1442695040888963407
	return int(r.state >> 33)
}

// sortInts sorts a in place: quicksort with a median-of-three pivot, recursing into the smaller
// side and looping on the larger so that the stack stays logarithmic, and insertion sort for
// short runs.
func sortInts(a []int) {
	for len(a) > 24 {
		lo, hi := partition(a)
		if lo < len(a)-hi {
			sortInts(a[:lo])
			a = a[hi:]
		} else {
			sortInts(a[hi:])
			a = a[:lo]
		}
	}
	insertionSort(a)
}

// partition splits a around a pivot into a[:lo] < pivot, a[lo:hi] == pivot, a[hi:] > pivot
// (a three-way split, so runs of equal keys cost nothing) and returns lo and hi.
func partition(a []int) (int, int) {
	pivot := medianOfThree(a[0], a[len(a)/2], a[len(a)-1])
	lt, i, gt := 0, 0, len(a)
	for i < gt {
		v := a[i]
		if v < pivot {
			a[lt], a[i] = v, a[lt]
			lt++
			i++
		} else if v > pivot {
			gt--
			a[gt], a[i] = v, a[gt]
		} else {
			i++
		}
	}
	return lt, gt
}

func medianOfThree(x, y, z int) int {
	if x > y {
		x, y = y, x
	}
	if y > z {
		y = z
	}
	if x > y {
		return x
	}
	return y
}

func insertionSort(a []int) {
	for i := 1; i < len(a); i++ {
		v := a[i]
		j := i
		for j > 0 && a[j-1] > v {
			a[j] = a[j-1]
			j--
		}
		a[j] = v
	}
}

// search returns the smallest index i with a[i] >= key, or len(a) if there is none.
func search(a []int, key int) int {
	lo, hi := 0, len(a)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if a[mid] < key {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

func main() {
	n := size
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v <= 0 {
			fmt.Fprintf(os.Stderr, "usage: qsort-bsearch [size]: %v\n", os.Args[1])
			os.Exit(2)
		}
		n = v
	}

	// Keys lie in [0, 4*n), so about a quarter of the searches find their key.
	limit := 4 * n
	r := rng{state: 20240601}
	a := make([]int, n)
	for i := range a {
		a[i] = r.next() % limit
	}

	sortInts(a)
	if !sort.IntsAreSorted(a) {
		fmt.Println("not sorted")
		os.Exit(1)
	}
	var sum uint64
	for _, v := range a {
		sum = sum*31 + uint64(v)
	}
	fmt.Println("sorted", len(a), "ints, checksum", sum)

	found := 0
	var where uint64
	for k := 0; k < 2*n; k++ {
		key := r.next() % limit
		i := search(a, key)
		if i < len(a) && a[i] == key {
			found++
		}
		where += uint64(i)
	}
	fmt.Println("searched", 2*n, "keys, found", found, "position sum", where)
}
