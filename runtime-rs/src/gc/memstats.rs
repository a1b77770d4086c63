//! `runtime.ReadMemStats`: heap statistics in gc's `runtime.MemStats` layout (ABI.md §7).
//!
//! Reading stops the world (as gc does): the worker caches are flushed so that every span's
//! allocation bits count exactly the objects in use, which gives HeapObjects and HeapAlloc.
//! Cumulative counters (TotalAlloc, Frees, pauses) are kept by the collector as it runs.
//! Approximations, written down in ABI.md: TotalAlloc counts the bytes of slots claimed by
//! caches (claimed-but-unused slots are given back at the next flush); Mallocs is Frees plus
//! HeapObjects; StackInuse counts 8 KiB per live goroutine; MSpan/MCache/BuckHash/GC/Other are
//! runtime metadata estimates; GCCPUFraction is 0; BySize lists rog's size classes with zero
//! counts.

use super::{heap, sizeclass};
use std::sync::atomic::Ordering::*;
use std::sync::Mutex;

/// gc's `runtime.MemStats`, field for field (5776 bytes).
#[repr(C)]
pub struct MemStats {
    pub alloc: u64,
    pub total_alloc: u64,
    pub sys: u64,
    pub lookups: u64,
    pub mallocs: u64,
    pub frees: u64,
    pub heap_alloc: u64,
    pub heap_sys: u64,
    pub heap_idle: u64,
    pub heap_inuse: u64,
    pub heap_released: u64,
    pub heap_objects: u64,
    pub stack_inuse: u64,
    pub stack_sys: u64,
    pub mspan_inuse: u64,
    pub mspan_sys: u64,
    pub mcache_inuse: u64,
    pub mcache_sys: u64,
    pub buck_hash_sys: u64,
    pub gc_sys: u64,
    pub other_sys: u64,
    pub next_gc: u64,
    pub last_gc: u64,
    pub pause_total_ns: u64,
    pub pause_ns: [u64; 256],
    pub pause_end: [u64; 256],
    pub num_gc: u32,
    pub num_forced_gc: u32,
    pub gc_cpu_fraction: f64,
    pub enable_gc: bool,
    pub debug_gc: bool,
    pub by_size: [BySize; 61],
}

/// One `MemStats.BySize` entry.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct BySize {
    pub size: u32,
    pub mallocs: u64,
    pub frees: u64,
}

struct Pauses {
    ns: [u64; 256],
    end: [u64; 256],
    last_end: u64,
}

static PAUSES: Mutex<Pauses> = Mutex::new(Pauses { ns: [0; 256], end: [0; 256], last_end: 0 });

/// Records cycle `n` (1-based): its pause and its end (wall-clock ns), as gc's circular buffers.
pub fn record_cycle(n: u64, pause_ns: u64, end_wall_ns: u64) {
    let mut p = PAUSES.lock().unwrap_or_else(|e| e.into_inner());
    let i = ((n + 255) % 256) as usize;
    p.ns[i] = pause_ns;
    p.end[i] = end_wall_ns;
    p.last_end = end_wall_ns;
}

/// Fills `out` (the world is stopped and the caches flushed).
pub fn fill(out: &mut MemStats) {
    let (mut objects, mut bytes, mut inuse) = (0u64, 0u64, 0u64);
    let spans = heap::SPANS.lock().unwrap_or_else(|e| e.into_inner());
    for &sp in spans.iter() {
        // SAFETY: the world is stopped; spans are stable.
        let s = unsafe { &*(sp as *const heap::Span) };
        let n = (s.nelems - s.free_count()) as u64;
        objects += n;
        bytes += n * s.elemsize as u64;
        inuse += (s.npages * sizeclass::PAGE) as u64;
    }
    let nspans = spans.len() as u64;
    drop(spans);
    let heap_sys = heap::mapped_bytes() as u64;
    let frees = super::FREES.load(Relaxed);
    let stacks = crate::sched::num_goroutine().max(0) as u64 * 8192;
    let mspan = nspans * core::mem::size_of::<heap::Span>() as u64;
    let mcache = crate::sched::nworkers() as u64 * core::mem::size_of::<super::cache::Cache>() as u64;
    let gc_sys = heap_sys / 64;

    out.alloc = bytes;
    out.total_alloc = super::TOTAL_ALLOC.load(Relaxed).max(bytes);
    out.lookups = 0;
    out.mallocs = frees + objects;
    out.frees = frees;
    out.heap_alloc = bytes;
    out.heap_sys = heap_sys;
    out.heap_inuse = inuse;
    out.heap_idle = heap_sys.saturating_sub(inuse);
    out.heap_released = 0;
    out.heap_objects = objects;
    out.stack_inuse = stacks;
    out.stack_sys = stacks;
    out.mspan_inuse = mspan;
    out.mspan_sys = mspan;
    out.mcache_inuse = mcache;
    out.mcache_sys = mcache;
    out.buck_hash_sys = 0;
    out.gc_sys = gc_sys;
    out.other_sys = 0;
    out.sys = heap_sys + stacks + mspan + mcache + gc_sys;
    out.next_gc = super::next_gc().max(0) as u64;
    out.pause_total_ns = super::PAUSE_TOTAL.load(Relaxed);
    {
        let p = PAUSES.lock().unwrap_or_else(|e| e.into_inner());
        out.pause_ns = p.ns;
        out.pause_end = p.end;
        out.last_gc = p.last_end;
    }
    out.num_gc = super::CYCLES.load(Relaxed) as u32;
    out.num_forced_gc = super::FORCED.load(Relaxed) as u32;
    out.gc_cpu_fraction = 0.0;
    out.enable_gc = super::gc_percent() >= 0;
    out.debug_gc = false;
    for (i, b) in out.by_size.iter_mut().enumerate() {
        let size = if i < sizeclass::NCLASSES { sizeclass::SIZES[i] } else { 0 };
        *b = BySize { size: size as u32, mallocs: 0, frees: 0 };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::mem::{offset_of, size_of};

    #[test]
    fn layout_matches_gc() {
        assert_eq!(offset_of!(MemStats, pause_total_ns), 184);
        assert_eq!(offset_of!(MemStats, pause_ns), 192);
        assert_eq!(offset_of!(MemStats, pause_end), 2240);
        assert_eq!(offset_of!(MemStats, num_gc), 4288);
        assert_eq!(offset_of!(MemStats, num_forced_gc), 4292);
        assert_eq!(offset_of!(MemStats, gc_cpu_fraction), 4296);
        assert_eq!(offset_of!(MemStats, enable_gc), 4304);
        assert_eq!(offset_of!(MemStats, debug_gc), 4305);
        assert_eq!(offset_of!(MemStats, by_size), 4312);
        assert_eq!(size_of::<BySize>(), 24);
        assert_eq!(size_of::<MemStats>(), 5776);
    }
}
