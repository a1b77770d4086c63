//! The heap: one reserved arena, a page table mapping pages to spans, the page allocator, and
//! spans of same-sized objects.
//!
//! The arena is a single MAP_NORESERVE reservation; pages are handed out from its bottom (bump)
//! or from runs freed by the sweeper (best fit). `PAGE_TABLE[i]` is the span owning page i (null
//! if free), so an interior pointer finds its object in O(1): that is how both the precise heap
//! scan and the conservative stack scan resolve pointers.
//!
//! A span holds `nelems` objects of `elemsize` bytes. `alloc` bits say which slots hold objects
//! (set when a worker cache takes a slot; rewritten from the mark bits by the sweeper); `mark`
//! bits are set by the collector. Objects in scan spans (`noscan == false`) start with a header
//! word holding the type descriptor of their elements; the payload follows it and is scanned as
//! an array of that type (see mark.rs).

use super::sizeclass::*;
use crate::sys;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::*};
use std::sync::Mutex;

/// Arena reservation tried first (address space only).
const ARENA_MAX: usize = 64 << 30;
/// Smallest reservation accepted when address space is scarce (under valgrind, whose address
/// space manager gives its client far less than 64 GiB, or a tight `ulimit -v`).
const ARENA_MIN: usize = 256 << 20;

/// Size of the reservation made (a power of two between ARENA_MIN and ARENA_MAX).
static ARENA_SIZE: AtomicUsize = AtomicUsize::new(0);
pub static ARENA_BASE: AtomicUsize = AtomicUsize::new(0);
/// End of the part of the arena ever handed out.
pub static ARENA_USED: AtomicUsize = AtomicUsize::new(0);
static PAGE_TABLE: AtomicUsize = AtomicUsize::new(0);

pub struct Span {
    pub base: usize,
    pub npages: usize,
    pub elemsize: usize,
    pub nelems: usize,
    /// Size class (0: one large object).
    pub class: usize,
    pub noscan: bool,
    /// Slot i holds an object.
    pub alloc: Box<[u64]>,
    pub mark: Box<[AtomicU64]>,
    /// Whether free slots may hold stale bytes (fresh pages are zero).
    pub needzero: bool,
    /// Owned by a worker cache right now.
    pub cached: bool,
}

impl Span {
    #[inline]
    pub fn is_marked(&self, i: usize) -> bool {
        self.mark[i / 64].load(Relaxed) & (1 << (i % 64)) != 0
    }
    /// Sets mark bit i; returns false if it was already set.
    #[inline]
    pub fn set_mark(&self, i: usize) -> bool {
        let bit = 1u64 << (i % 64);
        let w = &self.mark[i / 64];
        if w.load(Relaxed) & bit != 0 {
            return false;
        }
        w.fetch_or(bit, Relaxed) & bit == 0
    }
    #[inline]
    pub fn is_allocated(&self, i: usize) -> bool {
        self.alloc[i / 64] & (1 << (i % 64)) != 0
    }
    pub fn free_count(&self) -> usize {
        self.nelems - self.alloc.iter().map(|w| w.count_ones() as usize).sum::<usize>()
    }
}

struct Pages {
    /// Next never-used page index.
    next: usize,
    /// Free runs: (first page, pages, zeroed).
    free: Vec<(usize, usize, bool)>,
}

static PAGES: Mutex<Pages> = Mutex::new(Pages { next: 0, free: Vec::new() });
/// Every span in use.
pub static SPANS: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// Reserves the arena and the page table. When the kernel refuses ARENA_MAX (valgrind, `ulimit
/// -v`), the arena is halved until a reservation succeeds, then halved once more so goroutine
/// stacks, mapped later, get as much address space as the heap. A smaller arena only lowers the
/// heap limit (`out of memory` comes sooner): the allocation paths do not depend on its size.
/// Idempotent (the allocation slow path calls it every time: the test is inlined there).
#[inline]
pub fn init() {
    if ARENA_BASE.load(Acquire) == 0 {
        reserve_heap();
    }
}

#[cold]
#[inline(never)]
fn reserve_heap() {
    let mut size = ARENA_MAX;
    let mut got = reserve_arena(size);
    while got.is_none() && size > ARENA_MIN {
        size /= 2;
        got = reserve_arena(size);
    }
    let Some((mut base, mut table)) = got else {
        crate::panic::fatal("cannot reserve the heap arena")
    };
    if size < ARENA_MAX && size > ARENA_MIN {
        // SAFETY: both mappings were just made, hold nothing, and are replaced at once.
        unsafe { unreserve_arena(base, table, size) };
        size /= 2;
        let Some(half) = reserve_arena(size) else {
            crate::panic::fatal("cannot reserve the heap arena")
        };
        (base, table) = half;
    }
    ARENA_SIZE.store(size, Relaxed);
    PAGE_TABLE.store(table as usize, Release);
    ARENA_USED.store(base as usize, Release);
    ARENA_BASE.store(base as usize, Release);
}

