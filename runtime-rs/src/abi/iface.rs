//! ABI.md §6, interfaces: itabs for conversions and assertions to interface types, failed
//! assertion panics, and interface comparison.

use crate::iface;
use crate::types::*;

/// Returns the itab of concrete type `t` for interface `inter` (building and caching it on first
/// use). When t lacks a method: returns null if `canfail`, else panics with
/// `interface conversion: T is not I: missing method M`. May allocate (not on the GC heap).
///
/// # Safety
/// `inter` and `t` are valid descriptors; t is not null.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_getitab(
    inter: *const InterfaceType,
    t: *const Type,
    canfail: bool,
) -> *const Itab {
    match iface::getitab(inter, t) {
        Ok(tab) => tab,
        Err(_) if canfail => core::ptr::null(),
        Err(m) => iface::assertion_failed(core::ptr::null(), t, &(*inter).typ, m.as_bytes()),
    }
}

/// `x.(I)` where `x` is any operand whose dynamic type is `t` (null when x is nil) and I is an
/// interface type: returns the itab for the result, or panics (`interface conversion: interface
/// is nil, not main.I` / `... missing method M`). For `v, ok := x.(I)` use `rog_getitab` with
/// canfail set (after checking t for null yourself).
///
/// # Safety
/// `inter` is valid; `t` is null or valid.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_assertE2I(
    inter: *const InterfaceType,
    t: *const Type,
) -> *const Itab {
    if t.is_null() {
        iface::assertion_failed(core::ptr::null(), t, &(*inter).typ, b"")
    }
    rog_getitab(inter, t, false)
}

/// The failure path of `x.(T)` for a concrete T: `have` is x's dynamic type (null if x was nil),
/// `want` is T, `iface` is x's static interface type. Panics with `interface conversion:
/// interface {} is string, not int`.
///
/// # Safety
/// Descriptors valid (have may be null).
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_panicdottypeE(
    have: *const Type,
    want: *const Type,
    iface: *const Type,
) -> ! {
    iface::assertion_failed(iface, have, want, b"")
}

/// As `rog_panicdottypeE` but the operand is a non-empty interface with itab `have` (null if
/// nil).
///
/// # Safety
/// Descriptors valid (have may be null).
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_panicdottypeI(
    have: *const Itab,
    want: *const Type,
    iface: *const Type,
) -> ! {
    let t = if have.is_null() { core::ptr::null() } else { (*have).typ };
    iface::assertion_failed(iface, t, want, b"")
}

/// `x == y` for two empty interfaces with the same dynamic type `t` (the compiler compares the
/// type words first; equal nil types are equal). Panics `runtime error: comparing uncomparable
/// type []int` when t is not comparable.
///
/// Whether descriptors `a` (possibly null) and `b` describe one type although they are not
/// the same object: the slow path of a concrete type assertion, for descriptors reflect made at
/// run time (`PointerTo`, `SliceOf`), which the compiler's own equal by kind and type string.
#[no_mangle]
pub extern "C-unwind" fn rog_sametype(a: *const Type, b: *const Type) -> bool {
    crate::types::same_type(a, b)
}

/// # Safety
/// `t` valid and non-null; `a`, `b` data words of values of type t.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_efaceeq(t: *const Type, a: *mut u8, b: *mut u8) -> bool {
    crate::equal::data_words_equal(t, a, b)
}

/// `x == y` for two non-empty interfaces with the same itab `tab` (non-null).
///
/// # Safety
/// As `rog_efaceeq`.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_ifaceeq(tab: *const Itab, a: *mut u8, b: *mut u8) -> bool {
    crate::equal::data_words_equal((*tab).typ, a, b)
}

/// Generic equality usable as the `equal` field of any comparable type's descriptor: walks the
/// descriptor (kind, array element, struct fields; interfaces compare dynamically and may panic
/// on uncomparable dynamic types).
///
/// # Safety
/// `a` and `b` point at values of type `t`.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_typeequal(a: *const u8, b: *const u8, t: *const Type) -> bool {
    crate::equal::equal(t, a, b)
}

/// Equality as plain memory comparison of `t.size` bytes, for `REGULAR_MEMORY` types.
///
/// # Safety
/// As `rog_typeequal`.
#[no_mangle]
pub unsafe extern "C" fn rog_memequal(a: *const u8, b: *const u8, t: *const Type) -> bool {
    let n = (*t).size;
    core::slice::from_raw_parts(a, n) == core::slice::from_raw_parts(b, n)
}

/// String equality (`a`, `b` point at Go strings).
///
/// # Safety
/// As `rog_typeequal`.
#[no_mangle]
pub unsafe extern "C" fn rog_strequal(a: *const u8, b: *const u8, _t: *const Type) -> bool {
    let (a, b) = (&*(a as *const GoString), &*(b as *const GoString));
    a.len == b.len && a.as_bytes() == b.as_bytes()
}

/// One entry of the typelinks table: a descriptor pointer (null for the runtime's own entry).
#[repr(transparent)]
pub struct TypeLink(*const Type);

// SAFETY: the entries are constant descriptors, never written.
unsafe impl Sync for TypeLink {}

/// The runtime's entry in the typelinks table: it makes the section exist in every link (a
/// program whose modules list no type included), so that the linker defines
/// `__start_rog_typelinks` and `__stop_rog_typelinks`. Null, skipped by readers.
#[used]
#[link_section = "rog_typelinks"]
static RUNTIME_TYPELINK: TypeLink = TypeLink(core::ptr::null());

extern "C" {
    static __start_rog_typelinks: TypeLink;
    static __stop_rog_typelinks: TypeLink;
}

/// The typelinks table (ABI.md §6, "Typelinks"; not named `rog_typelinks`, which is the
/// section's name, a symbol of its own in the assembler): returns the address of its first entry and
/// the number of entries, the descriptors of the unnamed composite types the compiler emitted
/// in any module, in no particular order, with duplicates and null entries. reflect's
/// `SliceOf`, `MapOf`, `FuncOf`, ... look there for the compiler's descriptor of a type.
/// Never blocks or allocates.
#[no_mangle]
pub extern "C" fn rog_typelinktable() -> crate::abi::chan::Pair {
    // Only the addresses of the linker-defined bounds are taken.
    let start = core::ptr::addr_of!(__start_rog_typelinks) as usize;
    let stop = core::ptr::addr_of!(__stop_rog_typelinks) as usize;
    let _ = &RUNTIME_TYPELINK;
    crate::abi::chan::Pair { a: start as i64, b: ((stop - start) / 8) as i64 }
}
