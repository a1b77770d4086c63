//! Parallel marking: the stopped workers' threads help the collector trace the heap.
//!
//! Protocol (all under the pool lock unless said otherwise):
//! 1. The collector scans the roots into its own mark stack, then [`run`]s: it opens the phase
//!    (`on`, `active` = 1), publishes all but one packet of its stack, and wakes the stopped
//!    threads, which wait in `stw::wait_restart` and call [`help`] while the phase is on.
//! 2. A helper joins only while the phase is on and not finished (`active` += 1) and leaves by
//!    `inside` -= 1 when it is.
//! 3. Each marker drains its own stack; while others wait for work (`waiting > 0`) and its stack
//!    is long, it publishes half of it as a packet (mark bits are set with an atomic or, so two
//!    markers never both scan one object).
//! 4. A marker with an empty stack takes a packet, or waits: `active` -= 1; the last to go idle
//!    with no packet left sets `finished` and wakes everyone. Nothing can create work once every
//!    marker is idle and the pool is empty, so that is termination.
//! 5. The collector waits until no helper is `inside`, then closes the phase, and continues
//!    alone (finalizer steps, sweep).

use super::mark::Marker;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::*};
use std::sync::{Condvar, Mutex};

struct Pool {
    packets: Vec<Vec<usize>>,
    active: usize,
    inside: usize,
    finished: bool,
}

static POOL: Mutex<Pool> =
    Mutex::new(Pool { packets: Vec::new(), active: 0, inside: 0, finished: false });
static POOL_CV: Condvar = Condvar::new();
/// The phase is on: helpers are wanted.
static ON: AtomicBool = AtomicBool::new(false);
/// Markers waiting for a packet (read without the lock to decide whether to share).
static WAITING: AtomicUsize = AtomicUsize::new(0);
/// Objects a marker keeps before it shares with waiting markers.
const SHARE_ABOVE: usize = 64;

fn pool() -> std::sync::MutexGuard<'static, Pool> {
    POOL.lock().unwrap_or_else(|e| e.into_inner())
}

/// Whether stopped threads should call [`help`].
pub fn wanted() -> bool {
    ON.load(Acquire)
}

/// Step 1 and 5, on the collector: traces everything reachable from `m`'s stack with help.
pub(super) fn run(m: &mut Marker) {
    {
        let mut p = pool();
        p.packets.clear();
        p.active = 1;
        p.inside = 0;
        p.finished = false;
        while m.work.len() > SHARE_ABOVE {
            let half = m.work.len() / 2;
            let packet = m.work.split_off(half);
            p.packets.push(packet);
        }
    }
    ON.store(true, Release);
    super::stw::wake_stopped();
    drain_shared(m);
    let mut p = pool();
    while p.inside > 0 {
        p = POOL_CV.wait(p).unwrap_or_else(|e| e.into_inner());
    }
    ON.store(false, Release);
}

/// Step 2, on a stopped worker's thread.
pub fn help() {
    {
        let mut p = pool();
        if !ON.load(Acquire) || p.finished {
            return;
        }
        p.active += 1;
        p.inside += 1;
    }
    let mut m = Marker::new();
    drain_shared(&mut m);
    let mut p = pool();
    p.inside -= 1;
    POOL_CV.notify_all();
}

/// Steps 3 and 4: drains `m`, sharing and taking packets, until the marking is finished.
fn drain_shared(m: &mut Marker) {
    loop {
        while let Some(obj) = m.work.pop() {
            m.scan(obj);
            if m.work.len() > SHARE_ABOVE && WAITING.load(Relaxed) > 0 {
                let half = m.work.len() / 2;
                let packet = m.work.split_off(half);
                pool().packets.push(packet);
                POOL_CV.notify_one();
            }
        }
        let mut p = pool();
        if let Some(packet) = p.packets.pop() {
            m.work = packet;
            continue;
        }
        p.active -= 1;
        if p.active == 0 {
            p.finished = true;
            POOL_CV.notify_all();
            return;
        }
        WAITING.fetch_add(1, SeqCst);
        loop {
            p = POOL_CV.wait(p).unwrap_or_else(|e| e.into_inner());
            if p.finished {
                WAITING.fetch_sub(1, SeqCst);
                return;
            }
            if let Some(packet) = p.packets.pop() {
                WAITING.fetch_sub(1, SeqCst);
                p.active += 1;
                m.work = packet;
                break;
            }
        }
    }
}
