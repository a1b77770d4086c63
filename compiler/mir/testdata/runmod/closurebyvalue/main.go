// Closures copy the variables that never change after their declaration and share the others:
// assigned ones, address-taken ones, named results, redeclared ones, loop variables.
package main

import "fmt"

type big struct{ a [20]int }

func counter() func() int {
	n := 0
	return func() int { n++; return n }
}

func named() (r int) {
	defer func() { fmt.Println("deferred sees", r) }()
	return 5
}

func main() {
	c := counter()
	c()
	fmt.Println(c())
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, v := range []int{7, 8, 9} {
		fs = append(fs, func() int { return v })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	x := 1
	f := func() int { return x }
	x = 2
	fmt.Println(f())
	y := 10
	p := &y
	g := func() int { return y }
	*p = 11
	fmt.Println(g())
	b := big{}
	b.a[3] = 4
	h := func() int { return b.a[3] }
	b.a[3] = 5
	fmt.Println(h())
	s := "str"
	k := func() func() string { return func() string { return s + "!" } }
	fmt.Println(k()())
	named()
	z, err := 1, error(nil)
	w := func() (int, error) { return z, err }
	z2, err := 2, fmt.Errorf("e")
	_ = z2
	fmt.Println(w())
	arr := [3]int{1, 2, 3}
	sl := arr[:]
	m := func() int { return arr[0] }
	sl[0] = 100
	fmt.Println(m())
	for i, n := 0, 0; i < 2; i++ {
		q := func() int { return n }
		fmt.Print(q())
	}
	fmt.Println()
	switch t := any(3).(type) {
	case int:
		fmt.Println(func() int { return t * 2 }())
	}
	seq := func(yield func(int) bool) { yield(1); yield(2) }
	base := 100
	for e := range seq {
		fmt.Print(func() int { return base + e }(), " ")
	}
	fmt.Println()
}
