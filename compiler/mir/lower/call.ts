// Lowering of calls (Go spec "Calls", "Conversions", "Built-in functions"): direct calls,
// method calls, calls of func values, conversions, and the builtins.

import type * as ast from "../../syntax/ast.js";
import type { Func } from "../../types/object.js";
import { Interface, Pointer, type Signature, type Type } from "../../types/type.js";
import { fullMethodSet } from "./typedesc.js";
import { constInt, constStr, copy, place, type Callee, type Operand } from "../mir.js";
import {
  BOOL,
  I64,
  PTR,
  STRING,
  U8,
  VOID,
  arrayType,
  hasPointers,
  sizeOf,
  type MirType,
} from "../types.js";
import {
  addressOf,
  asCopy,
  coerce,
  compositeLit,
  followPath,
  lowerExpr,
  lowerPlace,
  toInt64,
  valueNow,
} from "./expr.js";
import { derefPlace, field, type FuncLowerer } from "./func.js";
import { ifaceCall, toIface } from "./iface.js";
import { ensureFunc } from "../../types/lazy.js";
import { makeChan, makeMap, mapClear, mapDelete } from "./mapchan.js";
import { unsafeBuiltin } from "./unsafe.js";
import { basicKind, isUnsigned, mirType, resultType, under } from "./gotypes.js";

/** lowerCall lowers a call expression; it returns null when the call has no value. */
export function lowerCall(fl: FuncLowerer, e: ast.CallExpr): Operand | null {
  const ftv = fl.info.types.get(e.fun);
  if (ftv?.mode === "typexpr") return conversion(fl, e, e.args[0], fl.typeOf(e.fun));
  if (ftv?.mode === "builtin") return builtin(fl, e);

  const intrinsic = INTRINSICS.get(directFunc(fl, e.fun) ?? "");
  if (intrinsic) return intrinsic(fl, e);
  const keep: Operand[] = [];
  const c = prepareCall(fl, e, keep);
  // A nil func faults on the code-pointer load; landing pads do not cover faults, so
  // functions with defers check explicitly (ABI.md §8).
  if (fl.frame && c.callee.c === "closure") fl.nilCheck(c.callee.fv);
  fl.at(e);
  const r = fl.b.call(c.callee, c.args, c.retTy);
  // An argument uintptr(unsafe.Pointer(p)) keeps p's object alive until the call returns
  // (unsafe.Pointer's rule 4, gc's uintptrkeepalive): the callee may turn it back into a
  // pointer, and the collector does not see a uintptr as one (test/fixedbugs/issue24491b).
  for (const k of keep) rt(fl, "rog_keepalive", [fl.temp({ r: "bitcast", a: k, ty: PTR })]);
  return r;
}

/**
 * INTRINSICS are functions whose calls the compiler replaces, as gc does: their Go bodies
 * only panic.
 */
const INTRINSICS = new Map<string, (fl: FuncLowerer, e: ast.CallExpr) => Operand>([
  // b's 0 or 1 as a uint8, with no branch (constant time).
  [
    "crypto/internal/constanttime.boolToUint8",
    (fl, e) => fl.temp({ r: "conv", a: lowerExpr(fl, e.args[0]), ty: U8 }),
  ],
]);

/** PreparedCall is a call whose callee and arguments have been evaluated. */
export interface PreparedCall {
  callee: Callee;
  args: Operand[];
  retTy: MirType;
}

/**
 * prepareCall evaluates the callee and arguments of a (non-builtin, non-conversion) call;
 * keep, when given, receives the arguments converted from unsafe.Pointer to uintptr.
 */
export function prepareCall(fl: FuncLowerer, e: ast.CallExpr, keep?: Operand[]): PreparedCall {
  let fun: ast.Expr = e.fun;
  while (fun.kind === "ParenExpr") fun = fun.x;
  // F[int](...): explicit instantiation; the instance is recorded on the function's name.
  const gen = genericName(fl, fun);
  if (gen) fun = gen;
  const sig = under(
    gen ? fl.sub(fl.info.instances.get(instIdent(gen))!.type) : fl.typeOf(e.fun),
  ) as Signature;
  let callee: Callee;
  const args: Operand[] = [];

  const direct = directFunc(fl, fun);
  if (direct) {
    callee = { c: "fn", sym: direct };
  } else if (fun.kind === "SelectorExpr" && fl.info.selections.get(fun)?.kind === "method") {
    const m = methodCall(fl, fun);
    callee = m.callee;
    args.push(m.recv);
  } else {
    callee = { c: "closure", fv: asCopy(fl, lowerExpr(fl, e.fun)) };
  }
  args.push(...lowerArgs(fl, e, sig, keep));
  return { callee, args, retTy: resultType(sig) };
}

