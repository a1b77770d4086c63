// Interface type sets (Go spec "Interface types", "General interfaces"): the methods and the
// set of types an interface denotes, from its own methods, its embedded interfaces and unions.

import type { Func } from "./object.js";
import { identical, methodKey, under, unalias } from "./predicates.js";
import { Interface, TypeParam, Union, type Term, type Type, type TypeSet } from "./type.js";

const computing = new Set<Interface>();
const EMPTY_SET: TypeSet = { methods: [], terms: null, comparable: false };

/** computeTypeSet returns (and caches) the type set of an interface. */
export function computeTypeSet(iface: Interface): TypeSet {
  if (iface.typeSetCache) return iface.typeSetCache;
  if (computing.has(iface)) return EMPTY_SET; // invalid recursive embedding: reported elsewhere
  computing.add(iface);
  try {
    const methods: Func[] = [];
    const seen = new Map<string, Func>();
    const add = (m: Func) => {
      const k = methodKey(m);
      if (seen.has(k)) return;
      seen.set(k, m);
      methods.push(m);
    };
    for (const m of iface.methods) add(m);
    let terms: Term[] | null = null;
    let comparable = false;
    for (const e of iface.embeddeds) {
      const et = elementTypeSet(e);
      for (const m of et.methods) add(m);
      if (et.comparable) comparable = true;
      terms = intersectTerms(terms, et.terms);
    }
    const ts: TypeSet = { methods, terms, comparable };
    // An interface whose terms are all comparable-by-construction is not "comparable" by
    // declaration, but comparable must still be remembered when terms exist.
    iface.typeSetCache = ts;
    return ts;
  } finally {
    computing.delete(iface);
  }
}

/** elementTypeSet is the type set of one embedded element. */
function elementTypeSet(e: Type): TypeSet {
  const t = unalias(e);
  if (t instanceof Union) {
    let terms: Term[] = [];
    for (const term of t.terms) {
      const u = unalias(term.type);
      if (!term.tilde && !(u instanceof TypeParam) && under(u) instanceof Interface) {
        const ts = computeTypeSet(under(u) as Interface);
        if (ts.terms === null) return { methods: [], terms: null, comparable: false };
        terms = unionTerms(terms, ts.terms);
      } else terms = unionTerms(terms, [term]);
    }
    return { methods: [], terms, comparable: false };
  }
  if (!(t instanceof TypeParam)) {
    const u = under(t);
    if (u instanceof Interface) return computeTypeSet(u);
  }
  return { methods: [], terms: [{ tilde: false, type: t }], comparable: false };
}

/** unionTerms adds terms to a set, dropping duplicates and terms subsumed by a ~T. */
function unionTerms(a: Term[], b: Term[]): Term[] {
  const out = [...a];
  for (const t of b) {
    if (out.some((u) => subsumes(u, t))) continue;
    for (let i = out.length - 1; i >= 0; i--) if (subsumes(t, out[i])) out.splice(i, 1);
    out.push(t);
  }
  return out;
}

function subsumes(x: Term, y: Term): boolean {
  if (x.tilde) return identical(x.type, under(y.type)) || identical(x.type, y.type);
  return !y.tilde && identical(x.type, y.type);
}

/** intersectTerms intersects two term sets (null is the set of all types). */
export function intersectTerms(a: Term[] | null, b: Term[] | null): Term[] | null {
  if (a === null) return b;
  if (b === null) return a;
  const out: Term[] = [];
  for (const x of a) {
    for (const y of b) {
      const t = intersectTerm(x, y);
      if (t) out.push(t);
    }
  }
  return unionTerms([], out);
}

function intersectTerm(x: Term, y: Term): Term | null {
  if (x.tilde && y.tilde) return identical(x.type, y.type) ? x : null;
  if (x.tilde) return identical(x.type, under(y.type)) ? y : null;
  if (y.tilde) return identical(y.type, under(x.type)) ? x : null;
  return identical(x.type, y.type) ? x : null;
}

/** typeSetOf returns the type set of a type parameter's constraint. */
export function typeSetOf(tp: TypeParam): TypeSet {
  const u = under(tp.constraint);
  if (u instanceof Interface) return computeTypeSet(u);
  return EMPTY_SET;
}

/** isAllTypes reports whether a type set has no type restriction and no methods. */
export function isAllTypes(ts: TypeSet): boolean {
  return ts.terms === null && ts.methods.length === 0 && !ts.comparable;
}

/** isBasicInterface reports whether an interface has no terms (usable as an ordinary type). */
export function isMethodOnly(iface: Interface): boolean {
  const ts = computeTypeSet(iface);
  return ts.terms === null && !ts.comparable;
}
