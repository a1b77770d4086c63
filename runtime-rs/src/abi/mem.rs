//! ABI.md §5, memory: allocation entry points.

use crate::alloc;
use crate::abi::chan::Pair;
use crate::types::Type;

/// `new(T)`, composite literals and boxed values that escape: `size` bytes of zeroed memory,
/// 8-byte aligned. `t` is the type descriptor (its pointer bitmap tells the collector where the
/// pointers are) or null for pointer-free memory. May trigger a collection; never panics
/// (out of memory is a fatal error).
///
/// `C-unwind` although nothing unwinds out of it: a plain `extern "C"` function gets an abort
/// landing pad with Rust's personality routine, and LLVM does not inline a function with one
/// personality into a caller with another (`rog_personality`, every Go function with defers).
#[no_mangle]
pub extern "C-unwind" fn rog_alloc(size: i64, t: *const Type) -> *mut u8 {
    alloc::alloc_object(size as usize, t)
}

/// The capacity in bytes gc gives an allocation of `size` bytes (its roundupsize): the size
/// class, less the 8-byte malloc header gc puts in front of pointerful objects above 512 bytes,
/// or whole pages for large objects. Capacities are visible to Go programs (`cap` after
/// `append`, `strings.Builder.Grow` through `bytealg.MakeNoZero`), so they follow gc's rule, not
/// rog's own header layout; an allocation of that many bytes always fits.
#[no_mangle]
pub extern "C-unwind" fn rog_roundupsize(size: i64, noscan: bool) -> i64 {
    use crate::gc::sizeclass::{class_of, MAX_SMALL, PAGE, SIZES};
    let size = size.max(0) as usize;
    if size <= MAX_SMALL - 8 {
        let req = if !noscan && size > 512 { size + 8 } else { size };
        return (SIZES[class_of(req)] - (req - size)) as i64;
    }
    size.div_ceil(PAGE).saturating_mul(PAGE) as i64
}

/// The 256 small integers an interface may point at instead of a new box (gc's staticuint64s).
static SMALL_INTS: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i as u64;
        i += 1;
    }
    t
};

/// Boxes an integer of at most 8 bytes for an interface (gc's convT16/convT32/convT64): `v` is
/// the value zero-extended from its own width. Values below 256 share read-only boxes; others
/// get a new 8-byte object holding `v` (little-endian, so narrower types read their own bytes).
#[no_mangle]
pub extern "C-unwind" fn rog_convT64(v: u64) -> *mut u8 {
    if v < 256 {
        return &SMALL_INTS[v as usize] as *const u64 as *mut u8;
    }
    let p = alloc::alloc_object(8, core::ptr::null());
    // SAFETY: p is a fresh, 8-aligned object of 8 bytes.
    unsafe { *(p as *mut u64) = v };
    p
}

/// `runtime.GC()`: runs a full collection before returning (waiting for one already running).
/// Blocks other goroutines meanwhile. Ready finalizers run afterwards on the finalizer
/// goroutine.
#[no_mangle]
pub extern "C" fn rog_gc() {
    crate::gc::collect_forced();
}

/// `debug.SetGCPercent(p)`: sets the collector's growth percentage (negative: off) and returns
/// the previous one.
#[no_mangle]
pub extern "C" fn rog_setgcpercent(p: i64) -> i64 {
    crate::gc::set_gc_percent(p)
}

/// `debug.SetCrashOutput`'s runtime half: from now on, unrecovered panics and fatal errors are
/// also written to fd (`usize::MAX`: nowhere). Returns the previous fd.
#[no_mangle]
pub extern "C" fn rog_setcrashfd(fd: usize) -> usize {
    crate::print::set_crash_fd(fd)
}

/// `runtime.SetFinalizer(obj, f)` for a finalizer taking a pointer: `obj` points into a heap
/// object (from `rog_alloc` or a `rog_make*`); `f` is the finalizer's func value, called as
/// `f(obj)` (results ignored), or null to remove the finalizer. Returns false (the overlay then
/// panics like gc) when obj is not a heap pointer. The finalizer runs on the finalizer goroutine
/// after a collection finds obj unreachable; obj then lives until the collection after its
/// finalizer returned. Allocates; never blocks.
#[no_mangle]
pub extern "C" fn rog_setfinalizer(obj: *mut u8, f: *mut u8) -> bool {
    crate::gc::finalizer::set(obj as usize, f as usize, 0)
}

