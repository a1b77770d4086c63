//! Stopping and restarting the world for a collection.
//!
//! The collector sets [`STOP`] and the safepoint word, then waits until every other worker is
//! STOPPED: running workers stop themselves at their goroutine's next safepoint (or at the top of
//! their scheduler loop); sleeping (IDLE) workers are switched to STOPPED by the collector with a
//! compare-and-swap, since they run no Go code; workers in a system call (SYSCALL, HANDOFF) count
//! as stopped as they are, and stop themselves before running Go code again (sched/syscall.rs). A STOPPED worker resumes only after [`start`] withdraws the request, and it sets
//! itself RUNNING again.
//!
//! A goroutine that stops at a safepoint spills its registers and records its stack pointer in
//! `G::sp` first, so its whole stack (and register contents) can be scanned conservatively.

use crate::sched::{self, context, Worker, HANDOFF, IDLE, RUNNING, STOPPED, SYSCALL};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::*};
use std::sync::{Condvar, Mutex};

static STOP: AtomicBool = AtomicBool::new(false);
/// The id + 1 of the worker that stopped the world (0: none). Go code the collector runs with
/// the world stopped (sync.Pool's cleanup) passes safepoints on that worker, which must not
/// stop there: it would wait for its own restart.
static STOPPER: AtomicUsize = AtomicUsize::new(0);
static WORLD: Mutex<()> = Mutex::new(());
static WORLD_CV: Condvar = Condvar::new();

pub fn stop_requested() -> bool {
    STOP.load(SeqCst)
}

/// Stops every worker but `me`. The caller must hold the collection lock.
pub fn stop(me: &Worker) {
    STOPPER.store(me.id + 1, SeqCst);
    STOP.store(true, SeqCst);
    sched::preempt::request();
    for w in sched::workers() {
        if w.id == me.id {
            continue;
        }
        let mut spins = 0u32;
        loop {
            match w.state.load(SeqCst) {
                // A thread back from its call stops itself before running Go code
                // (syscall.rs); a handed-off worker's new thread stops at its loop's top.
                STOPPED | SYSCALL | HANDOFF => break,
                s @ IDLE => {
                    if w.state.compare_exchange(s, STOPPED, SeqCst, SeqCst).is_ok() {
                        break;
                    }
                }
                _ => {
                    spins += 1;
                    if spins < 100 {
                        core::hint::spin_loop();
                    } else {
                        std::thread::yield_now();
                    }
                }
            }
        }
    }
}

/// Withdraws the stop request and lets every stopped worker continue.
pub fn start() {
    {
        let _g = WORLD.lock().unwrap_or_else(|e| e.into_inner());
        STOP.store(false, SeqCst);
        STOPPER.store(0, SeqCst);
        WORLD_CV.notify_all();
    }
    sched::wake_all();
}

/// Whether `w` is the worker that stopped the world (and runs the collection).
pub fn is_stopper(w: &Worker) -> bool {
    STOPPER.load(SeqCst) == w.id + 1
}

/// Waits until the world restarts, helping to mark meanwhile, then marks `w` RUNNING.
///
/// After helping, STOP is tested again before waiting: the collector may have finished, swept
/// and restarted the world (its notification long gone) while this thread was helping or was
/// descheduled before taking WORLD again; waiting then would park the thread, and the goroutine
/// it stopped, for good. One help per wait: once marking is finished, help() would return at
/// once until the collector closes the phase.
pub fn wait_restart(w: &Worker) {
    let mut g = WORLD.lock().unwrap_or_else(|e| e.into_inner());
    let mut helped = false;
    while STOP.load(SeqCst) {
        if !helped && super::parmark::wanted() {
            drop(g);
            super::parmark::help();
            helped = true;
            g = WORLD.lock().unwrap_or_else(|e| e.into_inner());
            continue;
        }
        g = WORLD_CV.wait(g).unwrap_or_else(|e| e.into_inner());
    }
    w.state.store(RUNNING, SeqCst);
}

/// Wakes the threads of stopped workers (they then help with marking: parmark.rs).
pub fn wake_stopped() {
    {
        let _g = WORLD.lock().unwrap_or_else(|e| e.into_inner());
        WORLD_CV.notify_all();
    }
    sched::wake_all();
}

/// At the top of the scheduler loop: stop here if a collection asks for it.
pub fn check_stop(w: &Worker) {
    if STOP.load(SeqCst) {
        w.state.store(STOPPED, SeqCst);
        wait_restart(w);
    }
}

/// Called by a goroutine at a safepoint while a stop is requested: records its stack for the
/// scan and waits for the restart.
pub fn stop_at_safepoint() {
    // SAFETY: the callback runs on this goroutine's stack with registers spilled below sp.
    unsafe { context::rog_with_spilled_regs(core::ptr::null_mut(), stopped_with_sp) };
}

extern "C-unwind" fn stopped_with_sp(_arg: *mut u8, sp: usize) {
    let g = sched::current_g();
    let w = sched::worker();
    // SAFETY: g is running on w.
    unsafe {
        (*g).sp = sp;
        (*w).state.store(STOPPED, SeqCst);
        wait_restart(&*w);
    }
}
