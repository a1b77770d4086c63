//! ABI.md §5, runtime errors raised by compiler-inserted checks. Each raises a Go panic whose
//! value is a `runtime.Error`; unrecovered it prints gc's text and exits with status 2.

use crate::panic::{self, Bounds};
use crate::types::{Eface, Type};

/// `a[x]` with x out of range for length `len` (x as a signed int).
#[no_mangle]
pub extern "C-unwind" fn rog_panic_index(x: i64, len: i64) -> ! {
    rog_panic_bounds(x, len, Bounds::Index as u32 | 0x100)
}

/// Any bounds failure. `code` low byte: gc's bounds code (0 index, 1 `s[:x]` vs len,
/// 2 `s[:x]` vs cap, 3 `s[x:y]`, 4 `s[::x]` vs len, 5 `s[::x]` vs cap, 6 `s[:x:y]`,
/// 7 `s[x:y:]`, 8 slice-to-array conversion); bit 8 (0x100) set when x is signed.
#[no_mangle]
pub extern "C-unwind" fn rog_panic_bounds(x: i64, y: i64, code: u32) -> ! {
    let m = panic::bounds_message(Bounds::from_code(code), x, code & 0x100 != 0, y);
    panic::gopanic(crate::rterr::make_error(&crate::rterr::BOUNDS_ERROR_TYPE, m.as_bytes()))
}

/// A compiler-inserted nil check failed (`*p`, `p.f`, `p[i]` on a nil pointer).
#[no_mangle]
pub extern "C-unwind" fn rog_panic_nilderef() -> ! {
    panic::runtime_error(b"runtime error: invalid memory address or nil pointer dereference")
}

/// Integer division or remainder by zero.
#[no_mangle]
pub extern "C-unwind" fn rog_panic_divide() -> ! {
    panic::runtime_error(b"runtime error: integer divide by zero")
}

/// Integer overflow in a conversion or shift gc checks (`negative shift amount`).
#[no_mangle]
pub extern "C-unwind" fn rog_panic_shift() -> ! {
    panic::runtime_error(b"runtime error: negative shift amount")
}

/// `append` past what a slice can hold: the new length overflows an int, or its memory exceeds
/// the largest allocation (gc's maxAlloc, 2^48 bytes on amd64).
#[no_mangle]
pub extern "C-unwind" fn rog_panic_growslice() -> ! {
    panic::runtime_error(b"runtime error: growslice: len out of range")
}

/// A range-over-func loop's protocol was broken (its yield function was called in `state`, or
/// the iterator returned after swallowing a body panic); `state` numbers as gc's abi.RF_State.
#[no_mangle]
pub extern "C-unwind" fn rog_panic_rangestate(state: i64) -> ! {
    panic::runtime_error(match state {
        0 => b"runtime error: range function continued iteration after function for loop body returned false" as &[u8],
        2 => b"runtime error: range function continued iteration after loop body panic",
        3 => b"runtime error: range function continued iteration after whole loop exit",
        _ => b"runtime error: range function recovered a loop body panic and did not resume panicking",
    })
}

/// `panic(v)`: `t`/`data` are the `any` holding the value (t null for `panic(nil)`, which gc
/// turns into a `*runtime.PanicNilError`).
///
/// # Safety
/// `t`/`data` form a valid empty interface.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_gopanic(t: *const Type, data: *mut u8) -> ! {
    if t.is_null() && !PANIC_NIL_ALLOWED.load(core::sync::atomic::Ordering::Relaxed) {
        let f = PANIC_NIL.load(core::sync::atomic::Ordering::Acquire);
        if f != 0 {
            // The overlay's runtime.panicNil: panic(new(PanicNilError)); it does not return.
            crate::sched::context::rog_call_closure0(f as *mut u8);
        }
        panic::runtime_error(b"panic called with nil argument")
    }
    panic::gopanic(Eface { typ: t, data })
}

/// The `func()` value that raises gc's `*runtime.PanicNilError` (0 until the runtime package's
/// init registers it; a static closure, so not a GC root).
static PANIC_NIL: core::sync::atomic::AtomicUsize = core::sync::atomic::AtomicUsize::new(0);

/// GODEBUG=panicnil=1: `panic(nil)` panics with the nil value itself.
static PANIC_NIL_ALLOWED: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);

/// Sets whether `panic(nil)` panics with a nil value (GODEBUG panicnil=1, read by the runtime
/// overlay at start-up and when GODEBUG changes).
#[no_mangle]
pub extern "C" fn rog_setpanicnilallowed(allowed: bool) {
    PANIC_NIL_ALLOWED.store(allowed, core::sync::atomic::Ordering::Relaxed);
}

/// Registers the Go function that `panic(nil)` calls (the runtime overlay's init).
#[no_mangle]
pub extern "C" fn rog_setpanicnil(f: *mut u8) {
    PANIC_NIL.store(f as usize, core::sync::atomic::Ordering::Release);
}
