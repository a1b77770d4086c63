//! The `print`/`println` builtins and the runtime's own diagnostics, in gc's exact formats.
//!
//! Everything goes unbuffered to standard error, like gc. Formatting happens in small stack
//! buffers so printing never allocates and works while the heap is broken (during a crash).
//! Floats use the shortest representation that reads back exactly, laid out as Go's
//! `strconv.FormatFloat(v, 'g', -1, bits)`: Rust's `{:e}` formatting gives the shortest digits
//! and the exponent, and `format_float` arranges them the way Go does.

use crate::sys;
use core::cell::Cell;
use core::fmt::Write;
use core::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The owner of the print lock (an address unique to the owning thread), 0 when free.
static PRINT_OWNER: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// How many times this thread holds the print lock (it is recursive: a crash while printing
    /// must still be able to print).
    static PRINT_DEPTH: Cell<u32> = const { Cell::new(0) };
}

fn thread_token() -> usize {
    PRINT_DEPTH.with(|d| d as *const _ as usize)
}

/// Takes the print lock, recursively.
pub fn lock() {
    let me = thread_token();
    let depth = PRINT_DEPTH.with(|d| d.get());
    if depth == 0 {
        while PRINT_OWNER
            .compare_exchange_weak(0, me, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            core::hint::spin_loop();
        }
    }
    PRINT_DEPTH.with(|d| d.set(depth + 1));
}

/// Releases one level of the print lock.
pub fn unlock() {
    let depth = PRINT_DEPTH.with(|d| d.get());
    if depth == 0 {
        return;
    }
    PRINT_DEPTH.with(|d| d.set(depth - 1));
    if depth == 1 {
        PRINT_OWNER.store(0, Ordering::Release);
    }
}

/// The file `debug.SetCrashOutput` set (`usize::MAX` for none): fatal output goes there too.
static CRASH_FD: AtomicUsize = AtomicUsize::new(usize::MAX);
/// Set once the program is dying (an unrecovered panic or a fatal error is being printed).
static DYING: AtomicBool = AtomicBool::new(false);

/// Sets the crash output file descriptor and returns the previous one (gc's `setCrashFD`).
pub fn set_crash_fd(fd: usize) -> usize {
    CRASH_FD.swap(fd, Ordering::AcqRel)
}

/// Marks the program as dying: from now on what is printed also goes to the crash output.
pub fn dying() {
    DYING.store(true, Ordering::Release);
}

/// Writes raw bytes to standard error (and, while dying, to the crash output, as gc does).
pub fn bytes(b: &[u8]) {
    sys::write_all(2, b);
    if DYING.load(Ordering::Acquire) {
        let fd = CRASH_FD.load(Ordering::Acquire);
        if fd != usize::MAX {
            sys::write_all(fd as core::ffi::c_int, b);
        }
    }
}

pub fn str(s: &str) {
    bytes(s.as_bytes());
}

/// A fixed-size stack buffer implementing `fmt::Write`; output past its end is dropped.
pub struct Buf<const N: usize> {
    pub b: [u8; N],
    pub n: usize,
}

impl<const N: usize> Buf<N> {
    pub fn new() -> Self {
        Buf { b: [0; N], n: 0 }
    }
    pub fn push(&mut self, c: u8) {
        if self.n < N {
            self.b[self.n] = c;
            self.n += 1;
        }
    }
    pub fn extend(&mut self, s: &[u8]) {
        for &c in s {
            self.push(c);
        }
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.b[..self.n]
    }
}

impl<const N: usize> Write for Buf<N> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.extend(s.as_bytes());
        Ok(())
    }
}

pub fn uint(v: u64) {
    let mut b = Buf::<24>::new();
    fmt_uint(&mut b, v);
    bytes(b.as_bytes());
}

pub fn int(v: i64) {
    let mut b = Buf::<24>::new();
    if v < 0 {
        b.push(b'-');
    }
    fmt_uint(&mut b, v.unsigned_abs());
    bytes(b.as_bytes());
}

pub fn fmt_uint<const N: usize>(b: &mut Buf<N>, mut v: u64) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    b.extend(&tmp[i..]);
}

/// `0x` and the lower-case hex digits of v, as gc's printhex.
pub fn hex(v: u64) {
    let mut b = Buf::<24>::new();
    fmt_hex(&mut b, v);
    bytes(b.as_bytes());
}

pub fn fmt_hex<const N: usize>(b: &mut Buf<N>, mut v: u64) {
    let mut tmp = [0u8; 16];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b"0123456789abcdef"[(v & 15) as usize];
        v >>= 4;
        if v == 0 {
            break;
        }
    }
    b.extend(b"0x");
    b.extend(&tmp[i..]);
}

pub fn bool(v: bool) {
    str(if v { "true" } else { "false" });
}

/// A float64 in Go's shortest `'g'` format.
pub fn float64(v: f64) {
    let mut b = Buf::<40>::new();
    fmt_float(&mut b, v, false);
    bytes(b.as_bytes());
}

