// Index and slice expressions (Go spec "Index expressions", "Slice expressions"), including
// the instantiation forms `G[T]` of generic types and functions.

import type * as ast from "../syntax/ast.js";
import type { Checker } from "./checker.js";
import * as cv from "./constops.js";
import { Operand, describe, isInvalid, modeOf } from "./operand.js";
import {
  coreString,
  coreType,
  isInteger,
  isString,
  isTypeParam,
  isUntyped,
  isValid,
  under,
  unalias,
  identical,
} from "./predicates.js";
import {
  ArrayT,
  Basic,
  MapT,
  Pointer,
  Signature,
  Slice,
  Typ,
  TypeParam,
  type Type,
} from "./type.js";
import { typeSetOf } from "./typeset.js";
import { typeString } from "./typestring.js";
import { exprString } from "./exprstring.js";
import { convertUntyped, expr, exprOrType } from "./expr.js";
import { assignment } from "./assign.js";
import { funcInst } from "./call.js";
import { typExpr } from "./typexpr.js";

/** indexExpr checks x[i] (or an instantiation x[T, ...]). */
export function indexExpr(
  c: Checker,
  x: Operand,
  e: ast.IndexExpr | ast.IndexListExpr,
  allowGeneric: boolean,
): void {
  exprOrType(c, x, e.x, true);
  if (isInvalid(x)) {
    for (const i of e.kind === "IndexExpr" ? [e.index] : e.indices)
      exprOrType(c, new Operand(), i, true);
    return;
  }
  if (x.mode === "typexpr") {
    x.type = typExpr(c, e);
    x.mode = isValid(x.type) ? "typexpr" : "invalid";
    x.expr = e;
    return;
  }
  if (x.type instanceof Signature && x.type.typeParams.length > 0) {
    funcInst(c, x, e);
    void allowGeneric;
    return;
  }
  if (e.kind === "IndexListExpr") {
    c.error(e, `invalid operation: more than one index`);
    x.invalidate();
    return;
  }
  const idx = e.index;
  let valid = false;
  let length = -1;
  const t = unalias(x.type);
  const u = t instanceof TypeParam ? null : under(x.type);
  const mode = x.mode;
  if (u instanceof Basic && isString(u)) {
    valid = true;
    if (x.mode === "constant" && x.val?.kind === "string") length = x.val.value.length;
    x.mode = "value";
    x.type = Typ.uint8;
  } else if (u instanceof ArrayT) {
    valid = true;
    length = u.len;
    if (x.mode !== "variable") x.mode = "value";
    x.type = u.elem;
  } else if (u instanceof Pointer && under(u.elem) instanceof ArrayT) {
    const a = under(u.elem) as ArrayT;
    valid = true;
    length = a.len;
    x.mode = "variable";
    x.type = a.elem;
  } else if (u instanceof Slice) {
    valid = true;
    x.mode = "variable";
    x.type = u.elem;
  } else if (u instanceof MapT) {
    const k = new Operand();
    expr(c, k, idx);
    assignment(c, k, u.key, "map index");
    x.mode = "mapindex";
    x.type = u.elem;
    x.expr = e;
    return;
  } else if (t instanceof TypeParam) {
    const r = typeParamIndex(c, x, t, idx);
    if (r === "map") {
      x.expr = e;
      return;
    }
    valid = r !== null;
    if (r !== null) length = r;
  }
  if (!valid) {
    c.error(e, `invalid operation: cannot index ${describe(x, c.qual)}`);
    expr(c, new Operand(), idx);
    x.invalidate();
    return;
  }
  const iv = index(c, idx, length);
  // Indexing a constant string with a constant index gives a constant byte? No: a value.
  if (mode === "constant" && iv !== null && length >= 0 && x.type === Typ.uint8) {
    // gc folds these, but the spec says the result is not a constant.
  }
  x.val = null;
  x.expr = e;
}

/** typeParamIndex handles indexing a value whose type is a type parameter. */
function typeParamIndex(
  c: Checker,
  x: Operand,
  tp: TypeParam,
  idx: ast.Expr,
): number | null | "map" {
  const ts = typeSetOf(tp);
  if (!ts.terms || ts.terms.length === 0) return null;
  let elem: Type | null = null;
  let length = -1;
  let key: Type | null = null;
  let isMap = false;
  let allVariable = true;
  for (const term of ts.terms) {
    const u = under(term.type);
    let e: Type;
    if (u instanceof Basic && isString(u)) {
      e = Typ.uint8;
      allVariable = false;
    } else if (u instanceof ArrayT) {
      e = u.elem;
      length = length < 0 ? u.len : Math.min(length, u.len);
      if (x.mode !== "variable") allVariable = false;
    } else if (u instanceof Pointer && under(u.elem) instanceof ArrayT) {
      const a = under(u.elem) as ArrayT;
      e = a.elem;
      length = length < 0 ? a.len : Math.min(length, a.len);
    } else if (u instanceof Slice) {
      e = u.elem;
    } else if (u instanceof MapT) {
      e = u.elem;
      if (key && !identical(key, u.key)) return null;
      key = u.key;
      isMap = true;
    } else return null;
    if (elem && !identical(elem, e)) return null;
    elem = e;
  }
  if (isMap) {
    if (ts.terms.some((t) => !(under(t.type) instanceof MapT))) return null;
    const k = new Operand();
    expr(c, k, idx);
    assignment(c, k, key!, "map index");
    x.mode = "mapindex";
    x.type = elem!;
    return "map";
  }
  x.mode = allVariable ? "variable" : "value";
  x.type = elem!;
  return length;
}

