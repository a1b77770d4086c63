//! Goroutines and the M:N scheduler.
//!
//! GOMAXPROCS workers, each an OS thread with its own run queue; the main thread is worker 0.
//! A worker runs its scheduler loop on its thread stack (the "g0" context) and switches to a
//! goroutine's stack to run it; a goroutine that blocks, yields or exits switches back to g0,
//! which then performs the goroutine's `after_switch` action (publishing it to a wait queue's
//! owner, re-queueing it, freeing it). Doing that action only once the goroutine's stack is no
//! longer in use is what makes it safe for another worker to resume it at once.
//!
//! Finding work: the local queue, then the global queue, then stealing half of another worker's
//! queue, then timers; a worker with nothing to do sleeps on a condition variable (with a timeout
//! when a timer is pending). When every worker sleeps, no timer is pending and no goroutine is in
//! a system call or waits on the network poller (crate::netpoll), the program is deadlocked
//! (gc's `all goroutines are asleep`).
//!
//! Workers and threads: a [`Worker`] is gc's P (run queue, allocation cache, state); an [`M`] is
//! an OS thread (its scheduler context and the goroutine it runs). A thread holds at most one
//! worker; normally each worker stays with its thread for the whole run. The exception is a
//! blocking system call (syscall.rs): the monitor hands the worker of a thread stuck in one to a
//! spare thread, and the thread coming back without a worker queues its goroutine globally and
//! becomes a spare itself.
//!
//! Worker states (`Worker::state`), used by stop-the-world: RUNNING (executing the scheduler or a
//! goroutine), IDLE (asleep in the scheduler), SYSCALL (its thread's goroutine is in a blocking
//! call), HANDOFF (taken from a thread in a system call, being given to a spare thread), STOPPED
//! (parked for a collection). Only the worker's thread leaves STOPPED, once the stop request is
//! withdrawn. Whoever moves a worker out of SYSCALL by compare-and-swap owns it.
//!
//! Thread-local state is read only through the non-inlined [`worker`] accessor: a goroutine can
//! migrate between threads across any call that blocks, and LLVM assumes a thread-local address
//! is constant within a function.

pub mod bubble;
pub mod context;
pub mod preempt;
pub mod stack;
pub mod syscall;
pub mod timer;

use context::*;
use stack::Stack;
use std::cell::Cell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU32, AtomicUsize, Ordering::*};
use std::sync::{Condvar, Mutex};

pub const RUNNING: u32 = 0;
pub const IDLE: u32 = 1;
pub const SYSCALL: u32 = 2;
pub const STOPPED: u32 = 3;
pub const HANDOFF: u32 = 4;

/// Goroutine status values.
pub mod gstatus {
    pub const RUNNABLE: u32 = 1;
    pub const RUNNING: u32 = 2;
    pub const WAITING: u32 = 3;
    pub const SYSCALL: u32 = 4;
    pub const DEAD: u32 = 5;
}

