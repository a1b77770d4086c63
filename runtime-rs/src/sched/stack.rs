//! Goroutine stacks: large, lazily committed, with a guard region below each.
//!
//! Stacks are carved from arenas of [`ARENA_SLOTS`] slots of [`STACK_SIZE`] bytes (fewer when
//! the address space is too tight for a whole arena), each arena a single MAP_NORESERVE mapping
//! (one kernel VMA however many goroutines there are; Linux allows only ~65k VMAs per process). The kernel commits a stack page on first touch, so an idle
//! goroutine costs its top page or two plus page tables. The lowest [`GUARD`] bytes of each slot
//! are a guard region installed with `MADV_GUARD_INSTALL` (Linux 6.13+, which does not split the
//! VMA); touching it raises SIGSEGV, which the signal handler reports as gc's stack overflow.
//! Older kernels refuse that advice (EINVAL); the guard is then made with `mprotect(PROT_NONE)`,
//! which splits the mapping: two VMAs per stack (guard and stack), so `vm.max_map_count` (65530
//! by default) caps the process at about 32,000 goroutines stacks. Running out of mappings is a
//! clean fatal error, never a stack without a guard. `ROG_DEBUG=mprotectguard=1` forces the
//! fallback (tests use it on new kernels).
//!
//! A dead goroutine's stack goes back on a free list for the next goroutine. Pages it touched
//! stay committed; stacks that went deep are released with MADV_DONTNEED when freed (see
//! [`free`]).

use crate::sys;
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
use std::sync::Mutex;

/// Bytes reserved per goroutine stack.
pub const STACK_SIZE: usize = 128 << 20;
/// Bytes reserved for the main goroutine's stack (gc's maximum stack size is 1 GB).
pub const MAIN_STACK_SIZE: usize = 1 << 30;
/// Size of the guard region at the bottom of each stack.
pub const GUARD: usize = 64 << 10;
/// Stacks per arena mapping.
const ARENA_SLOTS: usize = 64;
/// A stack whose lowest touched address is further than this below its top is released on free.
const SHALLOW: usize = 64 << 10;

const MADV_GUARD_INSTALL: i32 = 102;

/// Guards are made with mprotect: the kernel refused MADV_GUARD_INSTALL, or
/// `ROG_DEBUG=mprotectguard=1`.
pub static MPROTECT_GUARDS: AtomicBool = AtomicBool::new(false);

/// One goroutine stack: usable range [lo, hi) and the guard [lo - GUARD, lo).
#[derive(Clone, Copy, Debug)]
pub struct Stack {
    pub lo: usize,
    pub hi: usize,
}

/// One stack mapping: `len` bytes from `base`, cut into stacks of `slot` bytes.
struct Arena {
    base: usize,
    len: usize,
    slot: usize,
}

struct Pool {
    free: Vec<Stack>,
    /// Every arena, for the signal handler's overflow test.
    arenas: Vec<Arena>,
}

static POOL: Mutex<Pool> = Mutex::new(Pool { free: Vec::new(), arenas: Vec::new() });

/// Takes a stack from the pool, mapping a new arena when it is empty.
pub fn alloc() -> Stack {
    let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(s) = pool.free.pop() {
        return s;
    }
    let (base, slots) = map_arena(STACK_SIZE, ARENA_SLOTS);
    pool.arenas.push(Arena { base, len: STACK_SIZE * slots, slot: STACK_SIZE });
    for i in (1..slots).rev() {
        pool.free.push(slot(base, i, STACK_SIZE));
    }
    slot(base, 0, STACK_SIZE)
}

/// Maps the main goroutine's stack.
pub fn alloc_main() -> Stack {
    let (base, _) = map_arena(MAIN_STACK_SIZE, 1);
    let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
    pool.arenas.push(Arena { base, len: MAIN_STACK_SIZE, slot: MAIN_STACK_SIZE });
    slot(base, 0, MAIN_STACK_SIZE)
}

/// Maps an arena of up to `slots` stacks of `size` bytes with their guards; returns its base and
/// slot count. When address space is scarce (valgrind, `ulimit -v`) and the kernel refuses the
/// whole arena, fewer slots are mapped: more mappings, same stacks.
fn map_arena(size: usize, slots: usize) -> (usize, usize) {
    let mut n = slots;
    let base = loop {
        let base = sys::reserve(size * n) as usize;
        if base != 0 {
            break base;
        }
        if n == 1 {
            crate::panic::fatal("out of memory allocating goroutine stack");
        }
        n = (n / 4).max(1);
    };
    for i in 0..n {
        install_guard(base + i * size);
    }
    (base, n)
}

/// Makes [lo, lo + GUARD) fault on any access.
fn install_guard(lo: usize) {
    if !MPROTECT_GUARDS.load(Relaxed) {
        // SAFETY: the guard range lies inside a stack arena mapping.
        if unsafe { sys::madvise(lo as *mut _, GUARD, MADV_GUARD_INSTALL) } == 0 {
            return;
        }
        // Before Linux 6.13: EINVAL. Use mprotect from now on.
        MPROTECT_GUARDS.store(true, Relaxed);
    }
    // SAFETY: as above; the range holds no data.
    if unsafe { sys::mprotect(lo as *mut _, GUARD, sys::PROT_NONE) } != 0 {
        crate::panic::fatal(
            "cannot install a goroutine stack guard page (too many memory mappings? \
             see vm.max_map_count)",
        );
    }
}

fn slot(base: usize, i: usize, size: usize) -> Stack {
    let start = base + i * size;
    Stack { lo: start + GUARD, hi: start + size }
}

/// Returns a dead goroutine's stack to the pool. `low_water` is the lowest stack address the
/// goroutine is known to have used (its saved sp at some point, or 0 if unknown).
pub fn free(s: Stack, low_water: usize) {
    if low_water != 0 && low_water + SHALLOW < s.hi {
        // SAFETY: the stack is dead; nothing on it is in use.
        unsafe { sys::release(s.lo as *mut u8, (s.hi - SHALLOW) - s.lo) };
    }
    POOL.lock().unwrap_or_else(|e| e.into_inner()).free.push(s);
}

/// Whether `addr` lies in the guard region of some goroutine stack (used by the SIGSEGV
/// handler; takes no lock when the pool is busy and then answers by arena bounds alone).
pub fn in_guard(addr: usize) -> bool {
    let Ok(pool) = POOL.try_lock() else { return false };
    pool.arenas
        .iter()
        .any(|a| addr >= a.base && addr < a.base + a.len && (addr - a.base) % a.slot < GUARD)
}
