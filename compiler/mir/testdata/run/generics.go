package main

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}
func (s Stack[T]) Len() int { return len(s.items) }

type Stringer interface{ String() string }
type ID int

func (i ID) String() string { return "id" }

func Join[T Stringer](xs []T) string {
	r := ""
	for _, x := range xs {
		r += x.String()
	}
	return r
}

func Max[T int | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func main() {
	println(Sum([]int{1, 2, 3}), Sum([]float64{1.5, 2.5}))
	strs := Map([]int{1, 2, 3}, func(i int) string { return string(rune('a' + i)) })
	println(len(strs), strs[0], strs[2])
	var s Stack[string]
	s.Push("x")
	s.Push("y")
	println(s.Len())
	v, ok := s.Pop()
	println(v, ok, s.Len())
	var is Stack[int]
	_, ok = is.Pop()
	println(ok)
	println(Join([]ID{1, 2}))
	println(Max(3, 7), Max("a", "b"))
	p := Pair[string, int]{"k", 9}
	println(p.Key, p.Val)
	var any1 any = p
	_, isPair := any1.(Pair[string, int])
	println(isPair)
}
