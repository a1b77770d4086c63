// Helpers GOROOT packages call through internal/abi.

package abi

import "unsafe"

// TypeOf returns the dynamic type of a, nil for a nil interface.
func TypeOf(a any) *Type {
	return (*EmptyInterface)(unsafe.Pointer(&a)).Type
}

// TypeFor returns the descriptor of T.
func TypeFor[T any]() *Type {
	return (*PtrType)(unsafe.Pointer(TypeOf((*T)(nil)))).Elem
}

// NoEscape hides p from escape analysis; p must not really escape.
//
//go:nosplit
func NoEscape(p unsafe.Pointer) unsafe.Pointer {
	x := uintptr(p)
	return unsafe.Pointer(x ^ 0)
}

// Escape forces x to escape to the heap.
func Escape[T any](x T) T {
	if alwaysFalse {
		escapeSink = x
	}
	return x
}

// EscapeNonString forces v to escape when it holds pointers other than string data.
func EscapeNonString[T any](v T) {
	if alwaysFalse {
		escapeSink = v
	}
}

// EscapeToResultNonString models v flowing to the result for escape analysis.
func EscapeToResultNonString[T any](v T) T {
	EscapeNonString(v)
	return *(*T)(NoEscape(unsafe.Pointer(&v)))
}

var (
	alwaysFalse bool
	escapeSink  any
)

// FuncPCABI0 returns the entry address of the function value f. rog has a single calling
// convention, so FuncPCABI0 and FuncPCABIInternal are the same.
func FuncPCABI0(f interface{}) uintptr { return funcPC(f) }

// FuncPCABIInternal returns the entry address of the function value f.
func FuncPCABIInternal(f interface{}) uintptr { return funcPC(f) }

// funcPC reads the code pointer, the first word of the closure object a func value points at
// (ABI.md §2); func values are pointer-shaped, so the interface's data word is that pointer.
func funcPC(f interface{}) uintptr {
	e := (*EmptyInterface)(unsafe.Pointer(&f))
	if e.Type == nil || e.Type.Kind_ != Func || e.Data == nil {
		return 0
	}
	return *(*uintptr)(e.Data)
}
