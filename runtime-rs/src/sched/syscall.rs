//! Goroutines in blocking system calls.
//!
//! `enter` spills the callee-saved registers, records the stack pointer in `G::sp` (so a
//! collection can scan the goroutine's stack while it is away) and marks the worker SYSCALL; a
//! collection then treats the worker as stopped. `exit` switches it back to RUNNING, or, if a
//! collection stopped it meanwhile, waits for the restart.
//!
//! Limit: the worker thread itself is blocked for the call's duration; its queued goroutines
//! are taken by other workers' stealing, but with GOMAXPROCS=1 nothing else runs meanwhile.

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
        (*worker()).state.store(SYSCALL, SeqCst);
    }
}

pub fn exit() {
    let w = worker();
    if w.is_null() {
        return;
    }
    // SAFETY: workers live forever; g is ours.
    unsafe {
        if (*w).state.compare_exchange(SYSCALL, RUNNING, SeqCst, SeqCst).is_err() {
            crate::gc::stw::wait_restart(&*w);
        }
        (*current_g()).status.store(gstatus::RUNNING, SeqCst);
    }
    NSYSCALL.fetch_sub(1, SeqCst);
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