/// A goroutine.
pub struct G {
    pub id: i64,
    /// Saved stack pointer while not running; also the low end of the conservative stack scan
    /// while stopped for a collection or in a system call.
    pub sp: usize,
    pub stack: Stack,
    pub status: AtomicU32,
    /// Why it waits (`chan receive`, `select`, `sleep`, ...), for deadlock reports.
    pub wait_reason: &'static str,
    /// The Go `func()` value it runs.
    pub entry: *mut u8,
    /// Wake-up information from whoever readied it (channel operations use it).
    pub param: usize,
    /// For select: set by the first case to fire, so others leave it alone.
    pub select_done: AtomicU32,
    /// Innermost defer record and panic (see crate::unwind).
    pub defers: *mut u8,
    pub panics: *mut u8,
    /// Lowest sp seen, for releasing deep stacks.
    pub low_water: usize,
    /// The last synchronous signal: (signal, code, fault address, pc), for its panic.
    pub sig: [usize; 4],
    /// The stack trace captured when its latest panic started (printed if it is fatal).
    pub trace: Option<crate::traceback::Trace>,
    /// The return addresses of the stack its latest panic started on, outermost last, with the
    /// frames of an earlier panic it started in spliced in (abi/trace.rs): what
    /// `runtime.Callers` shows below a deferred call that panicking runs, as gc shows it.
    pub panic_pcs: Vec<usize>,
    /// No longer counted by `runtime.NumGoroutine` (`rog_uncount_goroutine`): a coroutine's
    /// goroutine that has handed its caller the baton for the last time, as gc's coroexit
    /// ends it at once.
    pub uncounted: bool,
    /// The synctest bubble it belongs to (bubble.rs), or null: almost every goroutine's, so the
    /// scheduler's bubble accounting costs a null check.
    pub bubble: *mut bubble::Bubble,
    /// Parked durably blocked in its bubble: counted out of the bubble's running goroutines
    /// until it is readied.
    pub durable: bool,
    /// `debug.SetPanicOnFault(true)` in effect: a fault at an address that is not nil's
    /// panics instead of killing the program.
    pub panic_on_fault: bool,
}

/// A worker (gc's P): the right to run goroutines, with its run queue and allocation cache.
pub struct Worker {
    pub id: usize,
    pub state: AtomicU32,
    runq: Mutex<VecDeque<*mut G>>,
    /// A goroutine readied by this worker's running goroutine (a channel partner): run next,
    /// before the queue, without waking another worker for it (gc's runnext). 0: none.
    runnext: AtomicUsize,
    /// Preemption requested for the running goroutine (set by the monitor thread).
    pub preempt: AtomicBool,
    /// True while a goroutine runs on this worker. A worker looking for work has nothing to
    /// preempt: a request left on it would keep the safepoint word raised for everyone.
    pub busy: AtomicBool,
    /// Incremented on every goroutine switch; the monitor compares it to find long runners.
    pub schedtick: AtomicUsize,
    /// Incremented on every system call entry; the monitor compares it to find long calls.
    pub syscalltick: AtomicUsize,
    pub cache: crate::gc::cache::Cache,
}

// SAFETY: the cache is touched only by the owning thread (or under stop-the-world).
unsafe impl Sync for Worker {}

/// A thread running goroutines (gc's M). Lives forever.
pub struct M {
    /// The scheduler context's saved stack pointer while a goroutine runs.
    g0_sp: Cell<usize>,
    pub current: Cell<*mut G>,
    after_switch: Cell<Option<(fn(*mut G, usize), usize)>>,
    /// The bubble of a goroutine that just parked: once its `after_switch` action has run, the
    /// bubble may count it as blocked (bubble.rs, [`bubble::Bubble::after_park`]).
    parked_bubble: Cell<*mut bubble::Bubble>,
    /// A worker handed to this thread while it waits as a spare (a `*const Worker`, 0: none).
    handed: Mutex<usize>,
    handed_cv: Condvar,
}

// SAFETY: the Cells are touched only by the thread itself; `handed` is behind its lock.
unsafe impl Sync for M {}

struct Idle {
    sleeping: usize,
}

static WORKERS: AtomicUsize = AtomicUsize::new(0);
static NWORKERS: AtomicUsize = AtomicUsize::new(0);
static GLOBAL_Q: Mutex<VecDeque<usize>> = Mutex::new(VecDeque::new());
static IDLE_LOCK: Mutex<Idle> = Mutex::new(Idle { sleeping: 0 });
static IDLE_CV: Condvar = Condvar::new();
static NEXT_GOID: AtomicI64 = AtomicI64::new(1);
/// Live goroutines (gc's runtime.NumGoroutine).
pub static NGOROUTINES: AtomicI64 = AtomicI64::new(0);
/// Goroutines inside blocking system calls.
pub static NSYSCALL: AtomicI64 = AtomicI64::new(0);
/// Threads without a worker, waiting for one (`*const M`).
static SPARE_MS: Mutex<Vec<usize>> = Mutex::new(Vec::new());
/// Every goroutine ever created (dead ones are reused), for the collector's root scan.
pub static ALLGS: Mutex<Vec<usize>> = Mutex::new(Vec::new());
static FREE_GS: Mutex<Vec<usize>> = Mutex::new(Vec::new());

