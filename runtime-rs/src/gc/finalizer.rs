//! Finalizers (`runtime.SetFinalizer`).
//!
//! The table maps an object (the address of its heap slot) to its finalizer. Table entries do
//! not keep their object alive, but their func values are roots. At the end of marking
//! (mark.rs, [`super::mark::mark_all`]):
//! 1. the entries whose object is unmarked are candidates;
//! 2. everything a candidate points at is marked (not the candidate itself), so a candidate
//!    reachable from another candidate is marked now and waits for a later cycle: of a chain of
//!    finalizable objects, only the head's finalizer runs in one cycle, as in gc;
//! 3. candidates still unmarked leave the table for the ready queue and are marked, so they and
//!    what they reach survive until their finalizer has run; after that they are ordinary
//!    garbage.
//!
//! One finalizer goroutine, started with the first `SetFinalizer`, runs ready finalizers one at a
//! time in queue order. It parks when the queue is empty; a collection that queues work wakes
//! it. Parking publishes "waiting" only after the switch (the `after_switch` action), under the
//! queue lock, so a wake-up cannot be lost or resume it early.

use crate::sched::{self, G};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering::*};
use std::sync::Mutex;

/// A registered finalizer: the Go func value and the first argument word when it takes an
/// interface (the type descriptor or itab; 0: it takes the pointer itself).
#[derive(Clone, Copy)]
struct Fin {
    obj: usize,
    f: usize,
    iword: usize,
}

/// Object slot address → finalizer.
static TABLE: Mutex<Option<HashMap<usize, Fin>>> = Mutex::new(None);

struct Ready {
    queue: Vec<Fin>,
    /// The finalizer goroutine is parked (only the waker may resume it).
    waiting: bool,
}

static READY: Mutex<Ready> = Mutex::new(Ready { queue: Vec::new(), waiting: false });
/// The finalizer goroutine (`*mut G`), 0 until started.
static FING: AtomicUsize = AtomicUsize::new(0);

/// Wait reason of the finalizer goroutine; deadlock reports leave it out, as gc does.
pub const WAIT_REASON: &str = "finalizer wait";

fn table() -> std::sync::MutexGuard<'static, Option<HashMap<usize, Fin>>> {
    TABLE.lock().unwrap_or_else(|e| e.into_inner())
}

fn ready() -> std::sync::MutexGuard<'static, Ready> {
    READY.lock().unwrap_or_else(|e| e.into_inner())
}

/// Sets (f non-null) or clears (f null) the finalizer of the heap object containing `obj`.
/// Returns false when obj is not in the heap.
pub fn set(obj: usize, f: usize, iword: usize) -> bool {
    let Some(slot) = super::mark::object_slot(obj) else { return false };
    {
        let mut t = table();
        let t = t.get_or_insert_with(HashMap::new);
        if f == 0 {
            t.remove(&slot);
            return true;
        }
        t.insert(slot, Fin { obj, f, iword });
    }
    start_goroutine();
    true
}

fn start_goroutine() {
    if FING.load(Acquire) != 0 || FING.swap(1, AcqRel) != 0 {
        return;
    }
    let g = sched::newproc_system(&FING_CLOSURE as *const FingClosure as *mut u8);
    FING.store(g as usize, Release);
}

/// Calls `root(p)` for every word the finalizer machinery keeps alive.
pub fn for_each_root(mut root: impl FnMut(usize)) {
    if let Some(t) = table().as_ref() {
        for fin in t.values() {
            root(fin.f);
            root(fin.iword);
        }
    }
    for fin in ready().queue.iter() {
        root(fin.obj);
        root(fin.f);
        root(fin.iword);
    }
}

/// Step 1: the slots of finalizable objects that `marked` says are unreached.
pub fn candidates(marked: impl Fn(usize) -> bool) -> Vec<usize> {
    match table().as_ref() {
        Some(t) => t.keys().copied().filter(|&s| !marked(s)).collect(),
        None => Vec::new(),
    }
}

/// Step 3: moves the finalizers of `slots` to the ready queue.
pub fn queue(slots: &[usize]) {
    if slots.is_empty() {
        return;
    }
    let mut t = table();
    let Some(t) = t.as_mut() else { return };
    let mut r = ready();
    for s in slots {
        if let Some(fin) = t.remove(s) {
            r.queue.push(fin);
        }
    }
}

/// After a collection: resumes the finalizer goroutine if it waits and work is queued.
pub fn wake() {
    let g = {
        let mut r = ready();
        if !r.waiting || r.queue.is_empty() {
            return;
        }
        r.waiting = false;
        FING.load(Acquire) as *mut G
    };
    sched::ready_g(g);
}

/// The finalizer goroutine's func value.
#[repr(C)]
struct FingClosure {
    code: extern "C-unwind" fn(),
}

static FING_CLOSURE: FingClosure = FingClosure { code: run };

extern "C-unwind" fn run() {
    FING.store(sched::current_g() as usize, Release);
    loop {
        let batch = core::mem::take(&mut ready().queue);
        for fin in batch {
            // SAFETY: f is a Go func value taking the object (or an interface holding it).
            unsafe {
                if fin.iword == 0 {
                    sched::context::rog_call_closure1(fin.f as *mut u8, fin.obj);
                } else {
                    sched::context::rog_call_closure2(fin.f as *mut u8, fin.iword, fin.obj);
                }
            }
        }
        sched::park(WAIT_REASON, after_park, 0);
    }
}

/// Runs on the scheduler after the finalizer goroutine switched out.
fn after_park(g: *mut G, _: usize) {
    let mut r = ready();
    if r.queue.is_empty() {
        r.waiting = true;
        return;
    }
    drop(r);
    sched::ready_g(g);
}
