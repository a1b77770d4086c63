// Maps and channels through the runtime's entry points.

package reflect

import (
	"internal/abi"
	"unsafe"
)

//go:linkname makemap rog_makemap
func makemap(t *abi.Type, hint int) unsafe.Pointer

//go:linkname mapaccess2 rog_mapaccess2
func mapaccess2(t *abi.Type, m, key unsafe.Pointer) (unsafe.Pointer, uintptr)

//go:linkname mapassign rog_mapassign
func mapassign(t *abi.Type, m, key unsafe.Pointer) unsafe.Pointer

//go:linkname mapdelete rog_mapdelete
func mapdelete(t *abi.Type, m, key unsafe.Pointer)

//go:linkname mapclear rog_mapclear
func mapclear(t *abi.Type, m unsafe.Pointer)

//go:linkname mapiterinit rog_mapiterinit
func mapiterinit(t *abi.Type, m unsafe.Pointer, it *hiter)

//go:linkname mapiternext rog_mapiternext
func mapiternext(it *hiter)

// hiter is the runtime's 96-byte iterator; words 0 and 1 point at the current key and value.
type hiter struct {
	key  unsafe.Pointer
	elem unsafe.Pointer
	rest [10]uintptr
}

// MakeMap creates a new map with the specified type.
func MakeMap(typ Type) Value { return MakeMapWithSize(typ, 0) }

// MakeMapWithSize creates a new map with the specified type and room for about n elements.
func MakeMapWithSize(typ Type, n int) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMapWithSize of non-map type")
	}
	t := typ.common()
	return valueOfPointer(t, makemap(t, n))
}

func (v Value) mapPtr() unsafe.Pointer { return v.word() }

// MapIndex returns the value associated with key in the map v (the zero Value if absent).
func (v Value) MapIndex(key Value) Value {
	v.mustBe(Map, "reflect.Value.MapIndex")
	key = key.assignTo("reflect.Value.MapIndex", v.typ_.Key())
	m := v.mapPtr()
	if m == nil {
		return Value{}
	}
	p, ok := mapaccess2(v.typ_, m, key.mem())
	if ok == 0 {
		return Value{}
	}
	et := v.typ_.Elem()
	c := unsafe_New(et)
	typedmemmove(et, c, p)
	return Value{typ_: et, ptr: c, flag: v.flag&flagRO | key.flag&flagRO}
}

// MapKeys returns a slice containing all the keys present in the map, in unspecified order.
func (v Value) MapKeys() []Value {
	v.mustBe(Map, "reflect.Value.MapKeys")
	var keys []Value
	it := v.MapRange()
	for it.Next() {
		keys = append(keys, it.Key())
	}
	return keys
}

// SetMapIndex sets the element associated with key in the map v to elem (deletes it when elem
// is the zero Value).
func (v Value) SetMapIndex(key, elem Value) {
	v.mustBe(Map, "reflect.Value.SetMapIndex")
	v.mustBeExported("reflect.Value.SetMapIndex")
	key.mustBeExported("reflect.Value.SetMapIndex")
	key = key.assignTo("reflect.Value.SetMapIndex", v.typ_.Key())
	m := v.mapPtr()
	if !elem.IsValid() {
		if m != nil {
			mapdelete(v.typ_, m, key.mem())
		}
		return
	}
	if m == nil {
		panic("assignment to entry in nil map")
	}
	elem.mustBeExported("reflect.Value.SetMapIndex")
	elem = elem.assignTo("reflect.Value.SetMapIndex", v.typ_.Elem())
	p := mapassign(v.typ_, m, key.mem())
	typedmemmove(v.typ_.Elem(), p, elem.mem())
}

// Clear clears the contents of a map or zeroes the contents of a slice.
func (v Value) Clear() {
	switch v.Kind() {
	case Slice:
		h := (*sliceHeader)(v.ptr)
		clear(unsafe.Slice((*byte)(h.Data), uintptr(h.Len)*v.typ_.Elem().Size()))
	case Map:
		if m := v.mapPtr(); m != nil {
			mapclear(v.typ_, m)
		}
	default:
		panic(&ValueError{"reflect.Value.Clear", v.Kind()})
	}
}

// A MapIter is an iterator for ranging over a map.
type MapIter struct {
	m       Value
	it      hiter
	started bool
}

// MapRange returns a range iterator for a map.
func (v Value) MapRange() *MapIter {
	// Small enough to be inlined (no call but the failure's), so that an iterator the caller
	// keeps to itself lives in the caller's frame.
	if v.typ_ == nil || v.typ_.Kind_ != abi.Map {
		mustBeMap(v, "reflect.Value.MapRange")
	}
	return &MapIter{m: v}
}

// mustBeMap panics as a Value method called on v, which is not a map, does.
func mustBeMap(v Value, method string) {
	panic(&ValueError{method, v.kind()})
}

