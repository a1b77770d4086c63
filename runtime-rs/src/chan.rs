//! Channels and select.
//!
//! A channel is a heap object ([`Chan`]) holding a ring buffer of `cap` elements and two wait
//! queues of goroutines blocked in send and receive. Every operation runs under the channel's
//! spin lock. A waiter is described by a [`Sudog`] that lives on the waiting goroutine's own
//! stack (so the collector sees the element pointer it holds); the goroutine is parked with an
//! `after_switch` action that releases the lock only once its stack is no longer in use, so the
//! partner that dequeues the sudog can wake it at once.
//!
//! Hand-off rules: a sender that finds a waiting receiver copies straight into the receiver's
//! element slot; a receiver that finds a waiting sender on a buffered channel takes the oldest
//! buffered element and moves the sender's element into the freed slot, so FIFO order holds.
//! Closing wakes every waiter with `success = false` (receivers get the zero value, senders
//! panic).
//!
//! Select locks all its channels in address order, polls the cases in a random order (so each
//! ready case is chosen with equal probability), and otherwise enqueues one sudog per case and
//! parks. The first partner to claim the goroutine's `select_done` flag wins; the others skip its
//! stale sudogs.
//!
//! A channel made in a synctest bubble belongs to it (`Chan::bubble`, sched/bubble.rs): only
//! the bubble's goroutines may use it (gc's fatal errors otherwise), and blocking on it is
//! durable, so the bubble's clock can move on.

use crate::sched::{self, G};
use crate::types::{fnv1a, kind, GoString, Type};
use core::ptr;
use core::sync::atomic::{AtomicU32, Ordering::*};

/// A goroutine waiting on a channel.
#[repr(C)]
pub struct Sudog {
    pub g: *mut G,
    /// Where to copy from (send) or to (receive); null to drop a received value.
    pub elem: *mut u8,
    pub next: *mut Sudog,
    pub prev: *mut Sudog,
    pub c: *mut Chan,
    pub is_select: bool,
    /// Set by the partner: the operation completed (false: woken by close).
    pub success: bool,
    pub case_index: usize,
}

#[repr(C)]
struct WaitQ {
    first: *mut Sudog,
    last: *mut Sudog,
}

/// The channel object (`chan T` values point at one).
#[repr(C)]
pub struct Chan {
    /// Ring buffer of `cap` elements (a heap object), or null when unbuffered.
    buf: *mut u8,
    elemtype: *const Type,
    elemsize: usize,
    cap: usize,
    count: usize,
    sendx: usize,
    recvx: usize,
    closed: u32,
    lock: AtomicU32,
    recvq: WaitQ,
    sendq: WaitQ,
    /// The timer whose channel this is (`time.NewTimer`'s and `NewTicker`'s), or null: the
    /// channel keeps its weak timer alive (`rog_chansettimer`).
    timer: *mut u8,
    /// The id of the synctest bubble it was made in, or 0.
    bubble: u64,
}

const _: () = assert!(core::mem::offset_of!(Chan, timer) == 12 * 8);

/// Words 0 (`buf`) and 12 (`timer`).
static CHAN_MASK: [u8; 2] = [1, 1 << 4];
/// Descriptor the collector uses for channel objects: `buf` and `timer` are heap pointers.
static CHAN_TYPE: Type = Type {
    size: core::mem::size_of::<Chan>(),
    ptrdata: 13 * 8,
    hash: fnv1a(b"runtime.hchan"),
    tflag: 0,
    align: 8,
    field_align: 8,
    kind: kind::STRUCT,
    equal: None,
    gcdata: CHAN_MASK.as_ptr(),
    name: GoString::from_static("runtime.hchan"),
    uncommon: ptr::null(),
};

