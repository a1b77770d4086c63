// Binary operators with Go's semantics (Go spec "Arithmetic operators", "Comparison
// operators"): wrapping integer arithmetic, truncated division where MinInt / -1 wraps,
// shifts by counts ≥ the width giving 0 (or the sign), IEEE floats, byte-wise string order.

import { InternalError } from "../diag.js";
import type { BinOp, Operand } from "../mir/mir.js";
import { partTypes, typeStr, type MirType } from "../mir/types.js";
import type { FnEmitter } from "./func.js";
import { ltype } from "./ltypes.js";

const ICMP_SIGNED: Record<string, string> = {
  "==": "eq",
  "!=": "ne",
  "<": "slt",
  "<=": "sle",
  ">": "sgt",
  ">=": "sge",
};
const ICMP_UNSIGNED: Record<string, string> = {
  "==": "eq",
  "!=": "ne",
  "<": "ult",
  "<=": "ule",
  ">": "ugt",
  ">=": "uge",
};
const FCMP: Record<string, string> = {
  "==": "oeq",
  "!=": "une",
  "<": "olt",
  "<=": "ole",
  ">": "ogt",
  ">=": "oge",
};
const SIMPLE_INT: Record<string, string> = {
  "+": "add",
  "-": "sub",
  "*": "mul",
  "&": "and",
  "|": "or",
  "^": "xor",
};
const SIMPLE_FLOAT: Record<string, string> = { "+": "fadd", "-": "fsub", "*": "fmul", "/": "fdiv" };

/** emitBinary emits `a op b` and returns the result value. */
export function emitBinary(fe: FnEmitter, op: BinOp, a: Operand, b: Operand): string {
  const ty = fe.opType(a);
  if (op === "<<" || op === ">>") return shift(fe, op, a, b);
  const x = fe.operand(a);
  const y = fe.operand(b);
  switch (ty.k) {
    case "int":
      return intOp(fe, op, ty, x, y);
    case "bool":
    case "ptr":
      return simpleCompare(fe, op, ty, x, y);
    case "float":
      return floatOp(fe, op, ty, x, y);
    case "string":
      return stringCompare(fe, op, x, y);
    case "complex":
      return complexOp(fe, op, ty, x, y);
    default:
      throw new InternalError(`binary ${op} on ${typeStr(ty)}`);
  }
}

function inst(fe: FnEmitter, text: string): string {
  const t = fe.tmp();
  fe.emit(`${t} = ${text}`);
  return t;
}

function intOp(fe: FnEmitter, op: BinOp, ty: MirType & { k: "int" }, x: string, y: string): string {
  const lt = ltype(ty);
  if (op in SIMPLE_INT) return inst(fe, `${SIMPLE_INT[op]} ${lt} ${x}, ${y}`);
  if (op === "&^") {
    const ny = inst(fe, `xor ${lt} ${y}, -1`);
    return inst(fe, `and ${lt} ${x}, ${ny}`);
  }
  if (op === "/" || op === "%") {
    if (!ty.signed) return inst(fe, `${op === "/" ? "udiv" : "urem"} ${lt} ${x}, ${y}`);
    // MinInt / -1 overflows in LLVM but wraps in Go (to MinInt, remainder 0): divide by 1
    // instead and fix the result up.
    const m1 = inst(fe, `icmp eq ${lt} ${y}, -1`);
    const safe = inst(fe, `select i1 ${m1}, ${lt} 1, ${lt} ${y}`);
    if (op === "/") {
      const q = inst(fe, `sdiv ${lt} ${x}, ${safe}`);
      const neg = inst(fe, `sub ${lt} 0, ${x}`);
      return inst(fe, `select i1 ${m1}, ${lt} ${neg}, ${lt} ${q}`);
    }
    const r = inst(fe, `srem ${lt} ${x}, ${safe}`);
    return inst(fe, `select i1 ${m1}, ${lt} 0, ${lt} ${r}`);
  }
  const cmp = (ty.signed ? ICMP_SIGNED : ICMP_UNSIGNED)[op];
  if (!cmp) throw new InternalError(`integer operator ${op}`);
  return inst(fe, `icmp ${cmp} ${lt} ${x}, ${y}`);
}

function simpleCompare(fe: FnEmitter, op: BinOp, ty: MirType, x: string, y: string): string {
  const lt = ltype(ty);
  if (ty.k === "bool" && (op === "&" || op === "|" || op === "^")) {
    return inst(fe, `${SIMPLE_INT[op]} i1 ${x}, ${y}`);
  }
  if (op !== "==" && op !== "!=") throw new InternalError(`${op} on ${typeStr(ty)}`);
  return inst(fe, `icmp ${ICMP_UNSIGNED[op]} ${lt} ${x}, ${y}`);
}

function floatOp(fe: FnEmitter, op: BinOp, ty: MirType, x: string, y: string): string {
  const lt = ltype(ty);
  if (op in SIMPLE_FLOAT) return inst(fe, `${SIMPLE_FLOAT[op]} ${lt} ${x}, ${y}`);
  const cmp = FCMP[op];
  if (!cmp) throw new InternalError(`float operator ${op}`);
  return inst(fe, `fcmp ${cmp} ${lt} ${x}, ${y}`);
}

