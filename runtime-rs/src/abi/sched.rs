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

/// The running goroutine's identity (its G's address; 0 outside goroutines): the overlay's
/// sync.Pool pinning is reentrant per goroutine by it.
#[no_mangle]
pub extern "C" fn rog_getg() -> usize {
    sched::current_g() as usize
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

/// The runtime's own short waits (its lock's back-off): sleeps ns nanoseconds of real time, and
/// a synctest bubble does not count the goroutine as blocked meanwhile.
#[no_mangle]
pub extern "C" fn rog_realsleep(ns: i64) {
    sched::timer::sleep_real(ns);
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

/// The running goroutine no longer counts in `runtime.NumGoroutine`: it is about to exit (a
/// coroutine that handed back its baton for the last time, iter.Pull's, which gc ends at once).
#[no_mangle]
pub extern "C" fn rog_uncount_goroutine() {
    sched::uncount_goroutine();
}

/// `debug.SetPanicOnFault(b)` for the running goroutine: returns the previous setting.
#[no_mangle]
pub extern "C" fn rog_setpanic_onfault(b: bool) -> bool {
    let g = sched::current_g();
    // SAFETY: a goroutine calls this, so g is its own, live G.
    unsafe { core::mem::replace(&mut (*g).panic_on_fault, b) }
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

/// `sync`'s `runtime_Semacquire*`: blocks until the `uint32` at `addr` is positive, then
/// decrements it. `lifo` queues the goroutine first (sync.Mutex's starvation mode). `reason` is
/// the wait reason deadlock reports show: 0 `semacquire`, 1 `sync.Mutex.Lock`, 2
/// `sync.RWMutex.RLock`, 3 `sync.RWMutex.Lock`, 4 `sync.WaitGroup.Wait`, 5 `sync.WaitGroup.Wait
/// (durable)` (a WaitGroup of the caller's synctest bubble: a durable block there). May block;
/// never allocates or panics.
///
/// # Safety
/// addr is a valid, 4-byte aligned pointer that stays valid while anyone waits on it.
#[no_mangle]
pub unsafe extern "C" fn rog_semacquire(addr: *const core::sync::atomic::AtomicU32, lifo: bool, reason: i32) {
    crate::sema::acquire(&*addr, lifo, crate::sema::reason(reason));
}

/// `sync`'s `runtime_Semrelease`: increments the `uint32` at `addr` and readies one goroutine
/// waiting on it (it retries; no direct hand-off). Never blocks.
///
/// # Safety
/// As [`rog_semacquire`].
#[no_mangle]
pub unsafe extern "C" fn rog_semrelease(addr: *const core::sync::atomic::AtomicU32) {
    crate::sema::release(&*addr);
}

/// `sync.runtime_notifyListAdd`: takes a ticket in the notify list `l` (sync/runtime.go's
/// 32-byte `notifyList`, zero value ready to use). Call it before unlocking
/// the Cond's locker.
///
/// # Safety
/// l points at a notify list.
#[no_mangle]
pub unsafe extern "C" fn rog_notifylist_add(l: *mut crate::sema::NotifyList) -> u32 {
    crate::sema::notify_add(&*l)
}

/// `sync.runtime_notifyListWait`: blocks until ticket `t` is notified (returns at once if it
/// already was). May block.
///
/// # Safety
/// As [`rog_notifylist_add`].
#[no_mangle]
pub unsafe extern "C" fn rog_notifylist_wait(l: *mut crate::sema::NotifyList, t: u32) {
    crate::sema::notify_wait(l, t);
}

/// `sync.runtime_notifyListNotifyAll` (`Cond.Broadcast`). Never blocks.
///
/// # Safety
/// As [`rog_notifylist_add`].
#[no_mangle]
pub unsafe extern "C" fn rog_notifylist_notifyall(l: *mut crate::sema::NotifyList) {
    crate::sema::notify_all(l);
}

/// `sync.runtime_notifyListNotifyOne` (`Cond.Signal`): the oldest waiting ticket. Never blocks.
///
/// # Safety
/// As [`rog_notifylist_add`].
#[no_mangle]
pub unsafe extern "C" fn rog_notifylist_notifyone(l: *mut crate::sema::NotifyList) {
    crate::sema::notify_one(l);
}

/// A runtime timer for `time.Timer`, `time.Ticker`, `time.AfterFunc`: at monotonic time `when`
/// (ns, `rog_nanotime`'s clock) it starts a new goroutine running the func value `f` (no
/// arguments; the overlay's closure captures what it needs, e.g. the channel to send on), and
/// again every `period` ns if `period > 0`. Armed at once when `when > 0`. Returns the timer
/// handle, a Go heap object that the program must keep referencing while it may stop or reset
/// the timer (an armed timer keeps itself alive). Allocates.
#[no_mangle]
pub extern "C" fn rog_newtimer(when: i64, period: i64, f: *mut u8) -> *mut u8 {
    sched::timer::new_heap_timer(when, period, f).cast()
}

/// Makes t weak: the collector does not keep it (nor its func) for being armed, and forgets it
/// once nothing else reaches it. For channel timers, whose channel refers to them
/// (`rog_chansettimer`): a timer whose channel nobody can receive from need not fire.
///
/// # Safety
/// t comes from `rog_newtimer`.
#[no_mangle]
pub unsafe extern "C" fn rog_timerweak(t: *mut u8) {
    sched::timer::set_weak(t.cast())
}

/// `Timer.Stop`: disarms t; returns whether it was armed (had not fired, or is periodic). A
/// goroutine it already started keeps running. Never blocks.
///
/// # Safety
/// t comes from `rog_newtimer`.
#[no_mangle]
pub unsafe extern "C" fn rog_stoptimer(t: *mut u8) -> bool {
    sched::timer::stop(t.cast())
}

/// `Timer.Reset` / `Ticker.Reset`: re-arms t for `when` and `period`; returns whether it was
/// armed. Never blocks.
///
/// # Safety
/// As [`rog_stoptimer`].
#[no_mangle]
pub unsafe extern "C" fn rog_resettimer(t: *mut u8, when: i64, period: i64) -> bool {
    sched::timer::reset(t.cast(), when, period)
}

/// `synctest.Run(f)`: runs the func value `f` in a new goroutine of a new bubble (fake clock at
/// 2000-01-01 UTC) and returns once every goroutine of the bubble has exited: 0. Else 1: called
/// inside a bubble; 2: every goroutine of the bubble is durably blocked and no timer is left;
/// 3: `f` returned but blocked goroutines remain. May block; allocates.
#[no_mangle]
pub extern "C" fn rog_synctest_run(f: *mut u8) -> i64 {
    sched::bubble::run(f)
}

/// `synctest.Wait()`: blocks until every other goroutine of the caller's bubble is durably
/// blocked: 0. Else 1: not in a bubble; 2: another Wait is in progress.
#[no_mangle]
pub extern "C" fn rog_synctest_wait() -> i64 {
    sched::bubble::wait()
}

/// The caller's bubble (an opaque handle), or null outside bubbles.
#[no_mangle]
pub extern "C" fn rog_synctest_bubble() -> *mut u8 {
    sched::bubble::current().cast()
}

/// The caller's bubble's fake clock (ns since 1970), or 0 outside bubbles.
#[no_mangle]
pub extern "C" fn rog_synctest_now() -> i64 {
    sched::bubble::current_now()
}

/// `synctest.acquire`: keeps the caller's bubble from going idle until `rog_synctest_release`;
/// returns it, or null outside bubbles.
#[no_mangle]
pub extern "C" fn rog_synctest_acquire() -> *mut u8 {
    sched::bubble::acquire().cast()
}

/// `synctest.release`.
///
/// # Safety
/// b comes from `rog_synctest_acquire`, released once.
#[no_mangle]
pub unsafe extern "C" fn rog_synctest_release(b: *mut u8) {
    sched::bubble::release(b.cast())
}

/// Sets the caller's bubble to b (null: none), for `synctest.inBubble`; returns the previous one.
///
/// # Safety
/// b is null or an acquired bubble.
#[no_mangle]
pub unsafe extern "C" fn rog_synctest_setbubble(b: *mut u8) -> *mut u8 {
    sched::bubble::set_current(b.cast()).cast()
}

/// `synctest.associate(p)`: 0 p is not a heap object, 1 p is (now) tied to the caller's bubble,
/// 2 to another one.
#[no_mangle]
pub extern "C" fn rog_synctest_associate(p: usize) -> i64 {
    sched::bubble::associate(p)
}

/// `synctest.disassociate(p)`.
#[no_mangle]
pub extern "C" fn rog_synctest_disassociate(p: usize) {
    sched::bubble::disassociate(p)
}

/// `synctest.isAssociated(p)`: p is tied to the caller's bubble.
#[no_mangle]
pub extern "C" fn rog_synctest_isassociated(p: usize) -> bool {
    sched::bubble::is_associated(p)
}
