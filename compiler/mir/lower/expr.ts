// Lowering of expressions (Go spec "Expressions"): values become operands, addressable
// expressions become places. Runtime checks (nil, bounds, division, shifts) are explicit.

import type * as ast from "../../syntax/ast.js";
import { parseLiteral } from "../../types/constops.js";
import type { Type } from "../../types/type.js";
import { constBool, constInt, copy, place, type BinOp, type Operand, type Place } from "../mir.js";
import { BOOL, I32, I64, PTR, STRING, U8, U64, sizeOf, type MirType } from "../types.js";
import { conversionOf, genericName, isByteSlice, lowerCall } from "./call.js";
import { derefPlace, field, type FuncLowerer } from "./func.js";
import { ifaceEqual, typeAssert } from "./iface.js";
import { methodExpr, methodValue } from "./method.js";
import { chanRecv, mapIndex, mapLiteral } from "./mapchan.js";
import { basicKind, constRvalue, isUnsigned, mirType, under } from "./gotypes.js";

/** lowerExpr lowers an expression that has one value. */
export function lowerExpr(fl: FuncLowerer, e: ast.Expr): Operand {
  const tv = fl.info.types.get(e);
  if (tv && tv.value && tv.value.kind !== "unknown") {
    const rv = constRvalue(tv.value, mirType(tv.type));
    return rv.r === "use" ? rv.op : fl.temp(rv);
  }
  switch (e.kind) {
    case "ParenExpr":
      return lowerExpr(fl, e.x);
    case "Ident":
      return ident(fl, e);
    case "BinaryExpr":
      return binary(fl, e);
    case "UnaryExpr":
      return unary(fl, e);
    case "IndexListExpr": {
      const g = genericName(fl, e);
      if (g) return lowerExpr(fl, g);
      return fl.unsupported(e, "this index expression");
    }
    case "StarExpr":
    case "IndexExpr":
      if (e.kind === "IndexExpr" && genericName(fl, e)) return lowerExpr(fl, genericName(fl, e)!);
      if (e.kind === "IndexExpr" && under(fl.typeOf(e.x)).tag === "Map") return mapIndex(fl, e);
      if (e.kind === "IndexExpr" && under(fl.typeOf(e.x)).tag === "Basic")
        return stringIndex(fl, e);
      return copy(lowerPlace(fl, e));
    case "SelectorExpr":
      return selector(fl, e);
    case "CallExpr": {
      const r = lowerCall(fl, e);
      if (!r) return fl.unsupported(e, "use of a call without a value");
      return r;
    }
    case "SliceExpr":
      return sliceExpr(fl, e);
    case "CompositeLit":
      return compositeLit(fl, e, fl.typeOf(e));
    case "FuncLit":
      return fl.lowerFuncLit(e);
    case "BasicLit": {
      // A literal the checker left without a value (an operand of a non-constant shift).
      const v = parseLiteral(e.litKind, e.value);
      if (!v) return fl.unsupported(e, "this literal");
      const rv = constRvalue(v, mirType(fl.typeOf(e)));
      return rv.r === "use" ? rv.op : fl.temp(rv);
    }
    case "TypeAssertExpr":
      return typeAssert(fl, e, false)[0];
    default:
      return fl.unsupported(e, describe(e));
  }
}

function describe(e: ast.Expr): string {
  switch (e.kind) {
    case "TypeAssertExpr":
      return "type assertions";
    default:
      return `${e.kind} expressions`;
  }
}

function ident(fl: FuncLowerer, e: ast.Ident, typed: ast.Expr = e): Operand {
  const o = fl.info.uses.get(e) ?? fl.info.defs.get(e);
  if (!o) return fl.unsupported(e, `identifier ${e.name}`);
  switch (o.tag) {
    case "Var":
      return copy(fl.varPlace(o));
    case "Func": {
      const inst = fl.info.instances.get(e);
      if (inst) {
        const targs = inst.typeArgs.map((t) => fl.sub(t));
        return funcValue(fl, fl.pl.instanceSym(o.origin ?? o, targs, null));
      }
      return funcValue(fl, fl.pl.funcObjSym(o));
    }
    case "Nil":
      return { o: "const", ty: mirType(fl.typeOf(typed)), v: { c: "zero" } };
    case "Const": {
      // A constant the checker left without a value: an operand of a non-constant shift, or
      // one converted to a type parameter (its type is the whole expression's, pkg.Name's for
      // a qualified identifier).
      const rv = constRvalue(o.val, mirType(fl.typeOf(typed)));
      return rv.r === "use" ? rv.op : fl.temp(rv);
    }
    default:
      return fl.unsupported(e, `use of ${o.tag} ${e.name} as a value`);
  }
}

