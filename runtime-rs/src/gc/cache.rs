//! Per-worker allocation caches and the central lists of partly free spans.
//!
//! A worker's cache holds, per size class and scan/noscan kind, one span and a 64-bit mask of
//! free slots in one word of that span's allocation bitmap. Claiming the word marks all its free
//! slots allocated in the span at once; the fast path then only pops bits from the mask, with no
//! atomic operation and no lock. A collection flushes every cache (stale claims are written
//! back) before marking. Claimed slots are always zero: slots of a swept span (which may hold
//! freed objects' bytes) are cleared when their word is claimed, so the fast path never zeroes.

use super::heap::{self, Span};
use super::sizeclass::*;
use std::cell::Cell;
use std::sync::atomic::Ordering::*;
use std::sync::Mutex;

pub struct Entry {
    pub span: Cell<*mut Span>,
    /// Address of slot 0 of the claimed word.
    pub base: Cell<usize>,
    pub elemsize: Cell<usize>,
    /// Free slots of the claimed word.
    pub bits: Cell<u64>,
    pub word: Cell<usize>,
}

pub struct Cache {
    pub entries: [Entry; NCLASSES * 2],
}

// SAFETY: a cache is used by one thread at a time (its worker, or anyone under stop-the-world).
unsafe impl Send for Cache {}

impl Cache {
    pub fn new() -> Cache {
        Cache {
            entries: core::array::from_fn(|_| Entry {
                span: Cell::new(core::ptr::null_mut()),
                base: Cell::new(0),
                elemsize: Cell::new(0),
                bits: Cell::new(0),
                word: Cell::new(0),
            }),
        }
    }

    /// Index of the entry for class c.
    #[inline(always)]
    pub fn index(c: usize, noscan: bool) -> usize {
        c * 2 + noscan as usize
    }

    /// Gives back all claimed slots and spans (the world is stopped, or the cache is private).
    pub fn flush(&self) {
        for e in self.entries.iter() {
            let s = e.span.get();
            if s.is_null() {
                continue;
            }
            // SAFETY: s is owned by this cache.
            unsafe {
                let bits = e.bits.get();
                (*s).alloc[e.word.get()] &= !bits;
                super::sub_live(bits.count_ones() as usize * (*s).elemsize);
                (*s).cached = false;
            }
            e.span.set(core::ptr::null_mut());
            e.bits.set(0);
        }
    }
}

impl Default for Cache {
    fn default() -> Self {
        Cache::new()
    }
}

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY_LIST: Mutex<Vec<usize>> = Mutex::new(Vec::new());
/// Spans with free slots, per cache index.
pub static PARTIAL: [Mutex<Vec<usize>>; NCLASSES * 2] = [EMPTY_LIST; NCLASSES * 2];

/// Refills entry `idx` (class c) with free slots; `one` claims a single slot (gcstress mode).
pub fn refill(e: &Entry, c: usize, noscan: bool, one: bool) {
    let mut s = e.span.get();
    let mut word = e.word.get() + 1;
    loop {
        if !s.is_null() {
            // SAFETY: s is owned by this cache.
            unsafe {
                let sp = &mut *s;
                let words = sp.alloc.len();
                while word < words {
                    let mut free = !sp.alloc[word];
                    let valid = sp.nelems - word * 64;
                    if valid < 64 {
                        free &= (1u64 << valid) - 1;
                    }
                    if free != 0 {
                        if one {
                            free &= free.wrapping_neg();
                        }
                        sp.alloc[word] |= free;
                        super::add_live(free.count_ones() as usize * sp.elemsize);
                        let base = sp.base + word * 64 * sp.elemsize;
                        if sp.needzero {
                            zero_slots(base, sp.elemsize, free);
                        }
                        e.bits.set(free);
                        e.word.set(word);
                        e.base.set(base);
                        e.elemsize.set(sp.elemsize);
                        return;
                    }
                    word += 1;
                }
                sp.cached = false;
            }
        }
        s = next_span(c, noscan);
        // SAFETY: fresh or partial span now owned by this cache.
        unsafe { (*s).cached = true };
        e.span.set(s);
        word = 0;
    }
}

/// Clears the slots of `free` (bit i: the slot at base + i * elemsize), one memset per run of
/// adjacent slots.
///
/// # Safety
/// The slots are free slots of a span the caller owns.
unsafe fn zero_slots(base: usize, elemsize: usize, mut free: u64) {
    while free != 0 {
        let first = free.trailing_zeros();
        let run = (free >> first).trailing_ones();
        let p = base + first as usize * elemsize;
        core::ptr::write_bytes(p as *mut u8, 0, run as usize * elemsize);
        free &= if first + run == 64 { 0 } else { !0u64 << (first + run) };
    }
}

fn next_span(c: usize, noscan: bool) -> *mut Span {
    let idx = Cache::index(c, noscan);
    if let Some(s) = PARTIAL[idx].lock().unwrap_or_else(|e| e.into_inner()).pop() {
        return s as *mut Span;
    }
    heap::alloc_span(c, span_pages(c), noscan)
}

#[allow(dead_code)]
fn _unused() {
    let _ = Relaxed;
}

#[cfg(test)]
mod tests {
    use super::zero_slots;

    /// Zeroes the slots of `free` in a 64-slot buffer of 0xff bytes and returns which slots
    /// read as zero afterwards.
    fn zeroed_after(free: u64, elemsize: usize) -> u64 {
        let mut buf = vec![0xffu8; 64 * elemsize];
        // SAFETY: every slot lies in buf.
        unsafe { zero_slots(buf.as_mut_ptr() as usize, elemsize, free) };
        let mut got = 0u64;
        for (i, slot) in buf.chunks(elemsize).enumerate() {
            if slot.iter().all(|&b| b == 0) {
                got |= 1 << i;
            } else {
                assert!(slot.iter().all(|&b| b == 0xff), "slot {i} partly cleared");
            }
        }
        got
    }

    #[test]
    fn clears_exactly_the_free_slots() {
        for free in [0, 1, 1 << 63, !0, 0b1011_0110, 0xf0f0_0000_ffff_0001, !0 << 1, !0 >> 1] {
            for elemsize in [8, 24, 48] {
                assert_eq!(zeroed_after(free, elemsize), free, "free {free:#x} size {elemsize}");
            }
        }
    }
}