/// A float32 in Go's shortest `'g'` format for 32-bit floats.
pub fn float32(v: f32) {
    let mut b = Buf::<40>::new();
    fmt_float(&mut b, v as f64, true);
    bytes(b.as_bytes());
}

/// A complex number as `(re+imi)`; `single` selects float32 precision for both parts.
pub fn complex(re: f64, im: f64, single: bool) {
    let mut b = Buf::<80>::new();
    b.push(b'(');
    fmt_float(&mut b, re, single);
    let start = b.n;
    fmt_float(&mut b, im, single);
    if b.b[start] != b'+' && b.b[start] != b'-' {
        // Go writes an explicit sign before the imaginary part; insert it.
        b.push(0);
        b.b.copy_within(start..b.n - 1, start + 1);
        b.b[start] = b'+';
    }
    b.extend(b"i)");
    bytes(b.as_bytes());
}

/// Formats v as `strconv.FormatFloat(v, 'g', -1, 64 or 32)`.
pub fn fmt_float<const N: usize>(out: &mut Buf<N>, v: f64, single: bool) {
    if v.is_nan() {
        return out.extend(b"NaN");
    }
    if v.is_infinite() {
        return out.extend(if v > 0.0 { b"+Inf" } else { b"-Inf" });
    }
    // Shortest round-trip digits and decimal exponent from Rust's formatter: "d.ddde[-]x".
    let mut sci = Buf::<40>::new();
    let _ = if single { write!(sci, "{:e}", v as f32) } else { write!(sci, "{:e}", v) };
    let s = sci.as_bytes();
    let (neg, s) = if s[0] == b'-' { (true, &s[1..]) } else { (false, s) };
    let epos = s.iter().position(|&c| c == b'e').unwrap_or(s.len());
    let mut digits = Buf::<24>::new();
    for &c in &s[..epos] {
        if c != b'.' {
            digits.push(c);
        }
    }
    let exp = parse_exp(&s[epos + 1..]);
    let d = digits.as_bytes();
    if neg {
        out.push(b'-');
    }
    if exp < -4 || exp >= 6 {
        fmt_e(out, d, exp);
    } else {
        fmt_f(out, d, exp + 1);
    }
}

fn parse_exp(s: &[u8]) -> i32 {
    let (neg, s) = if s.first() == Some(&b'-') { (true, &s[1..]) } else { (false, s) };
    let mut e = 0i32;
    for &c in s {
        e = e * 10 + (c - b'0') as i32;
    }
    if neg {
        -e
    } else {
        e
    }
}

/// `d.ddde±xx`: all digits, at least two exponent digits.
fn fmt_e<const N: usize>(out: &mut Buf<N>, d: &[u8], exp: i32) {
    out.push(d[0]);
    if d.len() > 1 {
        out.push(b'.');
        out.extend(&d[1..]);
    }
    out.push(b'e');
    out.push(if exp < 0 { b'-' } else { b'+' });
    let e = exp.unsigned_abs();
    if e < 10 {
        out.push(b'0');
    }
    fmt_uint(out, e as u64);
}

/// Plain decimal with the decimal point after `dp` digits (dp may be <= 0 or past the digits).
fn fmt_f<const N: usize>(out: &mut Buf<N>, d: &[u8], dp: i32) {
    if dp <= 0 {
        out.push(b'0');
    } else {
        for i in 0..dp as usize {
            out.push(if i < d.len() { d[i] } else { b'0' });
        }
    }
    let frac = d.len() as i32 - dp;
    if frac > 0 {
        out.push(b'.');
        for i in dp..d.len() as i32 {
            out.push(if i < 0 { b'0' } else { d[i as usize] });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: f64) -> String {
        let mut b = Buf::<40>::new();
        fmt_float(&mut b, v, false);
        String::from_utf8(b.as_bytes().to_vec()).unwrap()
    }

    fn f32s(v: f32) -> String {
        let mut b = Buf::<40>::new();
        fmt_float(&mut b, v as f64, true);
        String::from_utf8(b.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn floats_match_go() {
        // Expected strings come from gc 1.26's println.
        assert_eq!(f(1.5), "1.5");
        assert_eq!(f(1e21), "1e+21");
        assert_eq!(f(123456789.0), "1.23456789e+08");
        assert_eq!(f(123456.0), "123456");
        assert_eq!(f(1e-7), "1e-07");
        assert_eq!(f(0.000001), "1e-06");
        assert_eq!(f(0.0001), "0.0001");
        assert_eq!(f(0.00012), "0.00012");
        assert_eq!(f(-0.0), "-0");
        assert_eq!(f(0.0), "0");
        assert_eq!(f(3.0), "3");
        assert_eq!(f(2.5e-300), "2.5e-300");
        assert_eq!(f(f64::MAX), "1.7976931348623157e+308");
        assert_eq!(f(5e-324), "5e-324");
        assert_eq!(f(f64::NAN), "NaN");
        assert_eq!(f(f64::NEG_INFINITY), "-Inf");
        assert_eq!(f32s(0.1), "0.1");
        assert_eq!(f32s(16777216.0), "1.6777216e+07");
        assert_eq!(f32s(3.4e38), "3.4e+38");
    }
}
