//! Semaphores keyed by address and notify lists: what `sync` (Mutex, RWMutex, WaitGroup, Cond)
//! and `internal/poll` block on.
//!
//! Semaphores: the count is the Go `uint32` at the address; waiting goroutines sit in one of
//! [`BUCKETS`] wait lists chosen by hashing the address, each behind a spin lock. Acquire
//! decrements the count when it is positive; otherwise, under the bucket lock, it checks the count
//! once more and parks, queued. Release increments the count, then takes the bucket lock and
//! readies the first goroutine waiting on that address, which retries (a goroutine that was not
//! queued may take the count first: no hand-off, as gc's default). A waiter is queued and its lock
//! released only by the `after_switch` action, once it has left its stack, so a releaser can never
//! resume it early, and because the releaser increments before locking, no wake-up is lost.
//!
//! Notify lists (`sync.Cond`): the Go struct `notifyList {wait, notify uint32; lock uintptr;
//! head, tail unsafe.Pointer}` (sync/runtime.go's layout) is used in place: `wait` is the next
//! ticket, `notify` the next ticket to wake, `lock` a spin lock, `head`/`tail` a list of waiter
//! records living on the waiting goroutines' stacks. A goroutine takes a ticket before unlocking
//! its mutex and waits for that ticket afterwards; a ticket already notified returns at once, so
//! a notification between the two is never lost.

use crate::sched::{self, G};
use core::cell::UnsafeCell;
use core::sync::atomic::{AtomicU32, AtomicUsize, Ordering::*};

/// A test-and-test-and-set spin lock word (held only for a few instructions; never across a
/// goroutine switch except through an `after_switch` release).
pub(crate) fn spin_lock(w: &AtomicU32) {
    let mut spins = 0;
    while w.compare_exchange_weak(0, 1, Acquire, Relaxed).is_err() {
        spins += 1;
        if spins < 64 {
            core::hint::spin_loop();
        } else {
            std::thread::yield_now();
        }
    }
}

pub(crate) fn spin_unlock(w: &AtomicU32) {
    w.store(0, Release);
}

const BUCKETS: usize = 251;

struct Bucket {
    lock: AtomicU32,
    /// (address, goroutine, lifo) in queue order.
    waiters: UnsafeCell<Vec<(usize, *mut G)>>,
}

// SAFETY: `waiters` is only touched under `lock`.
unsafe impl Sync for Bucket {}

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: Bucket = Bucket { lock: AtomicU32::new(0), waiters: UnsafeCell::new(Vec::new()) };
static TABLE: [Bucket; BUCKETS] = [EMPTY; BUCKETS];

fn bucket(addr: usize) -> &'static Bucket {
    &TABLE[(addr >> 3) % BUCKETS]
}

/// Decrements `*addr` if it is positive.
fn try_acquire(addr: &AtomicU32) -> bool {
    let mut v = addr.load(SeqCst);
    while v > 0 {
        match addr.compare_exchange_weak(v, v - 1, SeqCst, SeqCst) {
            Ok(_) => return true,
            Err(now) => v = now,
        }
    }
    false
}

/// Wait reasons for deadlock reports, by the code the overlay passes.
pub fn reason(code: i32) -> &'static str {
    match code {
        1 => "sync.Mutex.Lock",
        2 => "sync.RWMutex.RLock",
        3 => "sync.RWMutex.Lock",
        4 => "sync.WaitGroup.Wait",
        5 => "sync.WaitGroup.Wait (durable)",
        _ => "semacquire",
    }
}

/// gc's `semacquire`: waits until `*addr > 0`, then decrements it. `lifo` queues the waiter at
/// the front (sync.Mutex's starving waiters); `why` is the wait reason deadlock reports show.
pub fn acquire(addr: &AtomicU32, lifo: bool, why: &'static str) {
    if try_acquire(addr) {
        return;
    }
    let key = addr as *const AtomicU32 as usize;
    let b = bucket(key);
    loop {
        spin_lock(&b.lock);
        if try_acquire(addr) {
            spin_unlock(&b.lock);
            return;
        }
        let arg = key | lifo as usize;
        sched::park(why, enqueue_after_park, arg);
    }
}

/// After the switch: queues the parked goroutine and releases its bucket's lock.
fn enqueue_after_park(g: *mut G, arg: usize) {
    let (key, lifo) = (arg & !1, arg & 1 != 0);
    let b = bucket(key);
    // SAFETY: the bucket lock is held (taken by the goroutine before it parked).
    let w = unsafe { &mut *b.waiters.get() };
    if lifo {
        w.insert(0, (key, g));
    } else {
        w.push((key, g));
    }
    spin_unlock(&b.lock);
}

