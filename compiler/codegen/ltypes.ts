// LLVM types and constants for MIR types (ABI.md §1). A bool is `i1` as a scalar value and
// `i8` in memory and inside aggregates, like clang's `_Bool`, so stored bytes are always 0 or 1.

import { InternalError } from "../diag.js";
import { trailingPad, type MirType } from "../mir/types.js";

/** DATALAYOUT and TRIPLE fix the target: x86-64 Linux, as rustc and clang-22 spell it. */
export const DATALAYOUT =
  "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128";
export const TRIPLE = "x86_64-unknown-linux-gnu";

/** ltype is the LLVM type of a scalar value or of a whole aggregate value. */
export function ltype(t: MirType): string {
  return t.k === "bool" ? "i1" : mtype(t);
}

/** mtype is the LLVM type of a value in memory (bools are i8). */
export function mtype(t: MirType): string {
  switch (t.k) {
    case "void":
      return "void";
    case "bool":
      return "i8";
    case "int":
      return `i${t.bits}`;
    case "float":
      return t.bits === 32 ? "float" : "double";
    case "complex":
      return t.bits === 64 ? "{ float, float }" : "{ double, double }";
    case "ptr":
      return "ptr";
    case "string":
      return "{ ptr, i64 }";
    case "slice":
      return "{ ptr, i64, i64 }";
    case "iface":
      return "{ ptr, ptr }";
    case "struct":
      if (!t.fields.length) return "{}";
      // gc's padding byte after a zero-size last field (trailingPad) is an extra i8.
      return `{ ${[...t.fields.map(mtype), ...(trailingPad(t.fields) ? ["i8"] : [])].join(", ")} }`;
    case "array":
      return `[${t.len} x ${mtype(t.elem)}]`;
  }
}

/** isAggregate reports types whose LLVM values are first-class aggregates. */
export function isAggregate(t: MirType): boolean {
  return !["void", "bool", "int", "float", "ptr"].includes(t.k);
}

/** zeroConst is the LLVM zero constant of a type (as a value: i1 false for bools). */
export function zeroConst(t: MirType): string {
  switch (t.k) {
    case "bool":
      return "false";
    case "int":
      return "0";
    case "float":
      return "0.0";
    case "ptr":
      return "null";
    case "void":
      throw new InternalError("zero of void");
    default:
      return "zeroinitializer";
  }
}

/** intConst renders an integer constant of the given width (two's complement, in range). */
export function intConst(v: bigint, bits: number): string {
  return BigInt.asIntN(bits, v).toString();
}

/** floatConst renders a float constant exactly, in LLVM's hexadecimal double form. */
export function floatConst(v: number, bits: 32 | 64): string {
  const x = bits === 32 ? Math.fround(v) : v;
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  return "0x" + dv.getBigUint64(0).toString(16).toUpperCase().padStart(16, "0");
}

/** quoteSym quotes a symbol name for LLVM IR (Go names contain `.`, `/`, `*`, `(`, ...). */
export function quoteSym(s: string): string {
  let out = "";
  for (const ch of new TextEncoder().encode(s)) {
    if (ch === 0x22 || ch === 0x5c || ch < 0x20 || ch >= 0x7f) {
      out += "\\" + ch.toString(16).toUpperCase().padStart(2, "0");
    } else out += String.fromCharCode(ch);
  }
  return `@"${out}"`;
}

/** bytesConst renders bytes as an LLVM `c"..."` string literal. */
export function bytesConst(b: Uint8Array): string {
  let out = 'c"';
  for (const ch of b) {
    if (ch === 0x22 || ch === 0x5c || ch < 0x20 || ch >= 0x7f) {
      out += "\\" + ch.toString(16).toUpperCase().padStart(2, "0");
    } else out += String.fromCharCode(ch);
  }
  return out + '"';
}
