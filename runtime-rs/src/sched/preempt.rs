//! Preemption at compiler-inserted safepoints, and the monitor thread that asks for it.
//!
//! The compiler loads the global word `rog_preempt_requested` at every loop back-edge (and may at
//! function entries) with an atomic or volatile load, and calls `rog_preempt()` when it is
//! non-zero. The word is the OR of all pending requests: a collection's stop-the-world, or the
//! monitor's request that some worker's goroutine yield because it ran longer than
//! [`TIME_SLICE_NS`] without switching. `rog_preempt` handles the request that concerns its own
//! worker, and clears the word when no request is left.

use super::*;
use core::sync::atomic::AtomicU32;

/// The safepoint word (ABI.md §7).
#[no_mangle]
pub static rog_preempt_requested: AtomicU32 = AtomicU32::new(0);

/// How long a goroutine may run before the monitor asks it to yield.
pub const TIME_SLICE_NS: i64 = 10_000_000;

/// Raises the safepoint word.
pub fn request() {
    rog_preempt_requested.store(1, SeqCst);
}

/// Called at a safepoint when the word is set: stops for a collection, or yields if this
/// worker's goroutine was asked to.
pub fn preempt() {
    let w = worker();
    if w.is_null() {
        return;
    }
    // SAFETY: workers live forever.
    let w = unsafe { &*w };
    if crate::gc::stw::stop_requested() {
        if !crate::gc::stw::is_stopper(w) {
            crate::gc::stw::stop_at_safepoint();
        }
        return;
    }
    if w.preempt.swap(false, SeqCst) {
        refresh();
        gosched();
        return;
    }
    refresh();
}

/// Clears the safepoint word unless some request is still pending.
fn refresh() {
    rog_preempt_requested.store(0, SeqCst);
    let pending = |w: &Worker| w.preempt.load(SeqCst) && w.busy.load(SeqCst);
    if crate::gc::stw::stop_requested() || workers().iter().any(pending) {
        rog_preempt_requested.store(1, SeqCst);
    }
}

/// Starts the monitor thread: every millisecond it looks for goroutines that have run a whole
/// time slice and asks them to yield.
pub fn start_monitor() {
    if nworkers() == 0 {
        return;
    }
    let _ = std::thread::Builder::new()
        .name("rog-monitor".into())
        .stack_size(256 << 10)
        .spawn(monitor);
}

fn monitor() {
    let ws = workers();
    let mut last: Vec<(usize, i64)> = vec![(usize::MAX, 0); ws.len()];
    let mut last_sys: Vec<usize> = vec![usize::MAX; ws.len()];
    loop {
        std::thread::sleep(std::time::Duration::from_millis(1));
        let now = crate::sys::nanotime();
        for (i, w) in ws.iter().enumerate() {
            // A worker still in the system call it was in at the last tick goes to another
            // thread (syscall.rs).
            let sys = w.syscalltick.load(SeqCst);
            if w.state.load(SeqCst) == SYSCALL && sys == last_sys[i] && super::syscall::retake(w) {
                last_sys[i] = usize::MAX;
                continue;
            }
            last_sys[i] = sys;
            let tick = w.schedtick.load(Relaxed);
            if tick != last[i].0 {
                last[i] = (tick, now);
                continue;
            }
            let running = w.state.load(Relaxed) == RUNNING && w.busy.load(SeqCst);
            if running && now - last[i].1 > TIME_SLICE_NS && !w.preempt.load(Relaxed) {
                w.preempt.store(true, SeqCst);
                request();
            }
        }
        super::timer::poke_if_due(now);
        super::wake_if_waiting();
    }
}
