// From the checker's Go types to MIR types (ABI.md §1), plus the small Go-type questions the
// lowering asks: underlying types, basic kinds, result tuples, constant conversion.

import { InternalError } from "../../diag.js";
import type { ConstValue } from "../../types/constant.js";
import type { BasicKind, Signature, Type } from "../../types/type.js";
import type { ConstVal, Operand, Rvalue } from "../mir.js";
import * as T from "../types.js";
import type { MirType } from "../types.js";

/** under returns the underlying type, looking through aliases and named types. */
export function under(t: Type): Type {
  for (let i = 0; i < 100; i++) {
    if (t.tag === "Alias") t = t.rhs;
    else if (t.tag === "Named") t = t.underlying;
    else return t;
  }
  throw new InternalError("underlying type cycle");
}

/** unalias looks through aliases only. */
export function unalias(t: Type): Type {
  while (t.tag === "Alias") t = t.rhs;
  return t;
}

/** basicKind returns the kind of a basic (underlying) type, or null. */
export function basicKind(t: Type): BasicKind | null {
  const u = under(t);
  return u.tag === "Basic" ? u.kind : null;
}

const INTS: Partial<Record<BasicKind, MirType>> = {
  int: T.I64,
  int8: T.I8,
  int16: T.intType(16, true),
  int32: T.I32,
  int64: T.I64,
  uint: T.U64,
  uint8: T.U8,
  uint16: T.intType(16, false),
  uint32: T.U32,
  uint64: T.U64,
  uintptr: T.U64,
  "untyped int": T.I64,
  "untyped rune": T.I32,
};

/** mirType lowers a Go type. Type parameters must have been substituted already. */
export function mirType(t: Type): MirType {
  const u = under(t);
  switch (u.tag) {
    case "Basic":
      return basicMir(u.kind);
    case "Pointer":
    case "Map":
    case "Chan":
    case "Signature":
      return T.PTR;
    case "Slice":
      return T.SLICE;
    case "Interface":
      return T.IFACE;
    case "Array":
      return T.arrayType(u.len, mirType(u.elem));
    case "Struct":
      return T.structType(u.fields.map((f) => mirType(f.type)));
    case "Tuple":
      return tupleMir(u.vars.map((v) => v.type));
    default:
      throw new InternalError(`no MIR type for ${u.tag}`);
  }
}

function basicMir(k: BasicKind): MirType {
  const i = INTS[k];
  if (i) return i;
  switch (k) {
    case "bool":
    case "untyped bool":
      return T.BOOL;
    case "float32":
      return T.F32;
    case "float64":
    case "untyped float":
      return T.F64;
    case "complex64":
      return { k: "complex", bits: 64 };
    case "complex128":
    case "untyped complex":
      return { k: "complex", bits: 128 };
    case "string":
    case "untyped string":
      return T.STRING;
    case "unsafe.Pointer":
    case "untyped nil":
      return T.PTR;
    default:
      throw new InternalError(`no MIR type for basic ${k}`);
  }
}

/** tupleMir is the MIR type of a result list: void, the one type, or a struct of them. */
export function tupleMir(ts: Type[]): MirType {
  if (ts.length === 0) return T.VOID;
  if (ts.length === 1) return mirType(ts[0]);
  return T.structType(ts.map(mirType));
}

/** resultType is the MIR result type of a signature. */
export function resultType(sig: Signature): MirType {
  return tupleMir(sig.results.vars.map((v) => v.type));
}

/** paramTypes are the MIR parameter types of a signature (receiver first for methods). */
export function paramTypes(sig: Signature, withRecv: boolean): MirType[] {
  const ps = sig.params.vars.map((v) => mirType(v.type));
  if (withRecv && sig.recv) ps.unshift(mirType(sig.recv.type));
  return ps;
}

/** isUnsigned reports an unsigned integer Go type. */
export function isUnsigned(t: Type): boolean {
  const k = basicKind(t);
  return k !== null && (k.startsWith("uint") || k === "uintptr");
}

/** bytesOf turns a checker string constant (one JS char per byte) into bytes. */
export function bytesOf(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
}

/** ratToNumber converts an exact rational to the nearest double (round half to even). */
export function ratToNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const neg = num < 0n;
  if (neg) num = -num;
  // Scale so the quotient has 66 significant bits (up for small values, down for huge ones);
  // fold the remainder into a sticky bit so the single rounding in Number() is the correct
  // one, then scale back by a power of two (exact, or overflowing to infinity as it should).
  const shift = 66 - (bitLen(num) - bitLen(den));
  const n = shift >= 0 ? num << BigInt(shift) : num;
  const d = shift >= 0 ? den : den << BigInt(-shift);
  let q = n / d;
  const exact = q * d === n;
  q = (q << 1n) | (exact ? 0n : 1n);
  let x = Number(q);
  let s = shift + 1;
  while (s > 0) {
    const step = Math.min(s, 1000);
    x /= 2 ** step;
    s -= step;
  }
  while (s < 0) {
    const step = Math.min(-s, 1000);
    x *= 2 ** step;
    s += step;
  }
  return neg ? -x : x;
}

function bitLen(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** constVal converts a checker constant to a MIR constant for the MIR type ty. */
export function constVal(v: ConstValue, ty: MirType): ConstVal {
  switch (v.kind) {
    case "bool":
      return { c: "bool", v: v.value };
    case "string":
      return { c: "str", v: bytesOf(v.value) };
    case "int":
      if (ty.k === "float") return { c: "float", v: ratToNumber(v.value, 1n) };
      return { c: "int", v: v.value };
    case "float":
      if (ty.k === "int") return { c: "int", v: v.num / v.den };
      return { c: "float", v: ratToNumber(v.num, v.den) };
    case "complex":
      // An untyped complex constant with no imaginary part used as a number (`x << (1+0i)`).
      if (v.im.num === 0n && ty.k !== "complex") {
        if (ty.k === "int") return { c: "int", v: v.re.num / v.re.den };
        return { c: "float", v: ratToNumber(v.re.num, v.re.den) };
      }
      throw new InternalError("complex constant needs constOperand");
    case "unknown":
      throw new InternalError("unknown constant value");
  }
}

/** constRvalue makes an rvalue of MIR type ty from a checker constant (complex values are aggregates). */
export function constRvalue(v: ConstValue, ty: MirType): Rvalue {
  if (ty.k !== "complex") return { r: "use", op: { o: "const", ty, v: constVal(v, ty) } };
  const ft = ty.bits === 64 ? T.F32 : T.F64;
  let re = 0;
  let im = 0;
  if (v.kind === "complex") {
    re = ratToNumber(v.re.num, v.re.den);
    im = ratToNumber(v.im.num, v.im.den);
  } else if (v.kind === "int") re = ratToNumber(v.value, 1n);
  else if (v.kind === "float") re = ratToNumber(v.num, v.den);
  const part = (x: number): Operand => ({ o: "const", ty: ft, v: { c: "float", v: x } });
  return { r: "agg", ty, ops: [part(re), part(im)] };
}
