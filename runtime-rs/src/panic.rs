//! Go panics and fatal errors.
//!
//! Milestone state: an unrecovered panic prints gc's text and exits with status 2; runtime errors
//! are formatted with gc's messages. Unwinding, defer and recover build on this (see ABI.md §8).

use crate::print;
use crate::sys;

/// `fatal error: <msg>` and exit 2, like gc's `throw`/`fatal`: not recoverable.
pub fn fatal(msg: &str) -> ! {
    print::dying();
    print::lock();
    print::str("fatal error: ");
    print::str(msg);
    print::str("\n");
    print::unlock();
    sys::exit(2)
}

/// `fatal error: not supported yet: <feature>` (STYLE.md §6) and exit 2.
pub fn unsupported(feature: &str) -> ! {
    print::dying();
    print::lock();
    print::str("fatal error: not supported yet: ");
    print::str(feature);
    print::str("\n");
    print::unlock();
    sys::exit(2)
}

/// Kinds of bounds failure, numbered like gc's `abi.BoundsErrorCode`.
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Bounds {
    Index = 0,
    SliceAlen = 1,
    SliceAcap = 2,
    SliceB = 3,
    Slice3Alen = 4,
    Slice3Acap = 5,
    Slice3B = 6,
    Slice3C = 7,
    Convert = 8,
}

impl Bounds {
    pub fn from_code(c: u32) -> Bounds {
        match c & 0xff {
            0 => Bounds::Index,
            1 => Bounds::SliceAlen,
            2 => Bounds::SliceAcap,
            3 => Bounds::SliceB,
            4 => Bounds::Slice3Alen,
            5 => Bounds::Slice3Acap,
            6 => Bounds::Slice3B,
            7 => Bounds::Slice3C,
            _ => Bounds::Convert,
        }
    }

    fn format(self, negative: bool) -> &'static str {
        use Bounds::*;
        if negative {
            return match self {
                Index => "index out of range [%x]",
                SliceAlen | SliceAcap => "slice bounds out of range [:%x]",
                SliceB => "slice bounds out of range [%x:]",
                Slice3Alen | Slice3Acap => "slice bounds out of range [::%x]",
                Slice3B => "slice bounds out of range [:%x:]",
                Slice3C => "slice bounds out of range [%x::]",
                Convert => "",
            };
        }
        match self {
            Index => "index out of range [%x] with length %y",
            SliceAlen => "slice bounds out of range [:%x] with length %y",
            SliceAcap => "slice bounds out of range [:%x] with capacity %y",
            SliceB => "slice bounds out of range [%x:%y]",
            Slice3Alen => "slice bounds out of range [::%x] with length %y",
            Slice3Acap => "slice bounds out of range [::%x] with capacity %y",
            Slice3B => "slice bounds out of range [:%x:%y]",
            Slice3C => "slice bounds out of range [%x:%y:]",
            Convert => {
                "cannot convert slice with length %y to array or pointer to array with length %x"
            }
        }
    }
}

