//! Allocation entry (milestone version: thread-local bump allocation from lazily committed
//! chunks, never freed). The size-class heap and the collector replace the inside; the
//! interface (`alloc_object`, `alloc_bytes`) stays.

use crate::sys;
use crate::types::Type;
use core::cell::Cell;

const CHUNK: usize = 4 << 20;

thread_local! {
    static BUMP: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

/// Allocates `size` zeroed bytes for a value of type `t` (null: pointer-free).
#[inline]
pub fn alloc_object(size: usize, _t: *const Type) -> *mut u8 {
    let size = (size + 7) & !7;
    BUMP.with(|b| {
        let (cur, end) = b.get();
        if size <= end - cur {
            b.set((cur + size, end));
            return cur as *mut u8;
        }
        alloc_slow(b, size)
    })
}

/// Allocates `n` zeroed pointer-free bytes.
#[inline]
pub fn alloc_bytes(n: usize) -> *mut u8 {
    alloc_object(n, core::ptr::null())
}

#[cold]
fn alloc_slow(b: &Cell<(usize, usize)>, size: usize) -> *mut u8 {
    if size >= CHUNK / 4 {
        let p = sys::reserve(size.max(1));
        if p.is_null() {
            crate::panic::fatal("out of memory");
        }
        return p;
    }
    let p = sys::reserve(CHUNK);
    if p.is_null() {
        crate::panic::fatal("out of memory");
    }
    b.set((p as usize + size, p as usize + CHUNK));
    p
}
