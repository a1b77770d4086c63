// Escape analysis (DESIGN.md §1, opt): which `rog_alloc` calls may become slots in the
// allocating function's frame. Lowering gives every `new`, `&T{...}`, and every variable whose
// address is taken or that a closure captures, a heap object; this pass moves back to the stack
// the ones no pointer outlives.
//
// The analysis is a flow-insensitive, field-insensitive points-to analysis over one body, in
// the manner of Andersen's: every abstract object has a set of objects its memory may point at
// ("contents"). The objects are the heap at large (HEAP: globals, other goroutines, memory the
// analysis does not follow), each local's own storage (a local's value is its storage's
// contents), each allocation site, and per parameter two external objects: what the argument
// points at (P) and everything reachable through that (C). Storing into HEAP, P or C lets the
// stored values go: they are the escape roots. An allocation escapes when it is reachable from
// a root or from the function's results.
//
// Calls are where precision comes from. A call of a body of the same package uses that body's
// summary (ParamTag per parameter), computed first (bodies are visited callees first; a call
// back into a body still being visited, recursion, counts as unknown); a runtime entry point
// uses the table RUNTIME below; any other call (another package, a func value, an interface
// method) lets every argument go and returns HEAP.
//
// An allocation in a loop may reuse its slot on every iteration only if the previous
// iteration's object is unreachable when the allocation runs again: no live local may point
// at it and no other object may hold it. Objects larger than MAX_STACK_OBJECT stay on the heap.
// Goroutine stacks are scanned conservatively (runtime-rs/src/gc/mark.rs), so a stack object
// keeps what it points at alive as a heap object would.

import { UserError } from "../../diag.js";
import {
  rvalueOperands,
  successors,
  termOperands,
  type Body,
  type MirPackage,
  type Operand,
  type Place,
  type Rvalue,
  type Terminator,
} from "../mir.js";
import { placeType } from "../typeof.js";
import { directCallees, sccsCalleesFirst } from "./callgraph.js";
import { arrayType, hasPointers, I64, PTR, U64 } from "../types.js";

/** ParamTag says where a function may let an argument's pointers go. */
export interface ParamTag {
  /** heap: what the argument points at may outlive the call (stored in the heap, a global...). */
  heap: boolean;
  /** content: what is reachable through the argument's targets may outlive the call. */
  content: boolean;
  /** result: the results may point at what lies below the argument's targets. */
  result: boolean;
  /** resultTop: the results may point at the argument's targets themselves. */
  resultTop: boolean;
  /**
   * written: the function may store pointers into what the argument reaches: pointers to the
   * heap, or to what the same argument reaches below its targets (a pointer stored elsewhere
   * sets heap instead).
   */
  written: boolean;
  /** writtenTop: the pointers stored may also be the argument's own targets (`p.self = p`). */
  writtenTop: boolean;
}

/** Summary holds one tag per parameter, in order. */
export type Summary = ParamTag[];

/** MAX_STACK_OBJECT is the largest allocation moved to the stack, in bytes (gc's limit for implicit allocations). */
export const MAX_STACK_OBJECT = 64 << 10;

const HEAP = 0;

const COMPARE = new Set(["==", "!=", "<", "<=", ">", ">="]);

/** Effect is what a runtime entry point does with its arguments' pointers. */
interface Effect {
  /** keeps lists arguments whose targets may outlive the call. */
  keeps?: number[];
  /** copies lists arguments whose targets' contents are copied into the heap. */
  copies?: number[];
  /** writes maps an out-pointer argument to the arguments its target receives (plus HEAP). */
  writes?: [out: number, from: number[]][];
  /** returns lists the arguments the result may point into (besides fresh heap memory). */
  returns?: number[];
  /** typeArg is the argument holding the element type descriptor: nil means no pointers, so nothing is copied. */
  typeArg?: number;
  /** loads lists arguments whose targets' contents the result may hold. */
  loads?: number[];
  /** moves copies the memory argument src points at into the memory argument dst points at. */
  moves?: [dst: number, src: number];
}

/**
 * RUNTIME is what the runtime entry points the lowering calls do with pointers. Entries not
 * listed let every argument go. Pointers the runtime keeps (map keys and values, channel
 * elements) are copies of the pointed-at memory, so only the contents escape.
 */
