// Type predicates and relations (Go spec "Underlying types", "Core types", "Type identity",
// "Comparison operators"): underlying, core types, identity, comparability and the kind tests
// the rest of the checker asks about types.

import { Func, TypeName } from "./object.js";
import {
  Alias,
  Basic,
  Interface,
  Named,
  Signature,
  Slice,
  Tuple,
  Typ,
  runeType,
  TypeParam,
  type BasicKind,
  type Term,
  type Type,
} from "./type.js";
import { computeTypeSet, isAllTypes, typeSetOf } from "./typeset.js";

/** unalias follows alias chains to the aliased type. */
export function unalias(t: Type): Type {
  while (t instanceof Alias) t = t.rhs;
  return t;
}

/** underlying returns t's underlying type (Go spec "Underlying types"); type parameters stay. */
export function underlying(t: Type): Type {
  t = unalias(t);
  if (t instanceof Named) {
    let u = t.underlying;
    for (let i = 0; u instanceof Named && i < 100; i++) u = u.underlying;
    return unalias(u);
  }
  return t;
}

/** under is the checker's short name for underlying. */
export const under = underlying;

/** isNamed reports whether t is a defined (named) type, a basic type or a type parameter. */
export function hasName(t: Type): boolean {
  t = unalias(t);
  return t instanceof Basic || t instanceof Named || t instanceof TypeParam;
}

/** asNamed returns t as a Named after unaliasing, or null. */
export function asNamed(t: Type): Named | null {
  t = unalias(t);
  return t instanceof Named ? t : null;
}

export function isTypeParam(t: Type): t is TypeParam {
  return unalias(t) instanceof TypeParam;
}

export function isInterface(t: Type): boolean {
  const u = under(t);
  return u instanceof Interface && !(unalias(t) instanceof TypeParam);
}

/** isNonTypeParamInterface is isInterface without type parameters (which are not interfaces). */
export function isNonTypeParamInterface(t: Type): boolean {
  return !isTypeParam(t) && under(t) instanceof Interface;
}

function basicKind(t: Type): BasicKind | null {
  const u = under(t);
  return u instanceof Basic ? u.kind : null;
}

/** allBasic reports whether every type in t's type set (or t itself) is basic and passes pred. */
function allBasic(t: Type, pred: (k: BasicKind) => boolean): boolean {
  const tp = unalias(t);
  if (tp instanceof TypeParam) {
    const ts = typeSetOf(tp);
    if (!ts.terms || ts.terms.length === 0) return false;
    return ts.terms.every((term) => allBasic(term.type, pred));
  }
  const k = basicKind(t);
  return k !== null && pred(k);
}

const intKinds = new Set<BasicKind>([
  "int",
  "int8",
  "int16",
  "int32",
  "int64",
  "uint",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "uintptr",
  "untyped int",
  "untyped rune",
]);
const unsignedKinds = new Set<BasicKind>([
  "uint",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "uintptr",
]);
const floatKinds = new Set<BasicKind>(["float32", "float64", "untyped float"]);
const complexKinds = new Set<BasicKind>(["complex64", "complex128", "untyped complex"]);

export const isIntegerKind = (k: BasicKind) => intKinds.has(k);
export const isUnsignedKind = (k: BasicKind) => unsignedKinds.has(k);
export const isFloatKind = (k: BasicKind) => floatKinds.has(k);
export const isComplexKind = (k: BasicKind) => complexKinds.has(k);
export const isNumericKind = (k: BasicKind) =>
  intKinds.has(k) || floatKinds.has(k) || complexKinds.has(k);
export const isStringKind = (k: BasicKind) => k === "string" || k === "untyped string";
export const isBooleanKind = (k: BasicKind) => k === "bool" || k === "untyped bool";
export const isUntypedKind = (k: BasicKind) => k.startsWith("untyped");

