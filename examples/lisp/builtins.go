// The procedures implemented in Go: arithmetic, comparison, list operations and print.
package main

import (
	"fmt"
	"strings"
)

func installBuiltins(e *env) {
	def := func(name string, fn func(args []value) value) {
		e.define(intern(name), &builtin{name, fn})
	}
	def("+", func(args []value) value {
		sum := 0
		for _, a := range args {
			sum += num(a)
		}
		return number(sum)
	})
	def("*", func(args []value) value {
		product := 1
		for _, a := range args {
			product *= num(a)
		}
		return number(product)
	})
	def("-", func(args []value) value {
		if len(args) == 1 {
			return number(-num(args[0]))
		}
		diff := num(args[0])
		for _, a := range args[1:] {
			diff -= num(a)
		}
		return number(diff)
	})
	def("quotient", func(args []value) value { return number(num(args[0]) / num(args[1])) })
	def("remainder", func(args []value) value { return number(num(args[0]) % num(args[1])) })
	def("<", compare(func(a, b int) bool { return a < b }))
	def(">", compare(func(a, b int) bool { return a > b }))
	def("<=", compare(func(a, b int) bool { return a <= b }))
	def(">=", compare(func(a, b int) bool { return a >= b }))
	def("=", compare(func(a, b int) bool { return a == b }))

	def("cons", func(args []value) value { return cons(args[0], args[1]) })
	def("car", func(args []value) value { return car(args[0]) })
	def("cdr", func(args []value) value { return cdr(args[0]) })
	def("cadr", func(args []value) value { return car(cdr(args[0])) })
	def("list", func(args []value) value { return list(args...) })
	def("null?", func(args []value) value { return boolean(args[0] == nil) })
	def("pair?", func(args []value) value {
		_, ok := args[0].(*pair)
		return boolean(ok)
	})
	def("not", func(args []value) value { return boolean(!truthy(args[0])) })
	def("eq?", func(args []value) value { return boolean(args[0] == args[1]) })
	def("equal?", func(args []value) value { return boolean(equal(args[0], args[1])) })
	def("print", func(args []value) value {
		words := make([]string, len(args))
		for i, a := range args {
			words[i] = show(a)
		}
		fmt.Fprintln(out, strings.Join(words, " "))
		return nil
	})
}

func num(v value) int {
	n, ok := v.(number)
	if !ok {
		panic("not a number: " + show(v))
	}
	return int(n)
}

// compare makes a numeric comparison that holds when each argument relates to the next.
func compare(holds func(a, b int) bool) func(args []value) value {
	return func(args []value) value {
		for i := 1; i < len(args); i++ {
			if !holds(num(args[i-1]), num(args[i])) {
				return boolean(false)
			}
		}
		return boolean(true)
	}
}

// equal reports whether a and b have the same structure and atoms.
func equal(a, b value) bool {
	for {
		pa, okA := a.(*pair)
		pb, okB := b.(*pair)
		if !okA || !okB {
			return a == b
		}
		if !equal(pa.head, pb.head) {
			return false
		}
		a, b = pa.tail, pb.tail
	}
}
