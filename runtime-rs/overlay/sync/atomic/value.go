// Value: an atomically loaded and stored interface value.

package atomic

import "unsafe"

// A Value provides an atomic load and store of a consistently typed value. The zero value
// holds nil. A Value must not be copied after first use.
type Value struct {
	v any
}

// efaceWords is the layout of an interface{} (runtime-rs/ABI.md §1).
type efaceWords struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

// storing marks the type word while the first Store writes the data word.
var storing byte

func storingMark() unsafe.Pointer { return unsafe.Pointer(&storing) }

// Load returns the value set by the most recent Store, or nil if there was none.
func (v *Value) Load() (val any) {
	vp := (*efaceWords)(unsafe.Pointer(v))
	typ := LoadPointer(&vp.typ)
	if typ == nil || typ == storingMark() {
		return nil
	}
	data := LoadPointer(&vp.data)
	out := (*efaceWords)(unsafe.Pointer(&val))
	out.typ, out.data = typ, data
	return val
}

// begin waits until v holds a value of type typ, or claims the first store (returning true).
func (v *Value) begin(typ unsafe.Pointer, op string) bool {
	vp := (*efaceWords)(unsafe.Pointer(v))
	for {
		t := LoadPointer(&vp.typ)
		if t == nil {
			if CompareAndSwapPointer(&vp.typ, nil, storingMark()) {
				return true
			}
			continue
		}
		if t == storingMark() {
			// Another goroutine is in the middle of the first store: wait for it.
			continue
		}
		if t != typ {
			panic("sync/atomic: " + op + " of inconsistently typed value into Value")
		}
		return false
	}
}

// Store sets the value of the Value to val. All stores must use values of one concrete type.
func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	vp := (*efaceWords)(unsafe.Pointer(v))
	in := (*efaceWords)(unsafe.Pointer(&val))
	if v.begin(in.typ, "store") {
		StorePointer(&vp.data, in.data)
		StorePointer(&vp.typ, in.typ)
		return
	}
	StorePointer(&vp.data, in.data)
}

// Swap stores new into the Value and returns the previous value (nil if it was empty).
func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	vp := (*efaceWords)(unsafe.Pointer(v))
	in := (*efaceWords)(unsafe.Pointer(&new))
	if v.begin(in.typ, "swap") {
		StorePointer(&vp.data, in.data)
		StorePointer(&vp.typ, in.typ)
		return nil
	}
	op := (*efaceWords)(unsafe.Pointer(&old))
	op.typ, op.data = in.typ, SwapPointer(&vp.data, in.data)
	return old
}

// CompareAndSwap executes the compare-and-swap operation for the Value. The comparison panics
// for uncomparable dynamic types, as == on interfaces does.
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	vp := (*efaceWords)(unsafe.Pointer(v))
	np := (*efaceWords)(unsafe.Pointer(&new))
	op := (*efaceWords)(unsafe.Pointer(&old))
	if op.typ != nil && np.typ != op.typ {
		panic("sync/atomic: compare and swap of inconsistently typed values")
	}
	if v.begin(np.typ, "compare and swap") {
		if old != nil {
			StorePointer(&vp.typ, nil)
			return false
		}
		StorePointer(&vp.data, np.data)
		StorePointer(&vp.typ, np.typ)
		return true
	}
	for {
		data := LoadPointer(&vp.data)
		var cur any
		cp := (*efaceWords)(unsafe.Pointer(&cur))
		cp.typ, cp.data = np.typ, data
		if cur != old {
			return false
		}
		// Compare the data words: the Value may hold the same value under another box.
		if CompareAndSwapPointer(&vp.data, data, np.data) {
			return true
		}
	}
}