/** funcValue is the func value of a top-level function: its constant closure object. */
export function funcValue(fl: FuncLowerer, sym: string): Operand {
  const obj = fl.pl.closureObject(sym);
  return { o: "const", ty: PTR, v: { c: "sym", sym: obj, fn: false } };
}

function selector(fl: FuncLowerer, e: ast.SelectorExpr): Operand {
  const sel = fl.info.selections.get(e);
  if (!sel) {
    // A qualified identifier pkg.Name.
    return ident(fl, e.sel, e);
  }
  if (sel.kind === "field") return copy(lowerPlace(fl, e));
  return sel.kind === "method" ? methodValue(fl, e) : methodExpr(fl, e);
}

/** lowerPlace lowers an addressable expression (or materialises a value) to a place. */
export function lowerPlace(fl: FuncLowerer, e: ast.Expr): Place {
  switch (e.kind) {
    case "ParenExpr":
      return lowerPlace(fl, e.x);
    case "Ident": {
      const o = fl.info.uses.get(e) ?? fl.info.defs.get(e);
      if (o && o.tag === "Var") return fl.varPlace(o);
      break;
    }
    case "StarExpr": {
      const p = lowerExpr(fl, e.x);
      fl.nilCheck(p);
      return derefPlace(asCopy(fl, p), mirType(fl.typeOf(e)));
    }
    case "SelectorExpr": {
      const sel = fl.info.selections.get(e);
      if (sel && sel.kind === "field") return fieldPlace(fl, e.x, sel.index);
      if (!sel) {
        const o = fl.info.uses.get(e.sel);
        if (o && o.tag === "Var") return fl.varPlace(o);
      }
      break;
    }
    case "IndexExpr":
      return indexPlace(fl, e);
  }
  return fl.materialise(lowerExpr(fl, e));
}

/** asCopy makes sure an operand reads a place (constants go through a temporary). */
export function asCopy(fl: FuncLowerer, p: Operand): Operand {
  return p.o === "copy" ? p : fl.temp({ r: "use", op: p });
}

/** fieldPlace follows a field path from x (through embedded fields, dereferencing pointers). */
export function fieldPlace(fl: FuncLowerer, x: ast.Expr, path: number[]): Place {
  let t: Type = fl.typeOf(x);
  let p: Place;
  if (under(t).tag === "Pointer") {
    const v = lowerExpr(fl, x);
    fl.nilCheck(v);
    t = (under(t) as { elem: Type }).elem;
    p = derefPlace(asCopy(fl, v), mirType(t));
  } else {
    p = lowerPlace(fl, x);
  }
  return followPath(fl, p, t, path);
}

/** followPath applies field indices to a place of Go type t, dereferencing embedded pointers. */
export function followPath(fl: FuncLowerer, p: Place, t: Type, path: number[]): Place {
  for (let i = 0; i < path.length; i++) {
    let u = under(t);
    if (u.tag === "Pointer") {
      const v = copy(p);
      fl.nilCheck(v);
      t = u.elem;
      u = under(t);
      p = derefPlace(asCopy(fl, v), mirType(t));
    }
    if (u.tag !== "Struct") return fl.unsupported({ pos: 0 }, "field of a non-struct");
    p = field(p, path[i]);
    t = u.fields[path[i]].type;
  }
  return p;
}

