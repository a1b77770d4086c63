package main

type key struct {
	a int
	b string
}

func producer(n int, out chan<- int) {
	for i := 0; i < n; i++ {
		out <- i
	}
	close(out)
}

func main() {
	m := map[string]int{"a": 1, "b": 2}
	m["c"] = 3
	m["a"] += 10
	v, ok := m["zz"]
	println(len(m), m["a"], m["c"], v, ok)
	delete(m, "b")
	_, ok = m["b"]
	println(len(m), ok)
	sum := 0
	for k, v := range m {
		sum += v + len(k)
	}
	println(sum)
	sk := map[key]bool{}
	sk[key{1, "x"}] = true
	println(sk[key{1, "x"}], sk[key{2, "x"}])
	var nm map[int]int
	println(nm[5], len(nm))
	ia := map[any]int{1: 1, "s": 2}
	println(ia[1], ia["s"], ia[2.0])

	ch := make(chan int)
	go producer(5, ch)
	total := 0
	for x := range ch {
		total += x
	}
	println(total)
	bc := make(chan string, 2)
	bc <- "hi"
	bc <- "there"
	println(len(bc), cap(bc), <-bc, <-bc)
	done := make(chan bool)
	res := make(chan int, 1)
	go func() {
		res <- 42
		done <- true
	}()
	<-done
	select {
	case r := <-res:
		println("got", r)
	default:
		println("none")
	}
	select {
	case r, ok := <-res:
		println("again", r, ok)
	default:
		println("empty")
	}
	close(res)
	r, ok2 := <-res
	println(r, ok2)
	clear(m)
	println(len(m))
}