/// gc's `semrelease`: increments `*addr` and wakes one goroutine waiting on it.
pub fn release(addr: &AtomicU32) {
    addr.fetch_add(1, SeqCst);
    let key = addr as *const AtomicU32 as usize;
    let b = bucket(key);
    spin_lock(&b.lock);
    // SAFETY: under the bucket lock.
    let w = unsafe { &mut *b.waiters.get() };
    let found = w.iter().position(|&(k, _)| k == key).map(|i| w.remove(i).1);
    spin_unlock(&b.lock);
    if let Some(g) = found {
        sched::ready_g(g);
    }
}

/// sync/runtime.go's `notifyList`.
#[repr(C)]
pub struct NotifyList {
    wait: AtomicU32,
    notify: AtomicU32,
    lock: AtomicUsize,
    head: *mut Waiter,
    tail: *mut Waiter,
}

/// A goroutine waiting in a notify list (on its own stack).
pub struct Waiter {
    g: *mut G,
    ticket: u32,
    next: *mut Waiter,
}

impl NotifyList {
    fn lock_word(&self) -> &AtomicU32 {
        // SAFETY: the low half of the 8-byte `lock` word serves as the spin lock (little-endian).
        unsafe { &*(&self.lock as *const AtomicUsize as *const AtomicU32) }
    }
}

/// Ticket a is before ticket b (wrapping).
fn before(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

/// `notifyListAdd`: takes a ticket (before unlocking the Cond's mutex).
pub fn notify_add(l: &NotifyList) -> u32 {
    l.wait.fetch_add(1, SeqCst)
}

/// `notifyListWait`: waits until ticket `t` is notified.
///
/// # Safety
/// l is a live notify list.
pub unsafe fn notify_wait(l: *mut NotifyList, t: u32) {
    let lw = (*l).lock_word();
    spin_lock(lw);
    if before(t, (*l).notify.load(SeqCst)) {
        spin_unlock(lw);
        return;
    }
    let mut w = Waiter { g: sched::current_g(), ticket: t, next: core::ptr::null_mut() };
    let wp = &mut w as *mut Waiter;
    if (*l).tail.is_null() {
        (*l).head = wp;
    } else {
        (*(*l).tail).next = wp;
    }
    (*l).tail = wp;
    sched::park("sync.Cond.Wait", unlock_list_after_park, l as usize);
    core::hint::black_box(&mut w);
}

fn unlock_list_after_park(_g: *mut G, l: usize) {
    // SAFETY: the parked goroutine held this list's lock.
    unsafe { spin_unlock((*(l as *const NotifyList)).lock_word()) };
}

/// Readies a goroutine waiting in a notify list. A `sync.Cond.Wait` in a synctest bubble is a
/// durable block, so only the bubble may end it (gc's fatal error otherwise).
///
/// # Safety
/// g is a waiter just taken off its list.
unsafe fn wake_waiter(g: *mut G) {
    if !(*g).bubble.is_null() && sched::bubble::current() != (*g).bubble {
        crate::print::lock();
        crate::print::str("semaphore wake of synctest goroutine ");
        crate::print::int((*g).id);
        crate::print::str(" from outside bubble\n");
        crate::print::unlock();
        crate::panic::fatal("semaphore wake of synctest goroutine from outside bubble");
    }
    sched::ready_g(g);
}

/// `notifyListNotifyAll`: wakes every waiter.
///
/// # Safety
/// l is a live notify list.
pub unsafe fn notify_all(l: *mut NotifyList) {
    if (*l).wait.load(SeqCst) == (*l).notify.load(SeqCst) {
        return;
    }
    let lw = (*l).lock_word();
    spin_lock(lw);
    let mut w = (*l).head;
    (*l).head = core::ptr::null_mut();
    (*l).tail = core::ptr::null_mut();
    (*l).notify.store((*l).wait.load(SeqCst), SeqCst);
    spin_unlock(lw);
    while !w.is_null() {
        let next = (*w).next;
        wake_waiter((*w).g);
        w = next;
    }
}

/// `notifyListNotifyOne`: wakes the waiter with the oldest unnotified ticket (or lets it return
/// at once if it has not started waiting yet).
///
/// # Safety
/// l is a live notify list.
pub unsafe fn notify_one(l: *mut NotifyList) {
    if (*l).wait.load(SeqCst) == (*l).notify.load(SeqCst) {
        return;
    }
    let lw = (*l).lock_word();
    spin_lock(lw);
    let t = (*l).notify.load(SeqCst);
    if t == (*l).wait.load(SeqCst) {
        spin_unlock(lw);
        return;
    }
    (*l).notify.store(t.wrapping_add(1), SeqCst);
    let mut prev: *mut Waiter = core::ptr::null_mut();
    let mut w = (*l).head;
    while !w.is_null() {
        if (*w).ticket == t {
            let next = (*w).next;
            if prev.is_null() {
                (*l).head = next;
            } else {
                (*prev).next = next;
            }
            if (*l).tail == w {
                (*l).tail = prev;
            }
            let g = (*w).g;
            spin_unlock(lw);
            wake_waiter(g);
            return;
        }
        prev = w;
        w = (*w).next;
    }
    spin_unlock(lw);
}