const RUNTIME: Readonly<Record<string, Effect>> = {
  rog_alloc: {},
  rog_convT64: {},
  rog_makeslice: {},
  rog_makemap: {},
  rog_makechan: {},
  rog_getitab: {},
  rog_sametype: {},
  rog_gorecover: {},
  rog_maplen: {},
  rog_mapclear: {},
  rog_mapaccess1: {},
  rog_mapaccess2: {},
  rog_mapdelete: {},
  rog_mapassign: { copies: [2] },
  rog_mapiterinit: { writes: [[2, []]] },
  rog_mapiternext: { writes: [[0, []]] },
  rog_chanlen: {},
  rog_chancap: {},
  rog_closechan: {},
  rog_chansend: { copies: [1] },
  rog_chanrecv: { writes: [[1, []]] },
  rog_memequal: {},
  rog_strequal: {},
  rog_efaceeq: {},
  rog_ifaceeq: {},
  rog_typeequal: {},
  rog_printlock: {},
  rog_printunlock: {},
  rog_printsp: {},
  rog_printnl: {},
  rog_printbool: {},
  rog_printint: {},
  rog_printuint: {},
  rog_printfloat: {},
  rog_printfloat32: {},
  rog_printcomplex: {},
  rog_printcomplex64: {},
  rog_printstring: {},
  rog_printpointer: {},
  rog_printslice: {},
  rog_printeface: {},
  rog_printiface: {},
  rog_deferreturn: {},
  rog_block: {},
  rog_panic_rangestate: {},
  __rog_concatstring2: { returns: [0, 2] },
  __rog_slicebytetostring: {},
  __rog_slicerunetostring: {},
  __rog_intstring: {},
  __rog_stringtoslicebyte: { writes: [[0, []]] },
  __rog_stringtoslicerune: { writes: [[0, []]] },
  __rog_decoderune: {},
  // The result aliases the old array when it has room; the elements are copied when it does not.
  __rog_growslice: { writes: [[0, [1]]], copies: [1], typeArg: 6 },
  memmove: { moves: [0, 1], returns: [0] },
  __rog_memmove_noptr: { returns: [0] },
  memset: {},
  "llvm.floor.f64": {},
  "llvm.minimum.f64": {},
  "llvm.maximum.f64": {},
  "llvm.minimum.f32": {},
  "llvm.maximum.f32": {},
  "llvm.ceil.f64": {},
  "llvm.trunc.f64": {},
  // System calls: as with gc's //go:uintptrkeepalive on syscall.Syscall, a pointer passed as a
  // uintptr argument is the kernel's only for the call.
  rog_syscall6: {},
  rog_rawsyscall6: {},
  // runtime.KeepAlive, and the uintptr arguments of a //go:uintptrkeepalive call: the object
  // must live until here, which a frame object does anyway.
  rog_keepalive: {},
  // runtime.ReadMemStats: the counters are written into the caller's array.
  rog_memstats: {},
  // sync/atomic and internal/runtime/atomic: the value (a uintptr may be a pointer) goes into *addr.
  rog_atomic_load32: { loads: [0] },
  rog_atomic_load64: { loads: [0] },
  rog_atomic_store32: { writes: [[0, [1]]] },
  rog_atomic_store64: { writes: [[0, [1]]] },
  rog_atomic_xchg32: { writes: [[0, [1]]], loads: [0] },
  rog_atomic_xchg64: { writes: [[0, [1]]], loads: [0] },
  rog_atomic_xadd32: { writes: [[0, [1]]] },
  rog_atomic_xadd64: { writes: [[0, [1]]] },
  rog_atomic_cas32: { writes: [[0, [2]]] },
  rog_atomic_cas64: { writes: [[0, [2]]] },
};

/**
 * TMP_SITES are the runtime helpers that allocate their result's bytes. When the result does
 * not outlive the frame, the call becomes the helper's `_tmp` variant, which takes a buffer of
 * TMP_BUF bytes in the caller's frame as its first argument (gc's tmpBuf) and uses it when the
 * result fits.
 */
const TMP_SITES: ReadonlySet<string> = new Set([
  "__rog_slicebytetostring",
  "__rog_stringtoslicebyte",
  "__rog_concatstring2",
  "__rog_intstring",
]);

const TMP_BUF = 32;

/**
 * NO_ESCAPE are the functions that hide a pointer from escape analysis (internal/abi.NoEscape
 * and the runtime's noescape): their callers promise, as with gc, that the result does not
 * outlive the argument's object.
 */
const NO_ESCAPE: ReadonlySet<string> = new Set(["internal/abi.NoEscape", "runtime.noescape"]);

/** isAllocSite says whether t is an allocation escape analysis may move to the frame. */
export function isAllocSite(t: Terminator): boolean {
  return isSite(t);
}

function isSite(t: Terminator): t is CallTerm {
  return (
    t.t === "call" &&
    t.callee.c === "rt" &&
    (t.callee.sym === "rog_alloc" || t.callee.sym === "rog_convT64" || TMP_SITES.has(t.callee.sym))
  );
}

type CallTerm = Extract<Terminator, { t: "call" }>;

type Objs = Set<number>;

/**
 * escapePackage moves the package's non-escaping allocations to the stack, in place, and
 * returns the summaries of its bodies. external holds summaries of other packages' functions.
 */
export function escapePackage(
  pkg: MirPackage,
  external: ReadonlyMap<string, Summary> = new Map(),
): Map<string, Summary> {
  const bodies = new Set(pkg.bodies.map((b) => b.sym));
  const done = new Map<string, Summary>();
  const ctxTags = new Map<string, ParamTag>();
  const lookup = (sym: string): Summary | undefined =>
    bodies.has(sym) ? done.get(sym) : external.get(sym);
  const code = (sym: string): CodeSummary | undefined => {
    if (!bodies.has(sym)) {
      // Another package's closure code (inlined into this one): its exported context tag.
      const ctx = external.get(sym + CTX_SUFFIX)?.[0];
      return ctx ? { params: external.get(sym) ?? [], ctx } : undefined;
    }
    const ctx = ctxTags.get(sym);
    const params = done.get(sym);
    return ctx && params ? { params, ctx } : undefined;
  };
  // Code that never copies its context pointer; other packages' is exported only if sealed.
  const sealed = new Set(pkg.bodies.filter(keepsContext).map((b) => b.sym));
  for (const k of external.keys())
    if (k.endsWith(CTX_SUFFIX)) sealed.add(k.slice(0, -CTX_SUFFIX.length));
  // A closure's code goes before the bodies that make the closure, so calls of a func value
  // known to hold it can use its summary.
  const callees = (b: Body) => [...directCallees(b), ...madeClosures(b)];
  const record = (b: Body, r: { params: Summary; ctx?: ParamTag }): boolean => {
    const before = done.get(b.sym);
    const changed =
      before?.length !== r.params.length ||
      !before.every((t, k) => sameTag(t, r.params[k])) ||
      !sameTag(ctxTags.get(b.sym), r.ctx);
    done.set(b.sym, r.params);
    if (r.ctx) ctxTags.set(b.sym, r.ctx);
    return changed;
  };
  sccsCalleesFirst(
    pkg.bodies,
    (scc) => {
      const self = scc[0];
      if (scc.length === 1 && !callees(self).includes(self.sym)) {
        record(self, analyzeBody(self, lookup, code, sealed, true));
        return;
      }
      // Mutually recursive bodies: from summaries where nothing escapes, analyse them all until
      // their summaries stop changing (the analysis is monotone in them, so this is the least
      // fixpoint), then once more to move their allocations to the stack.
      for (const b of scc) {
        done.set(
          b.sym,
          Array.from({ length: b.nparams }, () => NOTHING),
        );
        if (b.ctx >= 0) ctxTags.set(b.sym, NOTHING);
      }
      let stable = false;
      for (let round = 0; round < MAX_SCC_ROUNDS && !stable; round++) {
        stable = true;
        for (const b of scc)
          if (record(b, analyzeBody(b, lookup, code, sealed, false))) stable = false;
      }
      if (!stable) {
        // No fixpoint in time: calls within the component let everything go.
        for (const b of scc) (done.delete(b.sym), ctxTags.delete(b.sym));
      }
      for (const b of scc) record(b, analyzeBody(b, lookup, code, sealed, true));
    },
    callees,
  );
  // The context tags of sealed closure code, for packages that inline its makers.
  const out = new Map(done);
  for (const b of pkg.bodies) {
    const ctx = ctxTags.get(b.sym);
    if (ctx && sealed.has(b.sym) && done.has(b.sym)) out.set(b.sym + CTX_SUFFIX, [ctx]);
  }
  return out;
}