// Next advances the map iterator and reports whether there is another entry.
func (iter *MapIter) Next() bool {
	if !iter.m.IsValid() {
		panic("MapIter.Next called on an iterator that does not have an associated map Value")
	}
	m := iter.m.mapPtr()
	if !iter.started {
		iter.started = true
		if m == nil {
			return false
		}
		mapiterinit(iter.m.typ_, m, &iter.it)
	} else {
		if iter.it.key == nil {
			panic("MapIter.Next called on exhausted iterator")
		}
		mapiternext(&iter.it)
	}
	return iter.it.key != nil
}

func (iter *MapIter) entry(p unsafe.Pointer, t *abi.Type, what string) Value {
	iter.mustHaveEntry(p, "MapIter."+what)
	c := unsafe_New(t)
	typedmemmove(t, c, p)
	return Value{typ_: t, ptr: c, flag: iter.m.flag & flagRO}
}

// mustHaveEntry panics unless the iterator is at an entry (whose key or value is at p).
func (iter *MapIter) mustHaveEntry(p unsafe.Pointer, method string) {
	if !iter.started {
		panic(method + " called before Next")
	}
	if p == nil {
		panic(method + " called on exhausted iterator")
	}
}

// Key returns the key of iter's current map entry.
func (iter *MapIter) Key() Value { return iter.entry(iter.it.key, iter.m.typ_.Key(), "Key") }

// Value returns the value of iter's current map entry.
func (iter *MapIter) Value() Value { return iter.entry(iter.it.elem, iter.m.typ_.Elem(), "Value") }

// Reset modifies iter to iterate over v.
func (iter *MapIter) Reset(v Value) {
	if v.IsValid() {
		v.mustBe(Map, "reflect.MapIter.Reset")
	}
	*iter = MapIter{m: v}
}

// SetIterKey assigns to v the key of iter's current map entry, as v.Set(iter.Key()) does
// but without allocating.
func (v Value) SetIterKey(iter *MapIter) {
	iter.mustHaveEntry(iter.it.key, "reflect: Value.SetIterKey")
	v.mustBeAssignable("reflect.Value.SetIterKey")
	iter.m.mustBeExported("reflect.Value.SetIterKey")
	v.setIter(iter.it.key, iter.m.typ_.Key(), "reflect.MapIter.SetIterKey")
}

// SetIterValue assigns to v the value of iter's current map entry, as v.Set(iter.Value())
// does but without allocating.
func (v Value) SetIterValue(iter *MapIter) {
	iter.mustHaveEntry(iter.it.elem, "reflect: Value.SetIterValue")
	v.mustBeAssignable("reflect.Value.SetIterValue")
	iter.m.mustBeExported("reflect.Value.SetIterValue")
	v.setIter(iter.it.elem, iter.m.typ_.Elem(), "reflect.MapIter.SetIterValue")
}

// setIter stores the entry part at p, of type t, into v. The callers spell out their names:
// building them here would allocate on every call.
func (v Value) setIter(p unsafe.Pointer, t *abi.Type, context string) {
	x := Value{typ_: t, ptr: p}.assignTo(context, v.typ_)
	typedmemmove(v.typ_, v.ptr, x.ptr)
}

//go:linkname makechan rog_makechan
func makechan(t *abi.Type, size int) unsafe.Pointer

//go:linkname chansend rog_chansend
func chansend(c, elem unsafe.Pointer)

//go:linkname chanrecv rog_chanrecv
func chanrecv(c, elem unsafe.Pointer) bool

//go:linkname selectnbsend rog_selectnbsend
func selectnbsend(c, elem unsafe.Pointer) bool

//go:linkname selectnbrecv rog_selectnbrecv
func selectnbrecv(c, elem unsafe.Pointer) (selected, ok uintptr)

//go:linkname closechan rog_closechan
func closechan(c unsafe.Pointer)

// MakeChan creates a new channel with the specified type and buffer size.
func MakeChan(typ Type, buffer int) Value {
	if typ.Kind() != Chan {
		panic("reflect.MakeChan of non-chan type")
	}
	if typ.ChanDir() != BothDir {
		panic("reflect.MakeChan: unidirectional channel type")
	}
	t := typ.common()
	return valueOfPointer(t, makechan(t, buffer))
}

// Send sends x on the channel v.
func (v Value) Send(x Value) {
	chansend(v.sendable("reflect.Value.Send", &x), x.mem())
}

// TrySend attempts to send x on the channel v without blocking.
func (v Value) TrySend(x Value) bool {
	return selectnbsend(v.sendable("reflect.Value.TrySend", &x), x.mem())
}

// sendable checks that the method may send x on v, converts x to v's element type and returns
// the channel.
func (v Value) sendable(method string, x *Value) unsafe.Pointer {
	v.mustBe(Chan, method)
	v.mustBeExported(method)
	if ChanDir(v.typ_.ChanDir())&SendDir == 0 {
		panic("reflect: send on recv-only channel")
	}
	x.mustBeExported(method)
	*x = x.assignTo(method, v.typ_.Elem())
	return v.mapPtr()
}

