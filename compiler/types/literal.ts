// Composite literals (Go spec "Composite literals"): struct, array, slice and map literals,
// with elided element types and `[...]` array lengths.

import type * as ast from "../syntax/ast.js";
import type { Checker } from "./checker.js";
import * as cv from "./constops.js";
import { Operand } from "./operand.js";
import { coreType, isValid, under, unalias } from "./predicates.js";
import { ArrayT, MapT, Pointer, Slice, Struct, Typ, type Type } from "./type.js";
import { typeString } from "./typestring.js";
import { exprString } from "./exprstring.js";
import { expr, exprWithHint } from "./expr.js";
import { assignment } from "./assign.js";
import { index } from "./indexing.js";
import { typExpr, varType } from "./typexpr.js";
import { deref } from "./lookup.js";

/** compositeLit checks T{...}; hint is the element type when T is elided. */
export function compositeLit(c: Checker, x: Operand, e: ast.CompositeLit, hint: Type | null): void {
  let typ: Type;
  let base: Type;
  if (
    e.type &&
    e.type.kind === "ArrayType" &&
    e.type.len &&
    e.type.len.kind === "Ellipsis" &&
    e.type.len.elt === null
  ) {
    // [...]T{...}: the length comes from the elements.
    const elem = varType(c, e.type.elt);
    const n = indexedElts(c, e.elts, elem, -1);
    typ = new ArrayT(n, elem);
    c.recordTypeAndValue(e.type, "typexpr", typ, null);
    x.mode = "value";
    x.type = typ;
    x.expr = e;
    return;
  } else if (e.type) {
    typ = typExpr(c, e.type);
    base = typ;
  } else if (hint) {
    typ = hint;
    base = typ;
    // *T implies &T{...}.
    const [b, isPtr] = deref(coreType(base) ?? base);
    if (isPtr) base = b;
  } else {
    c.error(e, "missing type in composite literal");
    useElts(c, e.elts);
    x.invalidate();
    return;
  }
  if (!isValid(typ)) {
    useElts(c, e.elts);
    x.invalidate();
    return;
  }
  const u = coreType(base);
  if (u instanceof Struct) {
    structLit(c, e, u, base);
  } else if (u instanceof ArrayT) {
    const n = indexedElts(c, e.elts, u.elem, u.len);
    void n;
  } else if (u instanceof Slice) {
    indexedElts(c, e.elts, u.elem, -1);
  } else if (u instanceof MapT) {
    mapLit(c, e, u);
  } else {
    if (isValid(u ?? Typ.invalid)) {
      c.error(e, `invalid composite literal type ${typeString(typ, c.qual)}`);
    }
    useElts(c, e.elts);
    x.invalidate();
    return;
  }
  x.mode = "value";
  x.type = typ;
  x.expr = e;
}

function useElts(c: Checker, elts: ast.Expr[]): void {
  for (const el of elts) {
    const v = el.kind === "KeyValueExpr" ? el.value : el;
    if (v.kind === "CompositeLit" && v.type === null) continue;
    const x = new Operand();
    expr(c, x, v);
  }
}

