// Assignability and conversions (Go spec "Assignability", "Conversions", "Representability").

import type * as ast from "../syntax/ast.js";
import type { Checker } from "./checker.js";
import * as cv from "./constops.js";
import { missingMethod } from "./lookup.js";
import { Operand, describe } from "./operand.js";
import {
  defaultType,
  hasName,
  identical,
  identicalIgnoreTags,
  isConstType,
  isInteger,
  isNonTypeParamInterface,
  isNumeric,
  isString,
  isTypeParam,
  isUntyped,
  isValid,
  isComplex,
  under,
  unalias,
  hasNil,
} from "./predicates.js";
import {
  Basic,
  Chan,
  Interface,
  Pointer,
  Slice,
  ArrayT,
  Typ,
  TypeParam,
  type Type,
} from "./type.js";
import { typeSetOf, computeTypeSet } from "./typeset.js";
import { typeString } from "./typestring.js";
import { implicitTypeAndValue, representableConst, updateExprType } from "./expr.js";
import { exprString } from "./exprstring.js";

/** assignableTo reports whether x can be assigned to a variable of type T. */
export function assignableTo(c: Checker, x: Operand, T: Type): boolean {
  return assignableCause(c, x, T) === null;
}

/**
 * assignableCause returns null when x is assignable to T (Go spec "Assignability"), else a
 * cause for the message ("" when there is nothing to add).
 */
export function assignableCause(c: Checker, x: Operand, T: Type): string | null {
  const V = x.type;
  if (!isValid(V) || !isValid(T)) return null;
  if (identical(V, T)) return null;
  const Vu = under(V);
  const Tu = under(T);
  const Vp = unalias(V) instanceof TypeParam ? (unalias(V) as TypeParam) : null;
  const Tp = unalias(T) instanceof TypeParam ? (unalias(T) as TypeParam) : null;

  if (isUntyped(V)) {
    if (Tp) {
      const ts = typeSetOf(Tp);
      if (ts.terms === null || ts.terms.length === 0) {
        return x.isNil() ? "" : "";
      }
      for (const term of ts.terms) {
        const y = new Operand();
        y.assign(x);
        if (assignableCause(c, y, term.type) !== null) return "";
      }
      return null;
    }
    const r = implicitTypeAndValue(c, x, T);
    return r !== null && r[2] === null ? null : "";
  }

  // Identical underlying types, at least one not a named type.
  if (identical(Vu, Tu) && (!hasName(V) || !hasName(T)) && !Vp && !Tp) return null;

  // T is an interface and V implements it.
  if (Tu instanceof Interface && !Tp) {
    const cause = implementsCause(c, V, T);
    if (cause === null) return null;
    return cause;
  }
  // V is an interface but T is not: explain.
  if (Vu instanceof Interface && !Vp && !(Tu instanceof Interface)) {
    const m = missingMethod(T, Vu);
    if (!m) return `need type assertion`;
  }
  // Bidirectional channels.
  if (
    Vu instanceof Chan &&
    Vu.dir === "both" &&
    Tu instanceof Chan &&
    identical(Vu.elem, Tu.elem)
  ) {
    if (!Vp && !Tp && (!hasName(V) || !hasName(T))) return null;
  }
  // Type parameters: every type in the set must be assignable.
  if (Tp && !hasName(V)) {
    const ts = typeSetOf(Tp);
    if (ts.terms && ts.terms.length > 0) {
      const ok = ts.terms.every((term) => {
        const y = new Operand();
        y.assign(x);
        return assignableCause(c, y, term.type) === null;
      });
      if (ok) return null;
    }
  }
  if (Vp && !hasName(T)) {
    const ts = typeSetOf(Vp);
    if (ts.terms && ts.terms.length > 0) {
      const ok = ts.terms.every((term) => {
        const y = new Operand();
        y.assign(x);
        y.type = term.type;
        return assignableCause(c, y, T) === null;
      });
      if (ok) return null;
    }
  }
  return "";
}

/** implementsCause returns null when V implements interface T, else gc's explanation. */
export function implementsCause(c: Checker, V: Type, T: Type): string | null {
  const Tu = under(T) as Interface;
  const vs = typeString(V, c.qual);
  const tstr = typeString(T, c.qual);
  const ts = computeTypeSet(Tu);
  if (ts.terms !== null || ts.comparable) {
    // Constraint interfaces are not types of values.
    if (
      ts.terms !== null &&
      !ts.terms.some((t) => (t.tilde ? identical(t.type, under(V)) : identical(t.type, V)))
    ) {
      return `${vs} does not ${isTypeParam(V) ? "satisfy" : "implement"} ${tstr}`;
    }
  }
  const m = missingMethod(V, Tu);
  if (!m) return null;
  const name = m.method.name;
  if (isNonTypeParamInterface(V) && m.reason === "missing") {
    return `${vs} does not implement ${tstr} (missing method ${name})`;
  }
  switch (m.reason) {
    case "ptrRecv":
      return `${vs} does not implement ${tstr} (method ${name} has pointer receiver)`;
    case "wrongType": {
      const have = m.have ? `${name}${sigStr(c, m.have.type)}` : "";
      const want = `${name}${sigStr(c, m.method.type)}`;
      return `${vs} does not implement ${tstr} (wrong type for method ${name})\n\t\thave ${have}\n\t\twant ${want}`;
    }
    case "field":
      return `${vs} does not implement ${tstr} (${name} is a field, not a method)`;
    default: {
      // A method with a different case, or an unexported one, gets a hint.
      return `${vs} does not implement ${tstr} (missing method ${name})`;
    }
  }
}

function sigStr(c: Checker, t: Type): string {
  const s = typeString(t, c.qual);
  return s.startsWith("func") ? s.slice(4) : s;
}

