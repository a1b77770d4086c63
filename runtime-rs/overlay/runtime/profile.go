// Profiling and execution tracing: rog records no profiles yet, so the profile functions
// report empty profiles and StartTrace fails.
// TODO(runtime): CPU and heap profiles.

package runtime

import "unsafe"

// StackRecord is one stack of a profile.
type StackRecord struct {
	Stack0 [32]uintptr
}

// Stack returns the stack's return addresses.
func (r *StackRecord) Stack() []uintptr {
	for i, v := range r.Stack0 {
		if v == 0 {
			return r.Stack0[0:i]
		}
	}
	return r.Stack0[0:]
}

// MemProfileRecord is one allocation site of the heap profile.
type MemProfileRecord struct {
	AllocBytes, FreeBytes     int64
	AllocObjects, FreeObjects int64
	Stack0                    [32]uintptr
}

// InUseBytes returns the bytes in use.
func (r *MemProfileRecord) InUseBytes() int64 { return r.AllocBytes - r.FreeBytes }

// InUseObjects returns the objects in use.
func (r *MemProfileRecord) InUseObjects() int64 { return r.AllocObjects - r.FreeObjects }

// Stack returns the allocation site's return addresses.
func (r *MemProfileRecord) Stack() []uintptr {
	for i, v := range r.Stack0 {
		if v == 0 {
			return r.Stack0[0:i]
		}
	}
	return r.Stack0[0:]
}

// BlockProfileRecord is one site of the blocking or mutex profile.
type BlockProfileRecord struct {
	Count  int64
	Cycles int64
	StackRecord
}

// MemProfileRate is the sampling rate of the heap profile (bytes per sample).
var MemProfileRate int = 512 * 1024

func MemProfile(p []MemProfileRecord, inuseZero bool) (n int, ok bool) { return 0, true }

func BlockProfile(p []BlockProfileRecord) (n int, ok bool) { return 0, true }

func MutexProfile(p []BlockProfileRecord) (n int, ok bool) { return 0, true }

func ThreadCreateProfile(p []StackRecord) (n int, ok bool) { return 0, true }

func GoroutineProfile(p []StackRecord) (n int, ok bool) { return 0, true }

func SetBlockProfileRate(rate int) {}

func SetMutexProfileFraction(rate int) int { return 0 }

func SetCPUProfileRate(hz int) {}

// CPUProfile panics, as gc's does.
//
// Deprecated: use runtime/pprof.
func CPUProfile() []byte {
	panic("CPUProfile no longer available")
}

// SetCgoTraceback records C traceback functions; rog has no cgo.
func SetCgoTraceback(version int, traceback, context, symbolizer unsafe.Pointer) {}

// StartTrace fails: rog has no execution tracer.
func StartTrace() error { return plainError("not supported yet: runtime execution tracing") }

func StopTrace() {}

func ReadTrace() []byte { return nil }
