//! Symbolising program counters for `runtime.Caller`, `runtime.FuncForPC` and `Frames`: function
//! names and entries from the executable's ELF symbol table, file and line from its DWARF line
//! table (`.debug_line`, versions 4 and 5, as the compiler and rustc emit them), and inlined calls
//! from `.debug_info` (inline.rs), so that one code address can stand for several logical frames.
//!
//! The executable (`/proc/self/exe`) is read once, on first use, into memory that is never
//! freed, so names and file names handed out are `'static`. The function table is sorted by
//! address. The line table is indexed by sequence (one per function with function sections):
//! each sequence's address range and where its line program starts; a lookup re-runs only the
//! one sequence that covers the address. The inline tree is read on first use too.
//!
//! Logical frames. The code at an address runs in a chain of functions: the innermost inlined
//! call, the function (or inlined call) it was inlined into, and so on up to the physical
//! function. Index 0 is the innermost. Go sees only the Go functions of the chain (and
//! `runtime.main` / `runtime.goexit` for the runtime code that starts main and goroutines, as gc
//! shows them); Rust runtime code, inlined into Go or not, is never a Go frame. `rog_callers`
//! returns one PC per Go frame, tagging a PC with the index of its frame in the chain (bits
//! 56..63; see ABI.md), and `rog_funcinfo` decodes such PCs.

use std::sync::OnceLock;

mod inline;
pub use inline::Kind;

/// A PC's bits from here up hold the index of its logical frame in its address's inline chain.
pub const TAG_SHIFT: u32 = 56;
/// The address part of a (tagged) PC.
pub const ADDR_MASK: usize = (1 << TAG_SHIFT) - 1;

struct Func {
    start: u64,
    size: u64,
    name: &'static str,
}

/// A line-program sequence: [lo, hi), its unit's header and the program offset where it starts.
struct Seq {
    lo: u64,
    hi: u64,
    unit: usize,
    at: usize,
}

/// A line-program header, reduced to what running a sequence needs.
struct Unit {
    version: u16,
    min_inst: u8,
    line_base: i8,
    line_range: u8,
    opcode_base: u8,
    std_lens: Vec<u8>,
    end: usize,
    files: Vec<&'static str>,
    /// Offset of the unit's header in `.debug_line` (what a compile unit's DW_AT_stmt_list says).
    off: usize,
}

struct Image {
    /// Load address minus link-time address (PIE).
    bias: u64,
    funcs: Vec<Func>,
    units: Vec<Unit>,
    seqs: Vec<Seq>,
    line: &'static [u8],
    secs: inline::Sections,
    inlines: OnceLock<inline::Inlines>,
}

static IMAGE: OnceLock<Option<Image>> = OnceLock::new();

/// One logical frame, as Go sees it.
pub struct Frame {
    /// Entry of the physical function the code is in (0 when unknown).
    pub entry: usize,
    /// gc's spelling: `main.f`, `pkg.(*T).M`, `runtime.main`.
    pub name: &'static str,
    pub file: &'static str,
    /// 0 when unknown.
    pub line: u32,
    /// The frame's index in the inline chain.
    pub index: usize,
    /// The frame is an inlined call (not the physical function).
    pub inlined: bool,
    /// Index of the next Go frame outwards at the same address; 0 when none.
    pub next: usize,
    pub kind: Kind,
}

/// The longest inline chain looked at.
const MAX_CHAIN: usize = 64;

/// Calls `f(index, kind)` for each Go frame (kind Go, Main or Goexit) of the inline chain at `pc`,
/// a run-time address inside an instruction (a return address minus 1), innermost first.
pub fn go_frames(pc: usize, mut f: impl FnMut(usize, Kind)) {
    let Some(img) = IMAGE.get_or_init(load).as_ref() else {
        return;
    };
    let a = (pc as u64).wrapping_sub(img.bias);
    let mut chain = [0u32; MAX_CHAIN];
    let n = img.chain(a, &mut chain);
    if n == 0 {
        if let Some(func) = img.func(a) {
            let kind = img.kind_uncovered(func.name, a);
            if kind.visible() {
                f(0, kind);
            }
        }
        return;
    }
    for i in 0..n {
        if let Some((kind, _, _)) = img.shown(&chain[..n], i, a) {
            f(i, kind);
        }
    }
}