/**
 * CTX_SUFFIX marks the summary entry of a closure's code that holds the tag of its context
 * (the closure object), as the one parameter of a pseudo-function `sym#ctx`.
 */
const CTX_SUFFIX = "#ctx";

/** NOTHING is the tag of a parameter the function lets go nowhere. */
const NOTHING: Readonly<ParamTag> = Object.freeze({
  heap: false,
  content: false,
  result: false,
  resultTop: false,
  written: false,
  writtenTop: false,
});

/** MAX_SCC_ROUNDS bounds the iterations over a recursive component (each round is monotone). */
const MAX_SCC_ROUNDS = 30;

function sameTag(a: ParamTag | undefined, b: ParamTag | undefined): boolean {
  return (
    a === b ||
    (a !== undefined &&
      b !== undefined &&
      a.heap === b.heap &&
      a.content === b.content &&
      a.result === b.result &&
      a.resultTop === b.resultTop &&
      a.written === b.written &&
      a.writtenTop === b.writtenTop)
  );
}

/**
 * CodeSummary is what calling a closure's code does with its arguments (params) and with the
 * closure object it runs with (ctx: the object is its P, what the object holds its C).
 */
interface CodeSummary {
  params: Summary;
  ctx: ParamTag;
}

/** madeClosures lists the code of the closure objects a body builds. */
function madeClosures(b: Body): string[] {
  const out: string[] = [];
  for (const blk of b.blocks) for (const s of blk.stmts) out.push(...codeSymbols(s.rv));
  return out;
}

/**
 * keepsContext says whether a body only reads through its closure context, never copying the
 * context pointer itself: calling it can then let go of what the closure object holds, but not
 * of the object. Bodies of function literals, method values and go/defer thunks are all of
 * this kind; calling a func value (whose code is unknown) relies on it, as gc's analysis does
 * (`func call(f func()) { f() }`: f does not escape). A closure object whose code is not known
 * to keep its context escapes where it is made (analyzeBody).
 */
function keepsContext(b: Body): boolean {
  if (b.ctx < 0) return true;
  let ok = true;
  const place = (p: Place) => {
    if (p.local === b.ctx && p.proj.length === 0) ok = false;
    for (const x of p.proj) if (x.p === "index") op(x.idx);
  };
  const op = (o: Operand) => {
    if (o.o === "copy") place(o.place);
  };
  for (const blk of b.blocks) {
    for (const s of blk.stmts) {
      // The context is stored once, at entry (codegen), never by a statement.
      place(s.place);
      const r = s.rv;
      if (r.r === "ref") {
        // An address inside the closure object (through no pointer it holds) is the object.
        const derefs = r.place.proj.filter((x) => x.p === "deref").length;
        if (r.place.local === b.ctx && derefs <= 1) ok = false;
        place(r.place);
      }
      rvalueOperands(r).forEach(op);
    }
    termOperands(blk.term).forEach(op);
    const t = blk.term;
    if (t.t === "call" && t.dest) place(t.dest);
  }
  return ok;
}

/** codeSymbols lists the function symbols an rvalue stores (a closure object's code word). */
function codeSymbols(rv: Rvalue): string[] {
  const ops = rv.r === "agg" ? rv.ops : rv.r === "use" ? [rv.op] : [];
  return ops.flatMap((o) => (o.o === "const" && o.v.c === "sym" && o.v.fn ? [o.v.sym] : []));
}

/** Graph is the points-to state of one body. */
class Graph {
  readonly contents: Objs[] = [];
  /** storedInto[k] holds the other parameters' objects the body stored into parameter k's. */
  readonly storedInto: Objs[] = [];
  /** exposed[o] is 1 once o is reachable from HEAP. */
  readonly exposed: Uint8Array;
  /** written holds the parameters (0-based) whose targets the body stores into. */
  readonly written = new Set<number>();
  /** writtenTop holds the parameters whose own targets the body stores into what they reach. */
  readonly writtenTop = new Set<number>();
  changed = false;
  /** line is the source line of the statement being analysed (for rootLines). */
  line = 0;
  /** rootLines, when debugging, maps each root to the line that made it one. */
  rootLines: Map<number, number> | null = null;
  /** emptyIsHeap makes a dereference of a pointer with no known target read or write HEAP. */
  emptyIsHeap = false;

