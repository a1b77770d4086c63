// Package atomic provides atomic memory operations, sequentially consistent as the Go memory
// model requires. gc writes these in assembly; rog's overlay binds them to the Rust runtime's
// atomics (rog_atomic_*, which ThinLTO inlines into plain atomic instructions).
package atomic

import "unsafe"

//go:linkname load32 rog_atomic_load32
func load32(p *uint32) uint32

//go:linkname load64 rog_atomic_load64
func load64(p *uint64) uint64

//go:linkname store32 rog_atomic_store32
func store32(p *uint32, v uint32)

//go:linkname store64 rog_atomic_store64
func store64(p *uint64, v uint64)

//go:linkname xchg32 rog_atomic_xchg32
func xchg32(p *uint32, v uint32) uint32

//go:linkname xchg64 rog_atomic_xchg64
func xchg64(p *uint64, v uint64) uint64

//go:linkname cas32 rog_atomic_cas32
func cas32(p *uint32, old, new uint32) bool

//go:linkname cas64 rog_atomic_cas64
func cas64(p *uint64, old, new uint64) bool

// xadd32 and xadd64 return the new value.
//
//go:linkname xadd32 rog_atomic_xadd32
func xadd32(p *uint32, delta uint32) uint32

//go:linkname xadd64 rog_atomic_xadd64
func xadd64(p *uint64, delta uint64) uint64

// and and or return the old value (a compare-and-swap loop).

func and32(p *uint32, mask uint32) uint32 {
	for {
		old := load32(p)
		if cas32(p, old, old&mask) {
			return old
		}
	}
}

func or32(p *uint32, mask uint32) uint32 {
	for {
		old := load32(p)
		if cas32(p, old, old|mask) {
			return old
		}
	}
}

func and64(p *uint64, mask uint64) uint64 {
	for {
		old := load64(p)
		if cas64(p, old, old&mask) {
			return old
		}
	}
}

func or64(p *uint64, mask uint64) uint64 {
	for {
		old := load64(p)
		if cas64(p, old, old|mask) {
			return old
		}
	}
}

// SwapInt32 atomically stores new into *addr and returns the previous value.
func SwapInt32(addr *int32, new int32) (old int32) {
	return int32(xchg32((*uint32)(unsafe.Pointer(addr)), uint32(new)))
}

// CompareAndSwapInt32 executes the compare-and-swap operation for a int32 value.
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool) {
	return cas32((*uint32)(unsafe.Pointer(addr)), uint32(old), uint32(new))
}

// AddInt32 atomically adds delta to *addr and returns the new value.
func AddInt32(addr *int32, delta int32) (new int32) {
	return int32(xadd32((*uint32)(unsafe.Pointer(addr)), uint32(delta)))
}

// AndInt32 atomically ands *addr with mask and returns the old value.
func AndInt32(addr *int32, mask int32) (old int32) {
	return int32(and32((*uint32)(unsafe.Pointer(addr)), uint32(mask)))
}

// OrInt32 atomically ors *addr with mask and returns the old value.
func OrInt32(addr *int32, mask int32) (old int32) {
	return int32(or32((*uint32)(unsafe.Pointer(addr)), uint32(mask)))
}

// LoadInt32 atomically loads *addr.
func LoadInt32(addr *int32) (val int32) { return int32(load32((*uint32)(unsafe.Pointer(addr)))) }

// StoreInt32 atomically stores val into *addr.
func StoreInt32(addr *int32, val int32) { store32((*uint32)(unsafe.Pointer(addr)), uint32(val)) }

// SwapUint32 atomically stores new into *addr and returns the previous value.
func SwapUint32(addr *uint32, new uint32) (old uint32) {
	return uint32(xchg32((*uint32)(unsafe.Pointer(addr)), uint32(new)))
}

// CompareAndSwapUint32 executes the compare-and-swap operation for a uint32 value.
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool) {
	return cas32((*uint32)(unsafe.Pointer(addr)), uint32(old), uint32(new))
}

// AddUint32 atomically adds delta to *addr and returns the new value.
func AddUint32(addr *uint32, delta uint32) (new uint32) {
	return uint32(xadd32((*uint32)(unsafe.Pointer(addr)), uint32(delta)))
}

// AndUint32 atomically ands *addr with mask and returns the old value.
func AndUint32(addr *uint32, mask uint32) (old uint32) {
	return uint32(and32((*uint32)(unsafe.Pointer(addr)), uint32(mask)))
}

// OrUint32 atomically ors *addr with mask and returns the old value.
func OrUint32(addr *uint32, mask uint32) (old uint32) {
	return uint32(or32((*uint32)(unsafe.Pointer(addr)), uint32(mask)))
}

// LoadUint32 atomically loads *addr.
func LoadUint32(addr *uint32) (val uint32) { return uint32(load32((*uint32)(unsafe.Pointer(addr)))) }

// StoreUint32 atomically stores val into *addr.
func StoreUint32(addr *uint32, val uint32) { store32((*uint32)(unsafe.Pointer(addr)), uint32(val)) }

