// Emission of one MIR body as an LLVM function. Every local is an `alloca` in the entry block
// and places are addressed with GEPs; LLVM's SROA/mem2reg turn them into SSA values. Go's
// arithmetic rules (wrapping, division overflow, oversized shifts) are made explicit here so
// no LLVM poison or undefined behaviour can reach the program.

import { InternalError } from "../diag.js";
import {
  successors,
  type Body,
  type Callee,
  type Operand,
  type Place,
  type Rvalue,
  type Terminator,
} from "../mir/mir.js";
import { operandType, projType } from "../mir/typeof.js";
import { alignOf, partTypes, sizeOf, typeStr, type MirType } from "../mir/types.js";
import { emitBinary } from "./ops.js";
import { floatConst, intConst, isAggregate, ltype, mtype, quoteSym, zeroConst } from "./ltypes.js";
import { PANIC_ENTRY } from "./runtime.js";

/**
 * BLOCK_MOVE_BYTES is the size above which aggregates are copied and zeroed as memory, and
 * cross calls as memory (ABI.md §2).
 */
const BLOCK_MOVE_BYTES = 128;

/**
 * indirect reports whether values of t cross calls in memory (ABI.md §2): LLVM splits a
 * first-class aggregate argument or result into one value per element, and a [65536]byte one
 * takes instruction selection past its memory or stack.
 */
export function indirect(t: MirType): boolean {
  return isAggregate(t) && sizeOf(t) > BLOCK_MOVE_BYTES;
}
const MEMCPY = "llvm.memcpy.p0.p0.i64";
const MEMSET = "llvm.memset.p0.i64";

/** ModuleCtx is what a function emitter needs from its module. */
export interface ModuleCtx {
  /** stringConst returns the global holding these bytes. */
  stringConst(b: Uint8Array): string;
  /** useFunction records a call of sym with an LLVM function type (for declarations). */
  useFunction(sym: string, ret: string, params: string[], goAbi: boolean): void;
  /** useRuntime records a call of a runtime entry and returns its parameter types. */
  useRuntime(sym: string, argTys: string[], ret: string): string[];
  /** useSymbol records a reference to sym as a value (a function's code when fn). */
  useSymbol(sym: string, fn: boolean): void;
  /** useGlobal records a reference to an external data symbol of the given LLVM type. */
  useGlobal(sym: string, ty: string): void;
  /** useDefinition adds a module-level definition (text) for sym once. */
  useDefinition(sym: string, text: string): void;
  /**
   * dbgLoc returns the `, !dbg !N` suffix for a line of the body being emitted, or "": scope
   * (-1 for the body itself) indexes the body's inline scopes.
   */
  dbgLoc(line: number, scope: number): string;
}

/** FnEmitter writes one function. */
export class FnEmitter {
  private readonly out: string[] = [];
  private readonly cold: string[] = [];
  private n = 0;
  private line = 0;
  private scope = -1;
  private curBlock = 0;
  /** temps are allocas of call temporaries, placed in the entry block at allocaAt. */
  private readonly temps: string[] = [];
  private allocaAt = 0;
  /** loopEdges holds the back-edges ("from:to") found by a depth-first walk from bb0. */
  private loopEdges = new Set<string>();

  constructor(
    private readonly mod: ModuleCtx,
    private readonly body: Body,
    private readonly dbg: string,
  ) {}

  /** tmp returns a fresh SSA name. */
  tmp(): string {
    return `%t${this.n++}`;
  }

  /** at moves the debug location to x's line, unless x has none (line 0). */
  private at(x: { line: number; scope?: number }): void {
    if (x.line === 0) return;
    this.line = x.line;
    this.scope = x.scope ?? -1;
  }

  /** emit appends one instruction (with the current debug location). */
  emit(inst: string): void {
    this.out.push(`  ${inst}${this.mod.dbgLoc(this.line, this.scope)}`);
  }

