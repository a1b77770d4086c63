// Range over reflected values: Value.Seq and Value.Seq2 yield what a Go `for range` statement
// over the value would yield (the spec's "For statements with range clause").

package reflect

import "iter"

// Seq returns an iter.Seq[Value] over what `for x := range v` yields: 0 … n-1 for an integer
// n (typed as v), the indices of an array, a pointer to an array, a slice or a string (the
// start of each rune), a map's keys, a channel's values until it is closed, and what a range
// function yields (called with a yield function made by MakeFunc).
func (v Value) Seq() iter.Seq[Value] {
	if v.Kind() == Func && v.Type().CanSeq() {
		return func(yield func(Value) bool) {
			rf := MakeFunc(v.Type().In(0), func(in []Value) []Value {
				return []Value{ValueOf(yield(in[0]))}
			})
			v.Call([]Value{rf})
		}
	}
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		return rangeCount(v.Type(), uint64(max(v.Int(), 0)))
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return rangeCount(v.Type(), v.Uint())
	case Pointer:
		if v.Elem().Kind() != Array {
			break
		}
		return rangeCount(TypeOf(0), uint64(v.Elem().Len()))
	case Array, Slice:
		return rangeCount(TypeOf(0), uint64(v.Len()))
	case String:
		return func(yield func(Value) bool) {
			for i := range v.String() {
				if !yield(ValueOf(i)) {
					return
				}
			}
		}
	case Map:
		return func(yield func(Value) bool) {
			for it := v.MapRange(); it.Next(); {
				if !yield(it.Key()) {
					return
				}
			}
		}
	case Chan:
		return func(yield func(Value) bool) {
			for x, ok := v.Recv(); ok; x, ok = v.Recv() {
				if !yield(x) {
					return
				}
			}
		}
	}
	panic("reflect: " + v.Type().String() + " cannot produce iter.Seq[Value]")
}

// Seq2 returns an iter.Seq2[Value, Value] over what `for k, x := range v` yields: index and
// element of an array, a pointer to an array or a slice, byte index and rune of a string, key
// and value of a map, and what a range function yields (called with a yield function made by
// MakeFunc).
func (v Value) Seq2() iter.Seq2[Value, Value] {
	if v.Kind() == Func && v.Type().CanSeq2() {
		return func(yield func(Value, Value) bool) {
			rf := MakeFunc(v.Type().In(0), func(in []Value) []Value {
				return []Value{ValueOf(yield(in[0], in[1]))}
			})
			v.Call([]Value{rf})
		}
	}
	switch v.Kind() {
	case Pointer:
		if v.Elem().Kind() != Array {
			break
		}
		return rangeIndexed(v.Elem())
	case Array, Slice:
		return rangeIndexed(v)
	case String:
		return func(yield func(Value, Value) bool) {
			for i, r := range v.String() {
				if !yield(ValueOf(i), ValueOf(r)) {
					return
				}
			}
		}
	case Map:
		return func(yield func(Value, Value) bool) {
			for it := v.MapRange(); it.Next(); {
				if !yield(it.Key(), it.Value()) {
					return
				}
			}
		}
	}
	panic("reflect: " + v.Type().String() + " cannot produce iter.Seq2[Value, Value]")
}

// rangeCount yields 0 … n-1 as values of the integer type t.
func rangeCount(t Type, n uint64) iter.Seq[Value] {
	return func(yield func(Value) bool) {
		for i := uint64(0); i < n; i++ {
			if !yield(intValue(t, i)) {
				return
			}
		}
	}
}

// intValue returns i as a value of the integer type t, unaddressable as ValueOf's values are.
func intValue(t Type, i uint64) Value {
	x := New(t).Elem()
	switch t.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		x.SetInt(int64(i))
	default:
		x.SetUint(i)
	}
	return ValueOf(x.Interface())
}

// rangeIndexed yields the indices and elements of an array or a slice.
func rangeIndexed(v Value) iter.Seq2[Value, Value] {
	return func(yield func(Value, Value) bool) {
		for i := range v.Len() {
			if !yield(ValueOf(i), v.Index(i)) {
				return
			}
		}
	}
}

// Fields returns an iterator over the fields of the struct type t, in order.
func (t *rtype) Fields() iter.Seq[StructField] {
	if t.Kind() != Struct {
		panic("reflect: Fields of non-struct type " + t.String())
	}
	return indexed(t.NumField(), t.Field)
}

// Methods returns an iterator over the methods of t's method set, as Method(i) gives them.
func (t *rtype) Methods() iter.Seq[Method] { return indexed(t.NumMethod(), t.Method) }

// Ins returns an iterator over the parameter types of the func type t.
func (t *rtype) Ins() iter.Seq[Type] {
	if t.Kind() != Func {
		panic("reflect: Ins of non-func type " + t.String())
	}
	return indexed(t.NumIn(), t.In)
}

// Outs returns an iterator over the result types of the func type t.
func (t *rtype) Outs() iter.Seq[Type] {
	if t.Kind() != Func {
		panic("reflect: Outs of non-func type " + t.String())
	}
	return indexed(t.NumOut(), t.Out)
}

// indexed yields at(0) … at(n-1).
func indexed[T any](n int, at func(int) T) iter.Seq[T] {
	return func(yield func(T) bool) {
		for i := range n {
			if !yield(at(i)) {
				return
			}
		}
	}
}

// Fields returns an iterator over the fields of the struct v, each with its StructField.
func (v Value) Fields() iter.Seq2[StructField, Value] {
	t := v.Type()
	if t.Kind() != Struct {
		panic("reflect: Fields of non-struct type " + t.String())
	}
	return func(yield func(StructField, Value) bool) {
		for i := range v.NumField() {
			if !yield(t.Field(i), v.Field(i)) {
				return
			}
		}
	}
}

// Methods returns an iterator over v's methods, each with the method value bound to v.
func (v Value) Methods() iter.Seq2[Method, Value] {
	return func(yield func(Method, Value) bool) {
		rtype := v.Type()
		for i := range v.NumMethod() {
			if !yield(rtype.Method(i), v.Method(i)) {
				return
			}
		}
	}
}
