//! `sync/atomic` and the runtime overlay's atomics: sequentially consistent operations on
//! naturally aligned 32- and 64-bit words (Go's memory model makes every `sync/atomic`
//! operation sequentially consistent). Tiny and free of assembly, so ThinLTO inlines each into a
//! single instruction in Go code. A nil pointer faults like any nil dereference.

use core::sync::atomic::{AtomicU32, AtomicU64, Ordering::SeqCst};

/// `atomic.LoadUint32` / `LoadInt32`.
///
/// # Safety
/// p is a valid, 4-byte aligned pointer.
#[no_mangle]
pub unsafe extern "C" fn rog_atomic_load32(p: *const AtomicU32) -> u32 {
    (*p).load(SeqCst)
}

/// `atomic.LoadUint64` / `LoadInt64` / `LoadUintptr` / `LoadPointer`.
///
/// # Safety
/// p is a valid, 8-byte aligned pointer.
#[no_mangle]
pub unsafe extern "C" fn rog_atomic_load64(p: *const AtomicU64) -> u64 {
    (*p).load(SeqCst)
}

/// `atomic.StoreUint32` / `StoreInt32`.
///
/// # Safety
/// As [`rog_atomic_load32`].
#[no_mangle]
pub unsafe extern "C" fn rog_atomic_store32(p: *const AtomicU32, v: u32) {
    (*p).store(v, SeqCst)
}

/// `atomic.StoreUint64` / `StoreInt64` / `StoreUintptr` / `StorePointer`.
///
/// # Safety
/// As [`rog_atomic_load64`].
#[no_mangle]
pub unsafe extern "C" fn rog_atomic_store64(p: *const AtomicU64, v: u64) {
    (*p).store(v, SeqCst)
}

/// `atomic.SwapUint32` / `SwapInt32`: returns the old value.
///
/// # Safety
/// As [`rog_atomic_load32`].
#[no_mangle]
pub unsafe extern "C" fn rog_atomic_xchg32(p: *const AtomicU32, v: u32) -> u32 {
    (*p).swap(v, SeqCst)
}

/// `atomic.SwapUint64` / `SwapInt64` / `SwapUintptr` / `SwapPointer`: returns the old value.
///
/// # Safety
/// As [`rog_atomic_load64`].
#[no_mangle]
pub unsafe extern "C" fn rog_atomic_xchg64(p: *const AtomicU64, v: u64) -> u64 {
    (*p).swap(v, SeqCst)
}

/// `atomic.CompareAndSwapUint32` / `Int32`: whether `*p` was `old` and is now `new`.
///
/// # Safety
/// As [`rog_atomic_load32`].
#[no_mangle]
pub unsafe extern "C" fn rog_atomic_cas32(p: *const AtomicU32, old: u32, new: u32) -> bool {
    (*p).compare_exchange(old, new, SeqCst, SeqCst).is_ok()
}

/// `atomic.CompareAndSwapUint64` / `Int64` / `Uintptr` / `Pointer`.
///
/// # Safety
/// As [`rog_atomic_load64`].
#[no_mangle]
pub unsafe extern "C" fn rog_atomic_cas64(p: *const AtomicU64, old: u64, new: u64) -> bool {
    (*p).compare_exchange(old, new, SeqCst, SeqCst).is_ok()
}

/// `atomic.AddUint32` / `AddInt32`: returns the **new** value (as Go's `Add` does).
///
/// # Safety
/// As [`rog_atomic_load32`].
#[no_mangle]
pub unsafe extern "C" fn rog_atomic_xadd32(p: *const AtomicU32, delta: u32) -> u32 {
    (*p).fetch_add(delta, SeqCst).wrapping_add(delta)
}

/// `atomic.AddUint64` / `AddInt64` / `AddUintptr`: returns the **new** value.
///
/// # Safety
/// As [`rog_atomic_load64`].
#[no_mangle]
pub unsafe extern "C" fn rog_atomic_xadd64(p: *const AtomicU64, delta: u64) -> u64 {
    (*p).fetch_add(delta, SeqCst).wrapping_add(delta)
}

/// `atomic.AndUint32` / `AndInt32`: returns the **old** value (as Go's `And` does).
///
/// # Safety
/// As [`rog_atomic_load32`].
#[no_mangle]
pub unsafe extern "C" fn rog_atomic_and32(p: *const AtomicU32, v: u32) -> u32 {
    (*p).fetch_and(v, SeqCst)
}

/// `atomic.AndUint64` / `AndInt64` / `AndUintptr`: returns the old value.
///
/// # Safety
/// As [`rog_atomic_load64`].
#[no_mangle]
pub unsafe extern "C" fn rog_atomic_and64(p: *const AtomicU64, v: u64) -> u64 {
    (*p).fetch_and(v, SeqCst)
}

/// `atomic.OrUint32` / `OrInt32`: returns the old value.
///
/// # Safety
/// As [`rog_atomic_load32`].
#[no_mangle]
pub unsafe extern "C" fn rog_atomic_or32(p: *const AtomicU32, v: u32) -> u32 {
    (*p).fetch_or(v, SeqCst)
}

/// `atomic.OrUint64` / `OrInt64` / `OrUintptr`: returns the old value.
///
/// # Safety
/// As [`rog_atomic_load64`].
#[no_mangle]
pub unsafe extern "C" fn rog_atomic_or64(p: *const AtomicU64, v: u64) -> u64 {
    (*p).fetch_or(v, SeqCst)
}