  /** run returns the function's text. */
  run(): string {
    const b = this.body;
    const bigResult = indirect(b.locals[0].ty);
    const ret = bigResult ? "void" : ltype(b.locals[0].ty);
    const params = ["ptr nest %ctx"];
    if (bigResult) params.push("ptr %ret");
    for (let i = 1; i <= b.nparams; i++) {
      const t = b.locals[i].ty;
      params.push(`${indirect(t) ? "ptr" : ltype(t)} %p${i}`);
    }
    const linkage = b.linkage === "external" ? "" : `${b.linkage} `;
    const eh = b.blocks.some((x) => x.cleanup);
    if (eh) this.mod.useRuntime("rog_personality", [], "i32");
    const pers = eh ? " personality ptr @rog_personality" : "";
    const sig = `${ret} ${quoteSym(b.sym)}(${params.join(", ")})`;
    // A function with defers is never inlined: its own frame identifies its deferred calls
    // (ABI.md §8), and inlined into a caller it would share the caller's.
    const attrs = b.noinline || eh ? "#2" : "#0";
    const head = `define ${linkage}${sig} ${attrs}${pers}${this.dbg} {`;

    this.loopEdges = retreatingEdges(b);
    this.out.push("entry:");
    b.locals.forEach((l, i) => {
      if (l.ty.k !== "void") this.out.push(`  %l${i} = alloca ${mtype(l.ty)}, align 8`);
    });
    this.allocaAt = this.out.length;
    for (let i = 1; i <= b.nparams; i++) {
      const t = b.locals[i].ty;
      if (indirect(t)) this.memcpy(`%l${i}`, `%p${i}`, t);
      else this.storeTo(`%l${i}`, t, `%p${i}`);
    }
    if (b.ctx >= 0) this.out.push(`  store ptr %ctx, ptr %l${b.ctx}`);
    this.line = b.line;
    this.emit("br label %bb0");

    b.blocks.forEach((blk, i) => {
      this.curBlock = i;
      this.out.push(`bb${i}:`);
      if (blk.cleanup) this.landingPad();
      for (const s of blk.stmts) {
        this.at(s);
        this.assign(s.place, s.rv);
      }
      this.at(blk.term);
      this.term(blk.term);
    });
    this.out.splice(this.allocaAt, 0, ...this.temps);
    return [head, ...this.out, ...this.cold, "}", ""].join("\n");
  }

  // ---- places and operands

  /** addr returns a pointer to the place and the place's type. */
  addr(p: Place): { ptr: string; ty: MirType } {
    let ptr = `%l${p.local}`;
    let ty = this.body.locals[p.local].ty;
    for (const pr of p.proj) {
      const next = projType(ty, pr);
      const t = this.tmp();
      switch (pr.p) {
        case "field":
          this.emit(`${t} = getelementptr inbounds ${mtype(ty)}, ptr ${ptr}, i32 0, i32 ${pr.i}`);
          break;
        case "index": {
          const idx = this.toI64(pr.idx);
          this.emit(`${t} = getelementptr inbounds ${mtype(ty)}, ptr ${ptr}, i64 0, i64 ${idx}`);
          break;
        }
        case "deref":
          this.emit(`${t} = load ptr, ptr ${ptr}`);
          break;
      }
      ptr = t;
      ty = next;
    }
    return { ptr, ty };
  }

  /** loadFrom loads a value of type ty from ptr, as a scalar value (bools become i1). */
  loadFrom(ptr: string, ty: MirType): string {
    const t = this.tmp();
    this.emit(`${t} = load ${mtype(ty)}, ptr ${ptr}`);
    if (ty.k !== "bool") return t;
    const b = this.tmp();
    this.emit(`${b} = trunc i8 ${t} to i1`);
    return b;
  }

  /** storeTo stores a value (scalar form) of type ty at ptr. */
  storeTo(ptr: string, ty: MirType, v: string): void {
    if (ty.k === "void") return;
    this.emit(`store ${mtype(ty)} ${this.toMem(ty, v)}, ptr ${ptr}`);
  }

  /** toMem converts a scalar value to its in-memory form (bool: i1 → i8). */
  toMem(ty: MirType, v: string): string {
    if (ty.k !== "bool") return v;
    if (v === "true") return "1";
    if (v === "false") return "0";
    const t = this.tmp();
    this.emit(`${t} = zext i1 ${v} to i8`);
    return t;
  }

