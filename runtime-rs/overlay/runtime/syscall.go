// System calls for packages syscall, internal/runtime/syscall/linux, os and
// internal/syscall/unix: the functions gc writes in assembly or provides from its runtime.

package runtime

import "unsafe"

// linux_Syscall6 is the raw system call of internal/runtime/syscall/linux, which package
// syscall's RawSyscall6 and Syscall6 (between entersyscall and exitsyscall) use. r2 (rdx after
// the call) is not kept by rog_rawsyscall6; no linux/amd64 caller reads it.
//
//go:linkname linux_Syscall6 internal/runtime/syscall/linux.Syscall6
func linux_Syscall6(num, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2, errno uintptr) {
	r1, errno = syscallErr(rogRawSyscall6(num, a1, a2, a3, a4, a5, a6))
	return r1, 0, errno
}

//go:linkname syscall_rawSyscallNoError syscall.rawSyscallNoError
func syscall_rawSyscallNoError(trap, a1, a2, a3 uintptr) (r1, r2 uintptr) {
	return uintptr(rogRawSyscall6(trap, a1, a2, a3, 0, 0, 0)), 0
}

const (
	sysClone   = 56
	sysClone3  = 435
	cloneVM    = 0x100
	cloneVfork = 0x4000
)

// syscall_rawVforkSyscall creates the child of os.StartProcess. gc shares the parent's memory
// and stack with the child (vfork) in assembly; rog drops CLONE_VM and CLONE_VFORK and makes an
// ordinary copy-on-write fork, in which the child runs package syscall's raw system calls
// until it execs, exactly as it would after vfork. Slower for large heaps, same behaviour.
//
//go:linkname syscall_rawVforkSyscall syscall.rawVforkSyscall
func syscall_rawVforkSyscall(trap, a1, a2, a3 uintptr) (r1 uintptr, err uintptr) {
	switch trap {
	case sysClone:
		a1 &^= cloneVM | cloneVfork
	case sysClone3:
		flags := (*uint64)(unsafe.Pointer(a1)) // cloneArgs.flags
		*flags &^= cloneVM | cloneVfork
	}
	return syscallErr(rogRawSyscall6(trap, a1, a2, a3, 0, 0, 0))
}

// syscall_runtime_doAllThreadsSyscall would run the call on every thread (setuid and friends);
// the Rust scheduler cannot do that yet, so it fails as gc does when cgo is in use.
//
//go:linkname syscall_runtime_doAllThreadsSyscall syscall.runtime_doAllThreadsSyscall
func syscall_runtime_doAllThreadsSyscall(trap, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2, err uintptr) {
	return ^uintptr(0), 0, eNOTSUP
}

const eNOTSUP = 95

// syscall_cgocaller calls a C function; rog has no cgo, and package syscall calls it only when
// cgo is linked in.
//
//go:linkname syscall_cgocaller syscall.cgocaller
func syscall_cgocaller(fn unsafe.Pointer, args ...uintptr) uintptr {
	throw("cgocaller without cgo")
	return 0
}

//go:linkname syscall_gettimeofday syscall.gettimeofday
func syscall_gettimeofday(tv unsafe.Pointer) uintptr {
	_, errno := syscallErr(rogRawSyscall6(sysGettimeofday, uintptr(tv), 0, 0, 0, 0, 0))
	return errno
}

//go:linkname syscall_Getpagesize syscall.Getpagesize
func syscall_Getpagesize() int { return pageSize }

//go:linkname syscall_Exit syscall.Exit
func syscall_Exit(code int) { exit(code) }

//go:linkname os_runtime_beforeExit os.runtime_beforeExit
func os_runtime_beforeExit(exitCode int) {}

// Fork and exec: gc blocks signals and stops the world's bookkeeping around fork. rog's
// runtime keeps no state the child could see half-updated in the system calls it makes, so
// these only block signals in the forking thread, as gc does, and restore them.

var forkSigmask uint64

//go:linkname syscall_runtime_BeforeFork syscall.runtime_BeforeFork
func syscall_runtime_BeforeFork() {
	all := ^uint64(0)
	rogRawSyscall6(sysRtSigprocmask, 0 /* SIG_BLOCK */, uintptr(unsafe.Pointer(&all)),
		uintptr(unsafe.Pointer(&forkSigmask)), 8, 0, 0)
}

//go:linkname syscall_runtime_AfterFork syscall.runtime_AfterFork
func syscall_runtime_AfterFork() {
	rogRawSyscall6(sysRtSigprocmask, 2 /* SIG_SETMASK */, uintptr(unsafe.Pointer(&forkSigmask)), 0, 8, 0, 0)
}

// syscall_runtime_AfterForkInChild restores the signal mask in the child; the child gets
// default signal handlers from exec.
//
//go:linkname syscall_runtime_AfterForkInChild syscall.runtime_AfterForkInChild
func syscall_runtime_AfterForkInChild() { syscall_runtime_AfterFork() }

//go:linkname syscall_runtime_BeforeExec syscall.runtime_BeforeExec
func syscall_runtime_BeforeExec() {}

//go:linkname syscall_runtime_AfterExec syscall.runtime_AfterExec
func syscall_runtime_AfterExec() {}

// os.sigpipe is called after a write to a broken stdout or stderr: gc then dies of SIGPIPE,
// unless the program ignores SIGPIPE or asked os/signal for it.
//
//go:linkname os_sigpipe os.sigpipe
func os_sigpipe() { rogSigpipe() }

//go:linkname rogSigpipe rog_sigpipe
func rogSigpipe()

// kernelSigaction is struct sigaction as rt_sigaction takes it on amd64.
type kernelSigaction struct {
	handler  uintptr
	flags    uint64
	restorer uintptr
	mask     uint64
}

func sigaction(sig, handler uintptr, old *kernelSigaction) {
	sa := kernelSigaction{handler: handler}
	rogRawSyscall6(sysRtSigaction, sig, uintptr(unsafe.Pointer(&sa)), uintptr(unsafe.Pointer(old)), 8, 0, 0)
}

var sigsysSaved kernelSigaction

// os.ignoreSIGSYS and restoreSIGSYS bracket the probe for clone with CLONE_PIDFD, which a
// seccomp filter may answer with SIGSYS.
//
//go:linkname os_ignoreSIGSYS os.ignoreSIGSYS
func os_ignoreSIGSYS() { sigaction(sigSys, 1 /* SIG_IGN */, &sigsysSaved) }

//go:linkname os_restoreSIGSYS os.restoreSIGSYS
func os_restoreSIGSYS() {
	sa := sigsysSaved
	rogRawSyscall6(sysRtSigaction, sigSys, uintptr(unsafe.Pointer(&sa)), 0, 8, 0, 0)
}

// fcntl is internal/syscall/unix's fcntl: result and errno.
func fcntl(fd, cmd, arg int32) (ret int32, errno int32) {
	r, e := syscallErr(rogRawSyscall6(sysFcntl, uintptr(fd), uintptr(cmd), uintptr(arg), 0, 0, 0))
	return int32(r), int32(e)
}

// vgetrandom would use the vDSO's getrandom; rog reports it unsupported, so
// internal/syscall/unix makes the getrandom system call itself.
func vgetrandom(p []byte, flags uint32) (ret int, supported bool) { return -1, false }
