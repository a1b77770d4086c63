// Assignments and initialisations (Go spec "Assignment statements", "Variable declarations",
// "Short variable declarations"): matching values to variables, including multi-value calls
// and comma-ok forms.

import type * as ast from "../syntax/ast.js";
import type { Checker } from "./checker.js";
import * as cv from "./constops.js";
import { Const, Var } from "./object.js";
import { Operand, describe, isInvalid, modeOf } from "./operand.js";
import {
  defaultType,
  isConstType,
  isNonTypeParamInterface,
  isTypeParam,
  isUntyped,
  isValid,
  under,
} from "./predicates.js";
import { Basic, Tuple, Typ, type Type } from "./type.js";
import { typeString } from "./typestring.js";
import { assignableCause } from "./conversions.js";
import {
  convertUntyped,
  expr,
  exprWithHint,
  funcTarget,
  implicitTypeAndValue,
  isGenericFunc,
  multiExpr,
  ident,
} from "./expr.js";
import { inferFuncValue } from "./infer.js";
import { exprString } from "./exprstring.js";

/** assignment checks that x can be assigned to type T (T null: x takes its default type). */
export function assignment(c: Checker, x: Operand, T: Type | null, context: string): void {
  // A generic function passed to a parameter of function type: infer from the parameter.
  if (isGenericFunc(x)) {
    const target = funcTarget(T);
    if (target) inferFuncValue(c, x, target);
    else {
      c.error(x.expr!, `cannot use generic function ${exprString(x.expr!)} without instantiation`);
      x.invalidate();
    }
  }
  switch (x.mode) {
    case "invalid":
      return;
    case "constant":
    case "variable":
    case "mapindex":
    case "value":
    case "commaok":
      break;
    default:
      c.error(
        x.expr!,
        `cannot assign ${describe(x, c.qual)} to ${T ? typeString(T, c.qual) : "variable"} in ${context}`,
      );
      x.invalidate();
      return;
  }
  if (isUntyped(x.type)) {
    let target = T;
    if (T === null || (isNonTypeParamInterface(T) && !x.isNil())) {
      if (T === null && x.type === Typ["untyped nil"]) {
        c.error(x.expr!, `use of untyped nil in ${context}`);
        x.invalidate();
        return;
      }
      if (T === null) target = defaultType(x.type);
    }
    if (target) {
      const r = implicitTypeAndValue(c, x, target);
      if (r === null || r[2] !== null) {
        const ts = typeString(target, c.qual);
        let msg = `cannot use ${describe(x, c.qual)} as ${ts} value in ${context}`;
        if (r && r[2] === "overflows") msg += " (overflows)";
        else if (r && r[2] === "truncated") msg += " (truncated)";
        if (x.mode === "constant" && r && r[2] === "overflows" && T === null)
          msg = `${describe(x, c.qual)} overflows ${ts}`;
        c.error(x.expr!, msg);
        x.invalidate();
        return;
      }
      convertUntyped(c, x, target);
      if (isInvalid(x)) return;
    }
  }
  if (T === null) return;
  const cause = assignableCause(c, x, T);
  if (cause !== null) {
    if (isValid(x.type) && isValid(T)) {
      const ts = typeString(T, c.qual);
      c.error(
        x.expr!,
        `cannot use ${describe(x, c.qual)} as ${ts} value in ${context}${cause ? ": " + cause : ""}`,
      );
    }
    x.invalidate();
  }
}

/** initConst gives a constant its type and value from x. */
export function initConst(
  c: Checker,
  obj: Const,
  x: Operand,
  T: Type | null,
  inherited: boolean,
): void {
  if (isInvalid(x) || !isValid(x.type)) {
    obj.type = Typ.invalid;
    obj.val = cv.UNKNOWN;
    return;
  }
  if (x.mode !== "constant") {
    c.error(x.expr!, `${describe(x, c.qual)} is not constant`);
    obj.type = Typ.invalid;
    obj.val = cv.UNKNOWN;
    return;
  }
  void inherited;
  if (T) {
    assignment(c, x, T, "constant declaration");
    if (isInvalid(x)) {
      obj.type = Typ.invalid;
      obj.val = cv.UNKNOWN;
      return;
    }
  }
  obj.type = x.type;
  obj.val = x.val ?? cv.UNKNOWN;
}

/** initVar initialises one variable from x (the variable's type may be unset). */
export function initVar(c: Checker, v: Var, x: Operand, context: string): void {
  if (isInvalid(x) || !isValid(x.type)) {
    if (!isValid(v.type)) v.type = Typ.invalid;
    return;
  }
  if (!isValid(v.type)) {
    // The variable's type comes from the value.
    let t = x.type;
    if (isUntyped(t)) {
      if (t === Typ["untyped nil"]) {
        c.error(x.expr!, `use of untyped nil in ${context}`);
        v.type = Typ.invalid;
        return;
      }
      t = defaultType(t);
    }
    v.type = t;
  }
  assignment(c, x, v.type, context);
}

