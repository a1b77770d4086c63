// A callee that links its argument into another argument's object lets it go: list.insert
// stores e into at's object through e.prev (e.prev = at; e.prev.next = e). Escape analysis
// once took e's targets for e's own reach, and once inlining dropped insertValue's result,
// each new element lived in the frame of PushBackList's loop (typeparam/list2.go).
package main

type elem struct {
	next, prev *elem
	value      int
}

type list struct {
	root elem
	n    int
}

func (l *list) init() *list {
	l.root.next = &l.root
	l.root.prev = &l.root
	return l
}

func (l *list) insert(e, at *elem) *elem {
	e.prev = at
	e.next = at.next
	e.prev.next = e
	e.next.prev = e
	l.n++
	return e
}

func (l *list) insertValue(v int, at *elem) *elem {
	return l.insert(&elem{value: v}, at)
}

func (l *list) pushBackList(other *list) {
	for i, e := other.n, other.root.next; i > 0; i, e = i-1, e.next {
		l.insertValue(e.value, l.root.prev)
	}
}

func main() {
	a := new(list).init()
	for i := 1; i <= 3; i++ {
		a.insertValue(i, a.root.prev)
	}
	b := new(list).init()
	b.pushBackList(a)
	b.pushBackList(a)
	for e := b.root.next; e != &b.root; e = e.next {
		println(e.value)
	}
}
