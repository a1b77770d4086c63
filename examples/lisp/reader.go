// The reader: turns program text into values (numbers, symbols, #t/#f, lists, 'quote).
package main

import "strconv"

type reader struct {
	src string
	pos int
}

// read returns the next datum, or false at the end of the text.
func (r *reader) read() (value, bool) {
	r.skipSpace()
	if r.pos >= len(r.src) {
		return nil, false
	}
	switch c := r.src[r.pos]; c {
	case '(':
		r.pos++
		return r.readList(), true
	case ')':
		panic("read: unexpected )")
	case '\'':
		r.pos++
		quoted, ok := r.read()
		if !ok {
			panic("read: nothing after '")
		}
		return list(symQuote, quoted), true
	}
	return r.readAtom(), true
}

// readList reads the items of a list whose ( has been consumed, through the closing ).
func (r *reader) readList() value {
	var items []value
	var tail value
	for {
		r.skipSpace()
		if r.pos >= len(r.src) {
			panic("read: missing )")
		}
		if r.src[r.pos] == ')' {
			r.pos++
			break
		}
		item, _ := r.read()
		if item == symDot {
			tail, _ = r.read()
			continue
		}
		items = append(items, item)
	}
	l := tail
	for i := len(items) - 1; i >= 0; i-- {
		l = cons(items[i], l)
	}
	return l
}

func (r *reader) readAtom() value {
	start := r.pos
	for r.pos < len(r.src) && !isDelimiter(r.src[r.pos]) {
		r.pos++
	}
	text := r.src[start:r.pos]
	switch text {
	case "#t":
		return boolean(true)
	case "#f":
		return boolean(false)
	}
	if n, ok := parseNumber(text); ok {
		return n
	}
	return intern(text)
}

// parseNumber reads an optionally signed decimal integer.
func parseNumber(text string) (number, bool) {
	n, err := strconv.Atoi(text)
	return number(n), err == nil
}

// skipSpace skips white space and ; comments.
func (r *reader) skipSpace() {
	for r.pos < len(r.src) {
		c := r.src[r.pos]
		if c == ';' {
			for r.pos < len(r.src) && r.src[r.pos] != '\n' {
				r.pos++
			}
		} else if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			r.pos++
		} else {
			return
		}
	}
}

func isDelimiter(c byte) bool {
	return c == '(' || c == ')' || c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == ';'
}
