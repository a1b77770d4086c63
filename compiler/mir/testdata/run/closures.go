package main

var counter int

func init() {
	counter = 10
}

var total = compute()

func compute() int { return counter + 1 }

type acc struct{ n int }

func (a *acc) add(k int) { a.n += k }
func (a acc) get() int   { return a.n }

func gen() func() int {
	x := 0
	return func() int {
		x++
		return x
	}
}

func apply(f func(int) int, v int) int { return f(v) }

func main() {
	g := gen()
	g()
	g()
	println(g(), total, counter)
	k := 3
	println(apply(func(v int) int { return v * k }, 5))
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	println(fs[0](), fs[1](), fs[2]())
	var a acc
	a.add(5)
	a.add(6)
	println(a.get())
	h := compute
	println(h())
}
