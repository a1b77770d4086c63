//! ABI.md §7, goroutines: the go statement, yielding, safepoints, sleeping, and the runtime
//! package's scheduler queries.

use crate::sched;

/// `go f()`: starts a goroutine running the Go func value `f` (a closure object with no
/// parameters and no results; the compiler wraps calls with arguments in such a closure, which it
/// allocates with `rog_alloc`). Allocates; never blocks.
#[no_mangle]
pub extern "C" fn rog_newproc(f: *mut u8) {
    sched::newproc(f);
}

/// `runtime.Gosched()`: yields the processor; the goroutine stays runnable.
#[no_mangle]
pub extern "C" fn rog_gosched() {
    sched::gosched();
}

/// Called by compiler-inserted safepoints when `rog_preempt_requested` is non-zero (loop
/// back-edges; function prologues optional). May stop the goroutine for a collection or switch
/// to another goroutine; returns when it may continue.
#[no_mangle]
pub extern "C" fn rog_preempt() {
    sched::preempt::preempt();
}

/// `time.Sleep(ns)`: blocks the goroutine for at least ns nanoseconds (returns at once if
/// ns <= 0).
#[no_mangle]
pub extern "C" fn rog_sleep(ns: i64) {
    sched::timer::sleep(ns);
}

/// Monotonic clock in nanoseconds (`runtime.nanotime`).
#[no_mangle]
pub extern "C" fn rog_nanotime() -> i64 {
    crate::sys::nanotime()
}

/// Wall clock, nanoseconds since the Unix epoch (`time.now`).
#[no_mangle]
pub extern "C" fn rog_walltime() -> i64 {
    crate::sys::walltime()
}

/// `runtime.NumGoroutine()`.
#[no_mangle]
pub extern "C" fn rog_numgoroutine() -> i64 {
    sched::num_goroutine()
}

/// `runtime.GOMAXPROCS(n)`: returns the current setting; n > 0 requests a change, which this
/// runtime does not support after start-up (the setting is fixed by the GOMAXPROCS environment
/// variable), so it is ignored.
#[no_mangle]
pub extern "C" fn rog_gomaxprocs(_n: i64) -> i64 {
    sched::nworkers() as i64
}

/// `runtime.Goexit()`: ends the goroutine after running its deferred calls.
#[no_mangle]
pub extern "C-unwind" fn rog_goexit() -> ! {
    crate::unwind::goexit()
}

/// Brackets a blocking system call or foreign call: `rog_entersyscall` before it,
/// `rog_exitsyscall` after. While inside, the goroutine does not hold up collections; it must not
/// touch Go heap memory except through pointers it passed to the call. Prefer `rog_syscall6`,
/// which does both around a raw system call.
#[no_mangle]
pub extern "C-unwind" fn rog_entersyscall() {
    sched::syscall::enter();
}

/// See `rog_entersyscall`. May block while a collection is running.
#[no_mangle]
pub extern "C-unwind" fn rog_exitsyscall() {
    sched::syscall::exit();
}

/// A raw Linux system call that may block (`read`, `write`, `accept`, `wait4`, ...), with the
/// goroutine marked as in a system call. Returns the kernel's result (negative errno on error).
#[no_mangle]
pub extern "C-unwind" fn rog_syscall6(trap: i64, a1: i64, a2: i64, a3: i64, a4: i64, a5: i64, a6: i64) -> i64 {
    sched::syscall::enter();
    // SAFETY: the caller is responsible for the system call's own contract.
    let r = unsafe { sched::syscall::raw6(trap, a1, a2, a3, a4, a5, a6) };
    sched::syscall::exit();
    r
}

/// The same without the system-call bracket, for calls that never block (`getpid`, `clock_gettime`).
#[no_mangle]
pub extern "C" fn rog_rawsyscall6(trap: i64, a1: i64, a2: i64, a3: i64, a4: i64, a5: i64, a6: i64) -> i64 {
    // SAFETY: as above.
    unsafe { sched::syscall::raw6(trap, a1, a2, a3, a4, a5, a6) }
}

/// `select {}` (and a receive from / send to a nil channel): blocks the goroutine forever.
#[no_mangle]
pub extern "C" fn rog_block() {
    sched::park("select (no cases)", |_, _| {}, 0);
}
