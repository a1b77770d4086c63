//! Inlined calls, read from `.debug_info` (DWARF 4 as rustc emits it, DWARF 5 as clang-22 emits
//! the Go units): for any code address, the chain of functions it logically runs in, innermost
//! first, and where each inlined call was made.
//!
//! Every `DW_TAG_subprogram` with code is a physical function (a root); every
//! `DW_TAG_inlined_subroutine` is a call inlined into the subprogram or inlined call around it.
//! Each becomes a `Node` (its function's name and language, its parent node, and for an inlined
//! call the call's file and line). Their address ranges, which nest, are flattened once into
//! sorted disjoint segments that each name the innermost node covering them, so a lookup is one
//! binary search followed by walking parent links.
//!
//! Only what that needs is parsed: unit headers, abbreviations, and the attributes name,
//! linkage name, low/high pc, ranges, abstract origin, specification, call file and call line
//! (and a unit's language, bases and line table). Everything else is skipped by form.

use super::{cstr, u32_at, u64_at, Cur, Unit};
use std::collections::HashMap;

/// No node.
pub(super) const NONE: u32 = u32::MAX;

/// What a node's function is, as far as Go's view of the stack goes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// A Go function (its unit's language is DW_LANG_Go): a frame Go sees.
    Go,
    /// Runtime code in Rust (or anything else): never a Go frame.
    Rust,
    /// The runtime's `run_program`, which calls `main.main`: shown as gc's `runtime.main`.
    Main,
    /// `rog_goroutine_entry`, the bottom of every goroutine: shown as gc's `runtime.goexit`.
    Goexit,
    /// A compiler-generated Go wrapper (go/defer thunk, method wrapper; DW_AT_artificial):
    /// never a frame, as gc hides its wrappers, but what is inlined into it is.
    Wrapper,
}

impl Kind {
    /// Whether Go sees frames of this kind.
    pub fn visible(self) -> bool {
        matches!(self, Kind::Go | Kind::Main | Kind::Goexit)
    }
}

pub(super) struct Node {
    pub parent: u32,
    pub name: &'static str,
    pub kind: Kind,
    /// For an inlined call: where, in the parent's function, the call was made.
    pub call_file: &'static str,
    pub call_line: u32,
}

pub(super) struct Inlines {
    pub nodes: Vec<Node>,
    /// Sorted segment starts, each with the innermost node covering the addresses up to the next
    /// start (NONE: none).
    segs: Vec<(u64, u32)>,
}

impl Inlines {
    /// The innermost node covering link-time address `a`.
    pub fn innermost(&self, a: u64) -> Option<u32> {
        let i = self.segs.partition_point(|s| s.0 <= a).checked_sub(1)?;
        let n = self.segs[i].1;
        (n != NONE).then_some(n)
    }
}

/// The DWARF sections the parser reads (empty when absent).
pub(super) struct Sections {
    pub info: &'static [u8],
    pub abbrev: &'static [u8],
    pub str_: &'static [u8],
    pub line_str: &'static [u8],
    pub str_offsets: &'static [u8],
    pub addr: &'static [u8],
    pub ranges: &'static [u8],
    pub rnglists: &'static [u8],
}

struct Abbrev {
    tag: u64,
    children: bool,
    /// (attribute, form, implicit constant).
    attrs: Vec<(u64, u64, i64)>,
    /// The size of the attributes when every form has a fixed size (most type entries), which
    /// lets the walk step over an entry it has no use for at once.
    fixed: Option<usize>,
}

/// The size of a value of `form`, when fixed.
fn fixed_size(form: u64) -> Option<usize> {
    Some(match form {
        0x19 | 0x21 => 0,                      // flag_present, implicit_const
        0x0b | 0x0c | 0x11 | 0x25 | 0x29 => 1, // data1, flag, ref1, strx1, addrx1
        0x05 | 0x12 | 0x26 | 0x2a => 2,        // data2, ref2, strx2, addrx2
        0x27 | 0x2b => 3,                      // strx3, addrx3
        // data4, strp, ref_addr, ref4, sec_offset, ref_sup4, strp_sup, line_strp, strx4, addrx4
        0x06 | 0x0e | 0x10 | 0x13 | 0x17 | 0x1c | 0x1d | 0x1f | 0x28 | 0x2c => 4,
        0x01 | 0x07 | 0x14 | 0x20 | 0x24 => 8, // addr, data8, ref8, ref_sig8, ref_sup8
        0x1e => 16,                            // data16
        _ => return None,
    })
}

