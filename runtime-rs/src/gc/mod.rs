//! The garbage collector: stop-the-world mark-sweep, precise on the heap, conservative on stacks.
//!
//! A cycle, run by the goroutine whose allocation crossed the goal (or that called
//! `runtime.GC`):
//! 1. take the collection lock (a goroutine that finds it taken stops at a safepoint instead);
//! 2. stop the world (stw.rs) and flush every worker's allocation cache (cache.rs);
//! 3. mark from the roots: the program's writable data segments and every live goroutine's
//!    stack from its saved stack pointer up (both conservatively: any word that points into an
//!    allocated object keeps it), goroutine entry closures and timer functions; then trace heap
//!    objects precisely through their type's pointer bitmap (mark.rs), in parallel with the
//!    stopped workers' threads (parmark.rs); then the finalizer steps (finalizer.rs);
//! 4. sweep: every span's allocation bits become its mark bits; empty spans return their pages;
//! 5. set the next goal to live × (1 + GOGC/100) (at least 4 MiB) and restart the world.
//!
//! `ROG_DEBUG=gctrace=1` prints one line per cycle; `ROG_DEBUG=gcstress=N` collects every N
//! allocations (every allocation then takes the slow path); `ROG_DEBUG=gcretain=N` prints, at
//! cycle N, the roots that keep each object with a cleanup alive (retain.rs); `GOGC` sets the
//! growth percentage (`off` disables collection).

pub mod cache;
pub mod finalizer;
pub mod heap;
pub mod mark;
pub mod memstats;
pub mod parmark;
pub mod retain;
pub mod sizeclass;
pub mod stw;

use std::sync::atomic::{AtomicI64, AtomicU64, AtomicUsize, Ordering::*};
use std::sync::Mutex;

/// Bytes allocated or claimed by caches since the last sweep plus the live bytes it found.
static HEAP_LIVE: AtomicI64 = AtomicI64::new(0);
/// Collect when HEAP_LIVE reaches this.
static NEXT_GC: AtomicI64 = AtomicI64::new(MIN_GOAL);
/// GOGC percentage; negative: off.
static GOGC: AtomicI64 = AtomicI64::new(100);
/// Completed cycles.
pub static CYCLES: AtomicU64 = AtomicU64::new(0);
/// Collect every this many allocations (0: off).
pub static GCSTRESS: AtomicUsize = AtomicUsize::new(0);
static STRESS_COUNT: AtomicUsize = AtomicUsize::new(0);
static GCTRACE: AtomicUsize = AtomicUsize::new(0);
/// `ROG_DEBUG=gcretain=N`: the cycle whose marking retain.rs reports on (0: none).
pub static GCRETAIN: AtomicU64 = AtomicU64::new(0);
static START_NS: AtomicI64 = AtomicI64::new(0);
/// Total bytes ever allocated and objects ever allocated / freed (MemStats).
pub static TOTAL_ALLOC: AtomicU64 = AtomicU64::new(0);
pub static FREES: AtomicU64 = AtomicU64::new(0);
/// `sync.Pool`'s cleanup func value (0: none), called at the start of every collection. Lives
/// in the executable's data, which is a root, so the func value stays alive.
pub static POOL_CLEANUP: AtomicUsize = AtomicUsize::new(0);
/// Collections run by `runtime.GC`.
pub static FORCED: AtomicU64 = AtomicU64::new(0);
/// Total stop-the-world pause, nanoseconds.
pub static PAUSE_TOTAL: AtomicU64 = AtomicU64::new(0);
/// Held for a whole collection.
static GC_LOCK: Mutex<()> = Mutex::new(());

const MIN_GOAL: i64 = 4 << 20;

pub fn add_live(n: usize) {
    HEAP_LIVE.fetch_add(n as i64, Relaxed);
    TOTAL_ALLOC.fetch_add(n as u64, Relaxed);
}

pub fn sub_live(n: usize) {
    HEAP_LIVE.fetch_sub(n as i64, Relaxed);
    TOTAL_ALLOC.fetch_sub(n as u64, Relaxed);
}

/// Current heap bytes in use (approximate between cycles).
pub fn heap_live() -> i64 {
    HEAP_LIVE.load(Relaxed)
}

/// The current goal.
pub fn next_gc() -> i64 {
    NEXT_GC.load(Relaxed)
}

/// Reads GOGC and ROG_DEBUG; reserves the heap.
pub fn init() {
    heap::init();
    mark::init_data_roots();
    START_NS.store(crate::sys::nanotime(), Relaxed);
    if let Some(v) = crate::sys::env(b"GOGC\0") {
        if v == b"off" {
            GOGC.store(-1, Relaxed);
        } else if let Some(n) = parse(v) {
            GOGC.store(n as i64, Relaxed);
        }
    }
    if let Some(v) = crate::sys::env(b"ROG_DEBUG\0") {
        for item in v.split(|&c| c == b',') {
            let mut kv = item.splitn(2, |&c| c == b'=');
            let (k, val) = (kv.next().unwrap_or(b""), kv.next().and_then(parse).unwrap_or(0));
            match k {
                b"gctrace" => GCTRACE.store(val, Relaxed),
                b"gcstress" => GCSTRESS.store(val, Relaxed),
                b"gcretain" => GCRETAIN.store(val as u64, Relaxed),
                b"mprotectguard" => {
                    crate::sched::stack::MPROTECT_GUARDS.store(val == 1, Relaxed)
                }
                _ => {}
            }
        }
    }
}

fn parse(v: &[u8]) -> Option<usize> {
    std::str::from_utf8(v).ok()?.parse().ok()
}