/// The first Go frame with index `index` or more of the inline chain at run-time address `pc`.
pub fn frame(pc: usize, index: usize) -> Option<Frame> {
    let img = IMAGE.get_or_init(load).as_ref()?;
    let a = (pc as u64).wrapping_sub(img.bias);
    let entry = img.func(a).map_or(0, |f| (f.start + img.bias) as usize);
    let mut chain = [0u32; MAX_CHAIN];
    let n = img.chain(a, &mut chain);
    if n == 0 {
        let func = img.func(a)?;
        let kind = img.kind_uncovered(func.name, a);
        if !kind.visible() || index > 0 {
            return None;
        }
        let (file, line) = img.line_of(a).unwrap_or(("?", 0));
        return Some(Frame {
            entry,
            name: gc_name(func.name),
            file,
            line,
            index: 0,
            inlined: false,
            next: 0,
            kind,
        });
    }
    let chain = &chain[..n];
    let (i, (kind, file, line)) = (index..n).find_map(|i| Some((i, img.shown(chain, i, a)?)))?;
    let next = (i + 1..n)
        .find(|&j| img.shown(chain, j, a).is_some())
        .unwrap_or(0);
    let node = &img.inlines().nodes[chain[i] as usize];
    let name = match kind {
        Kind::Main => "runtime.main",
        Kind::Goexit => "runtime.goexit",
        _ => node.name,
    };
    Some(Frame {
        entry,
        name,
        file,
        line,
        index: i,
        inlined: node.parent != inline::NONE,
        next,
        kind,
    })
}

/// Whether an ELF symbol is spelled like a Go function's (`pkg.Name`): rustc's are mangled
/// (`_ZN...`, `_R...`), the runtime's C entry points are `rog_...`.
fn go_symbol(n: &str) -> bool {
    n.contains('.') && !n.starts_with("_ZN") && !n.starts_with("_R") && !n.starts_with("rog_")
}

