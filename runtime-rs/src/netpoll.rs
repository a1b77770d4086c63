//! The network poller: internal/poll's runtime hooks over Linux epoll (README.md "Network
//! poller").
//!
//! Every pollable descriptor gets a [`PollDesc`] and is registered once, edge-triggered, for
//! EPOLLIN | EPOLLOUT | EPOLLRDHUP. A descriptor has two wait slots, one for readers ('r') and
//! one for writers ('w'); each holds a readiness flag, the goroutine parked waiting on it (at
//! most one: internal/poll serialises readers and writers per descriptor) and a deadline.
//!
//! Driving epoll: one dedicated thread (`rog-netpoll`) blocks in `epoll_wait` for ever and, for
//! each event, sets the readiness flags of the descriptor and readies its waiters with
//! [`sched::ready_g`] (they go to the global queue, and a sleeping worker is woken). Workers never
//! poll, so idle workers keep sleeping on their condition variable and the scheduler is
//! untouched; the price is one thread and a cross-thread wake-up per event.
//!
//! Deadlines are runtime timers (sched/timer.rs) whose callback marks the slot expired and
//! readies its waiter; a deadline in the past expires the slot at once. A callback that lost a
//! race with a newer `setdeadline` sees the slot's deadline still in the future (or cleared) and
//! does nothing.
//!
//! A waiter publishes itself in its slot and releases the descriptor's lock only in its
//! `after_switch` action, once off its stack, so a waker holding the lock never resumes a
//! goroutine still running. [`waiting`] counts parked waiters: the deadlock detector does not
//! fire while any goroutine waits for I/O.
//!
//! Descriptors are never freed (epoll may still report an event for a closed one); closed ones
//! are reused, and the event's data word carries a 16-bit generation beside the pointer, so an
//! event meant for an earlier use of a reused descriptor is ignored.

use crate::sched::{self, timer::Timer, G};
use core::cell::UnsafeCell;
use core::sync::atomic::{AtomicI32, AtomicI64, AtomicU32, Ordering::SeqCst};
use std::sync::{Mutex, Once};

/// internal/poll's results of pollWait and pollReset.
pub const OK: i64 = 0;
pub const ERR_CLOSING: i64 = 1;
pub const ERR_TIMEOUT: i64 = 2;
pub const ERR_NOT_POLLABLE: i64 = 3;

const SYS_EPOLL_WAIT: i64 = 232;
const SYS_EPOLL_CTL: i64 = 233;
const SYS_EPOLL_CREATE1: i64 = 291;
const EPOLL_CTL_ADD: i64 = 1;
const EPOLL_CTL_DEL: i64 = 2;
const EPOLL_CLOEXEC: i64 = 0o2000000;
const EPOLLIN: u32 = 0x1;
const EPOLLOUT: u32 = 0x4;
const EPOLLERR: u32 = 0x8;
const EPOLLHUP: u32 = 0x10;
const EPOLLRDHUP: u32 = 0x2000;
const EPOLLET: u32 = 1 << 31;
const EINTR: i64 = 4;

/// The kernel's `struct epoll_event` (packed on x86-64).
#[repr(C, packed)]
#[derive(Clone, Copy)]
struct EpollEvent {
    events: u32,
    data: u64,
}

const READ: usize = 0;
const WRITE: usize = 1;

/// One wait slot of a descriptor.
struct Slot {
    /// An event arrived since the last reset/consumption.
    ready: bool,
    /// The goroutine parked on this slot, or null.
    waiter: *mut G,
    /// 0: none; < 0: expired; > 0: monotonic ns when it expires.
    deadline: i64,
    timer: Timer,
}

struct State {
    fd: i32,
    /// Bumped on every reuse (the low 16 bits tag epoll's data word).
    generation: u64,
    /// pollUnblock was called: waits fail with ERR_CLOSING.
    closing: bool,
    /// epoll reported EPOLLERR.
    everr: bool,
    slots: [Slot; 2],
}

/// A poll descriptor: the state behind a spin lock. Lives for ever.
pub struct PollDesc {
    lock: AtomicU32,
    state: UnsafeCell<State>,
}

// SAFETY: `state` is only touched under `lock`.
unsafe impl Sync for PollDesc {}

static INIT: Once = Once::new();
static EPFD: AtomicI32 = AtomicI32::new(-1);
static FREE: Mutex<Vec<usize>> = Mutex::new(Vec::new());
static WAITING: AtomicI64 = AtomicI64::new(0);

/// Goroutines parked in [`wait`] (the deadlock detector's exception).
pub fn waiting() -> i64 {
    WAITING.load(SeqCst)
}

fn raw(trap: i64, a1: i64, a2: i64, a3: i64, a4: i64) -> i64 {
    // SAFETY: epoll system calls with arguments the callers check.
    unsafe { sched::syscall::raw6(trap, a1, a2, a3, a4, 0, 0) }
}

