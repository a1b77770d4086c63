//! Type descriptors, itabs and Go value layouts: the data the compiler emits and the runtime
//! reads. ABI.md §1 and §6 describe the same layouts in prose; this file is their definition.
//!
//! Identity: the compiler emits every descriptor `linkonce_odr` under one canonical name
//! (`type:<type string>`), so one type has one descriptor and a pointer comparison decides
//! identity. [`same_type`] also accepts two descriptors with equal kind, hash and type string, so
//! descriptors the runtime defines itself (in Rust) match the compiler's.

use core::ptr;

/// A Go `string`: data pointer and length; no terminating NUL.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct GoString {
    pub ptr: *const u8,
    pub len: usize,
}

// SAFETY: a GoString is an immutable view of bytes that are never written after creation.
unsafe impl Sync for GoString {}
unsafe impl Send for GoString {}

impl GoString {
    pub const fn from_static(s: &'static str) -> GoString {
        GoString { ptr: s.as_ptr(), len: s.len() }
    }
    pub const EMPTY: GoString = GoString { ptr: ptr::null(), len: 0 };

    /// The bytes of the string.
    ///
    /// # Safety
    /// `ptr` must point at `len` readable bytes (any Go string does).
    pub unsafe fn as_bytes<'a>(&self) -> &'a [u8] {
        if self.len == 0 {
            &[]
        } else {
            core::slice::from_raw_parts(self.ptr, self.len)
        }
    }
}

/// A Go slice header.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Slice {
    pub ptr: *mut u8,
    pub len: usize,
    pub cap: usize,
}

/// An empty interface (`any`): dynamic type and data word.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Eface {
    pub typ: *const Type,
    pub data: *mut u8,
}

/// A non-empty interface: itab and data word.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Iface {
    pub tab: *const Itab,
    pub data: *mut u8,
}

/// `reflect.Kind` numbering, which the `kind` byte of every descriptor uses.
pub mod kind {
    pub const BOOL: u8 = 1;
    pub const INT: u8 = 2;
    pub const INT8: u8 = 3;
    pub const INT16: u8 = 4;
    pub const INT32: u8 = 5;
    pub const INT64: u8 = 6;
    pub const UINT: u8 = 7;
    pub const UINT8: u8 = 8;
    pub const UINT16: u8 = 9;
    pub const UINT32: u8 = 10;
    pub const UINT64: u8 = 11;
    pub const UINTPTR: u8 = 12;
    pub const FLOAT32: u8 = 13;
    pub const FLOAT64: u8 = 14;
    pub const COMPLEX64: u8 = 15;
    pub const COMPLEX128: u8 = 16;
    pub const ARRAY: u8 = 17;
    pub const CHAN: u8 = 18;
    pub const FUNC: u8 = 19;
    pub const INTERFACE: u8 = 20;
    pub const MAP: u8 = 21;
    pub const POINTER: u8 = 22;
    pub const SLICE: u8 = 23;
    pub const STRING: u8 = 24;
    pub const STRUCT: u8 = 25;
    pub const UNSAFE_POINTER: u8 = 26;
}

/// Bits of [`Type::tflag`].
pub mod tflag {
    /// The type is a defined (named) type.
    pub const NAMED: u8 = 1;
    /// Equality and hashing may treat the value as plain memory: no floats, strings,
    /// interfaces or padding anywhere inside.
    pub const REGULAR_MEMORY: u8 = 2;
    /// `data` words of interfaces holding this type are the value itself (pointer-shaped types:
    /// pointers, maps, chans, funcs, unsafe.Pointer, and single-field structs/arrays of them),
    /// not a pointer to a boxed copy.
    pub const DIRECT_IFACE: u8 = 4;
    /// Made at run time (reflect's `SliceOf`, `PointerTo`): the compiler's descriptor of the
    /// same type may exist at another address, so identity needs [`super::same_type`].
    pub const RUNTIME: u8 = 8;
}

/// Equality of two values of the described type: `i1 (ptr a, ptr b, ptr type)`.
pub type EqualFn = unsafe extern "C" fn(*const u8, *const u8, *const Type) -> bool;

