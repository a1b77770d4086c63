// Package coll holds generic code that other packages instantiate: functions, a generic type
// with methods (some calling each other and used as method values), a constraint with a
// method, and a closure over a type parameter.
package coll

import "strings"

// Number is the constraint of Sum.
type Number interface {
	~int | ~int64 | ~float64
}

// Map applies f to every element of xs.
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// Filter keeps the elements for which keep is true.
func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// Sum adds the elements up.
func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

// Stack is a last-in first-out stack.
type Stack[T any] struct {
	items  []T
	pushes int
}

// Push adds x on top.
func (s *Stack[T]) Push(x T) { s.push(x) }

func (s *Stack[T]) push(x T) {
	s.items = append(s.items, x)
	s.pushes++
}

// Pop removes the top element; ok is false when the stack is empty.
func (s *Stack[T]) Pop() (x T, ok bool) {
	if len(s.items) == 0 {
		return x, false
	}
	x = s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}

// Len is the number of elements.
func (s Stack[T]) Len() int { return len(s.items) }

// Pusher returns s.Push as a function value.
func (s *Stack[T]) Pusher() func(T) { return s.Push }

// Namer is a constraint with a method.
type Namer interface {
	comparable
	Name() string
}

// Names joins the names of distinct elements, in first-seen order.
func Names[T Namer](xs []T) string {
	seen := map[T]bool{}
	var b strings.Builder
	for _, x := range xs {
		if seen[x] {
			continue
		}
		seen[x] = true
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(x.Name())
	}
	return b.String()
}

// Counter returns a function counting the calls made with each value.
func Counter[K comparable]() func(K) int {
	counts := map[K]int{}
	return func(k K) int {
		counts[k]++
		return counts[k]
	}
}
