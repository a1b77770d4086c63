// Weak pointers (package weak, and unique's users through it). The handle of an object is one
// cell per object, so that weak pointers made from the same pointer compare equal, as weak
// requires. The cell holds the object strongly: weak.Pointer.Value "is not guaranteed to
// eventually return nil" (weak's documentation), and this runtime never returns nil for an
// object once made weak, so such objects are never freed. Clearing the cells when their
// objects die needs the collector's help (runtime-rs/src/gc), which it does not give yet.

package runtime

import "unsafe"

var (
	weakLock    mutex
	weakHandles = map[unsafe.Pointer]*unsafe.Pointer{}
)

//go:linkname weak_runtime_registerWeakPointer weak.runtime_registerWeakPointer
func weak_runtime_registerWeakPointer(p unsafe.Pointer) unsafe.Pointer {
	weakLock.lock()
	h := weakHandles[p]
	if h == nil {
		h = new(unsafe.Pointer)
		*h = p
		weakHandles[p] = h
	}
	weakLock.unlock()
	return unsafe.Pointer(h)
}

//go:linkname weak_runtime_makeStrongFromWeak weak.runtime_makeStrongFromWeak
func weak_runtime_makeStrongFromWeak(h unsafe.Pointer) unsafe.Pointer {
	return *(*unsafe.Pointer)(h)
}
