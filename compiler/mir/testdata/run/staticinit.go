package main

// Package variables initialised by constants, composite literals of them, addresses of such
// literals or of variables, and top-level functions become data; they must hold the values
// pkg.init would have stored, stay writable, and may point at one another.

type P struct {
	name string
	n    *int
	f    func() int
	xs   []int
	arr  [3]byte
	next *P
	m    map[string]int
	i    any
}

type Range16 struct {
	Lo, Hi, Stride uint16
}

type Table struct {
	R16         []Range16
	LatinOffset int
}

var seven = 7
var tbl = []P{{name: "a", n: &seven, f: one, xs: []int{1, 2, 3}, arr: [3]byte{1, 2}}, {"b", nil, nil, nil, [3]byte{}, nil, nil, nil}}
var ptr = &P{name: "p", xs: []int{}, next: &P{name: "q"}}
var empty = []int{}
var f32 float32 = 1.1
var u8 uint8 = 255
var neg int16 = -2
var c = 1 + 2i
var iface any = 3
var strs = [...]string{2: "two", 5: "five"}
var table = &Table{R16: []Range16{{0x41, 0x5a, 1}, {0x61, 0x7a, 1}}, LatinOffset: 2}
var tables = []*Table{table, {LatinOffset: 9}}
var grid = [2][]int{{1}, {2, 3}}
var ptrs = []*int{&seven, nil}
var ok = true
var early = readSeven() // runs in pkg.init, after seven's data is in place
var fn = one
var withMap = P{name: "m", m: map[string]int{"k": 1}}

func one() int { return 1 }

func readSeven() int { return seven * 2 }

func main() {
	println(tbl[0].name, *tbl[0].n, tbl[0].f(), len(tbl[0].xs), tbl[0].xs[2], tbl[0].arr[0], tbl[0].arr[1], tbl[0].arr[2])
	println(tbl[1].name, tbl[1].n == nil, tbl[1].f == nil, tbl[1].xs == nil, tbl[1].i == nil)
	println(ptr.name, ptr.xs == nil, len(ptr.xs), cap(ptr.xs), ptr.next.name, ptr.next.next == nil)
	println(empty == nil, len(empty), f32, u8, neg, real(c), imag(c), iface.(int), len(strs), strs[2], strs[5], strs[0] == "")
	println(table.LatinOffset, len(table.R16), table.R16[1].Lo, table.R16[1].Hi, tables[0] == table, tables[1].LatinOffset, tables[1].R16 == nil)
	println(len(grid[0]), len(grid[1]), grid[1][1], *ptrs[0], ptrs[1] == nil, ok, early, fn(), withMap.m["k"])
	tbl[0].xs[0] = 9
	seven = 8
	table.R16[0].Lo = 0x30
	table.R16 = append(table.R16, Range16{1, 2, 3})
	ptr.next = &P{name: "heap"}
	for i := 0; i < 3; i++ {
		ptr.next.xs = append(ptr.next.xs, make([]int, 1000)...)
	}
	println(tbl[0].xs[0], *tbl[0].n, *ptrs[0], tables[0].R16[0].Lo, len(tables[0].R16), ptr.next.name, len(ptr.next.xs))
}