/// Reserves an arena of `size` bytes and its page table, or neither.
fn reserve_arena(size: usize) -> Option<(*mut u8, *mut u8)> {
    let base = sys::reserve(size);
    if base.is_null() {
        return None;
    }
    let table = sys::reserve((size / PAGE) * 8);
    if table.is_null() {
        // SAFETY: base is the mapping just made, of `size` bytes, holding nothing.
        unsafe { sys::munmap(base.cast(), size) };
        return None;
    }
    Some((base, table))
}

/// Unmaps an arena and its page table made by `reserve_arena(size)`.
///
/// # Safety
/// Nothing may use either mapping any more.
unsafe fn unreserve_arena(base: *mut u8, table: *mut u8, size: usize) {
    sys::munmap(base.cast(), size);
    sys::munmap(table.cast(), (size / PAGE) * 8);
}

#[inline]
fn table() -> *mut usize {
    PAGE_TABLE.load(Relaxed) as *mut usize
}

/// The span owning address p, if p lies in a page of the heap in use.
#[inline]
pub fn span_of(p: usize) -> *mut Span {
    let base = ARENA_BASE.load(Relaxed);
    if p < base || p >= ARENA_USED.load(Relaxed) {
        return core::ptr::null_mut();
    }
    // SAFETY: the page index is within the reserved table.
    unsafe { *table().add((p - base) >> PAGE_SHIFT) as *mut Span }
}

/// Allocates a span of `npages` pages for class `class` (0: large object of `size` bytes).
pub fn alloc_span(class: usize, npages: usize, noscan: bool) -> *mut Span {
    let (first, zeroed) = alloc_pages(npages);
    let base = ARENA_BASE.load(Relaxed) + first * PAGE;
    let elemsize = if class == 0 { npages * PAGE } else { SIZES[class] };
    let nelems = if class == 0 { 1 } else { npages * PAGE / elemsize };
    let words = nelems.div_ceil(64);
    let s = Box::into_raw(Box::new(Span {
        base,
        npages,
        elemsize,
        nelems,
        class,
        noscan,
        alloc: vec![0u64; words].into_boxed_slice(),
        mark: (0..words).map(|_| AtomicU64::new(0)).collect(),
        needzero: !zeroed,
        cached: false,
    }));
    for i in 0..npages {
        // SAFETY: the pages were just allocated; their table entries are ours to set.
        unsafe { *table().add(first + i) = s as usize };
    }
    SPANS.lock().unwrap_or_else(|e| e.into_inner()).push(s as usize);
    s
}

fn alloc_pages(n: usize) -> (usize, bool) {
    let mut p = PAGES.lock().unwrap_or_else(|e| e.into_inner());
    let best = p
        .free
        .iter()
        .enumerate()
        .filter(|(_, r)| r.1 >= n)
        .min_by_key(|(_, r)| r.1)
        .map(|(i, _)| i);
    if let Some(i) = best {
        let (first, len, zeroed) = p.free[i];
        if len == n {
            p.free.swap_remove(i);
        } else {
            p.free[i] = (first + n, len - n, zeroed);
        }
        return (first, zeroed);
    }
    let first = p.next;
    if (first + n) * PAGE > ARENA_SIZE.load(Relaxed) {
        drop(p);
        crate::panic::fatal("out of memory");
    }
    p.next += n;
    let end = ARENA_BASE.load(Relaxed) + p.next * PAGE;
    ARENA_USED.store(end, Release);
    (first, true)
}

/// Returns a span's pages to the page allocator and forgets the span. Called by the sweeper
/// (the world is stopped) with the SPANS list already updated.
///
/// # Safety
/// No live object remains in s.
pub unsafe fn free_span(s: *mut Span) {
    let base = ARENA_BASE.load(Relaxed);
    let first = ((*s).base - base) / PAGE;
    let n = (*s).npages;
    for i in 0..n {
        *table().add(first + i) = 0;
    }
    // Big runs go back to the kernel so the resident heap shrinks with the live heap.
    let zeroed = n >= 16;
    if zeroed {
        sys::release((*s).base as *mut u8, n * PAGE);
    }
    PAGES.lock().unwrap_or_else(|e| e.into_inner()).free.push((first, n, zeroed));
    drop(Box::from_raw(s));
}

/// Merges adjacent free runs (after a sweep).
pub fn coalesce() {
    let mut p = PAGES.lock().unwrap_or_else(|e| e.into_inner());
    p.free.sort_unstable_by_key(|r| r.0);
    let mut out: Vec<(usize, usize, bool)> = Vec::with_capacity(p.free.len());
    for &r in p.free.iter() {
        if let Some(last) = out.last_mut() {
            if last.0 + last.1 == r.0 {
                last.1 += r.1;
                last.2 &= r.2;
                continue;
            }
        }
        out.push(r);
    }
    p.free = out;
}

/// Bytes of address space handed out to spans (in use or free).
pub fn mapped_bytes() -> usize {
    ARENA_USED.load(Relaxed) - ARENA_BASE.load(Relaxed)
}
