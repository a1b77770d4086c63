// 100,000 goroutines blocked at the same time (run.sh checks the peak RSS stays under 1 GiB).
package main

func main() {
	const n = 100000
	ready := make(chan bool, n)
	start := make(chan int)
	done := make(chan int, 1000)
	for i := 0; i < n; i++ {
		go func(i int) {
			ready <- true
			v := <-start
			done <- v + 1
		}(i)
	}
	for i := 0; i < n; i++ {
		<-ready
	}
	close(start)
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-done
	}
	println("blocked100k", sum)
}
