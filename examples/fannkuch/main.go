// fannkuch visits every permutation of 0..n-1 and, for each, repeatedly reverses the prefix
// whose length is one more than the first element until 0 comes first ("pancake flips"). It
// prints the largest number of flips and a signed checksum of all flip counts: a test of tight
// loops over small arrays.
//
// It imports nothing and prints with println, so that a young compiler can build it.
package main

// size is the permutation length. The bench harness rewrites this line to the quick value for
// short runs.
const size = 11 // bench:size quick=10

// flips counts the prefix reversals that bring 0 to the front of p, working on the scratch
// slice so that p is left unchanged.
func flips(p, scratch []int) int {
	copy(scratch, p)
	n := 0
	for first := scratch[0]; first != 0; first = scratch[0] {
		for i, j := 0, first; i < j; i, j = i+1, j-1 {
			scratch[i], scratch[j] = scratch[j], scratch[i]
		}
		n++
	}
	return n
}

// fannkuch returns the signed checksum (even-numbered permutations add their flip count, odd
// ones subtract it) and the largest flip count over all permutations of 0..n-1.
func fannkuch(n int) (int, int) {
	perm := make([]int, n)
	scratch := make([]int, n)
	// turns[i] counts the rotations of perm[:i+1] done since it was last back in order.
	turns := make([]int, n)
	for i := range perm {
		perm[i] = i
	}

	checksum, most := 0, 0
	for index := 0; ; index++ {
		f := 0
		if perm[0] != 0 {
			f = flips(perm, scratch)
		}
		if f > most {
			most = f
		}
		if index%2 == 0 {
			checksum += f
		} else {
			checksum -= f
		}

		// Next permutation: rotate the shortest prefix that has not yet made a full turn.
		i := 1
		for ; i < n; i++ {
			head := perm[0]
			copy(perm[:i], perm[1:i+1])
			perm[i] = head
			turns[i]++
			if turns[i] <= i {
				break
			}
			turns[i] = 0
		}
		if i == n {
			return checksum, most
		}
	}
}

func main() {
	checksum, most := fannkuch(size)
	println("n", size, "checksum", checksum, "max flips", most)
}