  constructor(
    readonly body: Body,
    /** nlocals is the number of locals the analysis saw (toStack adds more). */
    readonly nlocals: number,
    /** localBase + j is local j's storage. */
    readonly localBase: number,
    /**
     * paramBase + 2(k-1) is P of parameter k, +1 its C; the closure context, when the body has
     * one, is parameter nparams+1 here.
     */
    readonly paramBase: number,
    n: number,
  ) {
    this.np = body.nparams + (body.ctx >= 0 ? 1 : 0);
    for (let i = 0; i < n; i++) this.contents.push(new Set());
    for (let k = 0; k < this.np; k++) this.storedInto.push(new Set());
    this.exposed = new Uint8Array(n);
  }

  /** np is the number of parameters the analysis sees: the body's, and its context. */
  readonly np: number;

  local(j: number): number {
    return this.localBase + j;
  }

  isExternal(o: number): boolean {
    return o === HEAP || (o >= this.paramBase && o < this.paramBase + 2 * this.np);
  }

  /** isPointerParam says whether o is an object of a parameter whose type holds pointers. */
  isPointerParam(o: number): boolean {
    if (o === HEAP || !this.isExternal(o)) return false;
    const k = Math.floor((o - this.paramBase) / 2);
    return k >= this.body.nparams || hasPointers(this.body.locals[1 + k].ty);
  }

  /** load is what o's memory may point at. */
  load(o: number): Objs {
    if (o === HEAP) return new Set([HEAP]);
    if (o >= this.paramBase && o < this.paramBase + 2 * this.np) {
      return new Set([(o - this.paramBase) % 2 === 0 ? o + 1 : o]);
    }
    return this.contents[o];
  }

  /**
   * store records that o's memory may point at vals. External memory lets them go: they and
   * everything they reach become exposed. An exposed object's contents include HEAP (code the
   * analysis does not see may store anything there), and storing into it exposes what is stored.
   */
  store(o: number, vals: Objs): void {
    const external = this.isExternal(o);
    // What a parameter reaches may be stored back into what it reaches (`d.buf = d.buf[i:]`):
    // that rearranges the argument's objects within what the caller already sees them reach,
    // so only storing other values marks the parameter written (ParamTag.written).
    let own = -1;
    if (external && o !== HEAP) own = o - ((o - this.paramBase) % 2);
    const into = external ? this.contents[HEAP] : this.contents[o];
    const exposing = external || this.exposed[o] === 1;
    // Once another parameter's object was stored into this one's memory, what a load from it
    // gives (its C, to the analysis) may be that object: `e.prev = at; e.prev.next = e` stores
    // e into at's object (list.insert), which is no rearranging of e's own objects.
    const mixed = own >= 0 && this.storedInto[(own - this.paramBase) / 2].size > 0;
    for (const v of vals) {
      // Storing the argument's own target (`p.self = p`) hands it out where the caller may not
      // have seen it reach: written, and writtenTop.
      if (v === own) {
        this.writtenTop.add((own - this.paramBase) / 2);
        this.written.add((own - this.paramBase) / 2);
      }
      if (own >= 0 && (v === own || v === own + 1) && !mixed) continue;
      if (own >= 0) this.written.add((own - this.paramBase) / 2);
      if (own >= 0 && v !== own && v !== own + 1 && this.isPointerParam(v)) {
        const mine = this.storedInto[(own - this.paramBase) / 2];
        if (!mine.has(v)) {
          mine.add(v);
          this.changed = true;
        }
      }
      if (!into.has(v)) {
        into.add(v);
        this.changed = true;
        if (this.rootLines && into === this.contents[HEAP]) this.rootLines.set(v, this.line);
      }
      if (exposing) this.expose(v);
    }
  }

  /** expose marks o and everything it reaches as reachable from code the analysis does not see. */
  expose(o: number): void {
    const work = [o];
    while (work.length) {
      const x = work.pop()!;
      if (this.isExternal(x) || this.exposed[x] === 1) continue;
      this.exposed[x] = 1;
      this.contents[x].add(HEAP);
      this.changed = true;
      for (const y of this.contents[x]) work.push(y);
    }
  }

  deref(objs: Objs): Objs {
    const out = new Set<number>();
    for (const o of objs) for (const x of this.load(o)) out.add(x);
    if (out.size === 0 && this.emptyIsHeap) out.add(HEAP);
    return out;
  }

  /** locs is the set of objects a place's memory belongs to. */
  locs(p: Place): Objs {
    let cur: Objs = new Set([this.local(p.local)]);
    for (const x of p.proj) if (x.p === "deref") cur = this.deref(cur);
    return cur;
  }

  value(op: Operand): Objs {
    if (op.o === "const") {
      return op.v.c === "sym" && !op.v.fn ? new Set([HEAP]) : new Set();
    }
    // A part of a value, or a value in memory, that holds no pointers yields none. A uintptr
    // made from a pointer keeps its pointer in a local (`unsafe.Pointer(uintptr(p) + off)`
    // goes through temporaries), but not in memory: as with gc, a uintptr in memory does not
    // keep a pointer.
    if (op.place.proj.length && !hasPointers(placeType(this.body, op.place))) return new Set();
    const out = new Set<number>();
    for (const o of this.locs(op.place)) for (const x of this.load(o)) out.add(x);
    return out;
  }

  /** reach is objs and everything reachable from them through contents. */
  reach(objs: Iterable<number>): Objs {
    const out = new Set<number>();
    const work = [...objs];
    while (work.length) {
      const o = work.pop()!;
      if (out.has(o)) continue;
      out.add(o);
      for (const x of this.load(o)) if (!out.has(x)) work.push(x);
    }
    return out;
  }
}

