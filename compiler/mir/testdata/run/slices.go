package main

type point struct {
	x, y int
}

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	var s []int
	for i := 0; i < 10; i++ {
		s = append(s, i*i)
	}
	println(len(s), cap(s) >= 10, s[9], sum(s...), sum(1, 2, 3))
	t := s[2:5]
	t[0] = 100
	println(s[2], len(t), cap(t))
	u := make([]int, 3, 10)
	n := copy(u, s)
	println(n, u[0], u[1], u[2])
	a := [3]int{1, 2, 3}
	a2 := a
	a2[0] = 9
	println(a[0], a2[0], a == a2, len(a))
	ps := []point{{1, 2}, {3, 4}}
	ps[1].y = 40
	println(ps[0].x, ps[1].y)
	p := &point{5, 6}
	p.x++
	q := p
	q.y = 60
	println(p.x, p.y, *p == point{6, 60})
	m := [][]int{{1}, {2, 3}}
	println(len(m[1]), m[1][1])
}
