//! `runtime.Callers`, `runtime.Caller`, `runtime.FuncForPC`, `runtime.Frames`: return addresses
//! of the running goroutine and their symbolisation (symtab.rs).

use core::ffi::c_void;

extern "C" {
    fn _Unwind_Backtrace(
        trace: extern "C" fn(ctx: *mut u8, arg: *mut c_void) -> i32,
        arg: *mut c_void,
    ) -> i32;
    fn _Unwind_GetIP(ctx: *mut u8) -> usize;
}

/// The most return addresses a stack walk collects.
const MAX_DEPTH: usize = 4096;

const CONTINUE: i32 = 0;
const STOP: i32 = 4; // _URC_NORMAL_STOP

/// Turns return addresses into `runtime.Callers` PCs: one per Go frame of the inline chain at
/// the call (the return address minus 1), each the return address tagged with the frame's index
/// in the chain. Rust frames (these functions, the runtime) are left out.
struct Expand {
    /// Go frames still to skip.
    skip: i64,
    out: *mut usize,
    n: usize,
    got: usize,
    /// The bottom of the goroutine (runtime.goexit) was reached.
    done: bool,
}

impl Expand {
    /// Adds the frames at return address ip; false once no more are wanted.
    fn push(&mut self, ip: usize) -> bool {
        if ip == 0 || self.done || self.got == self.n {
            return false;
        }
        crate::symtab::go_frames(ip - 1, |index, kind| {
            if self.done || self.got == self.n {
                return;
            }
            self.done = kind == crate::symtab::Kind::Goexit;
            if self.skip > 0 {
                self.skip -= 1;
                return;
            }
            // SAFETY: got < n, and out points at n writable words.
            unsafe { *self.out.add(self.got) = ip | index << crate::symtab::TAG_SHIFT };
            self.got += 1;
        });
        !self.done && self.got < self.n
    }
}

extern "C" fn expand_step(ctx: *mut u8, arg: *mut c_void) -> i32 {
    // SAFETY: arg is the Expand of `callers`; ctx is a live unwind context.
    unsafe {
        let e = &mut *(arg as *mut Expand);
        if e.push(_Unwind_GetIP(ctx)) {
            CONTINUE
        } else {
            STOP
        }
    }
}

extern "C" fn collect(ctx: *mut u8, arg: *mut c_void) -> i32 {
    // SAFETY: arg is the Vec of `raw_stack`; ctx is a live unwind context.
    unsafe {
        let v = &mut *(arg as *mut Vec<usize>);
        let ip = _Unwind_GetIP(ctx);
        if ip == 0 || v.len() == MAX_DEPTH {
            return STOP;
        }
        v.push(ip);
    }
    CONTINUE
}

/// The return addresses of the calling thread's stack, innermost first.
#[inline(never)]
fn raw_stack() -> Vec<usize> {
    let mut v = Vec::with_capacity(64);
    // SAFETY: collect only pushes onto v.
    unsafe { _Unwind_Backtrace(collect, &mut v as *mut Vec<usize> as *mut c_void) };
    v
}

/// Whether goroutine gp sees a panicking stack below its own (see [`logical_stack`]).
fn splices(gp: *mut crate::sched::G) -> bool {
    // SAFETY: gp is the running goroutine; only it touches its panic fields.
    !gp.is_null() && unsafe { crate::unwind::in_panic_defer(gp) && !(*gp).panic_pcs.is_empty() }
}