export const isInteger = (t: Type) => allBasic(t, isIntegerKind);
export const isUnsigned = (t: Type) => allBasic(t, isUnsignedKind);
export const isFloat = (t: Type) => allBasic(t, isFloatKind);
export const isComplex = (t: Type) => allBasic(t, isComplexKind);
export const isNumeric = (t: Type) => allBasic(t, isNumericKind);
export const isString = (t: Type) => allBasic(t, isStringKind);
export const isBoolean = (t: Type) => allBasic(t, isBooleanKind);
/** isNumericOrString reports whether t (each type of its type set) supports `+`. */
export const isNumericOrString = (t: Type) =>
  allBasic(t, (k) => isNumericKind(k) || isStringKind(k));
export const isIntegerOrFloat = (t: Type) => allBasic(t, (k) => isIntegerKind(k) || isFloatKind(k));
/** isOrdered reports whether values of t can be compared with <. */
export const isOrdered = (t: Type) =>
  allBasic(t, (k) => isIntegerKind(k) || isFloatKind(k) || isStringKind(k));
/** isConstType reports whether t may be the type of a constant. */
export const isConstType = (t: Type) => {
  const u = unalias(t);
  if (u instanceof TypeParam) return false;
  const k = basicKind(t);
  return k !== null && (isNumericKind(k) || isStringKind(k) || isBooleanKind(k));
};

/** isUntyped reports whether t is an untyped basic type. */
export function isUntyped(t: Type): boolean {
  const u = unalias(t);
  return u instanceof Basic && isUntypedKind(u.kind);
}

/** isTyped is the negation of isUntyped. */
export function isTyped(t: Type): boolean {
  return !isUntyped(t);
}

/** isValid reports whether t is not the invalid type. */
export function isValid(t: Type): boolean {
  return !(t instanceof Basic && t.kind === "invalid");
}

/** allBasicOrIface is true when every type in the set satisfies pred (used for %, <<). */
export function isBasicKind(t: Type, k: BasicKind): boolean {
  return basicKind(t) === k;
}

