// gen instantiates coll's generic code with its own types and with builtin ones: the
// instances are made in this package's build from coll's source (cross-package generics).
package main

import (
	"fmt"
	"slices"
	"sort"
	"strconv"

	"example.com/generics/coll"
)

type celsius float64

type city struct {
	name string
	temp celsius
}

func (c city) Name() string { return c.name }

func main() {
	xs := []int{5, 3, 8, 1, 9, 2}
	squares := coll.Map(xs, func(x int) int { return x * x })
	odd := coll.Filter(xs, func(x int) bool { return x%2 == 1 })
	fmt.Println(squares, odd, coll.Sum(squares), coll.Sum([]float64{0.5, 0.25}))

	words := coll.Map(xs, strconv.Itoa)
	sort.Strings(words)
	fmt.Println(words, slices.Index(words, "8"), slices.Max(xs))

	cities := []city{{"Oslo", -3.5}, {"Lima", 19}, {"Oslo", -3.5}, {"Pune", 31}}
	temps := coll.Map(cities, func(c city) celsius { return c.temp })
	fmt.Println(coll.Names(cities), coll.Sum(temps))

	var s coll.Stack[city]
	push := s.Pusher()
	for _, c := range cities {
		push(c)
	}
	for s.Len() > 1 {
		c, _ := s.Pop()
		fmt.Print(c.name, " ")
	}
	_, ok := s.Pop()
	_, ok2 := s.Pop()
	fmt.Println(ok, ok2)

	count := coll.Counter[string]()
	for _, w := range []string{"a", "b", "a", "a"} {
		fmt.Print(count(w))
	}
	fmt.Println()
	sorted := slices.Clone(cities)
	slices.SortFunc(sorted, func(a, b city) int { return int(a.temp - b.temp) })
	fmt.Println(sorted)
}
