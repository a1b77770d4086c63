// Field and method lookup (Go spec "Selectors", "Method sets"): the breadth-first search
// through embedded fields with its depth and ambiguity rules, and the method-set checks used
// for interface satisfaction.

import { ensureFunc } from "./lazy.js";
import { Func, Var, type Package } from "./object.js";
import { identical, sameId, under, unalias } from "./predicates.js";
import { Interface, Named, Pointer, Signature, Struct, TypeParam, type Type } from "./type.js";
import { computeTypeSet, typeSetOf } from "./typeset.js";

/**
 * LookupResult is the outcome of lookupFieldOrMethod. obj is null when nothing was found:
 * then index is null for "not found" and non-null for "ambiguous selector". indirect records
 * a pointer indirection on the way; ptrRecv is set when the method found needs an addressable
 * receiver that was not available.
 */
export interface LookupResult {
  obj: Func | Var | null;
  index: number[] | null;
  indirect: boolean;
  ptrRecv?: boolean;
}

interface Entry {
  typ: Type;
  index: number[];
  indirect: boolean;
  multiples: boolean;
}

/** deref strips one pointer level: (elem, true) for *T, else (t, false). */
export function deref(t: Type): [Type, boolean] {
  const u = unalias(t);
  if (u instanceof Pointer) return [u.elem, true];
  return [t, false];
}

/**
 * lookupFieldOrMethod finds the field or method `name` (declared in pkg when unexported) of a
 * value of type T (addressable when addressable is true).
 */
export function lookupFieldOrMethod(
  T: Type,
  addressable: boolean,
  pkg: Package | null,
  name: string,
): LookupResult {
  if (name === "_") return { obj: null, index: null, indirect: false };
  // A defined pointer type has no methods, but its fields are reachable: x.f means (*x).f.
  const t = unalias(T);
  if (t instanceof Named && t.underlying instanceof Pointer) {
    const r = lookupInner(t.underlying, false, pkg, name);
    if (r.obj instanceof Func) return { obj: null, index: null, indirect: false };
    return r;
  }
  const r = lookupInner(T, addressable, pkg, name);
  if (r.obj || r.index) return r;
  // A pointer to a pointer (or named pointer) has no methods; the spec does not search through.
  return r;
}

function lookupInner(
  T: Type,
  addressable: boolean,
  pkg: Package | null,
  name: string,
): LookupResult {
  const pkgPath = pkg?.path ?? "";
  let [typ, isPtr] = deref(T);
  // *I for an interface I has no methods.
  if (isPtr && under(typ) instanceof Interface && !(unalias(typ) instanceof TypeParam)) {
    return { obj: null, index: null, indirect: false };
  }
  // A type parameter's methods are those of its constraint.
  const tp = unalias(typ);
  if (tp instanceof TypeParam) {
    const ts = typeSetOf(tp);
    for (let i = 0; i < ts.methods.length; i++) {
      const m = ts.methods[i];
      if (sameId(m.name, m.pkg?.path ?? "", name, pkgPath)) {
        return { obj: ensureFunc(m), index: [i], indirect: isPtr };
      }
    }
    // Fields of a type parameter's core type are not accessible (Go 1.18+).
    return { obj: null, index: null, indirect: false };
  }

  let current: Entry[] = [{ typ, index: [], indirect: isPtr, multiples: false }];
  const seen = new Set<Named>();
  while (current.length > 0) {
    const next: Entry[] = [];
    let obj: Func | Var | null = null;
    let index: number[] | null = null;
    let indirect = false;
    let count = 0;
    const found = (o: Func | Var, idx: number[], ind: boolean, multiples: boolean) => {
      count += multiples ? 2 : 1;
      obj = o;
      index = idx;
      indirect = ind;
    };
    for (const e of current) {
      let t = unalias(e.typ);
      if (t instanceof Named) {
        if (seen.has(t)) continue;
        seen.add(t);
        const ms = t.methods;
        const i = ms.findIndex((m) => sameId(m.name, m.pkg?.path ?? "", name, pkgPath));
        if (i >= 0) {
          found(ensureFunc(ms[i]), [...e.index, i], e.indirect, e.multiples);
          continue;
        }
        t = under(t);
      }
      if (t instanceof Struct) {
        t.fields.forEach((f, i) => {
          if (sameId(f.name, f.pkg?.path ?? "", name, pkgPath)) {
            found(f, [...e.index, i], e.indirect, e.multiples);
            return;
          }
          if (count === 0 && f.embedded) {
            const [ft, p] = deref(f.type);
            next.push({
              typ: ft,
              index: [...e.index, i],
              indirect: e.indirect || p,
              multiples: e.multiples,
            });
          }
        });
      } else if (t instanceof Interface) {
        const ts = computeTypeSet(t);
        const i = ts.methods.findIndex((m) => sameId(m.name, m.pkg?.path ?? "", name, pkgPath));
        if (i >= 0) found(ensureFunc(ts.methods[i]), [...e.index, i], e.indirect, e.multiples);
      }
    }
    if (count > 1) return { obj: null, index: index ?? [], indirect };
    if (count === 1) {
      const o = obj as Func | Var | null;
      if (o instanceof Func && o.hasPtrRecv && !indirect && !addressable) {
        return { obj: o, index, indirect, ptrRecv: true };
      }
      return { obj: o, index, indirect };
    }
    current = consolidate(next);
  }
  return { obj: null, index: null, indirect: false };
}

