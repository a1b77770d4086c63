// Lowering of statements (Go spec "Statements"): assignments, declarations, if/for/range/
// switch, labels with break/continue/goto/fallthrough, and return.

import type * as ast from "../../syntax/ast.js";
import type { Var } from "../../types/object.js";
import type { Type } from "../../types/type.js";
import {
  constInt,
  copy,
  place,
  type BinOp,
  type BlockId,
  type Operand,
  type Place,
} from "../mir.js";
import { BOOL, I32, I64, PTR, SLICE, U8, type MirType } from "../types.js";
import { conversionOf, isByteSlice, lowerCall } from "./call.js";
import { arith, compareValues, lowerCond, lowerExpr, lowerPlace, coerce, nilWord } from "./expr.js";
import { derefPlace, field, type FuncLowerer } from "./func.js";
import { basicKind, mirType, under } from "./gotypes.js";
import { ifaceEqual, typeAssert, typeSwitch } from "./iface.js";
import { makeThunk } from "./thunk.js";
import { rangeFunc } from "./rangefunc.js";
import { walk } from "./scan.js";
import {
  chanRecv,
  chanSend,
  mapAssignLater,
  mapAssignPlace,
  mapIndexOk,
  rangeChan,
  rangeMap,
  selectStmt,
} from "./mapchan.js";
import { Typ } from "../../types/type.js";

/** selectRecvType gives the types of `v, ok` in a receive case: the element type and bool. */
function selectRecvType(fl: FuncLowerer, lhs: ast.Expr[], s: ast.SelectStmt): Type[] {
  for (const c of s.body.list as ast.CommClause[]) {
    const comm = c.comm;
    if (comm && comm.kind === "AssignStmt" && comm.lhs === lhs) {
      let e = comm.rhs[0];
      while (e.kind === "ParenExpr") e = e.x;
      const ct = fl.typeOf((e as ast.UnaryExpr).x);
      return [(under(ct) as unknown as { elem: Type }).elem, Typ.bool];
    }
  }
  return [];
}

function unparen(e: ast.Expr): ast.Expr {
  while (e.kind === "ParenExpr") e = e.x;
  return e;
}

/** lowerBlock lowers the statements of a block. */

export function lowerBlock(fl: FuncLowerer, b: ast.BlockStmt): void {
  for (const s of b.list) lowerStmt(fl, s);
}

/** lowerStmt lowers one statement. */
export function lowerStmt(fl: FuncLowerer, s: ast.Stmt, label: string | null = null): void {
  fl.at(s);
  switch (s.kind) {
    case "EmptyStmt":
      return;
    case "BlockStmt":
      return lowerBlock(fl, s);
    case "ExprStmt":
      if (s.x.kind === "CallExpr") lowerCall(fl, s.x);
      else lowerExpr(fl, s.x);
      return;
    case "DeclStmt":
      return declStmt(fl, s.decl);
    case "AssignStmt":
      return assign(fl, s);
    case "IncDecStmt": {
      const p = lhsPlace(fl, s.x);
      const t = fl.typeOf(s.x);
      const one = { o: "const", ty: mirType(t), v: { c: "int", v: 1n } } as Operand;
      const oneV =
        mirType(t).k === "float"
          ? ({ o: "const", ty: mirType(t), v: { c: "float", v: 1 } } as Operand)
          : one;
      const v = arith(fl, s, s.tok === "++" ? "+" : "-", t, copy(p), oneV, null);
      return fl.store(p, v);
    }
    case "IfStmt":
      return ifStmt(fl, s);
    case "ForStmt":
      return forStmt(fl, s, label);
    case "RangeStmt":
      return rangeStmt(fl, s, label);
    case "SwitchStmt":
      return switchStmt(fl, s, label);
    case "LabeledStmt":
      return labeled(fl, s);
    case "BranchStmt":
      return branch(fl, s);
    case "ReturnStmt":
      return returnStmt(fl, s);
    case "GoStmt": {
      const thunk = makeThunk(fl, s.call, "go");
      fl.at(s);
      fl.b.call({ c: "rt", sym: "rog_newproc" }, [thunk]);
      return;
    }
    case "DeferStmt": {
      const thunk = makeThunk(fl, s.call, "defer");
      fl.at(s);
      fl.b.call({ c: "rt", sym: "rog_deferproc" }, [thunk, fl.frame!]);
      return;
    }
    case "SelectStmt":
      return selectStmt(
        fl,
        s,
        (c, exit) => {
          fl.targets.push({ label, breakTo: exit, continueTo: null });
          for (const st of c.body) lowerStmt(fl, st);
          fl.targets.pop();
          if (!fl.b.terminated) fl.b.goto(exit);
        },
        (lhs, tok, vals) => {
          const rx = selectRecvType(fl, lhs, s);
          assignValues(fl, lhs, tok, vals, rx);
        },
      );
    case "SendStmt":
      return chanSend(fl, s);
    case "TypeSwitchStmt":
      return typeSwitch(fl, s, label);
    default:
      return fl.unsupported(s, `${s.kind} statements`);
  }
}

