//! Go panics, defer and recover on top of the system unwinder (libgcc_s, Itanium ABI).
//!
//! `panic(v)` allocates a [`Panic`] record (which begins with the `_Unwind_Exception` header),
//! pushes it on the goroutine's panic chain and calls `_Unwind_RaiseException`. The personality
//! routine [`rog_personality`] reports a handler in every Go frame whose call site has a landing
//! pad, so the unwinder stops at the nearest Go function with defers. Its landing pad calls
//! `rog_deferpanic`, which runs the deferred calls of that frame (and of frames already unwound);
//! if one of them called `recover()`, the function returns normally to its caller; otherwise
//! the landing pad calls `rog_panic_resume`, which raises the same exception again from there.
//! When no Go frame is left (`_URC_END_OF_STACK`), the panic is fatal: gc's text and exit 2.
//!
//! Defer records live on the goroutine's defer chain (newest first), tagged with the address of
//! the frame that deferred them; stacks grow down, so records whose frame address is at or below
//! a frame belong to it or to frames already unwound. A record is the deferred call's closure
//! object itself ([`Defer`]), which escape analysis usually leaves in the deferring frame. Such
//! a record must not outlive its frame: every way out of the frame runs it (the normal return,
//! the frame's landing pad), except unwinding through a frame with no landing pad at that point
//! (a deferred call that panics inside `rog_deferpanic`, a fault between checks): there the
//! personality routine moves the frame's pending records to the heap before the frame's memory
//! is reused ([`heapify_below`]).
//!
//! `runtime.Goexit` raises the same way with a record that cannot be recovered; at the end of
//! the stack the goroutine exits instead of the program.

use crate::sched::{self, G};
use crate::types::*;
use core::ptr;

const CLASS: u64 = u64::from_be_bytes(*b"ROG\0GO\0\0");

#[repr(C)]
pub struct UnwindException {
    class: u64,
    cleanup: Option<extern "C" fn(i32, *mut UnwindException)>,
    private: [u64; 2],
}

/// A panic in progress (a heap object; the goroutine's `panics` field points at the newest).
#[repr(C)]
pub struct Panic {
    exc: UnwindException,
    /// The panic value.
    pub arg: Eface,
    /// The panic this one interrupted (a deferred call panicked while it ran).
    pub link: *mut Panic,
    pub recovered: bool,
    pub goexit: bool,
    /// A deferred call run for this panic is executing (recover may stop it).
    pub in_defer: bool,
    /// gc's `[signal ...]` line for panics raised by a fault, else empty.
    pub signal: [u8; 96],
    pub signal_len: usize,
    /// The frame (as `Defer::frame`) whose deferred calls run for this panic.
    pub defer_frame: usize,
}

/// A deferred call: the closure object the compiler builds for `defer g(args)` (ABI.md §8),
/// whose first words the runtime owns while the call is pending.
#[repr(C)]
pub struct Defer {
    /// The closure's code (it reads the stored callee and arguments that follow the header).
    pub code: *mut u8,
    pub link: *mut Defer,
    /// Address identifying the frame that deferred it.
    pub frame: usize,
    /// The object's type (the collector's shape): its size and pointer words, for the copy.
    pub typ: *const Type,
}

static PANIC_MASK: u8 = 0b0110_0000; // words 5 (arg.data) and 6 (link)
static PANIC_TYPE: Type = Type {
    size: core::mem::size_of::<Panic>(),
    ptrdata: 56,
    hash: fnv1a(b"runtime._panic"),
    tflag: 0,
    align: 8,
    field_align: 8,
    kind: kind::STRUCT,
    equal: None,
    gcdata: &PANIC_MASK,
    name: GoString::from_static("runtime._panic"),
    uncommon: ptr::null(),
};

extern "C-unwind" {
    fn _Unwind_RaiseException(e: *mut UnwindException) -> i32;
}

extern "C" {
    fn _Unwind_GetLanguageSpecificData(ctx: *mut u8) -> *const u8;
    fn _Unwind_GetRegionStart(ctx: *mut u8) -> usize;
    fn _Unwind_GetIPInfo(ctx: *mut u8, before: *mut i32) -> usize;
    fn _Unwind_SetGR(ctx: *mut u8, reg: i32, v: usize);
    fn _Unwind_SetIP(ctx: *mut u8, ip: usize);
    fn _Unwind_GetGR(ctx: *mut u8, reg: i32) -> usize;
}

