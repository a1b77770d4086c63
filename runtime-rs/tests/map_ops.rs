//! Scenario: map insert, lookup, update, delete, iteration while deleting and inserting,
//! growth, float keys (+0/-0 and NaN), and string keys, through the ABI entry points.

use rog_runtime::abi::map::*;
use rog_runtime::map::MapIter;
use rog_runtime::types::*;
use std::collections::HashSet;
use std::ptr;

const fn basic(name: &'static str, k: u8, size: usize, tf: u8) -> Type {
    Type {
        size,
        ptrdata: 0,
        hash: fnv1a(name.as_bytes()),
        tflag: tf,
        align: 8,
        field_align: 8,
        kind: k,
        equal: None,
        gcdata: ptr::null(),
        name: GoString::from_static(name),
        uncommon: ptr::null(),
    }
}

static INT: Type = basic("int", kind::INT, 8, tflag::REGULAR_MEMORY);
static FLOAT: Type = basic("float64", kind::FLOAT64, 8, 0);
static STR_MASK: u8 = 1;
static STRING: Type = Type { ptrdata: 8, gcdata: &STR_MASK, ..basic("string", kind::STRING, 16, 0) };

struct SyncMT(MapType);
unsafe impl Sync for SyncMT {}
static MAP_INT_INT: SyncMT = SyncMT(MapType { typ: basic("map[int]int", kind::MAP, 8, 0), key: &INT, elem: &INT });
static MAP_F_INT: SyncMT = SyncMT(MapType { typ: basic("map[float64]int", kind::MAP, 8, 0), key: &FLOAT, elem: &INT });
static MAP_S_INT: SyncMT = SyncMT(MapType { typ: basic("map[string]int", kind::MAP, 8, 0), key: &STRING, elem: &INT });

unsafe fn set(mt: &MapType, m: *mut rog_runtime::map::Map, k: i64, v: i64) {
    *(rog_mapassign(mt, m, &k as *const i64 as *const u8) as *mut i64) = v;
}

unsafe fn get(mt: &MapType, m: *mut rog_runtime::map::Map, k: i64) -> Option<i64> {
    let r = rog_mapaccess2(mt, m, &k as *const i64 as *const u8);
    (r.b == 1).then(|| *(r.a as *const i64))
}

#[test]
fn int_keys() {
    let mt = &MAP_INT_INT.0;
    unsafe {
        let m = rog_makemap(mt, 0);
        for k in 0..100_000i64 {
            set(mt, m, k, k * 2);
        }
        assert_eq!(rog_maplen(m), 100_000);
        for k in 0..100_000i64 {
            assert_eq!(get(mt, m, k), Some(k * 2));
        }
        assert_eq!(get(mt, m, -1), None);
        for k in (0..100_000i64).step_by(2) {
            rog_mapdelete(mt, m, &k as *const i64 as *const u8);
        }
        assert_eq!(rog_maplen(m), 50_000);
        assert_eq!(get(mt, m, 2), None);
        assert_eq!(get(mt, m, 3), Some(6));
        set(mt, m, 3, 7);
        assert_eq!(get(mt, m, 3), Some(7));
    }
}

#[test]
fn iteration_with_changes() {
    let mt = &MAP_INT_INT.0;
    unsafe {
        let m = rog_makemap(mt, 0);
        for k in 0..1000i64 {
            set(mt, m, k, k);
        }
        let mut it: MapIter = std::mem::zeroed();
        let mut seen = HashSet::new();
        rog_mapiterinit(mt, m, &mut it);
        let mut added = 1000;
        while !it.key.is_null() {
            let k = *(it.key as *const i64);
            assert!(seen.insert(k), "key {k} produced twice");
            // delete the key's partner and add new keys (forcing growth)
            let partner = k ^ 1;
            rog_mapdelete(mt, m, &partner as *const i64 as *const u8);
            for _ in 0..3 {
                set(mt, m, added, added);
                added += 1;
            }
            rog_mapiternext(&mut it);
        }
        for k in 0..1000i64 {
            // each original pair: exactly one of the two was produced (the other deleted first)
            if k % 2 == 0 {
                assert!(seen.contains(&k) ^ seen.contains(&(k + 1)), "pair {k}");
            }
        }
    }
}

#[test]
fn float_keys() {
    let mt = &MAP_F_INT.0;
    unsafe {
        let m = rog_makemap(mt, 0);
        let put = |k: f64, v: i64| *(rog_mapassign(mt, m, &k as *const f64 as *const u8) as *mut i64) = v;
        put(0.0, 1);
        put(-0.0, 2);
        assert_eq!(rog_maplen(m), 1);
        put(f64::NAN, 3);
        put(f64::NAN, 4);
        assert_eq!(rog_maplen(m), 3);
        let nan = f64::NAN;
        assert_eq!(rog_mapaccess2(mt, m, &nan as *const f64 as *const u8).b, 0);
        rog_mapclear(mt, m);
        assert_eq!(rog_maplen(m), 0);
    }
}

#[test]
fn string_keys() {
    let mt = &MAP_S_INT.0;
    unsafe {
        let m = rog_makemap(mt, 10);
        let keys: Vec<String> = (0..5000).map(|i| format!("key-{i}")).collect();
        for (i, k) in keys.iter().enumerate() {
            let s = GoString { ptr: k.as_ptr(), len: k.len() };
            *(rog_mapassign(mt, m, &s as *const GoString as *const u8) as *mut i64) = i as i64;
        }
        for (i, k) in keys.iter().enumerate() {
            let copy = k.clone();
            let s = GoString { ptr: copy.as_ptr(), len: copy.len() };
            let r = rog_mapaccess2(mt, m, &s as *const GoString as *const u8);
            assert_eq!((r.b, *(r.a as *const i64)), (1, i as i64));
        }
    }
}
