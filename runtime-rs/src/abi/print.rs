//! ABI.md §5, printing: the `print` and `println` builtins. Output goes unbuffered to standard
//! error. None of these allocate, block on anything but the write, or panic.

use crate::print;

/// Takes the print lock for one `print`/`println` statement (recursive per thread).
#[no_mangle]
pub extern "C" fn rog_printlock() {
    print::lock();
}

/// Releases the print lock taken by `rog_printlock`.
#[no_mangle]
pub extern "C" fn rog_printunlock() {
    print::unlock();
}

/// Prints a string operand.
///
/// # Safety
/// `p` points at `n` readable bytes (any Go string).
#[no_mangle]
pub unsafe extern "C" fn rog_printstring(p: *const u8, n: i64) {
    if n > 0 {
        print::bytes(core::slice::from_raw_parts(p, n as usize));
    }
}

/// Prints a signed integer operand (any signed width, sign-extended to 64 bits).
#[no_mangle]
pub extern "C" fn rog_printint(v: i64) {
    print::int(v);
}

/// Prints an unsigned integer operand (any unsigned width, zero-extended to 64 bits).
#[no_mangle]
pub extern "C" fn rog_printuint(v: u64) {
    print::uint(v);
}

/// Prints a `uintptr`-like value in hex as `0x…` (gc's printhex).
#[no_mangle]
pub extern "C" fn rog_printhex(v: u64) {
    print::hex(v);
}

/// Prints a float64 operand: shortest representation, `%g`-like (`1.5`, `1e+21`, `+Inf`, `NaN`).
#[no_mangle]
pub extern "C" fn rog_printfloat(v: f64) {
    print::float64(v);
}

/// Prints a float32 operand (shortest representation for 32-bit floats).
#[no_mangle]
pub extern "C" fn rog_printfloat32(v: f32) {
    print::float32(v);
}

/// Prints a complex128 operand: `(1+2i)`.
#[no_mangle]
pub extern "C" fn rog_printcomplex(re: f64, im: f64) {
    print::complex(re, im, false);
}

/// Prints a complex64 operand.
#[no_mangle]
pub extern "C" fn rog_printcomplex64(re: f32, im: f32) {
    print::complex(re as f64, im as f64, true);
}

/// Prints a bool operand: `true` / `false`.
#[no_mangle]
pub extern "C" fn rog_printbool(v: bool) {
    print::bool(v);
}

/// Prints a pointer, map, channel, func or unsafe.Pointer operand: `0x…` (`0x0` for nil).
#[no_mangle]
pub extern "C" fn rog_printpointer(p: *const u8) {
    print::hex(p as u64);
}

/// Prints an empty-interface operand: `(0xTYPE,0xDATA)`.
#[no_mangle]
pub extern "C" fn rog_printeface(t: *const u8, data: *const u8) {
    print_pair(t, data);
}

/// Prints a non-empty interface operand: `(0xITAB,0xDATA)`.
#[no_mangle]
pub extern "C" fn rog_printiface(tab: *const u8, data: *const u8) {
    print_pair(tab, data);
}

fn print_pair(a: *const u8, b: *const u8) {
    print::lock();
    print::str("(");
    print::hex(a as u64);
    print::str(",");
    print::hex(b as u64);
    print::str(")");
    print::unlock();
}

/// Prints a slice operand: `[len/cap]0xDATA`.
#[no_mangle]
pub extern "C" fn rog_printslice(p: *const u8, len: i64, cap: i64) {
    print::lock();
    print::str("[");
    print::int(len);
    print::str("/");
    print::int(cap);
    print::str("]");
    print::hex(p as u64);
    print::unlock();
}

/// Prints a single space (between `println` operands).
#[no_mangle]
pub extern "C" fn rog_printsp() {
    print::str(" ");
}

/// Prints a newline (end of `println`).
#[no_mangle]
pub extern "C" fn rog_printnl() {
    print::str("\n");
}
