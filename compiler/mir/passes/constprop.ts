// Constant propagation and folding: a local assigned exactly once, from a constant, and
// never addressed is replaced by that constant everywhere; operators on constant operands are
// folded with Go's semantics; switches and asserts on constants become gotos.

import type { Body, ConstVal, Operand, Place, Rvalue, Terminator } from "../mir.js";
import { rvalueType } from "../typeof.js";
import type { MirType } from "../types.js";

/** constProp runs propagation and folding to a fixed point; it reports whether it changed body. */
export function constProp(body: Body): boolean {
  let changed = false;
  for (let round = 0; round < 8; round++) {
    const consts = singleConstLocals(body);
    if (consts.size === 0 && round > 0) break;
    let any = false;
    const sub = (o: Operand): Operand => {
      if (o.o === "copy" && o.place.proj.length === 0) {
        const c = consts.get(o.place.local);
        if (c) {
          any = true;
          return c;
        }
      }
      return o.o === "copy" ? { o: "copy", place: subPlace(o.place, sub) } : o;
    };
    for (const blk of body.blocks) {
      for (const s of blk.stmts) {
        s.place = subPlace(s.place, sub);
        const subbed = subRvalue(s.rv, sub);
        const rv = fold(body, subbed);
        // A fold makes a new constant local: go round again to propagate it.
        if (rv !== subbed) any = true;
        s.rv = rv;
      }
      blk.term = foldTerm(subTerm(blk.term, sub));
    }
    if (!any) break;
    changed = true;
  }
  return changed;
}

/** singleConstLocals finds unaddressed non-parameter locals whose only write is a constant. */
function singleConstLocals(body: Body): Map<number, Operand> {
  const writes = new Map<number, number>();
  const addressed = new Set<number>();
  const value = new Map<number, Operand>();
  const note = (p: Place) => writes.set(p.local, (writes.get(p.local) ?? 0) + 1);
  for (const blk of body.blocks) {
    for (const s of blk.stmts) {
      note(s.place);
      if (s.place.proj.length === 0 && s.rv.r === "use" && s.rv.op.o === "const") {
        value.set(s.place.local, s.rv.op);
      }
      if (s.rv.r === "ref") addressed.add(s.rv.place.local);
    }
    const t = blk.term;
    if (t.t === "call" && t.dest) note(t.dest);
  }
  const out = new Map<number, Operand>();
  for (const [l, v] of value) {
    if (l <= body.nparams || l === body.ctx || addressed.has(l) || writes.get(l) !== 1) continue;
    if (v.o === "const" && v.v.c === "str") continue;
    out.set(l, v);
  }
  return out;
}

function subPlace(p: Place, sub: (o: Operand) => Operand): Place {
  if (!p.proj.some((x) => x.p === "index")) return p;
  return {
    local: p.local,
    proj: p.proj.map((x) => (x.p === "index" ? { p: "index", idx: sub(x.idx) } : x)),
  };
}

function subRvalue(rv: Rvalue, sub: (o: Operand) => Operand): Rvalue {
  switch (rv.r) {
    case "use":
      return { r: "use", op: sub(rv.op) };
    case "bin":
      return { ...rv, a: sub(rv.a), b: sub(rv.b) };
    case "un":
    case "conv":
    case "bitcast":
      return { ...rv, a: sub(rv.a) };
    case "ref":
      return { r: "ref", place: subPlace(rv.place, sub) };
    case "agg":
      return { ...rv, ops: rv.ops.map(sub) };
    case "offset":
      return { ...rv, ptr: sub(rv.ptr), idx: sub(rv.idx) };
  }
}

function subTerm(t: Terminator, sub: (o: Operand) => Operand): Terminator {
  switch (t.t) {
    case "switch":
      return { ...t, op: sub(t.op) };
    case "call": {
      const c = t.callee;
      const callee =
        c.c === "closure"
          ? { ...c, fv: sub(c.fv) }
          : c.c === "ptr"
            ? { ...c, fn: sub(c.fn), ctx: sub(c.ctx) }
            : c;
      return { ...t, callee, args: t.args.map(sub), dest: t.dest ? subPlace(t.dest, sub) : null };
    }
    case "assert":
      return { ...t, cond: sub(t.cond), args: t.args.map(sub) };
    default:
      return t;
  }
}

