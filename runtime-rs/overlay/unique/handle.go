// Package unique canonicalises comparable values: equal values give equal handles. GOROOT's
// version hashes through gc's map descriptors (MapType.Hasher) and walks gc's struct
// descriptors, neither of which rog's descriptors have (runtime-rs/ABI.md §6); this one keeps
// the canonical copies in a Go map, whose hashing and equality are the runtime's.
//
// Limit: gc drops a canonical copy once no handle refers to it; here they live as long as the
// program (memory only: equal values still give equal handles, as the API promises).
package unique

import (
	"internal/abi"
	"internal/stringslite"
	"sync"
	"unsafe"
)

// Handle is a globally unique identity for a value of type T: two handles are equal exactly
// when the values they were made from are equal.
type Handle[T comparable] struct {
	value *T
}

// Value returns a shallow copy of the value the handle was made from.
func (h Handle[T]) Value() T {
	return *h.value
}

// zero is the storage every handle of a zero-size type points at.
var zero uintptr

// canonKey identifies a value together with its static type: typ holds a nil *T, so values
// of different types (an int, and the same int in an `any`) never share a handle.
type canonKey struct {
	typ   any
	value any
}

var (
	canonMu sync.Mutex
	canon   map[canonKey]unsafe.Pointer // the canonical *T of each value made so far
)

// Make returns the handle of value. It is safe for concurrent use. Like a map key, a value
// holding an uncomparable dynamic type panics.
func Make[T comparable](value T) Handle[T] {
	typ := abi.TypeFor[T]()
	if typ.Size() == 0 {
		return Handle[T]{(*T)(unsafe.Pointer(&zero))}
	}
	key := canonKey{typ: (*T)(nil), value: value}

	canonMu.Lock()
	defer canonMu.Unlock()
	if p, ok := canon[key]; ok {
		return Handle[T]{(*T)(p)}
	}
	p := new(T)
	*p = value
	if typ.Kind() == abi.String {
		// The canonical copy must not keep a larger string's bytes alive.
		s := (*string)(unsafe.Pointer(p))
		*s = stringslite.Clone(*s)
	}
	if canon == nil {
		canon = make(map[canonKey]unsafe.Pointer)
	}
	canon[key] = unsafe.Pointer(p)
	return Handle[T]{p}
}
