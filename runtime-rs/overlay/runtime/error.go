// Run-time errors, throw and fatal.

package runtime

import (
	"internal/abi"
	"unsafe"
)

// Error is the interface of run-time errors: a panic raised by the runtime holds one.
type Error interface {
	error
	// RuntimeError tells run-time errors apart from ordinary errors.
	RuntimeError()
}

// TypeAssertionError is the error of a failed type assertion. The Rust runtime raises it with
// the data word pointing at its message (runtime-rs/src/rterr.rs), so its only field is msg.
type TypeAssertionError struct {
	msg string
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string { return e.msg }

// PanicNilError is the value recovered after panic(nil).
type PanicNilError struct {
	_ [0]*PanicNilError // keeps other packages from making one
}

func (*PanicNilError) Error() string { return "panic called with nil argument" }

func (*PanicNilError) RuntimeError() {}

//go:linkname rogSetPanicNil rog_setpanicnil
func rogSetPanicNil(f unsafe.Pointer)

// panicNil is what panic(nil) calls, through the runtime (rog_gopanic with no type).
func panicNil() { panic(new(PanicNilError)) }

func init() {
	f := panicNil
	rogSetPanicNil(*(*unsafe.Pointer)(unsafe.Pointer(&f)))
}

// errorString is a run-time error with a fixed text.
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string { return "runtime error: " + string(e) }

// plainError is a run-time error printed without the "runtime error: " prefix.
type plainError string

func (e plainError) RuntimeError() {}

func (e plainError) Error() string { return string(e) }

// math/bits panics with these (its bits_errors.go pulls them by linkname).
var (
	overflowError = error(errorString("integer overflow"))
	divideError   = error(errorString("integer divide by zero"))
)

// throw reports a fatal error of the runtime's own making and ends the program.
func throw(s string) {
	fatalExit("fatal error: " + s)
}

// fatal reports a fatal error caused by the program (for example unlocking an unlocked mutex).
func fatal(s string) {
	fatalExit("fatal error: " + s)
}

// fatalExit prints msg and exits with gc's status for fatal errors, without running deferred
// calls. TODO(runtime): goroutine traces after the message, once rog_callers exists.
func fatalExit(msg string) {
	print(msg, "\n")
	exit(2)
}

// exit ends the process at once.
func exit(code int) {
	for {
		rogRawSyscall6(sysExitGroup, uintptr(code), 0, 0, 0, 0, 0)
	}
}

//go:linkname sync_throw sync.throw
func sync_throw(s string) { throw(s) }

//go:linkname sync_fatal sync.fatal
func sync_fatal(s string) { fatal(s) }

//go:linkname internal_sync_throw internal/sync.throw
func internal_sync_throw(s string) { throw(s) }

//go:linkname internal_sync_fatal internal/sync.fatal
func internal_sync_fatal(s string) { fatal(s) }

// noescape hides p from escape analysis.
func noescape(p unsafe.Pointer) unsafe.Pointer {
	x := uintptr(p)
	return unsafe.Pointer(x ^ 0)
}

// reflect_unsafeslice checks the arguments of reflect.SliceAt as unsafe.Slice((*T)(p), n)
// does, with gc's panics.
//
//go:linkname reflect_unsafeslice reflect.unsafeslice
func reflect_unsafeslice(t *abi.Type, p unsafe.Pointer, n int) {
	if n < 0 {
		panic(errorString("unsafe.Slice: len out of range"))
	}
	size := t.Size()
	if size == 0 {
		if p == nil && n > 0 {
			panic(errorString("unsafe.Slice: ptr is nil and len is not zero"))
		}
		return
	}
	if uintptr(n) > ^uintptr(0)/size || uintptr(n)*size > -uintptr(p) {
		if p == nil {
			panic(errorString("unsafe.Slice: ptr is nil and len is not zero"))
		}
		panic(errorString("unsafe.Slice: len out of range"))
	}
}