fn g() -> *mut G {
    sched::current_g()
}

/// Calls `f` with the panic and defer chains of every goroutine (roots for the collector).
pub fn for_each_root(mut f: impl FnMut(usize)) {
    let gs = sched::ALLGS.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for g in gs {
        let g = g as *const G;
        // SAFETY: Gs are never freed; the world is stopped.
        unsafe {
            f((*g).panics as usize);
            f((*g).defers as usize);
        }
    }
}

/// `defer g(args)` in the frame identified by `frame`: d is the call's closure object.
pub fn deferproc(d: *mut Defer, frame: usize) {
    let gp = g();
    // SAFETY: d is the compiler's record, not on any chain yet; gp is running.
    unsafe {
        (*d).frame = frame;
        (*d).link = (*gp).defers as *mut Defer;
        (*gp).defers = d.cast();
    }
}

/// Moves to the heap the pending records that live in stack memory below `cfa` (the frame the
/// unwinder is leaving, and frames it left before): that memory is about to be reused. The
/// chain is newest first, so they are the records before the first one an outer frame made.
///
/// # Safety
/// Called by the personality routine while the frame at `cfa` is still intact.
unsafe fn heapify_below(cfa: usize) {
    let gp = g();
    if gp.is_null() {
        return;
    }
    let mut at: *mut *mut Defer = ptr::addr_of_mut!((*gp).defers).cast();
    loop {
        let d = *at;
        if d.is_null() || (*d).frame >= cfa {
            return;
        }
        if (d as usize) < cfa && crate::gc::heap::span_of(d as usize).is_null() {
            let size = (*(*d).typ).size;
            let h = crate::alloc::alloc_object(size, (*d).typ) as *mut Defer;
            ptr::copy_nonoverlapping(d as *const u8, h as *mut u8, size);
            *at = h;
        }
        at = ptr::addr_of_mut!((**at).link);
    }
}

/// Pops and runs the newest defer record if it belongs to `frame` or a frame below it.
/// Returns false when there is none.
fn run_one(frame: usize) -> bool {
    let gp = g();
    // SAFETY: gp is running; its defer chain holds valid records.
    unsafe {
        let d = (*gp).defers as *mut Defer;
        if d.is_null() || (*d).frame > frame {
            return false;
        }
        (*gp).defers = (*d).link.cast();
        sched::context::rog_call_closure0(d.cast());
    }
    true
}

/// Normal return from a frame with defers: runs its deferred calls, newest first.
pub fn deferreturn(frame: usize) {
    while run_one(frame) {}
}

/// Starts a panic with value v.
pub fn gopanic(v: Eface, signal: Option<&[u8]>) -> ! {
    let gp = g();
    if gp.is_null() {
        crate::panic::die_with_panic(v, signal);
    }
    // SAFETY: gp is running; only it touches its trace.
    unsafe {
        (*gp).trace = Some(crate::traceback::capture());
        (*gp).panic_pcs = crate::abi::trace::logical_stack(gp);
    }
    let p = crate::alloc::alloc_object(core::mem::size_of::<Panic>(), &PANIC_TYPE) as *mut Panic;
    // SAFETY: p is a fresh record; gp is running.
    unsafe {
        (*p).exc.class = CLASS;
        (*p).arg = v;
        if let Some(s) = signal {
            let n = s.len().min(96);
            (&mut (*p).signal)[..n].copy_from_slice(&s[..n]);
            (*p).signal_len = n;
        }
        (*p).link = (*gp).panics as *mut Panic;
        (*gp).panics = p.cast();
        raise(p)
    }
}

/// `runtime.Goexit`.
pub fn goexit() -> ! {
    let gp = g();
    let p = crate::alloc::alloc_object(core::mem::size_of::<Panic>(), &PANIC_TYPE) as *mut Panic;
    // SAFETY: as in gopanic.
    unsafe {
        (*p).exc.class = CLASS;
        (*p).goexit = true;
        (*p).link = (*gp).panics as *mut Panic;
        (*gp).panics = p.cast();
        raise(p)
    }
}

