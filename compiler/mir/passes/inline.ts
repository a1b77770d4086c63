// Inlining (DESIGN.md §1, opt): a call of a small function that allocates is replaced by the
// function's body, before escape analysis, so that what the callee allocates for its caller
// can live in the caller's frame. `*bytes.NewBuffer(b)` and `utf16.Decode(s)` allocate nothing
// under gc because gc inlines them first; LLVM inlines them too, but only after rog's escape
// analysis has put their allocations on the heap.
//
// Candidates are bodies of this package and bodies other packages export in their .esc files
// (the opt action's second output). A body is a candidate when it is small (COST_BUDGET), has
// an allocation site, no landing pads (defer), no `//go:noinline`, calls no runtime entry that
// looks at its own frame (recover, defer, runtime.Callers' helpers) and does not call itself.
// An exported body must not name an internal symbol of its package; the linkonce_odr symbols
// it names (type descriptors, method wrappers, generic instances) travel with it, since the
// exporting module may drop its own copies once LLVM has inlined them.
//
// Bodies are visited callees first, so an inlined body has already had its own small callees
// inlined. Each inlined body becomes an InlineScope of its caller: codegen describes it in
// DWARF as an inlined subroutine, so runtime.Callers and panic traces show its frame, as they
// show the frames LLVM inlines.

import { renumberTerm } from "../builder.js";
import {
  rvalueOperands,
  termOperands,
  WRAPPER_FILE,
  type Block,
  type Callee,
  type Body,
  type Global,
  type GlobalInit,
  type InlineScope,
  type MirPackage,
  type Operand,
  type Place,
  type Rvalue,
  type Statement,
  type Terminator,
} from "../mir.js";
import { deserializeMir, serializeMir } from "../serialize.js";
import { PTR, sameType } from "../types.js";
import { calleesFirst } from "./callgraph.js";
import { isAllocSite } from "./escape.js";

/**
 * COST_BUDGET is the largest cost of a body that is inlined, in gc's units (inl.go): a
 * statement costs 1, a call of a Go function or a func value CALL_COST, a runtime entry 1. So,
 * as with gc, a function that still calls two others is too big, one that calls one may be
 * small enough. Programs see the difference: fmt's tests count Sprintf's allocations, which a
 * caller that inlined Sprintf and dropped its result would not make.
 */
export const COST_BUDGET = 80;
const CALL_COST = 57;

/** GROWTH_LIMIT caps the statements a caller may grow by through inlining. */
const GROWTH_LIMIT = 1000;

/** FRAME_ENTRIES are runtime entries whose effect depends on the frame that calls them. */
const FRAME_ENTRIES =
  /^(rog_gorecover|rog_defer|rog_callers|rog_caller|rog_funcinfo|rog_getcaller)/;

type CallTerm = Extract<Terminator, { t: "call" }>;

/** cost measures a body for COST_BUDGET. */
export function cost(b: Body): number {
  let n = 0;
  for (const blk of b.blocks) {
    n += blk.stmts.length;
    if (blk.term.t === "call") n += blk.term.callee.c === "rt" ? 1 : CALL_COST;
  }
  return n;
}

/** size counts a body's statements and blocks, for GROWTH_LIMIT. */
function size(b: Body): number {
  return b.blocks.reduce((n, blk) => n + blk.stmts.length + 1, 0);
}

/** inlinable says whether b may be inlined into its callers (within its package). */
export function inlinable(b: Body): boolean {
  if (b.noinline || b.exc >= 0) return false;
  // Worth inlining: a body that allocates (escape analysis may then keep the object in the
  // caller's frame), or that calls a func-valued parameter (the caller's func value may be a
  // known function, which devirt.ts then calls directly: poll's ignoringEINTRIO(syscall.Read,
  // fd, p) leaks p only through an unknown call).
  let worth = false;
  for (const blk of b.blocks) {
    if (blk.cleanup) return false;
    const t = blk.term;
    if (t.t !== "call") continue;
    if (t.callee.c === "rt" && FRAME_ENTRIES.test(t.callee.sym)) return false;
    if (t.callee.c === "fn" && t.callee.sym === b.sym) return false;
    if (isAllocSite(t) || callsParam(b, t.callee)) worth = true;
  }
  return worth && cost(b) <= COST_BUDGET;
}

