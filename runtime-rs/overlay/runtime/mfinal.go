// Finalizers, cleanups and pinning.

package runtime

import (
	"internal/abi"
	"unsafe"
)

// Finalizers and cleanups (runtime-rs/src/gc/finalizer.rs): f is a func value; the bool
// results say whether the pointer was into the heap.

//go:linkname rogSetFinalizer rog_setfinalizer
func rogSetFinalizer(obj, f unsafe.Pointer) bool

//go:linkname rogSetFinalizerIface rog_setfinalizer_iface
func rogSetFinalizerIface(obj, f, iword unsafe.Pointer) bool

//go:linkname rogAddCleanup rog_addcleanup
func rogAddCleanup(ptr, f unsafe.Pointer) uint64

//go:linkname rogStopCleanup rog_stopcleanup
func rogStopCleanup(ptr unsafe.Pointer, id uint64)

//go:linkname rogFinalizersIdle rog_finalizers_idle
func rogFinalizersIdle() bool

//go:linkname rogGetitab rog_getitab
func rogGetitab(inter, t *abi.Type, canfail bool) unsafe.Pointer

// SetFinalizer sets the finalizer of the object obj points to, with gc's checks and messages.
// The collector (runtime-rs/src/gc/finalizer.rs) runs it on the finalizer goroutine once obj is
// unreachable, then keeps obj until the cycle after the finalizer returned. A pointer that is
// not into the heap (a global, a zero-size object) gets no finalizer, as in gc.
func SetFinalizer(obj any, finalizer any) {
	e := (*abi.EmptyInterface)(unsafe.Pointer(&obj))
	if e.Type == nil {
		throw("runtime.SetFinalizer: first argument is nil")
	}
	if e.Type.Kind() != abi.Pointer {
		throw("runtime.SetFinalizer: first argument is " + e.Type.String() + ", not pointer")
	}
	if e.Data == nil {
		throw("nil elem type!")
	}
	f := (*abi.EmptyInterface)(unsafe.Pointer(&finalizer))
	if f.Type == nil {
		rogSetFinalizer(e.Data, nil)
		return
	}
	if f.Type.Kind() != abi.Func {
		throw("runtime.SetFinalizer: second argument is " + f.Type.String() + ", not a function")
	}
	ft := f.Type.FuncType()
	if ft.IsVariadic() || ft.NumIn() != 1 {
		throw("runtime.SetFinalizer: cannot pass " + e.Type.String() + " to finalizer " + f.Type.String())
	}
	in := ft.In(0)
	switch {
	case abi.SameType(in, e.Type):
		rogSetFinalizer(e.Data, f.Data)
		return
	case in.Kind() == abi.Pointer && (!in.HasName() || !e.Type.HasName()) && abi.SameType(in.Elem(), e.Type.Elem()):
		// func(*T) for an object of a defined pointer type over *T, or the other way round.
		rogSetFinalizer(e.Data, f.Data)
		return
	case in.Kind() == abi.Interface:
		if in.NumMethod() == 0 {
			rogSetFinalizerIface(e.Data, f.Data, unsafe.Pointer(e.Type))
			return
		}
		if tab := rogGetitab(in, e.Type, true); tab != nil {
			rogSetFinalizerIface(e.Data, f.Data, tab)
			return
		}
	}
	throw("runtime.SetFinalizer: cannot pass " + e.Type.String() + " to finalizer " + f.Type.String())
}

// Cleanup is a handle to a cleanup call for a specific object.
type Cleanup struct {
	id  uint64
	ptr uintptr
}

// AddCleanup attaches cleanup(arg) to ptr, to run on the finalizer goroutine some time after
// the object ptr points into becomes unreachable. Unlike a finalizer it does not keep the object
// alive, an object may have several, and they run after its finalizer (if any) ran and the
// object was dropped again. A pointer that is not into the heap gets a cleanup that never runs.
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup {
	if ptr == nil {
		throw("runtime.AddCleanup: ptr is nil")
	}
	if unsafe.Pointer(ptr) == unsafe.Pointer(&arg) {
		panic("runtime.AddCleanup: ptr is equal to arg, cleanup will never run")
	}
	call := func() { cleanup(arg) }
	f := *(*unsafe.Pointer)(unsafe.Pointer(&call))
	id := rogAddCleanup(unsafe.Pointer(ptr), f)
	return Cleanup{id: id, ptr: uintptr(unsafe.Pointer(ptr))}
}

// Stop cancels the cleanup call, unless it has already been queued to run.
func (c Cleanup) Stop() {
	if c.id != 0 {
		rogStopCleanup(unsafe.Pointer(c.ptr), c.id)
	}
}

// blockUntilEmpty waits until no finalizer or cleanup is queued or running, or timeout
// nanoseconds passed; it reports whether the queue emptied.
func blockUntilEmpty(timeout int64) bool {
	start := rogNanotime()
	for !rogFinalizersIdle() {
		if rogNanotime()-start >= timeout {
			return false
		}
		rogRealSleep(1000000)
	}
	return true
}

// Pinner keeps objects at fixed addresses until Unpin. rog's collector never moves objects,
// so pinning only has to keep them reachable.
type Pinner struct {
	refs []unsafe.Pointer
}

// Pin pins the object pointer points to.
func (p *Pinner) Pin(pointer any) {
	e := (*abi.EmptyInterface)(unsafe.Pointer(&pointer))
	if e.Type == nil {
		return
	}
	if k := e.Type.Kind(); k != abi.Pointer && k != abi.UnsafePointer {
		panic(errorString("runtime.Pinner: argument is not a pointer: " + e.Type.String()))
	}
	p.refs = append(p.refs, e.Data)
}

// Unpin unpins every object pinned by p.
func (p *Pinner) Unpin() {
	clear(p.refs)
	p.refs = p.refs[:0]
}

// sync_test_runtime_blockUntilEmptyCleanupQueue waits for queued cleanups to have run (sync's
// tests pull it by linkname).
//
//go:linkname sync_test_runtime_blockUntilEmptyCleanupQueue sync_test.runtime_blockUntilEmptyCleanupQueue
func sync_test_runtime_blockUntilEmptyCleanupQueue(timeout int64) bool {
	return blockUntilEmpty(timeout)
}

// unique_runtime_blockUntilEmptyCleanupQueue is the same wait for unique's tests.
//
//go:linkname unique_runtime_blockUntilEmptyCleanupQueue unique.runtime_blockUntilEmptyCleanupQueue
func unique_runtime_blockUntilEmptyCleanupQueue(timeout int64) bool {
	return blockUntilEmpty(timeout)
}