// ---------------------------------------------------------------------------------------------
// Conversions

/** conversion checks T(x) and leaves the result in x. */
export function conversion(c: Checker, x: Operand, T: Type, call: ast.CallExpr): void {
  const constArg = x.mode === "constant";
  let ok = false;
  let cause = "";
  if (constArg && isConstType(T)) {
    const u = under(T) as Basic;
    const v = representableConst(x.val!, u);
    if (v !== null) {
      ok = true;
      x.val = v;
    } else if (isInteger(x.type) && isInteger(T)) {
      c.error(
        x.expr!,
        `cannot convert ${describe(x, c.qual)} to type ${typeString(T, c.qual)} (overflows)`.replace(
          /^cannot convert (.*) \((untyped \w+ )?constant.*$/,
          `constant ${cv.constString(x.val!)} overflows ${typeString(T, c.qual)}`,
        ),
      );
      x.invalidate();
      return;
    } else if (isInteger(x.type) && isString(T)) {
      // string(rune constant)
      const iv = cv.toInt(x.val!);
      let code = iv.kind === "int" ? iv.value : -1n;
      if (code < 0n || code > 0x10ffffn || (code >= 0xd800n && code < 0xe000n)) code = 0xfffdn;
      x.val = cv.mkString(cv.utf8Bytes(String.fromCodePoint(Number(code))));
      ok = true;
    }
  } else if (constArg && isTypeParam(T)) {
    ok = convertibleTo(c, x, T);
    if (ok) x.mode = "value";
  } else {
    ok = convertibleTo(c, x, T);
    if (ok && x.mode !== "constant") x.mode = "value";
    if (ok && x.mode === "constant") x.mode = "value";
  }
  if (!ok) {
    if (!cause) {
      const nx = new Operand();
      nx.assign(x);
      c.error(call, `cannot convert ${describe(nx, c.qual)} to type ${typeString(T, c.qual)}`);
    }
    x.invalidate();
    return;
  }
  if (isUntyped(x.type)) {
    let final = T;
    if (isNonTypeParamInterface(T) || (constArg && !isConstType(T)) || x.isNil())
      final = defaultType(x.type);
    else if (constArg && isInteger(x.type) && isString(T)) final = x.type;
    if (x.isNil()) final = Typ["untyped nil"];
    updateExprType(c, x.expr!, final, true);
  }
  x.type = T;
  if (x.mode === "constant" && !isConstType(T)) x.mode = "value";
  void exprString;
}

/** convertibleTo reports whether a value x can be converted to type T. */
export function convertibleTo(c: Checker, x: Operand, T: Type): boolean {
  if (assignableTo(c, x, T)) return true;
  const V = x.type;
  const Vp = unalias(V) instanceof TypeParam ? (unalias(V) as TypeParam) : null;
  const Tp = unalias(T) instanceof TypeParam ? (unalias(T) as TypeParam) : null;
  if (Vp || Tp) {
    const vterms = Vp ? termsOf(Vp) : [V];
    const tterms = Tp ? termsOf(Tp) : [T];
    if (vterms === null || tterms === null) return false;
    return vterms.every((v) =>
      tterms.every((t) => {
        const y = new Operand();
        y.assign(x);
        y.type = v;
        return convertibleNonParam(c, y, v, t);
      }),
    );
  }
  return convertibleNonParam(c, x, V, T);
}

function termsOf(tp: TypeParam): Type[] | null {
  const ts = typeSetOf(tp);
  if (!ts.terms || ts.terms.length === 0) return null;
  return ts.terms.map((t) => t.type);
}

function convertibleNonParam(c: Checker, x: Operand, V: Type, T: Type): boolean {
  const y = new Operand();
  y.assign(x);
  y.type = V;
  if (assignableTo(c, y, T)) return true;
  const Vu = under(V);
  const Tu = under(T);
  if (identicalIgnoreTags(Vu, Tu)) return true;
  if (Vu instanceof Pointer && Tu instanceof Pointer && unalias(V) === Vu && unalias(T) === Tu) {
    if (identicalIgnoreTags(under(Vu.elem), under(Tu.elem))) return true;
  }
  if (Vu instanceof Pointer && Tu instanceof Pointer) {
    if (!hasName(V) && !hasName(T) && identicalIgnoreTags(under(Vu.elem), under(Tu.elem)))
      return true;
  }
  if (
    (isNumeric(Vu) && !isComplex(Vu) && isNumeric(Tu) && !isComplex(Tu)) ||
    (isComplex(Vu) && isComplex(Tu))
  )
    return true;
  if ((isInteger(Vu) || isBytesOrRunes(Vu)) && isString(Tu)) return true;
  if (isString(Vu) && isBytesOrRunes(Tu)) return true;
  const isUnsafePtr = (t: Type) => t instanceof Basic && t.kind === "unsafe.Pointer";
  if ((Vu instanceof Pointer || (Vu instanceof Basic && Vu.kind === "uintptr")) && isUnsafePtr(Tu))
    return true;
  if (isUnsafePtr(Vu) && (Tu instanceof Pointer || (Tu instanceof Basic && Tu.kind === "uintptr")))
    return true;
  if (Vu instanceof Slice) {
    if (Tu instanceof ArrayT && identical(Vu.elem, Tu.elem)) return c.langMinor() >= 20 || true;
    if (Tu instanceof Pointer) {
      const a = under(Tu.elem);
      if (a instanceof ArrayT && identical(Vu.elem, a.elem)) return true;
    }
  }
  if (x.isNil() && hasNil(T)) return true;
  return false;
}

function isBytesOrRunes(t: Type): boolean {
  if (!(t instanceof Slice)) return false;
  const e = under(t.elem);
  return e instanceof Basic && (e.kind === "uint8" || e.kind === "int32");
}