/** callsParam says whether callee is a func value held in one of b's parameters. */
function callsParam(b: Body, callee: Callee): boolean {
  if (callee.c !== "closure" || callee.fv.o !== "copy" || callee.fv.place.proj.length) return false;
  const l = callee.fv.place.local;
  return l >= 1 && l <= b.nparams;
}

/** Imported holds the bodies other packages export for inlining and what they need. */
export interface Imported {
  /** bodies maps a symbol to an inlinable body. */
  bodies: Map<string, Body>;
  /** defs maps linkonce_odr symbols the bodies name to their definitions. */
  defs: Map<string, Body | Global>;
}

/** newImported is an empty Imported. */
export function newImported(): Imported {
  return { bodies: new Map(), defs: new Map() };
}

/**
 * inlinePackage inlines calls of candidates into every body of pkg, in place, and returns the
 * bodies it changed. Definitions the imported bodies need are added to pkg.
 */
export function inlinePackage(pkg: MirPackage, imported: Imported = newImported()): Set<Body> {
  const own = new Map(pkg.bodies.map((b) => [b.sym, b]));
  const changed = new Set<Body>();
  const needed = new Set<string>();
  const used = (sym: string) => !own.has(sym) && needed.add(sym);
  // Callees first: a body is inlined with its own small callees already inlined.
  calleesFirst(pkg.bodies, (b, done) => {
    const candidate = (sym: string): Body | undefined => {
      const c = own.get(sym);
      if (c) return done(sym) && inlinable(c) ? c : undefined;
      return imported.bodies.get(sym);
    };
    if (inlineInto(b, candidate, used)) changed.add(b);
  });
  addDefinitions(pkg, imported, needed);
  return changed;
}

/** inlineInto inlines the candidate calls of body's blocks; used reports imported callees. */
function inlineInto(
  body: Body,
  candidate: (sym: string) => Body | undefined,
  used: (sym: string) => void,
): boolean {
  let grown = 0;
  let any = false;
  const n = body.blocks.length;
  for (let bi = 0; bi < n; bi++) {
    const t = body.blocks[bi].term;
    if (t.t !== "call" || t.callee.c !== "fn" || t.callee.sym === body.sym) continue;
    const callee = candidate(t.callee.sym);
    if (!callee || !fits(callee, t)) continue;
    const c = size(callee);
    if (grown + c > GROWTH_LIMIT) break;
    grown += c;
    used(callee.sym);
    splice(body, bi, t, callee);
    any = true;
  }
  return any;
}

/** fits checks that the call passes what the callee takes. */
function fits(callee: Body, t: CallTerm): boolean {
  if (t.args.length !== callee.nparams) return false;
  if (!sameType(t.retTy, callee.locals[0].ty)) return false;
  return true;
}

/** splice replaces the call ending block bi with a copy of callee's blocks. */
function splice(body: Body, bi: number, call: CallTerm, src: Body): void {
  const callee = structuredClone(src);
  const base = body.locals.length;
  const bbase = body.blocks.length;
  for (const l of callee.locals) body.locals.push({ ...l });
  const scopes = (body.scopes ??= []);
  // The callee's own scope, and its scopes re-homed under it. A wrapper (or a body without
  // debug information) takes the call's location instead of a frame of its own.
  let self = call.scope ?? -1;
  const framed = callee.file !== "" && callee.file !== WRAPPER_FILE;
  if (framed) {
    self = scopes.length;
    scopes.push({
      sym: callee.sym,
      file: callee.file,
      line: callee.line,
      parent: call.scope ?? -1,
      callLine: call.line,
    });
  }
  const sbase = scopes.length;
  for (const sc of callee.scopes ?? []) {
    scopes.push({ ...sc, parent: sc.parent < 0 ? self : sbase + sc.parent });
  }
  const locate = (x: { line: number; scope?: number }) => {
    if (x.scope !== undefined) {
      x.scope = sbase + x.scope;
    } else if (framed) {
      x.scope = self;
    } else {
      x.line = x.line && call.line;
      if (self >= 0) x.scope = self;
      else delete x.scope;
    }
  };
  const mapBlock = (b: number) => bbase + b;
  for (const blk of callee.blocks) {
    const stmts = blk.stmts.map((s) => {
      const out: Statement = {
        ...s,
        place: localPlace(s.place, base),
        rv: localRvalue(s.rv, base),
      };
      locate(out);
      return out;
    });
    let term: Terminator;
    const t = blk.term;
    if (t.t === "return") {
      // The result, if any, goes to the call's destination; then on after the call.
      if (call.dest && callee.locals[0].ty.k !== "void") {
        const s: Statement = {
          s: "assign",
          place: call.dest,
          rv: { r: "use", op: { o: "copy", place: { local: base, proj: [] } } },
          line: t.line,
        };
        if (t.scope !== undefined) s.scope = t.scope;
        locate(s);
        stmts.push(s);
      }
      term =
        call.target === null
          ? { t: "unreachable", line: t.line }
          : { t: "goto", target: call.target, line: t.line };
      if (t.scope !== undefined) term.scope = t.scope;
    } else {
      term = renumberTerm(localTerm(t, base), mapBlock);
      if ((term.t === "call" || term.t === "assert") && term.unwind === null) {
        term.unwind = call.unwind;
      }
    }
    locate(term);
    body.blocks.push({ stmts, term } satisfies Block);
  }
  // The call's block now passes the arguments and enters the callee's first block.
  const entry = body.blocks[bi];
  call.args.forEach((a, i) => {
    entry.stmts.push(at(call, { local: base + 1 + i, proj: [] }, { r: "use", op: a }));
  });
  if (callee.ctx >= 0) {
    entry.stmts.push(
      at(
        call,
        { local: base + callee.ctx, proj: [] },
        {
          r: "use",
          op: { o: "const", ty: PTR, v: { c: "zero" } },
        },
      ),
    );
  }
  const go: Terminator = { t: "goto", target: bbase, line: call.line };
  if (call.scope !== undefined) go.scope = call.scope;
  entry.term = go;
}

