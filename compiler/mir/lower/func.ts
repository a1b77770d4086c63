// FuncLowerer: the state of lowering one function body (a declared function, a method, a
// function literal or the package initialiser): where each variable lives, the enclosing
// loops and labels, and the helpers the expression and statement lowering share.

import { InternalError } from "../../diag.js";
import type * as ast from "../../syntax/ast.js";
import type { Initializer } from "../../types/info.js";
import type { TypeName, Var } from "../../types/object.js";
import { Named, Signature, type Type } from "../../types/type.js";
import { substType, type SubstMap } from "../../types/subst.js";
import { FnBuilder } from "../builder.js";
import {
  constInt,
  copy,
  place,
  type BlockId,
  type Linkage,
  type LocalId,
  type Operand,
  type PanicKind,
  type Place,
  type Rvalue,
} from "../mir.js";
import {
  BOOL,
  I64,
  PTR,
  U8,
  U64,
  VOID,
  hasPointers,
  sizeOf,
  typeStr,
  type MirType,
} from "../types.js";
import { toIface } from "./iface.js";
import { lowerExpr } from "./expr.js";
import { mirType, paramTypes, resultType, under } from "./gotypes.js";
import type { PkgLowerer } from "./package.js";
import { leaveBody, type RangeBody } from "./rangefunc.js";
import { captured, heapVars, mutableVars, returnsFromRangeFunc, walk } from "./scan.js";
import { lowerBlock, perIterationVars, rhsValues } from "./stmt.js";
import { symKey } from "./typestr.js";

/** Slot is where a local variable lives: a MIR local, or a heap cell a local points to. */
/** MAX_BY_VALUE is the largest variable a closure captures by value, in bytes (gc's). */
const MAX_BY_VALUE = 128;

export type Slot = { k: "local"; local: LocalId } | { k: "cell"; ptr: LocalId; ty: MirType };

/** Target is an enclosing statement that break/continue may leave or repeat. */
export interface Target {
  label: string | null;
  breakTo: BlockId;
  continueTo: BlockId | null;
}

/** localInstances holds the instances of types declared inside generic bodies (localNamed). */
const localInstances = new WeakMap<TypeName, Map<string, Named>>();

/** FuncLowerer lowers one body. */
export class FuncLowerer {
  readonly b: FnBuilder;
  readonly slots = new Map<Var, Slot>();
  heap = new Set<Var>();
  readonly targets: Target[] = [];
  readonly labels = new Map<string, BlockId>();
  /** results are the result variables (named or synthesised) copied to _0 on return. */
  results: Var[] = [];
  resultTypes: Type[] = [];
  /** range is set while lowering the body of a range-over-func loop (rangefunc.ts). */
  range: RangeBody | null = null;
  /**
   * namer is the function whose name and counters name the functions this one makes (itself,
   * but in a range-over-func loop's body: the function holding the loop, as gc names them).
   */
  namer: FuncLowerer = this;
  /** isClosure: a function literal's body, whose literals gc names `outer.N`, not `outer.funcN`. */
  isClosure = false;
  private readonly made = { func: 0, range: 0, wrap: 0 };

  constructor(
    readonly pl: PkgLowerer,
    public file: ast.File,
    sym: string,
    d: ast.FuncDecl | null,
    sig: Signature | null = null,
    withCtx = false,
    /** subst maps the type parameters of a generic body to this instance's type arguments. */
    readonly subst: SubstMap = new Map(),
    linkage: Linkage = "external",
  ) {
    const s0 = sig ?? (d ? this.declSig(d) : null);
    const s = s0 ? (this.sub(s0) as Signature) : null;
    const params = s ? paramTypes(s, true) : [];
    const result = s ? resultType(s) : VOID;
    const pos = d ? d.pos : 0;
    this.b = new FnBuilder(sym, params, result, {
      file: file.source.filename,
      line: d ? this.lineOf(pos) : 0,
      withCtx,
      linkage,
      noinline: d?.directives.some((x) => x.name === "go:noinline") ?? false,
    });
    if (s) this.resultTypes = s.results.vars.map((v) => v.type);
  }

