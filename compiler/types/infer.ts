// Type inference (Go spec "Type inference", "Type unification"): inferring the missing type
// arguments of a generic function from its typed arguments, from core types of constraints,
// and finally from the default types of untyped constant arguments.

import type * as ast from "../syntax/ast.js";
import type { Checker } from "./checker.js";
import { Operand, isInvalid, modeOf } from "./operand.js";
import {
  coreType,
  identical,
  isUntyped,
  isValid,
  under,
  unalias,
  defaultType,
} from "./predicates.js";
import { Basic, Named, Signature, TypeParam, type Type } from "./type.js";
import { instantiateSignature, makeSubstMap, substType, type SubstMap } from "./subst.js";
import { verifyInstance } from "./instantiate.js";
import { typeSetOf } from "./typeset.js";
import { typeString } from "./typestring.js";
import { exprString } from "./exprstring.js";
import { ensureFunc } from "./lazy.js";
import { computeTypeSet } from "./typeset.js";
import { Interface } from "./type.js";

/** infer returns all type arguments for tparams, or null after reporting an error. */
export function infer(
  c: Checker,
  at: ast.Node,
  tparams: TypeParam[],
  explicit: Type[],
  ptypes: Type[],
  args: Operand[],
): Type[] | null {
  const n = tparams.length;
  if (explicit.length === n && explicit.every((t) => t)) return explicit;
  // Rename the parameters so that a recursive call (whose arguments mention the same
  // parameters) is inferred like any other.
  const fresh = tparams.map((tp) => new TypeParam(tp.obj, tp.index, null));
  const ren = makeSubstMap(tparams, fresh);
  fresh.forEach((tp, i) => (tp.constraint = substType(tparams[i].constraint, ren)));
  ptypes = ptypes.map((p) => substType(p, ren));
  tparams = fresh;
  const u = new Unifier(tparams);
  explicit.forEach((t, i) => u.bind(tparams[i], t));
  // As go/types does, parameters take the explicit type arguments before unification: an
  // argument for such a parameter needs only be assignable (checked with the call), so
  // `f[fmt.Stringer](&v)` with `func f[T any](T)` infers nothing from &v.
  const given = new Map<TypeParam, Type>();
  explicit.forEach((t, i) => t && given.set(tparams[i], t));
  if (given.size > 0) ptypes = ptypes.map((p) => substType(p, given));

  // 1. Typed arguments.
  for (let i = 0; i < args.length && i < ptypes.length; i++) {
    const a = args[i];
    if (isInvalid(a) || isUntyped(a.type)) continue;
    if (a.type instanceof Signature && a.type.typeParams.length > 0) continue; // see 2b
    const p = ptypes[i];
    if (!u.mentions(p)) continue;
    if (!u.unify(p, a.type, true)) {
      const pt = typeString(u.apply(p), c.qual);
      const inferred = u.inferredFor(p);
      if (inferred) {
        c.error(
          a.expr ?? at,
          `in call to ${callName(at)}, type ${typeString(a.type, c.qual)} of ${exprString(a.expr!)} does not match inferred type ${typeString(inferred[1], c.qual)} for ${inferred[0].obj.name}`,
        );
      } else
        c.error(
          a.expr ?? at,
          `in call to ${callName(at)}, type ${typeString(a.type, c.qual)} of ${exprString(a.expr!)} does not match ${pt}`,
        );
      return null;
    }
  }

  // 2. Core types of constraints.
  if (!coreInference(c, u, tparams, at)) return null;

  // 2b. Generic functions passed as arguments: their own type parameters join the inference.
  const genericArgs: { i: number; tps: TypeParam[]; sig: Signature }[] = [];
  for (let i = 0; i < args.length && i < ptypes.length; i++) {
    const a = args[i];
    const sig = a.type;
    if (isInvalid(a) || !(sig instanceof Signature) || sig.typeParams.length === 0) continue;
    const own = sig.typeParams.map((tp) => new TypeParam(tp.obj, tp.index, null));
    const m = makeSubstMap(sig.typeParams, own);
    own.forEach((tp, k) => (tp.constraint = substType(sig.typeParams[k].constraint, m)));
    const renamed = substType(new Signature(sig.params, sig.results, sig.variadic), m) as Signature;
    u.addParams(own);
    if (!u.unify(ptypes[i], renamed, false)) {
      c.error(
        a.expr ?? at,
        `in call to ${callName(at)}, type ${typeString(a.type, c.qual)} of ${exprString(a.expr!)} does not match ${typeString(u.apply(ptypes[i]), c.qual)}`,
      );
      return null;
    }
    genericArgs.push({ i, tps: own, sig: renamed });
  }
  if (
    genericArgs.length > 0 &&
    !coreInference(c, u, [...tparams, ...genericArgs.flatMap((g) => g.tps)], at)
  )
    return null;

  // 3. Untyped constants for parameters that are a bare type parameter.
  const untypedFor = new Map<TypeParam, Operand[]>();
  for (let i = 0; i < args.length && i < ptypes.length; i++) {
    const a = args[i];
    if (isInvalid(a) || !isUntyped(a.type) || a.isNil()) continue;
    const p = unalias(ptypes[i]);
    if (p instanceof TypeParam && tparams.includes(p) && !u.bound(p)) {
      const l = untypedFor.get(p) ?? [];
      l.push(a);
      untypedFor.set(p, l);
    }
  }
  for (const [tp, ops] of untypedFor) {
    const rank = (t: Type) =>
      ["untyped int", "untyped rune", "untyped float", "untyped complex"].indexOf(
        (t as Basic).kind,
      );
    let best = ops[0];
    for (const o of ops.slice(1)) {
      const rb = rank(best.type);
      const ro = rank(o.type);
      if (rb < 0 || ro < 0) {
        if ((best.type as Basic).kind !== (o.type as Basic).kind) {
          c.error(
            o.expr ?? at,
            `mismatched types ${typeString(best.type)} and ${typeString(o.type)} (cannot infer ${tp.obj.name})`,
          );
          return null;
        }
      } else if (ro > rb) best = o;
    }
    u.bind(tp, defaultType(best.type));
  }
  if (!coreInference(c, u, tparams, at)) return null;

  // The generic arguments become instances.
  for (const g of genericArgs) {
    const targs: Type[] = [];
    for (const tp of g.tps) {
      const t = u.resolve(tp);
      if (t === null) {
        c.error(args[g.i].expr ?? at, `in call to ${callName(at)}, cannot infer ${tp.obj.name}`);
        return null;
      }
      targs.push(t);
    }
    const inst = substType(g.sig, makeSubstMap(g.tps, targs)) as Signature;
    const a = args[g.i];
    a.type = inst;
    if (a.expr) {
      let id: ast.Expr = a.expr;
      while (id.kind === "ParenExpr") id = id.x;
      const ident = id.kind === "Ident" ? id : id.kind === "SelectorExpr" ? id.sel : null;
      if (ident) c.info.instances.set(ident, { typeArgs: targs, type: inst });
      c.recordTypeAndValue(a.expr, "value", inst, null);
    }
  }

  // 4. Everything must be known now.
  const out: Type[] = [];
  for (const tp of tparams) {
    const t = u.resolve(tp);
    if (t === null) {
      c.error(at, `in call to ${callName(at)}, cannot infer ${tp.obj.name}`);
      return null;
    }
    out.push(t);
  }
  return out;
}

