//! Printing a panic value the way gc does (`printpanicval`): error and Stringer values print
//! their method's text, basic types print like `print`, other named types as `main.T(5)`, and
//! anything else as `(main.T) 0xADDR`.

use crate::print;
use crate::rterr;
use crate::types::*;

/// Finds a method `name` with signature `func() string` in t's method set.
pub fn find_string_method(t: &Type, name: &[u8]) -> Option<*const u8> {
    t.methods().iter().find_map(|m| {
        // SAFETY: method names are valid strings.
        let n = unsafe { m.name.as_bytes() };
        (n == name && same_type(m.mtyp, &rterr::FUNC_STRING.typ)).then_some(m.ifn)
    })
}

/// Calls a `func() string` method through its interface entry with `data` as the receiver.
///
/// # Safety
/// `f` must be such a method's `ifn` for the dynamic type of `data`.
pub unsafe fn call_string_method(f: *const u8, data: *mut u8) -> GoString {
    let f: unsafe extern "C-unwind" fn(*mut u8) -> GoString = core::mem::transmute(f);
    f(data)
}

/// If v is an `error` or a `fmt.Stringer`, the text its method returns (gc's `preprintpanics`).
pub fn method_text(v: Eface) -> Option<GoString> {
    if v.typ.is_null() {
        return None;
    }
    // SAFETY: a non-nil eface has a valid descriptor.
    let t = unsafe { &*v.typ };
    let f = find_string_method(t, b"Error").or_else(|| find_string_method(t, b"String"))?;
    // SAFETY: f is t's method and v.data is a value of type t.
    Some(unsafe { call_string_method(f, v.data) })
}

/// Prints s with every newline followed by a tab (gc's `printindented`).
pub fn print_indented(s: &[u8]) {
    let mut start = 0;
    for (i, &c) in s.iter().enumerate() {
        if c == b'\n' {
            print::bytes(&s[start..=i]);
            print::str("\t");
            start = i + 1;
        }
    }
    print::bytes(&s[start..]);
}

/// Prints a panic value (after method texts were substituted) like gc's `printpanicval`.
pub fn print_value(v: Eface) {
    if v.typ.is_null() {
        return print::str("nil");
    }
    // SAFETY: non-null descriptor; data layout follows the kind.
    unsafe {
        let t = &*v.typ;
        let named = t.tflag & tflag::NAMED != 0 && !is_predeclared(t);
        if t.kind == kind::STRING {
            let s = (*(v.data as *const GoString)).as_bytes();
            if named {
                print::bytes(t.name());
                print::str("(\"");
                print_indented(s);
                return print::str("\")");
            }
            return print_indented(s);
        }
        if !is_scalar(t.kind) {
            print::str("(");
            print::bytes(t.name());
            print::str(") ");
            return print::hex(v.data as u64);
        }
        if named {
            print::bytes(t.name());
            if t.kind != kind::COMPLEX64 && t.kind != kind::COMPLEX128 {
                print::str("(");
                print_scalar(t.kind, v.data);
                return print::str(")");
            }
        }
        print_scalar(t.kind, v.data);
    }
}

fn is_predeclared(t: &Type) -> bool {
    // SAFETY: uncommon, when present, is valid.
    t.uncommon.is_null() || unsafe { (*t.uncommon).pkgpath.len == 0 }
}

fn is_scalar(k: u8) -> bool {
    (kind::BOOL..=kind::COMPLEX128).contains(&k)
}

/// Prints the scalar at p (or in the data word, for pointer-shaped values) of kind k.
///
/// # Safety
/// p must point at a value of kind k.
unsafe fn print_scalar(k: u8, p: *mut u8) {
    match k {
        kind::BOOL => print::bool(*p != 0),
        kind::INT | kind::INT64 => print::int(*(p as *const i64)),
        kind::INT8 => print::int(*(p as *const i8) as i64),
        kind::INT16 => print::int(*(p as *const i16) as i64),
        kind::INT32 => print::int(*(p as *const i32) as i64),
        kind::UINT | kind::UINT64 | kind::UINTPTR => print::uint(*(p as *const u64)),
        kind::UINT8 => print::uint(*p as u64),
        kind::UINT16 => print::uint(*(p as *const u16) as u64),
        kind::UINT32 => print::uint(*(p as *const u32) as u64),
        kind::FLOAT32 => print::float32(*(p as *const f32)),
        kind::FLOAT64 => print::float64(*(p as *const f64)),
        kind::COMPLEX64 => {
            let c = p as *const f32;
            print::complex(*c as f64, *c.add(1) as f64, true)
        }
        kind::COMPLEX128 => {
            let c = p as *const f64;
            print::complex(*c, *c.add(1), false)
        }
        _ => {}
    }
}
