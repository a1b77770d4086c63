// Stress: channels. A pipeline of unbuffered and buffered stages, fan-in of many producers,
// close and range, nil-channel cases in select. Checks the sum of everything received.
package main

func stage(in <-chan int, out chan<- int, k int) {
	for v := range in {
		out <- v + k
	}
	close(out)
}

func main() {
	const n = 20000
	src := make(chan int)
	var c <-chan int = src
	for i := 0; i < 8; i++ {
		var out chan int
		if i%2 == 0 {
			out = make(chan int)
		} else {
			out = make(chan int, i)
		}
		go stage(c, out, 1)
		c = out
	}
	go func() {
		for i := 0; i < n; i++ {
			src <- i
		}
		close(src)
	}()
	sum := 0
	for v := range c {
		sum += v
	}
	// fan-in: 64 producers into one buffered channel, counted with a done channel
	fan := make(chan int, 16)
	done := make(chan bool)
	for p := 0; p < 64; p++ {
		go func(p int) {
			for i := 0; i < 500; i++ {
				fan <- 1
			}
			done <- true
		}(p)
	}
	got := 0
	finished := 0
	var nilc chan int
	for finished < 64 || got < 64*500 {
		select {
		case v := <-fan:
			got += v
		case <-done:
			finished++
		case nilc <- 1:
			panic("nil channel send selected")
		}
	}
	println("chan_pipeline", sum, got)
}
