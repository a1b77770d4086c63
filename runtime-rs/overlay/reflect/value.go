// Values. A Value holds a type, a pointer to storage holding the value and flags; a pointer,
// map, chan, func or unsafe.Pointer that is not addressable may instead be held in ptr itself
// (flagDirect), so ValueOf and New of such values allocate nothing.

package reflect

import (
	"internal/abi"
	"unsafe"
)

type flag uint8

const (
	flagAddr     flag = 1 << iota // ptr points at a variable: the value is addressable
	flagStickyRO                  // obtained through an unexported non-embedded field
	flagEmbedRO                   // obtained through an unexported embedded field
	flagMethod                    // a method value: ptr points at a methodValue (call.go)
	flagDirect                    // ptr is the value (pointer-shaped kinds, never with flagAddr)
	flagRO       = flagStickyRO | flagEmbedRO
)

// ro is the read-only flag a value derived from one with flags f has: sticky, as leaving a
// struct (an element, a pointee, a conversion) makes read-only through an embedded field stick.
func (f flag) ro() flag {
	if f&flagRO != 0 {
		return flagStickyRO
	}
	return 0
}

// Value is the reflection interface to a Go value.
type Value struct {
	typ_ *abi.Type
	ptr  unsafe.Pointer
	flag flag
}

// A ValueError occurs when a Value method is invoked on a Value that does not support it.
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

func unsafe_New(t *abi.Type) unsafe.Pointer { return rogAlloc(t.Size(), t) }

func typedmemmove(t *abi.Type, dst, src unsafe.Pointer) {
	if n := t.Size(); n > 0 && dst != src {
		copy(unsafe.Slice((*byte)(dst), n), unsafe.Slice((*byte)(src), n))
	}
}

func typedmemclr(t *abi.Type, p unsafe.Pointer) {
	if n := t.Size(); n > 0 {
		clear(unsafe.Slice((*byte)(p), n))
	}
}

// ValueOf returns a Value for the concrete value in i; the zero Value for nil.
func ValueOf(i any) Value {
	e := (*abi.EmptyInterface)(unsafe.Pointer(&i))
	if e.Type == nil {
		return Value{}
	}
	if directKind(e.Type) {
		return Value{typ_: e.Type, ptr: e.Data, flag: flagDirect}
	}
	return Value{typ_: e.Type, ptr: unpackData(e.Type, e.Data)}
}

// directKind reports whether values of t may be held in Value.ptr itself (flagDirect): the
// pointer-shaped kinds. (A struct or array of one pointer is pointer-shaped too, but its fields
// and elements are addressed through storage.)
func directKind(t *abi.Type) bool {
	switch Kind(t.Kind()) {
	case Pointer, UnsafePointer, Map, Chan, Func:
		return true
	}
	return false
}

// word returns the value of v, whose kind is pointer-shaped.
func (v Value) word() unsafe.Pointer {
	if v.flag&flagDirect != 0 {
		return v.ptr
	}
	return *(*unsafe.Pointer)(v.ptr)
}

// mem returns a pointer to v's bytes: ptr, or for a direct v a new cell holding its word.
func (v Value) mem() unsafe.Pointer {
	if v.flag&flagDirect != 0 {
		c := new(unsafe.Pointer)
		*c = v.ptr
		return unsafe.Pointer(c)
	}
	return v.ptr
}

func unpackData(t *abi.Type, data unsafe.Pointer) unsafe.Pointer {
	if !t.IsDirectIface() {
		return data
	}
	p := new(unsafe.Pointer)
	*p = data
	return unsafe.Pointer(p)
}

func packEface(v Value) any {
	var i any
	e := (*abi.EmptyInterface)(unsafe.Pointer(&i))
	e.Type = v.typ_
	switch {
	case v.typ_.IsDirectIface():
		e.Data = v.word()
	case v.flag&flagAddr != 0:
		c := unsafe_New(v.typ_)
		typedmemmove(v.typ_, c, v.ptr)
		e.Data = c
	default:
		e.Data = v.ptr
	}
	return i
}

func (v Value) kind() Kind {
	if v.typ_ == nil {
		return Invalid
	}
	return Kind(v.typ_.Kind())
}

func (v Value) mustBe(k Kind, method string) {
	if v.kind() != k {
		panic(&ValueError{method, v.kind()})
	}
}