impl Chan {
    fn lock(&self) {
        let mut spins = 0;
        while self.lock.compare_exchange_weak(0, 1, Acquire, Relaxed).is_err() {
            spins += 1;
            if spins < 64 {
                core::hint::spin_loop();
            } else {
                std::thread::yield_now();
            }
        }
    }
    fn unlock(&self) {
        self.lock.store(0, Release);
    }
    unsafe fn slot(&self, i: usize) -> *mut u8 {
        self.buf.add(i * self.elemsize)
    }
}

impl WaitQ {
    unsafe fn push(&mut self, s: *mut Sudog) {
        (*s).next = ptr::null_mut();
        (*s).prev = self.last;
        if self.last.is_null() {
            self.first = s;
        } else {
            (*self.last).next = s;
        }
        self.last = s;
    }

    unsafe fn remove(&mut self, s: *mut Sudog) {
        let (p, n) = ((*s).prev, (*s).next);
        if p.is_null() {
            if self.first != s {
                return; // not queued (already dequeued)
            }
            self.first = n;
        } else {
            (*p).next = n;
        }
        if n.is_null() {
            self.last = p;
        } else {
            (*n).prev = p;
        }
        (*s).next = ptr::null_mut();
        (*s).prev = ptr::null_mut();
    }

    /// Takes the first waiter that can still be woken (skipping selects already decided).
    unsafe fn dequeue(&mut self) -> *mut Sudog {
        loop {
            let s = self.first;
            if s.is_null() {
                return s;
            }
            self.remove(s);
            if (*s).is_select && (*(*s).g).select_done.compare_exchange(0, 1, SeqCst, SeqCst).is_err()
            {
                continue;
            }
            return s;
        }
    }
}

/// `make(chan T, size)`; `t` is the channel type descriptor. Panics `makechan: size out of
/// range` for a negative or huge size.
pub fn make(t: *const Type, size: i64) -> *mut Chan {
    // SAFETY: t is a chan type descriptor.
    let elem = unsafe { (*(t as *const crate::types::ChanType)).elem };
    let elemsize = unsafe { (*elem).size };
    if size < 0 || (elemsize > 0 && size as u128 * elemsize as u128 > (1u128 << 40)) {
        crate::panic::plain_error(b"makechan: size out of range");
    }
    let c = crate::alloc::alloc_object(core::mem::size_of::<Chan>(), &CHAN_TYPE) as *mut Chan;
    // SAFETY: c is a fresh zeroed Chan.
    unsafe {
        (*c).elemtype = elem;
        (*c).elemsize = elemsize;
        (*c).bubble = sched::bubble::current_id();
        (*c).cap = size as usize;
        if size > 0 && elemsize > 0 {
            (*c).buf = crate::alloc::alloc_array(elem, size as usize);
        }
    }
    c
}

/// Makes c refer to the timer t that sends on it (see [`Chan::timer`]).
///
/// # Safety
/// c is a live channel; t a Go heap object or null.
pub unsafe fn set_timer(c: *mut Chan, t: *mut u8) {
    (*c).timer = t;
}

unsafe fn copy_elem(c: &Chan, dst: *mut u8, src: *const u8) {
    if !dst.is_null() && c.elemsize > 0 {
        ptr::copy(src, dst, c.elemsize);
    }
}

unsafe fn zero_elem(c: &Chan, dst: *mut u8) {
    if !dst.is_null() && c.elemsize > 0 {
        ptr::write_bytes(dst, 0, c.elemsize);
    }
}

/// gc's fatal error for using a bubble's channel `c` from outside the bubble (`what`: `send on`,
/// `receive on`, `close of`, `select on`).
#[cold]
fn check_bubble(c: &Chan, what: &str) {
    if sched::bubble::current_id() != c.bubble {
        crate::panic::fatal(&format!("{what} synctest channel from outside bubble"));
    }
}

fn unlock_after_park(_g: *mut G, c: usize) {
    // SAFETY: c is the channel whose lock the parked goroutine held.
    unsafe { (*(c as *const Chan)).unlock() };
}

