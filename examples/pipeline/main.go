// pipeline connects goroutines with channels in two ways: a chain of filters that sieves
// primes (one goroutine per prime found), and a fan-out to worker goroutines and a fan-in of
// their results, closed with a sync.WaitGroup. A test of goroutine creation, channel
// operations and scheduling.
//
// It prints with println; sync is its only import.
package main

import "sync"

// size is the upper bound of the sieve; the fan-out handles 20 times as many jobs. The bench
// harness rewrites this line to the quick value for short runs.
const size = 40000 // bench:size quick=5000

const workers = 8

// count sends 2, 3, ..., limit-1 on the returned channel, then closes it.
func count(limit int) <-chan int {
	out := make(chan int)
	go func() {
		for n := 2; n < limit; n++ {
			out <- n
		}
		close(out)
	}()
	return out
}

// sieve passes on the numbers from in that prime does not divide, and closes its output when
// in is closed.
func sieve(in <-chan int, prime int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			if n%prime != 0 {
				out <- n
			}
		}
		close(out)
	}()
	return out
}

// primes finds the primes below limit: the first number out of the chain is always prime, and
// it becomes the next filter.
func primes(limit int) (found, sum, last int) {
	ch := count(limit)
	for {
		p, ok := <-ch
		if !ok {
			return found, sum, last
		}
		found++
		sum += p
		last = p
		ch = sieve(ch, p)
	}
}

// steps is the number of Collatz steps from n to 1.
func steps(n int) int {
	s := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		s++
	}
	return s
}

type result struct{ n, steps int }

// collatz hands the numbers 1..jobs to the workers and combines what they send back: the total
// step count and the number with the most steps (the smallest such number on a tie).
func collatz(jobs int) (total, longest int) {
	in := make(chan int, 64)
	out := make(chan result, 64)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range in {
				out <- result{n, steps(n)}
			}
		}()
	}
	go func() {
		for n := 1; n <= jobs; n++ {
			in <- n
		}
		close(in)
	}()
	go func() {
		wg.Wait()
		close(out)
	}()

	best := result{}
	for r := range out {
		total += r.steps
		if r.steps > best.steps || (r.steps == best.steps && r.n < best.n) {
			best = r
		}
	}
	return total, best.n
}

func main() {
	found, sum, last := primes(size)
	println("primes below", size, "count", found, "sum", sum, "largest", last)
	total, longest := collatz(20 * size)
	println("collatz 1 to", 20*size, "total steps", total, "longest from", longest)
}