/// `runtime.AddCleanup(ptr, cleanup, arg)`: `f` is a Go `func()` closure that calls
/// `cleanup(arg)` (the overlay makes it). It runs on the finalizer goroutine after a collection
/// finds the heap object containing `ptr` unreachable; the object is not kept for it. Returns the
/// cleanup's id for [`rog_stopcleanup`], or 0 when ptr is not a heap pointer (the cleanup never
/// runs). Allocates; never blocks.
#[no_mangle]
pub extern "C" fn rog_addcleanup(ptr: *mut u8, f: *mut u8) -> u64 {
    crate::gc::finalizer::add_cleanup(ptr as usize, f as usize)
}

/// `Cleanup.Stop`: cancels cleanup `id` of the object containing `ptr` unless it was queued.
#[no_mangle]
pub extern "C" fn rog_stopcleanup(ptr: *mut u8, id: u64) {
    crate::gc::finalizer::stop_cleanup(ptr as usize, id)
}

/// Whether no finalizer or cleanup is queued or running (the tests' `blockUntilEmpty*Queue`).
#[no_mangle]
pub extern "C" fn rog_finalizers_idle() -> bool {
    crate::gc::finalizer::idle()
}

/// `runtime.SetFinalizer(obj, f)` for a finalizer taking an interface: as
/// [`rog_setfinalizer`], but `f` is called as `f(iword, obj)`, `iword` being the interface's
/// first word (obj's type descriptor for `any`, else the itab).
#[no_mangle]
pub extern "C" fn rog_setfinalizer_iface(obj: *mut u8, f: *mut u8, iword: *mut u8) -> bool {
    crate::gc::finalizer::set(obj as usize, f as usize, iword as usize)
}

/// `runtime.ReadMemStats(m)`: fills the 5776-byte `runtime.MemStats` at `out` (gc's layout,
/// ABI.md §7). Stops the world briefly.
///
/// # Safety
/// out points at writable memory of that size.
#[no_mangle]
pub unsafe extern "C" fn rog_readmemstats(out: *mut crate::gc::memstats::MemStats) {
    crate::gc::read_mem_stats(&mut *out);
}

/// `runtime.ReadMemStats` for the overlay's own `MemStats`: writes the first `n` (at most 18) of
/// Alloc, TotalAlloc, Sys, Mallocs, Frees, HeapSys, HeapIdle, HeapInuse, HeapReleased,
/// HeapObjects, StackInuse, StackSys, NextGC, LastGC (ns since 1970), PauseTotalNs, NumGC,
/// NumForcedGC and the last pause (ns) as u64s at `out`. Stops the world briefly.
///
/// # Safety
/// out points at n writable u64s.
#[no_mangle]
pub unsafe extern "C" fn rog_memstats(out: *mut u64, n: i64) {
    let mut m: Box<core::mem::MaybeUninit<crate::gc::memstats::MemStats>> = Box::new_uninit();
    // SAFETY: every field is an integer, float or bool; zero bytes are valid for all of them.
    core::ptr::write_bytes(m.as_mut_ptr(), 0, 1);
    let mut m = m.assume_init();
    crate::gc::read_mem_stats(&mut m);
    let last = if m.num_gc > 0 { m.pause_ns[((m.num_gc + 255) % 256) as usize] } else { 0 };
    let v = [
        m.alloc, m.total_alloc, m.sys, m.mallocs, m.frees, m.heap_sys, m.heap_idle, m.heap_inuse,
        m.heap_released, m.heap_objects, m.stack_inuse, m.stack_sys, m.next_gc, m.last_gc,
        m.pause_total_ns, m.num_gc as u64, m.num_forced_gc as u64, last,
    ];
    for (i, x) in v.iter().take(n.clamp(0, 18) as usize).enumerate() {
        *out.add(i) = *x;
    }
}

/// `sync.runtime_registerPoolCleanup(f)`: `f` (a Go `func()`) runs at the start of every
/// collection, on the collecting goroutine with the world stopped: it must not allocate, block
/// or panic (sync's `poolCleanup` only drops references). A later call replaces it.
#[no_mangle]
pub extern "C" fn rog_registerpoolcleanup(f: *mut u8) {
    crate::gc::POOL_CLEANUP.store(f as usize, std::sync::atomic::Ordering::Relaxed);
}

/// `runtime.KeepAlive(x)`: keeps the pointer `p` alive (in a register or the stack, where the
/// conservative scan sees it) up to this call, even after inlining: the empty assembly
/// statement uses it and LLVM cannot see through it. Costs nothing else.
#[no_mangle]
pub extern "C" fn rog_keepalive(p: *mut u8) {
    // SAFETY: an empty assembly statement that only reads a register.
    unsafe { core::arch::asm!("/* keepalive {0} */", in(reg) p, options(nostack, preserves_flags)) };
}

