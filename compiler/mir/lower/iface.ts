// Interfaces (Go spec "Interface types", "Type assertions", "Type switches"): conversions to
// interfaces (boxing the value unless it is pointer-shaped), method calls through itabs,
// assertions, type switches and interface comparison, as ABI.md §6 lays them out.

import type * as ast from "../../syntax/ast.js";
import type { Var } from "../../types/object.js";
import { Typ, type BasicKind, type Interface, type Type } from "../../types/type.js";
import {
  constBool,
  copy,
  place,
  type BlockId,
  type Callee,
  type Operand,
  type Place,
} from "../mir.js";
import { BOOL, IFACE, PTR, U8, U32, U64, arrayType, structType, type MirType } from "../types.js";
import { asCopy, lowerExpr } from "./expr.js";
import { derefPlace, field, type FuncLowerer } from "./func.js";
import { basicKind, constVal, mirType, under } from "./gotypes.js";
import { lowerBlock, lowerStmt } from "./stmt.js";
import { HEADER, TF_RUNTIME, fromWord, ifaceMethods, isDirectIface, wordPath } from "./typedesc.js";

const NIL: Operand = { o: "const", ty: PTR, v: { c: "zero" } };

function symOp(sym: string): Operand {
  return { o: "const", ty: PTR, v: { c: "sym", sym, fn: false } };
}

/** isEmptyIface reports `interface{}` / `any` (its first word is a type, not an itab). */
export function isEmptyIface(t: Type): boolean {
  const u = under(t);
  return u.tag === "Interface" && ifaceMethods(u).length === 0;
}

/** defaultType gives untyped constants their default type (Go spec "Constants"). */
function defaultType(fl: FuncLowerer, t: Type): Type {
  const k = basicKind(t);
  if (!k || !k.startsWith("untyped")) return t;
  const name = {
    "untyped bool": "bool",
    "untyped int": "int",
    "untyped rune": "int32",
    "untyped float": "float64",
    "untyped complex": "complex128",
    "untyped string": "string",
  }[k as string];
  return name ? Typ[name as BasicKind] : t;
}

/**
 * staticData is read-only data holding the value of expression at, converted to an interface
 * from type from, when the value is known at compile time (gc's ir.StaticValue and readonly
 * static composite literals): a local variable that always holds one constant, or a composite
 * literal of constants. Null otherwise.
 */
function staticData(fl: FuncLowerer, at: { pos: number }, from: Type): Operand | null {
  if (!("kind" in at)) return null;
  let e = at as ast.Expr;
  while (e.kind === "ParenExpr") e = e.x;
  if (e.kind === "Ident") {
    const o = fl.info.uses.get(e);
    const c = o && o.tag === "Var" ? fl.pl.constLocal(o) : undefined;
    if (!c || fl.subst.size > 0) return null;
    const ty = mirType(from);
    return symOp(fl.pl.constBox(ty, constVal(c, ty)));
  }
  if (e.kind === "CompositeLit" && fl.subst.size === 0) {
    const sym = fl.pl.statics.box(e, from);
    return sym ? symOp(sym) : null;
  }
  return null;
}

/** toIface converts v (Go type from) to the interface type to. */
export function toIface(
  fl: FuncLowerer,
  at: { pos: number },
  v: Operand,
  from: Type,
  to: Type,
): Operand {
  if (under(from).tag === "Interface") return ifaceToIface(fl, v, from, to);
  from = defaultType(fl, from);

  const types = fl.pl.types;
  const word0 = symOp(isEmptyIface(to) ? types.desc(from) : types.itab(from, to));
  let data: Operand | null;
  if (isDirectIface(from)) {
    // The value itself, or the pointer a `[1]*T` or `struct{ p *T }` holds.
    const path = wordPath(from);
    if (path.length) {
      const p = fl.materialise(v);
      data = copy({ local: p.local, proj: [...p.proj, ...path] });
    } else {
      data = v;
    }
  } else if (v.o === "const" && ["int", "float", "bool", "str"].includes(v.v.c)) {
    data = symOp(fl.pl.constBox(mirType(from), v.v));
  } else if ((data = staticData(fl, at, from))) {
    // A value known at compile time: read-only data, as for a constant.
  } else if (mirType(from).k === "int") {
    // Small integers share read-only boxes (rog_convT64); the value goes zero-extended.
    const { bits } = mirType(from) as { bits: 8 | 16 | 32 | 64 };
    const raw = fl.temp({ r: "conv", a: v, ty: { k: "int", bits, signed: false } });
    const wide = fl.temp({ r: "conv", a: raw, ty: U64 });
    data = fl.b.call({ c: "rt", sym: "rog_convT64" }, [wide], PTR)!;
  } else {
    const ty = mirType(from);
    const box = fl.alloc(ty);
    fl.store(derefPlace(box, ty), v);
    data = box;
  }
  return fl.temp({ r: "agg", ty: IFACE, ops: [word0, data] });
}