function structLit(c: Checker, e: ast.CompositeLit, s: Struct, base: Type): void {
  const fields = s.fields;
  if (e.elts.length === 0) return;
  const tname = typeString(base, c.qual);
  if (e.elts[0].kind === "KeyValueExpr") {
    const seen = new Set<number>();
    for (const el of e.elts) {
      if (el.kind !== "KeyValueExpr") {
        c.error(el, "mixture of field:value and value elements in struct literal");
        continue;
      }
      const key = el.key;
      if (key.kind !== "Ident") {
        c.error(key, `invalid field name ${exprString(key)} in struct literal`);
        expr(c, new Operand(), el.value);
        continue;
      }
      const i = fields.findIndex((f) => f.name === key.name && (f.exported || f.pkg === c.pkg));
      if (i < 0) {
        const hidden = fields.find((f) => f.name === key.name);
        if (hidden)
          c.error(
            key,
            `cannot refer to unexported field ${key.name} in struct literal of type ${tname}`,
          );
        else c.error(key, `unknown field ${key.name} in struct literal of type ${tname}`);
        expr(c, new Operand(), el.value);
        continue;
      }
      const f = fields[i];
      c.recordUse(key, f);
      const x = new Operand();
      expr(c, x, el.value);
      assignment(c, x, f.type, "struct literal");
      if (seen.has(i)) {
        c.error(key, `duplicate field name ${key.name} in struct literal`);
        continue;
      }
      seen.add(i);
    }
    return;
  }
  let reported = false;
  e.elts.forEach((el, i) => {
    if (el.kind === "KeyValueExpr") {
      c.error(el, "mixture of field:value and value elements in struct literal");
      reported = true;
      expr(c, new Operand(), el.value);
      return;
    }
    const x = new Operand();
    const f = fields[i];
    expr(c, x, el);
    if (!f) {
      if (!reported) c.error(el, `too many values in struct literal of type ${tname}`);
      reported = true;
      return;
    }
    if (!f.exported && f.pkg !== c.pkg) {
      c.error(
        el,
        `implicit assignment to unexported field ${f.name} in struct literal of type ${tname}`,
      );
      return;
    }
    assignment(c, x, f.type, "struct literal");
  });
  if (e.elts.length < fields.length && !reported) {
    c.error(e.rbrace, `too few values in struct literal of type ${tname}`);
  }
}

/** indexedElts checks array or slice elements; it returns the literal's length. */
function indexedElts(c: Checker, elts: ast.Expr[], elem: Type, length: number): number {
  const seen = new Set<bigint>();
  let idx = 0n;
  let max = 0n;
  for (const el of elts) {
    let validIndex = false;
    let v: ast.Expr = el;
    if (el.kind === "KeyValueExpr") {
      const i = index(c, el.key, length, "index");
      if (i !== null) {
        idx = i;
        validIndex = true;
      } else {
        const tv = c.info.types.get(el.key);
        if (!tv || tv.mode !== "constant") {
          if (tv && isValid(tv.type))
            c.error(el.key, `index ${exprString(el.key)} must be integer constant`);
        }
      }
      v = el.value;
    } else if (length >= 0 && idx >= BigInt(length)) {
      c.error(el, `index ${idx} out of bounds [0:${length}]`);
    } else validIndex = true;
    if (validIndex) {
      if (seen.has(idx)) c.error(el, `duplicate index ${idx} in array or slice literal`);
      seen.add(idx);
    }
    idx++;
    if (idx > max) max = idx;
    const x = new Operand();
    exprWithHint(c, x, v, elem);
    assignment(c, x, elem, "array or slice literal");
  }
  return Number(max);
}

function mapLit(c: Checker, e: ast.CompositeLit, m: MapT): void {
  const seen = new Map<string, boolean>();
  for (const el of e.elts) {
    if (el.kind !== "KeyValueExpr") {
      c.error(el, "missing key in map literal");
      const x = new Operand();
      exprWithHint(c, x, el, m.elem);
      continue;
    }
    const k = new Operand();
    exprWithHint(c, k, el.key, m.key);
    assignment(c, k, m.key, "map literal");
    if (k.mode === "constant" && k.val && k.val.kind !== "unknown") {
      const key = `${typeString(k.type)}:${constKey(k.val)}`;
      if (seen.has(key) && !(under(m.key).tag === "Interface" && false)) {
        c.error(el.key, `duplicate key ${exprString(el.key)} in map literal`);
      }
      seen.set(key, true);
    }
    const x = new Operand();
    exprWithHint(c, x, el.value, m.elem);
    assignment(c, x, m.elem, "map literal");
  }
  void unalias;
  void Pointer;
}

function constKey(v: import("./constant.js").ConstValue): string {
  switch (v.kind) {
    case "int":
      return v.value.toString();
    case "float":
      return v.den === 1n ? v.num.toString() : `${v.num}/${v.den}`;
    case "complex":
      return `${v.re.num}/${v.re.den}i${v.im.num}/${v.im.den}`;
    case "string":
      // The whole value: constString shortens long strings for messages.
      return `"${v.value}`;
    default:
      return cv.constString(v);
  }
}