/// gc's name of a function: an instance of a generic function or method shows its type
/// arguments as `[...]` (`main.F[int]` is `main.F[...]`, `main.(*T[int]).M` is
/// `main.(*T[...]).M`). Names without type arguments are returned as they are; the others are
/// made once each and kept.
pub(crate) fn gc_name(name: &'static str) -> &'static str {
    if !name.contains('[') {
        return name;
    }
    static NAMES: std::sync::Mutex<Option<std::collections::HashMap<usize, &'static str>>> =
        std::sync::Mutex::new(None);
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    let names = names.get_or_insert_with(Default::default);
    if let Some(&n) = names.get(&(name.as_ptr() as usize)) {
        return n;
    }
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '[' => {
                if depth == 0 {
                    out.push_str("[...]");
                }
                depth += 1;
            }
            ']' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let n: &'static str = Box::leak(out.into_boxed_str());
    names.insert(name.as_ptr() as usize, n);
    n
}

/// The file of the compiler's wrappers (go/defer thunks, method wrappers), as gc names it.
const WRAPPER_FILE: &str = "<autogenerated>";

fn load() -> Option<Image> {
    let data: &'static [u8] = Box::leak(std::fs::read("/proc/self/exe").ok()?.into_boxed_slice());
    let elf = Elf::parse(data)?;
    let mut funcs = elf.functions();
    funcs.sort_by_key(|f| f.start);
    let line = elf.section(".debug_line").unwrap_or(&[]);
    let strs = Strs {
        line_str: elf.section(".debug_line_str").unwrap_or(&[]),
        str_: elf.section(".debug_str").unwrap_or(&[]),
    };
    let (units, mut seqs) = index_lines(line, &strs);
    seqs.sort_by_key(|s| s.lo);
    let sec = |name| elf.section(name).unwrap_or(&[]);
    let secs = inline::Sections {
        info: sec(".debug_info"),
        abbrev: sec(".debug_abbrev"),
        str_: strs.str_,
        line_str: strs.line_str,
        str_offsets: sec(".debug_str_offsets"),
        addr: sec(".debug_addr"),
        ranges: sec(".debug_ranges"),
        rnglists: sec(".debug_rnglists"),
    };
    let bias = crate::gc::mark::exe_load_bias();
    Some(Image {
        bias,
        funcs,
        units,
        seqs,
        line,
        secs,
        inlines: OnceLock::new(),
    })
}

/// A minimal reader of 64-bit little-endian ELF files.
struct Elf {
    data: &'static [u8],
    /// (name, offset, size, link, type) of each section.
    sections: Vec<(&'static str, usize, usize, usize, u32)>,
}

fn u16_at(d: &[u8], o: usize) -> Option<u16> {
    Some(u16::from_le_bytes(d.get(o..o + 2)?.try_into().ok()?))
}
fn u32_at(d: &[u8], o: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(o..o + 4)?.try_into().ok()?))
}
fn u64_at(d: &[u8], o: usize) -> Option<u64> {
    Some(u64::from_le_bytes(d.get(o..o + 8)?.try_into().ok()?))
}
fn cstr(d: &'static [u8], o: usize) -> &'static str {
    let s = d.get(o..).unwrap_or(&[]);
    let n = s.iter().position(|&b| b == 0).unwrap_or(s.len());
    std::str::from_utf8(&s[..n]).unwrap_or("?")
}

impl Elf {
    fn parse(data: &'static [u8]) -> Option<Elf> {
        if data.get(0..4)? != b"\x7fELF" || data[4] != 2 || data[5] != 1 {
            return None;
        }
        let shoff = u64_at(data, 0x28)? as usize;
        let shentsize = u16_at(data, 0x3a)? as usize;
        let shnum = u16_at(data, 0x3c)? as usize;
        let shstrndx = u16_at(data, 0x3e)? as usize;
        let sh = |i: usize| shoff + i * shentsize;
        let names_off = u64_at(data, sh(shstrndx) + 0x18)? as usize;
        let mut sections = Vec::with_capacity(shnum);
        for i in 0..shnum {
            let b = sh(i);
            let name = cstr(data, names_off + u32_at(data, b)? as usize);
            let ty = u32_at(data, b + 4)?;
            let off = u64_at(data, b + 0x18)? as usize;
            let size = u64_at(data, b + 0x20)? as usize;
            let link = u32_at(data, b + 0x28)? as usize;
            sections.push((name, off, size, link, ty));
        }
        Some(Elf { data, sections })
    }

    fn section(&self, name: &str) -> Option<&'static [u8]> {
        let &(_, off, size, _, ty) = self.sections.iter().find(|s| s.0 == name)?;
        const SHT_NOBITS: u32 = 8;
        if ty == SHT_NOBITS {
            return None;
        }
        self.data.get(off..off + size)
    }

    /// Every defined function symbol of `.symtab`.
    fn functions(&self) -> Vec<Func> {
        let mut out = Vec::new();
        const SHT_SYMTAB: u32 = 2;
        let Some(&(_, off, size, link, _)) = self.sections.iter().find(|s| s.4 == SHT_SYMTAB)
        else {
            return out;
        };
        let Some(&(_, stroff, _, _, _)) = self.sections.get(link) else {
            return out;
        };
        let mut p = off;
        while p + 24 <= off + size {
            let d = self.data;
            let (Some(name), Some(value), Some(sz)) =
                (u32_at(d, p), u64_at(d, p + 8), u64_at(d, p + 16))
            else {
                break;
            };
            let info = d[p + 4];
            let shndx = u16_at(d, p + 6).unwrap_or(0);
            const STT_FUNC: u8 = 2;
            if info & 0xf == STT_FUNC && shndx != 0 && value != 0 {
                out.push(Func {
                    start: value,
                    size: sz,
                    name: cstr(d, stroff + name as usize),
                });
            }
            p += 24;
        }
        out
    }
}

/// String sections DWARF 5 line headers refer to.
struct Strs {
    line_str: &'static [u8],
    str_: &'static [u8],
}

/// A cursor over DWARF data.
struct Cur<'a> {
    d: &'a [u8],
    p: usize,
}