// SwapInt64 atomically stores new into *addr and returns the previous value.
func SwapInt64(addr *int64, new int64) (old int64) {
	return int64(xchg64((*uint64)(unsafe.Pointer(addr)), uint64(new)))
}

// CompareAndSwapInt64 executes the compare-and-swap operation for a int64 value.
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool) {
	return cas64((*uint64)(unsafe.Pointer(addr)), uint64(old), uint64(new))
}

// AddInt64 atomically adds delta to *addr and returns the new value.
func AddInt64(addr *int64, delta int64) (new int64) {
	return int64(xadd64((*uint64)(unsafe.Pointer(addr)), uint64(delta)))
}

// AndInt64 atomically ands *addr with mask and returns the old value.
func AndInt64(addr *int64, mask int64) (old int64) {
	return int64(and64((*uint64)(unsafe.Pointer(addr)), uint64(mask)))
}

// OrInt64 atomically ors *addr with mask and returns the old value.
func OrInt64(addr *int64, mask int64) (old int64) {
	return int64(or64((*uint64)(unsafe.Pointer(addr)), uint64(mask)))
}

// LoadInt64 atomically loads *addr.
func LoadInt64(addr *int64) (val int64) { return int64(load64((*uint64)(unsafe.Pointer(addr)))) }

// StoreInt64 atomically stores val into *addr.
func StoreInt64(addr *int64, val int64) { store64((*uint64)(unsafe.Pointer(addr)), uint64(val)) }

// SwapUint64 atomically stores new into *addr and returns the previous value.
func SwapUint64(addr *uint64, new uint64) (old uint64) {
	return uint64(xchg64((*uint64)(unsafe.Pointer(addr)), uint64(new)))
}

// CompareAndSwapUint64 executes the compare-and-swap operation for a uint64 value.
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool) {
	return cas64((*uint64)(unsafe.Pointer(addr)), uint64(old), uint64(new))
}

// AddUint64 atomically adds delta to *addr and returns the new value.
func AddUint64(addr *uint64, delta uint64) (new uint64) {
	return uint64(xadd64((*uint64)(unsafe.Pointer(addr)), uint64(delta)))
}

// AndUint64 atomically ands *addr with mask and returns the old value.
func AndUint64(addr *uint64, mask uint64) (old uint64) {
	return uint64(and64((*uint64)(unsafe.Pointer(addr)), uint64(mask)))
}

// OrUint64 atomically ors *addr with mask and returns the old value.
func OrUint64(addr *uint64, mask uint64) (old uint64) {
	return uint64(or64((*uint64)(unsafe.Pointer(addr)), uint64(mask)))
}

// LoadUint64 atomically loads *addr.
func LoadUint64(addr *uint64) (val uint64) { return uint64(load64((*uint64)(unsafe.Pointer(addr)))) }

// StoreUint64 atomically stores val into *addr.
func StoreUint64(addr *uint64, val uint64) { store64((*uint64)(unsafe.Pointer(addr)), uint64(val)) }

// SwapUintptr atomically stores new into *addr and returns the previous value.
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr) {
	return uintptr(xchg64((*uint64)(unsafe.Pointer(addr)), uint64(new)))
}

// CompareAndSwapUintptr executes the compare-and-swap operation for a uintptr value.
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool) {
	return cas64((*uint64)(unsafe.Pointer(addr)), uint64(old), uint64(new))
}

// AddUintptr atomically adds delta to *addr and returns the new value.
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr) {
	return uintptr(xadd64((*uint64)(unsafe.Pointer(addr)), uint64(delta)))
}

// AndUintptr atomically ands *addr with mask and returns the old value.
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	return uintptr(and64((*uint64)(unsafe.Pointer(addr)), uint64(mask)))
}

// OrUintptr atomically ors *addr with mask and returns the old value.
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	return uintptr(or64((*uint64)(unsafe.Pointer(addr)), uint64(mask)))
}

// LoadUintptr atomically loads *addr.
func LoadUintptr(addr *uintptr) (val uintptr) {
	return uintptr(load64((*uint64)(unsafe.Pointer(addr))))
}

// StoreUintptr atomically stores val into *addr.
func StoreUintptr(addr *uintptr, val uintptr) { store64((*uint64)(unsafe.Pointer(addr)), uint64(val)) }

// Pointer functions. rog's collector needs no write barrier, so these are word atomics.

// SwapPointer atomically stores new into *addr and returns the previous value.
func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer) {
	return unsafe.Pointer(uintptr(xchg64((*uint64)(unsafe.Pointer(addr)), uint64(uintptr(new)))))
}

// CompareAndSwapPointer executes the compare-and-swap operation for an unsafe.Pointer value.
func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool) {
	return cas64((*uint64)(unsafe.Pointer(addr)), uint64(uintptr(old)), uint64(uintptr(new)))
}

// LoadPointer atomically loads *addr.
func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer) {
	return unsafe.Pointer(uintptr(load64((*uint64)(unsafe.Pointer(addr)))))
}

// StorePointer atomically stores val into *addr.
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer) {
	store64((*uint64)(unsafe.Pointer(addr)), uint64(uintptr(val)))
}