// The calling thread's worker, in a thread-local word read with inline assembly: the asm is
// opaque to LLVM, so the read is never merged with one made before a goroutine switch (which may
// have moved the goroutine to another thread). Local-exec TLS: the runtime is always linked
// into the executable.
core::arch::global_asm!(
    ".section .tbss,\"awT\",@nobits",
    ".p2align 3",
    ".globl rog_tls_worker",
    ".type rog_tls_worker,@object",
    ".size rog_tls_worker, 8",
    "rog_tls_worker:",
    ".zero 8",
    ".globl rog_tls_m",
    ".type rog_tls_m,@object",
    ".size rog_tls_m, 8",
    "rog_tls_m:",
    ".zero 8",
    ".text",
);

/// The worker the calling thread runs (null on threads that are not workers).
#[inline(always)]
pub fn worker() -> *const Worker {
    let w: *const Worker;
    // SAFETY: reads this thread's rog_tls_worker word.
    unsafe {
        core::arch::asm!("mov {}, qword ptr fs:[rog_tls_worker@TPOFF]", out(reg) w,
            options(nostack, readonly, preserves_flags));
    }
    w
}

fn set_worker(w: *const Worker) {
    // SAFETY: writes this thread's rog_tls_worker word.
    unsafe {
        core::arch::asm!("mov qword ptr fs:[rog_tls_worker@TPOFF], {}", in(reg) w,
            options(nostack, preserves_flags));
    }
}

/// The calling thread's M (null on threads that do not run goroutines).
#[inline(always)]
pub fn this_m() -> *const M {
    let m: *const M;
    // SAFETY: reads this thread's rog_tls_m word.
    unsafe {
        core::arch::asm!("mov {}, qword ptr fs:[rog_tls_m@TPOFF]", out(reg) m,
            options(nostack, readonly, preserves_flags));
    }
    m
}

fn set_m(m: *const M) {
    // SAFETY: writes this thread's rog_tls_m word.
    unsafe {
        core::arch::asm!("mov qword ptr fs:[rog_tls_m@TPOFF], {}", in(reg) m,
            options(nostack, preserves_flags));
    }
}

/// Lets the calling thread give up its worker (system call hand-off).
pub(crate) fn drop_worker() {
    set_worker(core::ptr::null());
}

/// The running goroutine (null outside goroutines).
pub fn current_g() -> *mut G {
    let m = this_m();
    if m.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: Ms live forever.
    unsafe { (*m).current.get() }
}

/// The id of the running goroutine (1 for main, 0 outside goroutines).
pub fn current_goid() -> i64 {
    let g = current_g();
    if g.is_null() {
        0
    } else {
        // SAFETY: the running goroutine is live.
        unsafe { (*g).id }
    }
}

/// All workers.
pub fn workers() -> &'static [Worker] {
    let p = WORKERS.load(Acquire) as *const Worker;
    if p.is_null() {
        return &[];
    }
    // SAFETY: the worker array is leaked at start-up and never changes.
    unsafe { core::slice::from_raw_parts(p, NWORKERS.load(Acquire)) }
}