/** caseEqual compares a switch's tag with one case value (Go spec "Expression switches"). */
function caseEqual(fl: FuncLowerer, e: ast.Expr, tag: Place, tagTy: Type): Operand {
  const ct = fl.typeOf(e);
  if (ct.tag === "Basic" && ct.kind === "untyped nil") {
    const word = nilWord(fl, under(tagTy).tag, copy(tag));
    return fl.temp({ r: "bin", op: "==", a: word, b: { o: "const", ty: PTR, v: { c: "zero" } } });
  }
  if (under(tagTy).tag !== "Interface" && under(ct).tag === "Interface") {
    // A concrete tag and an interface case value compare as interfaces.
    const a = fl.convert(copy(tag), tagTy, ct, e);
    return ifaceEqual(fl, a, lowerExpr(fl, e), ct);
  }
  const ty = mirType(tagTy);
  const v = fl.convert(lowerExpr(fl, e), ct, tagTy);
  return compareValues(fl, e, "==", ty, copy(tag), coerce(fl, v, ty), tagTy);
}

function declStmt(fl: FuncLowerer, d: ast.GenDecl): void {
  if (d.tok !== "var") return;
  for (const spec of d.specs) {
    if (spec.kind !== "ValueSpec") continue;
    const vars = spec.names.map((n) => fl.info.defs.get(n) as Var | undefined);
    if (spec.values.length === 0) {
      for (const v of vars) if (v && v.name !== "_") fl.declareVar(v, null);
      continue;
    }
    const vals = rhsValues(
      fl,
      spec.values,
      vars.map((v) => (v ? fl.varType(v) : null)),
      spec.names.length,
    );
    vars.forEach((v, i) => {
      if (v && v.name !== "_") fl.declareVar(v, vals[i]);
    });
  }
}

/**
 * rhsValues evaluates right-hand sides into temporaries (so that swaps work), converting to
 * the target types when known; a single multi-valued expression is spread.
 */
/** okValue converts a comma-ok result to its target's type (`var v, ok any = m[k]`). */
function okValue(fl: FuncLowerer, ok: Operand, target: Type | null): Operand {
  return target ? fl.convert(ok, Typ.bool, target) : ok;
}

export function rhsValues(
  fl: FuncLowerer,
  rhs: ast.Expr[],
  targets: (Type | null)[],
  n: number,
): Operand[] {
  const r0 = rhs.length === 1 ? unparen(rhs[0]) : null;
  if (r0 && n === 2 && isMapIndex(fl, r0)) {
    const [v, ok] = mapIndexOk(fl, r0);
    const tt = targets[0];
    const vt = (under(fl.typeOf(r0.x)) as unknown as { elem: Type }).elem;
    return [tt ? fl.convert(v, vt, tt) : v, okValue(fl, ok, targets[1])];
  }
  if (r0 && n === 2 && r0.kind === "UnaryExpr" && r0.op === "<-") {
    const [v, ok] = chanRecv(fl, r0);
    const tt = targets[0];
    const vt = (under(fl.typeOf(r0.x)) as unknown as { elem: Type }).elem;
    return [tt ? fl.convert(v, vt, tt) : v, okValue(fl, ok, targets[1])];
  }
  if (rhs.length === 1 && n === 2 && unparen(rhs[0]).kind === "TypeAssertExpr") {
    const ta = unparen(rhs[0]) as ast.TypeAssertExpr;
    const [v, ok] = typeAssert(fl, ta, true);
    const tt = targets[0];
    let vt = fl.typeOf(rhs[0]);
    if (vt.tag === "Tuple") vt = vt.vars[0].type;
    return [tt ? fl.convert(v, vt, tt) : v, okValue(fl, ok, targets[1])];
  }
  if (rhs.length === 1 && n > 1) {
    const t = fl.typeOf(rhs[0]);
    if (t.tag !== "Tuple") return fl.unsupported(rhs[0], "comma-ok expressions");
    const p = fl.materialise(lowerExpr(fl, rhs[0]));
    return t.vars.map((v, i) => {
      const tt = targets[i];
      return tt ? fl.convert(copy(field(p, i)), v.type, tt) : copy(field(p, i));
    });
  }
  return rhs.map((e, i) => {
    const v = lowerExpr(fl, e);
    const tt = targets[i];
    const c = tt ? fl.convert(v, fl.typeOf(e), tt, e) : v;
    return n > 1 && c.o === "copy" ? fl.temp({ r: "use", op: c }) : c;
  });
}

