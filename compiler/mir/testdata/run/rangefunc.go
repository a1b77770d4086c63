// Range over functions: break, continue, return (named and unnamed results) and labelled
// branches out of nested loops, per-iteration variables, generic iterators, and the runtime
// errors for iterators that break the yield protocol.
package main

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

type Seq2[K, V any] func(yield func(K, V) bool)

func pairs[T any](xs []T) Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func find(xs []string, want string) (int, bool) {
	for i, s := range pairs(xs) {
		if s == want {
			return i, true
		}
	}
	return -1, false
}

func named() (r int) {
	for i := range count(10) {
		r += i
		if i == 5 {
			return
		}
	}
	return 99
}

func nested() (string, int) {
	for i := range count(5) {
		for j := range count(5) {
			if i*j == 6 {
				return "found", i*10 + j
			}
		}
	}
	return "none", 0
}

func sum[T int | float64](seq func(func(T) bool)) T {
	var s T
	for v := range seq {
		s += v
	}
	return s
}

// upTo ranges over a type parameter whose core type is an iterator, returning from the body.
func upTo[S ~func(func(int) bool)](s S, limit int) (total int) {
	for v := range s {
		total += v
		if v == limit {
			return total * 100
		}
	}
	return total
}

func floats(yield func(float64) bool) {
	_ = yield(1.5) && yield(2.25)
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(interface{ Error() string }); ok {
			println(name+":", e.Error())
		} else {
			println(name+": no panic")
		}
	}()
	f()
}

func withDefer() (err string) {
	defer func() {
		if r := recover(); r != nil {
			err = "recovered"
		}
	}()
	for x := range count(3) {
		_ = 10 / (x - 2)
	}
	return "no panic"
}

func main() {
	total := 0
	for i := range count(10) {
		if i == 3 {
			continue
		}
		if i == 8 {
			break
		}
		total += i
	}
	println("total", total)
	println(find([]string{"a", "b", "c"}, "c"))
	println(find([]string{"a", "b", "c"}, "z"))
	println(named())
	println(nested())
	println(sum(count(5)), sum(floats))
	println(upTo(count(10), 3), upTo(count(3), 7))

	var fs []func() int
	for i := range count(3) {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		println(f())
	}

outer:
	for i := range count(4) {
		for j := range count(4) {
			if j == 2 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			println(i, j)
		}
	}

	var k int
	for k = range count(7) {
	}
	println("k", k)
	n := 0
	for range count(5) {
		n++
	}
	println("n", n)
	for i := range count(3) {
		switch i {
		case 1:
			continue
		}
		println("switch", i)
	}
	println(withDefer())

	try("after false", func() {
		for x := range func(yield func(int) bool) {
			yield(1)
			yield(2)
		} {
			_ = x
			break
		}
	})
	var saved func(int) bool
	try("after exit", func() {
		for x := range func(yield func(int) bool) { saved = yield } {
			_ = x
		}
		saved(3)
	})
	try("swallowed panic", func() {
		for x := range func(yield func(int) bool) {
			defer func() { recover() }()
			yield(1)
		} {
			panic(x)
		}
	})
	try("after panic", func() {
		for x := range func(yield func(int) bool) {
			func() {
				defer func() { recover() }()
				yield(1)
			}()
			yield(2)
		} {
			panic(x)
		}
	})
	try("nil iterator", func() {
		var f func(func() bool)
		for range f {
		}
	})
}