impl Cur<'_> {
    fn u8(&mut self) -> u8 {
        let v = self.d.get(self.p).copied().unwrap_or(0);
        self.p += 1;
        v
    }
    fn u16(&mut self) -> u16 {
        let v = u16_at(self.d, self.p).unwrap_or(0);
        self.p += 2;
        v
    }
    fn u32(&mut self) -> u32 {
        let v = u32_at(self.d, self.p).unwrap_or(0);
        self.p += 4;
        v
    }
    fn u64(&mut self) -> u64 {
        let v = u64_at(self.d, self.p).unwrap_or(0);
        self.p += 8;
        v
    }
    fn uleb(&mut self) -> u64 {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let b = self.u8();
            if shift < 64 {
                v |= ((b & 0x7f) as u64) << shift;
            }
            shift += 7;
            if b & 0x80 == 0 || self.p >= self.d.len() {
                return v;
            }
        }
    }
    fn sleb(&mut self) -> i64 {
        let (mut v, mut shift) = (0i64, 0);
        loop {
            let b = self.u8();
            if shift < 64 {
                v |= ((b & 0x7f) as i64) << shift;
            }
            shift += 7;
            if b & 0x80 == 0 || self.p >= self.d.len() {
                if shift < 64 && b & 0x40 != 0 {
                    v |= -1i64 << shift;
                }
                return v;
            }
        }
    }
    fn cstr(&mut self) -> &'static str {
        let start = self.p;
        while self.p < self.d.len() && self.d[self.p] != 0 {
            self.p += 1;
        }
        let s = std::str::from_utf8(&self.d[start..self.p])
            .unwrap_or("?")
            .to_string();
        self.p += 1;
        Box::leak(s.into_boxed_str())
    }
}

/// Reads a DWARF 5 entry-format attribute; returns a string for path forms.
fn read_form(c: &mut Cur, form: u64, strs: &Strs) -> Option<&'static str> {
    match form {
        0x08 => Some(c.cstr()),
        0x1f => Some(cstr(strs.line_str, c.u32() as usize)),
        0x0e => Some(cstr(strs.str_, c.u32() as usize)),
        0x0b => {
            c.u8();
            None
        }
        0x05 => {
            c.u16();
            None
        }
        0x06 => {
            c.u32();
            None
        }
        0x07 => {
            c.u64();
            None
        }
        0x0f => {
            c.uleb();
            None
        }
        0x1e => {
            c.p += 16;
            None
        }
        0x09 => {
            let n = c.uleb() as usize;
            c.p += n;
            None
        }
        _ => None,
    }
}

/// (entries as (directory index, path)) of a DWARF 5 directory or file table.
fn read_table(c: &mut Cur, strs: &Strs) -> Vec<(usize, &'static str)> {
    let nformats = c.u8();
    let formats: Vec<(u64, u64)> = (0..nformats).map(|_| (c.uleb(), c.uleb())).collect();
    let count = c.uleb();
    let mut out = Vec::new();
    for _ in 0..count {
        let (mut dir, mut path) = (0usize, "?");
        for &(ct, form) in &formats {
            if ct == 2 && form != 0x08 && form != 0x1f && form != 0x0e {
                // DW_LNCT_directory_index: an integer form.
                let before = c.p;
                read_form(c, form, strs);
                let mut d = Cur { d: c.d, p: before };
                dir = match form {
                    0x0b => d.u8() as usize,
                    0x05 => d.u16() as usize,
                    0x0f => d.uleb() as usize,
                    _ => 0,
                };
                continue;
            }
            if let Some(s) = read_form(c, form, strs) {
                if ct == 1 {
                    path = s;
                }
            }
        }
        out.push((dir, path));
    }
    out
}