function assign(fl: FuncLowerer, s: ast.AssignStmt): void {
  if (s.tok === ":=" || s.tok === "=") {
    const targets = s.lhs.map((l) => (isBlank(l) ? null : lhsType(fl, l, s.tok)));
    // Go spec "Assignment statements": index and pointer operands on the left are evaluated
    // before the right-hand sides; map insertion happens last.
    const later = s.lhs.map((l) => {
      if (isBlank(l) || s.tok === ":=") return null;
      let e = l;
      while (e.kind === "ParenExpr") e = e.x;
      if (isMapIndex(fl, e)) return mapAssignLater(fl, e);
      if (e.kind === "Ident") return null;
      const p = lowerPlace(fl, e);
      return () => p;
    });
    if (s.lhs.length === 1 && !isBlank(s.lhs[0]) && s.tok === "=") {
      const v = fl.convert(lowerExpr(fl, s.rhs[0]), fl.typeOf(s.rhs[0]), targets[0]!, s.rhs[0]);
      return fl.store(later[0] ? later[0]() : lowerPlace(fl, s.lhs[0]), v);
    }
    const vals = rhsValues(fl, s.rhs, targets, s.lhs.length);
    s.lhs.forEach((l, i) => {
      if (isBlank(l)) return;
      if (s.tok === ":=" && l.kind === "Ident") {
        const def = fl.info.defs.get(l);
        if (def && def.tag === "Var") {
          fl.declareVar(def, vals[i]);
          return;
        }
      }
      const at = later[i];
      fl.store(at ? at() : lhsPlace(fl, l), vals[i]);
    });
    return;
  }
  // x op= y
  const op = s.tok.slice(0, -1) as BinOp;
  const p = lhsPlace(fl, s.lhs[0]);
  const t = fl.typeOf(s.lhs[0]);
  const y = lowerExpr(fl, s.rhs[0]);
  fl.store(p, arith(fl, s, op, t, copy(p), y, s.rhs[0]));
}

/** isMapIndex reports `m[k]` on a map. */
function isMapIndex(fl: FuncLowerer, e: ast.Expr): e is ast.IndexExpr {
  while (e.kind === "ParenExpr") e = e.x;
  return e.kind === "IndexExpr" && under(fl.typeOf(e.x)).tag === "Map";
}

/** lhsPlace is the place an assignment stores to; `m[k]` inserts the key (mapassign). */
function lhsPlace(fl: FuncLowerer, e: ast.Expr): Place {
  while (e.kind === "ParenExpr") e = e.x;
  if (isMapIndex(fl, e)) return mapAssignPlace(fl, e);
  return lowerPlace(fl, e);
}

/** assignValues stores (or declares, for :=) already evaluated values into lhs. */
function assignValues(
  fl: FuncLowerer,
  lhs: ast.Expr[],
  tok: string,
  vals: Operand[],
  types: Type[],
): void {
  lhs.forEach((l, i) => {
    if (isBlank(l)) return;
    const t = lhsType(fl, l, tok);
    const v = fl.convert(vals[i], types[i], t, l);
    if (tok === ":=" && l.kind === "Ident") {
      const def = fl.info.defs.get(l);
      if (def && def.tag === "Var") {
        fl.declareVar(def, v);
        return;
      }
    }
    fl.store(lhsPlace(fl, l), v);
  });
}

/** hasCall reports a function call or channel receive inside e. */
function hasCall(e: ast.Expr): boolean {
  let found = false;
  walk(e, (n) => {
    if (n.kind === "CallExpr" || (n.kind === "UnaryExpr" && n.op === "<-")) found = true;
    return !found && n.kind !== "FuncLit";
  });
  return found;
}

