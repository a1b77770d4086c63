// The Rust entry points this package binds to (runtime-rs/overlay/README.md lists them for the
// runtime engineer). A bodyless function with `//go:linkname f rog_x` is a call of the C
// function rog_x: parameters are scalars (integers, pointers, bool), at most two results of
// eight bytes each; strings and slices are passed as pointer and length.

package runtime

import "unsafe"

// Scheduler, clocks, memory (runtime-rs/ABI.md §5, §7).

//go:linkname rogGC rog_gc
func rogGC()

//go:linkname rogGosched rog_gosched
func rogGosched()

//go:linkname rogGoexit rog_goexit
func rogGoexit()

//go:linkname rogNumGoroutine rog_numgoroutine
func rogNumGoroutine() int

//go:linkname rogGomaxprocs rog_gomaxprocs
func rogGomaxprocs(n int) int

//go:linkname rogSleep rog_sleep
func rogSleep(ns int64)

//go:linkname rogRealSleep rog_realsleep
func rogRealSleep(ns int64)

//go:linkname rogNanotime rog_nanotime
func rogNanotime() int64

//go:linkname rogWalltime rog_walltime
func rogWalltime() int64

//go:linkname rogEntersyscall rog_entersyscall
func rogEntersyscall()

//go:linkname rogExitsyscall rog_exitsyscall
func rogExitsyscall()

// rogSyscall6 is a blocking system call (bracketed by the runtime); it returns the kernel's
// result, -errno on failure.
//
//go:linkname rogSyscall6 rog_syscall6
func rogSyscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) int

// rogRawSyscall6 is a system call that never blocks.
//
//go:linkname rogRawSyscall6 rog_rawsyscall6
func rogRawSyscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) int

//go:linkname rogTypeEqual rog_typeequal
func rogTypeEqual(a, b, typ unsafe.Pointer) bool

// New entry points (README.md "Needs from the runtime").

// rogArgc returns argc; rogArgv returns argv (NULL-terminated C strings); rogEnviron returns
// the environment block the process started with (NULL-terminated).
//
//go:linkname rogArgc rog_argc
func rogArgc() int

//go:linkname rogArgv rog_argv
func rogArgv() **byte

//go:linkname rogEnviron rog_environ
func rogEnviron() **byte

// rogRand returns 64 random bits from the runtime's per-thread generator.
//
//go:linkname rogRand rog_rand
func rogRand() uint64

// rogMemstats fills out[0:n] with the statistics of README.md's MemStats table.
//
//go:linkname rogMemstats rog_memstats
func rogMemstats(out *uint64, n int)

// rogCpuid runs CPUID with eax and ecx and stores eax, ebx, ecx, edx in out.
//
//go:linkname rogCpuid rog_cpuid
func rogCpuid(eax, ecx uint32, out *[4]uint32)

// rogXgetbv reads XCR0 into out (eax, edx).
//
//go:linkname rogXgetbv rog_xgetbv
func rogXgetbv(out *[2]uint32)

// rogCallers stores up to n PCs of the calling goroutine's stack in pcs, one per logical Go
// frame (inlined calls included), skipping skip frames (0 is rogCallers' caller), and returns
// how many it stored. A PC is a return address tagged with its frame's index in the inline
// chain at that address (bits 56..63, see runtime-rs/ABI.md).
//
//go:linkname rogCallers rog_callers
func rogCallers(skip int, pcs *uintptr, n int) int

// rogFuncInfo describes the logical Go frame at pc (a possibly tagged PC): it stores the
// physical function's entry address, the frame's function name and file (pointers to the
// runtime's static strings), the tag of the next Go frame outwards at the same address (0:
// none) and whether the frame is inlined (1) in out and returns the line of pc, or 0 when pc is
// unknown. out is {entry, name ptr, name len, file ptr, file len, next, inlined}.
//
//go:linkname rogFuncInfo rog_funcinfo
func rogFuncInfo(pc uintptr, out *[7]uintptr) int

// Atomics, sequentially consistent (Go's sync/atomic semantics).

//go:linkname atomicLoad32 rog_atomic_load32
func atomicLoad32(p *uint32) uint32

//go:linkname atomicLoad64 rog_atomic_load64
func atomicLoad64(p *uint64) uint64

//go:linkname atomicStore32 rog_atomic_store32
func atomicStore32(p *uint32, v uint32)

//go:linkname atomicStore64 rog_atomic_store64
func atomicStore64(p *uint64, v uint64)

//go:linkname atomicXchg32 rog_atomic_xchg32
func atomicXchg32(p *uint32, v uint32) uint32

//go:linkname atomicXchg64 rog_atomic_xchg64
func atomicXchg64(p *uint64, v uint64) uint64

//go:linkname atomicCas32 rog_atomic_cas32
func atomicCas32(p *uint32, old, new uint32) bool

//go:linkname atomicCas64 rog_atomic_cas64
func atomicCas64(p *uint64, old, new uint64) bool

//go:linkname atomicXadd32 rog_atomic_xadd32
func atomicXadd32(p *uint32, delta uint32) uint32

//go:linkname atomicXadd64 rog_atomic_xadd64
func atomicXadd64(p *uint64, delta uint64) uint64

//go:linkname rogMapClone rog_mapclone
func rogMapClone(m unsafe.Pointer) unsafe.Pointer

// maps_clone is maps.Clone's runtime half: m holds a map (its data word is the map pointer).
//
//go:linkname maps_clone maps.clone
func maps_clone(m any) any {
	e := (*[2]unsafe.Pointer)(unsafe.Pointer(&m))
	e[1] = rogMapClone(e[1])
	return m
}