fn join(dir: &str, file: &'static str) -> &'static str {
    if file.starts_with('/') || dir.is_empty() || dir == "." {
        return file;
    }
    Box::leak(format!("{dir}/{file}").into_boxed_str())
}

/// Parses every unit header of `.debug_line` and finds every sequence's range.
fn index_lines(d: &'static [u8], strs: &Strs) -> (Vec<Unit>, Vec<Seq>) {
    let mut units = Vec::new();
    let mut seqs = Vec::new();
    let mut c = Cur { d, p: 0 };
    while c.p + 4 <= d.len() {
        let off = c.p;
        let len = c.u32() as usize;
        if len == 0xffff_ffff || len == 0 {
            break; // 64-bit DWARF: not emitted by our toolchains
        }
        let end = c.p + len;
        let version = c.u16();
        if version >= 5 {
            c.u8(); // address size
            c.u8(); // segment selector size
        }
        let hlen = c.u32() as usize;
        let prog = c.p + hlen;
        let min_inst = c.u8();
        if version >= 4 {
            c.u8(); // maximum operations per instruction
        }
        c.u8(); // default_is_stmt
        let line_base = c.u8() as i8;
        let line_range = c.u8();
        let opcode_base = c.u8();
        let std_lens: Vec<u8> = (1..opcode_base).map(|_| c.u8()).collect();
        let mut files = Vec::new();
        if version >= 5 {
            let dirs = read_table(&mut c, strs);
            for (di, f) in read_table(&mut c, strs) {
                let dir = dirs.get(di).map_or("", |x| x.1);
                files.push(join(dir, f));
            }
        } else {
            let mut dirs = vec![""];
            loop {
                let s = c.cstr();
                if s.is_empty() {
                    break;
                }
                dirs.push(s);
            }
            files.push("?");
            loop {
                let f = c.cstr();
                if f.is_empty() {
                    break;
                }
                let di = c.uleb() as usize;
                c.uleb();
                c.uleb();
                files.push(join(dirs.get(di).copied().unwrap_or(""), f));
            }
        }
        if line_range == 0 || end > d.len() {
            break;
        }
        let unit = Unit {
            version,
            min_inst,
            line_base,
            line_range,
            opcode_base,
            std_lens,
            end,
            files,
            off,
        };
        let ui = units.len();
        let mut at = prog;
        while at < end {
            let (lo, hi, next) = unit.run(d, at, None);
            if next <= at {
                break;
            }
            if hi > lo {
                seqs.push(Seq {
                    lo,
                    hi,
                    unit: ui,
                    at,
                });
            }
            at = next;
        }
        units.push(unit);
        c.p = end;
    }
    (units, seqs)
}

impl Unit {
    /// Runs the sequence starting at `at`. Returns its address range and where the next starts;
    /// with `find`, stops at the row covering that address and returns it in `hit`.
    fn run(
        &self,
        d: &[u8],
        at: usize,
        find: Option<(u64, &mut (usize, u32))>,
    ) -> (u64, u64, usize) {
        let mut c = Cur { d, p: at };
        let (mut addr, mut file, mut line) = (0u64, 1usize, 1i64);
        let mut lo = u64::MAX;
        let mut prev: Option<(u64, usize, i64)> = None;
        let mut find = find;
        let mut emit = |addr: u64,
                        file: usize,
                        line: i64,
                        lo: &mut u64,
                        find: &mut Option<(u64, &mut (usize, u32))>| {
            *lo = (*lo).min(addr);
            if let (Some((pa, pf, pl)), Some((pc, hit))) = (prev, find.as_mut()) {
                if pa <= *pc && *pc < addr {
                    **hit = (pf, pl.max(0) as u32);
                }
            }
            prev = Some((addr, file, line));
        };
        while c.p < self.end {
            let op = c.u8();
            if op >= self.opcode_base {
                let adj = (op - self.opcode_base) as u64;
                addr += (adj / self.line_range as u64) * self.min_inst as u64;
                line += self.line_base as i64 + (adj % self.line_range as u64) as i64;
                emit(addr, file, line, &mut lo, &mut find);
                continue;
            }
            match op {
                0 => {
                    let n = c.uleb() as usize;
                    let next = c.p + n;
                    match c.u8() {
                        1 => {
                            emit(addr, file, line, &mut lo, &mut find);
                            return (lo, addr, next);
                        }
                        2 => addr = c.u64(),
                        _ => {}
                    }
                    c.p = next;
                }
                1 => emit(addr, file, line, &mut lo, &mut find),
                2 => addr += c.uleb() * self.min_inst as u64,
                3 => line += c.sleb(),
                4 => file = c.uleb() as usize,
                8 => {
                    let adj = (255 - self.opcode_base) as u64;
                    addr += (adj / self.line_range as u64) * self.min_inst as u64;
                }
                9 => addr += c.u16() as u64,
                5 | 12 => {
                    c.uleb();
                }
                6 | 7 | 10 | 11 => {}
                _ => {
                    for _ in 0..self.std_lens.get(op as usize - 1).copied().unwrap_or(0) {
                        c.uleb();
                    }
                }
            }
        }
        (lo, addr, self.end)
    }

    fn file(&self, i: usize) -> &'static str {
        // DWARF 5 numbers files from 0; version 4 from 1 (index 0 holds a placeholder).
        let _ = self.version;
        self.files.get(i).copied().unwrap_or("?")
    }
}

impl Image {
    fn inlines(&self) -> &inline::Inlines {
        self.inlines
            .get_or_init(|| inline::load(&self.secs, &self.units))
    }

    /// What a function that no debug information covers is, judged by its symbol. When the
    /// executable has debug information, such code is not a Go function's (the compiler's
    /// forwarders to runtime functions have none on purpose, assembly has none); without any,
    /// Go symbols are `pkg.Name` (rustc's are mangled `_ZN...`/`_R...`, the runtime's C entry
    /// points `rog_...`).
    fn kind_of_symbol(&self, name: &str) -> Kind {
        if name == "rog_goroutine_entry" {
            Kind::Goexit
        } else if self.secs.info.is_empty() && go_symbol(name) {
            Kind::Go
        } else {
            Kind::Rust
        }
    }