/// Whether goroutine gp runs a deferred call for a panic (not for Goexit) that has not been
/// recovered from yet.
///
/// # Safety
/// gp is the running goroutine.
pub unsafe fn in_panic_defer(gp: *mut crate::sched::G) -> bool {
    let p = (*gp).panics as *mut Panic;
    !p.is_null() && (*p).in_defer && !(*p).goexit
}

/// Raises (or re-raises) p; handles the end of the stack.
unsafe fn raise(p: *mut Panic) -> ! {
    _Unwind_RaiseException(&mut (*p).exc);
    // No Go frame with a landing pad is left: run any defers still pending, then die.
    while run_one(usize::MAX) {}
    if (*p).goexit {
        let gp = g();
        (*gp).panics = (*p).link.cast();
        sched::goexit();
    }
    fatal_panic(p)
}

/// Prints the panic chain as gc does and exits 2.
unsafe fn fatal_panic(p: *mut Panic) -> ! {
    let mut chain = Vec::new();
    let mut q = p;
    while !q.is_null() {
        chain.push(q);
        q = (*q).link;
    }
    // Compute texts before printing (methods may run Go code).
    let texts: Vec<Option<GoString>> =
        chain.iter().map(|&q| if (*q).goexit { None } else { crate::panicval::method_text((*q).arg) }).collect();
    crate::print::dying();
    crate::print::lock();
    let mut first = true;
    for (i, &q) in chain.iter().enumerate().rev() {
        if (*q).goexit {
            continue;
        }
        if !first {
            crate::print::str("\t");
        }
        first = false;
        crate::print::str("panic: ");
        match texts[i] {
            Some(s) => crate::panicval::print_indented(s.as_bytes()),
            None => crate::panicval::print_value((*q).arg),
        }
        if (*q).recovered {
            crate::print::str(" [recovered]");
        }
        crate::print::str("\n");
        if (*q).signal_len > 0 {
            crate::print::bytes(&(&(*q).signal)[..(*q).signal_len]);
            crate::print::str("\n");
        }
    }
    crate::print::str("\ngoroutine ");
    crate::print::int(sched::current_goid());
    crate::print::str(" [running]:\n");
    if let Some(t) = (*g()).trace.as_ref() {
        crate::traceback::print(t);
    }
    crate::print::unlock();
    crate::sys::exit(2)
}

/// The landing pad's call: runs the deferred calls of `frame` (and of frames already unwound)
/// for the panic `exc`. Returns true when one of them recovered: the frame must then return
/// normally (after `rog_deferreturn`).
///
/// # Safety
/// exc is the exception the landing pad received.
pub unsafe fn deferpanic(exc: *mut UnwindException, frame: usize) -> bool {
    let p = exc as *mut Panic;
    (*p).defer_frame = frame;
    loop {
        (*p).in_defer = true;
        let ran = run_one(frame);
        (*p).in_defer = false;
        if !ran {
            return false;
        }
        if (*p).recovered {
            let gp = g();
            // Earlier panics whose deferred call ran in this frame or a deeper one are over
            // (gc's aborted panics): that call was unwound, and the frame returns normally.
            let mut q = (*p).link;
            while !q.is_null() && (*q).in_defer && (*q).defer_frame <= frame {
                q = (*q).link;
            }
            (*gp).panics = q.cast();
            return true;
        }
    }
}

/// Re-raises exc after its frame's defers ran without recovering.
///
/// # Safety
/// exc is a live exception from a landing pad.
pub unsafe fn resume(exc: *mut UnwindException) -> ! {
    raise(exc as *mut Panic)
}

/// `recover()`: the current panic's value if called while a deferred call runs for it and it is
/// not recovered yet; nil otherwise. (gc also requires the caller to be the deferred function
/// itself; rog accepts calls from functions it calls too.)
pub fn gorecover() -> Eface {
    let gp = g();
    // SAFETY: gp is running; its panic chain holds valid records.
    unsafe {
        let p = (*gp).panics as *mut Panic;
        if p.is_null() || (*p).goexit || (*p).recovered || !(*p).in_defer {
            return Eface { typ: ptr::null(), data: ptr::null_mut() };
        }
        (*p).recovered = true;
        (*p).arg
    }
}

