//! synctest bubbles (`testing/synctest`, `internal/synctest`): groups of goroutines with a fake
//! clock that moves only when every member is durably blocked.
//!
//! A bubble counts its members (`total`) and those not durably blocked (`running`). A goroutine
//! joins the bubble of the goroutine that starts it; `Run`'s caller (the root) is a member while
//! `Run` lasts. Durably blocked means parked for a reason [`durable`] accepts: on a channel made
//! in the bubble, a nil channel, `select {}`, a sleep, `sync.Cond.Wait`, a WaitGroup associated
//! with the bubble, `synctest.Wait` or `Run` itself; never a mutex, I/O or a system call.
//!
//! `active` keeps the bubble from counting as idle while something may still wake a member: a
//! parking goroutine holds it from just before it parks until its `after_switch` action has run
//! (so the queue it joined is published), [`acquire`] holds it for outside callers, and a goroutine
//! woken because the bubble went idle holds it until it has dealt with that. When `running` and
//! `active` both reach 0, the bubble is idle and exactly one goroutine is woken: the root if a
//! timer is due, else the goroutine in `synctest.Wait`, else the root, which then advances the
//! clock to the next timer of the bubble's heap and fires what is due, or, with no timer left or
//! `f` returned, ends `Run`: cleanly when only the root remains, with a deadlock otherwise.
//!
//! Channels and timers record the bubble's `id`, not its address: a bubble is freed when `Run`
//! returns, and an id is never reused. Lock order: a bubble's `state`, then its `timers`.

use super::timer::{self, Heap, Timer};
use super::*;
use std::collections::HashMap;
use std::sync::atomic::AtomicU64;

/// The fake clock's start: 2000-01-01 00:00:00 UTC, in ns since 1970.
const BASE_TIME: i64 = 946_684_800_000_000_000;

/// `rog_synctest_run`'s results.
pub const RUN_OK: i64 = 0;
pub const RUN_NESTED: i64 = 1;
pub const RUN_DEADLOCK: i64 = 2;
pub const RUN_DEADLOCK_MAIN_EXITED: i64 = 3;

/// `rog_synctest_wait`'s results.
pub const WAIT_OK: i64 = 0;
pub const WAIT_NOT_IN_BUBBLE: i64 = 1;
pub const WAIT_IN_PROGRESS: i64 = 2;

pub struct Bubble {
    pub id: u64,
    /// The fake clock (ns since 1970). Only the root moves it, while every other member is
    /// durably blocked.
    now: AtomicI64,
    state: Mutex<State>,
    timers: Mutex<Heap>,
}

struct State {
    total: i64,
    running: i64,
    active: i64,
    /// The goroutine in `Run` (`*mut G`).
    root: usize,
    /// The goroutine running `Run`'s function.
    main: usize,
    /// The goroutine parked in `synctest.Wait`, once it has parked.
    waiter: usize,
    /// A `synctest.Wait` is in progress.
    waiting: bool,
    /// `main` has exited: the clock stops.
    done: bool,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);
/// Live bubbles (`*const Bubble`), for the collector to scan their timer heaps.
static BUBBLES: Mutex<Vec<usize>> = Mutex::new(Vec::new());

impl Bubble {
    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn timers(&self) -> std::sync::MutexGuard<'_, Heap> {
        self.timers.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The fake clock.
    pub fn now(&self) -> i64 {
        self.now.load(SeqCst)
    }

    /// A member is about to park: the bubble stays active until [`Bubble::after_park`]; a
    /// durable block counts it out of the running members (the caller marks it `durable`).
    pub fn parking(&self, durable: bool) {
        let mut st = self.state();
        st.active += 1;
        if durable {
            st.running -= 1;
        }
    }

    /// A goroutine of this bubble has parked and its `after_switch` action has run.
    pub fn after_park(&self) {
        self.release_active();
    }

    fn release_active(&self) {
        let mut st = self.state();
        st.active -= 1;
        let wake = self.idle_wake(&mut st);
        drop(st);
        wake_g(wake);
    }

    /// If the bubble is idle, the goroutine to wake (which then owns one `active` count).
    fn idle_wake(&self, st: &mut State) -> usize {
        if st.running > 0 || st.active > 0 {
            return 0;
        }
        st.active += 1;
        let due = self.timers().next_when().is_some_and(|w| w <= self.now());
        if !due && st.waiter != 0 {
            return st.waiter;
        }
        st.root
    }

    /// Arms the sleep timer t of a member.
    ///
    /// # Safety
    /// t is a live timer of this bubble.
    pub unsafe fn arm_timer(&self, t: *mut Timer) {
        let mut h = self.timers();
        (*t).seq += 1;
        (*t).active = true;
        h.push(t);
    }
}

fn wake_g(g: usize) {
    if g != 0 {
        ready_g(g as *mut G);
    }
}

