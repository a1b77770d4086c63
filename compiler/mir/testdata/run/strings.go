package main

func main() {
	s := "héllo"
	println(len(s), s[1], s[0:2] == "h\xc3")
	for i, r := range s {
		println(i, r)
	}
	t := s + ", " + "world"
	println(t, len(t))
	b := []byte(t)
	b[0] = 'H'
	println(string(b), string(rune(0x4e16)), string(b[1:3]))
	println("a" < "b", "abc" < "abd", "ab" < "abc", "x" == "x")
	var e string
	println(e == "", len(e))
	// Comparisons read string(b) in place.
	var nb []byte
	println(string(b) == t, string(b) != t, string(b[:1]) == "H", string(nb) == "", "a" < string(b[1:2]))
	k := []byte("key")
	m := string(k)
	k[0] = 'K'
	println(m, string(k) == "Key", string(k) > m)
	// Ranging over []byte(s) reads s's bytes; s may change meanwhile without effect.
	src := "a\xffbc"
	sum := 0
	for i, c := range []byte(src) {
		src = "zzzz"
		sum = sum*7 + i*int(c)
	}
	println(sum, src)
	for range []byte("") {
		println("never")
	}
	// One-byte strings share a static table: they must not alias the bytes they came from.
	one := []byte("abc")
	s1, s2 := string(one[:1]), string(one[2:])
	one[0], one[2] = 'x', 'y'
	println(s1, s2, s1+s2, string(one[:1]) == "x", s1 < string(one[:1]))
}