function union(...sets: Objs[]): Objs {
  const out = new Set<number>();
  for (const s of sets) for (const x of s) out.add(x);
  return out;
}

/** AllocSite is one `rog_alloc` call: its block and its abstract object. */
interface AllocSite {
  block: number;
  obj: number;
}

/** analyzeBody computes the body's summary and moves its non-escaping allocations to the stack. */
function analyzeBody(
  body: Body,
  lookup: (sym: string) => Summary | undefined,
  code: (sym: string) => CodeSummary | undefined,
  sealed: ReadonlySet<string>,
  /** apply: move the allocations that do not escape to the stack (else only summarise). */
  apply: boolean,
): { params: Summary; ctx?: ParamTag } {
  const sites: AllocSite[] = [];
  const nlocals = body.locals.length;
  const localBase = 1;
  const paramBase = localBase + nlocals;
  // The closure context is one more parameter to the analysis (Graph.np).
  const ctxObj = paramBase + 2 * body.nparams;
  let next = body.ctx >= 0 ? ctxObj + 2 : ctxObj;
  body.blocks.forEach((b, i) => {
    if (isSite(b.term)) sites.push({ block: i, obj: next++ });
  });
  const g = new Graph(body, nlocals, localBase, paramBase, next);
  if (debugging(body.sym)) g.rootLines = new Map();
  for (let k = 1; k <= body.nparams; k++) g.contents[g.local(k)].add(paramBase + 2 * (k - 1));
  if (body.ctx >= 0) g.contents[g.local(body.ctx)].add(ctxObj);
  // codeOf maps the closure objects the body builds to the code they hold; an object that
  // anything else writes may hold other code (tainted).
  const codeOf = new Map<number, Set<string>>();
  const tainted = new Set<number>();
  const taint = (objs: Objs) => {
    for (const o of objs) if (!tainted.has(o)) (tainted.add(o), (g.changed = true));
  };
  if (body.exc >= 0) g.contents[g.local(body.exc)].add(HEAP);
  const siteOf = new Map(sites.map((s) => [s.block, s.obj]));
  // letGo applies a callee's tag to an argument, but for the results: what the callee lets
  // go and writes.
  const letGo = (tag: ParamTag, arg: Objs) => {
    if (tag.heap) g.store(HEAP, arg);
    else if (tag.content) g.store(HEAP, g.deref(arg));
    if (tag.written) {
      // The callee may have stored into what the argument reaches pointers to what lies below
      // its targets, or with writtenTop to anything the argument reaches.
      const r = g.reach(arg);
      const below = tag.writtenTop ? r : g.reach(g.deref(arg));
      const vals = union(below, new Set([HEAP]));
      for (const o of r) g.store(o, vals);
    }
  };
  // knownCodes lists the summaries of the code a func value may hold when it can only hold
  // closures this body built (with code taking nargs arguments), else null.
  const knownCodes = (fv: Objs, nargs: number): Set<CodeSummary> | null => {
    const codes = new Set<CodeSummary>();
    if (fv.size === 0) return null;
    for (const o of fv) {
      const syms = g.isExternal(o) || tainted.has(o) ? undefined : codeOf.get(o);
      if (!syms) return null;
      for (const c of syms) {
        const cs = code(c);
        if (!cs || cs.params.length !== nargs) return null;
        codes.add(cs);
      }
    }
    return codes;
  };
  // chained holds the deferred calls' closure objects: the goroutine's defer chain keeps each
  // until its frame returns, so one made in a loop cannot reuse its slot.
  const chained = new Set<number>();

  const step = () => {
    body.blocks.forEach((b, bi) => {
      for (const s of b.stmts) {
        g.line = s.line;
        const rv = s.rv;
        let v: Objs;
        switch (rv.r) {
          case "use":
            v = g.value(rv.op);
            break;
          case "bin":
            v = COMPARE.has(rv.op) ? new Set() : union(g.value(rv.a), g.value(rv.b));
            break;
          case "un":
          case "conv":
          case "bitcast":
            v = g.value(rv.a);
            break;
          case "ref":
            v = g.locs(rv.place);
            break;
          case "agg":
            v = union(...rv.ops.map((o) => g.value(o)));
            break;
          case "offset":
            // The index is a number: only the pointer carries objects.
            v = g.value(rv.ptr);
            break;
        }
        // A value stored into memory as a type without pointers (an int, a uintptr) keeps
        // nothing alive there, as with gc; a local of such a type still carries what it was
        // computed from (`unsafe.Pointer(uintptr(p) + off)` goes through u64 temporaries).
        const kept =
          v.size > 0 &&
          (!s.place.proj.some((x) => x.p === "deref") || hasPointers(placeType(body, s.place)));
        if (kept) for (const o of g.locs(s.place)) g.store(o, v);
        const codes = codeSymbols(rv);
        // A closure object whose code may copy its context pointer escapes (keepsContext).
        if (codes.some((c) => !sealed.has(c))) g.store(HEAP, g.locs(s.place));
        // Wherever the closure is called, its code does with what the object holds what the
        // code's summary says: account for that here, where the code is known, so calls of
        // func values whose code is unknown need not let the contents go. What the code
        // returns from its context counts as let go (such calls return HEAP).
        for (const c of codes) {
          const cs = code(c);
          const objs = g.locs(s.place);
          if (!cs) g.store(HEAP, g.deref(objs));
          else
            letGo(
              {
                ...cs.ctx,
                heap: cs.ctx.heap || cs.ctx.resultTop,
                content: cs.ctx.content || cs.ctx.result,
              },
              objs,
            );
        }
        if (codes.length === 0) taint(g.locs(s.place));
        for (const o of codes.length ? g.locs(s.place) : []) {
          let set = codeOf.get(o);
          if (!set) codeOf.set(o, (set = new Set()));
          for (const c of codes) if (!set.has(c)) (set.add(c), (g.changed = true));
        }
      }
      const t = b.term;
      if (t.t !== "call") return;
      g.line = t.line;
      const args = t.args.map((a) => g.value(a));
      let result: Objs = new Set([HEAP]);
      const apply = (tag: ParamTag, arg: Objs) => {
        letGo(tag, arg);
        if (tag.resultTop) result = union(result, g.reach(arg));
        else if (tag.result) result = union(result, g.reach(g.deref(arg)));
      };
      const escapeAll = () => {
        for (const a of args) g.store(HEAP, a);
        // A closure's code does with the object's contents what its summary says, which the
        // object's maker accounted for; the object itself stays (keepsContext).
        if (t.callee.c === "ptr") g.store(HEAP, union(g.value(t.callee.fn), g.value(t.callee.ctx)));
      };
      if (t.callee.c === "rt" && t.callee.sym === "rog_deferproc") {
        // The record is the deferred call's closure object; it lives until the frame returns
        // (or unwinds: the runtime then moves it to the heap), and its call then lets go of
        // what the object holds as its code's summary says.
        for (const o of args[0]) chained.add(o);
        const codes = knownCodes(args[0], 0);
        if (codes) for (const cs of codes) apply(cs.ctx, args[0]);
        else g.store(HEAP, g.deref(args[0]));
        result = new Set();
      } else if (t.callee.c === "rt") {
        // A site's fresh memory is its own object; other helpers' is the heap.
        const fresh = siteOf.get(bi) ?? HEAP;
        const eff = RUNTIME[t.callee.sym];
        result = new Set([fresh]);
        if (eff) {
          for (const k of eff.keeps ?? []) g.store(HEAP, args[k]);
          const ta = eff.typeArg === undefined ? undefined : t.args[eff.typeArg];
          const noPointers = ta?.o === "const" && ta.v.c === "zero";
          if (!noPointers) for (const k of eff.copies ?? []) g.store(HEAP, g.deref(args[k]));
          for (const [out, from] of eff.writes ?? []) {
            const vals = union(new Set([fresh]), ...from.map((k) => args[k]));
            for (const o of args[out]) g.store(o, vals);
            taint(args[out]);
          }
          for (const k of eff.returns ?? []) result = union(result, args[k]);
          for (const k of eff.loads ?? []) result = union(result, g.deref(args[k]));
          if (eff.moves) {
            const moved = g.deref(args[eff.moves[1]]);
            for (const o of args[eff.moves[0]]) g.store(o, moved);
            taint(args[eff.moves[0]]);
          }
        } else {
          escapeAll();
        }
      } else if (t.callee.c === "fn") {
        const sum = lookup(t.callee.sym);
        if (NO_ESCAPE.has(t.callee.sym)) {
          // The pointer is hidden from the analysis by contract, as gc's is.
        } else if (sum && sum.length === args.length) {
          sum.forEach((tag, k) => apply(tag, args[k]));
        } else {
          escapeAll();
        }
      } else if (t.callee.c === "closure") {
        // A func value that can only hold closures this body built runs their code: their
        // summaries say what happens to the arguments and to what the closure object holds.
        const fv = g.value(t.callee.fv);
        const codes = knownCodes(fv, args.length);
        if (codes) {
          for (const cs of codes) {
            cs.params.forEach((tag, k) => apply(tag, args[k]));
            apply(cs.ctx, fv);
          }
        } else {
          escapeAll();
        }
      } else {
        escapeAll();
      }
      if (t.dest) {
        // A result without pointers (a count, an index) carries no objects, as with gc.
        if (hasPointers(placeType(body, t.dest))) {
          for (const o of g.locs(t.dest)) g.store(o, result);
        }
        taint(g.locs(t.dest));
      }
    });
  };
  const fixpoint = () => {
    do {
      g.changed = false;
      step();
    } while (g.changed);
  };
  fixpoint();
  // A pointer with no known target (nil, or made from an integer) is assumed to reach HEAP.
  g.emptyIsHeap = true;
  fixpoint();

  const rooted = g.reach(g.contents[HEAP]);
  const returned = g.reach(g.contents[g.local(0)]);
  const tagOf = (k: number): ParamTag => {
    const p = paramBase + 2 * (k - 1);
    return {
      heap: rooted.has(p),
      content: rooted.has(p + 1),
      result: returned.has(p + 1),
      resultTop: returned.has(p),
      written: g.written.has(k - 1),
      writtenTop: g.writtenTop.has(k - 1),
    };
  };
  const summary: Summary = [];
  for (let k = 1; k <= body.nparams; k++) summary.push(tagOf(k));

  if (apply && debugging(body.sym)) debugSites(body, g, sites, rooted, returned);
  const stackable = sites.filter((s) => {
    if (!apply) return false;
    if (rooted.has(s.obj) || returned.has(s.obj)) return false;
    const t = body.blocks[s.block].term;
    if (t.t !== "call") return false;
    if (t.callee.c === "rt" && t.callee.sym !== "rog_alloc") return true;
    const size = t.args[0];
    return (
      size.o === "const" &&
      size.v.c === "int" &&
      size.v.v >= 0n &&
      size.v.v <= BigInt(MAX_STACK_OBJECT)
    );
  });
  if (stackable.length) {
    const loops = loopBlocks(body);
    let live: Liveness | null = null;
    for (const s of stackable) {
      if (loops.has(s.block)) {
        if (chained.has(s.obj)) continue;
        live ??= liveness(body);
        if (!reusable(body, g, s, live)) continue;
      }
      toStack(body, s.block);
    }
  }
  return body.ctx >= 0 ? { params: summary, ctx: tagOf(body.nparams + 1) } : { params: summary };
}