/// GOMAXPROCS: the `GOMAXPROCS` environment variable, else the CPU count.
fn gomaxprocs() -> usize {
    if let Some(v) = crate::sys::env(b"GOMAXPROCS\0") {
        if let Ok(n) = std::str::from_utf8(v).unwrap_or("").parse::<usize>() {
            if n > 0 {
                return n.min(256);
            }
        }
    }
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

/// Number of workers.
pub fn nworkers() -> usize {
    NWORKERS.load(Acquire)
}

/// Creates the workers, runs `main` as goroutine 1 on the calling (main) thread, and never
/// returns: the program ends by `exit`.
pub fn start(main: *mut u8) -> ! {
    let n = gomaxprocs();
    let ws: Vec<Worker> = (0..n)
        .map(|id| Worker {
            id,
            state: AtomicU32::new(RUNNING),
            runq: Mutex::new(VecDeque::new()),
            runnext: AtomicUsize::new(0),
            preempt: AtomicBool::new(false),
            busy: AtomicBool::new(false),
            schedtick: AtomicUsize::new(0),
            syscalltick: AtomicUsize::new(0),
            cache: crate::gc::cache::Cache::new(),
        })
        .collect();
    let ws = Box::leak(ws.into_boxed_slice());
    NWORKERS.store(n, Release);
    WORKERS.store(ws.as_ptr() as usize, Release);

    let g = new_g(main, stack::alloc_main());
    push_local(&ws[0], g);
    for w in ws.iter().skip(1) {
        start_thread(w);
    }
    preempt::start_monitor();
    thread_main(&ws[0])
}

/// Starts a new thread running goroutines with worker w.
pub(crate) fn start_thread(w: &'static Worker) {
    std::thread::Builder::new()
        .name(format!("rog-worker-{}", w.id))
        .stack_size(1 << 20)
        .spawn(move || thread_main(w))
        .unwrap_or_else(|_| crate::panic::fatal("cannot start worker thread"));
}

fn new_m() -> &'static M {
    Box::leak(Box::new(M {
        g0_sp: Cell::new(0),
        current: Cell::new(core::ptr::null_mut()),
        after_switch: Cell::new(None),
        parked_bubble: Cell::new(core::ptr::null_mut()),
        handed: Mutex::new(0),
        handed_cv: Condvar::new(),
    }))
}

fn thread_main(w: &'static Worker) -> ! {
    set_m(new_m());
    set_worker(w);
    w.state.store(RUNNING, SeqCst);
    crate::signal::init_thread();
    schedule_loop()
}

/// Gives worker w (in state HANDOFF) to a spare thread, starting one if none waits.
pub(crate) fn hand_off(w: &'static Worker) {
    let spare = SPARE_MS.lock().unwrap_or_else(|e| e.into_inner()).pop();
    match spare {
        Some(m) => {
            let m = m as *const M;
            // SAFETY: Ms live forever.
            let m = unsafe { &*m };
            *m.handed.lock().unwrap_or_else(|e| e.into_inner()) = w as *const Worker as usize;
            m.handed_cv.notify_one();
        }
        None => start_thread(w),
    }
}

/// A thread without a worker waits until [`hand_off`] gives it one.
fn wait_for_worker(m: &M) -> &'static Worker {
    SPARE_MS.lock().unwrap_or_else(|e| e.into_inner()).push(m as *const M as usize);
    let mut h = m.handed.lock().unwrap_or_else(|e| e.into_inner());
    while *h == 0 {
        h = m.handed_cv.wait(h).unwrap_or_else(|e| e.into_inner());
    }
    let w = core::mem::take(&mut *h) as *const Worker;
    // SAFETY: workers live forever.
    unsafe { &*w }
}