/**
 * index checks an index expression against an optional constant bound (max < 0: none) and
 * returns its constant value, or null.
 */
export function index(c: Checker, e: ast.Expr, max: number, what = "index"): bigint | null {
  const x = new Operand();
  expr(c, x, e);
  if (isInvalid(x)) return null;
  if (isUntyped(x.type) && x.mode === "constant") {
    const v = cv.toInt(x.val!);
    if (v.kind !== "int") {
      c.error(e, `invalid argument: ${what} ${describe(x, c.qual)} must be integer`);
      return null;
    }
    convertUntyped(c, x, Typ.int);
    if (isInvalid(x)) return null;
  } else if (isUntyped(x.type)) {
    convertUntyped(c, x, Typ.int);
    if (isInvalid(x)) return null;
  }
  if (!isInteger(x.type)) {
    c.error(e, `invalid argument: ${what} ${describe(x, c.qual)} must be integer`);
    return null;
  }
  if (x.mode === "constant" && x.val!.kind === "int") {
    const v = x.val!.value;
    if (v < 0n) {
      c.error(e, `invalid argument: ${what} ${describe(x, c.qual)} must not be negative`);
      return null;
    }
    if (v > (1n << 63n) - 1n) {
      c.error(e, `invalid argument: ${what} ${describe(x, c.qual)} overflows int`);
      return null;
    }
    if (max >= 0 && v >= BigInt(max)) {
      c.error(e, `invalid argument: ${what} ${exprString(e)} out of bounds [0:${max}]`);
      return null;
    }
    return v;
  }
  return null;
}

/** sliceExpr checks x[lo:hi] and x[lo:hi:max]. */
export function sliceExpr(c: Checker, x: Operand, e: ast.SliceExpr): void {
  expr(c, x, e.x);
  if (isInvalid(x)) {
    for (const i of [e.low, e.high, e.max]) if (i) expr(c, new Operand(), i);
    return;
  }
  let valid = false;
  let length = -1;
  const ct = coreString(x.type);
  if (ct === null) {
    c.error(
      e,
      `cannot slice ${describe(x, c.qual)}: ${typeString(x.type, c.qual)} has no core type`,
    );
    x.invalidate();
    return;
  }
  if (ct instanceof Basic && isString(ct)) {
    if (e.slice3) {
      c.error(e, `invalid operation: 3-index slice of string`);
      x.invalidate();
      return;
    }
    valid = true;
    if (x.mode === "constant" && x.val?.kind === "string") length = x.val.value.length;
    if (isUntyped(x.type)) x.type = Typ.string;
    x.mode = "value";
  } else if (ct instanceof ArrayT) {
    valid = true;
    length = ct.len;
    if (x.mode !== "variable") {
      c.error(e, `cannot slice unaddressable value ${describe(x, c.qual)}`);
      x.invalidate();
      return;
    }
    x.type = new Slice(ct.elem);
    x.mode = "value";
  } else if (ct instanceof Pointer && under(ct.elem) instanceof ArrayT) {
    const a = under(ct.elem) as ArrayT;
    valid = true;
    length = a.len;
    x.type = new Slice(a.elem);
    x.mode = "value";
  } else if (ct instanceof Slice) {
    valid = true;
    x.mode = "value";
  }
  if (!valid) {
    c.error(e, `cannot slice ${describe(x, c.qual)}`);
    x.invalidate();
    return;
  }
  if (e.slice3 && (e.high === null || e.max === null)) {
    c.error(e, "middle index required in 3-index slice");
    x.invalidate();
    return;
  }
  const bound = length >= 0 ? length + 1 : -1;
  const vals: (bigint | null)[] = [];
  for (const i of [e.low, e.high, e.max]) vals.push(i ? index(c, i, bound) : null);
  // Constant indices must be in order.
  let prev: bigint | null = null;
  const parts = [e.low, e.high, e.max];
  for (let i = 0; i < 3; i++) {
    const v = vals[i];
    if (v === null) continue;
    if (prev !== null && v < prev) {
      c.error(parts[i]!, `invalid slice indices: ${v} < ${prev}`);
      break;
    }
    prev = v;
  }
  x.val = null;
  x.expr = e;
  void isTypeParam;
  void coreType;
}
