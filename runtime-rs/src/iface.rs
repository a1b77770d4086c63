//! Interfaces: building itabs at run time (type assertions to interface types, conversions the
//! compiler could not resolve statically), the itab cache, and the text of failed assertions.
//!
//! An itab for (interface I, concrete type T) lists T's method entries in I's method order. Both
//! method lists are sorted by name, so one merge pass finds them all or the first missing one.
//! Itabs built here live forever in a global cache keyed by the two descriptor addresses; failed
//! lookups are cached too (as an itab whose `fun[0]` is null), as gc does.

use crate::print::Buf;
use crate::rterr;
use crate::types::*;
use std::collections::HashMap;
use std::sync::Mutex;

static CACHE: Mutex<Option<HashMap<(usize, usize), usize>>> = Mutex::new(None);

/// The itab for (inter, t), or the name of the first method of `inter` that t lacks.
pub fn getitab(inter: *const InterfaceType, t: *const Type) -> Result<*const Itab, GoString> {
    let key = (inter as usize, t as usize);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    let map = cache.get_or_insert_with(HashMap::new);
    let tab = match map.get(&key) {
        Some(&tab) => tab as *const Itab,
        None => {
            let tab = build_itab(inter, t);
            map.insert(key, tab as usize);
            tab
        }
    };
    drop(cache);
    // SAFETY: tab was built by build_itab and lives forever.
    unsafe {
        if (*inter).nmethods > 0 && (*tab).fun[0].is_null() {
            return Err(missing_method(inter, t));
        }
    }
    Ok(tab)
}

/// Allocates and fills an itab; `fun[0]` stays null when t does not implement inter.
fn build_itab(inter: *const InterfaceType, t: *const Type) -> *const Itab {
    // SAFETY: both descriptors are valid; the itab allocation has room for n entries.
    unsafe {
        let imethods = (*inter).methods();
        let n = imethods.len().max(1);
        let words = 3 + n;
        let tab = Box::leak(vec![0usize; words].into_boxed_slice()).as_mut_ptr() as *mut Itab;
        (*tab).inter = inter;
        (*tab).typ = t;
        (*tab).hash = (*t).hash;
        let fun = core::ptr::addr_of_mut!((*tab).fun) as *mut *const u8;
        if let Some(entries) = match_methods(imethods, (*t).methods()) {
            for (i, f) in entries.into_iter().enumerate() {
                *fun.add(i) = f;
            }
        }
        tab
    }
}

/// T's `ifn` for each of I's methods, in I's order; None when one is missing.
fn match_methods(imethods: &[IMethod], methods: &[Method]) -> Option<Vec<*const u8>> {
    let mut out = Vec::with_capacity(imethods.len());
    let mut j = 0;
    for im in imethods {
        // SAFETY: names are valid strings.
        let iname = unsafe { im.name.as_bytes() };
        loop {
            let m = methods.get(j)?;
            j += 1;
            // SAFETY: as above.
            if unsafe { m.name.as_bytes() } == iname && same_type(m.mtyp, im.typ) {
                out.push(m.ifn);
                break;
            }
        }
    }
    Some(out)
}

/// The name of the first method of inter that t lacks.
fn missing_method(inter: *const InterfaceType, t: *const Type) -> GoString {
    // SAFETY: valid descriptors.
    unsafe {
        let methods = (*t).methods();
        for im in (*inter).methods() {
            let found = methods.iter().any(|m| {
                m.name.as_bytes() == im.name.as_bytes() && same_type(m.mtyp, im.typ)
            });
            if !found {
                return im.name;
            }
        }
    }
    GoString::EMPTY
}

fn type_name<'a>(t: *const Type) -> &'a [u8] {
    // SAFETY: callers pass valid descriptors.
    unsafe { (*t).name.as_bytes() }
}

/// Raises gc's `*runtime.TypeAssertionError`: `iface` is the static type of the operand (null:
/// "interface"), `have` its dynamic type (null when the operand was nil), `want` the asserted
/// type, `missing` the missing method's name when want is an interface.
pub fn assertion_failed(iface: *const Type, have: *const Type, want: *const Type, missing: &[u8]) -> ! {
    let mut b = Buf::<512>::new();
    b.extend(b"interface conversion: ");
    let inter: &[u8] = if iface.is_null() { b"interface" } else { type_name(iface) };
    if have.is_null() {
        b.extend(inter);
        b.extend(b" is nil, not ");
        b.extend(type_name(want));
    } else if missing.is_empty() {
        b.extend(inter);
        b.extend(b" is ");
        b.extend(type_name(have));
        b.extend(b", not ");
        b.extend(type_name(want));
        if type_name(have) == type_name(want) {
            b.extend(b" (types from different scopes)");
        }
    } else {
        b.extend(type_name(have));
        b.extend(b" is not ");
        b.extend(type_name(want));
        b.extend(b": missing method ");
        b.extend(missing);
    }
    crate::panic::gopanic(rterr::make_error(&rterr::TYPE_ASSERTION_ERROR_TYPE, b.as_bytes()))
}
