// Devirtualisation: a method call on an interface value whose itab is known at compile time
// becomes a direct call of the method the itab names (the usual source is an inlined
// constructor returning an interface: `h := sha256.New(); h.Write(b)`), and a call of the
// constant closure object of a top-level function (an inlined `ignoringEINTRIO(syscall.Read,
// ...)`) a direct call of the function. Once the call is direct, escape analysis sees the
// callee's summary and may keep the object in the frame, as gc's devirtualisation after
// inlining does.
//
// An interface local's itab is known when every write to it is whole and puts the same itab
// constant in word 0: an `iface {itab, data}` aggregate, or a copy of another such local. As in
// constprop, locals written only whole are written before they are read (the lowering
// zero-initialises declared variables, which is a write of its own), and addressed locals are
// left alone.

import type { Body, Callee, Global, GlobalInit, MirPackage, Operand, Place } from "../mir.js";

/** devirtualize rewrites the body's calls through known itabs; it reports whether it did. */
export function devirtualize(body: Body, globals: ReadonlyMap<string, Global>): boolean {
  const tabs = knownItabs(body);
  let changed = false;
  // Reading word 0 of such a local reads the constant; reading the dynamic type out of the
  // itab (a type assertion, a type switch) reads the itab's constant type word.
  const sub = (o: Operand): Operand => {
    if (o.o !== "copy") return o;
    const [f0, d, f1] = o.place.proj;
    const tab = f0?.p === "field" && f0.i === 0 ? tabs.get(o.place.local) : undefined;
    if (tab === undefined) return o;
    let sym: string | undefined = tab;
    if (o.place.proj.length === 3 && d?.p === "deref" && f1?.p === "field" && f1.i === 1) {
      const w = itabWords(globals, tab)?.[1];
      sym = w?.g === "const" && w.v.c === "sym" && !w.v.fn ? w.v.sym : undefined;
    } else if (o.place.proj.length !== 1) sym = undefined;
    if (sym === undefined) return o;
    changed = true;
    return { o: "const", ty: { k: "ptr" }, v: { c: "sym", sym, fn: false } };
  };
  for (const blk of body.blocks) {
    // Without a known itab only calls of constant closure objects change.
    for (const s of tabs.size ? blk.stmts : []) {
      const rv = s.rv;
      if (rv.r === "use") {
        const op = sub(rv.op);
        if (op !== rv.op) s.rv = { r: "use", op };
      } else if (rv.r === "bin") {
        const [a, b] = [sub(rv.a), sub(rv.b)];
        if (a !== rv.a || b !== rv.b) s.rv = { ...rv, a, b };
      } else if (rv.r === "agg") {
        const ops = rv.ops.map(sub);
        if (ops.some((o, i) => o !== rv.ops[i])) s.rv = { ...rv, ops };
      }
    }
    const t = blk.term;
    if (t.t === "call") {
      const callee = directCallee(t.callee, tabs, globals) ?? staticFunc(t.callee, globals);
      if (callee) {
        blk.term = { ...t, callee };
        changed = true;
      }
      const args = t.args.map(sub);
      if (args.some((a, i) => a !== t.args[i])) blk.term = { ...(blk.term as typeof t), args };
    } else if (t.t === "assert") {
      const cond = sub(t.cond);
      if (cond !== t.cond) blk.term = { ...t, cond };
    }
  }
  return changed;
}