/** typeWord is the dynamic type of an interface value (null when nil). */
export function typeWord(fl: FuncLowerer, iv: Place, t: Type): Operand {
  if (isEmptyIface(t)) return copy(field(iv, 0));
  const r = place(fl.b.local(PTR));
  fl.store(r, NIL);
  const tab = copy(field(iv, 0));
  const notNil = fl.temp({ r: "bin", op: "!=", a: tab, b: NIL });
  const yes = fl.b.newBlock();
  const join = fl.b.newBlock();
  fl.b.branch(notNil, yes, join);
  fl.b.setBlock(yes);
  fl.store(r, copy(field(derefPlace(tab, ITAB_HEAD), 1)));
  fl.b.goto(join);
  fl.b.setBlock(join);
  return copy(r);
}

const ITAB_HEAD: MirType = structType([PTR, PTR, U32, U32]);

function ifaceToIface(fl: FuncLowerer, v: Operand, from: Type, to: Type): Operand {
  if (isEmptyIface(from) === isEmptyIface(to) && (isEmptyIface(to) || sameIface(from, to)))
    return v;
  const iv = fl.materialise(v);
  const tw = typeWord(fl, iv, from);
  if (isEmptyIface(to)) return fl.temp({ r: "agg", ty: IFACE, ops: [tw, copy(field(iv, 1))] });
  const r = place(fl.b.local(IFACE));
  fl.store(r, { o: "const", ty: IFACE, v: { c: "zero" } });
  const notNil = fl.temp({ r: "bin", op: "!=", a: tw, b: NIL });
  const yes = fl.b.newBlock();
  const join = fl.b.newBlock();
  fl.b.branch(notNil, yes, join);
  fl.b.setBlock(yes);
  const inter = symOp(fl.pl.types.desc(to));
  const tab = fl.b.call({ c: "rt", sym: "rog_getitab" }, [inter, tw, constBool(false)], PTR)!;
  fl.store(r, fl.temp({ r: "agg", ty: IFACE, ops: [tab, copy(field(iv, 1))] }));
  fl.b.goto(join);
  fl.b.setBlock(join);
  return copy(r);
}

function sameIface(a: Type, b: Type): boolean {
  const ma = ifaceMethods(under(a) as Interface)
    .map((m) => m.name)
    .join(",");
  const mb = ifaceMethods(under(b) as Interface)
    .map((m) => m.name)
    .join(",");
  return ma === mb;
}

/** ifaceCall computes callee and data-word receiver of a method call on an interface value. */
export function ifaceCall(
  fl: FuncLowerer,
  x: Operand,
  t: Type,
  name: string,
): { callee: Callee; recv: Operand } {
  const it = under(t) as Interface;
  const ms = ifaceMethods(it);
  const i = ms.findIndex((m) => m.name === name);
  const iv = fl.materialise(x);
  const tab = asCopy(fl, copy(field(iv, 0)));
  fl.nilCheck(tab);
  const itabTy = structType([PTR, PTR, U32, U32, arrayType(ms.length, PTR)]);
  const tabPlace = derefPlace(tab, itabTy);
  const fn = copy({
    local: tabPlace.local,
    proj: [
      ...tabPlace.proj,
      { p: "field", i: 4 },
      {
        p: "index",
        idx: {
          o: "const",
          ty: { k: "int", bits: 64, signed: true },
          v: { c: "int", v: BigInt(i) },
        },
      },
    ],
  });
  return { callee: { c: "ptr", fn, ctx: NIL }, recv: copy(field(iv, 1)) };
}

/** fromIface extracts a value of concrete type t from an interface's data word. */
function fromData(fl: FuncLowerer, data: Operand, t: Type): Operand {
  if (isDirectIface(t)) return fromWord(fl.b, data, t);
  return copy(derefPlace(asCopy(fl, data), mirType(t)));
}

