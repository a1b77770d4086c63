//! Goroutines in blocking system calls, and handing their worker to another thread.
//!
//! Protocol:
//! 1. `enter` spills the callee-saved registers, records the stack pointer in `G::sp` (so a
//!    collection can scan the goroutine's stack while it is away), bumps the worker's
//!    `syscalltick` and sets it SYSCALL. A collection counts a SYSCALL (or HANDOFF) worker as
//!    stopped without touching it.
//! 2. The monitor (preempt.rs) finds a worker that has stayed SYSCALL in the same call for a
//!    whole monitor tick (1–2 ms), moves it SYSCALL → HANDOFF by compare-and-swap and gives it to
//!    a spare thread ([`hand_off`]), which runs its queue, timers and new goroutines meanwhile. So
//!    one blocking call never stops the program, even with GOMAXPROCS=1.
//! 3. `exit` tries SYSCALL → RUNNING. If that wins, the thread still has its worker; it then
//!    stops for a collection if one is under way (it may have started while the worker looked
//!    stopped). If the worker was taken, the thread drops it, switches away from its goroutine,
//!    puts the goroutine on the global queue and waits as a spare thread for a worker.
//!
//! [`NSYSCALL`] counts goroutines inside calls or not yet queued after one, so deadlock
//! detection never fires while one may come back.

use super::*;

pub fn enter() {
    let w = worker();
    if w.is_null() {
        return;
    }
    NSYSCALL.fetch_add(1, SeqCst);
    // SAFETY: runs the callback on this goroutine's stack with registers spilled.
    unsafe { context::rog_with_spilled_regs(core::ptr::null_mut(), enter_with_sp) };
}

extern "C-unwind" fn enter_with_sp(_: *mut u8, sp: usize) {
    let g = current_g();
    // SAFETY: g runs on this worker.
    unsafe {
        (*g).sp = sp;
        (*g).status.store(gstatus::SYSCALL, SeqCst);
        let w = &*worker();
        w.syscalltick.fetch_add(1, SeqCst);
        w.state.store(SYSCALL, SeqCst);
    }
}

pub fn exit() {
    let w = worker();
    if w.is_null() {
        return;
    }
    // SAFETY: workers live forever; g is this thread's goroutine.
    unsafe {
        let w = &*w;
        if w.state.compare_exchange(SYSCALL, RUNNING, SeqCst, SeqCst).is_ok() {
            if crate::gc::stw::stop_requested() {
                crate::gc::stw::check_stop(w);
            }
            (*current_g()).status.store(gstatus::RUNNING, SeqCst);
            NSYSCALL.fetch_sub(1, SeqCst);
            return;
        }
        // The monitor gave the worker away.
        drop_worker();
        switch_out(current_g(), requeue_after_syscall, 0);
    }
}

/// After a goroutine lost its worker in a system call: queue it (any worker may run it).
fn requeue_after_syscall(g: *mut G, _: usize) {
    ready_g(g);
    NSYSCALL.fetch_sub(1, SeqCst);
}

/// Monitor: takes the worker of a thread blocked in a system call and gives it to a spare
/// thread. Returns whether it did.
pub fn retake(w: &'static Worker) -> bool {
    if w.state.compare_exchange(SYSCALL, HANDOFF, SeqCst, SeqCst).is_err() {
        return false;
    }
    hand_off(w);
    true
}

/// The `syscall` instruction with six arguments.
///
/// # Safety
/// Whatever the system call requires.
pub unsafe fn raw6(trap: i64, a1: i64, a2: i64, a3: i64, a4: i64, a5: i64, a6: i64) -> i64 {
    let r: i64;
    core::arch::asm!("syscall", inlateout("rax") trap => r, in("rdi") a1, in("rsi") a2,
        in("rdx") a3, in("r10") a4, in("r8") a5, in("r9") a6, lateout("rcx") _, lateout("r11") _,
        options(nostack));
    r
}
