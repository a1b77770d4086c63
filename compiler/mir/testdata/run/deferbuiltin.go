// Deferred delete, copy and clear: the arguments are evaluated at the defer statement. Also
// blank named results, which a bare return must still return (zeroed).
package main

func blank() (_ [2]int) { return }

func blankDefer() (_ int, n int) {
	defer func() { n++ }()
	return
}

func deleteLater(m map[string]int, k string) {
	defer delete(m, k)
	k = "other"
	println("before", len(m), m["a"])
}

type key interface{}

func deleteIface(m map[key]int) {
	defer delete(m, 7)
}

func copyLater(dst, src []int) {
	defer copy(dst, src)
	src = nil
	println("pending", dst[0])
}

func copyString(dst []byte) {
	s := "xyz"
	defer copy(dst, s)
	s = "abc"
}

func clearLater(s []int, m map[int]bool) {
	defer clear(s)
	defer clear(m)
	println("not yet", s[1], len(m))
}

func main() {
	m := map[string]int{"a": 1, "b": 2}
	deleteLater(m, "a")
	println("after", len(m), m["a"], m["b"])

	mi := map[key]int{7: 1, "7": 2}
	deleteIface(mi)
	println("iface", len(mi), mi["7"])

	d := []int{0, 0, 0}
	copyLater(d, []int{4, 5})
	println("copied", d[0], d[1], d[2])

	b := make([]byte, 2)
	copyString(b)
	println(string(b))

	s := []int{1, 2, 3}
	cm := map[int]bool{1: true}
	clearLater(s, cm)
	println("cleared", s[0], s[1], s[2], len(cm))

	z := blank()
	_, n := blankDefer()
	println("blank", z[0], z[1], n)
}
