//! Hashing Go values through their type descriptors (map keys).
//!
//! Plain-memory types hash their bytes; floats hash so that +0 and -0 agree and every NaN gets a
//! fresh random hash (NaN != NaN, so each NaN key is a distinct entry, as in gc); strings hash
//! their contents; interfaces hash their dynamic type and value and panic with gc's
//! `hash of unhashable type T` when that type is not comparable; arrays and structs combine their
//! elements and fields (blank fields excluded, as `==` excludes them).

use crate::types::*;

/// Folded 64×64→128 multiply: the mixing step of every hash here.
#[inline(always)]
pub fn fold(a: u64, b: u64) -> u64 {
    let p = a as u128 * b as u128;
    (p as u64) ^ ((p >> 64) as u64)
}

const K0: u64 = 0xa076_1d64_78bd_642f;
const K1: u64 = 0xe703_7ed1_a0b4_28db;

/// Hash of a byte string.
pub fn bytes(seed: u64, b: &[u8]) -> u64 {
    let mut h = seed ^ K0 ^ (b.len() as u64).wrapping_mul(K1);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        h = fold(h ^ w, K1);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = fold(h ^ u64::from_le_bytes(last), K0);
    }
    fold(h, K1 ^ seed)
}

/// Hash of a 64-bit word.
#[inline]
pub fn word(seed: u64, w: u64) -> u64 {
    fold(fold(w ^ seed ^ K0, K1), K0 ^ seed)
}

/// Hash of the value of type t at p. The common map keys (words and strings) are hashed inline
/// here, so a map lookup does not pay for the general walk's call and register saves.
///
/// # Safety
/// p points at a value of type t.
#[inline]
pub unsafe fn value(t: *const Type, p: *const u8, seed: u64) -> u64 {
    let tt = &*t;
    if tt.tflag & tflag::REGULAR_MEMORY != 0 && tt.size == 8 {
        return word(seed, (p as *const u64).read_unaligned());
    }
    if tt.kind == kind::STRING {
        return bytes(seed, (*(p as *const GoString)).as_bytes());
    }
    value_any(t, p, seed)
}

/// `value` for every type.
///
/// # Safety
/// p points at a value of type t.
unsafe fn value_any(t: *const Type, p: *const u8, seed: u64) -> u64 {
    let tt = &*t;
    if tt.tflag & tflag::REGULAR_MEMORY != 0 {
        return match tt.size {
            8 => word(seed, *(p as *const u64)),
            4 => word(seed, *(p as *const u32) as u64),
            _ => bytes(seed, core::slice::from_raw_parts(p, tt.size)),
        };
    }
    match tt.kind {
        kind::FLOAT32 => float(seed, *(p as *const f32) as f64),
        kind::FLOAT64 => float(seed, *(p as *const f64)),
        kind::COMPLEX64 => {
            let c = p as *const f32;
            float(float(seed, *c as f64), *c.add(1) as f64)
        }
        kind::COMPLEX128 => {
            let c = p as *const f64;
            float(float(seed, *c), *c.add(1))
        }
        kind::STRING => bytes(seed, (*(p as *const GoString)).as_bytes()),
        kind::INTERFACE => iface(t, p, seed),
        kind::ARRAY => {
            let at = &*(t as *const ArrayType);
            let es = (*at.elem).size;
            (0..at.len).fold(seed, |h, i| value(at.elem, p.add(i * es), h))
        }
        kind::STRUCT => {
            let st = &*(t as *const StructType);
            let fields = core::slice::from_raw_parts(st.fields, st.nfields);
            fields.iter().fold(seed, |h, f| {
                if f.name.as_bytes() == b"_" {
                    h
                } else {
                    value(f.typ, p.add(f.offset), h)
                }
            })
        }
        kind::SLICE | kind::MAP | kind::FUNC => unhashable(t),
        _ => bytes(seed, core::slice::from_raw_parts(p, tt.size)),
    }
}

fn float(seed: u64, f: f64) -> u64 {
    if f == 0.0 {
        return word(seed, 0);
    }
    if f.is_nan() {
        return word(seed, crate::fastrand::next());
    }
    word(seed, f.to_bits())
}

unsafe fn iface(t: *const Type, p: *const u8, seed: u64) -> u64 {
    let nonempty = (*(t as *const InterfaceType)).nmethods > 0;
    let (tw, data) = *(p as *const (*const u8, *const u8));
    if tw.is_null() {
        return word(seed, 0);
    }
    let dt: *const Type = if nonempty { (*(tw as *const Itab)).typ } else { tw.cast() };
    if (*dt).equal.is_none() {
        unhashable(dt);
    }
    let seed = word(seed, (*dt).hash as u64);
    if (*dt).is_direct_iface() {
        return word(seed, data as u64);
    }
    value(dt, data, seed)
}

#[cold]
fn unhashable(t: *const Type) -> ! {
    let mut m = crate::print::Buf::<256>::new();
    m.extend(b"runtime error: hash of unhashable type ");
    // SAFETY: t is valid.
    m.extend(unsafe { (*t).name() });
    crate::panic::runtime_error(m.as_bytes())
}
