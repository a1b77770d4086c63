package main

import (
	"fmt"
	"slices"
	"testing"
)

func grow(s []int, n int) []int { return append(s, make([]int, n)...) }

func main() {
	s := make([]int, 3, 10)
	copy(s[:10], []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
	t := grow(s, 4)
	fmt.Println(t, len(t), cap(t))
	u := grow(s, 20)
	fmt.Println(u, len(u), cap(u))
	p := []*int{new(int)}
	p = append(p, (make([]*int, 2))...)
	fmt.Println(len(p), p[1] == nil, p[2] == nil)
	fmt.Println(grow(nil, 0) == nil, len(grow(nil, 0)))
	s2 := make([]int, 10, 20)
	fmt.Println(testing.AllocsPerRun(100, func() { _ = slices.Grow(s2, cap(s2)-len(s2)+1) }))
	defer func() { fmt.Println("recovered:", recover()) }()
	grow(s, -1)
}
