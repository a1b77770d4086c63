// Finalizers, cleanups and pinning.

package runtime

import (
	"internal/abi"
	"unsafe"
)

// SetFinalizer sets the finalizer of the object obj points to (see gc's documentation for the
// rules, which rog checks the same way). rog's collector cannot run finalizers yet, so after
// the checks SetFinalizer does nothing: a finalizer never runs, which the Go documentation
// allows ("there is no guarantee that finalizers will run") but which leaks, for example, the
// descriptor of an os.File that is dropped without Close.
// TODO(runtime): bind to rog_setfinalizer (README.md, "Needs from the runtime").
func SetFinalizer(obj any, finalizer any) {
	e := (*abi.EmptyInterface)(unsafe.Pointer(&obj))
	if e.Type == nil {
		throw("runtime.SetFinalizer: first argument is nil")
	}
	if e.Type.Kind() != abi.Pointer {
		throw("runtime.SetFinalizer: first argument is " + e.Type.String() + ", not pointer")
	}
	f := (*abi.EmptyInterface)(unsafe.Pointer(&finalizer))
	if f.Type == nil {
		return
	}
	if f.Type.Kind() != abi.Func {
		throw("runtime.SetFinalizer: second argument is " + f.Type.String() + ", not a function")
	}
	ft := f.Type.FuncType()
	if ft.IsVariadic() || ft.NumIn() != 1 {
		throw("runtime.SetFinalizer: cannot pass " + e.Type.String() + " to finalizer " + f.Type.String())
	}
}

// Cleanup is a handle to a cleanup call for a specific object.
type Cleanup struct {
	id  uint64
	ptr uintptr
}

// AddCleanup attaches cleanup(arg) to ptr, to run some time after ptr becomes unreachable.
// As with SetFinalizer, rog's collector cannot run it yet, so it never runs.
// TODO(runtime): bind to the collector with SetFinalizer.
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup {
	if ptr == nil {
		throw("runtime.AddCleanup: ptr is nil")
	}
	if unsafe.Pointer(ptr) == unsafe.Pointer(&arg) {
		panic("runtime.AddCleanup: ptr is equal to arg, cleanup will never run")
	}
	return Cleanup{ptr: uintptr(unsafe.Pointer(ptr))}
}

// Stop cancels the cleanup call.
func (c Cleanup) Stop() {}

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

// sync_test_runtime_blockUntilEmptyCleanupQueue waits for the cleanup queue to drain (sync's
// tests pull it by linkname). rog never queues cleanups, so the queue is always empty.
//
//go:linkname sync_test_runtime_blockUntilEmptyCleanupQueue sync_test.runtime_blockUntilEmptyCleanupQueue
func sync_test_runtime_blockUntilEmptyCleanupQueue(timeout int64) bool { return true }