function indexPlace(fl: FuncLowerer, e: ast.IndexExpr): Place {
  const xt = under(fl.typeOf(e.x));
  if (xt.tag === "Array") {
    const base = lowerPlace(fl, e.x);
    const idx = lowerExpr(fl, e.index);
    if (!isConst(fl, e.index)) fl.boundsCheck(idx, constInt(I64, xt.len));
    return { local: base.local, proj: [...base.proj, { p: "index", idx: asCopyIdx(fl, idx) }] };
  }
  if (xt.tag === "Pointer" && under(xt.elem).tag === "Array") {
    const arr = under(xt.elem) as { len: number; elem: Type };
    const p = lowerExpr(fl, e.x);
    fl.nilCheck(p);
    const idx = lowerExpr(fl, e.index);
    if (!isConst(fl, e.index)) fl.boundsCheck(idx, constInt(I64, arr.len));
    const base = derefPlace(asCopy(fl, p), mirType(xt.elem));
    return { local: base.local, proj: [...base.proj, { p: "index", idx: asCopyIdx(fl, idx) }] };
  }
  if (xt.tag === "Slice") {
    const s = fl.materialise(lowerExpr(fl, e.x));
    const idx = lowerExpr(fl, e.index);
    fl.boundsCheck(idx, copy(field(s, 1)));
    const elem = mirType(xt.elem);
    const ptr = fl.temp({ r: "offset", ptr: copy(field(s, 0)), idx, elem });
    return derefPlace(ptr, elem);
  }
  if (xt.tag === "Map") return fl.materialise(mapIndex(fl, e));
  return fl.unsupported(e, "index expressions of this type");
}

/**
 * valueNow reads v into a temporary of its own now (constants stay as they are), so that
 * stores made before it is used cannot change it: append's values, new(expr)'s value.
 */
export function valueNow(fl: FuncLowerer, v: Operand): Operand {
  return v.o === "const" ? v : fl.temp({ r: "use", op: v });
}

function asCopyIdx(fl: FuncLowerer, idx: Operand): Operand {
  return idx.o === "const" ? idx : asCopy(fl, idx);
}

function isConst(fl: FuncLowerer, e: ast.Expr): boolean {
  return fl.info.types.get(e)?.mode === "constant";
}

function stringIndex(fl: FuncLowerer, e: ast.IndexExpr): Operand {
  const s = fl.materialise(lowerExpr(fl, e.x));
  const idx = lowerExpr(fl, e.index);
  fl.boundsCheck(idx, copy(field(s, 1)));
  const ptr = fl.temp({ r: "offset", ptr: copy(field(s, 0)), idx, elem: U8 });
  return copy(derefPlace(ptr, U8));
}

// ---- operators

const COMPARISONS = new Set(["==", "!=", "<", "<=", ">", ">="]);

function binary(fl: FuncLowerer, e: ast.BinaryExpr): Operand {
  if (e.op === "&&" || e.op === "||") {
    const r = fl.b.local(BOOL);
    const yes = fl.b.newBlock();
    const no = fl.b.newBlock();
    const join = fl.b.newBlock();
    lowerCond(fl, e, yes, no);
    fl.b.setBlock(yes);
    fl.store(place(r), constBool(true));
    fl.b.goto(join);
    fl.b.setBlock(no);
    fl.store(place(r), constBool(false));
    fl.b.goto(join);
    fl.b.setBlock(join);
    return copy(place(r));
  }
  if (COMPARISONS.has(e.op)) return compare(fl, e);
  const t = fl.typeOf(e);
  const a = lowerExpr(fl, e.x);
  const b = lowerExpr(fl, e.y);
  fl.at(e);
  return arith(fl, e, e.op as BinOp, t, a, b, e.y);
}

/** arith emits `a op b` for operands of Go type t (the type of the result). */
export function arith(
  fl: FuncLowerer,
  at: { pos: number },
  op: BinOp,
  t: Type,
  a: Operand,
  b: Operand,
  yExpr: ast.Expr | null,
): Operand {
  const ty = mirType(t);
  if (op === "<<" || op === ">>") {
    const bt = fl.b.rvType({ r: "use", op: b });
    if (bt.k === "int" && bt.signed && !(yExpr && isConst(fl, yExpr))) {
      const ok = fl.temp({ r: "bin", op: ">=", a: b, b: constInt(bt, 0) });
      fl.check(ok, "shift");
    }
    return fl.temp({ r: "bin", op, a: coerce(fl, a, ty), b });
  }
  a = coerce(fl, a, ty);
  b = coerce(fl, b, ty);
  if (ty.k === "string" && op === "+") {
    const pa = fl.materialise(a);
    const pb = fl.materialise(b);
    const args = [copy(field(pa, 0)), copy(field(pa, 1)), copy(field(pb, 0)), copy(field(pb, 1))];
    return fl.b.call({ c: "rt", sym: "__rog_concatstring2" }, args, ty)!;
  }
  if ((op === "/" || op === "%") && ty.k === "int" && !(yExpr && isConst(fl, yExpr))) {
    const ok = fl.temp({ r: "bin", op: "!=", a: b, b: constInt(ty, 0) });
    fl.check(ok, "divide");
  }
  if (ty.k === "complex" && op === "/") {
    // TODO(mir): gc's complex division special cases (infinities, NaNs).
  }
  void at;
  return fl.temp({ r: "bin", op, a, b });
}