/// The common header of every type descriptor (64 bytes). Kind-specific descriptors embed it as
/// their first field.
#[repr(C)]
pub struct Type {
    /// `unsafe.Sizeof` of a value.
    pub size: usize,
    /// Length in bytes of the prefix of a value that can hold pointers (0: pointer-free).
    pub ptrdata: usize,
    /// FNV-1a (32 bit) of the type string `name`; used by type switches and itab caches.
    pub hash: u32,
    /// [`tflag`] bits.
    pub tflag: u8,
    /// Alignment of a variable of this type.
    pub align: u8,
    /// Alignment of a struct field of this type.
    pub field_align: u8,
    /// [`kind`] number.
    pub kind: u8,
    /// Equality function; null when the type is not comparable (slices, maps, funcs and
    /// aggregates holding them).
    pub equal: Option<EqualFn>,
    /// Pointer bitmap: bit i (LSB first within each byte) set when word i of the value holds a
    /// pointer; covers `ptrdata / 8` words. Null when ptrdata is 0.
    pub gcdata: *const u8,
    /// The type string as gc's `reflect.Type.String()` spells it: `int`, `main.T`, `[]*main.T`.
    pub name: GoString,
    /// Method table and package path, or null (unnamed types without methods).
    pub uncommon: *const Uncommon,
}

// SAFETY: descriptors are immutable constant data.
unsafe impl Sync for Type {}

/// Package path and methods of a type.
#[repr(C)]
pub struct Uncommon {
    /// Import path of the defining package; empty for predeclared types.
    pub pkgpath: GoString,
    /// The method set: the exported methods first, each part sorted by name (byte order;
    /// ABI.md §6).
    pub methods: *const Method,
    /// Number of methods.
    pub mcount: u32,
    /// Number of exported methods (they sort before unexported ones, whose names start with the
    /// package path: see [`Method::name`]).
    pub xcount: u32,
    /// The descriptor of `*T` for a defined type T (reflect's `PointerTo` returns it, with its
    /// methods), null otherwise.
    pub ptr_to_this: *const Type,
}

/// One method of a method set.
#[repr(C)]
pub struct Method {
    /// The method name; for an unexported method, `pkgpath.name` so methods of different
    /// packages never match.
    pub name: GoString,
    /// The method's signature as a func type without receiver.
    pub mtyp: *const Type,
    /// Code called through an interface: receiver is the interface data word.
    pub ifn: *const u8,
    /// Code called directly: receiver is the value (or pointer) itself.
    pub tfn: *const u8,
}

/// `*T`.
#[repr(C)]
pub struct PtrType {
    pub typ: Type,
    pub elem: *const Type,
}

/// `[]T`.
#[repr(C)]
pub struct SliceType {
    pub typ: Type,
    pub elem: *const Type,
}

/// `[N]T`.
#[repr(C)]
pub struct ArrayType {
    pub typ: Type,
    pub elem: *const Type,
    /// The slice type `[]T`, or null.
    pub slice: *const Type,
    pub len: usize,
}

/// `chan T`.
#[repr(C)]
pub struct ChanType {
    pub typ: Type,
    pub elem: *const Type,
    /// 1 receive-only, 2 send-only, 3 both.
    pub dir: usize,
}

/// `map[K]V`.
#[repr(C)]
pub struct MapType {
    pub typ: Type,
    pub key: *const Type,
    pub elem: *const Type,
}

/// `func(...) ...`.
#[repr(C)]
pub struct FuncType {
    pub typ: Type,
    pub in_count: u16,
    /// Number of results; bit 15 set when the last parameter is variadic.
    pub out_count: u16,
    pub _pad: u32,
    /// `in_count` parameter types followed by the result types.
    pub params: *const *const Type,
    /// `go:rcall.<signature>`, through which reflect calls such functions (ABI.md §6); null
    /// in the runtime's own descriptors.
    pub call: *const u8,
    /// `go:rstub.<signature>`, the code of functions reflect makes; null in the runtime's own.
    pub stub: *const u8,
}

/// One method of an interface type.
#[repr(C)]
pub struct IMethod {
    /// Same spelling as [`Method::name`].
    pub name: GoString,
    /// Signature (a func type without receiver).
    pub typ: *const Type,
}

/// `interface{...}`.
#[repr(C)]
pub struct InterfaceType {
    pub typ: Type,
    pub pkgpath: GoString,
    /// Sorted by name, like [`Uncommon::methods`].
    pub methods: *const IMethod,
    pub nmethods: usize,
}

/// One struct field.
#[repr(C)]
pub struct StructField {
    pub name: GoString,
    pub typ: *const Type,
    pub offset: usize,
    /// 1 for an embedded field.
    pub embedded: usize,
}