/** instIdent is the identifier of a (possibly qualified) generic function name. */
export function instIdent(e: ast.Expr): ast.Ident {
  return e.kind === "SelectorExpr" ? e.sel : (e as ast.Ident);
}

/** genericName returns F from `F[T...]` when the index expression instantiates a function. */
export function genericName(fl: FuncLowerer, e: ast.Expr): ast.Expr | null {
  if (e.kind !== "IndexExpr" && e.kind !== "IndexListExpr") return null;
  let x = e.x;
  while (x.kind === "ParenExpr") x = x.x;
  if (x.kind !== "Ident" && x.kind !== "SelectorExpr") return null;
  return fl.info.instances.has(instIdent(x)) ? x : null;
}

/** directFunc returns the top-level function a call names directly, if any. */
function directFunc(fl: FuncLowerer, fun: ast.Expr): string | null {
  const id =
    fun.kind === "Ident"
      ? fun
      : fun.kind === "SelectorExpr" && !fl.info.selections.has(fun)
        ? fun.sel
        : null;
  if (!id) return null;
  const o = fl.info.uses.get(id);
  if (!o || o.tag !== "Func" || o.sig.recv) return null;
  const inst = fl.info.instances.get(id);
  if (inst)
    return fl.pl.instanceSym(
      o.origin ?? o,
      inst.typeArgs.map((t) => fl.sub(t)),
      null,
    );
  return fl.pl.funcObjSym(o);
}

/** methodCall computes the callee and receiver argument of `x.m(...)`. */
/** isIfaceMethod reports a method declared in an interface (a constraint's method). */
export function isIfaceMethod(m: Func): boolean {
  const r = m.sig.recv;
  return !r || under(r.type).tag === "Interface";
}

/** concreteMethod finds the method named name of a concrete type (or of the type it points to). */
function concreteMethod(
  fl: FuncLowerer,
  at: { pos: number },
  t: Type,
  name: string,
): { m: Func; path: number[] } {
  const base = t.tag === "Pointer" ? t.elem : t;
  if (base.tag === "Named") {
    const m = base.methods.find((x) => x.name === name);
    if (m) return { m: ensureFunc(m), path: [] };
  }
  const sel = fullMethodSet(new Pointer(base)).find((s) => s.m.name === name && !s.iface);
  if (sel) return { m: sel.m, path: sel.path };
  return fl.unsupported(at, "methods of embedded interfaces through type parameters");
}

export function methodCall(
  fl: FuncLowerer,
  fun: ast.SelectorExpr,
): { callee: Callee; recv: Operand } {
  const sel = fl.info.selections.get(fun)!;
  let m = ensureFunc(sel.obj as Func);
  let path = sel.index.slice(0, -1);
  let t: Type = fl.typeOf(fun.x);
  if (under(t).tag === "Interface") return ifaceCall(fl, lowerExpr(fl, fun.x), t, m.name);
  if (isIfaceMethod(m) && path.length === 0) {
    // A constraint's method called on a type parameter: the type argument's own method. (With a
    // path, the method is promoted from an embedded interface field: called through it below.)
    const c = concreteMethod(fl, fun, t, m.name);
    m = c.m;
    path = c.path;
  }

  // Walk to the embedded field that declares the method (if any).
  let recvPlace = null;
  let recvVal: Operand | null = null;
  if (path.length) {
    if (under(t).tag === "Pointer") {
      const v = lowerExpr(fl, fun.x);
      fl.nilCheck(v);
      t = (under(t) as { elem: Type }).elem;
      recvPlace = derefPlace(asCopy(fl, v), mirType(t));
    } else {
      recvPlace = lowerPlace(fl, fun.x);
    }
    for (const i of path) {
      recvPlace = followPath(fl, recvPlace, t, [i]);
      const u = under(t);
      if (u.tag === "Pointer") t = (under(u.elem) as { fields: { type: Type }[] }).fields[i].type;
      else t = (u as { fields: { type: Type }[] }).fields[i].type;
    }
  } else {
    recvVal = null;
  }
  if (under(t).tag === "Interface") return ifaceCall(fl, copy(recvPlace!), t, m.name);
  const isPtr = under(t).tag === "Pointer";
  const sym = fl.pl.funcObjSym(m, (t) => fl.sub(t));
  let recv: Operand;
  if (m.hasPtrRecv) {
    if (isPtr) recv = recvPlace ? copy(recvPlace) : lowerExpr(fl, fun.x);
    else recv = recvPlace ? fl.temp({ r: "ref", place: recvPlace }) : addressOf(fl, fun.x);
  } else if (isPtr) {
    const p = recvPlace ? copy(recvPlace) : lowerExpr(fl, fun.x);
    fl.nilCheck(p);
    const elem = (under(t) as { elem: Type }).elem;
    recv = copy(derefPlace(asCopy(fl, p), mirType(elem)));
  } else {
    recv = recvPlace ? copy(recvPlace) : (recvVal ?? lowerExpr(fl, fun.x));
  }
  return { callee: { c: "fn", sym }, recv };
}