fn new_g(entry: *mut u8, stack: Stack) -> *mut G {
    let g = Box::into_raw(Box::new(G {
        id: NEXT_GOID.fetch_add(1, Relaxed),
        sp: 0,
        stack,
        status: AtomicU32::new(gstatus::RUNNABLE),
        wait_reason: "",
        entry,
        param: 0,
        select_done: AtomicU32::new(0),
        defers: core::ptr::null_mut(),
        panics: core::ptr::null_mut(),
        low_water: stack.hi,
        sig: [0; 4],
        trace: None,
        panic_pcs: Vec::new(),
        uncounted: false,
        bubble: core::ptr::null_mut(),
        durable: false,
        panic_on_fault: false,
    }));
    // SAFETY: g is fresh and its stack unused.
    unsafe { (*g).sp = init_stack(stack.hi, g as usize) };
    ALLGS.lock().unwrap_or_else(|e| e.into_inner()).push(g as usize);
    NGOROUTINES.fetch_add(1, SeqCst);
    g
}

/// `go f()`: starts a goroutine running the func value `f`. It joins the bubble of the
/// goroutine that starts it, if any (a timer's goroutine started by a bubble's root joins it).
pub fn newproc(f: *mut u8) {
    let g = make_g(f);
    let cur = current_g();
    // SAFETY: cur is the running goroutine (or null on a scheduler); g is not yet runnable.
    unsafe {
        if !cur.is_null() && !(*cur).bubble.is_null() {
            bubble::join((*cur).bubble, g, false);
        }
    }
    ready_g(g);
}

/// Starts a runtime goroutine (the finalizer goroutine) that `runtime.NumGoroutine` does not
/// count, as gc does not count its system goroutines. It must never exit.
pub fn newproc_system(f: *mut u8) -> *mut G {
    let g = make_g(f);
    ready_g(g);
    NGOROUTINES.fetch_sub(1, SeqCst);
    g
}

/// A new goroutine (or a dead one reused) that will run `f`, counted but not yet queued.
pub(crate) fn make_g(f: *mut u8) -> *mut G {
    let reused = FREE_GS.lock().unwrap_or_else(|e| e.into_inner()).pop();
    match reused {
        Some(g) => {
            let g = g as *mut G;
            // SAFETY: a dead G from the free list is owned by nobody else.
            unsafe {
                (*g).id = NEXT_GOID.fetch_add(1, Relaxed);
                (*g).entry = f;
                (*g).param = 0;
                (*g).defers = core::ptr::null_mut();
                (*g).panics = core::ptr::null_mut();
                (*g).trace = None;
                (*g).uncounted = false;
                (*g).bubble = core::ptr::null_mut();
                (*g).durable = false;
                (*g).stack = stack::alloc();
                (*g).low_water = (*g).stack.hi;
                (*g).sp = init_stack((*g).stack.hi, g as usize);
                (*g).status.store(gstatus::RUNNABLE, SeqCst);
            }
            NGOROUTINES.fetch_add(1, SeqCst);
            g
        }
        None => new_g(f, stack::alloc()),
    }
}

/// Runs in the trampoline on a new goroutine's stack. Exported (not internal) because assembly
/// refers to it: see `start.rs` on why no internal symbol may be referenced from assembly.
#[export_name = "rog_goroutine_entry"]
pub(crate) extern "C-unwind" fn goroutine_entry(g: *mut G) {
    // SAFETY: g is the goroutine now running; its entry is a func value.
    unsafe { rog_call_closure0((*g).entry) };
    goexit()
}

/// Ends the running goroutine (its function returned, or runtime.Goexit finished).
pub fn goexit() -> ! {
    let g = current_g();
    // SAFETY: g is the running goroutine.
    if !unsafe { (*g).uncounted } {
        NGOROUTINES.fetch_sub(1, SeqCst);
    }
    switch_out(g, after_exit, 0);
    unreachable!("a dead goroutine was resumed")
}

fn after_exit(g: *mut G, _: usize) {
    // SAFETY: g has switched out for the last time; nothing else refers to it.
    unsafe {
        if !(*g).bubble.is_null() {
            bubble::exited(g);
        }
        (*g).status.store(gstatus::DEAD, SeqCst);
        stack::free((*g).stack, (*g).low_water);
        (*g).entry = core::ptr::null_mut();
    }
    FREE_GS.lock().unwrap_or_else(|e| e.into_inner()).push(g as usize);
}

