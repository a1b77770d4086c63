package main

// Escape analysis traps: each case would print a wrong value (or crash) if an allocation that
// outlives its frame, or an iteration, were moved to the stack.

type T struct {
	a, b int
	p    *int
	next *T
}

var global *int
var sinkT *T
var saved []*int

func keep(p *int)          { global = p }
func id(p *int) *int       { return p }
func set(dst **int, v *int) { *dst = v }
func first(ps []*int) *int { return ps[0] }
func deref(pp **int) *int  { return *pp }
func fill(t *T, v *int)    { t.p = v }
func grow(s []*int, v *int) []*int {
	return append(s, v)
}

//go:noinline
func clobber() int {
	// Uses stack space where a dead frame's slots were.
	var junk [64]int
	for i := range junk {
		junk[i] = -i
	}
	s := 0
	for _, v := range junk {
		s += v
	}
	return s
}

func viaIdentity() *int {
	x := 41
	p := id(&x)
	*p++
	return p
}

func viaSet() *int {
	var out *int
	y := 7
	set(&out, &y)
	return out
}

func viaSlice() *int {
	a, b := 1, 2
	s := []*int{&a, &b}
	return first(s)
}

func viaDeref() *int {
	z := 9
	p := &z
	return deref(&p)
}

func viaStruct() *int {
	w := 13
	var t T
	fill(&t, &w)
	return t.p
}

func viaAppend() []*int {
	var s []*int
	for i := 0; i < 5; i++ {
		v := i * 10
		s = grow(s, &v)
	}
	return s
}

func list(n int) *T {
	var head *T
	for i := 0; i < n; i++ {
		head = &T{a: i, next: head}
	}
	return head
}

func localList(n int) int {
	// The list lives only in this frame, but every node must stay distinct.
	var head *T
	for i := 0; i < n; i++ {
		head = &T{a: i, next: head}
	}
	s := 0
	for p := head; p != nil; p = p.next {
		s = s*10 + p.a
	}
	return s
}

func arrayOfPointers() int {
	var ps [4]*int
	for i := range ps {
		v := i + 100
		ps[i] = &v
	}
	return *ps[0] + *ps[1] + *ps[2] + *ps[3]
}

func perIteration() int {
	// Nothing keeps one iteration's object: one slot may serve all iterations.
	s := 0
	for i := 0; i < 10; i++ {
		t := &T{a: i, b: i}
		s += t.a + t.b
	}
	return s
}

func closures() []func() int {
	var fs []func() int
	for i := 0; i < 3; i++ {
		x := i * 2
		fs = append(fs, func() int { x++; return x })
	}
	return fs
}

func storeGlobal() {
	v := 77
	keep(&v)
}

func nestedEscape() {
	x := 5
	t := &T{p: &x}
	sinkT = t
}

func throughPointerToLocal() int {
	x := 1
	p := &x
	pp := &p
	**pp = 5
	y := 2
	*pp = &y
	**pp = 6
	return x*10 + y
}

func recursive(n int, acc *int) int {
	if n == 0 {
		return *acc
	}
	v := *acc + n
	return recursive(n-1, &v)
}

func swap(a, b *int) { *a, *b = *b, *a }

func channels() int {
	c := make(chan *int, 3)
	for i := 0; i < 3; i++ {
		v := i + 1
		c <- &v
	}
	close(c)
	s := 0
	for p := range c {
		s = s*10 + *p
	}
	return s
}

func goroutine() int {
	done := make(chan bool)
	x := 1
	go func() {
		x = 42
		done <- true
	}()
	<-done
	return x
}

func maps() int {
	m := map[int]*int{}
	for i := 0; i < 3; i++ {
		v := i * 3
		m[i] = &v
	}
	return *m[0] + *m[1] + *m[2]
}

func iface() any {
	x := 3
	var i any = &x
	return i
}

func deferred() (r int) {
	x := 10
	defer func() { r = x * 2 }()
	x = 21
	return 0
}