/** lowerArgs evaluates call arguments, spreading f(g()) and packing variadic extras. */
function lowerArgs(fl: FuncLowerer, e: ast.CallExpr, sig: Signature, keep?: Operand[]): Operand[] {
  const params = sig.params.vars;
  // f(g()) with g multi-valued: g's results are the arguments (Go spec "Calls").
  let args: { v: () => Operand; t: Type; at: ast.Expr }[];
  const t0 = e.args.length === 1 ? fl.typeOf(e.args[0]) : null;
  if (t0 && t0.tag === "Tuple") {
    const p = fl.materialise(lowerExpr(fl, e.args[0]));
    args = t0.vars.map((v, i) => ({ v: () => copy(field(p, i)), t: v.type, at: e }));
  } else {
    args = e.args.map((a) => ({ v: () => lowerExpr(fl, a), t: fl.typeOf(a), at: a }));
  }
  const out: Operand[] = [];
  const nfixed = sig.variadic && !e.hasDots ? params.length - 1 : params.length;
  const kept = (a: { at: ast.Expr }, v: Operand): Operand => {
    if (keep && a.at !== e && pointerToUintptr(fl, a.at)) keep.push(v);
    return v;
  };
  for (let i = 0; i < nfixed; i++) {
    out.push(kept(args[i], fl.convert(args[i].v(), args[i].t, params[i].type, args[i].at)));
  }
  if (sig.variadic && !e.hasDots) {
    const st = params[params.length - 1].type;
    const elemT = (under(st) as { elem: Type }).elem;
    const extra = args.slice(nfixed).map((a) => ({ ...a, v: () => kept(a, a.v()) }));
    if (extra.length === 0) out.push({ o: "const", ty: { k: "slice" }, v: { c: "zero" } });
    else out.push(packSlice(fl, extra, elemT));
  }
  return out;
}

/** pointerToUintptr reports an expression uintptr(p) with p an unsafe.Pointer. */
function pointerToUintptr(fl: FuncLowerer, x: ast.Expr): boolean {
  const c = conversionOf(fl, x);
  return (
    c !== null &&
    c.from.tag === "Basic" &&
    c.from.kind === "unsafe.Pointer" &&
    c.to.tag === "Basic" &&
    c.to.kind === "uintptr"
  );
}

/** packSlice allocates a backing array for the values and returns the slice. */
function packSlice(
  fl: FuncLowerer,
  vals: { v: () => Operand; t: Type; at: ast.Expr }[],
  elemT: Type,
): Operand {
  const elem = mirType(elemT);
  const p = fl.alloc({ k: "array", len: vals.length, elem });
  vals.forEach((a, i) => {
    const val = fl.convert(a.v(), a.t, elemT, a.at);
    const ptr = fl.temp({ r: "offset", ptr: p, idx: constInt(I64, i), elem });
    fl.store(derefPlace(ptr, elem), val);
  });
  const n = constInt(I64, vals.length);
  return fl.temp({ r: "agg", ty: { k: "slice" }, ops: [p, n, n] });
}

// ---- conversions

/**
 * conversionOf returns the operand and the types of x when x is a conversion `T(arg)`
 * (parentheses aside), else null.
 */