function at(call: CallTerm, place: Place, rv: Rvalue): Statement {
  const s: Statement = { s: "assign", place, rv, line: call.line };
  if (call.scope !== undefined) s.scope = call.scope;
  return s;
}

function localPlace(p: Place, base: number): Place {
  return {
    local: p.local + base,
    proj: p.proj.map((x) => (x.p === "index" ? { p: "index", idx: localOp(x.idx, base) } : x)),
  };
}

function localOp(o: Operand, base: number): Operand {
  return o.o === "copy" ? { o: "copy", place: localPlace(o.place, base) } : o;
}

function localRvalue(r: Rvalue, base: number): Rvalue {
  const op = (o: Operand) => localOp(o, base);
  switch (r.r) {
    case "use":
      return { ...r, op: op(r.op) };
    case "bin":
      return { ...r, a: op(r.a), b: op(r.b) };
    case "un":
    case "conv":
    case "bitcast":
      return { ...r, a: op(r.a) };
    case "ref":
      return { ...r, place: localPlace(r.place, base) };
    case "agg":
      return { ...r, ops: r.ops.map(op) };
    case "offset":
      return { ...r, ptr: op(r.ptr), idx: op(r.idx) };
  }
}

function localTerm(t: Terminator, base: number): Terminator {
  const op = (o: Operand) => localOp(o, base);
  switch (t.t) {
    case "switch":
      return { ...t, op: op(t.op) };
    case "assert":
      return { ...t, cond: op(t.cond), args: t.args.map(op) };
    case "call": {
      const c = t.callee;
      const callee =
        c.c === "closure"
          ? { ...c, fv: op(c.fv) }
          : c.c === "ptr"
            ? { ...c, fn: op(c.fn), ctx: op(c.ctx) }
            : c;
      return {
        ...t,
        callee,
        args: t.args.map(op),
        dest: t.dest ? localPlace(t.dest, base) : null,
      };
    }
    default:
      return { ...t };
  }
}

// ---- export and import through .esc files

/** symbolsOf lists the symbols a body names (calls and symbol constants). */
function symbolsOf(b: Body): Set<string> {
  const out = new Set<string>();
  const op = (o: Operand) => {
    if (o.o === "const" && o.v.c === "sym") out.add(o.v.sym);
    if (o.o === "copy") place(o.place);
  };
  const place = (p: Place) => {
    for (const x of p.proj) if (x.p === "index") op(x.idx);
  };
  for (const blk of b.blocks) {
    for (const s of blk.stmts) {
      place(s.place);
      if (s.rv.r === "ref") place(s.rv.place);
      rvalueOperands(s.rv).forEach(op);
    }
    const t = blk.term;
    if (t.t === "call" && t.callee.c === "fn") out.add(t.callee.sym);
    if (t.t === "call" && t.dest) place(t.dest);
    termOperands(t).forEach(op);
  }
  return out;
}

