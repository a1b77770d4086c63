// Micro-benchmark: goroutine spawn and join, 1,000,000 goroutines in batches of 1,000.
package main

func main() {
	done := make(chan int, 1000)
	sum := 0
	for b := 0; b < 1000; b++ {
		for i := 0; i < 1000; i++ {
			go func(i int) { done <- i }(i)
		}
		for i := 0; i < 1000; i++ {
			sum += <-done
		}
	}
	println(sum)
}