export function conversionOf(
  fl: FuncLowerer,
  x: ast.Expr,
): { arg: ast.Expr; from: Type; to: Type } | null {
  while (x.kind === "ParenExpr") x = x.x;
  if (x.kind !== "CallExpr" || x.args.length !== 1 || x.hasDots) return null;
  if (fl.info.types.get(x.fun)?.mode !== "typexpr") return null;
  return { arg: x.args[0], from: under(fl.typeOf(x.args[0])), to: under(fl.typeOf(x)) };
}

/** isByteSlice reports whether the underlying type u is a slice of bytes. */
export function isByteSlice(u: Type): boolean {
  return u.tag === "Slice" && basicKind(u.elem) === "uint8";
}

function conversion(fl: FuncLowerer, e: ast.CallExpr, x: ast.Expr, to: Type): Operand {
  const from = fl.typeOf(x);
  const fu = under(from);
  const tu = under(to);
  const tt = mirType(to);
  const v = lowerExpr(fl, x);
  if (tu.tag === "Interface") return fl.convert(v, from, to, e);
  const fk = basicKind(from);
  const tk = basicKind(to);
  if (tk === "string" && fk !== null && fk !== "string" && fk !== "untyped string") {
    // string(rune): the UTF-8 encoding of the code point.
    return fl.b.call({ c: "rt", sym: "__rog_intstring" }, [toInt64(fl, v)], STRING)!;
  }
  if (tk === "string" && fu.tag === "Slice") {
    const s = fl.materialise(v);
    if (basicKind(fu.elem) !== "uint8") {
      const args = [copy(field(s, 0)), copy(field(s, 1))];
      return fl.b.call({ c: "rt", sym: "__rog_slicerunetostring" }, args, STRING)!;
    }
    return fl.b.call(
      { c: "rt", sym: "__rog_slicebytetostring" },
      [copy(field(s, 0)), copy(field(s, 1))],
      STRING,
    )!;
  }
  if (tu.tag === "Slice" && (fk === "string" || fk === "untyped string")) {
    const s = fl.materialise(v);
    const out = place(fl.b.local({ k: "slice" }));
    const ref = fl.temp({ r: "ref", place: out });
    const helper =
      basicKind(tu.elem) === "uint8" ? "__rog_stringtoslicebyte" : "__rog_stringtoslicerune";
    fl.b.call({ c: "rt", sym: helper }, [ref, copy(field(s, 0)), copy(field(s, 1))]);
    return copy(out);
  }
  if ((tu.tag === "Pointer" || tu.tag === "Array") && fu.tag === "Slice") {
    // Go 1.17/1.20: the slice must be at least as long as the array.
    const arrT = tu.tag === "Array" ? tu : (under(tu.elem) as { len: number; elem: Type });
    const s = fl.materialise(v);
    const n = constInt(I64, arrT.len);
    const ok = fl.temp({ r: "bin", op: "<=", a: n, b: copy(field(s, 1)) });
    fl.check(ok, "bounds", [
      n,
      copy(field(s, 1)),
      constInt({ k: "int", bits: 32, signed: true }, 8),
    ]);
    const p = copy(field(s, 0));
    if (tu.tag === "Pointer") return p;
    return copy(derefPlace(asCopy(fl, p), mirType(to)));
  }
  const ft = fl.b.rvType({ r: "use", op: v });
  if ((ft.k === "ptr" && tt.k === "int") || (ft.k === "int" && tt.k === "ptr")) {
    return fl.temp({ r: "bitcast", a: v, ty: tt });
  }
  return coerce(fl, v, tt);
}

// ---- builtins