/// Makes g runnable on the current worker's queue (or the global one) and wakes a sleeper.
pub fn ready_g(g: *mut G) {
    // SAFETY: g is a live goroutine that is not running.
    unsafe {
        if (*g).durable {
            bubble::unblocked(g);
        }
        (*g).status.store(gstatus::RUNNABLE, SeqCst);
    }
    let w = worker();
    if w.is_null() {
        GLOBAL_Q.lock().unwrap_or_else(|e| e.into_inner()).push_back(g as usize);
    } else {
        // SAFETY: workers live forever.
        let w = unsafe { &*w };
        if !current_g().is_null() {
            // Readied by a running goroutine, which typically blocks soon: g runs next here.
            // Nobody is woken for it; the monitor wakes a sleeper if it waits a whole tick.
            let old = w.runnext.swap(g as usize, SeqCst);
            if old == 0 {
                return;
            }
            push_local(w, old as *mut G);
        } else {
            push_local(w, g);
        }
    }
    wake_one();
}

/// Monitor: wakes a sleeping worker if some goroutine waits in a queue or a runnext slot.
pub(crate) fn wake_if_waiting() {
    if workers().iter().any(|v| v.runnext.load(Relaxed) != 0) || has_work() {
        wake_one();
    }
}

fn push_local(w: &Worker, g: *mut G) {
    w.runq.lock().unwrap_or_else(|e| e.into_inner()).push_back(g);
}

fn wake_one() {
    if NSPINNING.load(SeqCst) > 0 {
        return;
    }
    let idle = IDLE_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    if idle.sleeping > 0 {
        IDLE_CV.notify_one();
    }
}

/// Wakes every sleeping worker (timers changed, the world restarted).
pub fn wake_all() {
    let _idle = IDLE_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    IDLE_CV.notify_all();
}

/// Suspends the running goroutine g and switches to its worker's scheduler, which then calls
/// `then(g, arg)` once g's stack is free. Returns when someone resumes g.
pub fn switch_out(g: *mut G, then: fn(*mut G, usize), arg: usize) {
    let m = this_m();
    // SAFETY: called on a goroutine stack of thread m; g is m's current goroutine.
    unsafe {
        let m = &*m;
        m.after_switch.set(Some((then, arg)));
        let sp_slot = core::ptr::addr_of_mut!((*g).sp);
        rog_swapctx(sp_slot, m.g0_sp.get());
        let g = current_g();
        if (*g).sp < (*g).low_water {
            (*g).low_water = (*g).sp;
        }
    }
}

/// Blocks the running goroutine: it sleeps with `reason` until [`ready_g`] is called on it.
/// `then(g, arg)` runs on the scheduler after the switch; typically it releases the lock that
/// protects the wait queue g was put on. In a synctest bubble, the reason says whether g is
/// durably blocked ([`bubble::durable`]).
pub fn park(reason: &'static str, then: fn(*mut G, usize), arg: usize) {
    let g = current_g();
    // SAFETY: g is running.
    let durable = unsafe { !(*g).bubble.is_null() } && bubble::durable(reason);
    park_as(g, reason, durable, then, arg);
}

/// [`park`] with the durability given: a runtime wait that a bubble must not count as blocked
/// whatever its reason reads (the runtime lock's back-off sleep).
pub fn park_as(g: *mut G, reason: &'static str, durable: bool, then: fn(*mut G, usize), arg: usize) {
    // SAFETY: g is running.
    unsafe {
        (*g).wait_reason = reason;
        let b = (*g).bubble;
        if !b.is_null() {
            (*b).parking(durable);
            (*g).durable = durable;
            (*this_m()).parked_bubble.set(b);
        }
        (*g).status.store(gstatus::WAITING, SeqCst);
    }
    switch_out(g, then, arg);
}