  /** sub applies the instance's type substitution (identity outside generic bodies). */
  sub(t: Type): Type {
    if (this.subst.size === 0) return t;
    if (t.tag === "Signature" && t.recv) {
      // Keep the receiver variable (bodies bind it by identity) but substitute its type.
      const sig = new Signature(t.params, t.results, t.variadic);
      const s = substType(sig, this.subst, this.localNamed) as Signature;
      const recvT = substType(t.recv.type, this.subst, this.localNamed);
      const recv = Object.assign(Object.create(Object.getPrototypeOf(t.recv)), t.recv, {
        type: recvT,
      });
      return new Signature(s.params, s.results, s.variadic, recv);
    }
    return substType(t, this.subst, this.localNamed);
  }

  /**
   * localNamed gives a type declared inside this generic body its instance for this body's
   * type arguments (gc's `main.L[int]`): one Named per declaration and arguments, shared by
   * the instance's closures, with the underlying type substituted on first use (so `type L
   * struct{ next *L; v T }` terminates).
   */
  private readonly localNamed = (t: Named): Type | null => {
    if (!t.obj.localKey) return null;
    const targs = [...this.subst.values()];
    const key = targs.map(symKey).join(",");
    let byArgs = localInstances.get(t.obj);
    if (!byArgs) localInstances.set(t.obj, (byArgs = new Map()));
    let inst = byArgs.get(key);
    if (!inst) {
      inst = new Named(t.obj, null, [], targs);
      inst.expand = (n) => {
        n.underlying = substType(t.underlying, this.subst, this.localNamed);
      };
      byArgs.set(key, inst);
    }
    return inst;
  };

  /** varType is the (substituted) type of a variable. */
  varType(v: Var): Type {
    return this.sub(v.type);
  }

  get info() {
    return this.pl.info;
  }

  private declSig(d: ast.FuncDecl): Signature {
    const o = this.info.defs.get(d.name);
    if (o && o.tag === "Func") return o.sig;
    throw new InternalError(`no signature for ${d.name.name}`);
  }

  /** lineOf is the 1-based source line of a byte offset. */
  lineOf(pos: number): number {
    return pos >= 0 ? this.file.source.position(pos).line : 0;
  }

  /** at sets the current source line from a node. */
  at(n: { pos: number }): void {
    this.b.line = this.lineOf(n.pos);
  }

  /** unsupported reports a construct not lowered yet, at n. */
  unsupported(n: { pos: number }, what: string): never {
    return this.pl.unsupported(this.file, n.pos, what);
  }

  /** typeOf is the checker's type of an expression. */
  typeOf(e: ast.Expr): Type {
    const tv = this.info.types.get(e);
    if (!tv)
      throw new InternalError(
        `no type recorded for ${e.kind} at ${this.file.source.format(e.pos)}`,
      );
    return this.sub(tv.type);
  }

  // ---- bodies

  /** lowerDecl lowers a declared function or method. */
  lowerDecl(d: ast.FuncDecl): void {
    const fn = this.info.defs.get(d.name);
    if (!fn || fn.tag !== "Func") throw new InternalError(`no object for ${d.name.name}`);
    this.heap = heapVars(d, this.info, this.file.source.filename, this.byValue);
    const sig = fn.sig;
    const params = [...(sig.recv ? [sig.recv] : []), ...sig.params.vars];
    this.bindParams(params);
    this.bindResults(sig, returnsFromRangeFunc(d.body!, this.info));
    this.setupDefers(d.body!);
    lowerBlock(this, d.body!);
    this.finishBody(d.body!.rbrace);
  }

  private bindParams(params: Var[]): void {
    params.forEach((v, i) => {
      const local = this.b.param(i);
      if (v.name === "" || v.name === "_") return;
      if (this.heap.has(v)) {
        const slot = this.newCell(v);
        this.b.assign(this.slotPlace(slot), { r: "use", op: copy(place(local)) });
      } else {
        this.slots.set(v, { k: "local", local });
      }
    });
  }

