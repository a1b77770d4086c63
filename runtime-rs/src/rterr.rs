//! Go values for the runtime's own errors (`runtime.Error`), so a recovered runtime error is an
//! ordinary `error` with `Error()` and `RuntimeError()` methods.
//!
//! The descriptors are defined here in Rust. Their method signatures point at Rust copies of
//! `func() string` and `func()`; [`crate::types::same_type`] matches those with the compiler's
//! descriptors by kind, hash and type string.

use crate::types::*;
use core::ptr;

/// A `*const T` that may sit in a static.
#[repr(transparent)]
pub struct SyncPtr<T>(pub *const T);
// SAFETY: only ever points at immutable static data.
unsafe impl<T> Sync for SyncPtr<T> {}

const fn basic(name: &'static str, k: u8, size: usize, ptrdata: usize, gcdata: *const u8) -> Type {
    Type {
        size,
        ptrdata,
        hash: fnv1a(name.as_bytes()),
        tflag: 0,
        align: 8,
        field_align: 8,
        kind: k,
        equal: None,
        gcdata,
        name: GoString::from_static(name),
        uncommon: ptr::null(),
    }
}

static ONE_PTR_MASK: u8 = 1;

/// `string`: predeclared, so named, as the compiler's descriptor of it is.
pub static STRING_TYPE: Type = Type {
    tflag: tflag::NAMED,
    ..basic("string", kind::STRING, 16, 8, &ONE_PTR_MASK)
};

static STRING_RESULT: SyncPtr<Type> = SyncPtr(&STRING_TYPE);

/// `func() string`.
pub static FUNC_STRING: FuncType = FuncType {
    typ: basic("func() string", kind::FUNC, 8, 8, &ONE_PTR_MASK),
    in_count: 0,
    out_count: 1,
    _pad: 0,
    params: &STRING_RESULT as *const SyncPtr<Type> as *const *const Type,
    call: ptr::null(),
    stub: ptr::null(),
};

/// `func()`.
pub static FUNC_VOID: FuncType = FuncType {
    typ: basic("func()", kind::FUNC, 8, 8, &ONE_PTR_MASK),
    in_count: 0,
    out_count: 0,
    _pad: 0,
    params: ptr::null(),
    call: ptr::null(),
    stub: ptr::null(),
};

/// The data word of every runtime error value points at one of these.
#[repr(C)]
pub struct ErrorBox {
    /// The full `Error()` text.
    pub msg: GoString,
}

unsafe extern "C" fn error_method(recv: *mut u8) -> GoString {
    // SAFETY: the data word of our error types always points at an ErrorBox.
    unsafe { (*(recv as *const ErrorBox)).msg }
}

unsafe extern "C" fn runtime_error_method(_recv: *mut u8) {}

macro_rules! rt_error_type {
    ($static:ident, $name:expr, $kind:expr) => {
        pub static $static: Type = Type {
            size: 8,
            ptrdata: 8,
            hash: fnv1a($name.as_bytes()),
            tflag: tflag::NAMED | tflag::DIRECT_IFACE,
            align: 8,
            field_align: 8,
            kind: $kind,
            equal: None,
            gcdata: &ONE_PTR_MASK,
            name: GoString::from_static($name),
            uncommon: &RT_UNCOMMON.u,
        };
    };
}

#[repr(C)]
struct UncommonWithMethods {
    u: Uncommon,
}

// The method table shared by all runtime error types: Error() string and RuntimeError().
static RT_METHODS: [Method; 2] = [
    Method {
        name: GoString::from_static("Error"),
        mtyp: &FUNC_STRING.typ,
        ifn: error_method as *const u8,
        tfn: error_method as *const u8,
    },
    Method {
        name: GoString::from_static("RuntimeError"),
        mtyp: &FUNC_VOID.typ,
        ifn: runtime_error_method as *const u8,
        tfn: runtime_error_method as *const u8,
    },
];

static RT_UNCOMMON: UncommonWithMethods = UncommonWithMethods {
    u: Uncommon {
        pkgpath: GoString::from_static("runtime"),
        methods: &RT_METHODS as *const [Method; 2] as *const Method,
        mcount: 2,
        xcount: 2,
        ptr_to_this: ptr::null(),
    },
};

// SAFETY: all of these are immutable tables of pointers to static data and functions.
unsafe impl Sync for Method {}
unsafe impl Sync for Uncommon {}
unsafe impl Sync for UncommonWithMethods {}
unsafe impl Sync for FuncType {}

// Runtime errors whose text starts with "runtime error: ", named as gc names them (so `%T` and
// type names in messages match): index and slice failures are `runtime.boundsError`, the others
// (nil dereference, division, shifts, unhashable keys, ...) `runtime.errorString`.
rt_error_type!(RUNTIME_ERROR_TYPE, "runtime.errorString", kind::POINTER);
rt_error_type!(BOUNDS_ERROR_TYPE, "runtime.boundsError", kind::POINTER);
// Errors that print without that prefix (gc's plainError): "send on closed channel", ...
rt_error_type!(PLAIN_ERROR_TYPE, "runtime.plainError", kind::POINTER);
// Failed type assertions.
rt_error_type!(TYPE_ASSERTION_ERROR_TYPE, "*runtime.TypeAssertionError", kind::POINTER);

/// Makes the `any` value of a runtime error with the given type and full text (copied to the
/// heap).
pub fn make_error(t: &'static Type, msg: &[u8]) -> Eface {
    let text = crate::alloc::alloc_bytes(msg.len());
    // SAFETY: text has room for msg.len() bytes; the box is a fresh allocation of its size.
    unsafe {
        ptr::copy_nonoverlapping(msg.as_ptr(), text, msg.len());
        let b = crate::alloc::alloc_object(core::mem::size_of::<ErrorBox>(), &STRING_TYPE)
            as *mut ErrorBox;
        (*b).msg = GoString { ptr: text, len: msg.len() };
        Eface { typ: t, data: b.cast() }
    }
}

/// Whether `t` is one of the runtime's error types.
pub fn is_runtime_error_type(t: *const Type) -> bool {
    ptr::eq(t, &RUNTIME_ERROR_TYPE)
        || ptr::eq(t, &BOUNDS_ERROR_TYPE)
        || ptr::eq(t, &PLAIN_ERROR_TYPE)
        || ptr::eq(t, &TYPE_ASSERTION_ERROR_TYPE)
}