/**
 * reusable reports whether an allocation in a loop may reuse one slot: when it runs again,
 * neither its own arguments nor a live local point at the previous object and no other object
 * holds it.
 */
function reusable(body: Body, g: Graph, s: AllocSite, live: Liveness): boolean {
  for (let o = 0; o < g.contents.length; o++) {
    if (o === s.obj || o < g.localBase + g.nlocals) continue;
    if (g.contents[o].has(s.obj)) return false;
  }
  const t = body.blocks[s.block].term;
  if (t.t !== "call") return false;
  // The call itself may read the previous object (`s += string(r)` passes the old s to the
  // concatenation that reuses its buffer), and the slot is zeroed before the call.
  if (t.args.some((a) => g.value(a).has(s.obj))) return false;
  const after = new Set<number>();
  for (const b of successors(t)) for (const j of live.liveIn[b]) after.add(j);
  if (t.dest && t.dest.proj.length === 0) after.delete(t.dest.local);
  for (let j = 0; j < g.nlocals; j++) {
    if (!g.contents[g.local(j)].has(s.obj)) continue;
    if (live.addressed.has(j) || after.has(j)) return false;
  }
  return true;
}

/**
 * toStack gives the allocation ending block bi a zeroed frame slot: a `rog_alloc` call (or a
 * `rog_convT64` box, which also stores the value) becomes
 * the slot's address, a TMP_SITES helper its `_tmp` variant with the slot as buffer.
 */