/** defaultType returns the default type of an untyped constant kind (Go spec "Constants"). */
export function defaultType(t: Type): Type {
  const u = unalias(t);
  if (!(u instanceof Basic)) return t;
  switch (u.kind) {
    case "untyped bool":
      return Typ.bool;
    case "untyped int":
      return Typ.int;
    case "untyped rune":
      return runeType;
    case "untyped float":
      return Typ.float64;
    case "untyped complex":
      return Typ.complex128;
    case "untyped string":
      return Typ.string;
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Core types

/**
 * coreType returns t's core type (Go spec "Core types"): the underlying type for non-parameters;
 * for a type parameter, the single underlying type of all types in its type set (channels may
 * differ in direction), or null when there is none.
 */
export function coreType(t: Type): Type | null {
  const tp = unalias(t);
  if (!(tp instanceof TypeParam)) {
    const u = under(t);
    if (u instanceof Interface) {
      const ts = computeTypeSet(u);
      if (ts.terms && ts.terms.length > 0) return coreOfTerms(ts.terms);
    }
    return u;
  }
  const ts = typeSetOf(tp);
  if (!ts.terms || ts.terms.length === 0) return null;
  return coreOfTerms(ts.terms);
}

function coreOfTerms(terms: Term[]): Type | null {
  let su: Type | null = null;
  for (const term of terms) {
    const u = under(term.type);
    if (su === null) {
      su = u;
      continue;
    }
    if (identical(su, u)) continue;
    // Channels with the same element type but different directions have the restricted one.
    if (su.tag === "Chan" && u.tag === "Chan" && identical(su.elem, u.elem)) {
      if (su.dir === "both") su = u;
      else if (u.dir !== "both" && u.dir !== su.dir) return null;
      continue;
    }
    return null;
  }
  return su;
}

/** coreString is coreType, but []byte and string together give string ("bytestring"). */
export function coreString(t: Type): Type | null {
  const tp = unalias(t);
  if (tp instanceof TypeParam) {
    const ts = typeSetOf(tp);
    if (!ts.terms || ts.terms.length === 0) return null;
    let hasString = false;
    let su: Type | null = null;
    for (const term of ts.terms) {
      let u = under(term.type);
      if (isString(u)) {
        u = new Slice(Typ.uint8);
        hasString = true;
      }
      if (su === null) su = u;
      else if (!identical(su, u)) return null;
    }
    if (hasString) return Typ.string;
    return su;
  }
  return coreType(t);
}

// ---------------------------------------------------------------------------------------------
// Identity

type TPMap = Map<TypeParam, TypeParam> | null;

/** identical reports whether x and y are identical types (Go spec "Type identity"). */
export function identical(x: Type, y: Type): boolean {
  return ident(x, y, null, false);
}

/** identicalIgnoreTags is identical but struct tags do not matter (conversion rules). */
export function identicalIgnoreTags(x: Type, y: Type): boolean {
  return ident(x, y, null, true);
}

function ident(x: Type, y: Type, tps: TPMap, ignoreTags: boolean): boolean {
  x = unalias(x);
  y = unalias(y);
  if (x === y) return true;
  switch (x.tag) {
    case "Basic":
      return y.tag === "Basic" && x.kind === y.kind;
    case "Pointer":
      return y.tag === "Pointer" && ident(x.elem, y.elem, tps, ignoreTags);
    case "Slice":
      return y.tag === "Slice" && ident(x.elem, y.elem, tps, ignoreTags);
    case "Array":
      return y.tag === "Array" && x.len === y.len && ident(x.elem, y.elem, tps, ignoreTags);
    case "Map":
      return (
        y.tag === "Map" &&
        ident(x.key, y.key, tps, ignoreTags) &&
        ident(x.elem, y.elem, tps, ignoreTags)
      );
    case "Chan":
      return y.tag === "Chan" && x.dir === y.dir && ident(x.elem, y.elem, tps, ignoreTags);
    case "Struct": {
      if (y.tag !== "Struct" || x.fields.length !== y.fields.length) return false;
      for (let i = 0; i < x.fields.length; i++) {
        const f = x.fields[i];
        const g = y.fields[i];
        if (f.embedded !== g.embedded) return false;
        if (!ignoreTags && (x.tags[i] ?? "") !== (y.tags[i] ?? "")) return false;
        if (!sameId(f.name, f.pkg?.path ?? "", g.name, g.pkg?.path ?? "")) return false;
        if (!ident(f.type, g.type, tps, ignoreTags)) return false;
      }
      return true;
    }
    case "Tuple":
      return y.tag === "Tuple" && identTuple(x, y, tps, ignoreTags);
    case "Signature": {
      if (y.tag !== "Signature") return false;
      if (x.typeParams.length !== y.typeParams.length || x.variadic !== y.variadic) return false;
      if (x.typeParams.length > 0) {
        const m = new Map(tps ?? []);
        for (let i = 0; i < x.typeParams.length; i++) m.set(x.typeParams[i], y.typeParams[i]);
        for (let i = 0; i < x.typeParams.length; i++) {
          if (!ident(x.typeParams[i].constraint, y.typeParams[i].constraint, m, ignoreTags))
            return false;
        }
        tps = m;
      }
      return (
        identTuple(x.params, y.params, tps, ignoreTags) &&
        identTuple(x.results, y.results, tps, ignoreTags)
      );
    }
    case "Interface": {
      if (y.tag !== "Interface") return false;
      const a = computeTypeSet(x);
      const b = computeTypeSet(y);
      if (a.comparable !== b.comparable) return false;
      if (!identTerms(a.terms, b.terms, tps, ignoreTags)) return false;
      if (a.methods.length !== b.methods.length) return false;
      const bm = new Map<string, Func>();
      for (const m of b.methods) bm.set(methodKey(m), m);
      for (const m of a.methods) {
        const n = bm.get(methodKey(m));
        if (!n || !ident(m.type, n.type, tps, ignoreTags)) return false;
      }
      return true;
    }
    case "Named": {
      if (y.tag !== "Named") return false;
      if (x.origin && y.origin) {
        if (x.origin !== y.origin || x.typeArgs.length !== y.typeArgs.length) return false;
        for (let i = 0; i < x.typeArgs.length; i++) {
          if (!ident(x.typeArgs[i], y.typeArgs[i], tps, ignoreTags)) return false;
        }
        return true;
      }
      return false;
    }
    case "TypeParam":
      return tps !== null && y.tag === "TypeParam" && tps.get(x) === y;
    case "Union":
      return y.tag === "Union" && identTerms(x.terms, y.terms, tps, ignoreTags);
    case "Alias":
      return false;
  }
}

function identTuple(x: Tuple, y: Tuple, tps: TPMap, ignoreTags: boolean): boolean {
  if (x.vars.length !== y.vars.length) return false;
  for (let i = 0; i < x.vars.length; i++) {
    if (!ident(x.vars[i].type, y.vars[i].type, tps, ignoreTags)) return false;
  }
  return true;
}

function identTerms(a: Term[] | null, b: Term[] | null, tps: TPMap, ignoreTags: boolean): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  return a.every((t) =>
    b.some((u) => t.tilde === u.tilde && ident(t.type, u.type, tps, ignoreTags)),
  );
}

/** methodKey identifies a method name: exported names globally, others per package. */
export function methodKey(m: { name: string; pkg: { path: string } | null }): string {
  return /^\p{Lu}/u.test(m.name) || !m.pkg ? m.name : `${m.pkg.path}.${m.name}`;
}

/** sameId reports whether two (name, package) pairs denote the same identifier. */
export function sameId(n1: string, p1: string, n2: string, p2: string): boolean {
  if (n1 !== n2) return false;
  if (/^\p{Lu}/u.test(n1)) return true;
  return p1 === p2;
}

// ---------------------------------------------------------------------------------------------
// Comparability and nil

/** comparable reports whether values of t can be compared with == (Go spec "Comparison operators"). */
export function comparable(t: Type): boolean {
  return comparableType(t, false, new Set());
}

/** strictlyComparable is comparable without interfaces (they may panic at run time). */
export function strictlyComparable(t: Type): boolean {
  return comparableType(t, true, new Set());
}

/** comparableType decides both: strict excludes interfaces, at any depth. */
function comparableType(t: Type, strict: boolean, seen: Set<Type>): boolean {
  if (seen.has(t)) return true;
  seen.add(t);
  const tp = unalias(t);
  if (tp instanceof TypeParam) return typeSetOf(tp).comparable || termsComparable(tp);
  const u = under(t);
  switch (u.tag) {
    case "Basic":
      return u.kind !== "untyped nil";
    case "Pointer":
    case "Chan":
      return true;
    case "Interface":
      return !strict;
    case "Struct":
      return u.fields.every((f) => comparableType(f.type, strict, seen));
    case "Array":
      return comparableType(u.elem, strict, seen);
  }
  return false;
}

function termsComparable(tp: TypeParam): boolean {
  const ts = typeSetOf(tp);
  if (!ts.terms || ts.terms.length === 0) return false;
  return ts.terms.every((term) => strictlyComparable(term.type));
}

/** hasNil reports whether nil is a valid value of t. */
export function hasNil(t: Type): boolean {
  const tp = unalias(t);
  if (tp instanceof TypeParam) {
    const ts = typeSetOf(tp);
    if (!ts.terms || ts.terms.length === 0) return false;
    return ts.terms.every((term) => hasNil(term.type));
  }
  const u = under(t);
  switch (u.tag) {
    case "Basic":
      return u.kind === "unsafe.Pointer";
    case "Slice":
    case "Pointer":
    case "Signature":
    case "Map":
    case "Chan":
    case "Interface":
      return true;
  }
  return false;
}

/** isTypeName reports whether o is a TypeName. */
export function isTypeNameObj(o: unknown): o is TypeName {
  return o instanceof TypeName;
}

/** sigOf returns t's signature when its core type is a function. */
export function asSignature(t: Type): Signature | null {
  const c = coreType(t);
  return c instanceof Signature ? c : null;
}

export { isAllTypes };
