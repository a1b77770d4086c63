//! `ROG_DEBUG=gcretain=N`, a debugging aid: at the end of the marking of collection N, for every
//! object that still has a cleanup (`runtime.AddCleanup`: marking reached it), prints every root
//! word that reaches it, each with the shortest chain of objects from the root to it:
//!
//! ```text
//! gcretain: 0x7f..dc0 .shape.{str, ptr, ...}
//!   root stack g9 at 0x7f..e80:
//!     0x7f..310+48 .shape.{ptr, ptr, ptr, iface, ptr, {{}, {i32, u32}}, iface}
//!     0x7f..c50+8 .shape.ptr
//!   1 roots
//! ```
//!
//! Each chain line is an object (its slot address), the offset in it of the pointer to the
//! next one, and its element type. A `stack` root names the goroutine and the stack word, which
//! a debugger or a disassembly maps to a frame slot: stale words in live frames are how the
//! conservative stack scan keeps garbage. The graph is rebuilt from the roots apart from the
//! collector's marking, so tracing does not change what the cycle keeps.

use super::heap;
use super::mark::Root;
use crate::types::Type;
use std::collections::{HashMap, VecDeque};
use std::fmt::Write;

/// Where a pointer to an object was found.
#[derive(Clone, Copy)]
enum From {
    /// A root word: its kind, the goroutine (stacks) and the word's address.
    Root(&'static str, i64, usize),
    /// Word `off` bytes into the object whose slot starts at the first field.
    Obj(usize, usize),
}

/// Every reached object's slot with every place that points at it.
struct Graph {
    referrers: HashMap<usize, Vec<From>>,
    work: Vec<usize>,
}

impl Graph {
    fn add(&mut self, p: usize, from: From) {
        let Some((slot, noscan)) = slot_of(p) else {
            return;
        };
        let r = self.referrers.entry(slot).or_default();
        if r.is_empty() && !noscan {
            self.work.push(slot);
        }
        r.push(from);
    }

    fn range(&mut self, kind: &'static str, id: i64, lo: usize, hi: usize) {
        let mut p = (lo + 7) & !7;
        while p + 8 <= hi {
            // SAFETY: a root range is readable (a data segment or a used stack part).
            self.add(unsafe { *(p as *const usize) }, From::Root(kind, id, p));
            p += 8;
        }
    }

    /// Traces the heap from what the roots reached, as mark.rs's scan_object does.
    fn trace(&mut self) {
        while let Some(obj) = self.work.pop() {
            let s = heap::span_of(obj);
            // SAFETY: obj is an allocated object of a live scan span; the world is stopped.
            unsafe {
                let t = *(obj as *const *const Type);
                if t.is_null() || (*t).size == 0 || (*t).ptrdata == 0 {
                    continue;
                }
                let t = &*t;
                let n = ((*s).elemsize - 8) / t.size;
                for e in 0..n {
                    let base = obj + 8 + e * t.size;
                    for w in 0..t.ptrdata / 8 {
                        if *t.gcdata.add(w / 8) & (1 << (w % 8)) != 0 {
                            let at = base + w * 8;
                            self.add(*(at as *const usize), From::Obj(obj, at - obj));
                        }
                    }
                }
            }
        }
    }
}

/// The slot of the allocated object containing p and whether its span is noscan.
fn slot_of(p: usize) -> Option<(usize, bool)> {
    let s = heap::span_of(p);
    if s.is_null() {
        return None;
    }
    // SAFETY: the world is stopped; spans in the page table are live.
    let s = unsafe { &*s };
    let i = (p - s.base) / s.elemsize;
    if i >= s.nelems || !s.is_allocated(i) {
        return None;
    }
    Some((s.base + i * s.elemsize, s.noscan))
}

fn type_name(slot: usize) -> String {
    match slot_of(slot) {
        None => "(not allocated)".into(),
        Some((_, true)) => "(noscan)".into(),
        // SAFETY: a scan object's header word is its element type or null.
        Some((_, false)) => unsafe {
            let t = *(slot as *const *const Type);
            if t.is_null() {
                "(no type)".into()
            } else {
                String::from_utf8_lossy((*t).name.as_bytes()).into_owned()
            }
        },
    }
}

/// Prints the roots reaching each of `targets` (object slots). The world is stopped.
pub fn report(targets: &[usize]) {
    let mut g = Graph { referrers: HashMap::new(), work: Vec::new() };
    super::mark::for_each_root(|r| match r {
        Root::Word(kind, id, p) => g.add(p, From::Root(kind, id, 0)),
        Root::Range(kind, id, lo, hi) => g.range(kind, id, lo, hi),
    });
    g.trace();
    for &target in targets {
        let mut s = String::new();
        let _ = writeln!(s, "gcretain: {:#x} {}", target, type_name(target));
        // Backwards breadth-first from the target: toward[o] is the object o points to on its
        // shortest way to the target, and the offset of that pointer in o.
        let mut toward: HashMap<usize, (usize, usize)> = HashMap::new();
        toward.insert(target, (0, 0));
        let mut q = VecDeque::from([target]);
        let mut roots = 0;
        while let Some(o) = q.pop_front() {
            for &f in g.referrers.get(&o).map_or(&[][..], |v| &v[..]) {
                match f {
                    From::Root(kind, id, at) => {
                        roots += 1;
                        if roots > 40 {
                            continue;
                        }
                        let _ = writeln!(s, "  root {} g{} at {:#x}:", kind, id, at);
                        let mut cur = o;
                        while cur != target {
                            let (next, off) = toward[&cur];
                            let _ = writeln!(s, "    {:#x}+{} {}", cur, off, type_name(cur));
                            cur = next;
                        }
                    }
                    From::Obj(p, off) => {
                        toward.entry(p).or_insert_with(|| {
                            q.push_back(p);
                            (o, off)
                        });
                    }
                }
            }
        }
        let _ = writeln!(s, "  {} roots", roots);
        crate::print::str(&s);
    }
}
