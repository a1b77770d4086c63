//! Marking and sweeping. The collector scans the roots; tracing the heap from them is shared
//! with the stopped workers' threads (parmark.rs).
//!
//! Roots are scanned conservatively: every aligned word of the program's writable data segments
//! and of each live goroutine's stack (from its saved stack pointer to the top) that points into
//! an allocated object marks that object. Heap objects are traced precisely: a scan object's
//! header word names the element type, and the payload is a run of elements whose pointer words
//! the type's bitmap lists. Interior pointers are fine in both cases (the page table and the
//! span's element size find the object start).

use super::cache::PARTIAL;
use super::heap::{self, Span};
use crate::sched;
use crate::types::Type;
use std::sync::Mutex;

/// Writable PT_LOAD segments of the executable, found once at start-up.
static DATA_ROOTS: Mutex<Vec<(usize, usize)>> = Mutex::new(Vec::new());

#[repr(C)]
struct PhdrInfo {
    addr: u64,
    name: *const u8,
    phdr: *const Phdr,
    phnum: u16,
}

#[repr(C)]
struct Phdr {
    p_type: u32,
    p_flags: u32,
    p_offset: u64,
    p_vaddr: u64,
    p_paddr: u64,
    p_filesz: u64,
    p_memsz: u64,
    p_align: u64,
}

extern "C" {
    fn dl_iterate_phdr(
        cb: unsafe extern "C" fn(*const PhdrInfo, usize, *mut u8) -> i32,
        data: *mut u8,
    ) -> i32;
}

unsafe extern "C" fn phdr_cb(info: *const PhdrInfo, _size: usize, data: *mut u8) -> i32 {
    let out = &mut *(data as *mut Vec<(usize, usize)>);
    for i in 0..(*info).phnum as usize {
        let ph = &*(*info).phdr.add(i);
        const PT_LOAD: u32 = 1;
        const PF_W: u32 = 2;
        if ph.p_type == PT_LOAD && ph.p_flags & PF_W != 0 {
            let lo = ((*info).addr + ph.p_vaddr) as usize;
            out.push((lo & !7, lo + ph.p_memsz as usize));
        }
    }
    1 // the executable comes first; stop there
}

/// The executable's load bias (run-time minus link-time addresses; PIE).
pub fn exe_load_bias() -> u64 {
    unsafe extern "C" fn first(info: *const PhdrInfo, _size: usize, out: *mut u8) -> i32 {
        *(out as *mut u64) = (*info).addr;
        1
    }
    let mut bias = 0u64;
    // SAFETY: the callback writes one u64 into bias.
    unsafe { dl_iterate_phdr(first, &mut bias as *mut u64 as *mut u8) };
    bias
}

/// Records the executable's writable segments.
pub fn init_data_roots() {
    let mut v: Vec<(usize, usize)> = Vec::new();
    // SAFETY: the callback only reads the program headers and appends to v.
    unsafe { dl_iterate_phdr(phdr_cb, &mut v as *mut _ as *mut u8) };
    *DATA_ROOTS.lock().unwrap_or_else(|e| e.into_inner()) = v;
}

/// One marker's state: its stack of marked scan objects still to trace.
pub(super) struct Marker {
    pub(super) work: Vec<usize>,
}

impl Marker {
    pub(super) fn new() -> Marker {
        Marker { work: Vec::with_capacity(1024) }
    }

    /// Traces one object taken from the stack.
    #[inline]
    pub(super) fn scan(&mut self, obj: usize) {
        self.scan_object(obj);
    }

    /// Marks the object containing p, if p points into an allocated object.
    #[inline]
    fn mark(&mut self, p: usize) {
        let s = heap::span_of(p);
        if s.is_null() {
            return;
        }
        // SAFETY: spans in the page table are live while the world is stopped.
        let s = unsafe { &*s };
        let i = (p - s.base) / s.elemsize;
        if i >= s.nelems || !s.is_allocated(i) {
            return;
        }
        if s.set_mark(i) && !s.noscan {
            self.work.push(s.base + i * s.elemsize);
        }
    }

    /// Conservatively marks from every aligned word in [lo, hi).
    fn scan_range(&mut self, lo: usize, hi: usize) {
        let mut p = (lo + 7) & !7;
        while p + 8 <= hi {
            // SAFETY: the range is readable memory (a data segment or a used stack part).
            self.mark(unsafe { *(p as *const usize) });
            p += 8;
        }
    }

    /// Traces one scan object through its header's type.
    fn scan_object(&mut self, obj: usize) {
        let s = heap::span_of(obj);
        // SAFETY: obj is a marked object of a live scan span; its header is a descriptor.
        unsafe {
            let t = *(obj as *const *const Type);
            if t.is_null() {
                return;
            }
            let t = &*t;
            let es = t.size;
            if es == 0 || t.ptrdata == 0 {
                return;
            }
            let payload = obj + 8;
            let n = ((*s).elemsize - 8) / es;
            let words = t.ptrdata / 8;
            for e in 0..n {
                let base = payload + e * es;
                for w in 0..words {
                    if *t.gcdata.add(w / 8) & (1 << (w % 8)) != 0 {
                        self.mark(*((base + w * 8) as *const usize));
                    }
                }
            }
        }
    }

    /// Traces the contents of the object at `slot` without marking it.
    fn scan_contents(&mut self, slot: usize) {
        let s = heap::span_of(slot);
        // SAFETY: slot is an allocated object of a live span (the world is stopped).
        if !s.is_null() && unsafe { !(*s).noscan } {
            self.scan_object(slot);
        }
    }

    fn drain(&mut self) {
        while let Some(obj) = self.work.pop() {
            self.scan_object(obj);
        }
    }
}