/** coerce converts a numeric operand to the MIR type ty when they differ (untyped constants). */
export function coerce(fl: FuncLowerer, op: Operand, ty: MirType): Operand {
  const t = fl.b.rvType({ r: "use", op });
  if (
    t.k === ty.k &&
    (t.k !== "int" || (ty.k === "int" && t.bits === ty.bits && t.signed === ty.signed))
  ) {
    // Floats and complexes of another width convert (complex128(c64) widens both parts).
    const sized = t.k === "float" || t.k === "complex";
    if (!sized || (ty as { bits: number }).bits === (t as { bits: number }).bits) return op;
  }
  if (op.o === "const" && op.v.c === "zero") return { o: "const", ty, v: { c: "zero" } };
  if (op.o === "const" && op.v.c === "int" && ty.k === "int") return { ...op, ty };
  if (op.o === "const" && op.v.c === "int" && ty.k === "float") {
    return { o: "const", ty, v: { c: "float", v: Number(op.v.v) } };
  }
  const numeric = (k: string) => k === "int" || k === "float" || k === "complex";
  if (numeric(t.k) && numeric(ty.k)) return fl.temp({ r: "conv", a: op, ty });
  return op;
}

function isNil(fl: FuncLowerer, e: ast.Expr): boolean {
  const t = fl.info.types.get(e)?.type;
  return !!t && t.tag === "Basic" && t.kind === "untyped nil";
}

function compare(fl: FuncLowerer, e: ast.BinaryExpr): Operand {
  let [x, y] = [e.x, e.y];
  if (isNil(fl, x)) [x, y] = [y, x];
  const xt = fl.typeOf(x);
  const op = e.op as BinOp;
  if (isNil(fl, y)) {
    const v = lowerExpr(fl, x);
    const word = nilWord(fl, under(xt).tag, v);
    return fl.temp({ r: "bin", op, a: word, b: { o: "const", ty: PTR, v: { c: "zero" } } });
  }
  const yt0 = fl.typeOf(y);
  if (under(xt).tag === "Interface" || under(yt0).tag === "Interface") {
    // Mixed comparisons convert the concrete operand to the interface type.
    const it = under(xt).tag === "Interface" ? xt : yt0;
    const a = fl.convert(lowerExpr(fl, x), xt, it, x);
    const b = fl.convert(lowerExpr(fl, y), yt0, it, y);
    const eq = ifaceEqual(fl, a, b, it);
    return op === "==" ? eq : fl.temp({ r: "un", op: "not", a: eq });
  }
  const a = comparedString(fl, x) ?? lowerExpr(fl, x);
  const b = comparedString(fl, y) ?? lowerExpr(fl, y);
  const u = under(xt);
  const yt = under(fl.typeOf(y));
  let ty = mirType(xt);
  if (
    u.tag === "Basic" &&
    u.kind.startsWith("untyped") &&
    !(yt.tag === "Basic" && yt.kind.startsWith("untyped"))
  ) {
    ty = mirType(fl.typeOf(y));
  }
  return compareValues(fl, e, op, ty, coerce(fl, a, ty), coerce(fl, b, ty), xt);
}

/**
 * comparedString lowers an operand `string(b)` of a comparison, b a byte slice, as a string
 * sharing b's bytes: the comparison only reads them, so no copy is made (gc's
 * slicebytetostringtmp). Other operands give null.
 */
function comparedString(fl: FuncLowerer, x: ast.Expr): Operand | null {
  const c = conversionOf(fl, x);
  if (!c || basicKind(c.to) !== "string" || !isByteSlice(c.from)) return null;
  const s = fl.materialise(lowerExpr(fl, c.arg));
  return fl.temp({ r: "agg", ty: STRING, ops: [copy(field(s, 0)), copy(field(s, 1))] });
}

/**
 * compareValues compares two operands of MIR type ty and Go type goType (== and != work on
 * structs, arrays and interfaces too; blank struct fields are skipped).
 */
