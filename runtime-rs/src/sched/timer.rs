//! Timers: `time.Sleep` and the runtime timers the overlay's time package builds on.
//!
//! One global min-heap ordered by deadline (monotonic nanoseconds). A timer either wakes a
//! sleeping goroutine or starts a goroutine running a Go `func()` (so timer functions may block).
//! Workers run due timers whenever they look for work; the earliest deadline is mirrored in
//! [`NEXT_WHEN`] so that busy workers notice due timers cheaply, and sleeping workers sleep at
//! most until it.

use super::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::AtomicI64;

/// A runtime timer. `time.Sleep`'s are Box-allocated and freed by the sleeper; the overlay's
/// (`rog_newtimer`) live in the Go heap ([`TIMER_TYPE`]): the collector keeps every timer the
/// timer heap refers to (armed or stale), and the program's references keep the rest.
#[repr(C)]
pub struct Timer {
    pub when: i64,
    pub period: i64,
    /// Go func() value to run in a new goroutine, or null.
    pub func: *mut u8,
    /// Goroutine to wake, or null.
    pub g: *mut G,
    /// Bumped on every stop/reset; heap entries with an old sequence are stale.
    pub seq: u64,
    pub active: bool,
    /// The heap holds the timer weakly: the collector neither keeps it nor its func, and drops
    /// its entries once nothing else reaches it ([`drop_unreached`]). A channel timer is weak:
    /// its channel refers to it, and when nothing reaches the channel, firing it is unobservable
    /// (gc's Go 1.23 timers are collected the same way).
    pub weak: bool,
    /// Runtime function to call with `arg` when it fires (the network poller's deadlines), or
    /// None. It runs on the worker that found the timer due, outside any goroutine: it must not
    /// block.
    pub callback: Option<fn(usize)>,
    pub arg: usize,
}

struct Heap {
    entries: BinaryHeap<Reverse<(i64, u64, usize)>>,
}

static HEAP: Mutex<Heap> = Mutex::new(Heap { entries: BinaryHeap::new() });
/// Earliest pending deadline, or i64::MAX.
pub static NEXT_WHEN: AtomicI64 = AtomicI64::new(i64::MAX);

fn lock() -> std::sync::MutexGuard<'static, Heap> {
    HEAP.lock().unwrap_or_else(|e| e.into_inner())
}

/// Arms t to fire at t.when.
///
/// # Safety
/// t is a live Box-allocated timer.
pub unsafe fn add(t: *mut Timer) {
    let mut h = lock();
    (*t).seq += 1;
    (*t).active = true;
    h.entries.push(Reverse(((*t).when, (*t).seq, t as usize)));
    publish(&h);
    drop(h);
    wake_all();
}

/// Disarms t; returns whether it was armed.
///
/// # Safety
/// As [`add`].
pub unsafe fn stop(t: *mut Timer) -> bool {
    let _h = lock();
    let was = (*t).active;
    (*t).active = false;
    (*t).seq += 1;
    was
}

fn publish(h: &Heap) {
    let next = h.entries.peek().map_or(i64::MAX, |e| e.0 .0);
    NEXT_WHEN.store(next, SeqCst);
}

/// Runs every due timer. Returns 0 if any fired, else the next deadline, or -1 if none.
pub fn run_due() -> i64 {
    let now = crate::sys::nanotime();
    let mut fired = false;
    loop {
        let mut h = lock();
        let Some(&Reverse((when, seq, t))) = h.entries.peek() else {
            publish(&h);
            return if fired { 0 } else { -1 };
        };
        let t = t as *mut Timer;
        // SAFETY: timers in the heap are live; fields are guarded by the heap lock.
        unsafe {
            if seq != (*t).seq || !(*t).active {
                h.entries.pop();
                continue;
            }
            if when > now {
                publish(&h);
                return if fired { 0 } else { when };
            }
            h.entries.pop();
            if (*t).period > 0 {
                // Ticks missed while late are skipped, as gc does: the next is the first after
                // now. A period so long that it overflows never ticks again (gc's maxWhen).
                let p = (*t).period;
                (*t).when = when.saturating_add(p.saturating_mul(1 + (now - when) / p));
                h.entries.push(Reverse(((*t).when, (*t).seq, t as usize)));
            } else {
                (*t).active = false;
            }
            publish(&h);
            drop(h);
            fire(t);
        }
        fired = true;
    }
}

