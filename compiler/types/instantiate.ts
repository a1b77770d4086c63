// Constraint satisfaction (Go spec "Implementing an interface", "Satisfying a type
// constraint"): checking type arguments against their type parameters' constraints.

import type * as ast from "../syntax/ast.js";
import type { Checker } from "./checker.js";
import { missingMethod } from "./lookup.js";
import { comparable, identical, isTypeParam, isValid, under, unalias } from "./predicates.js";
import { Interface, TypeParam, type Type } from "./type.js";
import { computeTypeSet, typeSetOf } from "./typeset.js";
import { typeString, type Qualifier } from "./typestring.js";
import { subst } from "./subst.js";

/** verifyInstance reports the first type argument that does not satisfy its constraint. */
export function verifyInstance(
  c: Checker,
  at: ast.Node,
  tparams: TypeParam[],
  targs: Type[],
  _name: string,
): boolean {
  for (let i = 0; i < tparams.length && i < targs.length; i++) {
    const bound = subst(tparams[i].constraint, tparams, targs);
    const why = satisfies(targs[i], bound, c.qual);
    if (why !== null) {
      c.error(at, why);
      return false;
    }
  }
  return true;
}

/**
 * satisfies returns null when V satisfies constraint T, else gc's explanation
 * ("V does not satisfy T (missing method M)").
 */
export function satisfies(V: Type, T: Type, q: Qualifier): string | null {
  if (!isValid(V) || !isValid(T)) return null;
  const Tu = under(T);
  if (!(Tu instanceof Interface)) return null;
  const ts = computeTypeSet(Tu);
  const vs = typeString(V, q);
  const tstr = typeString(T, q);
  const tdesc = Tu.implicit ? tstr : tstr;
  // Methods.
  const mm = missingMethod(V, Tu);
  if (mm) {
    const name = mm.method.name;
    switch (mm.reason) {
      case "ptrRecv":
        return `${vs} does not satisfy ${tdesc} (method ${name} has pointer receiver)`;
      case "wrongType":
        return `${vs} does not satisfy ${tdesc} (wrong type for method ${name})`;
      default:
        return `${vs} does not satisfy ${tdesc} (missing method ${name})`;
    }
  }
  // Comparability.
  if (ts.comparable && !comparable(V)) {
    return `${vs} does not satisfy ${tdesc}`;
  }
  // Type terms.
  if (ts.terms !== null) {
    const Vp = unalias(V);
    if (Vp instanceof TypeParam) {
      const vts = typeSetOf(Vp);
      if (vts.terms === null)
        return `${vs} does not satisfy ${tdesc} (${vs} missing in ${termsString(ts.terms, q)})`;
      for (const vt of vts.terms) {
        if (!ts.terms.some((t) => termIncludes(t, vt.type, vt.tilde))) {
          return `${vs} does not satisfy ${tdesc} (${vs} missing in ${termsString(ts.terms, q)})`;
        }
      }
      return null;
    }
    if (ts.terms.length === 0) return `cannot satisfy ${tdesc} (empty type set)`;
    if (!ts.terms.some((t) => termIncludes(t, V, false))) {
      if (isTypeParam(V)) return `${vs} does not satisfy ${tdesc}`;
      return `${vs} does not satisfy ${tdesc} (${vs} missing in ${termsString(ts.terms, q)})`;
    }
  }
  return null;
}

function termIncludes(t: { tilde: boolean; type: Type }, V: Type, vTilde: boolean): boolean {
  if (t.tilde) return identical(t.type, under(V));
  if (vTilde) return false;
  return identical(t.type, V);
}

function termsString(terms: { tilde: boolean; type: Type }[], q: Qualifier): string {
  return terms.map((t) => (t.tilde ? "~" : "") + typeString(t.type, q)).join(" | ");
}
