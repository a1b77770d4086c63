package main

func f() (r int) {
	defer func() {
		r *= 2
	}()
	return 21
}

func g(n int) {
	for i := 0; i < n; i++ {
		defer println("deferred", i)
	}
	println("body done")
}

func safeDiv(a, b int) (q int, err string) {
	defer func() {
		if e := recover(); e != nil {
			err = "recovered"
		}
	}()
	return a / b, ""
}

func nested() {
	defer func() {
		r := recover()
		println("nested recovered:", r.(string))
	}()
	panic("boom")
}

type myErr struct{ msg string }

func (e myErr) Error() string { return e.msg }

func idx(s []int, i int) (v int) {
	defer func() {
		if recover() != nil {
			v = -1
		}
	}()
	return s[i]
}

func main() {
	println(f())
	g(3)
	q, err := safeDiv(7, 0)
	println(q, err)
	q, err = safeDiv(7, 2)
	println(q, err)
	nested()
	println(idx([]int{1, 2, 3}, 1), idx([]int{1, 2, 3}, 5))
	defer println("main deferred")
	var e error = myErr{"custom"}
	println(e.Error())
}