  /**
   * bindResults binds the result variables. shared: a range-over-func loop body returns, so
   * every result (unnamed ones too) lives in a heap cell the body's function can store to.
   */
  private bindResults(sig: Signature, shared = false): void {
    this.results = sig.results.vars;
    for (const v of this.results) {
      if (shared) this.heap.add(v);
      // A blank result (`func() (_ T)`) still needs storage: a bare return returns its zero value.
      if (v.name === "" && !shared) continue;
      this.declareVar(v, null);
    }
  }

  /**
   * returnStored returns from the function with the values already in its result variables;
   * in a range-over-func loop body it leaves the body with code 1 so that the enclosing
   * function returns in turn.
   */
  returnStored(): void {
    if (!this.range) return this.emitReturn(null);
    leaveBody(this, 1n, false);
  }

  /** lowerRangeBody lowers the body of a range-over-func loop into this (yield) function. */
  lowerRangeBody(body: ast.BlockStmt, cont: BlockId): void {
    lowerBlock(this, body);
    this.b.goto(cont);
    this.pl.bodies.push(this.b.finish({ t: "unreachable", line: 0 }));
  }

  /** finishBody ends the function: falling off the end returns. */
  finishBody(rbrace: number): void {
    if (!this.b.terminated) {
      this.b.line = this.lineOf(rbrace);
      // Falling off the end is only possible without results or with named ones.
      if (this.results.some((v) => v.name === "") && !this.frame) {
        this.b.terminate({ t: "unreachable", line: 0 });
      } else this.emitReturn(null);
    }
    if (this.lpad) this.landingPath(this.lpad);
    this.pl.bodies.push(this.b.finish({ t: "return", line: this.b.line }));
  }

  /** lowerPackageInit builds pkg.init: variable initialisers in order, then the init funcs. */
  lowerPackageInit(order: Initializer[], inits: string[]): void {
    const home = this.file.source.filename;
    const fileScopes = new Map<string, number>();
    for (const init of order) {
      // Line numbers and diagnostics come from the initialiser's own file; DWARF learns that
      // file from a lexical scope, so runtime.Caller names it as gc does.
      const file = this.pl.fileOfInit(init.rhs);
      this.file = file;
      const name = file.source.filename;
      let scope = fileScopes.get(name);
      if (scope === undefined) {
        scope =
          name === home
            ? -1
            : this.b.addScope({
                sym: "",
                file: name,
                line: 0,
                parent: -1,
                callLine: 0,
                lexical: true,
              });
        fileScopes.set(name, scope);
      }
      this.b.scope = scope;
      this.at(init.rhs);
      this.heap = heapVars(init.rhs, this.info, file.source.filename, this.byValue);
      if (init.lhs.length === 1) {
        const lhs = init.lhs[0];
        if (lhs.name !== "_" && this.pl.initStatically(lhs, init.rhs)) continue;
        const v = lowerExpr(this, init.rhs);
        if (lhs.name !== "_")
          this.store(this.varPlace(lhs), this.convert(v, this.typeOf(init.rhs), lhs.type));
      } else {
        const targets = init.lhs.map((v) => v.type);
        const vals = rhsValues(this, [init.rhs], targets, init.lhs.length);
        init.lhs.forEach((lhs, i) => {
          if (lhs.name === "_") return;
          this.store(this.varPlace(lhs), vals[i]);
        });
      }
    }
    this.b.scope = -1;
    for (const sym of inits) this.b.call({ c: "fn", sym }, []);
    this.b.ret();
    this.pl.bodies.push(this.b.finish());
  }

  /**
   * nestedLinkage is the linkage of the bodies nested in this one (function literals, loop
   * bodies, go/defer wrappers): a generic instance is emitted by every package that uses it,
   * and so are they.
   */
  nestedLinkage(): Linkage {
    return this.b.linkage === "linkonce_odr" ? "linkonce_odr" : "external";
  }