/// `make([]T, len, cap)`: returns the zeroed backing array of `cap` elements of type `elem`.
/// Panics `runtime error: makeslice: len out of range` / `cap out of range` as gc.
///
/// # Safety
/// elem is a valid descriptor.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_makeslice(elem: *const Type, len: i64, cap: i64) -> *mut u8 {
    let size = (*elem).size as u128;
    let limit = 1u128 << 40;
    if len < 0 || len as u128 * size > limit {
        crate::panic::runtime_error(b"runtime error: makeslice: len out of range");
    }
    if cap < len || cap as u128 * size > limit {
        crate::panic::runtime_error(b"runtime error: makeslice: cap out of range");
    }
    alloc::alloc_array(elem, cap as usize)
}

/// The slice `append` grows: `{ptr, len, cap}`.
#[repr(C)]
pub struct SliceResult {
    pub ptr: *mut u8,
    pub len: i64,
    pub cap: i64,
}

/// `append` slow path: the slice `{old, oldlen, oldcap}` needs room for `newlen` elements of
/// type `elem`. Returns a new backing array holding a copy of the old elements, with len
/// `newlen` and gc's growth policy for cap (double below 256 elements, then about 1.25× plus
/// 192, rounded up to the allocation size class). The compiler then stores the appended
/// elements.
///
/// # Safety
/// elem is valid; old points at oldlen elements.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_growslice(
    old: *mut u8,
    oldlen: i64,
    oldcap: i64,
    newlen: i64,
    elem: *const Type,
) -> SliceResult {
    if newlen < 0 {
        crate::panic::runtime_error(b"runtime error: growslice: len out of range");
    }
    let es = (*elem).size;
    let mut cap = oldcap.max(0);
    if newlen > cap * 2 {
        cap = newlen;
    } else if cap < 256 {
        cap *= 2;
    } else {
        while cap < newlen {
            cap += (cap + 3 * 256) / 4;
        }
    }
    let cap = cap.max(newlen) as usize;
    let cap = if es == 0 {
        cap
    } else {
        // Round up to what the size class gives anyway, as gc does.
        rog_roundupsize((cap * es) as i64, (*elem).ptrdata == 0) as usize / es
    };
    let p = alloc::alloc_array(elem, cap);
    if oldlen > 0 && es > 0 {
        core::ptr::copy_nonoverlapping(old, p, oldlen as usize * es);
    }
    SliceResult { ptr: p, len: newlen, cap: cap as i64 }
}

/// What the collector scans of the heap object holding `p` (reflect's `GCBits`, for tests):
/// returns the start of the object's payload and the bytes of it that are scanned (the whole
/// slot, as an array of the header's type), and stores that type at `t`, or null for a
/// pointer-free object. Returns `{0, 0}` when `p` is not in the heap. Never blocks or
/// allocates.
///
/// # Safety
/// `t` is writable; `p` points into an object the caller keeps alive.
#[no_mangle]
pub unsafe extern "C" fn rog_heapobject(p: *const u8, t: *mut *const Type) -> Pair {
    *t = core::ptr::null();
    let Some(slot) = crate::gc::mark::object_slot(p as usize) else {
        return Pair { a: 0, b: 0 };
    };
    // SAFETY: object_slot found p's span, which stays in use while the object lives.
    let s = &*crate::gc::heap::span_of(p as usize);
    if s.noscan {
        return Pair { a: slot as i64, b: s.elemsize as i64 };
    }
    // SAFETY: slot is an allocated scan object: its first word is its type (alloc.rs).
    let typ = *(slot as *const *const Type);
    *t = typ;
    let es = if typ.is_null() { 0 } else { (*typ).size };
    let scanned = if es == 0 { 0 } else { (s.elemsize - 8) / es * es };
    Pair { a: (slot + 8) as i64, b: scanned as i64 }
}

/// How many one-element index slices `rog_fieldindex` serves from read-only memory.
const FIELD_INDEXES: usize = 256;

/// `FIELD_INDEX[i] == i`: the storage of reflect's `StructField.Index` for a struct's own
/// fields, shared by every call and read-only (as gc's, writing into it faults).
static FIELD_INDEX: [i64; FIELD_INDEXES] = {
    let mut a = [0; FIELD_INDEXES];
    let mut i = 0;
    while i < FIELD_INDEXES {
        a[i] = i as i64;
        i += 1;
    }
    a
};

/// A pointer to a read-only word holding `i`, or null when `i` is outside the table (the caller
/// then allocates). reflect's `Type.Field` makes its one-element `Index` slice over it.
#[no_mangle]
pub extern "C" fn rog_fieldindex(i: i64) -> *const i64 {
    match FIELD_INDEX.get(i as usize) {
        Some(p) => p,
        None => core::ptr::null(),
    }
}