/** shift implements << and >> for any unsigned or checked-non-negative count type. */
function shift(fe: FnEmitter, op: BinOp, a: Operand, b: Operand): string {
  const ty = fe.opType(a);
  const cty = fe.opType(b);
  if (ty.k !== "int" || cty.k !== "int") throw new InternalError("shift of non-integers");
  const lt = ltype(ty);
  const x = fe.operand(a);
  const c = fe.operand(b);

  // Compare the count against the width in the count's own type, so a huge count is not
  // truncated into a small one. Counts are non-negative here (the builder checks signed ones).
  const big = inst(fe, `icmp uge ${ltype(cty)} ${c}, ${ty.bits}`);
  const cnt = fe.widen(c, { ...cty, signed: false }, ty.bits);
  const masked = inst(fe, `and ${lt} ${cnt}, ${ty.bits - 1}`);
  if (op === "<<") {
    const s = inst(fe, `shl ${lt} ${x}, ${masked}`);
    return inst(fe, `select i1 ${big}, ${lt} 0, ${lt} ${s}`);
  }
  if (ty.signed) {
    const amt = inst(fe, `select i1 ${big}, ${lt} ${ty.bits - 1}, ${lt} ${masked}`);
    return inst(fe, `ashr ${lt} ${x}, ${amt}`);
  }
  const s = inst(fe, `lshr ${lt} ${x}, ${masked}`);
  return inst(fe, `select i1 ${big}, ${lt} 0, ${lt} ${s}`);
}

/** stringCompare compares two strings byte-wise with memcmp on the common prefix. */
function stringCompare(fe: FnEmitter, op: BinOp, x: string, y: string): string {
  const s = { k: "string" } as MirType;
  const px = fe.extract(x, s, 0);
  const lx = fe.extract(x, s, 1);
  const py = fe.extract(y, s, 0);
  const ly = fe.extract(y, s, 1);
  if (op === "==" || op === "!=") {
    const same = inst(fe, `icmp eq i64 ${lx}, ${ly}`);
    const n = inst(fe, `select i1 ${same}, i64 ${lx}, i64 0`);
    const c = inst(fe, `call i32 @memcmp(ptr ${px}, ptr ${py}, i64 ${n})`);
    const z = inst(fe, `icmp eq i32 ${c}, 0`);
    const eq = inst(fe, `and i1 ${same}, ${z}`);
    return op === "==" ? eq : inst(fe, `xor i1 ${eq}, true`);
  }
  const n = inst(fe, `call i64 @llvm.umin.i64(i64 ${lx}, i64 ${ly})`);
  const c = inst(fe, `call i32 @memcmp(ptr ${px}, ptr ${py}, i64 ${n})`);
  const lc = inst(fe, `call i32 @llvm.ucmp.i32.i64(i64 ${lx}, i64 ${ly})`);
  const nz = inst(fe, `icmp ne i32 ${c}, 0`);
  const r = inst(fe, `select i1 ${nz}, i32 ${c}, i32 ${lc}`);
  return inst(fe, `icmp ${ICMP_SIGNED[op]} i32 ${r}, 0`);
}

function complexOp(fe: FnEmitter, op: BinOp, ty: MirType, x: string, y: string): string {
  const ft = ltype(partTypes(ty)![0]);
  const [a, b] = [fe.extract(x, ty, 0), fe.extract(x, ty, 1)];
  const [c, d] = [fe.extract(y, ty, 0), fe.extract(y, ty, 1)];
  const f = (o: string, p: string, q: string) => inst(fe, `${o} ${ft} ${p}, ${q}`);
  switch (op) {
    case "+":
      return fe.build(ty, [f("fadd", a, c), f("fadd", b, d)]);
    case "-":
      return fe.build(ty, [f("fsub", a, c), f("fsub", b, d)]);
    case "*":
      return fe.build(ty, [
        f("fsub", f("fmul", a, c), f("fmul", b, d)),
        f("fadd", f("fmul", a, d), f("fmul", b, c)),
      ]);
    case "/": {
      // TODO(codegen): gc's complex division handles infinities and NaNs specially.
      const den = f("fadd", f("fmul", c, c), f("fmul", d, d));
      const re = f("fadd", f("fmul", a, c), f("fmul", b, d));
      const im = f("fsub", f("fmul", b, c), f("fmul", a, d));
      return fe.build(ty, [f("fdiv", re, den), f("fdiv", im, den)]);
    }
    case "==":
    case "!=": {
      const r = inst(fe, `fcmp oeq ${ft} ${a}, ${c}`);
      const i = inst(fe, `fcmp oeq ${ft} ${b}, ${d}`);
      const eq = inst(fe, `and i1 ${r}, ${i}`);
      return op === "==" ? eq : inst(fe, `xor i1 ${eq}, true`);
    }
    default:
      throw new InternalError(`complex operator ${op}`);
  }
}
