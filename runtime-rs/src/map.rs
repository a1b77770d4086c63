//! Go maps: open addressing with linear probing and one control byte per slot.
//!
//! A map is a heap object ([`Map`]) pointing at two heap arrays: `ctrl` (one byte per slot:
//! EMPTY, DELETED, or 0x80 | 7 hash bits of a full slot) and `slots` (key then value, inline).
//! The slot array is allocated with a descriptor synthesised per map type whose pointer bitmap
//! combines the key's and the value's, so the collector scans it precisely. The load factor
//! (full + deleted slots) stays below 7/8, so every probe sequence reaches an EMPTY slot.
//!
//! Growing allocates new arrays and never modifies the old ones again. An iterator keeps the
//! arrays it started on: while the map still uses them it reads entries in place; after a
//! resize it looks each snapshot key up in the current table (skipping deleted keys and reading
//! current values). So every entry present for the whole loop is produced exactly once, entries
//! deleted before being reached are not produced, and new ones may or may not be: the spec's
//! rules. Iteration starts at a random slot.

use crate::alloc;
use crate::hash;
use crate::types::*;
use core::ptr;
use std::collections::HashMap;
use std::sync::Mutex;

const EMPTY: u8 = 0;
const DELETED: u8 = 1;

/// The map object (`map[K]V` values point at one; nil maps are null).
#[repr(C)]
pub struct Map {
    slots: *mut u8,
    ctrl: *mut u8,
    count: usize,
    /// Number of slots: 0 or a power of two.
    cap: usize,
    /// Full plus deleted slots.
    used: usize,
    seed: u64,
    mt: *const MapType,
    slot_type: *const Type,
    valoff: usize,
    slotsize: usize,
}

static MAP_MASK: u8 = 0b11;
static MAP_TYPE: Type = Type {
    size: core::mem::size_of::<Map>(),
    ptrdata: 16,
    hash: fnv1a(b"runtime.hmap"),
    tflag: 0,
    align: 8,
    field_align: 8,
    kind: kind::STRUCT,
    equal: None,
    gcdata: &MAP_MASK,
    name: GoString::from_static("runtime.hmap"),
    uncommon: ptr::null(),
};

/// Synthesised slot descriptors, by map type.
static SLOT_TYPES: Mutex<Option<HashMap<usize, usize>>> = Mutex::new(None);

fn round8(n: usize) -> usize {
    (n + 7) & !7
}

/// The descriptor of one slot (key at 0, value at round8(key size)) of map type mt.
unsafe fn slot_type(mt: *const MapType) -> *const Type {
    let mut cache = SLOT_TYPES.lock().unwrap_or_else(|e| e.into_inner());
    let map = cache.get_or_insert_with(HashMap::new);
    if let Some(&t) = map.get(&(mt as usize)) {
        return t as *const Type;
    }
    let (k, v) = (&*(*mt).key, &*(*mt).elem);
    let valoff = round8(k.size);
    let size = round8(valoff + v.size);
    let words = size / 8;
    let mut bits = vec![0u8; words.div_ceil(8).max(1)];
    let mut any = false;
    let mut copy = |t: &Type, off_words: usize| {
        for w in 0..t.ptrdata / 8 {
            if *t.gcdata.add(w / 8) & (1 << (w % 8)) != 0 {
                let b = off_words + w;
                bits[b / 8] |= 1 << (b % 8);
                any = true;
            }
        }
    };
    copy(k, 0);
    copy(v, valoff / 8);
    let gcdata = Box::leak(bits.into_boxed_slice()).as_ptr();
    let t = Box::leak(Box::new(Type {
        size,
        ptrdata: if any { size } else { 0 },
        hash: 0,
        tflag: 0,
        align: 8,
        field_align: 8,
        kind: kind::STRUCT,
        equal: None,
        gcdata: if any { gcdata } else { ptr::null() },
        name: GoString::from_static("runtime.mapslot"),
        uncommon: ptr::null(),
    })) as *const Type;
    map.insert(mt as usize, t as usize);
    t
}

/// `make(map[K]V, hint)`.
///
/// # Safety
/// mt is a map type descriptor.
pub unsafe fn make(mt: *const MapType, hint: i64) -> *mut Map {
    if hint < 0 {
        crate::panic::runtime_error(b"runtime error: makemap: size out of range");
    }
    let m = alloc::alloc_object(core::mem::size_of::<Map>(), &MAP_TYPE) as *mut Map;
    (*m).mt = mt;
    (*m).seed = crate::fastrand::next();
    (*m).slot_type = slot_type(mt);
    (*m).valoff = round8((*(*mt).key).size);
    (*m).slotsize = (*(*m).slot_type).size;
    if hint > 0 {
        let want = (hint as usize).saturating_mul(8) / 7 + 1;
        resize(m, want.next_power_of_two().max(8));
    }
    m
}