/** initVars initialises lhs from rhs (n:n, or n:1 with a multi-value rhs). */
export function initVars(
  c: Checker,
  lhs: Var[],
  rhs: ast.Expr[],
  returnStmt: ast.ReturnStmt | null,
): void {
  const context = returnStmt ? "return statement" : "assignment";
  const nl = lhs.length;
  const nr = rhs.length;
  if (nl === nr) {
    for (let i = 0; i < nl; i++) {
      const x = new Operand();
      exprWithHint(c, x, rhs[i], isValid(lhs[i].type) ? lhs[i].type : null);
      initVar(c, lhs[i], x, returnStmt ? context : "variable declaration");
    }
    return;
  }
  if (nr === 1) {
    const xs = multiExpr(c, rhs[0], nl === 2 && !returnStmt);
    if (xs.length === nl) {
      for (let i = 0; i < nl; i++) initVar(c, lhs[i], xs[i], returnStmt ? context : "assignment");
      recordCommaOk(c, rhs[0], xs);
      return;
    }
    if (!isInvalid(xs[0])) assignError(c, rhs, nl, xs.length, returnStmt);
  } else {
    for (const e of rhs) {
      const x = new Operand();
      expr(c, x, e);
    }
    assignError(c, rhs, nl, nr, returnStmt);
  }
  for (const v of lhs) if (!isValid(v.type)) v.type = Typ.invalid;
}

function assignError(
  c: Checker,
  rhs: ast.Expr[],
  nl: number,
  nr: number,
  ret: ast.ReturnStmt | null,
): void {
  const vars = `${nl} variable${nl === 1 ? "" : "s"}`;
  const vals = `${nr} value${nr === 1 ? "" : "s"}`;
  const r0 = rhs[0];
  if (ret) {
    const at: ast.Node = rhs.length > 0 ? rhs[0] : ret;
    c.error(
      at,
      nr < nl
        ? `not enough return values\n\thave ${nr}\n\twant ${nl}`
        : `too many return values\n\thave ${nr}\n\twant ${nl}`,
    );
    return;
  }
  if (rhs.length === 1 && r0.kind === "CallExpr") {
    c.error(r0, `assignment mismatch: ${vars} but ${exprString(r0)} returns ${vals}`);
    return;
  }
  c.error(r0, `assignment mismatch: ${vars} but ${vals}`);
}

/** recordCommaOk records the (T, bool) tuple type of a comma-ok expression. */
function recordCommaOk(c: Checker, e: ast.Expr, xs: Operand[]): void {
  if (xs.length !== 2) return;
  const tv = c.info.types.get(e);
  if (!tv || tv.type.tag === "Tuple") return;
  if (tv.mode !== "commaok" && tv.mode !== "mapindex") return;
  const a = new Var(null, "", xs[0].type, -1);
  const b = new Var(null, "", Typ.bool, -1);
  const t = new Tuple([a, b]);
  let p: ast.Expr = e;
  for (;;) {
    c.info.types.set(p, { mode: "commaok", type: t });
    if (p.kind !== "ParenExpr") break;
    p = p.x;
  }
}

// ---------------------------------------------------------------------------------------------
// Assignment statements

/** lhsVar checks an assignment's left-hand side and returns its type (null for blank `_`). */
export function lhsVar(c: Checker, e: ast.Expr): Type | null {
  let inner = e;
  while (inner.kind === "ParenExpr") inner = inner.x;
  if (inner.kind === "Ident" && inner.name === "_") {
    c.recordDef(inner, null);
    return null;
  }
  // An identifier on the left does not count as a use of the variable.
  let v: Var | null = null;
  let wasUsed = false;
  if (inner.kind === "Ident") {
    const r = c.env.scope.lookupParent(inner.name);
    if (r && r[1] instanceof Var && r[1].pkg === c.pkg) {
      v = r[1];
      wasUsed = v.used;
    }
  }
  const x = new Operand();
  expr(c, x, e);
  if (v) v.used = wasUsed;
  if (isInvalid(x)) return Typ.invalid;
  switch (x.mode) {
    case "variable":
    case "mapindex":
      return x.type;
    default: {
      if (inner.kind === "SelectorExpr") {
        const sel = c.info.selections.get(inner);
        if (sel && sel.kind === "field") {
          c.error(e, `cannot assign to struct field ${exprString(e)} in map`);
          return Typ.invalid;
        }
      }
      const d = describe(x, c.qual);
      c.error(
        e,
        `cannot assign to ${exprString(e)} (neither addressable nor a map index expression)`.replace(
          /\(neither.*\)$/,
          x.mode === "constant" || x.mode === "value"
            ? `(neither addressable nor a map index expression)`
            : "(neither addressable nor a map index expression)",
        ),
      );
      void d;
      return Typ.invalid;
    }
  }
}

/** assignVar assigns x to the left-hand side expression e. */
function assignVar(c: Checker, e: ast.Expr, x: Operand, context: string): void {
  const T = lhsVar(c, e);
  if (T !== null && !isValid(T)) return;
  if (T === null) {
    assignment(c, x, null, "assignment");
    return;
  }
  assignment(c, x, T, context);
}