export function compareValues(
  fl: FuncLowerer,
  at: { pos: number },
  op: BinOp,
  ty: MirType,
  a: Operand,
  b: Operand,
  goType: Type | null = null,
): Operand {
  const gu = goType ? under(goType) : null;
  if (ty.k === "struct" || ty.k === "array") {
    if (op !== "==" && op !== "!=") return fl.unsupported(at, "ordering of aggregates");
    const pa = fl.materialise(a);
    const pb = fl.materialise(b);
    if (goType && isPlainMemory(goType) && sizeOf(ty) > 32) {
      // Byte-comparable memory: one memcmp instead of an unrolled comparison.
      const ra = fl.temp({ r: "ref", place: pa });
      const rb = fl.temp({ r: "ref", place: pb });
      const c = fl.b.call({ c: "rt", sym: "memcmp" }, [ra, rb, constInt(I64, sizeOf(ty))], I32)!;
      return fl.temp({ r: "bin", op, a: c, b: constInt(I32, 0) });
    }
    const parts = ty.k === "struct" ? ty.fields : Array<MirType>(ty.len).fill(ty.elem);
    let acc: Operand = constBool(true);
    parts.forEach((pt, i) => {
      let ft: Type | null = null;
      if (gu && gu.tag === "Struct") {
        if (gu.fields[i].name === "_") return;
        ft = gu.fields[i].type;
      } else if (gu && gu.tag === "Array") ft = gu.elem;
      const sub = (p: Place): Place =>
        ty.k === "struct"
          ? field(p, i)
          : { local: p.local, proj: [...p.proj, { p: "index", idx: constInt(I64, i) }] };
      const eq = compareValues(fl, at, "==", pt, copy(sub(pa)), copy(sub(pb)), ft);
      acc = fl.temp({ r: "bin", op: "&", a: acc, b: eq });
    });
    return op === "==" ? acc : fl.temp({ r: "un", op: "not", a: acc });
  }
  if (ty.k === "iface") {
    if (!goType) return fl.unsupported(at, "comparison of interface values");
    const eq = ifaceEqual(fl, a, b, goType);
    return op === "==" ? eq : fl.temp({ r: "un", op: "not", a: eq });
  }
  if (ty.k === "slice") return fl.unsupported(at, "comparison of slices");
  return fl.temp({ r: "bin", op, a, b });
}

/** isPlainMemory reports types whose equality is equality of their bytes (no padding). */
function isPlainMemory(t: Type): boolean {
  const u = under(t);
  if (u.tag === "Basic") return !/float|complex|string/.test(u.kind);
  if (u.tag === "Pointer" || u.tag === "Chan") return true;
  if (u.tag === "Array") return isPlainMemory(u.elem);
  if (u.tag === "Struct") {
    const m = mirType(u);
    if (m.k !== "struct") return false;
    const sum = m.fields.reduce((n, f) => n + sizeOf(f), 0);
    return sum === sizeOf(m) && u.fields.every((f) => f.name !== "_" && isPlainMemory(f.type));
  }
  return false;
}

/** nilWord is the pointer word that is null exactly when a value of kind tag is nil. */
export function nilWord(fl: FuncLowerer, tag: string, v: Operand): Operand {
  if (tag === "Slice" || tag === "Interface") return copy(field(fl.materialise(v), 0));
  return v;
}

function unary(fl: FuncLowerer, e: ast.UnaryExpr): Operand {
  switch (e.op) {
    case "&":
      return addressOf(fl, e.x);
    case "+":
      return lowerExpr(fl, e.x);
    case "-":
      return fl.temp({
        r: "un",
        op: "neg",
        a: coerce(fl, lowerExpr(fl, e.x), mirType(fl.typeOf(e))),
      });
    case "!":
      return fl.temp({ r: "un", op: "not", a: lowerExpr(fl, e.x) });
    case "^":
      return fl.temp({
        r: "un",
        op: "compl",
        a: coerce(fl, lowerExpr(fl, e.x), mirType(fl.typeOf(e))),
      });
    default:
      return chanRecv(fl, e)[0];
  }
}

/** addressOf lowers &x: a composite literal is allocated; anything else is a place. */
export function addressOf(fl: FuncLowerer, x: ast.Expr): Operand {
  if (x.kind === "ParenExpr") return addressOf(fl, x.x);
  if (x.kind === "CompositeLit") {
    const t = fl.typeOf(x);
    const ty = mirType(t);
    const v = compositeLit(fl, x, t);
    const p = fl.alloc(ty);
    fl.store(derefPlace(p, ty), v);
    return p;
  }
  return fl.temp({ r: "ref", place: lowerPlace(fl, x) });
}