fn wake(s: *mut Sudog) {
    // SAFETY: s was dequeued under the channel lock; its goroutine is parked.
    unsafe {
        let g = (*s).g;
        (*g).param = s as usize;
        sched::ready_g(g);
    }
}

/// `c <- *ep`. Returns false only when `block` is false and the send would block.
///
/// # Safety
/// c is null or a channel; ep points at an element.
pub unsafe fn send(c: *mut Chan, ep: *const u8, block: bool) -> bool {
    if c.is_null() {
        if !block {
            return false;
        }
        sched::park("chan send (nil chan)", |_, _| {}, 0);
        unreachable!("a goroutine blocked on a nil channel woke up");
    }
    let ch = &mut *c;
    if ch.bubble != 0 {
        check_bubble(ch, "send on");
    }
    ch.lock();
    if ch.closed != 0 {
        ch.unlock();
        crate::panic::plain_error(b"send on closed channel");
    }
    let r = ch.recvq.dequeue();
    if !r.is_null() {
        copy_elem(ch, (*r).elem, ep);
        (*r).success = true;
        ch.unlock();
        wake(r);
        return true;
    }
    if ch.count < ch.cap {
        copy_elem(ch, ch.slot(ch.sendx), ep);
        ch.sendx = (ch.sendx + 1) % ch.cap;
        ch.count += 1;
        ch.unlock();
        return true;
    }
    if !block {
        ch.unlock();
        return false;
    }
    let mut me = new_sudog(c, ep as *mut u8, false, 0);
    ch.sendq.push(&mut me);
    let reason = if ch.bubble != 0 { "chan send (durable)" } else { "chan send" };
    sched::park(reason, unlock_after_park, c as usize);
    if !me.success {
        crate::panic::plain_error(b"send on closed channel");
    }
    true
}

fn new_sudog(c: *mut Chan, elem: *mut u8, is_select: bool, case_index: usize) -> Sudog {
    Sudog {
        g: sched::current_g(),
        elem,
        next: ptr::null_mut(),
        prev: ptr::null_mut(),
        c,
        is_select,
        success: false,
        case_index,
    }
}

/// `*ep = <-c` (ep may be null to drop the value). Returns (selected, received): selected is
/// false only for a non-blocking receive that would block; received is false when the value is
/// the zero value of a closed channel.
///
/// # Safety
/// c is null or a channel; ep is null or points at room for an element.
pub unsafe fn recv(c: *mut Chan, ep: *mut u8, block: bool) -> (bool, bool) {
    if c.is_null() {
        if !block {
            return (false, false);
        }
        sched::park("chan receive (nil chan)", |_, _| {}, 0);
        unreachable!("a goroutine blocked on a nil channel woke up");
    }
    let ch = &mut *c;
    if ch.bubble != 0 {
        check_bubble(ch, "receive on");
    }
    ch.lock();
    if let Some(r) = try_recv(ch, ep) {
        return r;
    }
    if !block {
        ch.unlock();
        return (false, false);
    }
    let mut me = new_sudog(c, ep, false, 0);
    ch.recvq.push(&mut me);
    let reason = if ch.bubble != 0 { "chan receive (durable)" } else { "chan receive" };
    sched::park(reason, unlock_after_park, c as usize);
    (true, me.success)
}

/// The non-blocking part of a receive, with the lock held; unlocks when it returns Some.
unsafe fn try_recv(ch: &mut Chan, ep: *mut u8) -> Option<(bool, bool)> {
    let s = ch.sendq.dequeue();
    if !s.is_null() {
        if ch.cap == 0 {
            copy_elem(ch, ep, (*s).elem);
        } else {
            let slot = ch.slot(ch.recvx);
            copy_elem(ch, ep, slot);
            copy_elem(ch, slot, (*s).elem);
            ch.recvx = (ch.recvx + 1) % ch.cap;
            ch.sendx = ch.recvx;
        }
        (*s).success = true;
        ch.unlock();
        wake(s);
        return Some((true, true));
    }
    if ch.count > 0 {
        let slot = ch.slot(ch.recvx);
        copy_elem(ch, ep, slot);
        zero_elem(ch, slot);
        ch.recvx = (ch.recvx + 1) % ch.cap;
        ch.count -= 1;
        ch.unlock();
        return Some((true, true));
    }
    if ch.closed != 0 {
        zero_elem(ch, ep);
        ch.unlock();
        return Some((true, false));
    }
    None
}

