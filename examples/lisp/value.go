// Lisp values and their printed form.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

// value is any Lisp value. The empty list is the nil interface.
type value interface{}

type number int

type boolean bool

// symbol is an interned name: two symbols with the same name are the same pointer.
type symbol struct{ name string }

type pair struct{ head, tail value }

// closure is a lambda together with the environment it was created in.
type closure struct {
	params []*symbol
	rest   *symbol // binds the remaining arguments as a list, or nil
	body   value   // a list of forms evaluated in order
	env    *env
}

// builtin is a procedure implemented in Go.
type builtin struct {
	name string
	fn   func(args []value) value
}

var symbols = map[string]*symbol{}

// intern returns the unique symbol with the given name.
func intern(name string) *symbol {
	s := symbols[name]
	if s == nil {
		s = &symbol{name}
		symbols[name] = s
	}
	return s
}

func cons(head, tail value) value { return &pair{head, tail} }

// list builds a proper list of vs.
func list(vs ...value) value {
	var l value
	for i := len(vs) - 1; i >= 0; i-- {
		l = cons(vs[i], l)
	}
	return l
}

// show returns the printed form of v.
func show(v value) string {
	var b strings.Builder
	write(&b, v)
	return b.String()
}

// write appends the printed form of v to b.
func write(b *strings.Builder, v value) {
	switch v := v.(type) {
	case nil:
		b.WriteString("()")
	case number:
		b.WriteString(strconv.Itoa(int(v)))
	case boolean:
		if v {
			b.WriteString("#t")
		} else {
			b.WriteString("#f")
		}
	case *symbol:
		b.WriteString(v.name)
	case *pair:
		b.WriteByte('(')
		write(b, v.head)
		rest := v.tail
		for {
			p, ok := rest.(*pair)
			if !ok {
				break
			}
			b.WriteByte(' ')
			write(b, p.head)
			rest = p.tail
		}
		if rest != nil {
			b.WriteString(" . ")
			write(b, rest)
		}
		b.WriteByte(')')
	case *closure:
		b.WriteString("#<lambda>")
	case *builtin:
		fmt.Fprintf(b, "#<builtin %s>", v.name)
	default:
		panic(fmt.Sprintf("show: unknown value %T", v))
	}
}
