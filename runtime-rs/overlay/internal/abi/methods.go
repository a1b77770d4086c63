// Accessors of the descriptors in type.go.

package abi

import "unsafe"

// Kind returns t's kind.
func (t *Type) Kind() Kind { return t.Kind_ }

// Size returns the size of a value of type t.
func (t *Type) Size() uintptr { return t.Size_ }

// Align returns the alignment of a variable of type t.
func (t *Type) Align() int { return int(t.Align_) }

// FieldAlign returns the alignment of a struct field of type t.
func (t *Type) FieldAlign() int { return int(t.FieldAlign_) }

// Pointers reports whether values of type t may hold pointers.
func (t *Type) Pointers() bool { return t.PtrBytes != 0 }

// IsDirectIface reports whether an interface holding a t stores the value in its data word.
func (t *Type) IsDirectIface() bool { return t.TFlag&TFlagDirectIface != 0 }

// IfaceIndir reports whether an interface holding a t points at a boxed copy.
func (t *Type) IfaceIndir() bool { return t.TFlag&TFlagDirectIface == 0 }

// HasName reports whether t is a defined type.
func (t *Type) HasName() bool { return t.TFlag&TFlagNamed != 0 }

// String returns the type string.
func (t *Type) String() string { return t.Str }

// Name returns a defined type's name without its package qualifier, "" for other types.
func (t *Type) Name() string {
	if !t.HasName() {
		return ""
	}
	s := t.Str
	// The qualifier ends at the last '.' before any type argument list.
	end := len(s)
	for i := 0; i < len(s); i++ {
		if s[i] == '[' {
			end = i
			break
		}
	}
	for i := end - 1; i >= 0; i-- {
		if s[i] == '.' {
			return s[i+1:]
		}
	}
	return s
}

// PkgPath returns the package path of a defined type: "" for unnamed and predeclared types,
// "unsafe" for unsafe.Pointer (as gc's reflect has it).
func (t *Type) PkgPath() string {
	if u := t.Uncommon(); u != nil && t.HasName() {
		return u.PkgPath
	}
	if t.Kind_ == UnsafePointer && t.HasName() {
		return "unsafe"
	}
	return ""
}

// Uncommon returns t's uncommon part, or nil.
func (t *Type) Uncommon() *UncommonType { return t.Uncommon_ }

// Common returns t itself (kept for gc's spelling).
func (t *Type) Common() *Type { return t }

// Elem returns the element type of an array, chan, map, pointer or slice type, else nil.
func (t *Type) Elem() *Type {
	switch t.Kind_ {
	case Array:
		return (*ArrayType)(unsafe.Pointer(t)).Elem
	case Chan:
		return (*ChanType)(unsafe.Pointer(t)).Elem
	case Map:
		return (*MapType)(unsafe.Pointer(t)).Elem
	case Pointer:
		return (*PtrType)(unsafe.Pointer(t)).Elem
	case Slice:
		return (*SliceType)(unsafe.Pointer(t)).Elem
	}
	return nil
}

// Key returns a map type's key type, else nil.
func (t *Type) Key() *Type {
	if t.Kind_ == Map {
		return (*MapType)(unsafe.Pointer(t)).Key
	}
	return nil
}

// Len returns an array type's length, else 0.
func (t *Type) Len() int {
	if t.Kind_ == Array {
		return int((*ArrayType)(unsafe.Pointer(t)).Len)
	}
	return 0
}

// ChanDir returns a channel type's direction, else 0.
func (t *Type) ChanDir() ChanDir {
	if t.Kind_ == Chan {
		return (*ChanType)(unsafe.Pointer(t)).Dir
	}
	return 0
}

// ArrayType returns t as an array descriptor, or nil.
func (t *Type) ArrayType() *ArrayType {
	if t.Kind_ != Array {
		return nil
	}
	return (*ArrayType)(unsafe.Pointer(t))
}

// MapType returns t as a map descriptor, or nil.
func (t *Type) MapType() *MapType {
	if t.Kind_ != Map {
		return nil
	}
	return (*MapType)(unsafe.Pointer(t))
}

// FuncType returns t as a func descriptor, or nil.
func (t *Type) FuncType() *FuncType {
	if t.Kind_ != Func {
		return nil
	}
	return (*FuncType)(unsafe.Pointer(t))
}

// InterfaceType returns t as an interface descriptor, or nil.
func (t *Type) InterfaceType() *InterfaceType {
	if t.Kind_ != Interface {
		return nil
	}
	return (*InterfaceType)(unsafe.Pointer(t))
}

// StructType returns t as a struct descriptor, or nil.
func (t *Type) StructType() *StructType {
	if t.Kind_ != Struct {
		return nil
	}
	return (*StructType)(unsafe.Pointer(t))
}

// NumMethod returns the number of methods in t's method set (interfaces: their methods).
func (t *Type) NumMethod() int {
	if t.Kind_ == Interface {
		return int((*InterfaceType)(unsafe.Pointer(t)).NMethods)
	}
	if u := t.Uncommon(); u != nil {
		return int(u.Mcount)
	}
	return 0
}

// Methods returns t's method set, sorted by name with the exported methods first.
func (u *UncommonType) Methods() []Method {
	if u == nil || u.Mcount == 0 {
		return nil
	}
	return unsafe.Slice(u.Methods_, u.Mcount)
}

// ExportedMethods returns the exported part of Methods.
func (u *UncommonType) ExportedMethods() []Method {
	if u == nil || u.Xcount == 0 {
		return nil
	}
	return unsafe.Slice(u.Methods_, u.Xcount)
}

// Methods returns an interface's methods.
func (t *InterfaceType) Methods() []Imethod {
	if t.NMethods == 0 {
		return nil
	}
	return unsafe.Slice(t.Methods_, t.NMethods)
}

// Fields returns a struct's fields.
func (t *StructType) Fields() []StructField {
	if t.NFields == 0 {
		return nil
	}
	return unsafe.Slice(t.Fields_, t.NFields)
}

// NumIn returns the number of parameters.
func (t *FuncType) NumIn() int { return int(t.InCount) }

// NumOut returns the number of results.
func (t *FuncType) NumOut() int { return int(t.OutCount &^ (1 << 15)) }

// IsVariadic reports whether the last parameter is variadic.
func (t *FuncType) IsVariadic() bool { return t.OutCount&(1<<15) != 0 }

// InSlice returns the parameter types.
func (t *FuncType) InSlice() []*Type {
	if t.InCount == 0 {
		return nil
	}
	return unsafe.Slice(t.Params, t.InCount)
}

// OutSlice returns the result types.
func (t *FuncType) OutSlice() []*Type {
	n := t.NumOut()
	if n == 0 {
		return nil
	}
	return unsafe.Slice(t.Params, int(t.InCount)+n)[t.InCount:]
}

// In returns parameter i's type.
func (t *FuncType) In(i int) *Type { return t.InSlice()[i] }

// Out returns result i's type.
func (t *FuncType) Out(i int) *Type { return t.OutSlice()[i] }