/// Whether a goroutine parked for `reason` is durably blocked (gc's `isIdleInSynctest`).
pub fn durable(reason: &str) -> bool {
    matches!(
        reason,
        "chan receive (nil chan)"
            | "chan send (nil chan)"
            | "select (no cases)"
            | "sleep"
            | "sync.Cond.Wait"
            | "sync.WaitGroup.Wait (durable)"
            | "coroutine"
            | "synctest.Run"
            | "synctest.Wait"
            | "chan receive (durable)"
            | "chan send (durable)"
            | "select (durable)"
    )
}

/// The running goroutine's bubble, or null.
pub fn current() -> *mut Bubble {
    let g = current_g();
    if g.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: g is the running goroutine.
    unsafe { (*g).bubble }
}

/// The id of the running goroutine's bubble, 0 outside bubbles.
pub fn current_id() -> u64 {
    // SAFETY: a member's bubble is alive.
    unsafe { current().as_ref().map_or(0, |b| b.id) }
}

/// The running goroutine's fake clock, or 0 outside bubbles.
pub fn current_now() -> i64 {
    // SAFETY: as in current_id.
    unsafe { current().as_ref().map_or(0, |b| b.now()) }
}

/// g (new, not yet runnable) joins bubble b.
///
/// # Safety
/// b is alive (the caller is a member).
pub unsafe fn join(b: *mut Bubble, g: *mut G, main: bool) {
    (*g).bubble = b;
    let mut st = (*b).state();
    st.total += 1;
    st.running += 1;
    if main {
        st.main = g as usize;
    }
}

/// A member g has exited (on the scheduler, after its last switch).
///
/// # Safety
/// g is a member that no longer runs.
pub unsafe fn exited(g: *mut G) {
    let b = &*(*g).bubble;
    (*g).bubble = core::ptr::null_mut();
    let mut st = b.state();
    st.total -= 1;
    st.running -= 1;
    if st.main == g as usize {
        st.done = true;
    }
    let wake = b.idle_wake(&mut st);
    drop(st);
    wake_g(wake);
}

/// A durably blocked member g is being readied.
///
/// # Safety
/// g is a parked member.
pub unsafe fn unblocked(g: *mut G) {
    (*g).durable = false;
    (*(*g).bubble).state().running += 1;
}

/// `synctest.Run(f)`: runs f in a new goroutine of a new bubble and waits until every member has
/// exited. Returns a `RUN_` code.
pub fn run(f: *mut u8) -> i64 {
    let g = current_g();
    // SAFETY: g is the running goroutine.
    if unsafe { !(*g).bubble.is_null() } {
        return RUN_NESTED;
    }
    let b = Box::into_raw(Box::new(Bubble {
        id: NEXT_ID.fetch_add(1, Relaxed),
        now: AtomicI64::new(BASE_TIME),
        // The root is a running member, and active: it is dealing with the bubble.
        state: Mutex::new(State {
            total: 1,
            running: 1,
            active: 1,
            root: g as usize,
            main: 0,
            waiter: 0,
            waiting: false,
            done: false,
        }),
        timers: Mutex::new(Heap::shuffled()),
    }));
    BUBBLES.lock().unwrap_or_else(|e| e.into_inner()).push(b as usize);
    // SAFETY: b lives until this function frees it; g and main are members meanwhile.
    unsafe {
        (*g).bubble = b;
        let main = make_g(f);
        join(b, main, true);
        ready_g(main);
        let b = &*b;
        loop {
            fire_due(b);
            park("synctest.Run", root_idle_after_park, b as *const Bubble as usize);
            // Woken: the bubble is idle, and the root holds an active count.
            let st = b.state();
            let next = b.timers().next_when();
            match next {
                Some(when) if !st.done => b.now.store(when.max(b.now()), SeqCst),
                _ => break,
            }
        }
        (*g).bubble = core::ptr::null_mut();
        let st = b.state();
        let (total, done) = (st.total, st.done);
        drop(st);
        if total != 1 {
            // Blocked members keep referring to it: the bubble is never freed.
            return if done { RUN_DEADLOCK_MAIN_EXITED } else { RUN_DEADLOCK };
        }
        free(b as *const Bubble as *mut Bubble);
    }
    RUN_OK
}

/// Forgets a bubble whose members have all exited.
///
/// # Safety
/// Nothing refers to b any more.
unsafe fn free(b: *mut Bubble) {
    BUBBLES.lock().unwrap_or_else(|e| e.into_inner()).retain(|&p| p != b as usize);
    drop(Box::from_raw(b));
}

/// The root parks until the bubble is idle: it gives up the active count it held.
fn root_idle_after_park(_g: *mut G, b: usize) {
    // SAFETY: the root's bubble is alive while it runs Run.
    unsafe { (*(b as *const Bubble)).state().active -= 1 };
}

/// Fires the timers of b that are due at its clock (the root, in b).
fn fire_due(b: &Bubble) {
    let now = b.now();
    loop {
        let due = b.timers().pop_due(now);
        match due {
            // SAFETY: a timer just taken from the heap is live.
            Ok(t) => unsafe { timer::fire(t) },
            Err(_) => return,
        }
    }
}