function builtin(fl: FuncLowerer, e: ast.CallExpr): Operand | null {
  let fun: ast.Expr = e.fun;
  while (fun.kind === "ParenExpr") fun = fun.x;
  const id = fun.kind === "Ident" ? fun : (fun as ast.SelectorExpr).sel;
  const o = fl.info.uses.get(id);
  const name = o && o.tag === "Builtin" ? o.builtin : id.name;
  fl.at(e);
  switch (name) {
    case "print":
    case "println":
      printCall(fl, e.args, name === "println");
      return null;
    case "len":
    case "cap":
      return lenCap(fl, e, name);
    case "new": {
      const elemT = (under(fl.typeOf(e)) as { elem: Type }).elem;
      const elem = mirType(elemT);
      const arg = e.args[0];
      if (fl.pl.info.types.get(arg)?.mode === "typexpr") return fl.alloc(elem);
      // new(expr), Go 1.26: a fresh variable holding expr's value, evaluated before it exists.
      const v = fl.convert(lowerExpr(fl, arg), fl.typeOf(arg), elemT);
      const val = valueNow(fl, v);
      const p = fl.alloc(elem);
      fl.store(derefPlace(p, elem), val);
      return p;
    }
    case "make":
      return makeCall(fl, e);
    case "append":
      return appendCall(fl, e);
    case "copy":
      return copyCall(fl, e);
    case "panic":
      return panicCall(fl, e);
    case "min":
    case "max":
      return minMax(fl, e, name);
    case "complex": {
      const ty = mirType(fl.typeOf(e));
      const ft: MirType =
        ty.k === "complex" && ty.bits === 64 ? { k: "float", bits: 32 } : { k: "float", bits: 64 };
      const [x, y] = spreadArgs(fl, e.args);
      const re = coerce(fl, x.v, ft);
      const im = coerce(fl, y.v, ft);
      return fl.temp({ r: "agg", ty, ops: [re, im] });
    }
    case "delete":
      mapDelete(fl, e);
      return null;
    case "close":
      fl.b.call({ c: "rt", sym: "rog_closechan" }, [lowerExpr(fl, e.args[0])]);
      return null;
    case "clear":
      clearValue(fl, fl.typeOf(e.args[0]), lowerExpr(fl, e.args[0]));
      return null;
    case "recover":
      return fl.b.call({ c: "rt", sym: "rog_gorecover" }, [], { k: "iface" })!;
    case "real":
    case "imag": {
      const c = fl.materialise(lowerExpr(fl, e.args[0]));
      return copy(field(c, name === "real" ? 0 : 1));
    }
    default: {
      const u = unsafeBuiltin(fl, e, name);
      if (u !== undefined) return u;
      return fl.unsupported(e, `the ${name} builtin`);
    }
  }
}

function rt(fl: FuncLowerer, sym: string, args: Operand[] = []): void {
  fl.b.call({ c: "rt", sym }, args);
}

/** printCall lowers print/println: one runtime call per operand, bracketed by the print lock. */
function printCall(fl: FuncLowerer, args: ast.Expr[], ln: boolean): void {
  // Operands are evaluated before the print lock is taken (they may print themselves).
  const vals = spreadArgs(fl, args).map((x, i) => ({ ...x, at: args[i] ?? args[0] }));
  printValues(fl, vals, ln);
}

/** printValues prints evaluated operands as print/println do. */
export function printValues(
  fl: FuncLowerer,
  vals: { v: Operand; t: Type; at: { pos: number } }[],
  ln: boolean,
): void {
  rt(fl, "rog_printlock");
  vals.forEach((x, i) => {
    if (ln && i > 0) rt(fl, "rog_printsp");
    printOne(fl, x.v, x.t, x.at);
  });
  if (ln) rt(fl, "rog_printnl");
  rt(fl, "rog_printunlock");
}

function printOne(fl: FuncLowerer, v: Operand, t: Type, a: { pos: number }): void {
  const u = under(t);
  if (u.tag === "Basic") {
    const k = u.kind;
    if (k === "untyped nil") return rt(fl, "rog_printstring", strParts(fl, constStr("nil")));
    if (k === "bool" || k === "untyped bool") return rt(fl, "rog_printbool", [v]);
    if (k === "string" || k === "untyped string") return rt(fl, "rog_printstring", strParts(fl, v));
    if (k === "float32") return rt(fl, "rog_printfloat32", [v]);
    if (k === "float64" || k === "untyped float")
      return rt(fl, "rog_printfloat", [coerce(fl, v, { k: "float", bits: 64 })]);
    if (k === "complex64" || k === "complex128" || k === "untyped complex") {
      const c = fl.materialise(v);
      return rt(fl, k === "complex64" ? "rog_printcomplex64" : "rog_printcomplex", [
        copy(field(c, 0)),
        copy(field(c, 1)),
      ]);
    }
    if (k === "unsafe.Pointer") return rt(fl, "rog_printpointer", [v]);
    const wide = coerce(fl, v, { k: "int", bits: 64, signed: !isUnsigned(t) });
    return rt(fl, isUnsigned(t) ? "rog_printuint" : "rog_printint", [wide]);
  }
  switch (u.tag) {
    case "Pointer":
    case "Map":
    case "Chan":
    case "Signature":
      return rt(fl, "rog_printpointer", [v]);
    case "Slice": {
      const s = fl.materialise(v);
      return rt(
        fl,
        "rog_printslice",
        [0, 1, 2].map((i) => copy(field(s, i))),
      );
    }
    case "Interface": {
      const s = fl.materialise(v);
      const empty = u.methods.length === 0 && u.embeddeds.length === 0;
      return rt(fl, empty ? "rog_printeface" : "rog_printiface", [
        copy(field(s, 0)),
        copy(field(s, 1)),
      ]);
    }
    default:
      fl.unsupported(a, "printing a value of this type");
  }
}

