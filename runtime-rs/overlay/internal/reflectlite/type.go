// Package reflectlite is the small reflection package errors, sort and context use: types,
// assignability, and values enough for errors.As and sort.Slice. rog's overlay reads rog's
// type descriptors through internal/abi.
package reflectlite

import (
	"internal/abi"
	"unsafe"
)

// Kind is a type's kind.
type Kind = abi.Kind

const (
	Ptr       = abi.Pointer
	Interface = abi.Interface
	Slice     = abi.Slice
	String    = abi.String
	Struct    = abi.Struct
)

// Type is the representation of a Go type.
type Type interface {
	// Name returns a defined type's name within its package, "" for other types.
	Name() string
	// PkgPath returns a defined type's package path.
	PkgPath() string
	// Size returns the number of bytes a value of the type takes.
	Size() uintptr
	// Kind returns the type's kind.
	Kind() Kind
	// Implements reports whether the type implements the interface type u.
	Implements(u Type) bool
	// AssignableTo reports whether a value of the type is assignable to type u.
	AssignableTo(u Type) bool
	// Comparable reports whether values of the type are comparable.
	Comparable() bool
	// String returns the type string.
	String() string
	// Elem returns the element type of an array, chan, map, pointer or slice type.
	Elem() Type
	common() *abi.Type
}

// rtype implements Type over a descriptor.
type rtype struct {
	t abi.Type
}

func toRType(t *abi.Type) *rtype { return (*rtype)(unsafe.Pointer(t)) }

func toType(t *abi.Type) Type {
	if t == nil {
		return nil
	}
	return toRType(t)
}

func (t *rtype) common() *abi.Type { return &t.t }
func (t *rtype) Name() string      { return t.t.Name() }
func (t *rtype) PkgPath() string   { return t.t.PkgPath() }
func (t *rtype) Size() uintptr     { return t.t.Size() }
func (t *rtype) Kind() Kind        { return t.t.Kind() }
func (t *rtype) String() string    { return t.t.String() }
func (t *rtype) Comparable() bool  { return t.t.Equal != nil }

func (t *rtype) Elem() Type {
	e := t.t.Elem()
	if e == nil {
		panic("reflect: Elem of invalid type " + t.t.String())
	}
	return toType(e)
}

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return abi.Implements(&t.t, u.common().InterfaceType())
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	return abi.AssignableTo(&t.t, u.common())
}

// TypeOf returns the dynamic type of i, nil for a nil interface.
func TypeOf(i any) Type {
	return toType(abi.TypeOf(i))
}
