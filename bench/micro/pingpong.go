// Micro-benchmark: unbuffered channel ping-pong between two goroutines, 1,000,000 round trips.
package main

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for i := 0; i < 1000000; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	println(v)
}