function isBlank(e: ast.Expr): boolean {
  return e.kind === "Ident" && e.name === "_";
}

function lhsType(fl: FuncLowerer, l: ast.Expr, tok: string): Type {
  if (l.kind === "Ident") {
    const d = (tok === ":=" ? fl.info.defs.get(l) : null) ?? fl.info.uses.get(l);
    if (d && d.tag === "Var") return fl.varType(d);
  }
  return fl.typeOf(l);
}

function ifStmt(fl: FuncLowerer, s: ast.IfStmt): void {
  if (s.init) lowerStmt(fl, s.init);
  const yes = fl.b.newBlock();
  const no = fl.b.newBlock();
  const join = s.else_ ? fl.b.newBlock() : no;
  lowerCond(fl, s.cond, yes, no);
  fl.b.setBlock(yes);
  lowerBlock(fl, s.body);
  if (!fl.b.terminated) fl.b.goto(join);
  if (s.else_) {
    fl.b.setBlock(no);
    lowerStmt(fl, s.else_);
    if (!fl.b.terminated) fl.b.goto(join);
  }
  fl.b.setBlock(join);
}

/** loopVars are the variables a for statement's init declares (per-iteration since Go 1.22). */
function loopVars(fl: FuncLowerer, s: ast.ForStmt): Var[] {
  if (!s.init || s.init.kind !== "AssignStmt" || s.init.tok !== ":=") return [];
  const out: Var[] = [];
  for (const l of s.init.lhs) {
    const d = l.kind === "Ident" ? fl.info.defs.get(l) : null;
    if (d && d.tag === "Var") out.push(d);
  }
  return out;
}

export function perIterationVars(fl: FuncLowerer): boolean {
  const v = fl.pl.opts.goVersion ?? fl.pl.pkg.goVersion ?? "";
  const m = /^go1\.(\d+)/.exec(v);
  return !m || Number(m[1]) >= 22;
}

function forStmt(fl: FuncLowerer, s: ast.ForStmt, label: string | null): void {
  if (s.init) lowerStmt(fl, s.init);
  const head = fl.b.newBlock();
  const body = fl.b.newBlock();
  const post = fl.b.newBlock();
  const exit = fl.b.newBlock();
  fl.b.goto(head);
  fl.b.setBlock(head);
  if (s.cond) lowerCond(fl, s.cond, body, exit);
  else fl.b.goto(body);

  fl.b.setBlock(body);
  fl.targets.push({ label, breakTo: exit, continueTo: post });
  lowerBlock(fl, s.body);
  fl.targets.pop();
  if (!fl.b.terminated) fl.b.goto(post);

  fl.b.setBlock(post);
  // Go 1.22: each iteration has its own copy of the loop variables. Only variables in heap
  // cells (captured or address-taken) can tell the difference; give them a fresh cell.
  if (perIterationVars(fl)) {
    for (const v of loopVars(fl, s)) {
      const slot = fl.slots.get(v);
      if (!slot || slot.k !== "cell") continue;
      const old = copy(fl.slotPlace(slot));
      const cell = fl.alloc(slot.ty);
      fl.store(derefPlace(cell, slot.ty), old);
      fl.store(place(slot.ptr), cell);
    }
  }
  if (s.post) lowerStmt(fl, s.post);
  fl.b.goto(head);
  fl.b.setBlock(exit);
}

