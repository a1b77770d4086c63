package main

import "unsafe"

func main() {
	a := [4]int{10, 20, 30, 40}
	s := unsafe.Slice(&a[1], 2)
	println(len(s), cap(s), s[0], s[1])
	p := unsafe.Add(unsafe.Pointer(&a[0]), 3*unsafe.Sizeof(a[0]))
	println(*(*int)(p))
	b := []byte("hello")
	str := unsafe.String(&b[0], 4)
	println(str)
	println(*unsafe.StringData(str) == 'h', unsafe.SliceData(s) == &a[1])
}
