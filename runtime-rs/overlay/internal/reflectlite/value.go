// Values: a type, a pointer to the value's storage, and flags.

package reflectlite

import (
	"internal/abi"
	"unsafe"
)

type flag uint8

const (
	flagAddr flag = 1 << iota // the value is addressable (ptr points at a variable)
	flagRO                    // obtained through unexported fields
)

// Value is the reflection interface to a Go value. ptr always points at storage holding the
// value (for pointer-shaped types too), so every kind is handled one way.
type Value struct {
	typ  *abi.Type
	ptr  unsafe.Pointer
	flag flag
}

// ValueError is the panic value of a method called on a Value of the wrong kind.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

//go:linkname rogAlloc rog_alloc
func rogAlloc(size uintptr, typ *abi.Type) unsafe.Pointer

// unsafe_New allocates a zero value of type t.
func unsafe_New(t *abi.Type) unsafe.Pointer { return rogAlloc(t.Size(), t) }

// typedmemmove copies a value of type t from src to dst.
func typedmemmove(t *abi.Type, dst, src unsafe.Pointer) {
	if n := t.Size(); n > 0 && dst != src {
		copy(unsafe.Slice((*byte)(dst), n), unsafe.Slice((*byte)(src), n))
	}
}

// ValueOf returns a Value for the value in i; the zero Value for nil.
func ValueOf(i any) Value {
	e := (*abi.EmptyInterface)(unsafe.Pointer(&i))
	if e.Type == nil {
		return Value{}
	}
	return Value{typ: e.Type, ptr: unpackData(e.Type, e.Data)}
}

// unpackData returns storage holding the value an interface's data word stands for.
func unpackData(t *abi.Type, data unsafe.Pointer) unsafe.Pointer {
	if !t.IsDirectIface() {
		return data
	}
	p := new(unsafe.Pointer)
	*p = data
	return unsafe.Pointer(p)
}

// packEface makes an interface of v's value, copying it when v is addressable (so later
// changes through v do not show in the interface).
func packEface(v Value) any {
	var i any
	e := (*abi.EmptyInterface)(unsafe.Pointer(&i))
	e.Type = v.typ
	switch {
	case v.typ.IsDirectIface():
		e.Data = *(*unsafe.Pointer)(v.ptr)
	case v.flag&flagAddr != 0:
		c := unsafe_New(v.typ)
		typedmemmove(v.typ, c, v.ptr)
		e.Data = c
	default:
		e.Data = v.ptr
	}
	return i
}

func (v Value) kind() Kind {
	if v.typ == nil {
		return abi.Invalid
	}
	return v.typ.Kind()
}

// Kind returns v's kind, Invalid for the zero Value.
func (v Value) Kind() Kind { return v.kind() }

// IsValid reports whether v holds a value.
func (v Value) IsValid() bool { return v.typ != nil }

// Type returns v's type.
func (v Value) Type() Type {
	if v.typ == nil {
		panic(&ValueError{"reflectlite.Value.Type", abi.Invalid})
	}
	return toRType(v.typ)
}

// CanSet reports whether v is addressable and not obtained through unexported fields.
func (v Value) CanSet() bool { return v.flag&(flagAddr|flagRO) == flagAddr }

// IsNil reports whether v (a chan, func, interface, map, pointer or slice) is nil.
func (v Value) IsNil() bool {
	switch v.kind() {
	case abi.Chan, abi.Func, abi.Map, abi.Pointer, abi.UnsafePointer:
		return *(*unsafe.Pointer)(v.ptr) == nil
	case abi.Interface, abi.Slice:
		return *(*unsafe.Pointer)(v.ptr) == nil
	}
	panic(&ValueError{"reflectlite.Value.IsNil", v.kind()})
}

// Elem returns the value an interface holds or a pointer points to.
func (v Value) Elem() Value {
	switch v.kind() {
	case abi.Interface:
		var i any
		if v.typ.NumMethod() == 0 {
			i = *(*any)(v.ptr)
		} else {
			i = (any)(*(*interface{ M() })(v.ptr))
		}
		x := ValueOf(i)
		x.flag |= v.flag & flagRO
		return x
	case abi.Pointer:
		p := *(*unsafe.Pointer)(v.ptr)
		if p == nil {
			return Value{}
		}
		return Value{typ: v.typ.Elem(), ptr: p, flag: v.flag&flagRO | flagAddr}
	}
	panic(&ValueError{"reflectlite.Value.Elem", v.kind()})
}

