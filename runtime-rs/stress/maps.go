// Stress: maps. Growth, deletion, reinsertion, iteration while deleting and inserting, string
// and struct keys, maps owned by separate goroutines.
package main

type key struct {
	a int
	s string
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	return string(b[n:])
}

func work(id int, res chan<- int) {
	m := map[int]int{}
	for i := 0; i < 50000; i++ {
		m[i] = i
	}
	for i := 0; i < 50000; i += 2 {
		delete(m, i)
	}
	for i := 0; i < 50000; i += 4 {
		m[i] = -i
	}
	sum := 0
	for k, v := range m {
		sum += k + v
		if k%3 == 0 {
			delete(m, k)
		}
	}
	sm := map[string]int{}
	for i := 0; i < 5000; i++ {
		sm[itoa(i)] = i
	}
	ok := 0
	for i := 0; i < 5000; i++ {
		if sm[itoa(i)] == i {
			ok++
		}
	}
	km := map[key]int{}
	for i := 0; i < 2000; i++ {
		km[key{i, itoa(i)}] += i
	}
	for i := 0; i < 2000; i++ {
		if km[key{i, itoa(i)}] == i {
			ok++
		}
	}
	res <- sum + ok + len(m)*0 + id*0
}

func main() {
	res := make(chan int)
	for g := 0; g < 8; g++ {
		go work(g, res)
	}
	total := 0
	for g := 0; g < 8; g++ {
		total += <-res
	}
	println("maps", total)
}