/**
 * typeAssert lowers x.(T). With commaOk it returns [value, ok] (value zero when not ok);
 * otherwise a failed assertion panics as gc does.
 */
export function typeAssert(fl: FuncLowerer, e: ast.TypeAssertExpr, commaOk: boolean): Operand[] {
  const xt = fl.typeOf(e.x);
  let T = fl.typeOf(e);
  // In a comma-ok assignment the checker records the pair (T, bool).
  if (T.tag === "Tuple") T = T.vars[0].type;
  const tt = mirType(T);
  const iv = fl.materialise(fl.temp({ r: "use", op: lowerExpr(fl, e.x) }));
  const tw = typeWord(fl, iv, xt);
  const res = place(fl.b.local(tt));
  fl.store(res, { o: "const", ty: tt, v: { c: "zero" } });
  const ok = place(fl.b.local(BOOL));
  fl.store(ok, constBool(false));
  const yes = fl.b.newBlock();
  const no = fl.b.newBlock();
  const join = fl.b.newBlock();

  if (under(T).tag !== "Interface") {
    const want = symOp(fl.pl.types.desc(T));
    const twp = fl.materialise(tw);
    const hit = fl.temp({ r: "bin", op: "==", a: copy(twp), b: want });
    const miss = fl.b.newBlock();
    fl.b.branch(hit, yes, miss);
    fl.b.setBlock(miss);
    sameTypeSlow(fl, twp, want, runtimeMade(fl, twp), yes, no);
    fl.b.setBlock(yes);
    fl.store(res, fromData(fl, copy(field(iv, 1)), T));
  } else if (isEmptyIface(T)) {
    const hit = fl.temp({ r: "bin", op: "!=", a: tw, b: NIL });
    fl.b.branch(hit, yes, no);
    fl.b.setBlock(yes);
    fl.store(res, fl.temp({ r: "agg", ty: IFACE, ops: [tw, copy(field(iv, 1))] }));
  } else {
    const inter = symOp(fl.pl.types.desc(T));
    const nn = fl.temp({ r: "bin", op: "!=", a: tw, b: NIL });
    const look = fl.b.newBlock();
    if (commaOk) {
      fl.b.branch(nn, look, no);
      fl.b.setBlock(look);
      const tab = fl.b.call({ c: "rt", sym: "rog_getitab" }, [inter, tw, constBool(true)], PTR)!;
      const found = fl.temp({ r: "bin", op: "!=", a: tab, b: NIL });
      const got = fl.b.newBlock();
      fl.b.branch(found, got, no);
      fl.b.setBlock(got);
      fl.store(res, fl.temp({ r: "agg", ty: IFACE, ops: [tab, copy(field(iv, 1))] }));
      fl.b.goto(yes);
      fl.b.setBlock(yes);
    } else {
      const tab = fl.b.call({ c: "rt", sym: "rog_assertE2I" }, [inter, tw], PTR)!;
      fl.store(res, fl.temp({ r: "agg", ty: IFACE, ops: [tab, copy(field(iv, 1))] }));
      fl.b.goto(yes);
      fl.b.setBlock(yes);
    }
    void look;
  }
  fl.store(ok, constBool(true));
  fl.b.goto(join);

  fl.b.setBlock(no);
  if (!commaOk) {
    const iface = symOp(fl.pl.types.desc(xt));
    const want = symOp(fl.pl.types.desc(T));
    if (isEmptyIface(xt)) {
      fl.b.call({ c: "rt", sym: "rog_panicdottypeE" }, [tw, want, iface], { k: "void" }, true);
    } else {
      fl.b.call(
        { c: "rt", sym: "rog_panicdottypeI" },
        [copy(field(iv, 0)), want, iface],
        { k: "void" },
        true,
      );
    }
  } else {
    fl.b.goto(join);
  }
  fl.b.setBlock(join);
  return commaOk ? [copy(res), copy(ok)] : [copy(res)];
}

