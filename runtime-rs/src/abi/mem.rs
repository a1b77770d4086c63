//! ABI.md §5, memory: allocation entry points.

use crate::alloc;
use crate::types::Type;

/// `new(T)`, composite literals and boxed values that escape: `size` bytes of zeroed memory,
/// 8-byte aligned. `t` is the type descriptor (its pointer bitmap tells the collector where the
/// pointers are) or null for pointer-free memory. May trigger a collection; never panics
/// (out of memory is a fatal error).
#[no_mangle]
pub extern "C" fn rog_alloc(size: i64, t: *const Type) -> *mut u8 {
    alloc::alloc_object(size as usize, t)
}

/// `runtime.GC()`: runs a full collection before returning. Blocks other goroutines meanwhile.
#[no_mangle]
pub extern "C" fn rog_gc() {
    crate::gc::collect();
}