/// `close(c)`. Panics `close of nil channel` / `close of closed channel`.
///
/// # Safety
/// c is null or a channel.
pub unsafe fn close(c: *mut Chan) {
    if c.is_null() {
        crate::panic::plain_error(b"close of nil channel");
    }
    let ch = &mut *c;
    if ch.bubble != 0 {
        check_bubble(ch, "close of");
    }
    ch.lock();
    if ch.closed != 0 {
        ch.unlock();
        crate::panic::plain_error(b"close of closed channel");
    }
    ch.closed = 1;
    let mut woken: Vec<*mut Sudog> = Vec::new();
    loop {
        let r = ch.recvq.dequeue();
        if r.is_null() {
            break;
        }
        zero_elem(ch, (*r).elem);
        (*r).success = false;
        woken.push(r);
    }
    loop {
        let s = ch.sendq.dequeue();
        if s.is_null() {
            break;
        }
        (*s).success = false;
        woken.push(s);
    }
    ch.unlock();
    for s in woken {
        wake(s);
    }
}

/// `len(c)`.
///
/// # Safety
/// c is null or a channel.
pub unsafe fn len(c: *const Chan) -> i64 {
    if c.is_null() {
        0
    } else {
        (*c).count as i64
    }
}

/// `cap(c)`.
///
/// # Safety
/// c is null or a channel.
pub unsafe fn cap(c: *const Chan) -> i64 {
    if c.is_null() {
        0
    } else {
        (*c).cap as i64
    }
}

/// One case of a select, as the compiler lays it out: `{ptr chan, ptr elem, i64 dir}`.
#[repr(C)]
pub struct Case {
    pub c: *mut Chan,
    pub elem: *mut u8,
    /// 1: send, 2: receive.
    pub dir: i64,
}

const SEND: i64 = 1;

/// Runs a select over `cases`. Returns (chosen index, received-ok); index -1 when `block` is
/// false and no case is ready (the default case).
///
/// # Safety
/// cases are valid; nil channels are allowed (they are never ready).
pub unsafe fn select(cases: &mut [Case], block: bool) -> (i64, bool) {
    // Random poll order, and the channels in address order for locking.
    let n = cases.len();
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        order.swap(i, crate::fastrand::below(i as u64 + 1) as usize);
    }
    let mut locks: Vec<*mut Chan> = cases.iter().map(|c| c.c).filter(|c| !c.is_null()).collect();
    locks.sort_unstable();
    locks.dedup();
    if locks.is_empty() {
        if !block {
            return (-1, false);
        }
        sched::park("select (no cases)", |_, _| {}, 0);
        unreachable!("a goroutine blocked in an empty select woke up");
    }
    // Blocking counts as durable in a bubble when every channel is the bubble's. gc compiles a
    // select of one case (and perhaps a default) to the plain operation, and names that.
    let what = match cases {
        [c] if c.dir == SEND => "send on",
        [_] => "receive on",
        _ => "select on",
    };
    let mut all_bubbled = true;
    for &c in &locks {
        if (*c).bubble != 0 {
            check_bubble(&*c, what);
        } else {
            all_bubbled = false;
        }
    }
    lock_all(&locks);

    for &i in &order {
        let cs = &cases[i];
        if cs.c.is_null() {
            continue;
        }
        let ch = &mut *cs.c;
        if cs.dir == SEND {
            if ch.closed != 0 {
                unlock_all(&locks);
                crate::panic::plain_error(b"send on closed channel");
            }
            let r = ch.recvq.dequeue();
            if !r.is_null() {
                copy_elem(ch, (*r).elem, cs.elem);
                (*r).success = true;
                unlock_all(&locks);
                wake(r);
                return (i as i64, false);
            }
            if ch.count < ch.cap {
                copy_elem(ch, ch.slot(ch.sendx), cs.elem);
                ch.sendx = (ch.sendx + 1) % ch.cap;
                ch.count += 1;
                unlock_all(&locks);
                return (i as i64, false);
            }
        } else if let Some(r) = try_recv_locked(ch, cs.elem) {
            unlock_all_except(&locks, cs.c);
            return (i as i64, r);
        }
    }
    if !block {
        unlock_all(&locks);
        return (-1, false);
    }
    park_select(cases, &locks, all_bubbled)
}

