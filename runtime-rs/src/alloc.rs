//! Allocation: the fast path generated code inlines (through `rog_alloc` and ThinLTO) and the
//! slow path behind it.
//!
//! Pointer-free objects go to noscan spans with no header. Objects with pointers get one header
//! word in front holding their type descriptor (the collector reads the pointer bitmap from it)
//! and go to scan spans. The fast path pops a free slot from the worker's cache word
//! (cache.rs): a table lookup, a bit scan and a store, no lock and no atomic.

use crate::gc::cache::{self, Cache};
use crate::gc::heap;
use crate::gc::sizeclass::*;
use crate::types::Type;
use std::sync::Mutex;

/// The address of every zero-sized allocation and package variable (gc's `zerobase`): the
/// compiler refers to it by this name for a variable of size zero (ABI.md §7).
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static rog_zerobase: u64 = 0;

/// Cache for threads that are not workers (start-up, foreign threads), behind a lock.
static FALLBACK: Mutex<Option<Box<Cache>>> = Mutex::new(None);

/// Allocates `size` zeroed bytes for a value of type `t` (null, or a type without pointers:
/// pointer-free memory).
#[inline(always)]
pub fn alloc_object(size: usize, t: *const Type) -> *mut u8 {
    // SAFETY: t is null or a valid descriptor.
    let scan = !t.is_null() && unsafe { (*t).ptrdata } != 0;
    let total = size + if scan { 8 } else { 0 };
    let c = class_of(total);
    let w = crate::sched::worker();
    if c != 0 && size != 0 && !w.is_null() {
        // SAFETY: w is this thread's worker and only this thread touches its cache; class_of
        // returns c < NCLASSES, so the index is in range.
        let e = unsafe { (*w).cache.entries.get_unchecked(Cache::index(c, !scan)) };
        let bits = e.bits.get();
        if bits != 0 {
            e.bits.set(bits & (bits - 1));
            let obj = e.base.get() + bits.trailing_zeros() as usize * e.elemsize.get();
            if scan {
                // SAFETY: obj is a free, zeroed slot of a scan span this cache owns.
                unsafe { *(obj as *mut *const Type) = t };
                return (obj + 8) as *mut u8;
            }
            return obj as *mut u8;
        }
    }
    alloc_slow(size, t)
}

/// Zeroes a fresh slot if needed and writes the header of scan objects.
#[inline(always)]
unsafe fn finish(obj: usize, elemsize: usize, needzero: bool, scan: bool, t: *const Type) -> *mut u8 {
    if needzero {
        core::ptr::write_bytes(obj as *mut u8, 0, elemsize);
    }
    if scan {
        *(obj as *mut *const Type) = t;
        return (obj + 8) as *mut u8;
    }
    obj as *mut u8
}

/// Allocates `n` zeroed pointer-free bytes.
#[inline]
pub fn alloc_bytes(n: usize) -> *mut u8 {
    alloc_object(n, core::ptr::null())
}

#[cold]
#[inline(never)]
fn alloc_slow(size: usize, t: *const Type) -> *mut u8 {
    if size == 0 {
        return &rog_zerobase as *const u64 as *mut u8;
    }
    heap::init();
    crate::gc::maybe_collect();
    // SAFETY: t is null or valid.
    let scan = !t.is_null() && unsafe { (*t).ptrdata } != 0;
    let total = size + if scan { 8 } else { 0 };
    let c = class_of(total);
    if c == 0 {
        return alloc_large(total, scan, t);
    }
    let w = crate::sched::worker();
    let stress = crate::gc::GCSTRESS.load(std::sync::atomic::Ordering::Relaxed) > 0;
    if w.is_null() {
        let mut fb = FALLBACK.lock().unwrap_or_else(|e| e.into_inner());
        let cache = fb.get_or_insert_with(|| Box::new(Cache::new()));
        return take_slot(cache, c, scan, t, stress);
    }
    // SAFETY: w is this thread's worker.
    take_slot(unsafe { &(*w).cache }, c, scan, t, stress)
}

fn take_slot(cache: &Cache, c: usize, scan: bool, t: *const Type, stress: bool) -> *mut u8 {
    let e = &cache.entries[Cache::index(c, !scan)];
    if e.bits.get() == 0 {
        cache::refill(e, c, !scan, stress);
    }
    let bits = e.bits.get();
    e.bits.set(bits & (bits - 1));
    let obj = e.base.get() + bits.trailing_zeros() as usize * e.elemsize.get();
    // SAFETY: obj is a free slot of a span this cache owns.
    unsafe { finish(obj, e.elemsize.get(), false, scan, t) }
}

fn alloc_large(total: usize, scan: bool, t: *const Type) -> *mut u8 {
    let pages = total.div_ceil(PAGE);
    let s = heap::alloc_span(0, pages, !scan);
    // SAFETY: the span is new and ours until published by the allocation bit.
    unsafe {
        (*s).alloc[0] = 1;
        crate::gc::add_live((*s).elemsize);
        finish((*s).base, (*s).elemsize, (*s).needzero, scan, t)
    }
}

/// Flushes the non-worker cache (the world is stopped).
pub fn flush_fallback() {
    if let Some(c) = FALLBACK.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
        c.flush();
    }
}

/// Allocates a zeroed array of n elements of type `elem` (scanned as a run of elements when the
/// element type has pointers). Panics when the size overflows.
pub fn alloc_array(elem: *const Type, n: usize) -> *mut u8 {
    // SAFETY: elem is a valid descriptor.
    let size = unsafe { (*elem).size };
    match size.checked_mul(n) {
        Some(total) if total < (1 << 40) => alloc_object(total, elem),
        _ => crate::panic::plain_error(b"runtime error: makeslice: len out of range"),
    }
}