// Recv receives and returns a value from the channel v.
func (v Value) Recv() (x Value, ok bool) {
	v.receivable("reflect.Value.Recv")
	et := v.typ_.Elem()
	p := unsafe_New(et)
	ok = chanrecv(v.mapPtr(), p)
	return Value{typ_: et, ptr: p}, ok
}

// TryRecv attempts to receive a value from the channel v without blocking.
func (v Value) TryRecv() (x Value, ok bool) {
	v.receivable("reflect.Value.TryRecv")
	et := v.typ_.Elem()
	p := unsafe_New(et)
	selected, recvOK := selectnbrecv(v.mapPtr(), p)
	if selected == 0 {
		return Value{}, false
	}
	return Value{typ_: et, ptr: p}, recvOK != 0
}

// receivable checks that the method may receive from v.
func (v Value) receivable(method string) {
	v.mustBe(Chan, method)
	v.mustBeExported(method)
	if ChanDir(v.typ_.ChanDir())&RecvDir == 0 {
		panic("reflect: recv on send-only channel")
	}
}

// Close closes the channel v.
func (v Value) Close() {
	v.mustBe(Chan, "reflect.Value.Close")
	v.mustBeExported("reflect.Value.Close")
	if ChanDir(v.typ_.ChanDir())&SendDir == 0 {
		panic("reflect: close of receive-only channel")
	}
	closechan(v.mapPtr())
}

// A SelectCase describes a single case in a select operation.
type SelectCase struct {
	Dir  SelectDir
	Chan Value
	Send Value
}

// A SelectDir describes the communication direction of a select case.
type SelectDir int

const (
	_ SelectDir = iota
	SelectSend
	SelectRecv
	SelectDefault
)

// selectCase is a case of rog_selectgo: dir 1 sends *elem, dir 2 receives into elem.
type selectCase struct {
	c, elem unsafe.Pointer
	dir     int
}

//go:linkname selectgo rog_selectgo
func selectgo(cases *selectCase, n int, block bool) (chosen, recvOK int)

// mustBeSelectable panics unless ch is an exported channel that allows dir.
func (ch Value) mustBeSelectable(dir ChanDir, wrongDir string) {
	ch.mustBe(Chan, "reflect.Select")
	ch.mustBeExported("reflect.Select")
	if ChanDir(ch.typ_.ChanDir())&dir == 0 {
		panic(wrongDir)
	}
}

// Select executes a select operation described by the list of cases. Like the Go select
// statement, it blocks until at least one of the cases can proceed, makes a uniform
// pseudo-random choice, and then executes that case. It returns the index of the chosen case
// and, if that case was a receive operation, the value received and whether it was sent.
func Select(cases []SelectCase) (chosen int, recv Value, recvOK bool) {
	if len(cases) > 65536 {
		panic("reflect.Select: too many cases (max 65536)")
	}
	run := make([]selectCase, 0, len(cases))
	index := make([]int, 0, len(cases)) // run[i] is cases[index[i]]
	dflt := -1
	for i, c := range cases {
		switch c.Dir {
		default:
			panic("reflect.Select: invalid Dir")
		case SelectDefault:
			if dflt >= 0 {
				panic("reflect.Select: multiple default cases")
			}
			dflt = i
			if c.Chan.IsValid() {
				panic("reflect.Select: default case has Chan value")
			}
			if c.Send.IsValid() {
				panic("reflect.Select: default case has Send value")
			}
			continue
		case SelectSend:
			rc := selectCase{dir: 1}
			if ch := c.Chan; ch.IsValid() {
				ch.mustBeSelectable(SendDir, "reflect.Select: SendDir case using recv-only channel")
				v := c.Send
				if !v.IsValid() {
					panic("reflect.Select: SendDir case missing Send value")
				}
				v.mustBeExported("reflect.Select")
				rc.c = ch.mapPtr()
				rc.elem = v.assignTo("reflect.Select", ch.typ_.Elem()).mem()
			}
			run = append(run, rc)
		case SelectRecv:
			if c.Send.IsValid() {
				panic("reflect.Select: RecvDir case has Send value")
			}
			rc := selectCase{dir: 2}
			if ch := c.Chan; ch.IsValid() {
				ch.mustBeSelectable(RecvDir, "reflect.Select: RecvDir case using send-only channel")
				rc.c = ch.mapPtr()
				rc.elem = unsafe_New(ch.typ_.Elem())
			}
			run = append(run, rc)
		}
		index = append(index, i)
	}
	var first *selectCase
	if len(run) > 0 {
		first = &run[0]
	}
	i, ok := selectgo(first, len(run), dflt < 0)
	if i < 0 {
		return dflt, Value{}, false
	}
	if rc := run[i]; rc.dir == 2 {
		recv = Value{typ_: cases[index[i]].Chan.typ_.Elem(), ptr: rc.elem}
		recvOK = ok != 0
	}
	return index[i], recv, recvOK
}