// Len returns the length of an array, chan, map, slice or string.
func (v Value) Len() int {
	switch v.kind() {
	case abi.Slice, abi.String:
		return *(*int)(unsafe.Add(v.ptr, unsafe.Sizeof(uintptr(0))))
	case abi.Array:
		return v.typ.Len()
	case abi.Chan:
		return chanlen(*(*unsafe.Pointer)(v.ptr))
	case abi.Map:
		return maplen(*(*unsafe.Pointer)(v.ptr))
	}
	panic(&ValueError{"reflect.Value.Len", v.kind()})
}

//go:linkname chanlen rog_chanlen
func chanlen(c unsafe.Pointer) int

//go:linkname maplen rog_maplen
func maplen(m unsafe.Pointer) int

// NumMethod returns the number of methods in v's method set.
func (v Value) NumMethod() int {
	if v.typ == nil {
		panic(&ValueError{"reflectlite.Value.NumMethod", abi.Invalid})
	}
	return v.typ.NumMethod()
}

// Interface returns v's value as an interface (panics for values from unexported fields).
func (v Value) Interface() any {
	if v.typ == nil {
		panic(&ValueError{"reflectlite.Value.Interface", abi.Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	if v.kind() == abi.Interface {
		// The value an interface holds, not the interface itself.
		if v.typ.NumMethod() == 0 {
			return *(*any)(v.ptr)
		}
		return (any)(*(*interface{ M() })(v.ptr))
	}
	return packEface(v)
}

// Set assigns x to v, which must be settable and x assignable to v's type.
func (v Value) Set(x Value) {
	if !v.CanSet() {
		panic("reflect: reflectlite.Value.Set using unaddressable value")
	}
	if x.flag&flagRO != 0 {
		panic("reflect: reflectlite.Value.Set using value obtained using unexported field")
	}
	if !abi.AssignableTo(x.typ, v.typ) {
		panic("reflect: reflectlite.Set: value of type " + x.typ.String() +
			" is not assignable to type " + v.typ.String())
	}
	if v.typ.Kind() == abi.Interface && x.typ.Kind() != abi.Interface {
		setInterface(v, packEface(x))
		return
	}
	typedmemmove(v.typ, v.ptr, x.ptr)
}

// setInterface stores i into the interface variable v, making the itab for a non-empty
// interface.
func setInterface(v Value, i any) {
	if v.typ.NumMethod() == 0 {
		*(*any)(v.ptr) = i
		return
	}
	e := (*abi.EmptyInterface)(unsafe.Pointer(&i))
	dst := (*abi.NonEmptyInterface)(v.ptr)
	if e.Type == nil {
		dst.ITab, dst.Data = nil, nil
		return
	}
	dst.ITab = getitab(v.typ.InterfaceType(), e.Type, false)
	dst.Data = e.Data
}

//go:linkname getitab rog_getitab
func getitab(inter *abi.InterfaceType, typ *abi.Type, canfail bool) *abi.ITab

// Swapper returns a function that swaps the elements i and j of the slice s.
func Swapper(s any) func(i, j int) {
	v := ValueOf(s)
	if v.Kind() != Slice {
		panic(&ValueError{Method: "Swapper", Kind: v.Kind()})
	}
	hdr := (*struct {
		data unsafe.Pointer
		len  int
	})(v.ptr)
	elem := v.typ.Elem()
	size := elem.Size()
	if hdr.len < 2 || size == 0 {
		return func(i, j int) {
			if i >= hdr.len || j >= hdr.len || i < 0 || j < 0 {
				panic("reflect: slice index out of range")
			}
		}
	}
	tmp := unsafe_New(elem)
	data, n := hdr.data, hdr.len
	return func(i, j int) {
		if uint(i) >= uint(n) || uint(j) >= uint(n) {
			panic("reflect: slice index out of range")
		}
		a := unsafe.Add(data, uintptr(i)*size)
		b := unsafe.Add(data, uintptr(j)*size)
		typedmemmove(elem, tmp, a)
		typedmemmove(elem, a, b)
		typedmemmove(elem, b, tmp)
	}
}
