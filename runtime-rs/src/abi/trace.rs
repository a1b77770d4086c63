//! `runtime.Callers`, `runtime.Caller`, `runtime.FuncForPC`, `runtime.Frames`: return addresses
//! of the running goroutine and their symbolisation (symtab.rs).

use core::ffi::c_void;

extern "C" {
    fn _Unwind_Backtrace(
        trace: extern "C" fn(ctx: *mut u8, arg: *mut c_void) -> i32,
        arg: *mut c_void,
    ) -> i32;
    fn _Unwind_GetIP(ctx: *mut u8) -> usize;
    fn _Unwind_GetRegionStart(ctx: *mut u8) -> usize;
}

struct Walk {
    /// Frames still to skip once past the runtime's own frames.
    skip: i64,
    out: *mut usize,
    n: usize,
    got: usize,
    /// Still inside rog_callers / callers (their frames are never reported).
    inside: bool,
}

extern "C" fn step(ctx: *mut u8, arg: *mut c_void) -> i32 {
    const CONTINUE: i32 = 0;
    const STOP: i32 = 4; // _URC_NORMAL_STOP
    // SAFETY: arg is the Walk of `callers`; ctx is a live unwind context.
    unsafe {
        let w = &mut *(arg as *mut Walk);
        let start = _Unwind_GetRegionStart(ctx);
        if w.inside {
            if start == callers as *const () as usize || start == rog_callers as *const () as usize {
                return CONTINUE;
            }
            w.inside = false;
        }
        if w.skip > 0 {
            w.skip -= 1;
            return CONTINUE;
        }
        if w.got == w.n {
            return STOP;
        }
        *w.out.add(w.got) = _Unwind_GetIP(ctx);
        w.got += 1;
    }
    CONTINUE
}

#[inline(never)]
fn callers(skip: i64, pcs: *mut usize, n: i64) -> i64 {
    let mut w = Walk { skip, out: pcs, n: n.max(0) as usize, got: 0, inside: true };
    // SAFETY: step only writes within pcs[..n].
    unsafe { _Unwind_Backtrace(step, &mut w as *mut Walk as *mut c_void) };
    w.got as i64
}

/// `runtime.Callers(skip, pcs)`: stores up to `n` return addresses of the calling goroutine's
/// stack at `pcs`, innermost first, and returns how many. `skip` 0 starts with the return
/// address into the function that called `rog_callers`. The walk ends at the goroutine's first frame. Never
/// blocks or allocates.
///
/// # Safety
/// pcs points at n writable words.
#[no_mangle]
#[inline(never)]
pub unsafe extern "C" fn rog_callers(skip: i64, pcs: *mut usize, n: i64) -> i64 {
    callers(skip, pcs, n)
}

/// What `rog_funcinfo` stores: the function's entry and name, the file.
#[repr(C)]
pub struct FuncInfo {
    pub entry: usize,
    pub name: *const u8,
    pub name_len: usize,
    pub file: *const u8,
    pub file_len: usize,
}

/// `runtime.FuncForPC(pc)`, `Func.Name/Entry/FileLine`, `Frames.Next`: symbolises the code
/// address `pc` (pass a return address minus 1 to get the call's line). Fills `out` with the
/// enclosing function's entry and name (gc's spelling for Go functions, `main.main`) and the
/// source file, and returns the line, 0 when unknown. With no function known, `out.entry` is 0.
/// The strings live forever. The first call reads the executable's symbol and line tables
/// (milliseconds); later ones cost a binary search and one line-program sequence.
///
/// # Safety
/// out points at a writable `FuncInfo`.
#[no_mangle]
pub unsafe extern "C" fn rog_funcinfo(pc: usize, out: *mut FuncInfo) -> i64 {
    match crate::symtab::lookup(pc) {
        Some(i) => {
            *out = FuncInfo {
                entry: i.entry,
                name: i.name.as_ptr(),
                name_len: i.name.len(),
                file: i.file.as_ptr(),
                file_len: i.file.len(),
            };
            i.line as i64
        }
        None => {
            *out = FuncInfo { entry: 0, name: b"".as_ptr(), name_len: 0, file: b"".as_ptr(), file_len: 0 };
            0
        }
    }
}
