// Stress: select. With several channels always ready, each case must be chosen about equally
// often (uniform random choice); select with default never blocks; many goroutines selecting on
// shared channels lose no value.
package main

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	c := make(chan int, 1)
	var counts [3]int
	for i := 0; i < 30000; i++ {
		a <- 0
		b <- 1
		c <- 2
		select {
		case v := <-a:
			counts[v]++
			<-b
			<-c
		case v := <-b:
			counts[v]++
			<-a
			<-c
		case v := <-c:
			counts[v]++
			<-a
			<-b
		}
	}
	fair := true
	for _, k := range counts {
		if k < 9000 || k > 11000 {
			fair = false
		}
	}
	empty := make(chan int)
	defaults := 0
	for i := 0; i < 1000; i++ {
		select {
		case <-empty:
		default:
			defaults++
		}
	}
	// 16 senders and 16 receivers selecting over 4 shared channels
	var chs [4]chan int
	for i := range chs {
		chs[i] = make(chan int)
	}
	total := make(chan int)
	for s := 0; s < 16; s++ {
		go func(s int) {
			for i := 0; i < 1000; i++ {
				select {
				case chs[0] <- 1:
				case chs[1] <- 1:
				case chs[2] <- 1:
				case chs[3] <- 1:
				}
			}
		}(s)
	}
	for r := 0; r < 16; r++ {
		go func() {
			n := 0
			for i := 0; i < 1000; i++ {
				select {
				case v := <-chs[0]:
					n += v
				case v := <-chs[1]:
					n += v
				case v := <-chs[2]:
					n += v
				case v := <-chs[3]:
					n += v
				}
			}
			total <- n
		}()
	}
	sum := 0
	for r := 0; r < 16; r++ {
		sum += <-total
	}
	println("select_fair", fair, defaults, sum)
}
