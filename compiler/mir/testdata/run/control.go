package main

func classify(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		return "zero"
	case n < 10:
		return "small"
	}
	return "big"
}

func main() {
	sum := 0
	for i := 0; i < 10; i++ {
		if i%2 == 0 {
			continue
		}
		sum += i
	}
	println(sum)
	n := 0
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 3 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			n++
		}
	}
	println(n)
	for _, v := range []int{-5, 0, 3, 42} {
		println(classify(v))
	}
	switch x := 2; x {
	case 1:
		println("one")
	case 2:
		println("two")
		fallthrough
	case 3:
		println("three")
	default:
		println("other")
	}
	i := 0
loop:
	if i < 3 {
		i++
		goto loop
	}
	println(i)
	for i := range 3 {
		print(i, " ")
	}
	println()
}
