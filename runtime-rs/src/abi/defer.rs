//! ABI.md §8, defer, panic and recover (see unwind.rs for the mechanism).

use crate::types::Eface;
use crate::unwind::{self, UnwindException};

/// `defer g(args)`: `d` is the closure object the compiler built for the call, which begins
/// with the record header the runtime fills ([`unwind::Defer`]: code, link, frame, type; ABI.md
/// §8); it may live in the deferring frame. `frame` is the address of any stack slot of the
/// deferring function's frame (the same for every defer in one activation).
#[no_mangle]
pub extern "C-unwind" fn rog_deferproc(d: *mut u8, frame: *mut u8) {
    unwind::deferproc(d.cast(), frame as usize);
}

/// On every normal return path of a function with defers (and after `rog_deferpanic` returned
/// true): runs the frame's pending deferred calls, newest first. May panic (call it with
/// `invoke`).
#[no_mangle]
pub extern "C-unwind" fn rog_deferreturn(frame: *mut u8) {
    unwind::deferreturn(frame as usize);
}

/// Called first thing in a landing pad with the exception pointer the landingpad produced:
/// runs the frame's deferred calls for the panic. Returns true if one recovered: the function
/// must then call `rog_deferreturn(frame)` and return normally (with its result variables as the
/// deferred calls left them). Returns false otherwise: call `rog_panic_resume(exc)`.
///
/// # Safety
/// exc comes from the landing pad.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_deferpanic(exc: *mut UnwindException, frame: *mut u8) -> bool {
    unwind::deferpanic(exc, frame as usize)
}

/// Continues a panic whose frame's deferred calls did not recover. Never returns.
///
/// # Safety
/// exc comes from the landing pad.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_panic_resume(exc: *mut UnwindException) -> ! {
    unwind::resume(exc)
}

/// `recover()`: returns the panic value (stopping the panic) when called during a deferred call
/// run by a panic, else nil.
#[no_mangle]
pub extern "C" fn rog_gorecover() -> Eface {
    unwind::gorecover()
}
