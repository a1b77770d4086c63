// The MIR verifier: structural and type checks run after building and after every pass in
// tests. A failure is a compiler bug, reported as an InternalError listing every problem.

import { InternalError } from "../diag.js";
import type { Body, MirPackage, Operand, Place, Rvalue, Terminator } from "./mir.js";
import { printPlace } from "./print.js";
import { placeType, rvalueType } from "./typeof.js";
import { partTypes, sameType, typeStr, type MirType } from "./types.js";

/** verifyPackage checks every body of pkg and throws an InternalError on the first bad one. */
export function verifyPackage(pkg: MirPackage): void {
  const syms = new Set<string>();
  for (const g of pkg.globals) dupCheck(syms, g.sym);
  for (const b of pkg.bodies) {
    dupCheck(syms, b.sym);
    verifyBody(b);
  }
}

function dupCheck(syms: Set<string>, sym: string): void {
  if (syms.has(sym)) throw new InternalError(`MIR verify: duplicate symbol ${sym}`);
  syms.add(sym);
}

/** verifyBody checks one body and throws an InternalError listing all problems found. */
export function verifyBody(b: Body): void {
  const errs = new BodyVerifier(b).run();
  if (errs.length) {
    throw new InternalError(`MIR verify ${b.sym}:\n  ${errs.join("\n  ")}`);
  }
}

class BodyVerifier {
  private readonly errs: string[] = [];
  private where = "";
  constructor(private readonly b: Body) {}

  run(): string[] {
    const b = this.b;
    if (b.locals.length < 1 + b.nparams) this.err("fewer locals than return place + params");
    if (b.ctx >= b.locals.length) this.err(`ctx _${b.ctx} is not a local`);
    if (b.ctx >= 0 && b.locals[b.ctx]?.ty.k !== "ptr") this.err("ctx local is not a ptr");
    if (b.blocks.length === 0) this.err("no blocks");
    b.blocks.forEach((blk, i) => {
      for (const [j, s] of blk.stmts.entries()) {
        this.where = `bb${i}[${j}]`;
        this.guard(() => this.assign(s.place, s.rv));
      }
      this.where = `bb${i} terminator`;
      this.guard(() => this.term(blk.term));
    });
    return this.errs;
  }

  private err(msg: string): void {
    this.errs.push(this.where ? `${this.where}: ${msg}` : msg);
  }

  /** guard turns exceptions from type computation (bad projections) into errors. */
  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      this.err(e instanceof Error ? e.message : String(e));
    }
  }

  private block(id: number): void {
    if (!Number.isInteger(id) || id < 0 || id >= this.b.blocks.length) this.err(`no block bb${id}`);
  }

  private placeTy(p: Place): MirType {
    for (const pr of p.proj) if (pr.p === "index") this.intOperand(pr.idx, "index");
    return placeType(this.b, p);
  }

  private opTy(o: Operand): MirType {
    if (o.o === "copy") return this.placeTy(o.place);
    const v = o.v;
    const ok =
      (v.c === "int" && o.ty.k === "int") ||
      (v.c === "float" && o.ty.k === "float") ||
      (v.c === "bool" && o.ty.k === "bool") ||
      (v.c === "str" && o.ty.k === "string") ||
      (v.c === "sym" && o.ty.k === "ptr") ||
      v.c === "zero";
    if (!ok) this.err(`constant ${v.c} of type ${typeStr(o.ty)}`);
    return o.ty;
  }

  private intOperand(o: Operand, what: string): void {
    const t = this.opTy(o);
    if (t.k !== "int") this.err(`${what} operand has type ${typeStr(t)}`);
  }

  private expect(got: MirType, want: MirType, what: string): void {
    if (!sameType(got, want)) this.err(`${what}: ${typeStr(got)} where ${typeStr(want)} expected`);
  }

  private assign(p: Place, rv: Rvalue): void {
    const pt = this.placeTy(p);
    this.rvalue(rv);
    const rt = rvalueType(this.b, rv);
    this.expect(rt, pt, `assignment to ${printPlace(p)}`);
  }

  private rvalue(rv: Rvalue): void {
    switch (rv.r) {
      case "use":
        this.opTy(rv.op);
        return;
      case "bin": {
        const a = this.opTy(rv.a);
        const b = this.opTy(rv.b);
        if (rv.op === "<<" || rv.op === ">>") {
          if (a.k !== "int" || b.k !== "int") this.err(`shift of ${typeStr(a)} by ${typeStr(b)}`);
        } else {
          this.expect(b, a, `operands of ${rv.op}`);
        }
        return;
      }
      case "un":
        this.opTy(rv.a);
        return;
      case "conv":
      case "bitcast":
        this.opTy(rv.a);
        return;
      case "ref":
        this.placeTy(rv.place);
        return;
      case "agg": {
        const parts = rv.ty.k === "array" ? Array(rv.ty.len).fill(rv.ty.elem) : partTypes(rv.ty);
        if (!parts) return this.err(`aggregate of ${typeStr(rv.ty)}`);
        if (parts.length !== rv.ops.length) return this.err(`aggregate arity ${rv.ops.length}`);
        rv.ops.forEach((o, i) => this.expect(this.opTy(o), parts[i], `aggregate part ${i}`));
        return;
      }
      case "offset":
        this.expect(this.opTy(rv.ptr), { k: "ptr" }, "offset base");
        this.intOperand(rv.idx, "offset");
        return;
    }
  }

  private term(t: Terminator): void {
    switch (t.t) {
      case "goto":
        return this.block(t.target);
      case "switch": {
        const ty = this.opTy(t.op);
        if (ty.k !== "int" && ty.k !== "bool") this.err(`switch on ${typeStr(ty)}`);
        for (const [, b] of t.cases) this.block(b);
        return this.block(t.otherwise);
      }
      case "call":
        return this.call(t);
      case "assert":
        this.expect(this.opTy(t.cond), { k: "bool" }, "assert condition");
        for (const a of t.args) this.opTy(a);
        this.block(t.target);
        if (t.unwind !== null) this.block(t.unwind);
        return;
      case "return":
      case "unreachable":
        return;
    }
  }

  private call(t: Extract<Terminator, { t: "call" }>): void {
    const c = t.callee;
    if (c.c === "closure") this.expect(this.opTy(c.fv), { k: "ptr" }, "closure operand");
    if (c.c === "ptr") {
      this.expect(this.opTy(c.fn), { k: "ptr" }, "code pointer");
      this.expect(this.opTy(c.ctx), { k: "ptr" }, "context");
    }
    for (const a of t.args) this.opTy(a);
    if (t.dest) this.expect(this.placeTy(t.dest), t.retTy, "call destination");
    if (t.target !== null) this.block(t.target);
    if (t.unwind !== null) this.block(t.unwind);
  }
}