function strParts(fl: FuncLowerer, v: Operand): Operand[] {
  const s = fl.materialise(v);
  return [copy(field(s, 0)), copy(field(s, 1))];
}

function lenCap(fl: FuncLowerer, e: ast.CallExpr, name: "len" | "cap"): Operand {
  const t = under(fl.typeOf(e.args[0]));
  const v = lowerExpr(fl, e.args[0]);
  if (t.tag === "Basic") return copy(field(fl.materialise(v), 1));
  if (t.tag === "Slice") return copy(field(fl.materialise(v), name === "len" ? 1 : 2));
  if (t.tag === "Array") return constInt(I64, t.len);
  if (t.tag === "Pointer") {
    const arr = under(t.elem) as { len: number };
    return constInt(I64, arr.len);
  }
  if (t.tag === "Map") return fl.b.call({ c: "rt", sym: "rog_maplen" }, [v], I64)!;
  const sym = name === "len" ? "rog_chanlen" : "rog_chancap";
  return fl.b.call({ c: "rt", sym }, [v], I64)!;
}

/** STACKABLE_MAKE is the largest constant-size make([]T, n) lowered as a plain allocation (passes/escape.ts's MAX_STACK_OBJECT). */
const STACKABLE_MAKE = 64n << 10n;

function constValue(o: Operand): bigint | null {
  return o.o === "const" && o.v.c === "int" ? o.v.v : null;
}

function makeCall(fl: FuncLowerer, e: ast.CallExpr): Operand {
  const t = fl.typeOf(e);
  const u = under(t);
  const arg1 = e.args[1] ? toInt64(fl, lowerExpr(fl, e.args[1])) : null;
  if (u.tag === "Map") return makeMap(fl, t, arg1);
  if (u.tag === "Chan") return makeChan(fl, t, arg1);
  if (u.tag !== "Slice") return fl.unsupported(e, "make of this type");
  const len = arg1!;
  const cap = e.args[2] ? toInt64(fl, lowerExpr(fl, e.args[2])) : len;
  // The runtime's makeslice panics recoverably (gc's makeslice: len, then cap out of range).
  const elem: Operand = {
    o: "const",
    ty: PTR,
    v: { c: "sym", sym: fl.pl.types.desc(u.elem), fn: false },
  };
  const n = constValue(len);
  const c = constValue(cap);
  const et = mirType(u.elem);
  if (n !== null && c !== null && n >= 0n && n <= c && c * BigInt(sizeOf(et)) <= STACKABLE_MAKE) {
    // A constant size: an ordinary allocation, which escape analysis may move to the frame.
    const p = fl.alloc(arrayType(Number(c), et));
    return fl.temp({ r: "agg", ty: { k: "slice" }, ops: [p, len, cap] });
  }
  const p = fl.b.call({ c: "rt", sym: "rog_makeslice" }, [elem, len, cap], PTR)!;
  return fl.temp({ r: "agg", ty: { k: "slice" }, ops: [p, len, cap] });
}

/**
 * spreadArgs evaluates a builtin's arguments in order; a single multi-valued call f() stands
 * for its results (complex(f()), append(f())).
 */
function spreadArgs(fl: FuncLowerer, args: ast.Expr[]): { v: Operand; t: Type }[] {
  const tt = args.length === 1 ? fl.typeOf(args[0]) : null;
  if (tt?.tag === "Tuple") {
    const p = fl.materialise(lowerExpr(fl, args[0]));
    return tt.vars.map((v, i) => ({ v: copy(field(p, i)), t: v.type }));
  }
  return args.map((a) => ({ v: lowerExpr(fl, a), t: fl.typeOf(a) }));
}