func churn() {
	// Allocates enough to run the collector while stack objects hold the only references.
	var keepers [8]*[]int
	for i := range keepers {
		s := make([]int, 16)
		s[0] = i
		keepers[i] = &s
	}
	var junk []*[256]int
	for i := 0; i < 20000; i++ {
		junk = append(junk, new([256]int))
		if len(junk) > 64 {
			junk = junk[:0]
		}
	}
	s := 0
	for _, k := range keepers {
		s += (*k)[0]
	}
	println("churn", s)
}

func selfLink(t *T) { t.next = t }
func pull(t *T)     { t.p = t.next.p }

func linkedBack() *T {
	// The callee stores the argument into itself: returning what it reaches returns the argument.
	t := &T{a: 5}
	selfLink(t)
	return t.next
}

func pulledUp() *int {
	// The callee moves a pointer from below its argument up into it.
	v := 8
	t := &T{next: &T{p: &v}}
	pull(t)
	return t.p
}

func makes() ([]int, int) {
	// A constant-size make that stays in the frame, one that is returned, one per iteration.
	local := make([]int, 8)
	for i := range local {
		local[i] = i * i
	}
	kept := make([]int, 3, 5)
	copy(kept, local[2:])
	total := 0
	for i := 0; i < 4; i++ {
		b := make([]byte, 16)
		b[i] = byte(i + 1)
		total += int(b[i]) + len(b)
	}
	empty := make([]string, 0)
	return append(kept, total, len(empty)), cap(kept)
}

func accumulate(n int) bool {
	// The concatenation reads the previous s while its own frame buffer is reused; s stays
	// in the frame.
	s := ""
	for i := 0; i < n; i++ {
		s += string(rune('a' + i))
	}
	t := "x"
	for i := 0; i < 3; i++ {
		t = t + t[:1]
	}
	println(s, t)
	return s == "abcdefghijklmnopqrstuvwxyz"[:n] && t == "xxxx"
}

var keptS []string
var keptB [][]byte

func conversions(words []string) string {
	// Strings made in a loop and kept across iterations must not share a buffer.
	var out []string
	for _, w := range words {
		b := []byte(w)
		b[0] = 'X'
		out = append(out, string(b))
		keptB = append(keptB, b)
	}
	joined := ""
	for _, s := range out {
		joined = joined + s + ","
	}
	short := "ab" + "cd"
	local := string([]byte(short))
	r := string(rune(0x4e16))
	keptS = append(keptS, local+r)
	n := 0
	for _, c := range []byte(joined) {
		if c == 'X' {
			n++
		}
	}
	bs := []byte("xy")
	bs = append(bs, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"...)
	return joined + string(rune('0'+n)) + string(bs[:4])
}

func main() {
	a := viaIdentity()
	b := viaSet()
	c := viaSlice()
	d := viaDeref()
	e := viaStruct()
	clobber()
	println(*a, *b, *c, *d, *e)
	s := viaAppend()
	clobber()
	for _, p := range s {
		print(*p, " ")
	}
	println()
	h := list(4)
	clobber()
	for p := h; p != nil; p = p.next {
		print(p.a, " ")
	}
	println()
	println(localList(5), arrayOfPointers(), perIteration())
	fs := closures()
	println(fs[0](), fs[1](), fs[2](), fs[0]())
	storeGlobal()
	nestedEscape()
	clobber()
	println(*global, *sinkT.p)
	println(throughPointerToLocal())
	one := 1
	println(recursive(4, &one))
	p, q := 1, 2
	swap(&p, &q)
	println(p, q)
	println(channels(), goroutine(), maps())
	i := iface()
	clobber()
	println(*(i.(*int)))
	println(deferred())
	churn()
	println(accumulate(26), accumulate(5))
	mk, mc := makes()
	clobber()
	println(mk[0], mk[1], mk[2], mk[3], mk[4], mc)
	lb, pu := linkedBack(), pulledUp()
	clobber()
	println(lb.a, *pu)
	println(conversions([]string{"one", "two", "three"}), keptS[0], string(keptB[1]))
}