/// try_recv, but try_recv unlocks its channel; the other locks stay held.
unsafe fn try_recv_locked(ch: &mut Chan, ep: *mut u8) -> Option<bool> {
    try_recv(ch, ep).map(|(_, ok)| ok)
}

unsafe fn park_select(cases: &mut [Case], locks: &[*mut Chan], durable: bool) -> (i64, bool) {
    let g = sched::current_g();
    (*g).select_done.store(0, SeqCst);
    let mut sudogs: Vec<Sudog> =
        cases.iter().enumerate().map(|(i, cs)| new_sudog(cs.c, cs.elem, true, i)).collect();
    for (i, cs) in cases.iter().enumerate() {
        if cs.c.is_null() {
            continue;
        }
        let s: *mut Sudog = &mut sudogs[i];
        if cs.dir == SEND {
            (*cs.c).sendq.push(s);
        } else {
            (*cs.c).recvq.push(s);
        }
    }
    (*g).param = 0;
    let list: (*const *mut Chan, usize) = (locks.as_ptr(), locks.len());
    let reason = if durable && !(*g).bubble.is_null() { "select (durable)" } else { "select" };
    sched::park(reason, unlock_select_after_park, &list as *const _ as usize);

    // Woken: the winner's sudog is in param. Remove the others from their queues.
    let fired = (*sched::current_g()).param as *mut Sudog;
    lock_all(locks);
    for (i, cs) in cases.iter().enumerate() {
        let s: *mut Sudog = &mut sudogs[i];
        if cs.c.is_null() || s == fired {
            continue;
        }
        if cs.dir == SEND {
            (*cs.c).sendq.remove(s);
        } else {
            (*cs.c).recvq.remove(s);
        }
    }
    unlock_all(locks);
    let idx = (*fired).case_index;
    if cases[idx].dir == SEND && !(*fired).success {
        crate::panic::plain_error(b"send on closed channel");
    }
    (idx as i64, (*fired).success)
}

fn unlock_select_after_park(_g: *mut G, arg: usize) {
    // Copy the list first: once one lock is released the goroutine may be woken and its stack
    // (where the list lives) reused.
    // SAFETY: arg points at the (pointer, length) of the lock list, kept alive by the parked
    // goroutine until it is woken, which cannot happen before the first unlock below.
    let copy: Vec<*mut Chan> = unsafe {
        let (p, n) = *(arg as *const (*const *mut Chan, usize));
        core::slice::from_raw_parts(p, n).to_vec()
    };
    unlock_all(&copy);
}

fn lock_all(locks: &[*mut Chan]) {
    for &c in locks {
        // SAFETY: channels in a select are live.
        unsafe { (*c).lock() };
    }
}

fn unlock_all(locks: &[*mut Chan]) {
    for &c in locks {
        // SAFETY: as above; we hold each lock.
        unsafe { (*c).unlock() };
    }
}

fn unlock_all_except(locks: &[*mut Chan], done: *mut Chan) {
    for &c in locks {
        if c != done {
            // SAFETY: as above.
            unsafe { (*c).unlock() };
        }
    }
}