/// Marks everything reachable. The world is stopped; every goroutine's `sp` is current.
/// A root of marking: a word that may point at an object, or a range of words (data segments,
/// goroutine stacks), with what holds it (a kind and, for a goroutine's, its id).
pub enum Root {
    Word(&'static str, i64, usize),
    Range(&'static str, i64, usize, usize),
}

/// Calls `visit` with every root of marking, in one place for the marker and for
/// `ROG_DEBUG=gcretain` (retain.rs). The world is stopped.
pub fn for_each_root(mut visit: impl FnMut(Root)) {
    let data = DATA_ROOTS.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for (lo, hi) in data {
        visit(Root::Range("data", 0, lo, hi));
    }
    let gs = sched::ALLGS.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for g in gs {
        let g = g as *const sched::G;
        // SAFETY: Gs are never freed; the world is stopped so their fields are stable.
        unsafe {
            if (*g).status.load(std::sync::atomic::Ordering::SeqCst) == sched::gstatus::DEAD {
                continue;
            }
            let id = (*g).id;
            visit(Root::Word("g.entry", id, (*g).entry as usize));
            visit(Root::Word("g.param", id, (*g).param));
            visit(Root::Range("stack", id, (*g).sp, (*g).stack.hi));
        }
    }
    sched::timer::for_each_func(|f| visit(Root::Word("timer", 0, f)));
    crate::unwind::for_each_root(|p| visit(Root::Word("defer/panic", 0, p)));
    super::finalizer::for_each_root(|p| visit(Root::Word("finalizer", 0, p)));
}

pub fn mark_all() {
    let mut m = Marker::new();
    for_each_root(|r| match r {
        Root::Word(_, _, p) => m.mark(p),
        Root::Range(_, _, lo, hi) => m.scan_range(lo, hi),
    });
    // Roots are scanned by the collector alone; the heap is traced by every stopped worker.
    super::parmark::run(&mut m);
    mark_finalizable(&mut m);
    super::finalizer::queue_cleanups(is_marked_slot);
    sched::timer::drop_unreached(is_marked_slot);
    sched::bubble::drop_unreached(is_marked_slot);
    let r = super::GCRETAIN.load(std::sync::atomic::Ordering::Relaxed);
    if r != 0 && super::CYCLES.load(std::sync::atomic::Ordering::Relaxed) + 1 == r {
        // ROG_DEBUG=gcretain=N: this is cycle N.
        super::retain::report(&super::finalizer::cleanup_slots());
    }
}

/// The finalizer steps of marking (finalizer.rs): keeps what unreached finalizable objects
/// point at, then queues those still unreached and keeps them too.
fn mark_finalizable(m: &mut Marker) {
    let cands = super::finalizer::candidates(is_marked_slot);
    if cands.is_empty() {
        return;
    }
    for &slot in &cands {
        m.scan_contents(slot);
    }
    m.drain();
    let unreached: Vec<usize> = cands.into_iter().filter(|&s| !is_marked_slot(s)).collect();
    super::finalizer::queue(&unreached);
    for &slot in &unreached {
        m.mark(slot);
    }
    m.drain();
}

/// Whether the object whose slot starts at `slot` is marked.
fn is_marked_slot(slot: usize) -> bool {
    let s = heap::span_of(slot);
    if s.is_null() {
        return true;
    }
    // SAFETY: the world is stopped; s is live.
    let s = unsafe { &*s };
    s.is_marked((slot - s.base) / s.elemsize)
}

/// The start of the heap slot of the allocated object containing `p`, if any.
pub fn object_slot(p: usize) -> Option<usize> {
    let s = heap::span_of(p);
    if s.is_null() {
        return None;
    }
    // SAFETY: spans in the page table stay valid while their pages are in use; p points into
    // an object the caller holds, so its span cannot be freed meanwhile.
    let s = unsafe { &*s };
    let i = (p - s.base) / s.elemsize;
    if i >= s.nelems {
        return None;
    }
    Some(s.base + i * s.elemsize)
}

/// Frees unmarked objects and empty spans; returns the live bytes. The world is stopped and all
/// caches are flushed.
pub fn sweep() -> usize {
    for l in PARTIAL.iter() {
        l.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
    let mut spans = heap::SPANS.lock().unwrap_or_else(|e| e.into_inner());
    let mut live_total = 0usize;
    let mut keep = Vec::with_capacity(spans.len());
    let mut freed_objects = 0u64;
    for &sp in spans.iter() {
        let s = sp as *mut Span;
        // SAFETY: the world is stopped; spans are exclusively ours.
        let (live, before) = unsafe { sweep_span(&mut *s) };
        freed_objects += (before - live) as u64;
        if live == 0 {
            // SAFETY: no object of s is live.
            unsafe { heap::free_span(s) };
            continue;
        }
        // SAFETY: as above.
        unsafe {
            live_total += live * (*s).elemsize;
            if live < (*s).nelems {
                let idx = super::cache::Cache::index((*s).class, (*s).noscan);
                PARTIAL[idx].lock().unwrap_or_else(|e| e.into_inner()).push(sp);
            }
        }
        keep.push(sp);
    }
    *spans = keep;
    drop(spans);
    super::FREES.fetch_add(freed_objects, std::sync::atomic::Ordering::Relaxed);
    heap::coalesce();
    live_total
}

/// Turns mark bits into allocation bits; returns (live objects, objects before).
fn sweep_span(s: &mut Span) -> (usize, usize) {
    let mut live = 0;
    let mut before = 0;
    for (a, m) in s.alloc.iter_mut().zip(s.mark.iter()) {
        let mw = m.swap(0, std::sync::atomic::Ordering::Relaxed) & *a;
        before += a.count_ones() as usize;
        live += mw.count_ones() as usize;
        *a = mw;
    }
    if live < before {
        s.needzero = true;
    }
    (live, before)
}