func (v Value) mustBeAssignable(method string) {
	if v.typ_ == nil {
		panic(&ValueError{method, Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
	if v.flag&flagAddr == 0 {
		panic("reflect: " + method + " using unaddressable value")
	}
}

func (v Value) mustBeExported(method string) {
	if v.typ_ == nil {
		panic(&ValueError{method, Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
}

// Kind returns v's Kind; Invalid for the zero Value.
func (v Value) Kind() Kind { return v.kind() }

// IsValid reports whether v represents a value.
func (v Value) IsValid() bool { return v.typ_ != nil }

// Type returns v's type.
func (v Value) Type() Type {
	if v.typ_ == nil {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	return toRType(v.typ_)
}

// CanAddr reports whether the value's address can be obtained with Addr.
func (v Value) CanAddr() bool { return v.flag&flagAddr != 0 }

// CanSet reports whether the value of v can be changed.
func (v Value) CanSet() bool { return v.flag&(flagAddr|flagRO) == flagAddr }

// CanInterface reports whether Interface can be used without panicking.
func (v Value) CanInterface() bool {
	if v.typ_ == nil {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return v.flag&flagRO == 0
}

// Interface returns v's current value as an interface{}.
func (v Value) Interface() any {
	if v.typ_ == nil {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	return v.anyValue()
}

// anyValue is v as an interface{}: the value an Interface-kind v holds (nil for a nil
// interface), not the interface itself.
func (v Value) anyValue() any {
	if v.flag&flagMethod != 0 {
		return packEface(v.makeMethodFunc())
	}
	if v.kind() == Interface {
		return v.ifaceContents()
	}
	return packEface(v)
}

// ifaceContents is the dynamic value of an Interface-kind v, as an any.
func (v Value) ifaceContents() any {
	if v.typ_.NumMethod() == 0 {
		return *(*any)(v.ptr)
	}
	return (any)(*(*interface{ M() })(v.ptr))
}

// Addr returns a pointer value representing the address of v.
func (v Value) Addr() Value {
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.Addr of unaddressable value")
	}
	return Value{typ_: PointerTo(toRType(v.typ_)).common(), ptr: v.ptr, flag: v.flag&flagRO | flagDirect}
}

// UnsafeAddr returns a pointer to v's data.
func (v Value) UnsafeAddr() uintptr {
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.UnsafeAddr of unaddressable value")
	}
	return uintptr(v.ptr)
}

// Bool returns v's underlying value.
func (v Value) Bool() bool {
	v.mustBe(Bool, "reflect.Value.Bool")
	return *(*bool)(v.ptr)
}

// CanInt reports whether Int can be used without panicking.
func (v Value) CanInt() bool {
	switch v.kind() {
	case Int, Int8, Int16, Int32, Int64:
		return true
	}
	return false
}

// CanUint reports whether Uint can be used without panicking.
func (v Value) CanUint() bool {
	switch v.kind() {
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return true
	}
	return false
}

// CanFloat reports whether Float can be used without panicking.
func (v Value) CanFloat() bool { return v.kind() == Float32 || v.kind() == Float64 }

// CanComplex reports whether Complex can be used without panicking.
func (v Value) CanComplex() bool { return v.kind() == Complex64 || v.kind() == Complex128 }

// Int returns v's underlying value as an int64.
func (v Value) Int() int64 {
	p := v.ptr
	switch v.kind() {
	case Int:
		return int64(*(*int)(p))
	case Int8:
		return int64(*(*int8)(p))
	case Int16:
		return int64(*(*int16)(p))
	case Int32:
		return int64(*(*int32)(p))
	case Int64:
		return *(*int64)(p)
	}
	panic(&ValueError{"reflect.Value.Int", v.kind()})
}

// Uint returns v's underlying value as a uint64.
func (v Value) Uint() uint64 {
	p := v.ptr
	switch v.kind() {
	case Uint:
		return uint64(*(*uint)(p))
	case Uint8:
		return uint64(*(*uint8)(p))
	case Uint16:
		return uint64(*(*uint16)(p))
	case Uint32:
		return uint64(*(*uint32)(p))
	case Uint64:
		return *(*uint64)(p)
	case Uintptr:
		return uint64(*(*uintptr)(p))
	}
	panic(&ValueError{"reflect.Value.Uint", v.kind()})
}

// Float returns v's underlying value as a float64.
func (v Value) Float() float64 {
	switch v.kind() {
	case Float32:
		return float64(*(*float32)(v.ptr))
	case Float64:
		return *(*float64)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Float", v.kind()})
}

// Complex returns v's underlying value as a complex128.
func (v Value) Complex() complex128 {
	switch v.kind() {
	case Complex64:
		return complex128(*(*complex64)(v.ptr))
	case Complex128:
		return *(*complex128)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Complex", v.kind()})
}

// String returns v's value as a string; for other kinds, "<T Value>".
func (v Value) String() string {
	if v.kind() == String {
		return *(*string)(v.ptr)
	}
	if v.kind() == Invalid {
		return "<invalid Value>"
	}
	return "<" + v.typ_.String() + " Value>"
}

// Bytes returns v's underlying value (a byte slice or addressable byte array).
func (v Value) Bytes() []byte {
	switch v.kind() {
	case Slice:
		if v.typ_.Elem().Kind() != abi.Uint8 {
			panic("reflect.Value.Bytes of non-byte slice")
		}
		return *(*[]byte)(v.ptr)
	case Array:
		if v.typ_.Elem().Kind() != abi.Uint8 {
			panic("reflect.Value.Bytes of non-byte array")
		}
		if !v.CanAddr() {
			panic("reflect.Value.Bytes of unaddressable byte array")
		}
		return unsafe.Slice((*byte)(v.ptr), v.typ_.Len())
	}
	panic(&ValueError{"reflect.Value.Bytes", v.kind()})
}

type sliceHeader struct {
	Data unsafe.Pointer
	Len  int
	Cap  int
}

// Len returns v's length.
func (v Value) Len() int {
	switch v.kind() {
	case Slice:
		return (*sliceHeader)(v.ptr).Len
	case String:
		return len(*(*string)(v.ptr))
	case Array:
		return v.typ_.Len()
	case Chan:
		return chanlen(v.word())
	case Map:
		return maplen(v.word())
	case Pointer:
		if v.typ_.Elem().Kind() == abi.Array {
			return v.typ_.Elem().Len()
		}
		panic("reflect: call of reflect.Value.Len on ptr to non-array Value")
	}
	panic(&ValueError{"reflect.Value.Len", v.kind()})
}

// Cap returns v's capacity.
func (v Value) Cap() int {
	switch v.kind() {
	case Slice:
		return (*sliceHeader)(v.ptr).Cap
	case Array:
		return v.typ_.Len()
	case Chan:
		return chancap(v.word())
	case Pointer:
		if v.typ_.Elem().Kind() == abi.Array {
			return v.typ_.Elem().Len()
		}
		panic("reflect: call of reflect.Value.Cap on ptr to non-array Value")
	}
	panic(&ValueError{"reflect.Value.Cap", v.kind()})
}

// InterfaceData returns the interface v's value as a uintptr pair.
//
// Deprecated: The memory representation of interface values is not compatible with
// InterfaceData.
func (v Value) InterfaceData() [2]uintptr {
	v.mustBe(Interface, "reflect.Value.InterfaceData")
	return *(*[2]uintptr)(v.ptr)
}

// IsNil reports whether its argument v is nil.
func (v Value) IsNil() bool {
	switch v.kind() {
	case Chan, Func, Map, Pointer, UnsafePointer, Interface, Slice:
		if v.flag&flagMethod != 0 {
			return false
		}
		return v.word() == nil
	}
	panic(&ValueError{"reflect.Value.IsNil", v.kind()})
}

// IsZero reports whether v is the zero value for its type.
func (v Value) IsZero() bool {
	if v.typ_ == nil {
		panic(&ValueError{"reflect.Value.IsZero", Invalid})
	}
	if v.flag&flagDirect != 0 {
		return v.ptr == nil
	}
	switch v.kind() {
	case Float32, Float64:
		return v.Float() == 0 // -0 too
	case Complex64, Complex128:
		return v.Complex() == 0
	case Array:
		for i, n := 0, v.Len(); i < n; i++ {
			if !v.Index(i).IsZero() {
				return false
			}
		}
		return true
	case Struct:
		for i, n := 0, v.NumField(); i < n; i++ {
			if v.typ_.StructType().Fields()[i].Name != "_" && !v.Field(i).IsZero() {
				return false
			}
		}
		return true
	case String:
		return v.Len() == 0
	case Interface, Slice:
		return *(*unsafe.Pointer)(v.ptr) == nil
	}
	return isZero(unsafe.Slice((*byte)(v.ptr), v.typ_.Size()))
}

// isZero reports whether b holds only zero bytes, a word at a time where b is aligned.
func isZero(b []byte) bool {
	for len(b) > 0 && uintptr(unsafe.Pointer(&b[0]))%8 != 0 {
		if b[0] != 0 {
			return false
		}
		b = b[1:]
	}
	for len(b) >= 8 {
		if *(*uint64)(unsafe.Pointer(&b[0])) != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// SetZero sets v to the zero value of its type.
func (v Value) SetZero() {
	v.mustBeAssignable("reflect.Value.SetZero")
	typedmemclr(v.typ_, v.ptr)
}

// Elem returns the value that the interface v contains or that the pointer v points to.
func (v Value) Elem() Value {
	switch v.kind() {
	case Interface:
		x := ValueOf(v.ifaceContents())
		x.flag |= v.flag.ro()
		return x
	case Pointer:
		p := v.word()
		if p == nil {
			return Value{}
		}
		// Through a pointer, read-only via an embedded field stays so (gc): its exported
		// fields are settable.
		return Value{typ_: v.typ_.Elem(), ptr: p, flag: v.flag&flagRO | flagAddr}
	}
	panic(&ValueError{"reflect.Value.Elem", v.kind()})
}

// Index returns v's i'th element (array, slice or string).
func (v Value) Index(i int) Value {
	switch v.kind() {
	case Array:
		at := v.typ_.ArrayType()
		if uint(i) >= uint(at.Len) {
			panic("reflect: array index out of range")
		}
		fl := v.flag&^flagRO | v.flag.ro()
		return Value{typ_: at.Elem, ptr: unsafe.Add(v.ptr, uintptr(i)*at.Elem.Size()), flag: fl}
	case Slice:
		s := (*sliceHeader)(v.ptr)
		if uint(i) >= uint(s.Len) {
			panic("reflect: slice index out of range")
		}
		et := v.typ_.Elem()
		return Value{typ_: et, ptr: unsafe.Add(s.Data, uintptr(i)*et.Size()), flag: flagAddr | v.flag.ro()}
	case String:
		s := *(*string)(v.ptr)
		if uint(i) >= uint(len(s)) {
			panic("reflect: string index out of range")
		}
		b := new(byte)
		*b = s[i]
		return Value{typ_: abi.TypeOf(byte(0)), ptr: unsafe.Pointer(b), flag: v.flag.ro()}
	}
	panic(&ValueError{"reflect.Value.Index", v.kind()})
}

// NumField returns the number of fields in the struct v.
func (v Value) NumField() int {
	v.mustBe(Struct, "reflect.Value.NumField")
	return len(v.typ_.StructType().Fields())
}

// Field returns the i'th field of the struct v.
func (v Value) Field(i int) Value {
	v.mustBe(Struct, "reflect.Value.Field")
	st := v.typ_.StructType()
	fs := st.Fields()
	if uint(i) >= uint(len(fs)) {
		panic("reflect: Field index out of range")
	}
	f := fs[i]
	// Read-only through an unexported embedded field holds for that field only: its exported
	// fields (promoted ones) are settable again, as in gc.
	fl := v.flag &^ flagEmbedRO
	if !isExported(f.Name) {
		if f.Embedded != 0 {
			fl |= flagEmbedRO
		} else {
			fl |= flagStickyRO
		}
	}
	return Value{typ_: f.Typ, ptr: unsafe.Add(v.ptr, f.Offset), flag: fl}
}

// FieldByIndex returns the nested field corresponding to index.
func (v Value) FieldByIndex(index []int) Value {
	for i, x := range index {
		if i > 0 && v.Kind() == Pointer && v.typ_.Elem().Kind() == abi.Struct {
			if v.IsNil() {
				panic("reflect: indirection through nil pointer to embedded struct")
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// FieldByIndexErr is FieldByIndex that reports a nil embedded pointer as an error.
func (v Value) FieldByIndexErr(index []int) (Value, error) {
	for i, x := range index {
		if i > 0 && v.Kind() == Pointer && v.typ_.Elem().Kind() == abi.Struct {
			if v.IsNil() {
				return Value{}, &fieldError{"reflect: indirection through nil pointer to embedded struct field " + v.typ_.Elem().Name()}
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, nil
}

type fieldError struct{ s string }

func (e *fieldError) Error() string { return e.s }

// FieldByName returns the struct field with the given name.
func (v Value) FieldByName(name string) Value {
	if f, ok := toRType(v.typ_).FieldByName(name); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

// FieldByNameFunc returns the struct field with a name that satisfies match.
func (v Value) FieldByNameFunc(match func(string) bool) Value {
	if f, ok := toRType(v.typ_).FieldByNameFunc(match); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

// Pointer returns v's value as a uintptr.
func (v Value) Pointer() uintptr {
	switch v.kind() {
	case Pointer, Chan, Map, UnsafePointer:
		return uintptr(v.word())
	case Func:
		// The code pointer, as gc's: the first word of the closure object; for method values
		// one code pointer for all, as under gc.
		if v.flag&flagMethod != 0 {
			return methodValueCallCodePtr()
		}
		p := v.word()
		if p != nil {
			p = *(*unsafe.Pointer)(p)
		}
		return uintptr(p)
	case Slice:
		return uintptr((*sliceHeader)(v.ptr).Data)
	case String:
		return uintptr(unsafe.Pointer(unsafe.StringData(*(*string)(v.ptr))))
	}
	panic(&ValueError{"reflect.Value.Pointer", v.kind()})
}

// UnsafePointer returns v's value as an unsafe.Pointer.
func (v Value) UnsafePointer() unsafe.Pointer { return unsafe.Pointer(v.Pointer()) }

// Set assigns x to the value v.
func (v Value) Set(x Value) {
	v.mustBeAssignable("reflect.Set")
	x.mustBeExported("reflect.Set")
	x = x.assignTo("reflect.Set", v.typ_)
	if x.flag&flagDirect != 0 {
		*(*unsafe.Pointer)(v.ptr) = x.ptr
		return
	}
	typedmemmove(v.typ_, v.ptr, x.ptr)
}

// assignTo returns x converted for assignment to a variable of type dst.
func (x Value) assignTo(context string, dst *abi.Type) Value {
	switch {
	case abi.SameType(x.typ_, dst):
		return x
	case abi.AssignableTo(x.typ_, dst):
		if dst.Kind() != abi.Interface {
			return Value{typ_: dst, ptr: x.ptr, flag: x.flag}
		}
		// An interface's contents move over (a nil one stays nil), as in a Go assignment.
		target := unsafe_New(dst)
		storeInterface(dst, target, x.anyValue())
		return Value{typ_: dst, ptr: target}
	}
	panic(context + ": value of type " + x.typ_.String() + " is not assignable to type " + dst.String())
}

// storeInterface stores i into the interface variable at p of interface type t.
func storeInterface(t *abi.Type, p unsafe.Pointer, i any) {
	if t.NumMethod() == 0 {
		*(*any)(p) = i
		return
	}
	e := (*abi.EmptyInterface)(unsafe.Pointer(&i))
	dst := (*abi.NonEmptyInterface)(p)
	if e.Type == nil {
		dst.ITab, dst.Data = nil, nil
		return
	}
	dst.ITab = getitab(t.InterfaceType(), e.Type, false)
	dst.Data = e.Data
}

// SetBool sets v's underlying value.
func (v Value) SetBool(x bool) {
	v.mustBeAssignable("reflect.Value.SetBool")
	v.mustBe(Bool, "reflect.Value.SetBool")
	*(*bool)(v.ptr) = x
}

// SetInt sets v's underlying value to x.
func (v Value) SetInt(x int64) {
	v.mustBeAssignable("reflect.Value.SetInt")
	switch p := v.ptr; v.kind() {
	case Int:
		*(*int)(p) = int(x)
	case Int8:
		*(*int8)(p) = int8(x)
	case Int16:
		*(*int16)(p) = int16(x)
	case Int32:
		*(*int32)(p) = int32(x)
	case Int64:
		*(*int64)(p) = x
	default:
		panic(&ValueError{"reflect.Value.SetInt", v.kind()})
	}
}

// SetUint sets v's underlying value to x.
func (v Value) SetUint(x uint64) {
	v.mustBeAssignable("reflect.Value.SetUint")
	switch p := v.ptr; v.kind() {
	case Uint:
		*(*uint)(p) = uint(x)
	case Uint8:
		*(*uint8)(p) = uint8(x)
	case Uint16:
		*(*uint16)(p) = uint16(x)
	case Uint32:
		*(*uint32)(p) = uint32(x)
	case Uint64:
		*(*uint64)(p) = x
	case Uintptr:
		*(*uintptr)(p) = uintptr(x)
	default:
		panic(&ValueError{"reflect.Value.SetUint", v.kind()})
	}
}

// SetFloat sets v's underlying value to x.
func (v Value) SetFloat(x float64) {
	v.mustBeAssignable("reflect.Value.SetFloat")
	switch v.kind() {
	case Float32:
		*(*float32)(v.ptr) = float32(x)
	case Float64:
		*(*float64)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetFloat", v.kind()})
	}
}

// SetComplex sets v's underlying value to x.
func (v Value) SetComplex(x complex128) {
	v.mustBeAssignable("reflect.Value.SetComplex")
	switch v.kind() {
	case Complex64:
		*(*complex64)(v.ptr) = complex64(x)
	case Complex128:
		*(*complex128)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetComplex", v.kind()})
	}
}

// SetString sets v's underlying value to x.
func (v Value) SetString(x string) {
	v.mustBeAssignable("reflect.Value.SetString")
	v.mustBe(String, "reflect.Value.SetString")
	*(*string)(v.ptr) = x
}

// SetBytes sets v's underlying value (a byte slice).
func (v Value) SetBytes(x []byte) {
	v.mustBeAssignable("reflect.Value.SetBytes")
	v.mustBe(Slice, "reflect.Value.SetBytes")
	if v.typ_.Elem().Kind() != abi.Uint8 {
		panic("reflect.Value.SetBytes of non-byte slice")
	}
	*(*[]byte)(v.ptr) = x
}

// SetLen sets v's length.
func (v Value) SetLen(n int) {
	v.mustBeAssignable("reflect.Value.SetLen")
	v.mustBe(Slice, "reflect.Value.SetLen")
	s := (*sliceHeader)(v.ptr)
	if uint(n) > uint(s.Cap) {
		panic("reflect: slice length out of range in SetLen")
	}
	s.Len = n
}

// SetCap sets v's capacity.
func (v Value) SetCap(n int) {
	v.mustBeAssignable("reflect.Value.SetCap")
	v.mustBe(Slice, "reflect.Value.SetCap")
	s := (*sliceHeader)(v.ptr)
	if n < s.Len || n > s.Cap {
		panic("reflect: slice capacity out of range in SetCap")
	}
	s.Cap = n
}

// SetPointer sets the unsafe.Pointer value v to x.
func (v Value) SetPointer(x unsafe.Pointer) {
	v.mustBeAssignable("reflect.Value.SetPointer")
	v.mustBe(UnsafePointer, "reflect.Value.SetPointer")
	*(*unsafe.Pointer)(v.ptr) = x
}

// Grow increases the slice's capacity, if necessary, to fit n more elements.
func (v Value) Grow(n int) {
	v.mustBeAssignable("reflect.Value.Grow")
	v.mustBe(Slice, "reflect.Value.Grow")
	if n < 0 {
		panic("reflect.Value.Grow: negative len")
	}
	s := (*sliceHeader)(v.ptr)
	if s.Len+n > s.Cap {
		*s = growslice(v.typ_.Elem(), *s, s.Len+n)
	}
}

// growslice returns s with room for at least need elements (the length unchanged), growing
// the capacity as append does.
func growslice(et *abi.Type, s sliceHeader, need int) sliceHeader {
	c := nextslicecap(need, s.Cap)
	if size := et.Size(); size > 0 {
		c = int(roundupsize(uintptr(c)*size, et.PtrBytes == 0) / size)
	}
	p := makeslice(et, c, c)
	if s.Len > 0 {
		copy(unsafe.Slice((*byte)(p), uintptr(s.Len)*et.Size()),
			unsafe.Slice((*byte)(s.Data), uintptr(s.Len)*et.Size()))
	}
	return sliceHeader{Data: p, Len: s.Len, Cap: c}
}

// nextslicecap is the capacity append gives a slice of capacity oldCap that needs newLen
// elements, before rounding up to the allocator's size class (gc's runtime.nextslicecap).
func nextslicecap(newLen, oldCap int) int {
	newcap := oldCap
	if doublecap := newcap + newcap; newLen > doublecap {
		return newLen
	} else if oldCap < 256 {
		return doublecap
	}
	for uint(newcap) < uint(newLen) {
		// From 2x growth for small slices to 1.25x for large ones, smoothly.
		newcap += (newcap + 3*256) >> 2
	}
	if newcap <= 0 {
		return newLen
	}
	return newcap
}

// roundupsize is the size of the allocation append makes for size bytes.
//
//go:linkname roundupsize rog_roundupsize
func roundupsize(size uintptr, noscan bool) uintptr

// Slice returns v[i:j].
func (v Value) Slice(i, j int) Value {
	switch v.kind() {
	case Array:
		if v.flag&flagAddr == 0 {
			panic("reflect.Value.Slice: slice of unaddressable array")
		}
		n := v.typ_.Len()
		if i < 0 || j < i || j > n {
			panic("reflect.Value.Slice: slice index out of bounds")
		}
		et := v.typ_.Elem()
		st := sliceTypeOf(v.typ_)
		h := &sliceHeader{Data: unsafe.Add(v.ptr, uintptr(i)*et.Size()), Len: j - i, Cap: n - i}
		return Value{typ_: st, ptr: unsafe.Pointer(h), flag: v.flag & flagRO}
	case Slice:
		s := (*sliceHeader)(v.ptr)
		if i < 0 || j < i || j > s.Cap {
			panic("reflect.Value.Slice: slice index out of bounds")
		}
		et := v.typ_.Elem()
		h := &sliceHeader{Data: s.Data, Len: j - i, Cap: s.Cap - i}
		if s.Cap-i > 0 {
			h.Data = unsafe.Add(s.Data, uintptr(i)*et.Size())
		}
		return Value{typ_: v.typ_, ptr: unsafe.Pointer(h), flag: v.flag & flagRO}
	case String:
		s := *(*string)(v.ptr)
		if i < 0 || j < i || j > len(s) {
			panic("reflect.Value.Slice: string slice index out of bounds")
		}
		p := new(string)
		*p = s[i:j]
		return Value{typ_: v.typ_, ptr: unsafe.Pointer(p), flag: v.flag & flagRO}
	}
	panic(&ValueError{"reflect.Value.Slice", v.kind()})
}

// Slice3 is the 3-index form of the slice operation: it returns v[i:j:k].
func (v Value) Slice3(i, j, k int) Value {
	if v.kind() != Slice && v.kind() != Array {
		panic(&ValueError{"reflect.Value.Slice3", v.kind()})
	}
	w := v.Slice(i, j)
	h := (*sliceHeader)(w.ptr)
	if k < j || k-i > h.Cap {
		panic("reflect.Value.Slice3: slice index out of bounds")
	}
	h.Cap = k - i
	return w
}

// sliceTypeOf returns the []elem descriptor an array descriptor links to.
func sliceTypeOf(at *abi.Type) *abi.Type {
	if st := at.ArrayType().Slice; st != nil {
		return st
	}
	return SliceOf(toType(at.Elem())).common()
}

// Comparable reports whether v's value is comparable.
func (v Value) Comparable() bool {
	switch v.kind() {
	case Invalid:
		return false
	case Array:
		switch Kind(v.typ_.Elem().Kind()) {
		case Interface, Array, Struct:
			for i := 0; i < v.Len(); i++ {
				if !v.Index(i).Comparable() {
					return false
				}
			}
			return true
		}
	case Interface:
		return v.IsNil() || v.Elem().Comparable()
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).Comparable() {
				return false
			}
		}
		return true
	}
	return v.typ_.Equal != nil
}

// Equal reports whether v is equal to u, as == would: the values in interfaces are compared,
// values of different types are not equal, and arrays and structs are compared element by
// element (a non-comparable one panics).
func (v Value) Equal(u Value) bool {
	if v.Kind() == Interface {
		v = v.Elem()
	}
	if u.Kind() == Interface {
		u = u.Elem()
	}
	if !v.IsValid() || !u.IsValid() {
		return v.IsValid() == u.IsValid()
	}
	if v.Kind() != u.Kind() || !abi.SameType(v.typ_, u.typ_) {
		return false
	}
	switch v.Kind() {
	case Float32, Float64:
		return v.Float() == u.Float()
	case Complex64, Complex128:
		return v.Complex() == u.Complex()
	case Array:
		if v.Len() == 0 {
			if v.typ_.Elem().Equal == nil {
				break // [0]func() is not comparable
			}
			return true
		}
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).Equal(u.Index(i)) {
				return false
			}
		}
		return true
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).Equal(u.Field(i)) {
				return false
			}
		}
		return true
	case Func, Map, Slice:
	default:
		return typeEqual(v.mem(), u.mem(), v.typ_)
	}
	panic("reflect.Value.Equal: values of type " + v.typ_.String() + " are not comparable")
}

//go:linkname typeEqual rog_typeequal
func typeEqual(a, b unsafe.Pointer, t *abi.Type) bool

// NumMethod returns the number of exported methods in v's method set.
func (v Value) NumMethod() int {
	if v.typ_ == nil {
		panic(&ValueError{"reflect.Value.NumMethod", Invalid})
	}
	return toRType(v.typ_).NumMethod()
}

// Indirect returns the value that v points to (v itself if it is not a pointer).
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

// New returns a Value representing a pointer to a new zero value for the specified type.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	t := typ.common()
	p := unsafe_New(t)
	return valueOfPointer(PointerTo(typ).common(), p)
}

// NewAt returns a Value representing a pointer to a value of the specified type at p.
func NewAt(typ Type, p unsafe.Pointer) Value {
	return valueOfPointer(PointerTo(typ).common(), p)
}

func valueOfPointer(pt *abi.Type, p unsafe.Pointer) Value {
	return Value{typ_: pt, ptr: p, flag: flagDirect}
}

// Zero returns a Value representing the zero value for the specified type.
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	t := typ.common()
	if directKind(t) {
		return Value{typ_: t, flag: flagDirect}
	}
	// A Value that is not addressable is never written through, so small zero values share
	// one zeroed block, as with gc.
	if t.Size() <= unsafe.Sizeof(zeroVal) {
		return Value{typ_: t, ptr: unsafe.Pointer(&zeroVal)}
	}
	return Value{typ_: t, ptr: unsafe_New(t)}
}

// zeroVal is the storage of the small values Zero returns (words, for any alignment up to 8).
var zeroVal [128]uint64

// MakeSlice creates a new zero-initialized slice value for the specified slice type.
func MakeSlice(typ Type, len, cap int) Value {
	if typ.Kind() != Slice {
		panic("reflect.MakeSlice of non-slice type")
	}
	if len < 0 || cap < len {
		panic("reflect.MakeSlice: len out of range")
	}
	h := &sliceHeader{Data: makeslice(typ.common().Elem(), len, cap), Len: len, Cap: cap}
	return Value{typ_: typ.common(), ptr: unsafe.Pointer(h)}
}

// SliceAt returns a Value for a slice whose underlying data starts at p, with length and
// capacity n: unsafe.Slice((*T)(p), n) for typ T.
func SliceAt(typ Type, p unsafe.Pointer, n int) Value {
	unsafeslice(typ.common(), p, n)
	h := &sliceHeader{Data: p, Len: n, Cap: n}
	return Value{typ_: SliceOf(typ).common(), ptr: unsafe.Pointer(h)}
}

// unsafeslice checks unsafe.Slice's arguments, panicking as unsafe.Slice does (runtime).
func unsafeslice(t *abi.Type, p unsafe.Pointer, n int)

// Append appends the values x to a slice s and returns the resulting slice.
func Append(s Value, x ...Value) Value {
	s.mustBe(Slice, "reflect.Append")
	s.mustBeExported("reflect.Append")
	h := *(*sliceHeader)(s.ptr)
	n := h.Len
	if n+len(x) > h.Cap {
		h = growslice(s.typ_.Elem(), h, n+len(x))
	}
	h.Len = n + len(x)
	out := Value{typ_: s.typ_, ptr: unsafe.Pointer(&h)}
	for i, v := range x {
		out.Index(n + i).Set(v)
	}
	return out
}

// AppendSlice appends a slice t to a slice s and returns the resulting slice.
func AppendSlice(s, t Value) Value {
	s.mustBe(Slice, "reflect.AppendSlice")
	t.mustBe(Slice, "reflect.AppendSlice")
	s.mustBeExported("reflect.AppendSlice")
	t.mustBeExported("reflect.AppendSlice")
	h := *(*sliceHeader)(s.ptr)
	n, m := h.Len, t.Len()
	if n+m > h.Cap {
		h = growslice(s.typ_.Elem(), h, n+m)
	}
	h.Len = n + m
	out := Value{typ_: s.typ_, ptr: unsafe.Pointer(&h)}
	Copy(out.Slice(n, n+m), t)
	return out
}

// Copy copies the contents of src into dst until either dst has been filled or src has been
// exhausted, and returns the number of elements copied.
func Copy(dst, src Value) int {
	dk := dst.kind()
	if dk != Array && dk != Slice {
		panic(&ValueError{"reflect.Copy", dk})
	}
	if dk == Array && dst.flag&flagAddr == 0 {
		panic("reflect.Copy: unaddressable array value")
	}
	var dp, sp unsafe.Pointer
	var dn, sn int
	et := dst.typ_.Elem()
	if dk == Array {
		dp, dn = dst.ptr, dst.typ_.Len()
	} else {
		h := (*sliceHeader)(dst.ptr)
		dp, dn = h.Data, h.Len
	}
	switch src.kind() {
	case Array:
		sp, sn = src.ptr, src.typ_.Len()
	case Slice:
		h := (*sliceHeader)(src.ptr)
		sp, sn = h.Data, h.Len
	case String:
		s := *(*string)(src.ptr)
		sp, sn = unsafe.Pointer(unsafe.StringData(s)), len(s)
	default:
		panic(&ValueError{"reflect.Copy", src.kind()})
	}
	n := min(dn, sn)
	if n > 0 {
		size := uintptr(n) * et.Size()
		copy(unsafe.Slice((*byte)(dp), size), unsafe.Slice((*byte)(sp), size))
	}
	return n
}

// Swapper returns a function that swaps the elements in the provided slice.
func Swapper(slice any) func(i, j int) {
	v := ValueOf(slice)
	if v.Kind() != Slice {
		panic(&ValueError{Method: "Swapper", Kind: v.Kind()})
	}
	h := (*sliceHeader)(v.ptr)
	et := v.typ_.Elem()
	size := et.Size()
	data, n := h.Data, h.Len
	var tmp unsafe.Pointer
	if size > 0 {
		tmp = unsafe_New(et)
	}
	return func(i, j int) {
		if uint(i) >= uint(n) || uint(j) >= uint(n) {
			panic("reflect: slice index out of range")
		}
		if size == 0 {
			return
		}
		a := unsafe.Add(data, uintptr(i)*size)
		b := unsafe.Add(data, uintptr(j)*size)
		typedmemmove(et, tmp, a)
		typedmemmove(et, a, b)
		typedmemmove(et, b, tmp)
	}
}

// Runtime entry points (runtime-rs/ABI.md §5, §9, §10).

//go:linkname makeslice rog_makeslice
func makeslice(elem *abi.Type, len, cap int) unsafe.Pointer

//go:linkname getitab rog_getitab
func getitab(inter *abi.InterfaceType, typ *abi.Type, canfail bool) *abi.ITab

//go:linkname chanlen rog_chanlen
func chanlen(c unsafe.Pointer) int

//go:linkname chancap rog_chancap
func chancap(c unsafe.Pointer) int

//go:linkname maplen rog_maplen
func maplen(m unsafe.Pointer) int

// OverflowInt reports whether the int64 x cannot be represented by v's type.
func (v Value) OverflowInt(x int64) bool {
	v.mustBeIn("reflect.Value.OverflowInt", Int, Int8, Int16, Int32, Int64)
	return toRType(v.typ_).OverflowInt(x)
}

// OverflowUint reports whether the uint64 x cannot be represented by v's type.
func (v Value) OverflowUint(x uint64) bool {
	v.mustBeIn("reflect.Value.OverflowUint", Uint, Uintptr, Uint8, Uint16, Uint32, Uint64)
	return toRType(v.typ_).OverflowUint(x)
}

// OverflowFloat reports whether the float64 x cannot be represented by v's type.
func (v Value) OverflowFloat(x float64) bool {
	v.mustBeIn("reflect.Value.OverflowFloat", Float32, Float64)
	return toRType(v.typ_).OverflowFloat(x)
}

// OverflowComplex reports whether the complex128 x cannot be represented by v's type.
func (v Value) OverflowComplex(x complex128) bool {
	v.mustBeIn("reflect.Value.OverflowComplex", Complex64, Complex128)
	return toRType(v.typ_).OverflowComplex(x)
}

// mustBeIn panics with a ValueError unless v's kind is one of kinds.
func (v Value) mustBeIn(method string, kinds ...Kind) {
	for _, k := range kinds {
		if v.kind() == k {
			return
		}
	}
	panic(&ValueError{method, v.kind()})
}