/** consolidate merges entries for the same named type at one depth, marking them multiple. */
function consolidate(list: Entry[]): Entry[] {
  const out: Entry[] = [];
  for (const e of list) {
    const n = unalias(e.typ);
    const prev = n instanceof Named ? out.find((x) => identical(x.typ, n)) : undefined;
    if (prev) prev.multiples = true;
    else out.push(e);
  }
  return out;
}

/** MissingMethod explains why a type does not implement an interface. */
export interface MissingMethod {
  method: Func;
  /** have is the method or field found with the wrong type or receiver, if any. */
  have: Func | Var | null;
  reason: "missing" | "ptrRecv" | "wrongType" | "unexported" | "field";
}

/**
 * missingMethod returns the first method of interface T that V lacks, or null when V has all.
 * When V is an interface, only V's method set counts (static is irrelevant here).
 */
export function missingMethod(V: Type, T: Interface): MissingMethod | null {
  const tset = computeTypeSet(T);
  if (tset.methods.length === 0) return null;
  const vu = under(V);
  if (vu instanceof Interface && !(unalias(V) instanceof TypeParam)) {
    const vset = computeTypeSet(vu);
    for (const m of tset.methods) {
      const f = vset.methods.find((x) =>
        sameId(x.name, x.pkg?.path ?? "", m.name, m.pkg?.path ?? ""),
      );
      if (!f) return { method: m, have: null, reason: "missing" };
      if (!identical(ensureFunc(f).type, ensureFunc(m).type))
        return { method: m, have: f, reason: "wrongType" };
    }
    return null;
  }
  for (const m of tset.methods) {
    const r = lookupFieldOrMethod(V, false, m.pkg, m.name);
    if (!r.obj) {
      // Distinguish a method that exists only with different case (unexported elsewhere).
      return { method: m, have: null, reason: "missing" };
    }
    if (!(r.obj instanceof Func)) return { method: m, have: r.obj, reason: "field" };
    if (r.ptrRecv) return { method: m, have: r.obj, reason: "ptrRecv" };
    if (!identicalMethodSig(r.obj.type, ensureFunc(m).type)) {
      return { method: m, have: r.obj, reason: "wrongType" };
    }
  }
  return null;
}

/** identicalMethodSig compares method signatures ignoring receivers. */
export function identicalMethodSig(a: Type, b: Type): boolean {
  if (!(a instanceof Signature) || !(b instanceof Signature)) return identical(a, b);
  return identical(
    new Signature(a.params, a.results, a.variadic),
    new Signature(b.params, b.results, b.variadic),
  );
}

/** implementsIface reports whether V's method set satisfies interface T's methods. */
export function hasAllMethods(V: Type, T: Interface): boolean {
  return missingMethod(V, T) === null;
}

/** methodSetOf lists the methods callable on a value of type T (for the MIR's itabs). */
export function methodSet(T: Type): Func[] {
  const out: Func[] = [];
  const names = new Set<string>();
  const [base, isPtr] = deref(T);
  const collect = (t: Type, viaPtr: boolean, depth: number, seen: Set<Named>) => {
    if (depth > 16) return;
    let u = unalias(t);
    if (u instanceof Named) {
      if (seen.has(u)) return;
      seen.add(u);
      for (const m of u.methods) names.add(m.name);
      u = under(u);
    }
    if (u instanceof Struct) {
      for (const f of u.fields) {
        if (!f.embedded) continue;
        const [ft, p] = deref(f.type);
        collect(ft, viaPtr || p, depth + 1, seen);
      }
    } else if (u instanceof Interface) {
      for (const m of computeTypeSet(u).methods) names.add(m.name);
    }
  };
  collect(base, isPtr, 0, new Set());
  for (const n of [...names].sort()) {
    const r = lookupFieldOrMethod(T, false, null, n);
    if (r.obj instanceof Func && !r.ptrRecv) out.push(r.obj);
    else if (!r.obj && r.index === null) {
      // Unexported methods of other packages: search with each candidate package.
    }
  }
  return out;
}