impl PollDesc {
    #[allow(clippy::mut_from_ref)] // exclusive through the spin lock
    fn lock(&self) -> &mut State {
        crate::sema::spin_lock(&self.lock);
        // SAFETY: the lock is held until `unlock`.
        unsafe { &mut *self.state.get() }
    }

    fn unlock(&self) {
        crate::sema::spin_unlock(&self.lock);
    }
}

/// The slots a mode names: 'r', 'w' or 'r'+'w'.
fn slots_of(mode: i64) -> &'static [usize] {
    match mode {
        0x72 => &[READ],
        0x77 => &[WRITE],
        _ => &[READ, WRITE],
    }
}

/// `runtime_pollServerInit`: creates the epoll instance and starts the poller thread (once).
pub fn init() {
    INIT.call_once(|| {
        let fd = raw(SYS_EPOLL_CREATE1, EPOLL_CLOEXEC, 0, 0, 0);
        if fd < 0 {
            crate::panic::fatal("runtime: epoll_create1 failed");
        }
        EPFD.store(fd as i32, SeqCst);
        std::thread::Builder::new()
            .name("rog-netpoll".into())
            .stack_size(256 << 10)
            .spawn(poller)
            .unwrap_or_else(|_| crate::panic::fatal("cannot start the network poller thread"));
    });
}

fn new_slot(s: usize, pd: usize) -> Slot {
    Slot {
        ready: false,
        waiter: core::ptr::null_mut(),
        deadline: 0,
        timer: Timer {
            when: 0,
            period: 0,
            func: core::ptr::null_mut(),
            g: core::ptr::null_mut(),
            seq: 0,
            active: false,
            weak: false,
            callback: Some(deadline_fired),
            arg: pd | s,
            bubble: 0,
        },
    }
}

/// `runtime_pollOpen(fd)`: registers fd; returns its descriptor, or -errno.
pub fn open(fd: i32) -> i64 {
    init();
    let reused = FREE.lock().unwrap_or_else(|e| e.into_inner()).pop();
    let pd: &'static PollDesc = match reused {
        // SAFETY: descriptors are never freed.
        Some(p) => unsafe { &*(p as *const PollDesc) },
        None => {
            let pd: &'static PollDesc = Box::leak(Box::new(PollDesc {
                lock: AtomicU32::new(0),
                state: UnsafeCell::new(State {
                    fd: -1,
                    generation: 0,
                    closing: false,
                    everr: false,
                    slots: [new_slot(0, 0), new_slot(1, 0)],
                }),
            }));
            let st = pd.lock();
            for (i, s) in st.slots.iter_mut().enumerate() {
                s.timer.arg = pd as *const PollDesc as usize | i;
            }
            pd.unlock();
            pd
        }
    };
    let addr = pd as *const PollDesc as usize;
    let st = pd.lock();
    st.fd = fd;
    st.generation += 1;
    st.closing = false;
    st.everr = false;
    for s in st.slots.iter_mut() {
        s.ready = false;
        s.waiter = core::ptr::null_mut();
        s.deadline = 0;
    }
    let tag = (st.generation & 0xffff) << 48;
    pd.unlock();
    let mut ev = EpollEvent { events: EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET, data: addr as u64 | tag };
    let r = raw(SYS_EPOLL_CTL, EPFD.load(SeqCst) as i64, EPOLL_CTL_ADD, fd as i64, &mut ev as *mut _ as i64);
    if r < 0 {
        FREE.lock().unwrap_or_else(|e| e.into_inner()).push(addr);
        return r;
    }
    addr as i64
}

/// `runtime_pollClose`: unregisters the descriptor (internal/poll has unblocked it and no
/// goroutine waits on it any more) and keeps it for reuse.
///
/// # Safety
/// pd comes from [`open`] and is not used afterwards.
pub unsafe fn close(pd: *const PollDesc) {
    let pd = &*pd;
    let st = pd.lock();
    let fd = st.fd;
    st.fd = -1;
    st.generation += 1;
    for s in st.slots.iter_mut() {
        sched::timer::stop(&mut s.timer);
        s.deadline = 0;
    }
    pd.unlock();
    let mut ev = EpollEvent { events: 0, data: 0 };
    raw(SYS_EPOLL_CTL, EPFD.load(SeqCst) as i64, EPOLL_CTL_DEL, fd as i64, &mut ev as *mut _ as i64);
    FREE.lock().unwrap_or_else(|e| e.into_inner()).push(pd as *const PollDesc as usize);
}

/// internal/poll's netpollcheckerr: why a wait in `slot` cannot succeed, or OK.
fn check_err(st: &State, slot: usize) -> i64 {
    if st.closing {
        return ERR_CLOSING;
    }
    if st.slots[slot].deadline < 0 {
        return ERR_TIMEOUT;
    }
    if slot == READ && st.everr {
        return ERR_NOT_POLLABLE;
    }
    OK
}