const SEARCH: i32 = 1;
/// The DWARF number of rbp on x86-64.
const RBP: i32 = 6;
const HANDLER_FOUND: i32 = 6;
const INSTALL_CONTEXT: i32 = 7;
const CONTINUE_UNWIND: i32 = 8;

/// The personality routine of Go functions (ABI.md §8).
///
/// # Safety
/// Called by the unwinder with its own valid arguments.
#[no_mangle]
pub unsafe extern "C" fn rog_personality(
    _version: i32,
    actions: i32,
    class: u64,
    exc: *mut UnwindException,
    ctx: *mut u8,
) -> i32 {
    if class != CLASS {
        return CONTINUE_UNWIND;
    }
    let lsda = _Unwind_GetLanguageSpecificData(ctx);
    if lsda.is_null() {
        return CONTINUE_UNWIND;
    }
    let mut before = 0;
    let mut ip = _Unwind_GetIPInfo(ctx, &mut before);
    if before == 0 {
        ip -= 1;
    }
    let start = _Unwind_GetRegionStart(ctx);
    let Some(lp) = find_landing_pad(lsda, start, ip) else {
        if actions & SEARCH == 0 {
            // Leaving this frame without running its deferred calls here: they run at the next
            // landing pad, from the heap. Go functions keep a frame pointer, so the frame ends
            // (its CFA) two words above it. (libgcc's _Unwind_GetCFA gives the callee's CFA.)
            heapify_below(_Unwind_GetGR(ctx, RBP) + 16);
        }
        return CONTINUE_UNWIND;
    };
    if actions & SEARCH != 0 {
        return HANDLER_FOUND;
    }
    _Unwind_SetGR(ctx, 0, exc as usize);
    _Unwind_SetGR(ctx, 1, 0);
    _Unwind_SetIP(ctx, lp);
    INSTALL_CONTEXT
}

/// Finds the landing pad covering `ip` in an LSDA (gcc_except_table format).
unsafe fn find_landing_pad(lsda: *const u8, func_start: usize, ip: usize) -> Option<usize> {
    let mut p = lsda;
    let lpstart_enc = *p;
    p = p.add(1);
    let lpstart = if lpstart_enc == 0xff { func_start } else { read_encoded(&mut p, lpstart_enc) };
    let ttype_enc = *p;
    p = p.add(1);
    if ttype_enc != 0xff {
        read_uleb(&mut p);
    }
    let cs_enc = *p;
    p = p.add(1);
    let cs_len = read_uleb(&mut p);
    let end = p.add(cs_len);
    let off = ip - func_start;
    while p < end {
        let s = read_encoded(&mut p, cs_enc);
        let l = read_encoded(&mut p, cs_enc);
        let lp = read_encoded(&mut p, cs_enc);
        read_uleb(&mut p);
        if off < s {
            return None;
        }
        if off < s + l {
            return (lp != 0).then_some(lpstart + lp);
        }
    }
    None
}

unsafe fn read_uleb(p: &mut *const u8) -> usize {
    let (mut v, mut shift) = (0usize, 0);
    loop {
        let b = **p;
        *p = p.add(1);
        v |= ((b & 0x7f) as usize) << shift;
        shift += 7;
        if b & 0x80 == 0 {
            return v;
        }
    }
}

unsafe fn read_encoded(p: &mut *const u8, enc: u8) -> usize {
    let v = match enc & 0x0f {
        0x01 => return read_uleb(p),
        0x02 => {
            let v = (*p as *const u16).read_unaligned() as usize;
            *p = p.add(2);
            v
        }
        0x03 => {
            let v = (*p as *const u32).read_unaligned() as usize;
            *p = p.add(4);
            v
        }
        0x0b => {
            let v = (*p as *const i32).read_unaligned() as isize as usize;
            *p = p.add(4);
            v
        }
        _ => {
            let v = (*p as *const u64).read_unaligned() as usize;
            *p = p.add(8);
            v
        }
    };
    v
}