function initSymbols(i: GlobalInit, out: Set<string>): void {
  if (i.g === "const" && i.v.c === "sym") out.add(i.v.sym);
  if (i.g === "agg") for (const p of i.parts) initSymbols(p, out);
}

const INLINE_MARK = "rog inline 1\n";

/**
 * encodeInline writes the package's exported candidates (taken before escape analysis) with
 * the linkonce_odr definitions they need, or nothing when there are none.
 */
export function encodeInline(pkg: MirPackage): Uint8Array {
  const bodies = new Map(pkg.bodies.map((b) => [b.sym, b]));
  const globals = new Map(pkg.globals.map((g) => [g.sym, g]));
  const internal = new Set(
    [...pkg.bodies, ...pkg.globals].filter((x) => x.linkage === "internal").map((x) => x.sym),
  );
  const exported: Body[] = [];
  const defs = new Map<string, Body | Global>();
  for (const b of pkg.bodies) {
    if (b.linkage === "internal" || !inlinable(b)) continue;
    // The closure of linkonce_odr definitions b names; none may be internal.
    const need = new Map<string, Body | Global>();
    const work = [...symbolsOf(b)];
    let ok = true;
    while (work.length && ok) {
      const sym = work.pop()!;
      if (internal.has(sym)) ok = false;
      const d = bodies.get(sym) ?? globals.get(sym);
      if (!d || d.linkage !== "linkonce_odr" || need.has(sym)) continue;
      need.set(sym, d);
      if ("blocks" in d) work.push(...symbolsOf(d));
      else {
        const s = new Set<string>();
        initSymbols(d.init, s);
        work.push(...s);
      }
    }
    if (!ok) continue;
    exported.push(b);
    for (const [k, v] of need) defs.set(k, v);
  }
  if (exported.length === 0) return new Uint8Array();
  const sub: MirPackage = {
    path: pkg.path,
    globals: [...defs.values()].filter((d): d is Global => !("blocks" in d)),
    bodies: [...exported, ...[...defs.values()].filter((d): d is Body => "blocks" in d)],
  };
  // Symbols may hold non-ASCII (the · of a local type's name): lengths are in bytes.
  const head = new TextEncoder().encode(
    INLINE_MARK + JSON.stringify(exported.map((b) => b.sym)) + "\n",
  );
  const mir = serializeMir(sub);
  const out = new Uint8Array(head.length + mir.length);
  out.set(head);
  out.set(mir, head.length);
  return out;
}

/** splitEsc separates an .esc file's summaries from its inline section (INLINE_MARK on). */
export function splitEsc(bytes: Uint8Array): [summaries: Uint8Array, inline: Uint8Array | null] {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf("\n" + INLINE_MARK);
  return at < 0 ? [bytes, null] : [bytes.subarray(0, at + 1), bytes.subarray(at + 1)];
}

/** decodeInline adds an inline section's bodies and definitions to into. */
export function decodeInline(bytes: Uint8Array, into: Imported): void {
  const nl = bytes.indexOf(0x0a, INLINE_MARK.length);
  const list = new TextDecoder().decode(bytes.subarray(INLINE_MARK.length, nl));
  const syms = new Set(JSON.parse(list) as string[]);
  const sub = deserializeMir(bytes.subarray(nl + 1));
  for (const b of sub.bodies) {
    if (syms.has(b.sym)) into.bodies.set(b.sym, b);
    else into.defs.set(b.sym, b);
  }
  for (const g of sub.globals) into.defs.set(g.sym, g);
}

/** addDefinitions adds to pkg the linkonce_odr definitions the inlined imported bodies name. */
function addDefinitions(pkg: MirPackage, imported: Imported, inlined: Set<string>): void {
  const have = new Set([...pkg.bodies, ...pkg.globals].map((x) => x.sym));
  const work: string[] = [];
  for (const sym of inlined) {
    const b = imported.bodies.get(sym);
    if (b) work.push(...symbolsOf(b));
  }
  while (work.length) {
    const sym = work.pop()!;
    if (have.has(sym)) continue;
    const d = imported.defs.get(sym);
    if (!d) continue;
    have.add(sym);
    if ("blocks" in d) {
      pkg.bodies.push(structuredClone(d));
      work.push(...symbolsOf(d));
    } else {
      pkg.globals.push(structuredClone(d));
      const s = new Set<string>();
      initSymbols(d.init, s);
      work.push(...s);
    }
  }
}

export type { InlineScope };