function appendCall(fl: FuncLowerer, e: ast.CallExpr): Operand {
  const st = fl.typeOf(e);
  const elemT = (under(st) as { elem: Type }).elem;
  const elem = mirType(elemT);
  const args = e.hasDots ? [] : spreadArgs(fl, e.args);
  const first = args.length ? args[0] : { v: lowerExpr(fl, e.args[0]), t: fl.typeOf(e.args[0]) };
  const s = fl.materialise(fl.convert(first.v, first.t, st));
  const size = constInt(I64, sizeOf(elem));

  // The values appended: either a spread slice/string, or individual values.
  let srcPtr: Operand;
  let n: Operand;
  const vals: Operand[] = [];
  const zeros = e.hasDots ? appendedMake(fl, e.args[1]) : null;
  if (zeros) {
    // append(s, make([]T, n)...), as gc does it: grow s by n zeroed elements, without making
    // the n elements first (slices.Grow allocates once). A negative n panics as make would.
    n = fl.temp({ r: "use", op: toInt64(fl, lowerExpr(fl, zeros.args[1])) });
    const neg = fl.b.newBlock();
    const ok = fl.b.newBlock();
    fl.b.branch(fl.temp({ r: "bin", op: "<", a: n, b: constInt(I64, 0) }), neg, ok);
    fl.b.setBlock(neg);
    const desc: Operand = {
      o: "const",
      ty: PTR,
      v: { c: "sym", sym: fl.pl.types.desc(elemT), fn: false },
    };
    fl.b.call({ c: "rt", sym: "rog_makeslice" }, [desc, n, n], PTR);
    fl.b.goto(ok);
    fl.b.setBlock(ok);
    srcPtr = { o: "const", ty: PTR, v: { c: "zero" } };
  } else if (e.hasDots) {
    const src = fl.materialise(lowerExpr(fl, e.args[1]));
    srcPtr = copy(field(src, 0));
    n = copy(field(src, 1));
  } else {
    // Each value is read before any is stored: in append(s[:len(s)-1], '5', s[len(s)-1]) the
    // first store overwrites what the last argument reads.
    for (const a of args.slice(1)) {
      const v = fl.convert(a.v, a.t, elemT);
      vals.push(valueNow(fl, v));
    }
    srcPtr = { o: "const", ty: PTR, v: { c: "zero" } };
    n = constInt(I64, vals.length);
    if (vals.length === 0) return copy(s);
  }
  const r = place(fl.b.local({ k: "slice" }));
  const ref = fl.temp({ r: "ref", place: r });
  fl.b.call({ c: "rt", sym: "__rog_growslice" }, [
    ref,
    copy(field(s, 0)),
    copy(field(s, 1)),
    copy(field(s, 2)),
    n,
    size,
    fl.shapeOf(elem),
  ]);
  const oldLen = copy(field(s, 1));
  const dst = fl.temp({ r: "offset", ptr: copy(field(r, 0)), idx: oldLen, elem });
  if (zeros) {
    // The grown part may hold old elements (enough capacity) or unzeroed memory (noscan).
    const bytes = fl.temp({ r: "bin", op: "*", a: n, b: size });
    const zero = constInt({ k: "int", bits: 32, signed: true }, 0);
    fl.b.call({ c: "rt", sym: "memset" }, [dst, zero, bytes], PTR);
  } else if (e.hasDots) {
    const bytes = fl.temp({ r: "bin", op: "*", a: n, b: size });
    fl.b.call({ c: "rt", sym: memmoveFor(elem) }, [dst, srcPtr, bytes], PTR);
  } else {
    vals.forEach((v, i) => {
      const p = fl.temp({ r: "offset", ptr: dst, idx: constInt(I64, i), elem });
      fl.store(derefPlace(p, elem), v);
    });
  }
  return copy(r);
}

/** appendedMake returns x when it is `make([]T, n)` (no capacity), the argument of append's `...`. */
function appendedMake(fl: FuncLowerer, x: ast.Expr): ast.CallExpr | null {
  while (x.kind === "ParenExpr") x = x.x;
  if (x.kind !== "CallExpr" || x.args.length !== 2 || x.hasDots) return null;
  let fun: ast.Expr = x.fun;
  while (fun.kind === "ParenExpr") fun = fun.x;
  if (fun.kind !== "Ident") return null;
  const o = fl.info.uses.get(fun);
  return o && o.tag === "Builtin" && o.builtin === "make" ? x : null;
}