/// A compile unit: where its entries are and the bases its indexed forms need.
struct CompUnit {
    /// Offset of the unit header; `ref1`..`ref_udata` are relative to it.
    off: usize,
    end: usize,
    /// Offset of the unit's first entry.
    die: usize,
    version: u16,
    /// Abbreviation table, indexed by code.
    abbrevs: Vec<Option<Abbrev>>,
    lang: u64,
    str_base: u64,
    addr_base: u64,
    rng_base: u64,
    low_pc: u64,
    /// Index of the unit's line-table header (for call file numbers).
    line_unit: Option<usize>,
}

/// An attribute value, reduced to the classes used here.
#[derive(Clone, Copy)]
enum Val {
    None,
    U(u64),
    Str(&'static str),
    StrX(u64),
    Addr(u64),
    AddrX(u64),
    /// A `.debug_info` offset.
    Ref(usize),
    RngX(u64),
    /// A form this parser does not know: the rest of the unit cannot be read.
    Bad,
}

/// The attributes of one entry that matter here.
#[derive(Default)]
struct Die {
    tag: u64,
    children: bool,
    low: Option<Val>,
    high: Option<Val>,
    ranges: Option<Val>,
    origin: Option<usize>,
    name: Option<Val>,
    linkage: Option<Val>,
    call_file: u64,
    call_line: u64,
    artificial: bool,
    // Unit entries only.
    lang: u64,
    stmt_list: Option<u64>,
    str_base: Option<u64>,
    addr_base: Option<u64>,
    rng_base: Option<u64>,
    bad: bool,
}

const DW_TAG_INLINED_SUBROUTINE: u64 = 0x1d;
const DW_TAG_SUBPROGRAM: u64 = 0x2e;
const DW_LANG_GO: u64 = 0x16;

struct Parser<'s> {
    s: &'s Sections,
    cus: Vec<CompUnit>,
    /// Name and language of the function an entry (abstract origin) describes, by offset.
    names: HashMap<usize, (&'static str, u64)>,
}

/// Reads `.debug_info` into nodes and segments. `units` are the line-table headers, sorted by
/// offset, whose file tables give call files.
pub(super) fn load(s: &Sections, units: &[Unit]) -> Inlines {
    let mut p = Parser {
        s,
        cus: Vec::new(),
        names: HashMap::new(),
    };
    p.read_units(units);
    let mut nodes = Vec::new();
    // (lo, hi, nesting level, node) of every range of every node.
    let mut ivs: Vec<(u64, u64, u32, u32)> = Vec::new();
    for i in 0..p.cus.len() {
        p.walk(i, units, &mut nodes, &mut ivs);
    }
    Inlines {
        nodes,
        segs: flatten(ivs),
    }
}

/// Turns properly nested ranges into disjoint segments naming the innermost one. Sorted by start,
/// longest (outermost) first, a range opens inside the ones still open at its start.
fn flatten(mut ivs: Vec<(u64, u64, u32, u32)>) -> Vec<(u64, u32)> {
    ivs.sort_unstable_by_key(|&(lo, hi, level, _)| (lo, u64::MAX - hi, level));
    let mut segs = Vec::with_capacity(ivs.len() * 2 + 1);
    let mut open: Vec<(u64, u32)> = Vec::new();
    let mut cur = 0u64;
    // Closes the open ranges that end by `limit`, giving each the addresses it still covers.
    let close =
        |limit: u64, open: &mut Vec<(u64, u32)>, segs: &mut Vec<(u64, u32)>, cur: &mut u64| {
            while let Some(&(hi, n)) = open.last() {
                if hi > limit {
                    break;
                }
                if *cur < hi {
                    segs.push((*cur, n));
                    *cur = hi;
                }
                open.pop();
            }
        };
    for (lo, hi, _, n) in ivs {
        close(lo, &mut open, &mut segs, &mut cur);
        if cur < lo {
            segs.push((cur, open.last().map_or(NONE, |t| t.1)));
            cur = lo;
        }
        // A range poking out of its parent (not expected) is cut to it.
        let hi = open.last().map_or(hi, |t| hi.min(t.0));
        if hi > lo {
            open.push((hi, n));
        }
    }
    close(u64::MAX, &mut open, &mut segs, &mut cur);
    segs.push((cur, NONE));
    segs
}

fn parse_abbrevs(d: &[u8], at: usize) -> Vec<Option<Abbrev>> {
    let mut out: Vec<Option<Abbrev>> = Vec::new();
    let mut c = Cur { d, p: at };
    while c.p < d.len() {
        let code = c.uleb() as usize;
        if code == 0 {
            break;
        }
        let tag = c.uleb();
        let children = c.u8() != 0;
        let mut attrs = Vec::new();
        loop {
            let (at, form) = (c.uleb(), c.uleb());
            if at == 0 && form == 0 {
                break;
            }
            let implicit = if form == 0x21 { c.sleb() } else { 0 };
            attrs.push((at, form, implicit));
        }
        if code >= out.len() {
            out.resize_with(code + 1, || None);
        }
        let fixed = attrs.iter().map(|a| fixed_size(a.1)).sum();
        out[code] = Some(Abbrev {
            tag,
            children,
            attrs,
            fixed,
        });
    }
    out
}

/// Reads one attribute value of `form`; `cu` is the unit header offset (for unit references).
fn read_val(c: &mut Cur<'static>, form: u64, implicit: i64, cu: usize, s: &Sections) -> Val {
    let skip = |c: &mut Cur, n: usize| {
        c.p += n;
        Val::None
    };
    match form {
        0x01 => Val::Addr(c.u64()),
        0x03 => {
            let n = c.u16() as usize;
            skip(c, n)
        }
        0x04 => {
            let n = c.u32() as usize;
            skip(c, n)
        }
        0x05 => Val::U(c.u16() as u64),
        0x06 | 0x17 => Val::U(c.u32() as u64), // data4, sec_offset
        0x07 => Val::U(c.u64()),
        0x08 => {
            let s = cstr(c.d, c.p);
            c.p += s.len() + 1;
            Val::Str(s)
        }
        0x09 | 0x18 => {
            let n = c.uleb() as usize;
            skip(c, n)
        }
        0x0a => {
            let n = c.u8() as usize;
            skip(c, n)
        }
        0x0b | 0x0c => Val::U(c.u8() as u64),
        0x0d => Val::U(c.sleb() as u64),
        0x0e => Val::Str(cstr(s.str_, c.u32() as usize)),
        0x0f | 0x22 => Val::U(c.uleb()),    // udata, loclistx
        0x10 => Val::Ref(c.u32() as usize), // ref_addr (32-bit DWARF)
        0x11 => Val::Ref(cu + c.u8() as usize),
        0x12 => Val::Ref(cu + c.u16() as usize),
        0x13 => Val::Ref(cu + c.u32() as usize),
        0x14 => Val::Ref(cu + c.u64() as usize),
        0x15 => Val::Ref(cu + c.uleb() as usize),
        0x16 => {
            let f = c.uleb();
            read_val(c, f, implicit, cu, s)
        }
        0x19 => Val::U(1), // flag_present
        0x1a => Val::StrX(c.uleb()),
        0x1b => Val::AddrX(c.uleb()),
        0x1c | 0x1d => skip(c, 4),
        0x1e => skip(c, 16),
        0x1f => Val::Str(cstr(s.line_str, c.u32() as usize)),
        0x20 | 0x24 => skip(c, 8),
        0x21 => Val::U(implicit as u64),
        0x23 => Val::RngX(c.uleb()),
        0x25 => Val::StrX(c.u8() as u64),
        0x26 => Val::StrX(c.u16() as u64),
        0x27 => Val::StrX(c.u16() as u64 | (c.u8() as u64) << 16),
        0x28 => Val::StrX(c.u32() as u64),
        0x29 => Val::AddrX(c.u8() as u64),
        0x2a => Val::AddrX(c.u16() as u64),
        0x2b => Val::AddrX(c.u16() as u64 | (c.u8() as u64) << 16),
        0x2c => Val::AddrX(c.u32() as u64),
        _ => Val::Bad,
    }
}

/// Reads the entry at `c` (after its code) with abbreviation `ab`.
fn read_die(c: &mut Cur<'static>, ab: &Abbrev, cu: usize, s: &Sections) -> Die {
    let mut d = Die {
        tag: ab.tag,
        children: ab.children,
        ..Default::default()
    };
    for &(at, form, implicit) in &ab.attrs {
        let v = read_val(c, form, implicit, cu, s);
        let u = match v {
            Val::U(u) => Some(u),
            Val::Bad => {
                d.bad = true;
                return d;
            }
            _ => None,
        };
        match at {
            0x03 => d.name = Some(v),
            0x10 => d.stmt_list = u,
            0x11 => d.low = Some(v),
            0x12 => d.high = Some(v),
            0x13 => d.lang = u.unwrap_or(0),
            0x34 => d.artificial = u.unwrap_or(0) != 0,
            0x31 | 0x47 => {
                if let Val::Ref(r) = v {
                    d.origin = Some(r);
                }
            }
            0x55 => d.ranges = Some(v),
            0x58 => d.call_file = u.unwrap_or(0),
            0x59 => d.call_line = u.unwrap_or(0),
            0x6e | 0x2007 => d.linkage = Some(v),
            0x72 => d.str_base = u,
            0x73 => d.addr_base = u,
            0x74 => d.rng_base = u,
            _ => {}
        }
    }
    d
}

impl Parser<'_> {
    /// Reads every compile unit's header and unit entry.
    fn read_units(&mut self, units: &[Unit]) {
        let info = self.s.info;
        let mut off = 0;
        while off + 11 <= info.len() {
            let mut c = Cur { d: info, p: off };
            let len = c.u32() as usize;
            if len == 0 || len >= 0xffff_fff0 {
                break; // 64-bit DWARF: not emitted by our toolchains
            }
            let end = off + 4 + len;
            let version = c.u16();
            let abbrev_off;
            if version >= 5 {
                let unit_type = c.u8();
                c.u8(); // address size
                abbrev_off = c.u32() as usize;
                match unit_type {
                    1 | 3 => {}         // compile, partial
                    2 | 6 => c.p += 16, // type units: signature, type offset
                    4 | 5 => c.p += 8,  // skeleton, split: dwo id
                    _ => {}
                }
            } else {
                abbrev_off = c.u32() as usize;
                c.u8(); // address size
            }
            let abbrevs = parse_abbrevs(self.s.abbrev, abbrev_off);
            let die = c.p;
            let code = c.uleb() as usize;
            let mut cu = CompUnit {
                off,
                end: end.min(info.len()),
                die,
                version,
                abbrevs,
                lang: 0,
                str_base: 8,
                addr_base: 8,
                rng_base: 0,
                low_pc: 0,
                line_unit: None,
            };
            if let Some(Some(ab)) = cu.abbrevs.get(code) {
                let d = read_die(&mut c, ab, off, self.s);
                cu.lang = d.lang;
                cu.str_base = d.str_base.unwrap_or(8);
                cu.addr_base = d.addr_base.unwrap_or(8);
                cu.rng_base = d.rng_base.unwrap_or(0);
                cu.low_pc = d.low.map_or(0, |v| self.addr(&cu, v));
                if let Some(sl) = d.stmt_list {
                    let i = units.partition_point(|u| (u.off as u64) < sl);
                    if units.get(i).is_some_and(|u| u.off as u64 == sl) {
                        cu.line_unit = Some(i);
                    }
                }
            }
            self.cus.push(cu);
            off = end;
        }
    }

