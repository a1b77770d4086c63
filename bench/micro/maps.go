// Micro-benchmark: map insert and lookup: 1,000,000 int keys inserted, looked up 5 times (hits
// and misses), then 200,000 string keys.
package main

func key(i int) string {
	var b [16]byte
	n := len(b)
	for {
		n--
		b[n] = byte('a' + i%26)
		i /= 26
		if i == 0 {
			break
		}
	}
	return string(b[n:])
}

func main() {
	m := make(map[int]int)
	for i := 0; i < 1000000; i++ {
		m[i*7] = i
	}
	hits := 0
	for r := 0; r < 5; r++ {
		for i := 0; i < 1000000; i++ {
			if _, ok := m[i*3]; ok {
				hits++
			}
		}
	}
	s := make(map[string]int)
	for i := 0; i < 200000; i++ {
		s[key(i)] = i
	}
	sum := 0
	for i := 0; i < 200000; i++ {
		sum += s[key(i)]
	}
	println(len(m), hits, len(s), sum)
}