/// The text of a bounds error (`runtime error: ` included), as gc's `boundsError.Error`.
/// `signed` says whether x came from a signed integer (a negative x then reads as negative).
pub fn bounds_message(kind: Bounds, x: i64, signed: bool, y: i64) -> print::Buf<128> {
    let neg = signed && x < 0;
    let mut b = print::Buf::<128>::new();
    b.extend(b"runtime error: ");
    let f = kind.format(neg).as_bytes();
    let mut i = 0;
    while i < f.len() {
        if f[i] == b'%' && i + 1 < f.len() {
            let v = if f[i + 1] == b'x' { x } else { y };
            let vsigned = f[i + 1] != b'x' || signed;
            if vsigned && v < 0 {
                b.push(b'-');
                print::fmt_uint(&mut b, v.unsigned_abs());
            } else {
                print::fmt_uint(&mut b, v as u64);
            }
            i += 2;
            continue;
        }
        b.push(f[i]);
        i += 1;
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(k: Bounds, x: i64, s: bool, y: i64) -> String {
        String::from_utf8(bounds_message(k, x, s, y).as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn bounds_texts() {
        assert_eq!(
            msg(Bounds::Index, 5, true, 3),
            "runtime error: index out of range [5] with length 3"
        );
        assert_eq!(msg(Bounds::Index, -1, true, 3), "runtime error: index out of range [-1]");
        assert_eq!(
            msg(Bounds::Index, -1, false, 3),
            "runtime error: index out of range [18446744073709551615] with length 3"
        );
        assert_eq!(msg(Bounds::SliceB, 3, true, 2), "runtime error: slice bounds out of range [3:2]");
        assert_eq!(
            msg(Bounds::Convert, 4, true, 2),
            "runtime error: cannot convert slice with length 2 to array or pointer to array with length 4"
        );
    }
}

/// Prints an unrecovered panic (`panic: <value>` and the goroutine header) and exits with 2.
pub fn die_with_panic(v: crate::types::Eface, signal_line: Option<&[u8]>) -> ! {
    let text = crate::panicval::method_text(v);
    print::dying();
    print::lock();
    print::str("panic: ");
    match text {
        // SAFETY: method results are valid Go strings.
        Some(s) => crate::panicval::print_indented(unsafe { s.as_bytes() }),
        None => crate::panicval::print_value(v),
    }
    print::str("\n");
    if let Some(l) = signal_line {
        print::bytes(l);
        print::str("\n");
    }
    print::str("\ngoroutine ");
    print::int(crate::sched::current_goid());
    print::str(" [running]:\n");
    crate::traceback::print(&crate::traceback::capture());
    print::unlock();
    sys::exit(2)
}

/// Raises a runtime error whose full text is `msg` (a `runtime.Error`).
pub fn runtime_error(msg: &[u8]) -> ! {
    gopanic(crate::rterr::make_error(&crate::rterr::RUNTIME_ERROR_TYPE, msg))
}

/// Raises a plain runtime error (gc's `plainError`): printed without the `runtime error: ` prefix.
pub fn plain_error(msg: &[u8]) -> ! {
    gopanic(crate::rterr::make_error(&crate::rterr::PLAIN_ERROR_TYPE, msg))
}

/// Starts panicking with value v (unwinding, see unwind.rs).
pub fn gopanic(v: crate::types::Eface) -> ! {
    crate::unwind::gopanic(v, None)
}

/// Faults below this address are nil dereferences (gc's check: the first page).
const NIL_PAGE: usize = 0x1000;

/// A synchronous signal in Go code: nil dereference (SIGSEGV/SIGBUS) or division fault (SIGFPE).
/// A fault elsewhere is gc's fatal `unexpected fault address`, unless the goroutine asked
/// `debug.SetPanicOnFault` for a panic.
pub fn signal_panic(sig: i32, code: i32, addr: usize, pc: usize) -> ! {
    let mut line = print::Buf::<160>::new();
    let (name, msg): (&[u8], &[u8]) = match sig {
        8 => (b"SIGFPE: floating-point exception", b"runtime error: integer divide by zero"),
        7 => (b"SIGBUS: bus error", b"runtime error: invalid memory address or nil pointer dereference"),
        _ => (
            b"SIGSEGV: segmentation violation",
            b"runtime error: invalid memory address or nil pointer dereference",
        ),
    };
    line.extend(b"[signal ");
    line.extend(name);
    line.extend(b" code=");
    print::fmt_hex(&mut line, code as u64);
    line.extend(b" addr=");
    print::fmt_hex(&mut line, addr as u64);
    line.extend(b" pc=");
    print::fmt_hex(&mut line, pc as u64);
    line.extend(b"]");
    let g = crate::sched::current_g();
    // SAFETY: g, when not null, is the running goroutine.
    if sig != 8 && addr >= NIL_PAGE && (g.is_null() || unsafe { !(*g).panic_on_fault }) {
        let trace = crate::traceback::capture();
        let mut head = print::Buf::<64>::new();
        head.extend(b"unexpected fault address ");
        print::fmt_hex(&mut head, addr as u64);
        print::dying();
        print::lock();
        print::bytes(head.as_bytes());
        print::str("\nfatal error: fault\n");
        print::bytes(line.as_bytes());
        print::str("\n\ngoroutine ");
        print::int(crate::sched::current_goid());
        print::str(" [running]:\n");
        crate::traceback::print(&trace);
        print::unlock();
        sys::exit(2)
    }
    let v = crate::rterr::make_error(&crate::rterr::RUNTIME_ERROR_TYPE, msg);
    crate::unwind::gopanic(v, Some(line.as_bytes()))
}