/** lowerCond branches to yes or no on a boolean expression, short-circuiting && and ||. */
export function lowerCond(fl: FuncLowerer, e: ast.Expr, yes: number, no: number): void {
  if (e.kind === "ParenExpr") return lowerCond(fl, e.x, yes, no);
  if (e.kind === "BinaryExpr" && (e.op === "&&" || e.op === "||")) {
    const mid = fl.b.newBlock();
    if (e.op === "&&") lowerCond(fl, e.x, mid, no);
    else lowerCond(fl, e.x, yes, mid);
    fl.b.setBlock(mid);
    return lowerCond(fl, e.y, yes, no);
  }
  if (e.kind === "UnaryExpr" && e.op === "!") return lowerCond(fl, e.x, no, yes);
  const c = lowerExpr(fl, e);
  fl.at(e);
  fl.b.branch(c, yes, no);
}

// ---- slicing and composite literals

function sliceExpr(fl: FuncLowerer, e: ast.SliceExpr): Operand {
  const xt = under(fl.typeOf(e.x));
  let base: Operand;
  let len: Operand;
  let cap: Operand;
  let elem: MirType;
  if (xt.tag === "Basic") {
    const s = fl.materialise(lowerExpr(fl, e.x));
    base = copy(field(s, 0));
    len = cap = copy(field(s, 1));
    elem = U8;
  } else if (xt.tag === "Slice") {
    const s = fl.materialise(lowerExpr(fl, e.x));
    base = copy(field(s, 0));
    len = copy(field(s, 1));
    cap = copy(field(s, 2));
    elem = mirType(xt.elem);
  } else if (xt.tag === "Array" || (xt.tag === "Pointer" && under(xt.elem).tag === "Array")) {
    const arr = (xt.tag === "Array" ? xt : under((xt as { elem: Type }).elem)) as {
      len: number;
      elem: Type;
    };
    if (xt.tag === "Array") base = fl.temp({ r: "ref", place: lowerPlace(fl, e.x) });
    else {
      base = lowerExpr(fl, e.x);
      fl.nilCheck(base);
    }
    len = cap = constInt(I64, arr.len);
    elem = mirType(arr.elem);
  } else {
    return fl.unsupported(e, "slicing this type");
  }
  const isStr = xt.tag === "Basic";
  const lo = e.low ? toInt64(fl, lowerExpr(fl, e.low)) : constInt(I64, 0);
  const hi = e.high ? toInt64(fl, lowerExpr(fl, e.high)) : len;
  if (e.max) {
    const max = toInt64(fl, lowerExpr(fl, e.max));
    sliceCheck(fl, max, cap, 5);
    sliceCheck(fl, hi, max, 6);
    sliceCheck(fl, lo, hi, 7);
    cap = max;
  } else {
    sliceCheck(fl, hi, isStr || xt.tag === "Array" ? len : cap, isStr ? 1 : 2);
    sliceCheck(fl, lo, hi, 3);
  }
  const n = fl.temp({ r: "bin", op: "-", a: hi, b: lo });
  const c = isStr ? n : fl.temp({ r: "bin", op: "-", a: cap, b: lo });
  // An empty result keeps the base pointer, so no pointer points one past an object
  // (ABI.md §7): offset by lo & -(c != 0), computed as lo & ((0 - c) >> 63).
  const lo0 = lo.o === "const" && lo.v.c === "int" && lo.v.v === 0n;
  let idx = lo;
  if (!lo0) {
    const neg = fl.temp({ r: "bin", op: "-", a: constInt(I64, 0), b: c });
    const mask = fl.temp({ r: "bin", op: ">>", a: neg, b: constInt(I64, 63) });
    idx = fl.temp({ r: "bin", op: "&", a: lo, b: mask });
  }
  const ptr = fl.temp({ r: "offset", ptr: base, idx, elem });
  if (isStr) return fl.temp({ r: "agg", ty: { k: "string" }, ops: [ptr, n] });
  return fl.temp({ r: "agg", ty: { k: "slice" }, ops: [ptr, n, c] });
}