  /** operand returns an LLVM value (scalar form) for the operand. */
  operand(o: Operand): string {
    if (o.o === "copy") {
      const { ptr, ty } = this.addr(o.place);
      return this.loadFrom(ptr, ty);
    }
    const v = o.v;
    switch (v.c) {
      case "int":
        if (o.ty.k !== "int") throw new InternalError(`int constant of ${typeStr(o.ty)}`);
        return intConst(v.v, o.ty.bits);
      case "float":
        if (o.ty.k !== "float") throw new InternalError(`float constant of ${typeStr(o.ty)}`);
        return floatConst(v.v, o.ty.bits);
      case "bool":
        return v.v ? "true" : "false";
      case "str":
        if (v.v.length === 0) return "zeroinitializer";
        return `{ ptr ${this.mod.stringConst(v.v)}, i64 ${v.v.length} }`;
      case "zero":
        return zeroConst(o.ty);
      case "sym":
        this.mod.useSymbol(v.sym, v.fn);
        return quoteSym(v.sym);
    }
  }

  /** typedOperand renders `type value`. */
  typedOperand(o: Operand): string {
    return `${ltype(this.opType(o))} ${this.operand(o)}`;
  }

  opType(o: Operand): MirType {
    return operandType(this.body, o);
  }

  /** toI64 converts an integer operand to i64 (sign- or zero-extending by its type). */
  toI64(o: Operand): string {
    const t = this.opType(o);
    return this.widen(this.operand(o), t, 64);
  }

  /** widen extends or truncates an integer value of type t to `bits`. */
  widen(v: string, t: MirType, bits: number): string {
    if (t.k !== "int") throw new InternalError(`integer expected, got ${typeStr(t)}`);
    if (t.bits === bits) return v;
    const r = this.tmp();
    if (t.bits > bits) this.emit(`${r} = trunc i${t.bits} ${v} to i${bits}`);
    else this.emit(`${r} = ${t.signed ? "sext" : "zext"} i${t.bits} ${v} to i${bits}`);
    return r;
  }

  // ---- statements

  private assign(p: Place, rv: Rvalue): void {
    if (rv.r === "use" && this.blockMove(() => this.addr(p).ptr, rv.op)) return;
    const v = this.rvalue(rv);
    const { ptr, ty } = this.addr(p);
    this.storeTo(ptr, ty, v);
  }

  /**
   * blockMove copies or zeroes a large aggregate with llvm.memcpy / llvm.memset instead of a
   * first-class load and store: LLVM splits those into one value per element, and a 16384-entry
   * array (compress/flate's hash table) then takes clang past 8 GiB. Returns false when the
   * value is small or not a plain copy or zero.
   */
  private blockMove(dstOf: () => string, op: Operand): boolean {
    const ty = this.opType(op);
    if (!isAggregate(ty) || sizeOf(ty) <= BLOCK_MOVE_BYTES) return false;
    const zero = op.o === "const" && op.v.c === "zero";
    if (!zero && op.o !== "copy") return false;
    const src = op.o === "copy" ? this.addr(op.place).ptr : "";
    const dst = dstOf();
    const n = sizeOf(ty);
    const a = alignOf(ty);
    if (zero) {
      this.mod.useDefinition(MEMSET, `declare void @${MEMSET}(ptr, i8, i64, i1)`);
      this.emit(`call void @${MEMSET}(ptr align ${a} ${dst}, i8 0, i64 ${n}, i1 false)`);
    } else {
      // Source and destination are the same object or disjoint (Go values do not overlap
      // partially), which llvm.memcpy allows.
      this.memcpy(dst, src, ty);
    }
    return true;
  }

  /** memcpy copies a value of type ty from src to dst with llvm.memcpy. */
  private memcpy(dst: string, src: string, ty: MirType): void {
    const a = alignOf(ty);
    this.mod.useDefinition(MEMCPY, `declare void @${MEMCPY}(ptr, ptr, i64, i1)`);
    this.emit(
      `call void @${MEMCPY}(ptr align ${a} ${dst}, ptr align ${a} ${src}, i64 ${sizeOf(ty)}, i1 false)`,
    );
  }

