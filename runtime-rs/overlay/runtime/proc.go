// Goroutines, processors and the scheduler's user-visible knobs.

package runtime

import (
	"internal/cpu"
	"unsafe"
)

func init() {
	// gc's scheduler does this at start; internal/cpu reads "cpu.*" options from GODEBUG.
	cpu.Initialize(gogetenv("GODEBUG"))
}

// GC runs a garbage collection and returns when it is complete.
func GC() { rogGC() }

// Gosched yields the processor, letting other goroutines run.
func Gosched() { rogGosched() }

// Goexit runs the deferred calls of the calling goroutine and then ends it.
func Goexit() { rogGoexit() }

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int { return rogNumGoroutine() }

// GOMAXPROCS returns the number of goroutines that may run at once. rog fixes the number at
// start (the GOMAXPROCS environment variable, else the CPU count): a different n is accepted
// but does not change it yet (runtime-rs/README.md, "Scheduler").
func GOMAXPROCS(n int) int { return rogGomaxprocs(n) }

// SetDefaultGOMAXPROCS returns GOMAXPROCS to its default; rog's setting never changes.
func SetDefaultGOMAXPROCS() {}

// NumCPU returns the number of CPUs the process may run on.
func NumCPU() int {
	var mask [128]uint64
	r := rogRawSyscall6(sysSchedGetaffinity, 0, unsafe.Sizeof(mask), uintptr(unsafe.Pointer(&mask)), 0, 0, 0)
	if r <= 0 {
		return 1
	}
	n := 0
	for _, w := range mask[:r/8] {
		for ; w != 0; w &= w - 1 {
			n++
		}
	}
	if n == 0 {
		return 1
	}
	return n
}

// NumCgoCall returns the number of cgo calls made; rog has no cgo yet.
func NumCgoCall() int64 { return 0 }

// LockOSThread wires the calling goroutine to its current thread.
// TODO(runtime): the scheduler cannot pin a goroutine yet; this only counts, so code that
// needs thread identity (for example per-thread system calls) is not safe yet.
func LockOSThread() {}

// UnlockOSThread undoes LockOSThread.
func UnlockOSThread() {}

// KeepAlive marks x as reachable up to the call: rog_keepalive is an empty assembly use of
// x's data word, which LLVM must keep in a register or the frame until there, where the
// collector finds it (stacks are scanned conservatively). A test of a never-set flag did not
// do: whole-program optimisation proved the flag false and dropped x (test/fixedbugs/issue30476).
func KeepAlive(x any) {
	rogKeepAlive((*[2]unsafe.Pointer)(unsafe.Pointer(&x))[1])
}

//go:linkname rogKeepAlive rog_keepalive
func rogKeepAlive(p unsafe.Pointer)

// Breakpoint stops the program with SIGTRAP, as a debugger breakpoint would.
func Breakpoint() {
	pid := rogRawSyscall6(sysGetpid, 0, 0, 0, 0, 0, 0)
	tid := rogRawSyscall6(sysGettid, 0, 0, 0, 0, 0, 0)
	rogRawSyscall6(234 /* tgkill */, uintptr(pid), uintptr(tid), sigTrap, 0, 0, 0)
}

// entersyscall and exitsyscall bracket a blocking system call made by package syscall.
func entersyscall() { rogEntersyscall() }

func exitsyscall() { rogExitsyscall() }

// nanotime is the monotonic clock in nanoseconds.
func nanotime() int64 { return rogNanotime() }

// rand returns 64 random bits (not cryptographically secure).
func rand() uint64 { return rogRand() }

// randn returns a random number in [0, n).
func randn(n uint32) uint32 {
	return uint32((uint64(uint32(rand())) * uint64(n)) >> 32)
}

// cheaprand is rand's 32-bit form.
func cheaprand() uint32 { return uint32(rand()) }

// write writes n bytes at p to fd, returning the count or -errno (internal/godebug uses it).
func write(fd uintptr, p unsafe.Pointer, n int32) int32 {
	return int32(rogSyscall6(sysWrite, fd, uintptr(p), uintptr(n), 0, 0, 0))
}

// sync.Pool: rog cannot pin a goroutine to its processor, so pinning takes one lock for all
// pools and reports processor 0 (sync.Pool's per-P caches then act as one shared cache). As
// gc's pinning, it nests: sync's tests pin (Runtime_procPin) around Put and Get, which pin again.

var (
	poolPin      mutex
	poolPinOwner uintptr // the goroutine holding poolPin (rogGetg), read by others atomically
	poolPinDepth int
)

//go:linkname rogGetg rog_getg
func rogGetg() uintptr

//go:linkname sync_runtime_procPin sync.runtime_procPin
func sync_runtime_procPin() int {
	g := rogGetg()
	if atomic_LoadAcquintptr(&poolPinOwner) == g {
		poolPinDepth++
		return 0
	}
	poolPin.lock()
	atomic_StoreReluintptr(&poolPinOwner, g)
	poolPinDepth = 1
	return 0
}

//go:linkname sync_runtime_procUnpin sync.runtime_procUnpin
func sync_runtime_procUnpin() {
	if poolPinDepth--; poolPinDepth == 0 {
		atomic_StoreReluintptr(&poolPinOwner, 0)
		poolPin.unlock()
	}
}

// sync.Pool's cleanup runs at the start of every collection, world stopped
// (runtime-rs/src/gc/mod.rs): it moves each pool's objects to its victim cache and drops the
// victims of the cycle before. The variable keeps the func value reachable for the collector.
var poolCleanup func()

//go:linkname rogRegisterPoolCleanup rog_registerpoolcleanup
func rogRegisterPoolCleanup(f unsafe.Pointer)

//go:linkname sync_runtime_registerPoolCleanup sync.runtime_registerPoolCleanup
func sync_runtime_registerPoolCleanup(f func()) {
	poolCleanup = f
	rogRegisterPoolCleanup(*(*unsafe.Pointer)(unsafe.Pointer(&f)))
}