/// `struct{...}`.
#[repr(C)]
pub struct StructType {
    pub typ: Type,
    pub pkgpath: GoString,
    pub fields: *const StructField,
    pub nfields: usize,
}

/// An interface table: the methods of `typ` that implement `inter`, in `inter`'s method order.
/// The compiler emits constant itabs for conversions it sees; the runtime builds the others.
#[repr(C)]
pub struct Itab {
    pub inter: *const InterfaceType,
    pub typ: *const Type,
    /// Copy of `typ.hash`, for type switches.
    pub hash: u32,
    pub _pad: u32,
    /// Code pointers (`Method::ifn`), `inter.nmethods` of them (declared length 1).
    pub fun: [*const u8; 1],
}

impl Type {
    pub fn kind(&self) -> u8 {
        self.kind
    }
    /// The type string.
    pub fn name(&self) -> &[u8] {
        // SAFETY: descriptors hold valid strings.
        unsafe { self.name.as_bytes() }
    }
    pub fn has_pointers(&self) -> bool {
        self.ptrdata != 0
    }
    pub fn is_direct_iface(&self) -> bool {
        self.tflag & tflag::DIRECT_IFACE != 0
    }
    /// The method set, empty when there is no uncommon part.
    pub fn methods(&self) -> &[Method] {
        if self.uncommon.is_null() {
            return &[];
        }
        // SAFETY: a non-null uncommon points at a valid table of mcount methods.
        unsafe {
            let u = &*self.uncommon;
            if u.mcount == 0 {
                return &[];
            }
            core::slice::from_raw_parts(u.methods, u.mcount as usize)
        }
    }
    /// The element type of pointer, slice, array, chan and map kinds.
    ///
    /// # Safety
    /// The descriptor must be of one of those kinds.
    pub unsafe fn elem(&self) -> *const Type {
        let p = self as *const Type;
        match self.kind {
            kind::POINTER => (*(p as *const PtrType)).elem,
            kind::SLICE => (*(p as *const SliceType)).elem,
            kind::ARRAY => (*(p as *const ArrayType)).elem,
            kind::CHAN => (*(p as *const ChanType)).elem,
            kind::MAP => (*(p as *const MapType)).elem,
            _ => ptr::null(),
        }
    }
}

impl InterfaceType {
    pub fn methods(&self) -> &[IMethod] {
        if self.nmethods == 0 {
            return &[];
        }
        // SAFETY: the compiler emits nmethods entries.
        unsafe { core::slice::from_raw_parts(self.methods, self.nmethods) }
    }
}

/// Whether two descriptors describe the same Go type (see the module comment).
pub fn same_type(a: *const Type, b: *const Type) -> bool {
    if a == b {
        return true;
    }
    if a.is_null() || b.is_null() {
        return false;
    }
    // SAFETY: both are valid descriptors.
    unsafe { (*a).hash == (*b).hash && (*a).kind == (*b).kind && (*a).name() == (*b).name() }
}

/// FNV-1a, 32 bit: the hash the compiler stores in [`Type::hash`].
pub const fn fnv1a(s: &[u8]) -> u32 {
    let mut h: u32 = 0x811c9dc5;
    let mut i = 0;
    while i < s.len() {
        h ^= s[i] as u32;
        h = h.wrapping_mul(0x01000193);
        i += 1;
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::mem::{offset_of, size_of};

    #[test]
    fn layouts_match_abi_md() {
        assert_eq!(size_of::<Type>(), 64);
        assert_eq!(offset_of!(Type, hash), 16);
        assert_eq!(offset_of!(Type, kind), 23);
        assert_eq!(offset_of!(Type, equal), 24);
        assert_eq!(offset_of!(Type, gcdata), 32);
        assert_eq!(offset_of!(Type, name), 40);
        assert_eq!(offset_of!(Type, uncommon), 56);
        assert_eq!(size_of::<Method>(), 40);
        assert_eq!(size_of::<Uncommon>(), 40);
        assert_eq!(offset_of!(Uncommon, ptr_to_this), 32);
        assert_eq!(offset_of!(ArrayType, len), 80);
        assert_eq!(offset_of!(InterfaceType, nmethods), 88);
        assert_eq!(offset_of!(Itab, fun), 24);
        assert_eq!(size_of::<StructField>(), 40);
    }

    #[test]
    fn fnv_known_value() {
        assert_eq!(fnv1a(b""), 0x811c9dc5);
        assert_eq!(fnv1a(b"a"), 0xe40c292c);
    }
}
