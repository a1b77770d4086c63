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
//! Cleanups (`runtime.AddCleanup`) have a table of their own: an object may have several, and a
//! cleanup does not keep its object alive. Its closure (the cleanup with its argument, made by the
//! overlay) is a root. After the finalizer steps, the cleanups of objects still unmarked go to
//! the ready queue; the objects themselves are not marked, so an object with a finalizer has its
//! cleanups run only once the finalizer ran and the object was dropped again.
//!
//! One finalizer goroutine, started with the first `SetFinalizer` or `AddCleanup`, runs ready
//! finalizers and cleanups one at a time in queue order. It parks when the queue is empty; a collection that queues work wakes
//! it. Parking publishes "waiting" only after the switch (the `after_switch` action), under the
//! queue lock, so a wake-up cannot be lost or resume it early.

use crate::sched::{self, G};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering::*};
use std::sync::Mutex;

/// A registered finalizer: the Go func value and the first argument word when it takes an
/// interface (the type descriptor or itab; 0: it takes the pointer itself). A queued cleanup is
/// a `Fin` with `obj` 0 and `iword` [`CLEANUP`]: `f` is a `func()`.
#[derive(Clone, Copy)]
struct Fin {
    obj: usize,
    f: usize,
    iword: usize,
}

/// The `iword` of a queued cleanup.
const CLEANUP: usize = usize::MAX;

/// Object slot address → finalizer.
static TABLE: Mutex<Option<HashMap<usize, Fin>>> = Mutex::new(None);

/// A registered cleanup: its id (for `Cleanup.Stop`) and its `func()` closure.
struct Cleanup {
    id: u64,
    f: usize,
}

/// Object slot address → cleanups, in the order they were added.
static CLEANUPS: Mutex<Option<HashMap<usize, Vec<Cleanup>>>> = Mutex::new(None);
static NEXT_CLEANUP: AtomicU64 = AtomicU64::new(1);
/// The finalizer goroutine is running a batch it took off the queue.
static BUSY: AtomicBool = AtomicBool::new(false);

fn cleanups() -> std::sync::MutexGuard<'static, Option<HashMap<usize, Vec<Cleanup>>>> {
    CLEANUPS.lock().unwrap_or_else(|e| e.into_inner())
}

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

/// Adds the cleanup closure `f` (a Go `func()`) to the heap object containing `obj`. Returns
/// its id, or 0 when obj is not in the heap (the cleanup then never runs, as gc does for
/// objects that are never freed).
pub fn add_cleanup(obj: usize, f: usize) -> u64 {
    let Some(slot) = super::mark::object_slot(obj) else { return 0 };
    let id = NEXT_CLEANUP.fetch_add(1, Relaxed);
    cleanups().get_or_insert_with(HashMap::new).entry(slot).or_default().push(Cleanup { id, f });
    start_goroutine();
    id
}

/// Cancels the cleanup `id` of the object containing `obj`, if it has not been queued yet.
pub fn stop_cleanup(obj: usize, id: u64) {
    let Some(slot) = super::mark::object_slot(obj) else { return };
    let mut c = cleanups();
    let Some(t) = c.as_mut() else { return };
    if let Some(list) = t.get_mut(&slot) {
        list.retain(|c| c.id != id);
        if list.is_empty() {
            t.remove(&slot);
        }
    }
}

/// The slots of the objects that have cleanups (`ROG_DEBUG=gcretain`, retain.rs).
pub fn cleanup_slots() -> Vec<usize> {
    cleanups().as_ref().map_or(Vec::new(), |t| t.keys().copied().collect())
}

/// Whether no finalizer or cleanup is queued or running.
pub fn idle() -> bool {
    ready().queue.is_empty() && !BUSY.load(Acquire)
}

/// After the finalizer steps: queues the cleanups of the objects `marked` says are unreached.
pub fn queue_cleanups(marked: impl Fn(usize) -> bool) {
    let mut c = cleanups();
    let Some(t) = c.as_mut() else { return };
    let dead: Vec<usize> = t.keys().copied().filter(|&s| !marked(s)).collect();
    if dead.is_empty() {
        return;
    }
    let mut r = ready();
    for s in dead {
        for c in t.remove(&s).unwrap_or_default() {
            r.queue.push(Fin { obj: 0, f: c.f, iword: CLEANUP });
        }
    }
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
    if let Some(t) = cleanups().as_ref() {
        for c in t.values().flatten() {
            root(c.f);
        }
    }
    for fin in ready().queue.iter() {
        root(fin.obj);
        root(fin.f);
        if fin.iword != CLEANUP {
            root(fin.iword);
        }
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
        let batch = {
            let mut r = ready();
            BUSY.store(!r.queue.is_empty(), Release);
            core::mem::take(&mut r.queue)
        };
        for fin in batch {
            // SAFETY: f is a Go func value taking the object (or an interface holding it), or a
            // cleanup's func().
            unsafe {
                if fin.iword == CLEANUP {
                    sched::context::rog_call_closure0(fin.f as *mut u8);
                } else if fin.iword == 0 {
                    sched::context::rog_call_closure1(fin.f as *mut u8, fin.obj);
                } else {
                    sched::context::rog_call_closure2(fin.f as *mut u8, fin.iword, fin.obj);
                }
            }
        }
        BUSY.store(false, Release);
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