  /** temp returns a new alloca (in the entry block) for a call's argument or result. */
  private temp(ty: MirType): string {
    const t = `%c${this.n++}`;
    this.temps.push(`  ${t} = alloca ${mtype(ty)}, align 8`);
    return t;
  }

  /**
   * argAddr is where an argument passed in memory is read from: its place, which the callee
   * copies before anything else runs, or a temporary holding a constant.
   */
  private argAddr(op: Operand): string {
    if (op.o === "copy") return this.addr(op.place).ptr;
    const ty = this.opType(op);
    const t = this.temp(ty);
    if (!this.blockMove(() => t, op)) this.storeTo(t, ty, this.operand(op));
    return t;
  }

  /** rvalue computes an rvalue and returns its scalar-form value. */
  rvalue(rv: Rvalue): string {
    switch (rv.r) {
      case "use":
        return this.operand(rv.op);
      case "bin":
        return emitBinary(this, rv.op, rv.a, rv.b);
      case "un":
        return this.unary(rv.op, rv.a);
      case "conv":
        return this.conv(this.operand(rv.a), this.opType(rv.a), rv.ty);
      case "bitcast":
        return this.bitcast(rv.a, rv.ty);
      case "ref":
        return this.addr(rv.place).ptr;
      case "agg":
        return this.aggregate(rv.ty, rv.ops);
      case "offset": {
        const p = this.operand(rv.ptr);
        const i = this.toI64(rv.idx);
        const t = this.tmp();
        this.emit(`${t} = getelementptr inbounds ${mtype(rv.elem)}, ptr ${p}, i64 ${i}`);
        return t;
      }
    }
  }

  private unary(op: string, a: Operand): string {
    const ty = this.opType(a);
    const v = this.operand(a);
    const t = this.tmp();
    if (op === "not") {
      this.emit(`${t} = xor i1 ${v}, true`);
    } else if (op === "compl") {
      this.emit(`${t} = xor ${ltype(ty)} ${v}, -1`);
    } else if (ty.k === "int") {
      this.emit(`${t} = sub ${ltype(ty)} 0, ${v}`);
    } else if (ty.k === "float") {
      this.emit(`${t} = fneg ${ltype(ty)} ${v}`);
    } else if (ty.k === "complex") {
      const ft = ty.bits === 64 ? "float" : "double";
      const re = this.extract(v, ty, 0);
      const im = this.extract(v, ty, 1);
      const nre = this.tmp();
      const nim = this.tmp();
      this.emit(`${nre} = fneg ${ft} ${re}`);
      this.emit(`${nim} = fneg ${ft} ${im}`);
      return this.build(ty, [nre, nim]);
    } else {
      throw new InternalError(`unary ${op} on ${typeStr(ty)}`);
    }
    return t;
  }

  /** extract reads part i of an aggregate value (scalar form). */
  extract(v: string, ty: MirType, i: number): string {
    const parts = ty.k === "array" ? null : partTypes(ty);
    const pt = ty.k === "array" ? ty.elem : parts![i];
    const t = this.tmp();
    this.emit(`${t} = extractvalue ${mtype(ty)} ${v}, ${i}`);
    if (pt.k !== "bool") return t;
    const b = this.tmp();
    this.emit(`${b} = trunc i8 ${t} to i1`);
    return b;
  }

  /** build assembles an aggregate value from scalar-form parts. */
  build(ty: MirType, parts: string[]): string {
    const types = ty.k === "array" ? parts.map(() => ty.elem) : partTypes(ty)!;
    let acc = "poison";
    parts.forEach((p, i) => {
      const t = this.tmp();
      const pt = types[i];
      this.emit(`${t} = insertvalue ${mtype(ty)} ${acc}, ${mtype(pt)} ${this.toMem(pt, p)}, ${i}`);
      acc = t;
    });
    return parts.length ? acc : "zeroinitializer";
  }

