//! A small, fast, non-cryptographic random number generator per thread (wyrand), for select's
//! random choice, map iteration order and work stealing.

use core::cell::Cell;

thread_local! {
    static STATE: Cell<u64> = const { Cell::new(0) };
}

/// The next random 64-bit value.
#[inline(never)]
pub fn next() -> u64 {
    STATE.with(|s| {
        let mut x = s.get();
        if x == 0 {
            x = seed();
        }
        x = x.wrapping_add(0xa076_1d64_78bd_642f);
        s.set(x);
        let t = (x as u128).wrapping_mul((x ^ 0xe703_7ed1_a0b4_28db) as u128);
        ((t >> 64) as u64) ^ (t as u64)
    })
}

/// A random value in [0, n).
pub fn below(n: u64) -> u64 {
    if n == 0 {
        return 0;
    }
    ((next() as u128 * n as u128) >> 64) as u64
}

fn seed() -> u64 {
    let mut s = [0u8; 8];
    // SAFETY: getrandom writes at most 8 bytes into s.
    let n = unsafe { getrandom(s.as_mut_ptr(), 8, 0) };
    let v = u64::from_ne_bytes(s);
    if n == 8 && v != 0 {
        return v;
    }
    (crate::sys::nanotime() as u64) ^ (&s as *const _ as u64) | 1
}

extern "C" {
    fn getrandom(buf: *mut u8, len: usize, flags: u32) -> isize;
}