/** typeSwitch lowers `switch [v :=] x.(type) { ... }`. */
export function typeSwitch(fl: FuncLowerer, s: ast.TypeSwitchStmt, label: string | null): void {
  if (s.init) lowerStmt(fl, s.init);
  const guard = s.assign.kind === "AssignStmt" ? s.assign.rhs[0] : (s.assign as ast.ExprStmt).x;
  const x = (guard as ast.TypeAssertExpr).x;
  const xt = fl.typeOf(x);
  const iv = fl.materialise(fl.temp({ r: "use", op: lowerExpr(fl, x) }));
  const tw = fl.materialise(fl.temp({ r: "use", op: typeWord(fl, iv, xt) }));
  const clauses = s.body.list as ast.CaseClause[];
  const exit = fl.b.newBlock();
  const bodies = clauses.map(() => fl.b.newBlock());
  let dflt: BlockId = exit;
  const made = concreteCases(fl, clauses) ? runtimeMade(fl, tw) : null;

  clauses.forEach((c, i) => {
    if (c.list === null) {
      dflt = bodies[i];
      return;
    }
    for (const e of c.list) {
      const next = fl.b.newBlock();
      fl.at(e);
      const tv = fl.info.types.get(e);
      // In an instance, a case may name the type parameters (`case T`, `case []T`).
      const T = tv?.type && fl.sub(tv.type);
      if (!T || (T.tag === "Basic" && T.kind === "untyped nil")) {
        const isNil = fl.temp({ r: "bin", op: "==", a: copy(tw), b: NIL });
        fl.b.branch(isNil, bodies[i], next);
      } else if (under(T).tag !== "Interface") {
        const want = symOp(fl.pl.types.desc(T));
        const hit = fl.temp({ r: "bin", op: "==", a: copy(tw), b: want });
        const miss = fl.b.newBlock();
        fl.b.branch(hit, bodies[i], miss);
        fl.b.setBlock(miss);
        sameTypeSlow(fl, tw, want, made!, bodies[i], next);
      } else {
        const nn = fl.temp({ r: "bin", op: "!=", a: copy(tw), b: NIL });
        if (isEmptyIface(T)) {
          fl.b.branch(nn, bodies[i], next);
        } else {
          const look = fl.b.newBlock();
          fl.b.branch(nn, look, next);
          fl.b.setBlock(look);
          const inter = symOp(fl.pl.types.desc(T));
          const tab = fl.b.call(
            { c: "rt", sym: "rog_getitab" },
            [inter, copy(tw), constBool(true)],
            PTR,
          )!;
          const found = fl.temp({ r: "bin", op: "!=", a: tab, b: NIL });
          fl.b.branch(found, bodies[i], next);
        }
      }
      fl.b.setBlock(next);
    }
  });
  fl.b.goto(dflt);

  clauses.forEach((c, i) => {
    fl.b.setBlock(bodies[i]);
    const v = fl.info.implicits.get(c) as Var | undefined;
    if (v && v.tag === "Var" && v.name !== "_") {
      const T = fl.varType(v);
      let val: Operand;
      if (under(T).tag !== "Interface") val = fromData(fl, copy(field(iv, 1)), T);
      else val = toIfaceFromSwitch(fl, iv, xt, T, tw);
      fl.declareVar(v, val);
    }
    fl.targets.push({ label, breakTo: exit, continueTo: null });
    lowerBlock(fl, { kind: "BlockStmt", pos: c.pos, end: c.end, list: c.body, rbrace: c.end });
    fl.targets.pop();
    if (!fl.b.terminated) fl.b.goto(exit);
  });
  fl.b.setBlock(exit);
}

/** concreteCases reports whether a type switch has a case naming a non-interface type. */
function concreteCases(fl: FuncLowerer, clauses: ast.CaseClause[]): boolean {
  return clauses.some((c) =>
    (c.list ?? []).some((e) => {
      const t = fl.info.types.get(e)?.type;
      const T = t && fl.sub(t);
      return (
        !!T && !(T.tag === "Basic" && T.kind === "untyped nil") && under(T).tag !== "Interface"
      );
    }),
  );
}

/**
 * runtimeMade returns a place holding whether the type word tw (maybe nil) is a descriptor the
 * runtime made (tflag RUNTIME, ABI.md §2): only such a type needs the runtime's comparison when
 * its address is not the compiler's.
 */