/// The GOGC percentage (negative: off).
pub fn gc_percent() -> i64 {
    GOGC.load(Relaxed)
}

/// `debug.SetGCPercent`: sets GOGC, returns the old value.
pub fn set_gc_percent(p: i64) -> i64 {
    let old = GOGC.swap(if p < 0 { -1 } else { p }, SeqCst);
    NEXT_GC.store(goal(HEAP_LIVE.load(Relaxed)), SeqCst);
    old
}

fn goal(live: i64) -> i64 {
    let gogc = GOGC.load(Relaxed);
    if gogc < 0 {
        return i64::MAX;
    }
    (live + live * gogc / 100).max(MIN_GOAL)
}

/// Called from the allocation slow path: collects when the heap reached its goal or gcstress
/// says so.
pub fn maybe_collect() {
    let stress = GCSTRESS.load(Relaxed);
    if stress > 0 {
        if STRESS_COUNT.fetch_add(1, Relaxed) % stress == stress - 1 {
            collect();
        }
        return;
    }
    if HEAP_LIVE.load(Relaxed) >= NEXT_GC.load(Relaxed) {
        collect();
    }
}

/// Runs one full collection (`runtime.GC`). A no-op outside goroutines.
pub fn collect() {
    let w = crate::sched::worker();
    if w.is_null() || crate::sched::current_g().is_null() {
        return;
    }
    let Ok(lock) = GC_LOCK.try_lock() else {
        // Another goroutine is collecting: behave as a safepoint so it can proceed.
        if stw::stop_requested() {
            stw::stop_at_safepoint();
        }
        return;
    };
    collect_locked(w, lock);
}

/// `runtime.GC`: like [`collect`], but waits for a collection that another goroutine is running
/// and then runs a full one of its own, so that everything unreachable at the call is freed.
pub fn collect_forced() {
    let w = crate::sched::worker();
    if w.is_null() || crate::sched::current_g().is_null() {
        return;
    }
    FORCED.fetch_add(1, Relaxed);
    let lock = lock_collection();
    collect_locked(w, lock);
}

/// Takes the collection lock from a goroutine, acting as a safepoint while another holds it.
fn lock_collection() -> std::sync::MutexGuard<'static, ()> {
    loop {
        if let Ok(l) = GC_LOCK.try_lock() {
            return l;
        }
        if stw::stop_requested() {
            stw::stop_at_safepoint();
        } else {
            std::thread::yield_now();
        }
    }
}

/// `runtime.ReadMemStats`: fills `out` with the world stopped.
pub fn read_mem_stats(out: &mut memstats::MemStats) {
    let w = crate::sched::worker();
    if w.is_null() || crate::sched::current_g().is_null() {
        memstats::fill(out);
        return;
    }
    let lock = lock_collection();
    // SAFETY: w is this thread's worker.
    stw::stop(unsafe { &*w });
    for v in crate::sched::workers() {
        v.cache.flush();
    }
    crate::alloc::flush_fallback();
    memstats::fill(out);
    stw::start();
    drop(lock);
}

fn collect_locked(w: *const crate::sched::Worker, lock: std::sync::MutexGuard<'static, ()>) {
    let t0 = crate::sys::nanotime();
    let before = HEAP_LIVE.load(Relaxed);
    // SAFETY: w is this thread's worker.
    stw::stop(unsafe { &*w });
    for v in crate::sched::workers() {
        v.cache.flush();
    }
    crate::alloc::flush_fallback();
    let cleanup = POOL_CLEANUP.load(Relaxed);
    if cleanup != 0 {
        // SAFETY: a Go func() registered by rog_registerpoolcleanup; it neither allocates nor
        // blocks (sync.Pool's cleanup only drops references).
        unsafe { crate::sched::context::rog_call_closure0(cleanup as *mut u8) };
    }
    // SAFETY: runs on this goroutine's stack with its registers spilled.
    unsafe { crate::sched::context::rog_with_spilled_regs(core::ptr::null_mut(), mark_from) };
    let live = mark::sweep();
    HEAP_LIVE.store(live as i64, Relaxed);
    NEXT_GC.store(goal(live as i64), Relaxed);
    let n = CYCLES.fetch_add(1, Relaxed) + 1;
    stw::start();
    let pause = crate::sys::nanotime() - t0;
    PAUSE_TOTAL.fetch_add(pause as u64, Relaxed);
    memstats::record_cycle(n, pause as u64, crate::sys::walltime() as u64);
    drop(lock);
    finalizer::wake();
    if GCTRACE.load(Relaxed) > 0 {
        trace_line(n, t0, pause, before, live as i64);
    }
}

extern "C-unwind" fn mark_from(_arg: *mut u8, sp: usize) {
    let g = crate::sched::current_g();
    // SAFETY: g is the collecting goroutine; its stack below its frames is scanned from sp.
    unsafe { (*g).sp = sp };
    mark::mark_all();
}

/// `gc N @Ts: P ms clock, A->B MB, G MB goal, N P`: cycle number, time since start, pause,
/// heap before and after, next goal, workers (the shape of gc's gctrace line).
fn trace_line(n: u64, t0: i64, pause: i64, before: i64, live: i64) {
    use std::fmt::Write;
    let mut s = String::new();
    let since = (t0 - START_NS.load(Relaxed)) as f64 / 1e9;
    let mb = |b: i64| b >> 20;
    let _ = writeln!(
        s,
        "gc {} @{:.3}s: {:.3} ms clock, {}->{} MB, {} MB goal, {} P",
        n,
        since,
        pause as f64 / 1e6,
        mb(before),
        mb(live),
        mb(NEXT_GC.load(Relaxed)),
        crate::sched::nworkers()
    );
    crate::print::str(&s);
}
