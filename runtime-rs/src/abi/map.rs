//! ABI.md §10, maps. A map value is a pointer to the runtime's map object (null for nil).
//! Keys are passed by pointer; lookups return a pointer to the value inside the table (valid
//! until the next insertion), which the compiler copies out or stores through. Hashing and
//! equality come from the key type's descriptor. These allocate (insertion) and may panic
//! (`assignment to entry in nil map`, `runtime error: hash of unhashable type T`).

use crate::abi::chan::Pair;
use crate::map::{self, Map, MapIter};
use crate::types::MapType;

/// `make(map[K]V, hint)`.
///
/// # Safety
/// mt is the `map[K]V` descriptor.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_makemap(mt: *const MapType, hint: i64) -> *mut Map {
    map::make(mt, hint)
}

/// `v := m[k]`: pointer to the value, or to a zero value when absent (never null).
///
/// # Safety
/// m null or a map of type mt; key points at a K.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_mapaccess1(mt: *const MapType, m: *mut Map, key: *const u8) -> *mut u8 {
    match map::access(m, key) {
        Some(v) => v,
        None => {
            if m.is_null() && (*(*mt).key).kind == crate::types::kind::INTERFACE {
                crate::hash::value((*mt).key, key, 0);
            }
            map::zero_value((*(*mt).elem).size)
        }
    }
}

/// `v, ok := m[k]`: {pointer to the value or a zero value, ok (1/0)}.
///
/// # Safety
/// As `rog_mapaccess1`.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_mapaccess2(mt: *const MapType, m: *mut Map, key: *const u8) -> Pair {
    match map::access(m, key) {
        Some(v) => Pair { a: v as i64, b: 1 },
        None => Pair { a: map::zero_value((*(*mt).elem).size) as i64, b: 0 },
    }
}

/// `m[k] = v` (and `m[k] op= v`): pointer to the value slot for k (inserted, zeroed, when new);
/// the compiler stores v through it. Panics `assignment to entry in nil map`.
///
/// # Safety
/// As `rog_mapaccess1`.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_mapassign(_mt: *const MapType, m: *mut Map, key: *const u8) -> *mut u8 {
    map::assign(m, key)
}

/// `delete(m, k)` (no-op on a nil map or a missing key).
///
/// # Safety
/// As `rog_mapaccess1`.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_mapdelete(_mt: *const MapType, m: *mut Map, key: *const u8) {
    map::delete(m, key)
}

/// `clear(m)`.
///
/// # Safety
/// m null or a map.
#[no_mangle]
pub unsafe extern "C" fn rog_mapclear(_mt: *const MapType, m: *mut Map) {
    map::clear(m)
}

/// `maps.Clone(m)` (the runtime half of `maps.clone`): a copy of m, null for nil.
///
/// # Safety
/// m null or a map.
#[no_mangle]
pub unsafe extern "C" fn rog_mapclone(m: *const Map) -> *mut Map {
    map::clone(m)
}

/// `len(m)`.
///
/// # Safety
/// m null or a map.
#[no_mangle]
pub unsafe extern "C" fn rog_maplen(m: *const Map) -> i64 {
    map::len(m)
}

/// Starts `for k, v := range m`: `it` points at 12 words (96 bytes, 8-aligned) the compiler
/// reserves; afterwards word 0 (`it.key`) points at the first key and word 1 (`it.elem`) at its
/// value, or word 0 is null when there is nothing to visit. The order is randomised.
///
/// # Safety
/// it points at 96 writable bytes; m null or a map.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_mapiterinit(_mt: *const MapType, m: *mut Map, it: *mut MapIter) {
    map::iter_init(m, it)
}

/// Advances a map iterator (word 0 null when done). The map may be changed during the loop
/// with the spec's guarantees.
///
/// # Safety
/// it was started by `rog_mapiterinit`.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_mapiternext(it: *mut MapIter) {
    map::iter_next(it)
}