  private aggregate(ty: MirType, ops: Operand[]): string {
    if (!isAggregate(ty)) throw new InternalError(`aggregate of ${typeStr(ty)}`);
    return this.build(
      ty,
      ops.map((o) => this.operand(o)),
    );
  }

  /** conv converts a numeric value from one type to another (Go conversions). */
  conv(v: string, from: MirType, to: MirType): string {
    if (from.k === "int" && to.k === "int") return this.widen(v, from, to.bits);
    const t = this.tmp();
    if (from.k === "bool" && to.k === "int") {
      // No branch: crypto/internal/constanttime's boolToUint8 must take constant time.
      this.emit(`${t} = zext i1 ${v} to ${ltype(to)}`);
      return t;
    }
    if (from.k === "int" && to.k === "float") {
      this.emit(`${t} = ${from.signed ? "sitofp" : "uitofp"} ${ltype(from)} ${v} to ${ltype(to)}`);
      return t;
    }
    if (from.k === "float" && to.k === "int") {
      // Out-of-range conversions are implementation-defined in Go; freeze keeps them from
      // being LLVM poison.
      this.emit(`${t} = ${to.signed ? "fptosi" : "fptoui"} ${ltype(from)} ${v} to ${ltype(to)}`);
      const f = this.tmp();
      this.emit(`${f} = freeze ${ltype(to)} ${t}`);
      return f;
    }
    if (from.k === "float" && to.k === "float") {
      if (from.bits === to.bits) return v;
      const op = from.bits < to.bits ? "fpext" : "fptrunc";
      this.emit(`${t} = ${op} ${ltype(from)} ${v} to ${ltype(to)}`);
      return t;
    }
    if (from.k === "complex" && to.k === "complex") {
      if (from.bits === to.bits) return v;
      const [pf, pt] = [partTypes(from)![0], partTypes(to)![0]];
      const re = this.conv(this.extract(v, from, 0), pf, pt);
      const im = this.conv(this.extract(v, from, 1), pf, pt);
      return this.build(to, [re, im]);
    }
    if (typeStr(from) === typeStr(to)) return v;
    throw new InternalError(`conversion ${typeStr(from)} to ${typeStr(to)}`);
  }

  private bitcast(a: Operand, to: MirType): string {
    const from = this.opType(a);
    const v = this.operand(a);
    if (typeStr(from) === typeStr(to)) return v;
    const t = this.tmp();
    if (from.k === "ptr" && to.k === "int") this.emit(`${t} = ptrtoint ptr ${v} to ${ltype(to)}`);
    else if (from.k === "int" && to.k === "ptr")
      this.emit(`${t} = inttoptr ${ltype(from)} ${v} to ptr`);
    else if (from.k === "int" && to.k === "int") return this.widen(v, from, to.bits);
    else this.emit(`${t} = bitcast ${ltype(from)} ${v} to ${ltype(to)}`);
    return t;
  }

  // ---- terminators

  private term(t: Terminator): void {
    switch (t.t) {
      case "goto":
        if (this.loopEdges.has(`${this.curBlock}:${t.target}`)) return this.backEdge(t.target);
        return this.emit(`br label %bb${t.target}`);
      case "switch":
        return this.switchTerm(t);
      case "call":
        return this.call(t);
      case "assert":
        return this.assertTerm(t);
      case "return": {
        const ty = this.body.locals[0].ty;
        if (ty.k === "void") return this.emit("ret void");
        if (indirect(ty)) {
          this.memcpy("%ret", "%l0", ty);
          return this.emit("ret void");
        }
        const v = this.loadFrom("%l0", ty);
        return this.emit(`ret ${ltype(ty)} ${v}`);
      }
      case "unreachable":
        return this.emit("unreachable");
    }
  }

  /** landingPad starts a cleanup block: catch the unwinding exception, keep its pointer. */
  private landingPad(): void {
    const lp = this.tmp();
    this.emit(`${lp} = landingpad { ptr, i32 } cleanup`);
    const exc = this.tmp();
    this.emit(`${exc} = extractvalue { ptr, i32 } ${lp}, 0`);
    this.emit(`store ptr ${exc}, ptr %l${this.body.exc}`);
  }