/** assignVars checks `lhs = rhs`. */
export function assignVars(c: Checker, lhs: ast.Expr[], rhs: ast.Expr[]): void {
  const nl = lhs.length;
  const nr = rhs.length;
  if (nl === nr) {
    for (let i = 0; i < nl; i++) {
      const T = peekLhsType(c, lhs[i]);
      const x = new Operand();
      exprWithHint(c, x, rhs[i], T);
      assignVar(c, lhs[i], x, "assignment");
    }
    return;
  }
  if (nr === 1) {
    const xs = multiExpr(c, rhs[0], nl === 2);
    if (xs.length === nl) {
      for (let i = 0; i < nl; i++) assignVar(c, lhs[i], xs[i], "assignment");
      recordCommaOk(c, rhs[0], xs);
      return;
    }
    if (!isInvalid(xs[0])) assignError(c, rhs, nl, xs.length, null);
  } else {
    for (const e of rhs) expr(c, new Operand(), e);
    assignError(c, rhs, nl, nr, null);
  }
  for (const e of lhs) lhsVar(c, e);
}

/**
 * peekLhsType returns the type of a variable on the left when it is a function type, so that a
 * generic function on the right is inferred from it (`f = g`). Nothing else needs it: the
 * parser never yields an untyped composite literal outside another literal.
 */
function peekLhsType(c: Checker, e: ast.Expr): Type | null {
  while (e.kind === "ParenExpr") e = e.x;
  if (e.kind !== "Ident") return null;
  const r = c.env.scope.lookupParent(e.name);
  const v = r?.[1];
  return v instanceof Var && funcTarget(v.type) ? v.type : null;
}

/** shortVarDecl checks `lhs := rhs`. */
export function shortVarDecl(
  c: Checker,
  at: ast.AssignStmt,
  lhs: ast.Expr[],
  rhs: ast.Expr[],
): void {
  const scope = c.env.scope;
  const lhsVars: Var[] = [];
  const newVars: Var[] = [];
  const seen = new Set<string>();
  let bad = false;
  for (const e of lhs) {
    if (e.kind !== "Ident") {
      c.error(e, `non-name ${exprString(e)} on left side of :=`);
      bad = true;
      continue;
    }
    const name = e.name;
    if (name !== "_" && seen.has(name)) {
      c.error(e, `${name} repeated on left side of :=`);
      bad = true;
      continue;
    }
    seen.add(name);
    const old = name === "_" ? undefined : scope.lookup(name);
    if (old instanceof Var) {
      c.recordUse(e, old);
      lhsVars.push(old);
      continue;
    }
    if (old) {
      c.error(e, `cannot assign to ${name}`);
      bad = true;
      continue;
    }
    const v = new Var(c.pkg, name, Typ.invalid, e.pos, c.file.source.filename);
    lhsVars.push(v);
    if (name !== "_") newVars.push(v);
    c.recordDef(e, v);
  }
  if (bad) {
    // Still declare the new names (with invalid types) so later uses do not cascade.
    for (const e of rhs) expr(c, new Operand(), e);
    for (const v of newVars) {
      v.used = true;
      scope.insert(v);
    }
    return;
  }
  // Old variables keep their types; assignment to them checks assignability.
  const fresh = new Set(newVars);
  for (const v of lhsVars) if (!fresh.has(v) && v.name !== "_") v.used = v.used;
  const olds = lhsVars.map((v) => (fresh.has(v) || v.name === "_" ? null : { v, used: v.used }));
  initVarsShort(c, lhsVars, rhs, fresh);
  for (const o of olds) if (o) o.v.used = o.used;
  for (const v of newVars) {
    scope.insert(v);
  }
  if (newVars.length === 0 && lhsVars.every((v) => v.name === "_" || !fresh.has(v))) {
    c.error(at, "no new variables on left side of :=");
  }
}

function initVarsShort(c: Checker, lhs: Var[], rhs: ast.Expr[], fresh: Set<Var>): void {
  // Variables that already exist are assigned, new ones initialised.
  const nl = lhs.length;
  const nr = rhs.length;
  const apply = (v: Var, x: Operand) => {
    if (fresh.has(v) || v.name === "_") {
      if (v.name === "_" && !fresh.has(v)) {
        assignment(c, x, null, "assignment");
        return;
      }
      initVar(c, v, x, "assignment");
    } else assignment(c, x, v.type, "assignment");
  };
  if (nl === nr) {
    for (let i = 0; i < nl; i++) {
      const x = new Operand();
      expr(c, x, rhs[i]);
      apply(lhs[i], x);
    }
    return;
  }
  if (nr === 1) {
    const xs = multiExpr(c, rhs[0], nl === 2);
    if (xs.length === nl) {
      for (let i = 0; i < nl; i++) apply(lhs[i], xs[i]);
      recordCommaOk(c, rhs[0], xs);
      return;
    }
    if (!isInvalid(xs[0])) assignError(c, rhs, nl, xs.length, null);
  } else {
    for (const e of rhs) expr(c, new Operand(), e);
    assignError(c, rhs, nl, nr, null);
  }
  for (const v of lhs) if (!isValid(v.type)) v.type = Typ.invalid;
}

export { ident, isConstType, isTypeParam, under, Basic };
