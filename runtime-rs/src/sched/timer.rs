//! Timers: `time.Sleep` and the runtime timers the overlay's time package builds on.
//!
//! One global min-heap ordered by deadline (monotonic nanoseconds), plus one per synctest bubble
//! on the bubble's fake clock (bubble.rs): a timer made inside a bubble ([`Timer::bubble`]) is
//! armed in the heap of the bubble that arms it and fires only when its root advances the clock. A timer either wakes a
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
    /// The id of the synctest bubble it was made in (its `when` is on that bubble's fake clock),
    /// or 0: gc's `isFake`.
    pub bubble: u64,
}

/// A min-heap of (deadline, tie-break, sequence, timer): an entry whose sequence is not its
/// timer's is stale (the timer was stopped or re-armed since) and is skipped.
pub struct Heap {
    entries: BinaryHeap<Reverse<(i64, u64, u64, usize)>>,
    /// Timers due at the same instant fire in random order (a bubble's, as gc: code must not
    /// depend on it); else the tie-break is 0.
    shuffle: bool,
}

impl Heap {
    pub const fn new() -> Heap {
        Heap { entries: BinaryHeap::new(), shuffle: false }
    }

    /// A heap whose simultaneous timers fire in random order.
    pub const fn shuffled() -> Heap {
        Heap { entries: BinaryHeap::new(), shuffle: true }
    }

    /// # Safety
    /// t is live; its fields are guarded by this heap's lock.
    pub unsafe fn push(&mut self, t: *mut Timer) {
        let tie = if self.shuffle { crate::fastrand::next() } else { 0 };
        self.entries.push(Reverse(((*t).when, tie, (*t).seq, t as usize)));
    }

    /// Drops the stale entries at the top; returns the earliest armed deadline, if any.
    pub fn next_when(&mut self) -> Option<i64> {
        while let Some(&Reverse((when, _, seq, t))) = self.entries.peek() {
            let t = t as *const Timer;
            // SAFETY: timers in the heap are live; fields are guarded by the heap lock.
            if unsafe { seq == (*t).seq && (*t).active } {
                return Some(when);
            }
            self.entries.pop();
        }
        None
    }

    /// Takes the first timer due at `now` and re-arms it if periodic (disarms it otherwise), for
    /// the caller to [`fire`] once the lock is released. Err: the next deadline, -1 if none.
    pub fn pop_due(&mut self, now: i64) -> Result<*mut Timer, i64> {
        let Some(when) = self.next_when() else { return Err(-1) };
        if when > now {
            return Err(when);
        }
        let Some(Reverse((_, _, _, t))) = self.entries.pop() else { return Err(-1) };
        let t = t as *mut Timer;
        // SAFETY: as in next_when.
        unsafe {
            if (*t).period > 0 {
                // Ticks missed while late are skipped, as gc does: the next is the first after
                // now. A period so long that it overflows never ticks again (gc's maxWhen).
                let p = (*t).period;
                (*t).when = when.saturating_add(p.saturating_mul(1 + (now - when) / p));
                self.push(t);
            } else {
                (*t).active = false;
            }
        }
        Ok(t)
    }

    /// The collector's view: every timer the heap refers to, and whether it is armed.
    fn for_each(&self, mut f: impl FnMut(*const Timer)) {
        for e in self.entries.iter() {
            f(e.0 .3 as *const Timer);
        }
    }

    fn retain(&mut self, keep: impl Fn(usize) -> bool) {
        self.entries.retain(|e| keep(e.0 .3));
    }
}

impl Default for Heap {
    fn default() -> Heap {
        Heap::new()
    }
}

static HEAP: Mutex<Heap> = Mutex::new(Heap::new());
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
    h.push(t);
    publish(&h);
    drop(h);
    wake_all();
}

/// Disarms t; returns whether it was armed.
///
/// # Safety
/// As [`add`].
pub unsafe fn stop(t: *mut Timer) -> bool {
    if (*t).bubble != 0 {
        return super::bubble::stop_timer(t);
    }
    let _h = lock();
    disarm(t)
}

/// Disarms t under its heap's lock; returns whether it was armed.
///
/// # Safety
/// t is live and its heap's lock is held.
pub unsafe fn disarm(t: *mut Timer) -> bool {
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
        let due = h.pop_due(now);
        publish(&h);
        drop(h);
        match due {
            // SAFETY: a timer just taken from the heap is live.
            Ok(t) => unsafe { fire(t) },
            Err(next) => return if fired { 0 } else { next },
        }
        fired = true;
    }
}

