// append reads every value it appends before it stores any (Go issue 3369, test/bug428.go):
// here the first store lands on the element the last argument reads.
package main

type pair struct{ a, b int }

func main() {
	s := make([]byte, 5, 6)
	copy(s, "12346")
	s = append(s[:len(s)-1], '5', s[len(s)-1])
	println(string(s))

	p := make([]pair, 3, 8)
	p[2] = pair{7, 8}
	p = append(p[:2], pair{1, 2}, p[2], p[2])
	println(p[2].a, p[3].a, p[4].b, len(p))

	x := []int{1, 2, 3}
	x = append(x[:1], x[2], x[1], x[0])
	println(x[0], x[1], x[2], x[3])
}
