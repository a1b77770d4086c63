// Conversions between types (Value.Convert), DeepEqual and TypeAssert.

package reflect

import (
	"internal/abi"
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// CanConvert reports whether v can be converted to type t.
func (v Value) CanConvert(t Type) bool {
	if !v.Type().ConvertibleTo(t) {
		return false
	}
	if v.Kind() == Slice && t.Kind() == Array && t.Len() > v.Len() {
		return false
	}
	if v.Kind() == Slice && t.Kind() == Pointer && t.Elem().Kind() == Array && t.Elem().Len() > v.Len() {
		return false
	}
	return true
}

// Convert returns the value v converted to type t.
func (v Value) Convert(t Type) Value {
	op := convertOp(t.common(), v.typ_)
	if op == nil {
		panic("reflect.Value.Convert: value of type " + v.typ_.String() + " cannot be converted to type " + t.String())
	}
	return op(v, t.common())
}

type convFunc func(v Value, t *abi.Type) Value

// convertOp returns the function converting a src value to dst, or nil when the conversion
// is not allowed (the Go spec's "Conversions").
func convertOp(dst, src *abi.Type) convFunc {
	sk, dk := Kind(src.Kind()), Kind(dst.Kind())
	switch {
	case isInt(sk) || isUint(sk) || isFloat(sk):
		// Between floats of one size the bits carry over: a signalling NaN stays one.
		if sk == dk {
			return cvtDirect
		}
		if isInt(dk) || isUint(dk) || isFloat(dk) {
			return cvtNumber
		}
		if dk == String && (isInt(sk) || isUint(sk)) {
			return cvtIntString
		}
	case isComplex(sk):
		if isComplex(dk) {
			return cvtComplex
		}
	case sk == String:
		// As gc's reflect: the elements must be unnamed (or predeclared) byte or rune types.
		if dk == Slice && dst.Elem().PkgPath() == "" {
			switch Kind(dst.Elem().Kind()) {
			case Uint8:
				return cvtStringBytes
			case Int32:
				return cvtStringRunes
			}
		}
	case sk == Slice:
		if dk == String && src.Elem().PkgPath() == "" {
			switch Kind(src.Elem().Kind()) {
			case Uint8:
				return cvtBytesString
			case Int32:
				return cvtRunesString
			}
		}
		if dk == Array && abi.SameType(src.Elem(), dst.Elem()) {
			return cvtSliceArray
		}
		if dk == Pointer && dst.Elem().Kind() == abi.Array && abi.SameType(src.Elem(), dst.Elem().Elem()) {
			return cvtSliceArrayPtr
		}
	}
	if abi.SameType(src, dst) || abi.IdenticalUnderlyingIgnoringTags(src, dst) {
		return cvtDirect
	}
	if dk == Pointer && sk == Pointer && !dst.HasName() && !src.HasName() &&
		abi.IdenticalUnderlyingIgnoringTags(src.Elem(), dst.Elem()) {
		return cvtDirect
	}
	// A bidirectional channel converts to a channel type of its element when one is unnamed.
	if dk == Chan && sk == Chan && ChanDir(src.ChanDir()) == BothDir &&
		(!dst.HasName() || !src.HasName()) && abi.SameType(src.Elem(), dst.Elem()) {
		return cvtDirect
	}
	if dk == Interface && abi.Implements(src, dst.InterfaceType()) {
		return cvtToInterface
	}
	return nil
}

func isInt(k Kind) bool     { return k >= Int && k <= Int64 }
func isUint(k Kind) bool    { return k >= Uint && k <= Uintptr }
func isFloat(k Kind) bool   { return k == Float32 || k == Float64 }
func isComplex(k Kind) bool { return k == Complex64 || k == Complex128 }

func cvtDirect(v Value, t *abi.Type) Value {
	if v.flag&flagDirect != 0 && directKind(t) {
		return Value{typ_: t, ptr: v.ptr, flag: v.flag.ro() | flagDirect}
	}
	c := unsafe_New(t)
	typedmemmove(t, c, v.mem())
	return Value{typ_: t, ptr: c, flag: v.flag.ro()}
}

func cvtToInterface(v Value, t *abi.Type) Value {
	c := unsafe_New(t)
	storeInterface(t, c, v.anyValue()) // an interface's contents, not the interface itself
	return Value{typ_: t, ptr: c, flag: v.flag.ro()}
}

func cvtNumber(v Value, t *abi.Type) Value {
	out := Value{typ_: t, ptr: unsafe_New(t), flag: flagAddr}
	sk, dk := v.kind(), Kind(t.Kind())
	switch {
	case isFloat(dk):
		switch {
		case isInt(sk):
			out.SetFloat(float64(v.Int()))
		case isUint(sk):
			out.SetFloat(float64(v.Uint()))
		default:
			out.SetFloat(v.Float())
		}
	case isInt(dk):
		switch {
		case isInt(sk):
			out.SetInt(v.Int())
		case isUint(sk):
			out.SetInt(int64(v.Uint()))
		default:
			out.SetInt(int64(v.Float()))
		}
	default:
		switch {
		case isInt(sk):
			out.SetUint(uint64(v.Int()))
		case isUint(sk):
			out.SetUint(v.Uint())
		default:
			out.SetUint(uint64(v.Float()))
		}
	}
	out.flag = v.flag.ro()
	return out
}

func cvtComplex(v Value, t *abi.Type) Value {
	out := Value{typ_: t, ptr: unsafe_New(t), flag: flagAddr}
	out.SetComplex(v.Complex())
	out.flag = v.flag.ro()
	return out
}

func makeString(t *abi.Type, s string, fl flag) Value {
	p := unsafe_New(t)
	*(*string)(p) = s
	return Value{typ_: t, ptr: p, flag: fl.ro()}
}

func cvtIntString(v Value, t *abi.Type) Value {
	s := "\uFFFD"
	var x int64
	if isInt(v.kind()) {
		x = v.Int()
	} else {
		u := v.Uint()
		x = int64(u)
		if int64(u) < 0 {
			x = -1
		}
	}
	if x >= 0 && x <= utf8.MaxRune {
		s = string(rune(x))
	}
	return makeString(t, s, v.flag)
}

func cvtBytesString(v Value, t *abi.Type) Value {
	return makeString(t, string(*(*[]byte)(v.ptr)), v.flag)
}

func cvtRunesString(v Value, t *abi.Type) Value {
	return makeString(t, string(*(*[]rune)(v.ptr)), v.flag)
}

func cvtStringBytes(v Value, t *abi.Type) Value {
	p := unsafe_New(t)
	*(*[]byte)(p) = []byte(*(*string)(v.ptr))
	return Value{typ_: t, ptr: p, flag: v.flag.ro()}
}

func cvtStringRunes(v Value, t *abi.Type) Value {
	p := unsafe_New(t)
	*(*[]rune)(p) = []rune(*(*string)(v.ptr))
	return Value{typ_: t, ptr: p, flag: v.flag.ro()}
}

func cvtSliceArrayPtr(v Value, t *abi.Type) Value {
	n := t.Elem().Len()
	h := (*sliceHeader)(v.ptr)
	if n > h.Len {
		panic("reflect: cannot convert slice with length " + strconv.Itoa(h.Len) + " to pointer to array with length " + strconv.Itoa(n))
	}
	p := valueOfPointer(t, h.Data)
	p.flag |= v.flag.ro()
	return p
}

func cvtSliceArray(v Value, t *abi.Type) Value {
	n := t.Len()
	h := (*sliceHeader)(v.ptr)
	if n > h.Len {
		panic("reflect: cannot convert slice with length " + strconv.Itoa(h.Len) + " to array with length " + strconv.Itoa(n))
	}
	c := unsafe_New(t)
	typedmemmove(t, c, h.Data)
	return Value{typ_: t, ptr: c, flag: v.flag.ro()}
}

// TypeAssert is semantically equivalent to v2, ok := v.Interface().(T).
func TypeAssert[T any](v Value) (T, bool) {
	if v.typ_ == nil {
		panic(&ValueError{"reflect.TypeAssert", Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect.TypeAssert: cannot return value obtained from unexported field or method")
	}
	// A concrete T is read from v's storage: no interface, so no copy of an addressable value.
	if typ := abi.TypeFor[T](); Kind(typ.Kind()) != Interface && v.flag&flagMethod == 0 &&
		v.kind() != Interface {
		if !abi.SameType(v.typ_, typ) {
			var zero T
			return zero, false
		}
		if v.flag&flagDirect != 0 {
			return *(*T)(unsafe.Pointer(&v.ptr)), true
		}
		return *(*T)(v.ptr), true
	}
	// A failed assertion of a concrete value to an interface builds no interface.
	if typ := abi.TypeFor[T](); Kind(typ.Kind()) == Interface && v.flag&flagMethod == 0 &&
		v.kind() != Interface && !abi.Implements(v.typ_, typ.InterfaceType()) {
		var zero T
		return zero, false
	}
	x, ok := v.Interface().(T)
	return x, ok
}

// DeepEqual reports whether x and y are "deeply equal" (gc's definition).
func DeepEqual(x, y any) bool {
	if x == nil || y == nil {
		return x == y
	}
	v1, v2 := ValueOf(x), ValueOf(y)
	if !abi.SameType(v1.typ_, v2.typ_) {
		return false
	}
	var visited map[visit]bool
	return deepValueEqual(v1, v2, &visited)
}

type visit struct {
	a1, a2 unsafe.Pointer
	typ    *abi.Type
}

// mayCycle reports whether a value of type t, a reference DeepEqual follows, can lead back to
// itself: only when the references inside it reach an interface (any type) or a recursive
// type. [][]byte cannot, so comparing one records nothing.
func mayCycle(t *abi.Type) bool {
	found, _ := reaches(t, t, 64)
	return found
}

// reaches walks the types inside a value of type t (through references too) looking for an
// interface or root, and gives up with true after budget types; it returns what is left of the
// budget.
func reaches(t, root *abi.Type, budget int) (bool, int) {
	if budget--; budget < 0 {
		return true, 0
	}
	var found bool
	switch Kind(t.Kind()) {
	case Interface:
		return true, budget
	case Pointer, Slice, Array:
		if e := t.Elem(); e == root {
			return true, budget
		} else {
			return reaches(e, root, budget)
		}
	case Map:
		if t.Key() == root || t.Elem() == root {
			return true, budget
		}
		if found, budget = reaches(t.Key(), root, budget); found {
			return true, budget
		}
		return reaches(t.Elem(), root, budget)
	case Struct:
		for _, f := range t.StructType().Fields() {
			if f.Typ == root {
				return true, budget
			}
			if found, budget = reaches(f.Typ, root, budget); found {
				return true, budget
			}
		}
	}
	return false, budget
}

// deepValueEqual compares v1 and v2; *visited, made on first use, holds the pairs of
// references being compared further up, against cycles.
func deepValueEqual(v1, v2 Value, visited *map[visit]bool) bool {
	if !v1.IsValid() || !v2.IsValid() {
		return v1.IsValid() == v2.IsValid()
	}
	if !abi.SameType(v1.typ_, v2.typ_) {
		return false
	}
	switch k := v1.Kind(); k {
	case Map, Slice, Pointer:
		// Cycles: a pair of references already being compared is assumed equal. Only
		// references to values that can refer back can close one.
		p1, p2 := v1.word(), v2.word() // a slice's word is its array
		cyc := mayCycle(v1.typ_)
		if cyc && p1 != nil && p2 != nil {
			if *visited == nil {
				*visited = make(map[visit]bool)
			}
			key := visit{p1, p2, v1.typ_}
			if (*visited)[key] {
				return true
			}
			(*visited)[key] = true
		}
	}
	switch v1.Kind() {
	case Array:
		for i := 0; i < v1.Len(); i++ {
			if !deepValueEqual(v1.Index(i), v2.Index(i), visited) {
				return false
			}
		}
		return true
	case Slice:
		if v1.IsNil() != v2.IsNil() || v1.Len() != v2.Len() {
			return false
		}
		if v1.Pointer() == v2.Pointer() {
			return true
		}
		for i := 0; i < v1.Len(); i++ {
			if !deepValueEqual(v1.Index(i), v2.Index(i), visited) {
				return false
			}
		}
		return true
	case Interface:
		if v1.IsNil() || v2.IsNil() {
			return v1.IsNil() == v2.IsNil()
		}
		return deepValueEqual(v1.Elem(), v2.Elem(), visited)
	case Pointer:
		if v1.Pointer() == v2.Pointer() {
			return true
		}
		return deepValueEqual(v1.Elem(), v2.Elem(), visited)
	case Struct:
		for i, n := 0, v1.NumField(); i < n; i++ {
			if !deepValueEqual(v1.Field(i), v2.Field(i), visited) {
				return false
			}
		}
		return true
	case Map:
		if v1.IsNil() != v2.IsNil() || v1.Len() != v2.Len() {
			return false
		}
		if v1.Pointer() == v2.Pointer() {
			return true
		}
		it := v1.MapRange()
		for it.Next() {
			val2 := v2.MapIndex(it.Key())
			if !val2.IsValid() || !deepValueEqual(it.Value(), val2, visited) {
				return false
			}
		}
		return true
	case Func:
		return v1.IsNil() && v2.IsNil()
	case Int, Int8, Int16, Int32, Int64:
		return v1.Int() == v2.Int()
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return v1.Uint() == v2.Uint()
	case String:
		return v1.String() == v2.String()
	case Bool:
		return v1.Bool() == v2.Bool()
	case Float32, Float64:
		return v1.Float() == v2.Float()
	case Complex64, Complex128:
		return v1.Complex() == v2.Complex()
	case Chan, UnsafePointer:
		return v1.Pointer() == v2.Pointer()
	}
	return typeEqual(v1.mem(), v2.mem(), v1.typ_)
}