/// The stack as Go sees it from goroutine gp: its own return addresses, and while it panics (a
/// deferred call runs), the frames of the panicking stack below the deferred call. Unwinding
/// has already left the frames between the panic and the frame running the deferred call, but
/// gc runs deferred calls on top of them, so tracebacks and `runtime.Callers` see them. The
/// panic's stack shares its outer frames with this one (same return addresses); the frame just
/// above the shared part is the one whose landing pad runs the deferred call, and the panic's
/// stack has that frame at its call instead.
pub fn logical_stack(gp: *mut crate::sched::G) -> Vec<usize> {
    let mut now = raw_stack();
    if !splices(gp) {
        return now;
    }
    // SAFETY: as in `splices`.
    let saved = unsafe { &(*gp).panic_pcs };
    let shared = now
        .iter()
        .rev()
        .zip(saved.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    if shared == 0 || shared == now.len() {
        return now;
    }
    now.truncate(now.len() - shared - 1);
    now.extend_from_slice(saved);
    now
}

#[inline(never)]
fn callers(skip: i64, pcs: *mut usize, n: i64) -> i64 {
    let mut e = Expand {
        skip,
        out: pcs,
        n: n.max(0) as usize,
        got: 0,
        done: false,
    };
    let g = crate::sched::current_g();
    if splices(g) {
        for ip in logical_stack(g) {
            if !e.push(ip) {
                break;
            }
        }
    } else {
        // The common case walks only as far as the frames asked for.
        // SAFETY: expand_step only writes within pcs[..n].
        unsafe { _Unwind_Backtrace(expand_step, &mut e as *mut Expand as *mut c_void) };
    }
    e.got as i64
}

/// `runtime.Callers(skip, pcs)`: stores up to `n` PCs of the calling goroutine's stack at `pcs`,
/// one per logical Go frame (inlined calls included, runtime frames left out), innermost first,
/// and returns how many. `skip` 0 starts with the Go function that called `rog_callers`. A PC
/// is a return address tagged with the index of its frame in the address's inline chain (see
/// ABI.md); `rog_funcinfo` decodes it. The walk ends at the goroutine's first frame
/// (`runtime.goexit`). The first call reads the executable's debug information.
///
/// # Safety
/// pcs points at n writable words.
#[no_mangle]
#[inline(never)]
pub unsafe extern "C" fn rog_callers(skip: i64, pcs: *mut usize, n: i64) -> i64 {
    callers(skip, pcs, n)
}

/// What `rog_funcinfo` stores: the physical function's entry, the logical frame's function name
/// and file, the index of the next Go frame at the same address (0: none), and whether the frame
/// is an inlined call.
#[repr(C)]
pub struct FuncInfo {
    pub entry: usize,
    pub name: *const u8,
    pub name_len: usize,
    pub file: *const u8,
    pub file_len: usize,
    pub next: usize,
    pub inlined: usize,
}

/// `runtime.FuncForPC(pc)`, `Func.Name/Entry/FileLine`, `Frames.Next`: symbolises the code
/// address `pc` (pass a return address minus 1 to get the call's line), which may carry a frame
/// index tag (ABI.md): the frame described is the first Go frame of the inline chain at the
/// address with at least that index. Fills `out` with the physical function's entry, the frame's
/// function name (gc's spelling, `main.main`), source file, the index of the next Go frame
/// outwards at the same address (0 when none) and whether the frame is inlined, and returns the
/// line, 0 when unknown. With no Go function known, `out.entry` is 0. The strings live forever.
/// The first call reads the executable's symbol, line and inline tables (milliseconds); later
/// ones cost a few binary searches and one line-program sequence.
///
/// # Safety
/// out points at a writable `FuncInfo`.
#[no_mangle]
pub unsafe extern "C" fn rog_funcinfo(pc: usize, out: *mut FuncInfo) -> i64 {
    let index = pc >> crate::symtab::TAG_SHIFT;
    match crate::symtab::frame(pc & crate::symtab::ADDR_MASK, index) {
        Some(f) => {
            *out = FuncInfo {
                entry: f.entry,
                name: f.name.as_ptr(),
                name_len: f.name.len(),
                file: f.file.as_ptr(),
                file_len: f.file.len(),
                next: f.next,
                inlined: f.inlined as usize,
            };
            f.line as i64
        }
        None => {
            *out = FuncInfo {
                entry: 0,
                name: b"".as_ptr(),
                name_len: 0,
                file: b"".as_ptr(),
                file_len: 0,
                next: 0,
                inlined: 0,
            };
            0
        }
    }
}
