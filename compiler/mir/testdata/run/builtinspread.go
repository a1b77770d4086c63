package main

// Builtins called with one multi-valued call standing for their arguments (Go spec "Calls":
// f(g()) also for complex, append, print and println).

func parts() (float64, float64) { return 5, 7 }

func parts32() (float32, float32) { return 1.5, -2 }

func strs() ([]string, string) { return []string{"foo"}, "bar" }

func bytes3() ([]byte, byte, byte) { return []byte{'a', 'b'}, '1', '2' }

func three() (int16, float64, string) { return -42, 42.5, "x" }

func main() {
	c := complex(parts())
	println(real(c), imag(c), c == 5+7i)
	var c64 complex64 = complex(parts32())
	println(real(c64), imag(c64))
	s := append(strs())
	println(len(s), s[0], s[1])
	b := append(bytes3())
	println(string(b), len(b))
	print(three())
	println()
	println(three())
	println(complex(1, 2) == 1+2i, len(append([]int{1}, 2, 3)))
}
