// Stress: many goroutines. Waves of 10,000 goroutines that block on a channel, are released
// together and report back; a goroutine chain passing a token through 10,000 hops; busy loops
// that must not starve the others (preemption).
package main

func main() {
	total := 0
	for wave := 0; wave < 5; wave++ {
		const n = 10000
		start := make(chan int)
		back := make(chan int, 100)
		for i := 0; i < n; i++ {
			go func(i int) {
				v := <-start
				back <- v + i
			}(i)
		}
		close(start)
		for i := 0; i < n; i++ {
			total += <-back
		}
	}
	first := make(chan int)
	var in chan int = first
	for i := 0; i < 10000; i++ {
		out := make(chan int)
		go func(in, out chan int) { out <- 1 + <-in }(in, out)
		in = out
	}
	first <- 0
	hops := <-in
	stop := make(chan bool)
	spun := make(chan int)
	for i := 0; i < 4; i++ {
		go func() {
			n := 0
			for {
				select {
				case <-stop:
					spun <- n
					return
				default:
					n++
				}
			}
		}()
	}
	busy := make(chan int)
	go func() {
		x := 0
		for i := 0; i < 50000000; i++ {
			x += i & 1
		}
		busy <- x
	}()
	b := <-busy
	for i := 0; i < 4; i++ {
		stop <- true
	}
	for i := 0; i < 4; i++ {
		<-spun
	}
	println("goroutines", total, hops, b)
}