/// `runtime.Gosched`: puts the running goroutine at the back of the global queue.
pub fn gosched() {
    let g = current_g();
    if g.is_null() {
        return;
    }
    switch_out(g, requeue_global, 0);
}

fn requeue_global(g: *mut G, _: usize) {
    // SAFETY: g just switched out.
    unsafe { (*g).status.store(gstatus::RUNNABLE, SeqCst) };
    GLOBAL_Q.lock().unwrap_or_else(|e| e.into_inner()).push_back(g as usize);
}

/// A thread's scheduler loop, on its thread stack. The worker is read afresh after every
/// switch: the thread may have lost it in a system call meanwhile.
fn schedule_loop() -> ! {
    // SAFETY: thread_main set this thread's M; Ms live forever.
    let m = unsafe { &*this_m() };
    loop {
        let mut w = worker();
        if w.is_null() {
            let got = wait_for_worker(m);
            got.state.store(RUNNING, SeqCst);
            set_worker(got);
            w = got;
        }
        // SAFETY: workers live forever.
        let w: &'static Worker = unsafe { &*w };
        crate::gc::stw::check_stop(w);
        let g = find_runnable(w);
        w.schedtick.fetch_add(1, Relaxed);
        w.preempt.store(false, Relaxed);
        w.busy.store(true, SeqCst);
        m.current.set(g);
        // SAFETY: g is runnable and owned by this thread now; its sp is a suspended context.
        unsafe {
            (*g).status.store(gstatus::RUNNING, SeqCst);
            let g0 = m.g0_sp.as_ptr();
            rog_swapctx(g0, (*g).sp);
        }
        m.current.set(core::ptr::null_mut());
        w.busy.store(false, SeqCst);
        w.preempt.store(false, SeqCst);
        if let Some((f, arg)) = m.after_switch.take() {
            let b = m.parked_bubble.replace(core::ptr::null_mut());
            f(g, arg);
            if !b.is_null() {
                // SAFETY: the parked goroutine's bubble stays alive while it counts as active.
                unsafe { (*b).after_park() };
            }
        }
    }
}

fn find_runnable(w: &'static Worker) -> *mut G {
    let mut spins = 0;
    loop {
        if let Some(g) = try_find(w) {
            if spins > 0 && spins <= SPIN_ROUNDS {
                NSPINNING.fetch_sub(1, SeqCst);
            }
            return g;
        }
        let next_timer = timer::run_due();
        if next_timer == 0 {
            continue;
        }
        // Look again a few times before sleeping: work often arrives within microseconds, and a
        // spinning worker spares the readier a wake-up (wake_one skips while one spins).
        if spins < SPIN_ROUNDS {
            if spins == 0 {
                NSPINNING.fetch_add(1, SeqCst);
            }
            spins += 1;
            std::thread::yield_now();
            continue;
        }
        if spins == SPIN_ROUNDS {
            NSPINNING.fetch_sub(1, SeqCst);
        }
        sleep(w, next_timer);
        spins = 0;
    }
}

/// One look for a goroutine: runnext, the local queue, the global queue, stealing.
fn try_find(w: &'static Worker) -> Option<*mut G> {
    crate::gc::stw::check_stop(w);
    let next = w.runnext.swap(0, SeqCst);
    if next != 0 {
        return Some(next as *mut G);
    }
    if let Some(g) = w.runq.lock().unwrap_or_else(|e| e.into_inner()).pop_front() {
        return Some(g);
    }
    if let Some(g) = GLOBAL_Q.lock().unwrap_or_else(|e| e.into_inner()).pop_front() {
        return Some(g as *mut G);
    }
    steal(w)
}

/// Rounds a worker out of work looks for more before it sleeps.
const SPIN_ROUNDS: u32 = 20;
/// Workers looking for work before sleeping.
static NSPINNING: AtomicUsize = AtomicUsize::new(0);