function rangeStmt(fl: FuncLowerer, s: ast.RangeStmt, label: string | null): void {
  const xt = under(fl.typeOf(s.x));
  if (xt.tag === "Basic" && (xt.kind === "string" || xt.kind === "untyped string")) {
    return rangeString(fl, s, label);
  }
  const loopBody = (cont: number, exit: number) => {
    fl.targets.push({ label, breakTo: exit, continueTo: cont });
    lowerBlock(fl, s.body);
    fl.targets.pop();
    if (!fl.b.terminated) fl.b.goto(cont);
  };
  if (xt.tag === "Map") {
    return rangeMap(fl, s, (k, v) => bindRangeVars(fl, s, k, v), loopBody);
  }
  if (xt.tag === "Chan") {
    return rangeChan(fl, s, (v) => bindRangeVars(fl, s, v, null), loopBody);
  }
  let len: Operand;
  let elemAt: ((i: Operand) => Operand) | null = null;
  if (xt.tag === "Basic") {
    len = coerce(fl, lowerExpr(fl, s.x), mirType(rangeKeyType(fl, s) ?? fl.typeOf(s.x)));
  } else if (xt.tag === "Slice") {
    const sl = fl.materialise(rangedBytes(fl, s.x) ?? lowerExpr(fl, s.x));
    const held = fl.materialise(copy(sl));
    len = copy(field(held, 1));
    const elem = mirType(xt.elem);
    elemAt = (i) =>
      copy(derefPlace(fl.temp({ r: "offset", ptr: copy(field(held, 0)), idx: i, elem }), elem));
  } else if (xt.tag === "Array" || (xt.tag === "Pointer" && under(xt.elem).tag === "Array")) {
    const arr = (xt.tag === "Array" ? xt : under((xt as { elem: Type }).elem)) as {
      len: number;
      elem: Type;
    };
    len = constInt(I64, arr.len);
    if (s.value && !isBlank(s.value)) {
      // The range expression is evaluated once; arrays are copied (Go spec "For range").
      if (xt.tag === "Array") {
        const copyP = fl.materialise(fl.temp({ r: "use", op: lowerExpr(fl, s.x) }));
        elemAt = (i) => copy({ local: copyP.local, proj: [...copyP.proj, { p: "index", idx: i }] });
      } else {
        const p = fl.materialise(lowerExpr(fl, s.x));
        const elem = mirType(arr.elem);
        elemAt = (i) => {
          fl.nilCheck(copy(p));
          const ptr = fl.temp({ r: "offset", ptr: copy(p), idx: i, elem });
          return copy(derefPlace(ptr, elem));
        };
      }
    } else if (hasCall(s.x)) {
      // The length is constant, but a range expression with calls is still evaluated.
      lowerExpr(fl, s.x);
    }
  } else if (xt.tag === "Signature") {
    return rangeFunc(fl, s, label, (inner, params) =>
      bindRangeVars(
        inner,
        s,
        params[0] ?? constInt(I64, 0),
        params.length > 1 ? () => params[1] : null,
      ),
    );
  } else {
    return fl.unsupported(s, "range over this type");
  }
  const it = fl.b.local(fl.b.rvType({ r: "use", op: len }));
  const itTy = fl.b.localType(it);
  fl.store(place(it), { o: "const", ty: itTy, v: { c: "int", v: 0n } });
  const head = fl.b.newBlock();
  const body = fl.b.newBlock();
  const post = fl.b.newBlock();
  const exit = fl.b.newBlock();
  fl.b.goto(head);
  fl.b.setBlock(head);
  const more = fl.temp({ r: "bin", op: "<", a: copy(place(it)), b: len });
  fl.b.branch(more, body, exit);
  fl.b.setBlock(body);
  bindRangeVars(fl, s, copy(place(it)), elemAt ? () => elemAt!(copy(place(it))) : null);
  fl.targets.push({ label, breakTo: exit, continueTo: post });
  lowerBlock(fl, s.body);
  fl.targets.pop();
  if (!fl.b.terminated) fl.b.goto(post);
  fl.b.setBlock(post);
  fl.store(
    place(it),
    fl.temp({
      r: "bin",
      op: "+",
      a: copy(place(it)),
      b: { o: "const", ty: itTy, v: { c: "int", v: 1n } },
    }),
  );
  fl.b.goto(head);
  fl.b.setBlock(exit);
}

/**
 * rangedBytes lowers a range expression `[]byte(s)`, s a string, as a slice sharing s's bytes:
 * the loop cannot reach the slice to change it, so no copy is made (as gc does).
 */
function rangedBytes(fl: FuncLowerer, x: ast.Expr): Operand | null {
  const c = conversionOf(fl, x);
  if (!c || !isByteSlice(c.to) || basicKind(c.from) !== "string") return null;
  const str = fl.materialise(lowerExpr(fl, c.arg));
  const n = copy(field(str, 1));
  return fl.temp({ r: "agg", ty: SLICE, ops: [copy(field(str, 0)), n, n] });
}

function rangeKeyType(fl: FuncLowerer, s: ast.RangeStmt): Type | null {
  if (!s.key || isBlank(s.key)) return null;
  return lhsType(fl, s.key, s.tok ?? "=");
}

