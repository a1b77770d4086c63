package main

import _ "unsafe"

//go:linkname nanotime rog_nanotime
func nanotime() int64

//go:linkname maplen rog_maplen
func maplen(m map[int]int) int

//go:linkname trysend rog_selectnbsend
func trysend(c chan int, elem *int) bool

//go:linkname double main.twice
func double(x int) int

//go:linkname twice main.twice
func twice(x int) int { return 2 * x }

//go:linkname pushed main.elsewhere
func pushed() string { return "pushed" }

//go:linkname alias main.realG
var alias int

var realG = 7

func main() {
	println(nanotime() > 0)
	m := map[int]int{1: 1, 2: 2, 3: 3}
	println(maplen(m))
	println(double(21), twice(4))
	f := double
	println(f(5))
	println(pushed())
	alias++
	println(realG, alias)
	c := make(chan int, 1)
	v := 5
	println(trysend(c, &v), trysend(c, &v), <-c)
}