/// Does what t is for: its callback, waking its goroutine, or starting its function in a new
/// goroutine (which joins the running goroutine's bubble, if any).
///
/// # Safety
/// t is live and no longer in any heap's lock.
pub unsafe fn fire(t: *mut Timer) {
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

/// `time.Sleep(ns)`; in a synctest bubble, on the bubble's fake clock.
pub fn sleep(ns: i64) {
    if ns <= 0 {
        return;
    }
    let g = current_g();
    // SAFETY: g is the running goroutine; its bubble is alive while it is a member.
    let (now, bubble) = unsafe {
        match (*g).bubble.as_ref() {
            Some(b) => (b.now(), b.id),
            None => (crate::sys::nanotime(), 0),
        }
    };
    let t = sleep_timer(g, now.saturating_add(ns), bubble);
    park("sleep", arm_after_park, t as usize);
    // SAFETY: the timer fired (it readied us) and is referenced by nothing else now.
    unsafe { drop(Box::from_raw(t)) };
}

/// The runtime's own short waits (its lock's back-off, polling for finalizers): the real
/// clock always, and never a durable block for a bubble.
pub fn sleep_real(ns: i64) {
    if ns <= 0 {
        return;
    }
    let g = current_g();
    let t = sleep_timer(g, crate::sys::nanotime().saturating_add(ns), 0);
    park_as(g, "sleep", false, arm_after_park, t as usize);
    // SAFETY: as in sleep.
    unsafe { drop(Box::from_raw(t)) };
}

fn sleep_timer(g: *mut G, when: i64, bubble: u64) -> *mut Timer {
    Box::into_raw(Box::new(Timer {
        when,
        period: 0,
        func: core::ptr::null_mut(),
        g,
        seq: 0,
        active: false,
        weak: false,
        callback: None,
        arg: 0,
        bubble,
    }))
}

fn arm_after_park(g: *mut G, t: usize) {
    let t = t as *mut Timer;
    // SAFETY: t is the sleeping goroutine's timer; a bubbled sleeper's bubble is alive.
    unsafe {
        if (*t).bubble != 0 {
            (*(*g).bubble).arm_timer(t);
        } else {
            add(t);
        }
    }
}

/// Calls `f` with every strong timer the heaps refer to and the func value of every armed one
/// (collector roots). Weak timers are not roots.
pub fn for_each_func(mut f: impl FnMut(usize)) {
    let mut visit = |t: *const Timer| {
        // SAFETY: timers in a heap are live.
        unsafe {
            if (*t).weak {
                return;
            }
            f(t as usize);
            if (*t).active && !(*t).func.is_null() {
                f((*t).func as usize);
            }
        }
    };
    lock().for_each(&mut visit);
    super::bubble::for_each_heap(|h| h.for_each(&mut visit));
}

/// After marking (world stopped): drops the heap entries of weak timers that nothing reached,
/// which the sweep is about to free.
pub fn drop_unreached(marked: impl Fn(usize) -> bool) {
    // SAFETY: timers in the heaps are live until this sweep.
    let keep = |t: usize| unsafe { !(*(t as *const Timer)).weak } || marked(t);
    let mut h = lock();
    h.retain(keep);
    publish(&h);
    super::bubble::for_each_heap(|h| h.retain(keep));
}

/// Makes t weak (see [`Timer::weak`]). A bubble's timers stay strong: its heap is on the fake
/// clock, and gc keeps every armed one until its bubble ends.
///
/// # Safety
/// t is a live timer from [`new_heap_timer`].
pub unsafe fn set_weak(t: *mut Timer) {
    if (*t).bubble != 0 {
        return;
    }
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
/// positive); armed when `when > 0`. Made inside a synctest bubble, it runs on the bubble's
/// fake clock.
pub fn new_heap_timer(when: i64, period: i64, f: *mut u8) -> *mut Timer {
    let t = crate::alloc::alloc_object(core::mem::size_of::<Timer>(), &TIMER_TYPE) as *mut Timer;
    // SAFETY: t is a fresh zeroed object of Timer's size.
    unsafe {
        (*t).func = f;
        (*t).bubble = super::bubble::current_id();
        if when > 0 {
            reset(t, when, period);
        }
    }
    t
}

/// Re-arms t for `when`/`period`; returns whether it was armed.
///
/// # Safety
/// t is a live timer from [`new_heap_timer`].
pub unsafe fn reset(t: *mut Timer, when: i64, period: i64) -> bool {
    if (*t).bubble != 0 {
        return super::bubble::reset_timer(t, when, period);
    }
    let mut h = lock();
    let was = (*t).active;
    (*t).seq += 1;
    (*t).when = when;
    (*t).period = period;
    (*t).active = true;
    h.push(t);
    publish(&h);
    drop(h);
    wake_all();
    was
}