function intOf(o: Operand): bigint | null {
  return o.o === "const" && o.v.c === "int" ? o.v.v : null;
}

/** wrap reduces v to the range of an integer type (two's complement). */
function wrap(v: bigint, ty: MirType): bigint {
  if (ty.k !== "int") return v;
  return ty.signed ? BigInt.asIntN(ty.bits, v) : BigInt.asUintN(ty.bits, v);
}

function constOf(ty: MirType, v: ConstVal): Rvalue {
  return { r: "use", op: { o: "const", ty, v } };
}

/** fold evaluates integer and boolean operators on constants. */
function fold(body: Body, rv: Rvalue): Rvalue {
  if (rv.r === "bin" && (rv.op === "==" || rv.op === "!=")) {
    // A symbol's address (a global, a function, an itab) is never nil.
    const sym = (o: Operand) => o.o === "const" && o.v.c === "sym";
    const nil = (o: Operand) => o.o === "const" && o.v.c === "zero";
    if ((sym(rv.a) && nil(rv.b)) || (nil(rv.a) && sym(rv.b))) {
      return constOf({ k: "bool" }, { c: "bool", v: rv.op === "!=" });
    }
  }
  if (rv.r === "bin") {
    const a = intOf(rv.a);
    const b = intOf(rv.b);
    if (a === null || b === null) return rv;
    const ty = rvalueType(body, { r: "use", op: rv.a });
    if (ty.k !== "int") return rv;
    const cmp = (x: boolean) => constOf({ k: "bool" }, { c: "bool", v: x });
    switch (rv.op) {
      case "+":
        return constOf(ty, { c: "int", v: wrap(a + b, ty) });
      case "-":
        return constOf(ty, { c: "int", v: wrap(a - b, ty) });
      case "*":
        return constOf(ty, { c: "int", v: wrap(a * b, ty) });
      case "&":
        return constOf(ty, { c: "int", v: wrap(a & b, ty) });
      case "|":
        return constOf(ty, { c: "int", v: wrap(a | b, ty) });
      case "^":
        return constOf(ty, { c: "int", v: wrap(a ^ b, ty) });
      case "/":
        return b === 0n ? rv : constOf(ty, { c: "int", v: wrap(a / b, ty) });
      case "%":
        return b === 0n ? rv : constOf(ty, { c: "int", v: wrap(a % b, ty) });
      case "==":
        return cmp(a === b);
      case "!=":
        return cmp(a !== b);
      case "<":
        return cmp(a < b);
      case "<=":
        return cmp(a <= b);
      case ">":
        return cmp(a > b);
      case ">=":
        return cmp(a >= b);
      default:
        return rv;
    }
  }
  if (rv.r === "un" && rv.op === "not" && rv.a.o === "const" && rv.a.v.c === "bool") {
    return constOf({ k: "bool" }, { c: "bool", v: !rv.a.v.v });
  }
  if (rv.r === "conv" && rv.ty.k === "int") {
    const a = intOf(rv.a);
    if (a !== null) return constOf(rv.ty, { c: "int", v: wrap(a, rv.ty) });
  }
  return rv;
}

/** foldTerm turns branches on constants into gotos. */
function foldTerm(t: Terminator): Terminator {
  if (t.t === "switch" && t.op.o === "const") {
    const v = t.op.v;
    const n = v.c === "bool" ? (v.v ? 1n : 0n) : v.c === "int" ? v.v : null;
    if (n === null) return t;
    const hit = t.cases.find(([c]) => c === n);
    return { t: "goto", target: hit ? hit[1] : t.otherwise, line: t.line };
  }
  if (
    t.t === "assert" &&
    t.cond.o === "const" &&
    t.cond.v.c === "bool" &&
    t.cond.v.v === t.expected
  ) {
    return { t: "goto", target: t.target, line: t.line };
  }
  return t;
}