/** bindRangeVars assigns (or declares, for :=) the iteration variables. */
function bindRangeVars(
  fl: FuncLowerer,
  s: ast.RangeStmt,
  key: Operand | (() => Operand),
  value: (() => Operand) | null,
): void {
  const keyFn = typeof key === "function" ? key : () => key;
  const pairs: [ast.Expr | null, () => Operand][] = [[s.key, keyFn]];
  if (value) pairs.push([s.value, value]);
  if (s.tok === ":=") {
    for (const [e, v] of pairs) {
      if (!e || isBlank(e) || e.kind !== "Ident") continue;
      const d = fl.info.defs.get(e);
      if (d && d.tag === "Var") fl.declareVar(d, fl.convert(v(), fl.varType(d), fl.varType(d)));
    }
    return;
  }
  // Assignment form: like a parallel assignment, the targets' operands are evaluated first.
  const targets = pairs.map(([e]) => {
    if (!e || isBlank(e)) return null;
    const t = lhsType(fl, e, "=");
    let x = e;
    while (x.kind === "ParenExpr") x = x.x;
    const at = isMapIndex(fl, x)
      ? mapAssignLater(fl, x)
      : (() => {
          const p = lowerPlace(fl, x);
          return () => p;
        })();
    return { t, at };
  });
  const vals = pairs.map(([, v], i) => (targets[i] ? fl.temp({ r: "use", op: v() }) : null));
  targets.forEach((tg, i) => {
    if (tg) fl.store(tg.at(), coerce(fl, vals[i]!, mirType(tg.t)));
  });
}

function rangeString(fl: FuncLowerer, s: ast.RangeStmt, label: string | null): void {
  const str = fl.materialise(fl.temp({ r: "use", op: lowerExpr(fl, s.x) }));
  const it = fl.b.local(I64);
  const next = fl.b.local(I64);
  const rune = fl.b.local(I32);
  fl.store(place(it), constInt(I64, 0));
  const head = fl.b.newBlock();
  const body = fl.b.newBlock();
  const post = fl.b.newBlock();
  const exit = fl.b.newBlock();
  fl.b.goto(head);
  fl.b.setBlock(head);
  const more = fl.temp({ r: "bin", op: "<", a: copy(place(it)), b: copy(field(str, 1)) });
  fl.b.branch(more, body, exit);
  fl.b.setBlock(body);

  // ASCII fast path inline; anything else decodes in the runtime.
  const p = fl.temp({ r: "offset", ptr: copy(field(str, 0)), idx: copy(place(it)), elem: U8 });
  const byte = fl.temp({ r: "use", op: copy(derefPlace(p, U8)) });
  const ascii = fl.temp({ r: "bin", op: "<", a: byte, b: constInt(U8, 0x80) });
  const fast = fl.b.newBlock();
  const slow = fl.b.newBlock();
  const got = fl.b.newBlock();
  fl.b.branch(ascii, fast, slow);
  fl.b.setBlock(fast);
  fl.store(place(rune), fl.temp({ r: "conv", a: byte, ty: I32 }));
  fl.store(place(next), fl.temp({ r: "bin", op: "+", a: copy(place(it)), b: constInt(I64, 1) }));
  fl.b.goto(got);
  fl.b.setBlock(slow);
  const pair: MirType = { k: "struct", fields: [I32, I64] };
  const dec = fl.b.call(
    { c: "rt", sym: "__rog_decoderune" },
    [copy(field(str, 0)), copy(field(str, 1)), copy(place(it))],
    pair,
  )!;
  const dp = fl.materialise(dec);
  fl.store(place(rune), copy(field(dp, 0)));
  fl.store(place(next), copy(field(dp, 1)));
  fl.b.goto(got);
  fl.b.setBlock(got);

  bindRangeVars(fl, s, copy(place(it)), () => copy(place(rune)));
  fl.targets.push({ label, breakTo: exit, continueTo: post });
  lowerBlock(fl, s.body);
  fl.targets.pop();
  if (!fl.b.terminated) fl.b.goto(post);
  fl.b.setBlock(post);
  fl.store(place(it), copy(place(next)));
  fl.b.goto(head);
  fl.b.setBlock(exit);
  void PTR;
}