/** toInt64 converts an integer operand to int64. */
export function toInt64(fl: FuncLowerer, v: Operand): Operand {
  const t = fl.b.rvType({ r: "use", op: v });
  if (t.k === "int" && t.bits === 64 && t.signed) return v;
  if (v.o === "const" && v.v.c === "int") return constInt(I64, v.v.v);
  return fl.temp({ r: "conv", a: v, ty: I64 });
}

/** sliceCheck raises gc's slice-bounds error with the given code unless 0 <= x <= y. */
function sliceCheck(fl: FuncLowerer, x: Operand, y: Operand, code: number): void {
  if (x.o === "const" && y.o === "const" && x.v.c === "int" && y.v.c === "int") {
    if (x.v.v >= 0n && x.v.v <= y.v.v) return;
  }
  const xu = fl.temp({ r: "conv", a: x, ty: U64 });
  const yu = fl.temp({ r: "conv", a: y, ty: U64 });
  const ok = fl.temp({ r: "bin", op: "<=", a: xu, b: yu });
  fl.check(ok, "bounds", [x, y, constInt(I32, code | 0x100)]);
}

/** compositeLit builds the value of a composite literal of Go type t. */
export function compositeLit(fl: FuncLowerer, e: ast.CompositeLit, t: Type): Operand {
  const u = under(t);
  fl.at(e);
  if (u.tag === "Pointer") return addressOf(fl, { ...e, type: null, kind: "CompositeLit" });
  const ty = mirType(t);
  if (u.tag === "Struct") {
    const tmp = place(fl.b.local(ty));
    fl.store(tmp, { o: "const", ty, v: { c: "zero" } });
    e.elts.forEach((elt, i) => {
      let idx = i;
      let val = elt;
      if (elt.kind === "KeyValueExpr") {
        const name = (elt.key as ast.Ident).name;
        idx = u.fields.findIndex((f) => f.name === name);
        val = elt.value;
      }
      fl.store(field(tmp, idx), elemValue(fl, val, u.fields[idx].type));
    });
    return copy(tmp);
  }
  if (u.tag === "Array") {
    const tmp = place(fl.b.local(ty));
    fl.store(tmp, { o: "const", ty, v: { c: "zero" } });
    forEachElement(fl, e, (i, val) => {
      const p = {
        local: tmp.local,
        proj: [...tmp.proj, { p: "index" as const, idx: constInt(I64, i) }],
      };
      fl.store(p, elemValue(fl, val, u.elem));
    });
    return copy(tmp);
  }
  if (u.tag === "Slice") {
    let n = 0;
    forEachElement(fl, e, (i) => (n = Math.max(n, i + 1)));
    const elem = mirType(u.elem);
    const arrTy: MirType = { k: "array", len: n, elem };
    const p = fl.alloc(arrTy);
    forEachElement(fl, e, (i, val) => {
      const ptr = fl.temp({ r: "offset", ptr: p, idx: constInt(I64, i), elem });
      fl.store(derefPlace(ptr, elem), elemValue(fl, val, u.elem));
    });
    return fl.temp({ r: "agg", ty: { k: "slice" }, ops: [p, constInt(I64, n), constInt(I64, n)] });
  }
  if (u.tag === "Map") return mapLiteral(fl, e, t, (v, vt) => elemValue(fl, v, vt));
  return fl.unsupported(e, "composite literals of this type");
}

function elemValue(fl: FuncLowerer, val: ast.Expr, t: Type): Operand {
  if (val.kind === "CompositeLit" && val.type === null) {
    if (under(t).tag === "Pointer") {
      const inner = (under(t) as { elem: Type }).elem;
      const ty = mirType(inner);
      const v = compositeLit(fl, val, inner);
      const p = fl.alloc(ty);
      fl.store(derefPlace(p, ty), v);
      return p;
    }
    return compositeLit(fl, val, t);
  }
  return fl.convert(lowerExpr(fl, val), fl.typeOf(val), t, val);
}

/** forEachElement walks array/slice literal elements with their indices (keys are constants). */
function forEachElement(
  fl: FuncLowerer,
  e: ast.CompositeLit,
  f: (i: number, v: ast.Expr) => void,
): void {
  let i = 0;
  for (const elt of e.elts) {
    let val = elt;
    if (elt.kind === "KeyValueExpr") {
      const kv = fl.info.types.get(elt.key)?.value;
      if (kv && kv.kind === "int") i = Number(kv.value);
      val = elt.value;
    }
    f(i, val);
    i++;
  }
}
