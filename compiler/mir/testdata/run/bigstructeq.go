package main

// A struct of more than 32 bytes of plain memory compares with memcmp, in a package that also
// compares strings (which declare memcmp too).

type Big struct{ a, b, c, d, e int64 }

func main() {
	x, y := Big{1, 2, 3, 4, 5}, Big{1, 2, 3, 4, 5}
	s, t := "abc", "abd"
	println(x == y, s < t, x != Big{})
}