function switchStmt(fl: FuncLowerer, s: ast.SwitchStmt, label: string | null): void {
  if (s.init) lowerStmt(fl, s.init);
  let tag: Place | null = null;
  let tagTy: Type | null = null;
  if (s.tag) {
    tagTy = fl.typeOf(s.tag);
    tag = fl.materialise(fl.temp({ r: "use", op: lowerExpr(fl, s.tag) }));
  }
  const clauses = s.body.list as ast.CaseClause[];
  const exit = fl.b.newBlock();
  const bodies = clauses.map(() => fl.b.newBlock());
  let dflt: BlockId = exit;

  // Tests, in source order; the default clause is taken only when no case matches.
  clauses.forEach((c, i) => {
    if (c.list === null) {
      dflt = bodies[i];
      return;
    }
    for (const e of c.list) {
      const next = fl.b.newBlock();
      fl.at(e);
      if (tag && tagTy) {
        fl.b.branch(caseEqual(fl, e, tag, tagTy), bodies[i], next);
      } else if (under(fl.typeOf(e)).tag === "Interface") {
        // A tagless switch is `switch true`: an interface case value is compared with true
        // (test/switch.go, `switch i := any(true); { case i: ... }`).
        const yes: Operand = { o: "const", ty: BOOL, v: { c: "bool", v: true } };
        const t = fl.materialise(fl.temp({ r: "use", op: yes }));
        fl.b.branch(caseEqual(fl, e, t, Typ.bool), bodies[i], next);
      } else {
        lowerCond(fl, e, bodies[i], next);
      }
      fl.b.setBlock(next);
    }
  });
  fl.b.goto(dflt);

  clauses.forEach((c, i) => {
    fl.b.setBlock(bodies[i]);
    fl.targets.push({ label, breakTo: exit, continueTo: null });
    const last = c.body[c.body.length - 1];
    const falls = last && last.kind === "BranchStmt" && last.tok === "fallthrough";
    for (const st of falls ? c.body.slice(0, -1) : c.body) lowerStmt(fl, st);
    fl.targets.pop();
    if (!fl.b.terminated) fl.b.goto(falls ? bodies[i + 1] : exit);
  });
  fl.b.setBlock(exit);
}

function labelBlock(fl: FuncLowerer, name: string): BlockId {
  let b = fl.labels.get(name);
  if (b === undefined) {
    b = fl.b.newBlock();
    fl.labels.set(name, b);
  }
  return b;
}

function labeled(fl: FuncLowerer, s: ast.LabeledStmt): void {
  const b = labelBlock(fl, s.label.name);
  if (!fl.b.terminated) fl.b.goto(b);
  fl.b.setBlock(b);
  const inner = s.stmt;
  if (inner.kind === "ForStmt" || inner.kind === "RangeStmt" || inner.kind === "SwitchStmt") {
    return lowerStmt(fl, inner, s.label.name);
  }
  if (inner.kind === "SelectStmt" || inner.kind === "TypeSwitchStmt")
    return lowerStmt(fl, inner, s.label.name);
  lowerStmt(fl, inner);
}

function branch(fl: FuncLowerer, s: ast.BranchStmt): void {
  const name = s.label?.name ?? null;
  switch (s.tok) {
    case "goto":
      return fl.b.goto(labelBlock(fl, name!));
    case "fallthrough":
      return fl.unsupported(s, "fallthrough outside the end of a case");
    case "break":
    case "continue": {
      for (let i = fl.targets.length - 1; i >= 0; i--) {
        const t = fl.targets[i];
        if (name !== null && t.label !== name) continue;
        if (s.tok === "continue" && t.continueTo === null) continue;
        fl.b.goto(s.tok === "break" ? t.breakTo : t.continueTo!);
        return;
      }
      return fl.unsupported(s, `${s.tok} without a target`);
    }
  }
}

function returnStmt(fl: FuncLowerer, s: ast.ReturnStmt): void {
  if (fl.range) {
    // In a range-over-func loop body: store the enclosing function's results, then leave.
    const { results, resultTypes } = fl.range;
    if (s.results.length > 0) {
      const vals = rhsValues(fl, s.results, resultTypes, resultTypes.length);
      fl.at(s);
      vals.forEach((v, i) => fl.store(fl.varPlace(results[i]), v));
    }
    return fl.returnStored();
  }
  if (s.results.length === 0) return fl.emitReturn(null);
  const targets = fl.resultTypes;
  const vals = rhsValues(fl, s.results, targets, targets.length);
  fl.at(s);
  fl.emitReturn(vals);
}