unsafe fn fire(t: *mut Timer) {
    if let Some(f) = (*t).callback {
        f((*t).arg);
    } else if !(*t).g.is_null() {
        let g = (*t).g;
        (*t).g = core::ptr::null_mut();
        ready_g(g);
    } else if !(*t).func.is_null() {
        newproc((*t).func);
    }
}

/// Called by the monitor: wakes a sleeping worker when a timer is due.
pub fn poke_if_due(now: i64) {
    if NEXT_WHEN.load(Relaxed) <= now {
        wake_one();
    }
}

/// `time.Sleep(ns)`.
pub fn sleep(ns: i64) {
    if ns <= 0 {
        return;
    }
    let g = current_g();
    let t = Box::into_raw(Box::new(Timer {
        when: crate::sys::nanotime().saturating_add(ns),
        period: 0,
        func: core::ptr::null_mut(),
        g,
        seq: 0,
        active: false,
        weak: false,
        callback: None,
        arg: 0,
    }));
    park("sleep", arm_after_park, t as usize);
    // SAFETY: the timer fired (it readied us) and is referenced by nothing else now.
    unsafe { drop(Box::from_raw(t)) };
}

fn arm_after_park(_g: *mut G, t: usize) {
    // SAFETY: t is the sleeping goroutine's timer.
    unsafe { add(t as *mut Timer) };
}

/// Calls `f` with every strong timer the heap refers to and the func value of every armed one
/// (collector roots). Weak timers are not roots.
pub fn for_each_func(mut f: impl FnMut(usize)) {
    let h = lock();
    for e in h.entries.iter() {
        let t = e.0 .2 as *const Timer;
        // SAFETY: timers in the heap are live.
        unsafe {
            if (*t).weak {
                continue;
            }
            f(t as usize);
            if (*t).active && !(*t).func.is_null() {
                f((*t).func as usize);
            }
        }
    }
}

/// After marking (world stopped): drops the heap entries of weak timers that nothing reached,
/// which the sweep is about to free.
pub fn drop_unreached(marked: impl Fn(usize) -> bool) {
    let mut h = lock();
    // SAFETY: timers in the heap are live until this sweep.
    h.entries.retain(|e| unsafe { !(*(e.0 .2 as *const Timer)).weak } || marked(e.0 .2));
    publish(&h);
}

/// Makes t weak (see [`Timer::weak`]).
///
/// # Safety
/// t is a live timer from [`new_heap_timer`].
pub unsafe fn set_weak(t: *mut Timer) {
    let _h = lock();
    (*t).weak = true;
}

static TIMER_MASK: u8 = 1 << 2;
/// Descriptor of heap timers: only `func` (word 2) is a Go pointer.
static TIMER_TYPE: crate::types::Type = crate::types::Type {
    size: core::mem::size_of::<Timer>(),
    ptrdata: 24,
    hash: crate::types::fnv1a(b"runtime.timer"),
    tflag: 0,
    align: 8,
    field_align: 8,
    kind: crate::types::kind::STRUCT,
    equal: None,
    gcdata: &TIMER_MASK,
    name: crate::types::GoString::from_static("runtime.timer"),
    uncommon: core::ptr::null(),
};

/// A heap timer that starts a goroutine running `f` at `when` (and every `period` ns after, if
/// positive); armed when `when > 0`.
pub fn new_heap_timer(when: i64, period: i64, f: *mut u8) -> *mut Timer {
    let t = crate::alloc::alloc_object(core::mem::size_of::<Timer>(), &TIMER_TYPE) as *mut Timer;
    // SAFETY: t is a fresh zeroed object of Timer's size.
    unsafe {
        (*t).when = when;
        (*t).period = period;
        (*t).func = f;
        if when > 0 {
            add(t);
        }
    }
    t
}

/// Re-arms t for `when`/`period`; returns whether it was armed.
///
/// # Safety
/// t is a live timer from [`new_heap_timer`].
pub unsafe fn reset(t: *mut Timer, when: i64, period: i64) -> bool {
    let mut h = lock();
    let was = (*t).active;
    (*t).seq += 1;
    (*t).when = when;
    (*t).period = period;
    (*t).active = true;
    h.entries.push(Reverse((when, (*t).seq, t as usize)));
    publish(&h);
    drop(h);
    wake_all();
    was
}