/// `synctest.Wait()`: blocks until every other member is durably blocked. Returns a `WAIT_` code.
pub fn wait() -> i64 {
    let b = current();
    // SAFETY: a member's bubble is alive.
    let Some(b) = (unsafe { b.as_ref() }) else { return WAIT_NOT_IN_BUBBLE };
    {
        let mut st = b.state();
        if st.waiting {
            return WAIT_IN_PROGRESS;
        }
        st.waiting = true;
    }
    park("synctest.Wait", waiter_after_park, b as *const Bubble as usize);
    let mut st = b.state();
    st.active -= 1;
    st.waiter = 0;
    st.waiting = false;
    WAIT_OK
}

fn waiter_after_park(g: *mut G, b: usize) {
    // SAFETY: the waiter's bubble is alive.
    unsafe { (*(b as *const Bubble)).state().waiter = g as usize };
}

/// `synctest.acquire`: keeps the running goroutine's bubble from going idle until [`release`];
/// returns it, or null outside bubbles.
pub fn acquire() -> *mut Bubble {
    let b = current();
    // SAFETY: a member's bubble is alive.
    if let Some(r) = unsafe { b.as_ref() } {
        r.state().active += 1;
    }
    b
}

/// `synctest.release`.
///
/// # Safety
/// b came from [`acquire`] and is released once.
pub unsafe fn release(b: *mut Bubble) {
    (*b).release_active();
}

/// Sets the running goroutine's bubble (`synctest.inBubble`); returns the previous one.
pub fn set_current(b: *mut Bubble) -> *mut Bubble {
    let g = current_g();
    // SAFETY: g is the running goroutine.
    unsafe { core::mem::replace(&mut (*g).bubble, b) }
}

/// Re-arms the bubble timer t (`Timer.Reset`); returns whether it was armed. A timer already due
/// fires at once rather than when the bubble next goes idle.
///
/// # Safety
/// t is a live timer made in a bubble.
pub unsafe fn reset_timer(t: *mut Timer, when: i64, period: i64) -> bool {
    let b = current();
    if b.is_null() {
        crate::panic::fatal("reset of synctest timer from outside bubble");
    }
    let b = &*b;
    let mut h = b.timers();
    let was = timer::disarm(t);
    (*t).seq += 1;
    (*t).when = when;
    (*t).period = period;
    (*t).active = true;
    h.push(t);
    let now = b.now();
    if when > now {
        return was;
    }
    let due = h.pop_due(now);
    drop(h);
    if let Ok(t) = due {
        timer::fire(t);
    }
    was
}

/// Disarms the bubble timer t (`Timer.Stop`); returns whether it was armed.
///
/// # Safety
/// t is a live timer made in a bubble.
pub unsafe fn stop_timer(t: *mut Timer) -> bool {
    let b = current();
    if b.is_null() {
        crate::panic::fatal("stop of synctest timer from outside bubble");
    }
    let _h = (*b).timers();
    timer::disarm(t)
}

/// Calls f with the timer heap of every live bubble (the collector, world stopped).
pub fn for_each_heap(mut f: impl FnMut(&mut Heap)) {
    let bs = BUBBLES.lock().unwrap_or_else(|e| e.into_inner());
    for &b in bs.iter() {
        // SAFETY: registered bubbles are alive.
        let b = unsafe { &*(b as *const Bubble) };
        f(&mut b.timers());
    }
}

// Associations (`synctest.associate`): heap objects (a WaitGroup) tied to the bubble that first
// used them, keyed by address and held weakly: the collector forgets unreached objects. A tie
// outlives its bubble (a WaitGroup left counting cannot move to another bubble), as in gc.

static ASSOC: Mutex<Option<HashMap<usize, u64>>> = Mutex::new(None);

/// `synctest.associate(p)`: ties p to the running goroutine's bubble unless it is tied already.
/// Returns 0 (p is not a heap object: never tied), 1 (tied to this bubble) or 2 (another).
pub fn associate(p: usize) -> i64 {
    if crate::gc::mark::object_slot(p).is_none() {
        return 0;
    }
    let id = current_id();
    let mut a = ASSOC.lock().unwrap_or_else(|e| e.into_inner());
    let got = *a.get_or_insert_with(HashMap::new).entry(p).or_insert(id);
    if got == id {
        1
    } else {
        2
    }
}

/// `synctest.disassociate(p)`.
pub fn disassociate(p: usize) {
    if let Some(a) = ASSOC.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
        a.remove(&p);
    }
}

/// `synctest.isAssociated(p)`: p is tied to the running goroutine's bubble.
pub fn is_associated(p: usize) -> bool {
    let id = current_id();
    let a = ASSOC.lock().unwrap_or_else(|e| e.into_inner());
    id != 0 && a.as_ref().and_then(|a| a.get(&p)) == Some(&id)
}

/// After marking (world stopped): forgets the associations of objects about to be freed.
pub fn drop_unreached(marked: impl Fn(usize) -> bool) {
    if let Some(a) = ASSOC.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
        a.retain(|&p, _| crate::gc::mark::object_slot(p).is_some_and(&marked));
    }
}