  /**
   * backEdge jumps back to a loop head through a safepoint: when the runtime has asked for
   * preemption (a non-zero `rog_preempt_requested`), call the slow path first. The slow path
   * is a preserve_all trampoline (see PREEMPT_SLOW), so the loop keeps its registers, floating
   * point ones included, across the rarely taken call.
   */
  private backEdge(target: number): void {
    this.mod.useGlobal("rog_preempt_requested", "i32");
    this.mod.useRuntime("rog_preempt", [], "void");
    this.mod.useDefinition(PREEMPT_SLOW, preemptSlowDef());
    const f = this.tmp();
    this.emit(`${f} = load atomic i32, ptr @rog_preempt_requested monotonic, align 4`);
    const c = this.tmp();
    this.emit(`${c} = icmp ne i32 ${f}, 0`);
    const slow = `preempt${this.n++}`;
    this.emit(
      `br i1 ${c}, label %${slow}, label %bb${target}, !prof !{!"branch_weights", i32 1, i32 2000}`,
    );
    const saved = this.out.length;
    this.out.push(`${slow}:`);
    this.emit(`call preserve_allcc void @"${PREEMPT_SLOW}"()`);
    this.emit(`br label %bb${target}`);
    this.cold.push(...this.out.splice(saved));
  }

  private switchTerm(t: Extract<Terminator, { t: "switch" }>): void {
    const ty = this.opType(t.op);
    let v = this.operand(t.op);
    if (ty.k === "bool") {
      if (t.cases.length === 1) {
        const [val, b] = t.cases[0];
        const [yes, no] = val === 0n ? [t.otherwise, b] : [b, t.otherwise];
        return this.emit(`br i1 ${v}, label %bb${yes}, label %bb${no}`);
      }
      const z = this.tmp();
      this.emit(`${z} = zext i1 ${v} to i8`);
      v = z;
    }
    const lt = ty.k === "bool" ? "i8" : ltype(ty);
    const bits = ty.k === "int" ? ty.bits : 8;
    const cases = t.cases.map(([val, b]) => `${lt} ${intConst(val, bits)}, label %bb${b}`);
    this.emit(`switch ${lt} ${v}, label %bb${t.otherwise} [${cases.join(" ")}]`);
  }

  private call(t: Extract<Terminator, { t: "call" }>): void {
    const c: Callee = t.callee;
    // Go calls pass large aggregates in memory (ABI.md §2); runtime entries take none.
    const inMemory = (ty: MirType) => c.c !== "rt" && indirect(ty);
    const bigResult = inMemory(t.retTy);
    const ret = bigResult ? "void" : ltype(t.retTy);
    const argTys = t.args.map((a) => (inMemory(this.opType(a)) ? "ptr" : ltype(this.opType(a))));
    const argVals = t.args.map((a) =>
      inMemory(this.opType(a)) ? this.argAddr(a) : this.operand(a),
    );
    if (bigResult) {
      argTys.unshift("ptr");
      argVals.unshift(t.dest !== null ? this.addr(t.dest).ptr : this.temp(t.retTy));
    }
    let fn: string;
    let params: string[];
    if (c.c === "rt") {
      params = this.mod.useRuntime(c.sym, argTys, ret);
      fn = `@${c.sym}`;
    } else {
      params = ["ptr nest", ...argTys];
      let ctx = "null";
      if (c.c === "fn") {
        this.mod.useFunction(c.sym, ret, argTys, true);
        fn = quoteSym(c.sym);
      } else if (c.c === "closure") {
        ctx = this.operand(c.fv);
        fn = this.tmp();
        this.emit(`${fn} = load ptr, ptr ${ctx}`);
      } else {
        fn = this.operand(c.fn);
        ctx = this.operand(c.ctx);
      }
      argVals.unshift(ctx);
    }
    const args = argVals.map((v, i) => `${params[i]} ${v}`).join(", ");
    // Calls keep their own source line: LLVM must not merge two calls of different lines into
    // one with line 0 (tail merging, sinking), which runtime.Caller, tracebacks and testing's
    // file:line reported as ???:1 (t.Fatal and t.Fatalf on two paths of a test became one call).
    const intrinsic = c.c === "rt" && c.sym.startsWith("llvm.");
    const attrs = intrinsic ? "" : " nomerge";
    const hasResult = t.dest !== null && t.retTy.k !== "void" && !bigResult;
    const r = hasResult ? this.tmp() : "";
    const assign = hasResult ? `${r} = ` : "";
    // An LLVM intrinsic never unwinds, and LLVM rejects invoking one (`min` of floats in a
    // function with defers is a call of llvm.minimum).
    if (t.unwind !== null && !intrinsic) {
      // invoke: the result is stored on the normal path only.
      const cont = `cont${this.n++}`;
      this.emit(
        `${assign}invoke ${ret} ${fn}(${args})${attrs} to label %${cont} unwind label %bb${t.unwind}`,
      );
      this.out.push(`${cont}:`);
    } else {
      this.emit(`${assign}call ${ret} ${fn}(${args})${attrs}`);
    }
    if (hasResult) {
      const { ptr, ty } = this.addr(t.dest!);
      this.storeTo(ptr, ty, r);
    }
    this.emit(t.target === null ? "unreachable" : `br label %bb${t.target}`);
  }

