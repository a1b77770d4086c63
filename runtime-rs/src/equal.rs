//! Equality of Go values driven by their type descriptors (`==` on interfaces, map keys).

use crate::types::*;

/// Whether two interface data words holding values of type t are equal.
///
/// # Safety
/// t valid; a and b are data words for type t.
pub unsafe fn data_words_equal(t: *const Type, a: *mut u8, b: *mut u8) -> bool {
    if (*t).equal.is_none() {
        uncomparable(t);
    }
    if (*t).is_direct_iface() {
        return a == b;
    }
    equal(t, a, b)
}

#[cold]
pub fn uncomparable(t: *const Type) -> ! {
    let mut m = crate::print::Buf::<256>::new();
    m.extend(b"runtime error: comparing uncomparable type ");
    // SAFETY: t is valid.
    m.extend(unsafe { (*t).name() });
    crate::panic::runtime_error(m.as_bytes())
}

/// `*a == *b` for values of type t. Plain memory (ints, pointers, structs of them) compares
/// inline here, so map probes do not pay for the general walk's call.
///
/// # Safety
/// a and b point at values of type t.
#[inline]
pub unsafe fn equal(t: *const Type, a: *const u8, b: *const u8) -> bool {
    let tt = &*t;
    if tt.tflag & tflag::REGULAR_MEMORY != 0 {
        return mem_eq(a, b, tt.size);
    }
    equal_any(t, a, b)
}

/// `equal` for types that are not plain memory.
///
/// # Safety
/// a and b point at values of type t.
unsafe fn equal_any(t: *const Type, a: *const u8, b: *const u8) -> bool {
    let tt = &*t;
    match tt.kind {
        kind::FLOAT32 => *(a as *const f32) == *(b as *const f32),
        kind::FLOAT64 => *(a as *const f64) == *(b as *const f64),
        kind::COMPLEX64 => {
            let (a, b) = (a as *const f32, b as *const f32);
            *a == *b && *a.add(1) == *b.add(1)
        }
        kind::COMPLEX128 => {
            let (a, b) = (a as *const f64, b as *const f64);
            *a == *b && *a.add(1) == *b.add(1)
        }
        kind::STRING => {
            let (a, b) = (&*(a as *const GoString), &*(b as *const GoString));
            a.len == b.len && a.as_bytes() == b.as_bytes()
        }
        kind::INTERFACE => iface_equal(t, a, b),
        kind::ARRAY => {
            let at = &*(t as *const ArrayType);
            let es = (*at.elem).size;
            (0..at.len).all(|i| equal(at.elem, a.add(i * es), b.add(i * es)))
        }
        kind::STRUCT => {
            let st = &*(t as *const StructType);
            let fields = core::slice::from_raw_parts(st.fields, st.nfields);
            fields.iter().all(|f| {
                f.name.as_bytes() == b"_" || equal(f.typ, a.add(f.offset), b.add(f.offset))
            })
        }
        kind::SLICE | kind::MAP | kind::FUNC => uncomparable(t),
        _ => mem_eq(a, b, tt.size),
    }
}

unsafe fn iface_equal(t: *const Type, a: *const u8, b: *const u8) -> bool {
    let nonempty = (*(t as *const InterfaceType)).nmethods > 0;
    let (ta, da) = *(a as *const (*const u8, *mut u8));
    let (tb, db) = *(b as *const (*const u8, *mut u8));
    if ta != tb {
        let dyn_a = if nonempty && !ta.is_null() { (*(ta as *const Itab)).typ } else { ta.cast() };
        let dyn_b = if nonempty && !tb.is_null() { (*(tb as *const Itab)).typ } else { tb.cast() };
        if !same_type(dyn_a, dyn_b) {
            return false;
        }
    }
    if ta.is_null() {
        return true;
    }
    let dt = if nonempty { (*(ta as *const Itab)).typ } else { ta.cast() };
    data_words_equal(dt, da, db)
}

/// Byte equality of n bytes; word-sized keys (ints, pointers, channels) compare in one load
/// each instead of a call of memcmp.
#[inline]
unsafe fn mem_eq(a: *const u8, b: *const u8, n: usize) -> bool {
    match n {
        8 => (a as *const u64).read_unaligned() == (b as *const u64).read_unaligned(),
        4 => (a as *const u32).read_unaligned() == (b as *const u32).read_unaligned(),
        _ => core::slice::from_raw_parts(a, n) == core::slice::from_raw_parts(b, n),
    }
}