/** memmoveFor names the copy of elements of type elem: one without pointers says so. */
function memmoveFor(elem: MirType): string {
  return hasPointers(elem) ? "memmove" : "__rog_memmove_noptr";
}

/** clearValue lowers clear(v) for a map or slice v of Go type t. */
export function clearValue(fl: FuncLowerer, t: Type, v: Operand): void {
  if (under(t).tag === "Map") return mapClear(fl, t, v);
  const s = fl.materialise(v);
  const elem = mirType((under(t) as { elem: Type }).elem);
  const bytes = fl.temp({
    r: "bin",
    op: "*",
    a: copy(field(s, 1)),
    b: constInt(I64, sizeOf(elem)),
  });
  fl.b.call(
    { c: "rt", sym: "memset" },
    [copy(field(s, 0)), constInt({ k: "int", bits: 32, signed: true }, 0), bytes],
    PTR,
  );
}

function copyCall(fl: FuncLowerer, e: ast.CallExpr): Operand {
  const dst = lowerExpr(fl, e.args[0]);
  return copyValues(fl, fl.typeOf(e.args[0]), dst, lowerExpr(fl, e.args[1]));
}

/**
 * copyValues lowers copy(dst, src) on evaluated operands: dst is a slice of Go type dt, src a
 * slice or string with the same {ptr, len} prefix. It returns the number of elements copied.
 */
export function copyValues(fl: FuncLowerer, dt: Type, dst: Operand, src: Operand): Operand {
  const elem = mirType((under(dt) as { elem: Type }).elem);
  const d = fl.materialise(dst);
  const s = fl.materialise(src);
  const n = fl.temp({ r: "use", op: copy(field(d, 1)) });
  const shorter = fl.temp({ r: "bin", op: "<", a: copy(field(s, 1)), b: n });
  const np = (n as { place: ReturnType<typeof place> }).place;
  const yes = fl.b.newBlock();
  const join = fl.b.newBlock();
  fl.b.branch(shorter, yes, join);
  fl.b.setBlock(yes);
  fl.store(np, copy(field(s, 1)));
  fl.b.goto(join);
  fl.b.setBlock(join);
  const bytes = fl.temp({ r: "bin", op: "*", a: n, b: constInt(I64, sizeOf(elem)) });
  fl.b.call({ c: "rt", sym: memmoveFor(elem) }, [copy(field(d, 0)), copy(field(s, 0)), bytes], PTR);
  return n;
}

function panicCall(fl: FuncLowerer, e: ast.CallExpr): Operand | null {
  const a = e.args[0];
  const any = new Interface([], []);
  const v = fl.materialise(fl.convert(lowerExpr(fl, a), fl.typeOf(a), any, a));
  fl.b.call({ c: "rt", sym: "rog_gopanic" }, [copy(field(v, 0)), copy(field(v, 1))], VOID, true);
  return null;
}

function minMax(fl: FuncLowerer, e: ast.CallExpr, name: "min" | "max"): Operand {
  const t = fl.typeOf(e);
  const ty = mirType(t);
  if (ty.k === "float") {
    // llvm.minimum/maximum are the spec's: a NaN argument gives NaN, and -0 is below +0.
    const sym = `llvm.${name === "min" ? "minimum" : "maximum"}.f${ty.bits}`;
    let acc = coerce(fl, lowerExpr(fl, e.args[0]), ty);
    for (const a of e.args.slice(1)) {
      const v = coerce(fl, lowerExpr(fl, a), ty);
      acc = fl.b.call({ c: "rt", sym }, [acc, v], ty)!;
    }
    return acc;
  }
  const r = place(fl.b.local(ty));
  fl.store(r, coerce(fl, lowerExpr(fl, e.args[0]), ty));
  for (const a of e.args.slice(1)) {
    const v = fl.materialise(coerce(fl, lowerExpr(fl, a), ty));
    const better = fl.temp({ r: "bin", op: name === "min" ? "<" : ">", a: copy(v), b: copy(r) });
    const yes = fl.b.newBlock();
    const join = fl.b.newBlock();
    fl.b.branch(better, yes, join);
    fl.b.setBlock(yes);
    fl.store(r, copy(v));
    fl.b.goto(join);
    fl.b.setBlock(join);
  }
  void BOOL;
  void U8;
  void compositeLit;
  return copy(r);
}