/// `runtime_pollReset`: before an I/O attempt, forgets an earlier readiness.
///
/// # Safety
/// pd comes from [`open`].
pub unsafe fn reset(pd: *const PollDesc, mode: i64) -> i64 {
    let pd = &*pd;
    let st = pd.lock();
    let mut err = OK;
    for &s in slots_of(mode) {
        err = check_err(st, s);
        if err != OK {
            break;
        }
        st.slots[s].ready = false;
    }
    pd.unlock();
    err
}

/// `runtime_pollWait`: parks until the descriptor is ready for `mode`, closed or past its
/// deadline; returns OK or the error code.
///
/// # Safety
/// pd comes from [`open`]; called by a goroutine.
pub unsafe fn wait(pd: *const PollDesc, mode: i64) -> i64 {
    let s = if mode == 0x77 { WRITE } else { READ };
    let pdr = &*pd;
    loop {
        let st = pdr.lock();
        let err = check_err(st, s);
        if err != OK {
            pdr.unlock();
            return err;
        }
        if st.slots[s].ready {
            st.slots[s].ready = false;
            pdr.unlock();
            return OK;
        }
        st.slots[s].waiter = sched::current_g();
        WAITING.fetch_add(1, SeqCst);
        sched::park("IO wait", unlock_after_park, pd as usize);
    }
}

fn unlock_after_park(_g: *mut G, pd: usize) {
    // SAFETY: pd is the descriptor the goroutine parked on.
    unsafe { (*(pd as *const PollDesc)).unlock() };
}

/// Readies slot s's waiter, if any. Called with the lock held.
fn wake(st: &mut State, s: usize) {
    let g = core::mem::replace(&mut st.slots[s].waiter, core::ptr::null_mut());
    if !g.is_null() {
        sched::ready_g(g);
        WAITING.fetch_sub(1, SeqCst);
    }
}

/// `runtime_pollSetDeadline`: `d` is relative (ns); 0 clears, < 0 is already past.
///
/// # Safety
/// pd comes from [`open`].
pub unsafe fn set_deadline(pd: *const PollDesc, d: i64, mode: i64) {
    let pd = &*pd;
    let mut when = d;
    if d > 0 {
        when = crate::sys::nanotime().saturating_add(d);
    }
    let st = pd.lock();
    if st.closing {
        pd.unlock();
        return;
    }
    for &s in slots_of(mode) {
        let slot = &mut st.slots[s];
        slot.deadline = when;
        if when > 0 {
            slot.timer.when = when;
            sched::timer::add(&mut slot.timer);
        } else {
            sched::timer::stop(&mut slot.timer);
            if when < 0 {
                wake(st, s);
            }
        }
    }
    pd.unlock();
}

/// A deadline timer fired: `arg` is the descriptor's address with the slot in bit 0.
fn deadline_fired(arg: usize) {
    let pd = (arg & !1) as *const PollDesc;
    let s = arg & 1;
    // SAFETY: descriptors live for ever.
    let pd = unsafe { &*pd };
    let st = pd.lock();
    let d = st.slots[s].deadline;
    if d > 0 && d <= crate::sys::nanotime() {
        st.slots[s].deadline = -1;
        wake(st, s);
    }
    pd.unlock();
}

/// `runtime_pollUnblock`: the descriptor is being closed; every wait fails with ERR_CLOSING.
///
/// # Safety
/// pd comes from [`open`].
pub unsafe fn unblock(pd: *const PollDesc) {
    let pd = &*pd;
    let st = pd.lock();
    st.closing = true;
    for s in [READ, WRITE] {
        sched::timer::stop(&mut st.slots[s].timer);
        wake(st, s);
    }
    pd.unlock();
}

/// `runtime_isPollServerDescriptor`: whether fd is the poller's own.
pub fn is_poller_fd(fd: i64) -> bool {
    fd >= 0 && fd == EPFD.load(SeqCst) as i64
}

/// The poller thread: waits for events for ever and readies the goroutines waiting on them.
fn poller() {
    let epfd = EPFD.load(SeqCst) as i64;
    let mut events = [EpollEvent { events: 0, data: 0 }; 128];
    loop {
        let n = raw(SYS_EPOLL_WAIT, epfd, events.as_mut_ptr() as i64, events.len() as i64, -1);
        if n == -EINTR {
            continue;
        }
        if n < 0 {
            crate::panic::fatal("runtime: epoll_wait failed");
        }
        for ev in &events[..n as usize] {
            let (bits, data) = (ev.events, ev.data);
            let pd = (data & ((1 << 48) - 1)) as *const PollDesc;
            // SAFETY: descriptors live for ever.
            let pd = unsafe { &*pd };
            let st = pd.lock();
            if st.generation & 0xffff == data >> 48 {
                if bits & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR) != 0 {
                    st.slots[READ].ready = true;
                    wake(st, READ);
                }
                if bits & (EPOLLOUT | EPOLLHUP | EPOLLERR) != 0 {
                    st.slots[WRITE].ready = true;
                    wake(st, WRITE);
                }
                if bits & EPOLLERR != 0 {
                    st.everr = true;
                }
            }
            pd.unlock();
        }
    }
}