  /** lowerFuncLit lowers a function literal to its own body and returns the closure value. */
  lowerFuncLit(lit: ast.FuncLit): Operand {
    const sym = this.nextName("func");
    const caps = captured(lit, this.info, this.file.source.filename);
    const sig = this.typeOf(lit) as Signature;
    const inner = new FuncLowerer(
      this.pl,
      this.file,
      sym,
      null,
      under(sig) as Signature,
      true,
      this.subst,
      this.nestedLinkage(),
    );
    inner.b.line = this.lineOf(lit.pos);
    inner.isClosure = true;
    inner.heap = heapVars(lit.body, this.info, this.file.source.filename, inner.byValue);

    // The closure object: {code, then per captured variable its value (byValue) or its cell}.
    const copied = caps.map((v) => this.byValue(v));
    const objTy: MirType = {
      k: "struct",
      fields: [PTR, ...caps.map((v, i) => (copied[i] ? mirType(this.varType(v)) : PTR))],
    };
    caps.forEach((v, i) => {
      const ctxPlace = place(inner.b.ctx, { p: "deref", ty: objTy }, { p: "field", i: i + 1 });
      const ty = mirType(inner.varType(v));
      if (!copied[i]) {
        const cell = inner.b.local(PTR, v.name);
        inner.b.assign(place(cell), { r: "use", op: copy(ctxPlace) });
        inner.slots.set(v, { k: "cell", ptr: cell, ty });
      } else if (inner.heap.has(v)) {
        // A range-over-func body in the literal shares it: the copy gets a cell of its own.
        inner.store(inner.slotPlace(inner.newCell(v)), copy(ctxPlace));
      } else {
        const local = inner.b.local(ty, v.name);
        inner.b.assign(place(local), { r: "use", op: copy(ctxPlace) });
        inner.slots.set(v, { k: "local", local });
      }
    });
    // Bind the checker's own parameter and result variables (the body refers to them by
    // identity); in an instance, substitution gave sig copies of them with other types.
    const declared = under(this.info.types.get(lit)!.type) as Signature;
    inner.bindParams(declared.params.vars);
    inner.bindResults(declared, returnsFromRangeFunc(lit.body, this.info));
    inner.setupDefers(lit.body);
    lowerBlock(inner, lit.body);
    inner.finishBody(lit.body.rbrace);

    const obj = this.alloc(objTy);
    const ops: Operand[] = [{ o: "const", ty: PTR, v: { c: "sym", sym, fn: true } }];
    caps.forEach((v, i) => {
      const slot = this.slots.get(v);
      if (!slot || (!copied[i] && slot.k !== "cell")) {
        throw new InternalError(`captured ${v.name} has no ${copied[i] ? "storage" : "cell"}`);
      }
      ops.push(copy(copied[i] ? this.slotPlace(slot) : place((slot as { ptr: LocalId }).ptr)));
    });
    this.b.assign(derefPlace(obj, objTy), { r: "agg", ty: objTy, ops });
    return obj;
  }

  // ---- variables

  /** declareVar makes storage for a local variable, initialised to init or zero. */
  declareVar(v: Var, init: Operand | null): Slot {
    const ty = mirType(this.varType(v));
    let slot: Slot;
    if (this.heap.has(v)) {
      slot = this.newCell(v);
    } else {
      slot = { k: "local", local: this.b.local(ty, v.name) };
      this.slots.set(v, slot);
    }
    this.b.assign(this.slotPlace(slot), {
      r: "use",
      op: init ?? { o: "const", ty, v: { c: "zero" } },
    });
    return slot;
  }

  /**
   * byValue says whether a function literal captures v by copying its value into the closure
   * object rather than sharing a cell: v never changes after its declaration (mutableVars)
   * and is at most MAX_BY_VALUE bytes, gc's rule.
   */
  readonly byValue = (v: Var): boolean =>
    !mutableVars(this.file, this.info, perIterationVars(this)).has(v) &&
    sizeOf(mirType(this.varType(v))) <= MAX_BY_VALUE;

  /** newCell allocates a heap cell for v and binds v to it. */
  newCell(v: Var): Slot {
    const ty = mirType(this.varType(v));
    const ptr = this.b.local(PTR, `&${v.name}`);
    const p = this.alloc(ty);
    this.b.assign(place(ptr), { r: "use", op: p });
    const slot: Slot = { k: "cell", ptr, ty };
    this.slots.set(v, slot);
    return slot;
  }

