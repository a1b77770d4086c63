package main

func main() {
	const half = 1 << 3
	var bits uint64 = 100
	e := uint(2)
	bits += half >> e
	println(bits)
	var s int32 = half << e
	println(s)
}