#[inline]
unsafe fn slot(m: *const Map, i: usize) -> *mut u8 {
    (*m).slots.add(i * (*m).slotsize)
}

#[inline]
fn tag(h: u64) -> u8 {
    0x80 | (h >> 57) as u8
}

unsafe fn key_hash(m: *const Map, key: *const u8) -> u64 {
    hash::value((*(*m).mt).key, key, (*m).seed)
}

/// Index of key's slot in the current table.
unsafe fn find(m: *const Map, key: *const u8) -> Option<usize> {
    if (*m).count == 0 {
        // Still hash: a lookup of an unhashable interface key must panic even in an empty map.
        if (*(*(*m).mt).key).kind == kind::INTERFACE {
            key_hash(m, key);
        }
        return None;
    }
    let h = key_hash(m, key);
    let mask = (*m).cap - 1;
    let t = tag(h);
    let kt = (*(*m).mt).key;
    let mut i = h as usize & mask;
    loop {
        let c = *(*m).ctrl.add(i);
        if c == EMPTY {
            return None;
        }
        if c == t && crate::equal::equal(kt, key, slot(m, i)) {
            return Some(i);
        }
        i = (i + 1) & mask;
    }
}

/// Rebuilds the table with `cap` slots.
unsafe fn resize(m: *mut Map, cap: usize) {
    let (old_slots, old_ctrl, old_cap) = ((*m).slots, (*m).ctrl, (*m).cap);
    let slots = alloc::alloc_array((*m).slot_type, cap);
    let ctrl = alloc::alloc_bytes(cap);
    let mask = cap - 1;
    for j in 0..old_cap {
        if *old_ctrl.add(j) & 0x80 == 0 {
            continue;
        }
        let src = old_slots.add(j * (*m).slotsize);
        let h = key_hash(m, src);
        let mut i = h as usize & mask;
        while *ctrl.add(i) != EMPTY {
            i = (i + 1) & mask;
        }
        *ctrl.add(i) = tag(h);
        ptr::copy_nonoverlapping(src, slots.add(i * (*m).slotsize), (*m).slotsize);
    }
    (*m).slots = slots;
    (*m).ctrl = ctrl;
    (*m).cap = cap;
    (*m).used = (*m).count;
}

/// `m[key]` lookup: pointer to the value, or None.
///
/// # Safety
/// m null or a map of type mt; key points at a key.
pub unsafe fn access(m: *const Map, key: *const u8) -> Option<*mut u8> {
    if m.is_null() {
        return None;
    }
    find(m, key).map(|i| slot(m, i).add((*m).valoff))
}

/// `m[key] = ...`: pointer to the (existing or new, zeroed) value slot.
///
/// # Safety
/// As [`access`]; m may be null (panics).
pub unsafe fn assign(m: *mut Map, key: *const u8) -> *mut u8 {
    if m.is_null() {
        crate::panic::plain_error(b"assignment to entry in nil map");
    }
    let ksize = (*(*(*m).mt).key).size;
    if let Some(i) = find(m, key) {
        // Overwrite the key too: +0 replaces -0, and a new string drops the old backing array.
        ptr::copy(key, slot(m, i), ksize);
        return slot(m, i).add((*m).valoff);
    }
    if ((*m).used + 1) * 8 > (*m).cap * 7 {
        let cap = if (*m).cap == 0 {
            8
        } else if ((*m).count + 1) * 2 > (*m).cap {
            (*m).cap * 2
        } else {
            (*m).cap // mostly deleted slots: rebuild at the same size
        };
        resize(m, cap);
    }
    let h = key_hash(m, key);
    let mask = (*m).cap - 1;
    let mut i = h as usize & mask;
    while *(*m).ctrl.add(i) & 0x80 != 0 {
        i = (i + 1) & mask;
    }
    if *(*m).ctrl.add(i) == EMPTY {
        (*m).used += 1;
    }
    *(*m).ctrl.add(i) = tag(h);
    (*m).count += 1;
    ptr::copy_nonoverlapping(key, slot(m, i), ksize);
    slot(m, i).add((*m).valoff)
}