/** knownItabs maps each interface local whose word 0 is always one itab constant to it. */
function knownItabs(body: Body): Map<number, string> {
  // source[l]: the writes of l, each an itab symbol or another local copied whole; null once
  // some write is anything else.
  const source = new Map<number, (string | number)[] | null>();
  const addressed = new Set<number>();
  const add = (l: number, s: string | number | null) => {
    const cur = source.get(l);
    if (cur === null) return;
    if (s === null) source.set(l, null);
    else if (cur) cur.push(s);
    else source.set(l, [s]);
  };
  for (const blk of body.blocks) {
    for (const s of blk.stmts) {
      if (s.rv.r === "ref") addressed.add(s.rv.place.local);
      if (s.place.proj.length !== 0) {
        add(s.place.local, null);
        continue;
      }
      const rv = s.rv;
      const w0 = rv.r === "agg" && rv.ty.k === "iface" ? rv.ops[0] : undefined;
      if (w0 && w0.o === "const" && w0.v.c === "sym" && !w0.v.fn) add(s.place.local, w0.v.sym);
      else if (rv.r === "use" && rv.op.o === "copy" && rv.op.place.proj.length === 0) {
        add(s.place.local, rv.op.place.local);
      } else add(s.place.local, null);
    }
    const t = blk.term;
    if (t.t === "call" && t.dest) add(t.dest.local, null);
  }
  // Resolve copies to a fixed point; a cycle of copies with no itab behind it stays unknown.
  const known = new Map<number, string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const [l, srcs] of source) {
      if (!srcs || known.has(l) || l <= body.nparams || l === body.ctx || addressed.has(l)) {
        continue;
      }
      const tabs = srcs.map((s) => (typeof s === "string" ? s : known.get(s)));
      if (tabs.every((t) => t !== undefined && t === tabs[0])) {
        known.set(l, tabs[0]!);
        changed = true;
      }
    }
  }
  return known;
}

/** directCallee is the method a call through a known itab's method table calls, if any. */
function directCallee(
  c: Callee,
  tabs: ReadonlyMap<number, string>,
  globals: ReadonlyMap<string, Global>,
): Callee | null {
  if (c.c !== "ptr" || c.fn.o !== "copy") return null;
  const m = methodSlot(c.fn.place);
  const tab = m && tabs.get(c.fn.place.local);
  const words = tab ? itabWords(globals, tab) : null;
  if (!m || !words) return null;
  // The itab's method words follow its four header fields, flattened or as one array.
  const slot =
    words.length === 5 && words[4]!.g === "agg" ? words[4]!.parts[m.index] : words[4 + m.index];
  if (!slot || slot.g !== "const" || slot.v.c !== "sym" || !slot.v.fn) return null;
  if (c.ctx.o !== "const" || c.ctx.v.c !== "zero") return null;
  return { c: "fn", sym: slot.v.sym };
}

/**
 * staticFunc is the function a call of a constant closure object `{ptr @f}` calls: the object
 * of a top-level function used as a value (lower/package.ts closureObject), which captures
 * nothing, so the function ignores its context and may be called directly.
 */
function staticFunc(c: Callee, globals: ReadonlyMap<string, Global>): Callee | null {
  if (c.c !== "closure" || c.fv.o !== "const" || c.fv.v.c !== "sym" || c.fv.v.fn) return null;
  const g = globals.get(c.fv.v.sym);
  if (!g?.constant || g.init.g !== "agg" || g.init.parts.length !== 1) return null;
  const code = g.init.parts[0]!;
  return code.g === "const" && code.v.c === "sym" && code.v.fn
    ? { c: "fn", sym: code.v.sym }
    : null;
}

/** itabWords is the static initialiser of the itab tab (ABI.md §6), if the package has it. */
function itabWords(globals: ReadonlyMap<string, Global>, tab: string): GlobalInit[] | null {
  const g = globals.get(tab);
  return tab.startsWith("go:itab.") && g?.init.g === "agg" ? g.init.parts : null;
}

/** methodSlot matches `(*l.0).4[i]`, the read of an itab's method i (lower/iface.ts). */
function methodSlot(p: Place): { index: number } | null {
  const [f0, d, f4, ix] = p.proj;
  if (p.proj.length !== 4 || f0?.p !== "field" || f0.i !== 0 || d?.p !== "deref") return null;
  if (f4?.p !== "field" || f4.i !== 4 || ix?.p !== "index") return null;
  if (ix.idx.o !== "const" || ix.idx.v.c !== "int") return null;
  return { index: Number(ix.idx.v.v) };
}

/** devirtualizePackage runs devirtualize over bodies and returns those it changed. */
export function devirtualizePackage(pkg: MirPackage, bodies: Iterable<Body>): Body[] {
  const globals = new Map(pkg.globals.map((g) => [g.sym, g]));
  return [...bodies].filter((b) => devirtualize(b, globals));
}
