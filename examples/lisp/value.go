// Lisp values and their printed form.
package main

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

// itoa formats n in decimal.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	var buf [24]byte
	i := len(buf)
	for n != 0 {
		d := n % 10
		if d < 0 {
			d = -d
		}
		i--
		buf[i] = byte('0' + d)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

// show returns the printed form of v.
func show(v value) string {
	switch v := v.(type) {
	case nil:
		return "()"
	case number:
		return itoa(int(v))
	case boolean:
		if v {
			return "#t"
		}
		return "#f"
	case *symbol:
		return v.name
	case *pair:
		s := "(" + show(v.head)
		rest := v.tail
		for {
			p, ok := rest.(*pair)
			if !ok {
				break
			}
			s += " " + show(p.head)
			rest = p.tail
		}
		if rest != nil {
			s += " . " + show(rest)
		}
		return s + ")"
	case *closure:
		return "#<lambda>"
	case *builtin:
		return "#<builtin " + v.name + ">"
	}
	panic("show: unknown value")
}