/// `delete(m, key)`.
///
/// # Safety
/// As [`access`].
pub unsafe fn delete(m: *mut Map, key: *const u8) {
    if m.is_null() {
        return;
    }
    if let Some(i) = find(m, key) {
        let next_empty = *(*m).ctrl.add((i + 1) & ((*m).cap - 1)) == EMPTY;
        *(*m).ctrl.add(i) = if next_empty { EMPTY } else { DELETED };
        if next_empty {
            (*m).used -= 1;
        }
        ptr::write_bytes(slot(m, i), 0, (*m).slotsize);
        (*m).count -= 1;
    }
}

/// `clear(m)`.
///
/// # Safety
/// m null or a map.
pub unsafe fn clear(m: *mut Map) {
    if m.is_null() || (*m).cap == 0 {
        return;
    }
    ptr::write_bytes((*m).ctrl, EMPTY, (*m).cap);
    ptr::write_bytes((*m).slots, 0, (*m).cap * (*m).slotsize);
    (*m).count = 0;
    (*m).used = 0;
}

/// `maps.Clone(m)`: a new map with the same entries. The tables are copied as they are,
/// with the same hash seed, so every entry keeps its slot (NaN keys included).
///
/// # Safety
/// m null or a map.
pub unsafe fn clone(m: *const Map) -> *mut Map {
    if m.is_null() {
        return ptr::null_mut();
    }
    let n = alloc::alloc_object(core::mem::size_of::<Map>(), &MAP_TYPE) as *mut Map;
    ptr::copy_nonoverlapping(m, n, 1);
    if (*m).cap > 0 {
        (*n).slots = alloc::alloc_array((*m).slot_type, (*m).cap);
        (*n).ctrl = alloc::alloc_bytes((*m).cap);
        ptr::copy_nonoverlapping((*m).slots, (*n).slots, (*m).cap * (*m).slotsize);
        ptr::copy_nonoverlapping((*m).ctrl, (*n).ctrl, (*m).cap);
    }
    n
}

/// `len(m)`.
///
/// # Safety
/// m null or a map.
pub unsafe fn len(m: *const Map) -> i64 {
    if m.is_null() {
        0
    } else {
        (*m).count as i64
    }
}

/// A map iterator (`for k, v := range m`), 12 words, allocated by the compiler (on the stack).
#[repr(C)]
pub struct MapIter {
    /// The current key and value (pointers into the table), key null when done.
    pub key: *mut u8,
    pub elem: *mut u8,
    m: *mut Map,
    slots: *mut u8,
    ctrl: *mut u8,
    cap: usize,
    start: usize,
    i: usize,
    _reserved: [usize; 4],
}

/// Starts iterating m, leaving the first entry in it.key/it.elem.
///
/// # Safety
/// it points at a MapIter; m null or a map.
pub unsafe fn iter_init(m: *mut Map, it: *mut MapIter) {
    ptr::write_bytes(it, 0, 1);
    if m.is_null() || (*m).count == 0 {
        return;
    }
    (*it).m = m;
    (*it).slots = (*m).slots;
    (*it).ctrl = (*m).ctrl;
    (*it).cap = (*m).cap;
    (*it).start = crate::fastrand::below((*m).cap as u64) as usize;
    iter_next(it);
}

/// Advances to the next entry (it.key null when done).
///
/// # Safety
/// it was set up by [`iter_init`].
pub unsafe fn iter_next(it: *mut MapIter) {
    let it = &mut *it;
    let m = it.m;
    while it.i < it.cap {
        let pos = (it.start + it.i) & (it.cap - 1);
        it.i += 1;
        if *it.ctrl.add(pos) & 0x80 == 0 {
            continue;
        }
        let k = it.slots.add(pos * (*m).slotsize);
        if (*m).ctrl == it.ctrl {
            it.key = k;
            it.elem = k.add((*m).valoff);
            return;
        }
        // The map was resized since the loop began: read the entry from the current table.
        if let Some(j) = find(m, k) {
            it.key = slot(m, j);
            it.elem = it.key.add((*m).valoff);
            return;
        }
    }
    it.key = ptr::null_mut();
    it.elem = ptr::null_mut();
}

/// A zeroed area at least `size` bytes long, for lookups that miss.
pub fn zero_value(size: usize) -> *mut u8 {
    static ZERO: [u64; 128] = [0; 128];
    static BIG: Mutex<(usize, usize)> = Mutex::new((0, 0));
    if size <= 1024 {
        return ZERO.as_ptr() as *mut u8;
    }
    let mut big = BIG.lock().unwrap_or_else(|e| e.into_inner());
    if big.1 < size {
        *big = (Box::leak(vec![0u8; size].into_boxed_slice()).as_mut_ptr() as usize, size);
    }
    big.0 as *mut u8
}