  /** alloc allocates zeroed memory for a value of type ty and returns the pointer. */
  alloc(ty: MirType): Operand {
    // Size zero: rog_alloc returns rog_zerobase, as gc's mallocgc returns zerobase.
    const size = constInt(I64, sizeOf(ty));
    return this.b.call({ c: "rt", sym: "rog_alloc" }, [size, this.shapeOf(ty)], PTR)!;
  }

  /** shapeOf is the descriptor the collector needs for memory of type ty (null: no pointers). */
  shapeOf(ty: MirType): Operand {
    if (!hasPointers(ty)) return { o: "const", ty: PTR, v: { c: "zero" } };
    return { o: "const", ty: PTR, v: { c: "sym", sym: this.pl.types.shape(ty), fn: false } };
  }

  slotPlace(s: Slot): Place {
    return s.k === "local" ? place(s.local) : place(s.ptr, { p: "deref", ty: s.ty });
  }

  /** varPlace is the place of a variable (local, cell or package-level). */
  varPlace(v: Var): Place {
    const s = this.slots.get(v);
    if (s) return this.slotPlace(s);
    if (this.pl.isGlobal(v)) {
      const sym = this.pl.addressSym(v);
      const p = this.b.temp({
        r: "use",
        op: { o: "const", ty: PTR, v: { c: "sym", sym, fn: false } },
      });
      return derefPlace(p, mirType(this.varType(v)));
    }
    throw new InternalError(`variable ${v.name} has no storage in ${this.b.sym}`);
  }

  // ---- helpers

  /** exprValue lowers an expression (for modules that cannot import expr.ts directly). */
  exprValue(e: ast.Expr): Operand {
    return lowerExpr(this, e);
  }

  /** store writes an operand to a place. */
  store(p: Place, v: Operand): void {
    this.b.assign(p, { r: "use", op: v });
  }

  /** temp evaluates an rvalue into a temporary. */
  temp(rv: Rvalue): Operand {
    return this.b.temp(rv);
  }

  /** materialise returns a place holding the operand's value. */
  materialise(op: Operand): Place {
    if (op.o === "copy" && op.place.proj.length === 0) return op.place;
    const t = this.b.temp({ r: "use", op });
    return (t as { place: Place }).place;
  }

  /** check continues when cond holds, else raises the runtime error. */
  check(cond: Operand, kind: PanicKind, args: Operand[] = []): void {
    this.b.check(cond, true, kind, args);
  }

  /** nilCheck raises the nil-dereference error when p is nil. */
  nilCheck(p: Operand): void {
    const ok = this.temp({
      r: "bin",
      op: "!=",
      a: p,
      b: { o: "const", ty: PTR, v: { c: "zero" } },
    });
    this.check(ok, "nilderef");
  }

  /** boundsCheck raises the index error unless 0 <= idx < len. */
  boundsCheck(idx: Operand, len: Operand): void {
    const ty = this.b.rvType({ r: "use", op: idx });
    if (ty.k !== "int") throw new InternalError("index is not an integer");
    const u = ty.bits === 64 && !ty.signed ? idx : this.temp({ r: "conv", a: idx, ty: U64 });
    const lu = this.temp({ r: "conv", a: len, ty: U64 });
    const ok = this.temp({ r: "bin", op: "<", a: u, b: lu });
    const x = ty.bits === 64 ? idx : this.temp({ r: "conv", a: idx, ty: I64 });
    this.check(ok, "index", [x, len]);
  }

  /** convert adapts a value of Go type from to Go type to (assignability). */
  convert(v: Operand, from: Type, to: Type, at: { pos: number } = { pos: -1 }): Operand {
    const fu = under(from);
    const tu = under(to);
    if (fu.tag === "Basic" && fu.kind === "untyped nil")
      return { o: "const", ty: mirType(to), v: { c: "zero" } };
    if (tu.tag === "Interface") return toIface(this, at, v, from, to);
    const ft = this.b.rvType({ r: "use", op: v });
    const tt = mirType(to);
    const numeric = (k: string) => k === "int" || k === "float" || k === "complex";
    if (numeric(ft.k) && numeric(tt.k) && typeStr(ft) !== typeStr(tt)) {
      // Untyped constants recorded with their default type: convert numerically.
      if (v.o === "const" && v.v.c === "int" && tt.k === "int") return { ...v, ty: tt };
      return this.temp({ r: "conv", a: v, ty: tt });
    }
    return v;
  }