    fn addr(&self, cu: &CompUnit, v: Val) -> u64 {
        match v {
            Val::Addr(a) => a,
            Val::AddrX(i) => u64_at(self.s.addr, (cu.addr_base + 8 * i) as usize).unwrap_or(0),
            Val::U(a) => a,
            _ => 0,
        }
    }

    fn string(&self, cu: &CompUnit, v: Val) -> Option<&'static str> {
        match v {
            Val::Str(s) => Some(s),
            Val::StrX(i) => {
                let o = u32_at(self.s.str_offsets, (cu.str_base + 4 * i) as usize)?;
                Some(cstr(self.s.str_, o as usize))
            }
            _ => None,
        }
    }

    /// Appends the address ranges of entry `d` of unit `cu` to `out`.
    fn ranges(&self, cu: &CompUnit, d: &Die, out: &mut Vec<(u64, u64)>) {
        if let Some(r) = d.ranges {
            if cu.version < 5 {
                // .debug_ranges: (start, end) pairs relative to the base; (!0, base) sets it.
                let Val::U(o) = r else { return };
                let mut c = Cur {
                    d: self.s.ranges,
                    p: o as usize,
                };
                let mut base = cu.low_pc;
                while c.p + 16 <= c.d.len() {
                    let (a, b) = (c.u64(), c.u64());
                    match (a, b) {
                        (0, 0) => break,
                        (u64::MAX, b) => base = b,
                        _ => out.push((base.wrapping_add(a), base.wrapping_add(b))),
                    }
                }
                return;
            }
            // .debug_rnglists: a DW_RLE_* entry list.
            let o = match r {
                Val::U(o) => o as usize,
                Val::RngX(i) => {
                    let b = cu.rng_base as usize;
                    b + u32_at(self.s.rnglists, b + 4 * i as usize).unwrap_or(0) as usize
                }
                _ => return,
            };
            let mut c = Cur {
                d: self.s.rnglists,
                p: o,
            };
            let mut base = cu.low_pc;
            let ax = |i: u64| self.addr(cu, Val::AddrX(i));
            while c.p < c.d.len() {
                match c.u8() {
                    1 => base = ax(c.uleb()),
                    2 => {
                        let (a, b) = (c.uleb(), c.uleb());
                        out.push((ax(a), ax(b)));
                    }
                    3 => {
                        let a = ax(c.uleb());
                        out.push((a, a + c.uleb()));
                    }
                    4 => {
                        let (a, b) = (c.uleb(), c.uleb());
                        out.push((base + a, base + b));
                    }
                    5 => base = c.u64(),
                    6 => {
                        let (a, b) = (c.u64(), c.u64());
                        out.push((a, b));
                    }
                    7 => {
                        let a = c.u64();
                        out.push((a, a + c.uleb()));
                    }
                    _ => break, // DW_RLE_end_of_list
                }
            }
        } else if let Some(low) = d.low {
            let lo = self.addr(cu, low);
            let hi = match d.high {
                Some(v @ (Val::Addr(_) | Val::AddrX(_))) => self.addr(cu, v),
                Some(Val::U(n)) => lo + n,
                _ => lo,
            };
            out.push((lo, hi));
        }
    }

    /// Name and language of the function described by the entry at `off`, following abstract
    /// origins and specifications. A linkage name wins over the plain name (Rust's plain names
    /// are unqualified; Go entries carry only the name, already in gc's spelling).
    fn describe(&mut self, off: usize, hops: u32) -> (&'static str, u64) {
        if let Some(&r) = self.names.get(&off) {
            return r;
        }
        let i = self.cus.partition_point(|u| u.off <= off).wrapping_sub(1);
        let Some(cu) = self.cus.get(i) else {
            return ("?", 0);
        };
        let mut c = Cur {
            d: self.s.info,
            p: off,
        };
        let code = c.uleb() as usize;
        let Some(Some(ab)) = cu.abbrevs.get(code) else {
            return ("?", 0);
        };
        let d = read_die(&mut c, ab, cu.off, self.s);
        let lang = cu.lang;
        let own = d.linkage.or(d.name).and_then(|v| self.string(cu, v));
        let r = match (own, d.origin) {
            (Some(n), _) => (n, lang),
            (None, Some(o)) if hops < 8 => self.describe(o, hops + 1),
            _ => ("?", lang),
        };
        self.names.insert(off, r);
        r
    }

    /// Walks unit `i`'s entries, adding a node for each subprogram and inlined call with code.
    fn walk(
        &mut self,
        i: usize,
        units: &[Unit],
        nodes: &mut Vec<Node>,
        ivs: &mut Vec<(u64, u64, u32, u32)>,
    ) {
        let info = self.s.info;
        let (die, end, off) = (self.cus[i].die, self.cus[i].end, self.cus[i].off);
        let mut c = Cur { d: info, p: die };
        // For each open entry with children: the node (and its nesting level) its children are in.
        let mut open: Vec<(u32, u32)> = Vec::new();
        let mut rs = Vec::new();
        while c.p < end {
            let code = c.uleb() as usize;
            if code == 0 {
                if open.pop().is_none() || open.is_empty() {
                    break;
                }
                continue;
            }
            let cu = &self.cus[i];
            let Some(Some(ab)) = cu.abbrevs.get(code) else {
                break;
            };
            if ab.tag != DW_TAG_SUBPROGRAM && ab.tag != DW_TAG_INLINED_SUBROUTINE {
                // Types, variables, lexical blocks...: only their children may matter.
                match ab.fixed {
                    Some(n) => c.p += n,
                    None => {
                        if read_die(&mut c, ab, off, self.s).bad {
                            break;
                        }
                    }
                }
                if ab.children {
                    open.push(open.last().copied().unwrap_or((NONE, 0)));
                }
                continue;
            }
            let d = read_die(&mut c, ab, off, self.s);
            if d.bad {
                break;
            }
            let (scope, level) = open.last().copied().unwrap_or((NONE, 0));
            let mut inner = (scope, level);
            if d.tag == DW_TAG_SUBPROGRAM || d.tag == DW_TAG_INLINED_SUBROUTINE {
                rs.clear();
                self.ranges(cu, &d, &mut rs);
                rs.retain(|&(lo, hi)| lo != 0 && lo < hi && lo != u64::MAX);
                if !rs.is_empty() {
                    let (call_file, call_line) = if d.tag == DW_TAG_INLINED_SUBROUTINE {
                        let f = cu
                            .line_unit
                            .and_then(|u| units[u].files.get(d.call_file as usize));
                        (f.copied().unwrap_or("?"), d.call_line as u32)
                    } else {
                        ("", 0)
                    };
                    let lang = cu.lang;
                    let own = d.linkage.or(d.name).and_then(|v| self.string(cu, v));
                    let (name, lang) = match (own, d.origin) {
                        (Some(n), _) => (n, lang),
                        (None, Some(o)) => self.describe(o, 0),
                        _ => ("?", lang),
                    };
                    let kind = if lang == DW_LANG_GO && d.artificial {
                        Kind::Wrapper
                    } else if lang == DW_LANG_GO {
                        Kind::Go
                    } else if name == "rog_goroutine_entry" {
                        Kind::Goexit
                    } else if name.contains("5start11run_program") {
                        Kind::Main
                    } else {
                        Kind::Rust
                    };
                    let (parent, lvl) = if d.tag == DW_TAG_INLINED_SUBROUTINE && scope != NONE {
                        (scope, level + 1)
                    } else {
                        (NONE, 0)
                    };
                    let n = nodes.len() as u32;
                    let name = if kind == Kind::Go { super::gc_name(name) } else { name };
                    nodes.push(Node {
                        parent,
                        name,
                        kind,
                        call_file,
                        call_line,
                    });
                    for &(lo, hi) in &rs {
                        ivs.push((lo, hi, lvl, n));
                    }
                    inner = (n, lvl);
                }
            }
            if d.children {
                open.push(inner);
            }
        }
    }
}