function runtimeMade(fl: FuncLowerer, tw: Place): Place {
  const made = place(fl.b.local(BOOL));
  fl.store(made, constBool(false));
  const look = fl.b.newBlock();
  const done = fl.b.newBlock();
  fl.b.branch(fl.temp({ r: "bin", op: "!=", a: copy(tw), b: NIL }), look, done);
  fl.b.setBlock(look);
  const tflag = copy(field(derefPlace(copy(tw), HEADER), 3));
  const bit: Operand = { o: "const", ty: U8, v: { c: "int", v: BigInt(TF_RUNTIME) } };
  const zero: Operand = { o: "const", ty: U8, v: { c: "int", v: 0n } };
  const masked = fl.temp({ r: "bin", op: "&", a: tflag, b: bit });
  fl.store(made, fl.temp({ r: "bin", op: "!=", a: masked, b: zero }));
  fl.b.goto(done);
  fl.b.setBlock(done);
  return made;
}

/**
 * sameTypeSlow ends the block after a type word tw missed the compiler's descriptor want: a
 * descriptor reflect made (SliceOf, PointerTo; `made` says so) may still denote want's type,
 * which only the runtime can tell. Other types go to no without a call.
 */
function sameTypeSlow(
  fl: FuncLowerer,
  tw: Place,
  want: Operand,
  made: Place,
  yes: BlockId,
  no: BlockId,
): void {
  const slow = fl.b.newBlock();
  fl.b.branch(copy(made), slow, no);
  fl.b.setBlock(slow);
  const same = fl.b.call({ c: "rt", sym: "rog_sametype" }, [copy(tw), want], BOOL)!;
  fl.b.branch(same, yes, no);
}

function toIfaceFromSwitch(fl: FuncLowerer, iv: Place, xt: Type, T: Type, tw: Place): Operand {
  if (sameIface(xt, T) && isEmptyIface(xt) === isEmptyIface(T)) return copy(iv);
  if (isEmptyIface(T)) return fl.temp({ r: "agg", ty: IFACE, ops: [copy(tw), copy(field(iv, 1))] });
  return ifaceToIface(fl, copy(iv), xt, T);
}

/**
 * ifaceEqual compares two interface values of the same interface type. Equal first words (the
 * common case) compare the data through that type. Different words may still denote one
 * dynamic type: an itab (or descriptor) built at run time and the compiler's constant one for
 * the same pair are different objects, so that case goes to the runtime's full comparison.
 */
export function ifaceEqual(fl: FuncLowerer, a: Operand, b: Operand, t: Type): Operand {
  const pa = fl.materialise(a);
  const pb = fl.materialise(b);
  const r = place(fl.b.local(BOOL));
  const sameW = fl.temp({ r: "bin", op: "==", a: copy(field(pa, 0)), b: copy(field(pb, 0)) });
  fl.store(r, sameW);
  const same = fl.b.newBlock();
  const other = fl.b.newBlock();
  const deep = fl.b.newBlock();
  const join = fl.b.newBlock();
  fl.b.branch(sameW, same, other);

  fl.b.setBlock(other);
  const bothSet = fl.temp({
    r: "bin",
    op: "&",
    a: fl.temp({ r: "bin", op: "!=", a: copy(field(pa, 0)), b: NIL }),
    b: fl.temp({ r: "bin", op: "!=", a: copy(field(pb, 0)), b: NIL }),
  });
  const slow = fl.b.newBlock();
  fl.b.branch(bothSet, slow, join);
  fl.b.setBlock(slow);
  const full = fl.b.call(
    { c: "rt", sym: "rog_typeequal" },
    [
      fl.temp({ r: "ref", place: pa }),
      fl.temp({ r: "ref", place: pb }),
      symOp(fl.pl.types.desc(t)),
    ],
    BOOL,
  )!;
  fl.store(r, full);
  fl.b.goto(join);

  fl.b.setBlock(same);
  const nn = fl.temp({ r: "bin", op: "!=", a: copy(field(pa, 0)), b: NIL });
  fl.b.branch(nn, deep, join);
  fl.b.setBlock(deep);
  const entry = isEmptyIface(t) ? "rog_efaceeq" : "rog_ifaceeq";
  const eq = fl.b.call(
    { c: "rt", sym: entry },
    [copy(field(pa, 0)), copy(field(pa, 1)), copy(field(pb, 1))],
    BOOL,
  )!;
  fl.store(r, eq);
  fl.b.goto(join);
  fl.b.setBlock(join);
  return copy(r);
}