function callName(at: ast.Node): string {
  if (at.kind === "CallExpr") {
    const f = at.fun.kind === "IndexExpr" || at.fun.kind === "IndexListExpr" ? at.fun.x : at.fun;
    return exprString(f);
  }
  if (at.kind === "IndexExpr" || at.kind === "IndexListExpr") return exprString(at.x);
  return "function";
}

function coreInference(c: Checker, u: Unifier, tparams: TypeParam[], at: ast.Node): boolean {
  for (let round = 0; round < tparams.length + 1; round++) {
    let changed = false;
    for (const tp of tparams) {
      const ts = typeSetOf(tp);
      if (!ts.terms || ts.terms.length !== 1) continue;
      const term = ts.terms[0];
      const core = term.type;
      const b = u.binding(tp);
      if (b) {
        // A type parameter argument stands for its core type here.
        const bc = unalias(b) instanceof TypeParam ? coreType(b) : b;
        if (bc === null) continue;
        const target = term.tilde ? under(bc) : bc;
        const before = u.size();
        if (!u.unify(core, target, false)) {
          if (!u.mentions(core)) continue;
          c.error(
            at,
            `${typeString(b, c.qual)} does not match ${typeString(u.apply(core), c.qual)}`,
          );
          return false;
        }
        if (u.size() !== before) changed = true;
      } else if (!term.tilde && u.mentions(core) === false) {
        u.bind(tp, core);
        changed = true;
      } else if (!term.tilde || u.mentions(core)) {
        // A core type mentioning other parameters: bind to it once those are known.
        const applied = u.apply(core);
        if (!u.mentions(applied) && !term.tilde) {
          u.bind(tp, applied);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  void coreType;
  return true;
}

/** Unifier binds the type parameters of one generic function. */
class Unifier {
  private readonly map = new Map<TypeParam, Type>();
  private readonly set: Set<TypeParam>;
  constructor(tparams: TypeParam[]) {
    this.set = new Set(tparams);
  }

  /** addParams makes more type parameters inferable (those of generic function arguments). */
  addParams(tps: TypeParam[]): void {
    for (const tp of tps) this.set.add(tp);
  }

  size(): number {
    return this.map.size;
  }

  bind(tp: TypeParam, t: Type): void {
    if (t) this.map.set(tp, t);
  }

  bound(tp: TypeParam): boolean {
    return this.map.has(tp);
  }

  binding(tp: TypeParam): Type | undefined {
    return this.map.get(tp);
  }

  /** mentions reports whether t refers to one of the parameters being inferred. */
  mentions(t: Type, seen = new Set<Type>()): boolean {
    if (seen.has(t)) return false;
    seen.add(t);
    t = unalias(t);
    switch (t.tag) {
      case "TypeParam":
        return this.set.has(t);
      case "Pointer":
      case "Slice":
      case "Array":
      case "Chan":
        return this.mentions(t.elem, seen);
      case "Map":
        return this.mentions(t.key, seen) || this.mentions(t.elem, seen);
      case "Struct":
        return t.fields.some((f) => this.mentions(f.type, seen));
      case "Tuple":
        return t.vars.some((v) => this.mentions(v.type, seen));
      case "Signature":
        return this.mentions(t.params, seen) || this.mentions(t.results, seen);
      case "Named":
        return t.typeArgs.some((a) => this.mentions(a, seen));
      case "Interface":
        return (
          t.methods.some((m) => this.mentions(ensureFunc(m).type, seen)) ||
          t.embeddeds.some((e) => this.mentions(e, seen))
        );
      case "Union":
        return t.terms.some((x) => this.mentions(x.type, seen));
    }
    return false;
  }

  /** inferredFor finds a bound parameter occurring directly as p. */
  inferredFor(p: Type): [TypeParam, Type] | null {
    const t = unalias(p);
    if (t instanceof TypeParam && this.map.has(t)) return [t, this.map.get(t)!];
    return null;
  }

  apply(t: Type): Type {
    const m: SubstMap = new Map();
    for (const [k, v] of this.map) m.set(k, v);
    let r = t;
    for (let i = 0; i < 8; i++) {
      const next = substType(r, m);
      if (next === r) break;
      r = next;
    }
    return r;
  }

  resolve(tp: TypeParam): Type | null {
    const t = this.map.get(tp);
    if (!t) return null;
    const r = this.apply(t);
    return this.mentions(r) ? null : r;
  }

  /** unify matches x (may mention parameters) against y; inexact allows assignability-style matches. */
  unify(x: Type, y: Type, inexact: boolean, depth = 0): boolean {
    if (depth > 64) return true;
    x = unalias(x);
    y = unalias(y);
    if (x instanceof TypeParam && this.set.has(x)) {
      const b = this.map.get(x);
      if (b) {
        if (y instanceof TypeParam && y === x) return true;
        if (this.unify(b, y, inexact, depth + 1)) {
          // Prefer a named type over an unnamed one when both fit (inexact matching).
          if (
            inexact &&
            !(unalias(b) instanceof Named) &&
            unalias(y) instanceof Named &&
            identical(under(y), b)
          )
            this.map.set(x, y);
          return true;
        }
        return false;
      }
      if (y === x) return true;
      this.map.set(x, y);
      return true;
    }
    if (y instanceof TypeParam && this.set.has(y)) return this.unify(y, x, inexact, depth + 1);
    // A foreign type parameter matches through its core type when inexact.
    if (inexact && y instanceof TypeParam && !(x instanceof TypeParam)) {
      const cy = coreType(y);
      if (cy && this.unify(x, cy, inexact, depth + 1)) return true;
    }
    if (x === y || identical(x, y)) return true;
    if (inexact) {
      const xn = x instanceof Named;
      const yn = y instanceof Named;
      if (xn !== yn) {
        const xu = xn ? under(x) : x;
        const yu = yn ? under(y) : y;
        if (!(xu instanceof Interface) || !(yu instanceof Interface)) {
          if (xu.tag !== "TypeParam" && yu.tag !== "TypeParam")
            return this.unify(xu, yu, inexact, depth + 1);
        }
      }
    }
    switch (x.tag) {
      case "Basic":
        return y.tag === "Basic" && x.kind === y.kind;
      case "Pointer":
        return y.tag === "Pointer" && this.unify(x.elem, y.elem, false, depth + 1);
      case "Slice":
        return y.tag === "Slice" && this.unify(x.elem, y.elem, false, depth + 1);
      case "Array":
        return y.tag === "Array" && x.len === y.len && this.unify(x.elem, y.elem, false, depth + 1);
      case "Map":
        return (
          y.tag === "Map" &&
          this.unify(x.key, y.key, false, depth + 1) &&
          this.unify(x.elem, y.elem, false, depth + 1)
        );
      case "Chan":
        return (
          y.tag === "Chan" &&
          (inexact || x.dir === y.dir) &&
          this.unify(x.elem, y.elem, false, depth + 1)
        );
      case "Struct":
        if (y.tag !== "Struct" || x.fields.length !== y.fields.length) return false;
        return x.fields.every(
          (f, i) =>
            f.name === y.fields[i].name &&
            f.embedded === y.fields[i].embedded &&
            this.unify(f.type, y.fields[i].type, false, depth + 1),
        );
      case "Tuple":
        if (y.tag !== "Tuple" || x.vars.length !== y.vars.length) return false;
        return x.vars.every((v, i) => this.unify(v.type, y.vars[i].type, false, depth + 1));
      case "Signature":
        return (
          y.tag === "Signature" &&
          x.variadic === y.variadic &&
          this.unify(x.params, y.params, false, depth + 1) &&
          this.unify(x.results, y.results, false, depth + 1)
        );
      case "Named":
        if (y.tag !== "Named") return false;
        if (x.origin && y.origin && x.origin === y.origin) {
          return x.typeArgs.every((a, i) => this.unify(a, y.typeArgs[i], false, depth + 1));
        }
        if (inexact && under(x) instanceof Interface) {
          return true;
        }
        return false;
      case "Interface": {
        if (y.tag !== "Interface") return inexact && computeTypeSet(x).methods.length === 0;
        const xm = computeTypeSet(x).methods;
        const ym = computeTypeSet(y).methods;
        if (xm.length !== ym.length) return false;
        for (const m of xm) {
          const n = ym.find((k) => k.name === m.name);
          if (!n || !this.unify(ensureFunc(m).type, ensureFunc(n).type, false, depth + 1))
            return false;
        }
        return true;
      }
      case "TypeParam":
        return false;
    }
    return false;
  }
}

export { isValid };

/**
 * inferFuncValue infers the type arguments of a generic function used as a value of the
 * non-generic function type target (`var f func(int) int = g`, or an argument to such a
 * parameter; spec "Type inference": the assignment context). x becomes the instance; after
 * an error it is invalid.
 */
export function inferFuncValue(c: Checker, x: Operand, target: Signature): void {
  const gsig = x.type as Signature;
  const u = new Unifier(gsig.typeParams);
  const plain = new Signature(gsig.params, gsig.results, gsig.variadic);
  const targs = u.unify(plain, target, false) ? gsig.typeParams.map((tp) => u.resolve(tp)) : [];
  if (targs.length === 0 || targs.some((t) => t === null)) {
    c.error(x.expr!, `cannot use generic function ${exprString(x.expr!)} without instantiation`);
    x.invalidate();
    return;
  }
  const all = targs as Type[];
  if (!verifyInstance(c, x.expr!, gsig.typeParams, all, exprString(x.expr!))) {
    x.invalidate();
    return;
  }
  const inst = instantiateSignature(gsig, all);
  let id: ast.Expr = x.expr!;
  while (id.kind === "ParenExpr") id = id.x;
  if (id.kind === "SelectorExpr") id = id.sel;
  if (id.kind === "Ident") c.info.instances.set(id, { typeArgs: all, type: inst });
  c.recordTypeAndValue(x.expr!, "value", inst, null);
  x.type = inst;
}