function toStack(body: Body, bi: number): void {
  const b = body.blocks[bi];
  const t = b.term;
  if (!isSite(t) || t.callee.c !== "rt") return;
  const sym = t.callee.sym;
  const tmp = TMP_SITES.has(sym);
  const box = sym === "rog_convT64";
  const size = t.args[0];
  if (!tmp && !box && (size.o !== "const" || size.v.c !== "int")) return;
  const bytes = tmp ? TMP_BUF : box ? 8 : Number((size as { v: { v: bigint } }).v.v);
  const slot = body.locals.length;
  body.locals.push({ ty: arrayType(Math.max(1, Math.ceil(bytes / 8)), U64), name: "" });
  const line = t.line;
  b.stmts.push({
    s: "assign",
    place: { local: slot, proj: [] },
    rv: { r: "use", op: { o: "const", ty: body.locals[slot].ty, v: { c: "zero" } } },
    line,
  });
  if (box) {
    // The boxed value goes into the slot's only word.
    b.stmts.push({
      s: "assign",
      place: {
        local: slot,
        proj: [{ p: "index", idx: { o: "const", ty: I64, v: { c: "int", v: 0n } } }],
      },
      rv: { r: "use", op: t.args[0] },
      line,
    });
  }
  if (tmp) {
    const buf = body.locals.length;
    body.locals.push({ ty: PTR, name: "" });
    b.stmts.push({
      s: "assign",
      place: { local: buf, proj: [] },
      rv: { r: "ref", place: { local: slot, proj: [] } },
      line,
    });
    const args: Operand[] = [{ o: "copy", place: { local: buf, proj: [] } }, ...t.args];
    b.term = { ...t, callee: { c: "rt", sym: `${sym}_tmp` }, args };
    return;
  }
  if (t.dest) {
    b.stmts.push({
      s: "assign",
      place: t.dest,
      rv: { r: "ref", place: { local: slot, proj: [] } },
      line,
    });
  }
  b.term = t.target === null ? { t: "unreachable", line } : { t: "goto", target: t.target, line };
}

/** loopBlocks returns the blocks that lie on a cycle of the control-flow graph. */
function loopBlocks(body: Body): Set<number> {
  // Tarjan's strongly connected components, iteratively.
  const n = body.blocks.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out = new Set<number>();
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    const frames: { v: number; succ: number[]; i: number }[] = [];
    const push = (v: number) => {
      index[v] = low[v] = counter++;
      stack.push(v);
      onStack[v] = 1;
      frames.push({ v, succ: successors(body.blocks[v].term), i: 0 });
    };
    push(root);
    while (frames.length) {
      const f = frames[frames.length - 1];
      if (f.i < f.succ.length) {
        const w = f.succ[f.i++];
        if (index[w] < 0) push(w);
        else if (onStack[w]) low[f.v] = Math.min(low[f.v], index[w]);
        continue;
      }
      frames.pop();
      if (frames.length) {
        const p = frames[frames.length - 1].v;
        low[p] = Math.min(low[p], low[f.v]);
      }
      if (low[f.v] === index[f.v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== f.v);
        const selfLoop = successors(body.blocks[f.v].term).includes(f.v);
        if (comp.length > 1 || selfLoop) for (const c of comp) out.add(c);
      }
    }
  }
  return out;
}

/** Liveness holds the locals live on entry to each block, and the locals whose address is taken. */
interface Liveness {
  liveIn: Set<number>[];
  /** addressed locals may be read through a pointer anywhere: they count as always live. */
  addressed: Set<number>;
}