  /** emitReturn copies results (or the named results) to _0 and returns. */
  emitReturn(values: Operand[] | null): void {
    if (this.frame) {
      // Deferred calls run after the results are set and may change named results.
      values?.forEach((v, i) => this.store(this.varPlace(this.results[i]), v));
      this.b.call({ c: "rt", sym: "rog_deferreturn" }, [this.frame]);
      values = null;
    }
    const n = this.resultTypes.length;
    const vals = values ?? this.results.map((v) => copy(this.varPlace(v)));
    if (n === 1) this.store(place(0), vals[0]);
    else if (n > 1) vals.forEach((v, i) => this.store(place(0, { p: "field", i }), v));
    this.b.ret();
  }

  /** frame is `&frame` of a function with defers (ABI.md §8), else null. */
  frame: Operand | null = null;
  private lpad: { block: BlockId; exc: LocalId } | null = null;

  /**
   * setupDefers prepares a body that contains defer statements: a frame slot identifying the
   * activation, result variables in memory, and one landing block for every call.
   */
  setupDefers(body: ast.BlockStmt): void {
    if (!containsDefer(body)) return;
    const frame = this.b.local(U8, ".frame");
    this.frame = this.temp({ r: "ref", place: place(frame) });
    for (const v of this.results) if (!this.slots.has(v)) this.declareVar(v, null);
    this.lpad = this.b.newCleanupBlock();
    this.b.unwind = this.lpad.block;
  }

  /** landingPath builds the landing block: run deferred calls; return if one recovered. */
  private landingPath(lp: { block: BlockId; exc: LocalId }): void {
    const exc = copy(place(lp.exc));
    this.b.setBlock(lp.block);
    this.b.unwind = null;
    const recovered = this.b.call({ c: "rt", sym: "rog_deferpanic" }, [exc, this.frame!], BOOL)!;
    const yes = this.b.newBlock();
    const no = this.b.newBlock();
    this.b.branch(recovered, yes, no);
    this.b.setBlock(no);
    this.b.call({ c: "rt", sym: "rog_panic_resume" }, [exc], VOID, true);
    this.b.setBlock(yes);
    this.b.unwind = lp.block;
    this.emitReturn(null);
  }

  /** newLitIndex numbers function literals within this body. */
  /**
   * nextName names the next function this one makes as gc does: a function literal `F.funcN`
   * (in a literal `F.N`), a range-over-func body `F-rangeN`, a go or defer wrapper
   * `F.gowrapN`/`F.deferwrapN`, with one count per kind (go and defer share one).
   */
  nextName(why: "func" | "range" | "go" | "defer"): string {
    const o = this.namer;
    const base = o.b.sym;
    if (why === "func") return `${base}${o.isClosure ? "." : ".func"}${++o.made.func}`;
    if (why === "range") return `${base}-range${++o.made.range}`;
    return `${base}.${why}wrap${++o.made.wrap}`;
  }

  /** boolType is the MIR bool type. */
  get boolTy(): MirType {
    return BOOL;
  }
}

/** containsDefer reports a defer statement in body, outside nested function literals. */
function containsDefer(body: ast.BlockStmt): boolean {
  let found = false;
  walk(body, (n) => {
    if (n.kind === "FuncLit") return false;
    if (n.kind === "DeferStmt") found = true;
    return !found;
  });
  return found;
}

/** derefPlace is the place a pointer operand points at. */
export function derefPlace(p: Operand, ty: MirType): Place {
  if (p.o === "copy") return { local: p.place.local, proj: [...p.place.proj, { p: "deref", ty }] };
  throw new InternalError("deref of a constant pointer");
}

/** field is a field of a place. */
export function field(p: Place, i: number): Place {
  return { local: p.local, proj: [...p.proj, { p: "field", i }] };
}