  private assertTerm(t: Extract<Terminator, { t: "assert" }>): void {
    const cond = this.operand(t.cond);
    const fail = `fail${this.n++}`;
    const [yes, no] = t.expected ? [`%bb${t.target}`, `%${fail}`] : [`%${fail}`, `%bb${t.target}`];
    this.emit(`br i1 ${cond}, label ${yes}, label ${no}`);

    // The failure path goes out of line, at the end of the function.
    const saved = this.out.length;
    this.out.push(`${fail}:`);
    const entry = PANIC_ENTRY[t.kind];
    if (entry) {
      const params = this.mod.useRuntime(
        entry,
        t.args.map(() => "i64"),
        "void",
      );
      const args = t.args.map((a, i) =>
        this.widen(this.operand(a), this.opType(a), params[i] === "i32" ? 32 : 64),
      );
      const list = args.map((a, i) => `${params[i]} ${a}`).join(", ");
      if (t.unwind !== null) {
        const cont = `cont${this.n++}`;
        this.emit(`invoke void @${entry}(${list}) to label %${cont} unwind label %bb${t.unwind}`);
        this.out.push(`${cont}:`);
      } else {
        this.emit(`call void @${entry}(${list})`);
      }
    }
    this.emit("unreachable");
    this.cold.push(...this.out.splice(saved));
  }
}

/**
 * PREEMPT_SLOW is the safepoint slow path called from loop back-edges. It is defined in every
 * module (linkonce_odr) with LLVM's preserve_all convention and calls the C-ABI `rog_preempt`:
 * its own prologue saves the registers that call clobbers, so a hot loop pays nothing for them.
 */
const PREEMPT_SLOW = "rog.preempt_slow";

function preemptSlowDef(): string {
  return [
    `define linkonce_odr hidden preserve_allcc void @"${PREEMPT_SLOW}"() #1 {`,
    "  call void @rog_preempt()",
    "  ret void",
    "}",
  ].join("\n");
}

/**
 * retreatingEdges returns the edges ("from:to") that go back to a block still on the stack of
 * a depth-first walk from bb0: each loop gets one per back jump, however its blocks are
 * numbered, so a loop iteration polls for preemption once.
 */
function retreatingEdges(b: Body): Set<string> {
  const edges = new Set<string>();
  const state = new Uint8Array(b.blocks.length); // 0 unseen, 1 on stack, 2 done
  const stack: { blk: number; succ: number[]; i: number }[] = [];
  const push = (blk: number): void => {
    state[blk] = 1;
    stack.push({ blk, succ: successors(b.blocks[blk].term), i: 0 });
  };
  if (b.blocks.length) push(0);
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i === top.succ.length) {
      state[top.blk] = 2;
      stack.pop();
      continue;
    }
    const next = top.succ[top.i++];
    if (state[next] === 1) edges.add(`${top.blk}:${next}`);
    else if (state[next] === 0) push(next);
  }
  return edges;
}