function liveness(body: Body): Liveness {
  const n = body.blocks.length;
  const gen: Set<number>[] = [];
  const kill: Set<number>[] = [];
  const addressed = new Set<number>();
  for (const b of body.blocks) {
    const g = new Set<number>();
    const k = new Set<number>();
    const use = (j: number) => {
      if (!k.has(j)) g.add(j);
    };
    const op = (o: Operand) => {
      if (o.o === "copy") readPlace(o.place);
    };
    const indexes = (p: Place) => {
      for (const x of p.proj) if (x.p === "index") op(x.idx);
    };
    const readPlace = (p: Place) => {
      indexes(p);
      use(p.local);
    };
    const writePlace = (p: Place) => {
      indexes(p);
      if (p.proj.length === 0) k.add(p.local);
      else use(p.local);
    };
    for (const s of b.stmts) {
      const rv = s.rv;
      switch (rv.r) {
        case "use":
          op(rv.op);
          break;
        case "bin":
          op(rv.a);
          op(rv.b);
          break;
        case "un":
        case "conv":
        case "bitcast":
          op(rv.a);
          break;
        case "ref":
          indexes(rv.place);
          if (rv.place.proj.some((x) => x.p === "deref")) use(rv.place.local);
          else addressed.add(rv.place.local);
          break;
        case "agg":
          rv.ops.forEach(op);
          break;
        case "offset":
          op(rv.ptr);
          op(rv.idx);
          break;
      }
      writePlace(s.place);
    }
    const t = b.term;
    termOperands(t).forEach(op);
    if (t.t === "call" && t.dest) writePlace(t.dest);
    gen.push(g);
    kill.push(k);
  }
  const liveIn: Set<number>[] = gen.map((g) => new Set(g));
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = n - 1; i >= 0; i--) {
      const li = liveIn[i];
      for (const s of successors(body.blocks[i].term)) {
        for (const j of liveIn[s]) {
          if (!kill[i].has(j) && !li.has(j)) {
            li.add(j);
            changed = true;
          }
        }
      }
    }
  }
  return { liveIn, addressed };
}

const SUMMARY_MAGIC = "rogesc 4\n";

/**
 * encodeSummaries writes a package's .esc file (the opt action's second output, read by its
 * dependents' opt): "rogesc 4", then one line per function other packages can call that takes
 * parameters, sorted: the symbol, a tab, one decimal number per parameter separated by commas:
 * bit 0 heap, 1 content, 2 result, 3 written, 4 writtenTop, 5 resultTop. Sealed closure code
 * also has a line `sym#ctx` with its context's tag (CTX_SUFFIX).
 */
export function encodeSummaries(pkg: MirPackage, sums: ReadonlyMap<string, Summary>): Uint8Array {
  const lines: string[] = [];
  const line = (sym: string, s: Summary) => {
    const digits = s.map(
      (t) =>
        (t.heap ? 1 : 0) |
        (t.content ? 2 : 0) |
        (t.result ? 4 : 0) |
        (t.written ? 8 : 0) |
        (t.writtenTop ? 16 : 0) |
        (t.resultTop ? 32 : 0),
    );
    lines.push(`${sym}\t${digits.join(",")}\n`);
  };
  for (const b of pkg.bodies) {
    if (b.linkage === "internal") continue;
    const s = sums.get(b.sym);
    if (s && s.length > 0) line(b.sym, s);
    const ctx = sums.get(b.sym + CTX_SUFFIX);
    if (ctx) line(b.sym + CTX_SUFFIX, ctx);
  }
  lines.sort();
  return new TextEncoder().encode(SUMMARY_MAGIC + lines.join(""));
}

/** decodeSummaries reads an .esc file into into; what names the file in errors. */
export function decodeSummaries(bytes: Uint8Array, what: string, into: Map<string, Summary>): void {
  const text = new TextDecoder().decode(bytes);
  if (!text.startsWith(SUMMARY_MAGIC)) {
    throw new UserError(`${what}: not a rog escape summary file (rebuild it)`);
  }
  for (const line of text.slice(SUMMARY_MAGIC.length).split("\n")) {
    if (line === "") continue;
    const tab = line.indexOf("\t");
    const digits = line.slice(tab + 1);
    if (tab <= 0 || !/^[0-9]+(,[0-9]+)*$/.test(digits)) {
      throw new UserError(`${what}: malformed escape summary line: ${JSON.stringify(line)}`);
    }
    into.set(
      line.slice(0, tab),
      digits.split(",").map((c) => {
        const d = Number(c);
        return {
          heap: (d & 1) !== 0,
          content: (d & 2) !== 0,
          result: (d & 4) !== 0,
          written: (d & 8) !== 0,
          writtenTop: (d & 16) !== 0,
          resultTop: (d & 32) !== 0,
        };
      }),
    );
  }
}

/**
 * debugging reports whether ROG_ESCAPE_DEBUG names sym. It holds symbols separated by `|`
 * (instance symbols have commas in them).
 */
function debugging(sym: string): boolean {
  return (process.env.ROG_ESCAPE_DEBUG ?? "").split("|").includes(sym);
}

/** debugSites prints, for ROG_ESCAPE_DEBUG=sym, why each allocation of the body escapes. */
function debugSites(body: Body, g: Graph, sites: AllocSite[], rooted: Objs, returned: Objs): void {
  const name = (o: number): string => {
    if (o === HEAP) return "HEAP";
    if (o < g.localBase + g.nlocals) return `L_${o - g.localBase}`;
    if (o < g.paramBase + 2 * g.np) {
      const k = Math.floor((o - g.paramBase) / 2) + 1;
      return (o - g.paramBase) % 2 === 0 ? `P_${k}` : `C_${k}`;
    }
    const s = sites.find((x) => x.obj === o);
    return s ? `A@${body.blocks[s.block].term.line}` : `?${o}`;
  };
  console.error(`escape: ${body.sym}`);
  for (const s of sites) {
    const holders: string[] = [];
    g.contents.forEach((c, o) => c.has(s.obj) && holders.push(name(o)));
    const why = rooted.has(s.obj) ? "rooted" : returned.has(s.obj) ? "returned" : "stays";
    console.error(`${name(s.obj)}: ${why}; held by ${holders.join(" ")}`);
  }
  console.error(
    `roots: ${[...g.contents[HEAP]].map((o) => `${name(o)}@L${g.rootLines?.get(o)}`).join(" ")}`,
  );
}
