package main

// Capacities after append follow gc's growth rule and size classes (they are visible through
// cap). The slices live in globals, so gc gives them no stack buffer either.

var (
	bs  []byte
	is  []int
	ss  []string
	ps  []*int
	big []struct{ a, b, c int64 }
)

func grow[T any](s *[]T, v T, n int) []int {
	var caps []int
	for i := 0; i < n; i++ {
		*s = append(*s, v)
		if len(caps) == 0 || caps[len(caps)-1] != cap(*s) {
			caps = append(caps, cap(*s))
		}
	}
	return caps
}

func show(caps []int) {
	for _, c := range caps {
		print(c, " ")
	}
	println()
}

func main() {
	show(grow(&bs, 1, 5000))
	show(grow(&is, 1, 3000))
	show(grow(&ss, "", 3000))
	show(grow(&ps, nil, 3000))
	show(grow(&big, struct{ a, b, c int64 }{}, 1000))
	bs = append(bs[:0:0], make([]byte, 19)...)
	println(cap(bs))
	is = append([]int(nil), 1, 2, 3, 4, 5)
	println(cap(is))
}