/// Takes half of some other worker's queue.
fn steal(w: &Worker) -> Option<*mut G> {
    let ws = workers();
    let n = ws.len();
    let start = crate::fastrand::next() as usize % n.max(1);
    for i in 0..n {
        let v = &ws[(start + i) % n];
        if v.id == w.id {
            continue;
        }
        let Ok(mut q) = v.runq.try_lock() else { continue };
        let take = q.len().div_ceil(2);
        if take == 0 {
            let next = v.runnext.swap(0, SeqCst);
            if next != 0 {
                return Some(next as *mut G);
            }
            continue;
        }
        let first = q.pop_front();
        let mut mine = w.runq.lock().unwrap_or_else(|e| e.into_inner());
        for _ in 1..take {
            if let Some(g) = q.pop_front() {
                mine.push_back(g);
            }
        }
        return first;
    }
    None
}

/// Sleeps until woken or until `deadline` (monotonic ns; -1: no timer pending). Detects
/// deadlock when every worker would sleep forever (not while a goroutine waits for I/O: the
/// network poller's thread may ready it).
fn sleep(w: &'static Worker, deadline: i64) {
    let mut idle = IDLE_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    if has_work() || crate::gc::stw::stop_requested() {
        return;
    }
    idle.sleeping += 1;
    let io_wait = crate::netpoll::waiting() > 0;
    if idle.sleeping == nworkers() && deadline < 0 && NSYSCALL.load(SeqCst) == 0 && !io_wait {
        drop(idle);
        deadlock();
    }
    w.state.store(IDLE, SeqCst);
    idle = if deadline < 0 {
        IDLE_CV.wait(idle).unwrap_or_else(|e| e.into_inner())
    } else {
        let ns = (deadline - crate::sys::nanotime()).max(0) as u64;
        IDLE_CV
            .wait_timeout(idle, std::time::Duration::from_nanos(ns))
            .unwrap_or_else(|e| e.into_inner())
            .0
    };
    idle.sleeping -= 1;
    drop(idle);
    if w.state.compare_exchange(IDLE, RUNNING, SeqCst, SeqCst).is_err() {
        // Stopped for a collection while asleep: wait for the world to restart.
        crate::gc::stw::wait_restart(w);
    }
}

fn has_work() -> bool {
    if !GLOBAL_Q.lock().unwrap_or_else(|e| e.into_inner()).is_empty() {
        return true;
    }
    workers().iter().any(|v| {
        v.runnext.load(SeqCst) != 0 || !v.runq.lock().unwrap_or_else(|e| e.into_inner()).is_empty()
    })
}

fn deadlock() -> ! {
    crate::print::lock();
    crate::print::str("fatal error: all goroutines are asleep - deadlock!\n");
    let gs = ALLGS.lock().unwrap_or_else(|e| e.into_inner());
    for &g in gs.iter() {
        let g = g as *const G;
        // SAFETY: every G in ALLGS stays allocated.
        unsafe {
            if (*g).status.load(SeqCst) != gstatus::WAITING
                || (*g).wait_reason == crate::gc::finalizer::WAIT_REASON
            {
                continue;
            }
            crate::print::str("\ngoroutine ");
            crate::print::int((*g).id);
            crate::print::str(" [");
            crate::print::str((*g).wait_reason);
            crate::print::str("]:\n");
        }
    }
    crate::sys::exit(2)
}

/// Stops counting the running goroutine in `runtime.NumGoroutine`; it is about to exit.
pub fn uncount_goroutine() {
    let g = current_g();
    // SAFETY: g is the running goroutine; only it touches its own flag.
    unsafe {
        if !g.is_null() && !(*g).uncounted {
            (*g).uncounted = true;
            NGOROUTINES.fetch_sub(1, SeqCst);
        }
    }
}

/// `runtime.NumGoroutine`.
pub fn num_goroutine() -> i64 {
    NGOROUTINES.load(SeqCst)
}
