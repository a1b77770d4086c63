// The two internal/runtime/atomic functions sync.Pool pulls by linkname. rog's atomics are all
// sequentially consistent, which is stronger than acquire and release.

package runtime

import "unsafe"

//go:linkname atomic_LoadAcquintptr internal/runtime/atomic.LoadAcquintptr
func atomic_LoadAcquintptr(p *uintptr) uintptr {
	return uintptr(atomicLoad64((*uint64)(unsafe.Pointer(p))))
}

//go:linkname atomic_StoreReluintptr internal/runtime/atomic.StoreReluintptr
func atomic_StoreReluintptr(p *uintptr, v uintptr) {
	atomicStore64((*uint64)(unsafe.Pointer(p)), uint64(v))
}
