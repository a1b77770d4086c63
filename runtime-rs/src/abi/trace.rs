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

struct Walk {
    /// Go frames still to skip.
    skip: i64,
    out: *mut usize,
    n: usize,
    got: usize,
    /// The bottom of the goroutine (runtime.goexit) was reached.
    done: bool,
}

extern "C" fn step(ctx: *mut u8, arg: *mut c_void) -> i32 {
    const CONTINUE: i32 = 0;
    const STOP: i32 = 4; // _URC_NORMAL_STOP
                         // SAFETY: arg is the Walk of `callers`; ctx is a live unwind context.
    unsafe {
        let w = &mut *(arg as *mut Walk);
        let ip = _Unwind_GetIP(ctx);
        if ip == 0 || w.done || w.got == w.n {
            return STOP;
        }
        // One PC per Go frame of the inline chain at the call (the return address minus 1):
        // the return address itself, tagged with the frame's index in the chain. Rust frames
        // (these functions, the runtime) are left out.
        crate::symtab::go_frames(ip - 1, |index, kind| {
            if w.done || w.got == w.n {
                return;
            }
            w.done = kind == crate::symtab::Kind::Goexit;
            if w.skip > 0 {
                w.skip -= 1;
                return;
            }
            *w.out.add(w.got) = ip | index << crate::symtab::TAG_SHIFT;
            w.got += 1;
        });
    }
    CONTINUE
}

#[inline(never)]
fn callers(skip: i64, pcs: *mut usize, n: i64) -> i64 {
    let mut w = Walk {
        skip,
        out: pcs,
        n: n.max(0) as usize,
        got: 0,
        done: false,
    };
    // SAFETY: step only writes within pcs[..n].
    unsafe { _Unwind_Backtrace(step, &mut w as *mut Walk as *mut c_void) };
    w.got as i64
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