    /// What the function `name` holding link-time address `a` is when no subprogram covers `a`.
    /// rog's units are line tables only, and with those LLVM writes a subprogram only for a
    /// function with inlined calls; a Go function without any is still in its unit's line table,
    /// at a `.go` file (a wrapper's is `<autogenerated>`, the runtime's `.rs`).
    fn kind_uncovered(&self, name: &str, a: u64) -> Kind {
        let kind = self.kind_of_symbol(name);
        if kind != Kind::Rust || !go_symbol(name) {
            return kind;
        }
        match self.line_of(a) {
            Some((file, _)) if file.ends_with(".go") => Kind::Go,
            _ => kind,
        }
    }

    /// The ELF function symbol holding link-time address `a`.
    fn func(&self, a: u64) -> Option<&Func> {
        let i = self
            .funcs
            .partition_point(|f| f.start <= a)
            .checked_sub(1)?;
        let f = &self.funcs[i];
        (f.size == 0 || a < f.start + f.size).then_some(f)
    }

    /// Stores the inline chain at link-time address `a` (node indices, innermost first) and
    /// returns its length: 0 when no debug information covers `a`.
    fn chain(&self, a: u64, out: &mut [u32; MAX_CHAIN]) -> usize {
        let inl = self.inlines();
        let Some(mut node) = inl.innermost(a) else {
            return 0;
        };
        let mut n = 0;
        while n < MAX_CHAIN {
            out[n] = node;
            n += 1;
            node = inl.nodes[node as usize].parent;
            if node == inline::NONE {
                break;
            }
        }
        n
    }

    /// Whether frame `i` of `chain` (at link-time address `a`) is one Go sees: its kind, file
    /// and line if so. Runtime code is not, nor are the compiler's wrappers, whose code is
    /// placed at `<autogenerated>:1` (gc hides its wrappers too); what is inlined into a wrapper
    /// is seen.
    fn shown(&self, chain: &[u32], i: usize, a: u64) -> Option<(Kind, &'static str, u32)> {
        let nodes = &self.inlines().nodes;
        let kind = nodes[chain[i] as usize].kind;
        let (file, line) = match kind {
            // gc's own places for these (go1.26), so traces read as gc's.
            Kind::Main => ("runtime/proc.go", 290),
            Kind::Goexit => ("runtime/asm_amd64.s", 1771),
            Kind::Go if i == 0 => self.line_of(a).unwrap_or(("?", 0)),
            Kind::Go => {
                let callee = &nodes[chain[i - 1] as usize];
                (callee.call_file, callee.call_line)
            }
            Kind::Rust | Kind::Wrapper => return None,
        };
        if file.ends_with(WRAPPER_FILE) {
            return None;
        }
        Some((kind, file, line))
    }

    fn line_of(&self, a: u64) -> Option<(&'static str, u32)> {
        let i = self.seqs.partition_point(|s| s.lo <= a).checked_sub(1)?;
        let s = &self.seqs[i];
        if a >= s.hi {
            return None;
        }
        let u = &self.units[s.unit];
        let mut hit = (usize::MAX, 0u32);
        u.run(self.line, s.at, Some((a, &mut hit)));
        if hit.0 == usize::MAX {
            return None;
        }
        Some((u.file(hit.0), hit.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[inline(never)]
    fn here() -> usize {
        here as *const () as usize
    }

    #[test]
    fn finds_own_function_and_line() {
        let img = IMAGE.get_or_init(load).as_ref().expect("image");
        let a = (here() + 4) as u64 - img.bias;
        let f = img.func(a).expect("symbolised");
        assert!(f.name.contains("here"), "{}", f.name);
        assert_eq!((f.start + img.bias) as usize, here());
        let (file, line) = img.line_of(a).expect("line");
        assert!(file.ends_with("symtab.rs"), "{file}");
        assert!(line > 0);
        // Rust code is never a Go frame.
        assert!(frame(here() + 4, 0).is_none());
        let mut chain = [0u32; MAX_CHAIN];
        let n = img.chain(a, &mut chain);
        assert!(n >= 1);
        assert_eq!(img.inlines().nodes[chain[0] as usize].kind, Kind::Rust);
    }
}
