// Expressions (Go spec "Expressions", "Operators", "Constant expressions"): operands and
// identifiers, literals, unary and binary operators, shifts and comparisons, and the rules
// that give untyped operands their final type from context.

import type * as ast from "../syntax/ast.js";
import type { Checker } from "./checker.js";
import * as cv from "./constops.js";
import type { ConstValue } from "./constant.js";
import { Builtin, Const, Func, Nil, PkgName, TypeName, Var } from "./object.js";
import { Operand, describe, isInvalid, modeOf } from "./operand.js";
import {
  coreType,
  comparable,
  defaultType,
  hasNil,
  identical,
  isBoolean,
  isComplex,
  isConstType,
  isFloat,
  isInteger,
  isInterface,
  isNonTypeParamInterface,
  isNumeric,
  isOrdered,
  isString,
  isTypeParam,
  isNumericOrString,
  isTyped,
  isUnsigned,
  isUntyped,
  isValid,
  under,
  unalias,
} from "./predicates.js";
import {
  Basic,
  Chan,
  Interface,
  Named,
  Pointer,
  Signature,
  Struct,
  Typ,
  TypeParam,
  type Type,
} from "./type.js";
import { typeSetOf } from "./typeset.js";
import { typeString } from "./typestring.js";
import { iotaObj } from "./universe.js";
import { exprString } from "./exprstring.js";
import { objDecl } from "./decl.js";
import { callExpr, selector } from "./call.js";
import { indexExpr, sliceExpr } from "./indexing.js";
import { compositeLit } from "./literal.js";
import { funcType, typExpr } from "./typexpr.js";
import { Scope } from "./scope.js";
import { funcBody } from "./stmt.js";
import { assignableTo } from "./conversions.js";
import { missingMethod } from "./lookup.js";
import { inferFuncValue } from "./infer.js";
import { sizeof } from "./sizes.js";

// ---------------------------------------------------------------------------------------------
// Entry points

/** expr checks e as a single value (not a type, not a builtin, not a no-value call). */
export function expr(c: Checker, x: Operand, e: ast.Expr): void {
  rawExpr(c, x, e, null, false);
  singleValue(c, x);
  exclude(c, x, e);
}

/**
 * exprWithHint is expr where composite literals may take their type from hint, and a generic
 * function may be used when hint is a function type (its type arguments are inferred from it).
 */
export function exprWithHint(c: Checker, x: Operand, e: ast.Expr, hint: Type | null): void {
  const target = funcTarget(hint);
  rawExpr(c, x, e, hint, target !== null);
  if (target && isGenericFunc(x)) inferFuncValue(c, x, target);
  singleValue(c, x);
  exclude(c, x, e);
}

/** funcTarget returns t's function type when it is a non-generic one. */
export function funcTarget(t: Type | null): Signature | null {
  const ct = t ? coreType(t) : null;
  return ct instanceof Signature && ct.typeParams.length === 0 ? ct : null;
}

/** isGenericFunc reports whether x is a generic function not yet instantiated. */
export function isGenericFunc(x: Operand): boolean {
  return !isInvalid(x) && x.type instanceof Signature && x.type.typeParams.length > 0;
}

/**
 * exprOrType checks e as a value or a type. With wantType (e must be a type), a call without
 * value and an uncalled built-in are left for the caller to report.
 */
export function exprOrType(
  c: Checker,
  x: Operand,
  e: ast.Expr,
  allowGeneric: boolean,
  wantType = false,
): void {
  rawExpr(c, x, e, null, allowGeneric);
  if (wantType && (x.mode === "novalue" || x.mode === "builtin")) return;
  if (x.mode === "novalue") {
    c.error(e, `${exprString(e)} (no value) used as value or type`);
    x.invalidate();
  } else if (x.mode === "builtin") {
    c.error(e, `${exprString(e)} (built-in) must be called`);
    x.invalidate();
  }
}

/** multiExpr checks e, which may be a multi-valued call or a comma-ok expression. */
export function multiExpr(c: Checker, e: ast.Expr, allowCommaOk: boolean): Operand[] {
  const x = new Operand();
  rawExpr(c, x, e, null, false);
  exclude(c, x, e);
  if (isInvalid(x)) return [x];
  if (x.type.tag === "Tuple") {
    return x.type.vars.map((v) => {
      const y = new Operand();
      y.mode = "value";
      y.expr = e;
      y.type = v.type;
      return y;
    });
  }
  if ((x.mode === "commaok" || x.mode === "mapindex") && allowCommaOk) {
    const ok = new Operand();
    ok.mode = "value";
    ok.expr = e;
    ok.type = Typ["untyped bool"];
    return [x, ok];
  }
  if (x.mode === "commaok" || x.mode === "mapindex") {
    if (x.mode === "commaok") x.mode = "value";
  }
  return [x];
}

function exclude(c: Checker, x: Operand, e: ast.Expr): void {
  switch (x.mode) {
    case "novalue":
      c.error(e, `${exprString(e)} (no value) used as value`);
      x.invalidate();
      break;
    case "builtin":
      c.error(e, `${exprString(e)} (built-in) must be called`);
      x.invalidate();
      break;
    case "typexpr":
      c.error(e, `${exprString(e)} (type) is not an expression`);
      x.invalidate();
      break;
  }
}

/** singleValue reports a multi-value call used where one value is needed. */
function singleValue(c: Checker, x: Operand): void {
  if (x.mode === "value" && x.type.tag === "Tuple") {
    const n = x.type.vars.length;
    c.error(
      x.expr!,
      `multiple-value ${exprString(x.expr!)} (value of type ${typeString(x.type, c.qual)}) in single-value context`,
    );
    x.invalidate();
    void n;
  }
  if (x.mode === "commaok") x.mode = "value";
}

/** rawExpr checks e and records the result. */
export function rawExpr(
  c: Checker,
  x: Operand,
  e: ast.Expr,
  hint: Type | null,
  allowGeneric: boolean,
): void {
  exprInternal(c, x, e, hint, allowGeneric);
  x.expr = e;
  if (isInvalid(x)) return;
  if (!allowGeneric) nonGeneric(c, x);
  if (isInvalid(x)) return;
  if (isUntyped(x.type)) {
    c.rememberUntyped(e, false, x.mode as never, x.type, x.val);
  } else {
    c.recordTypeAndValue(e, x.mode as never, x.type, x.val);
  }
}

/** nonGeneric reports a generic function or type used without instantiation. */
function nonGeneric(c: Checker, x: Operand): void {
  const t = x.type;
  if (x.mode === "typexpr") {
    const n = unalias(t);
    if (
      (n instanceof Named && n.typeParams.length > 0 && n.typeArgs.length === 0) ||
      (t.tag === "Alias" && t.typeParams.length > 0)
    ) {
      c.error(x.expr!, `cannot use generic type ${typeString(t, c.qual)} without instantiation`);
      x.invalidate();
    }
  } else if (t instanceof Signature && t.typeParams.length > 0) {
    c.error(x.expr!, `cannot use generic function ${exprString(x.expr!)} without instantiation`);
    x.invalidate();
  }
}

// ---------------------------------------------------------------------------------------------
// The expression switch

function exprInternal(
  c: Checker,
  x: Operand,
  e: ast.Expr,
  hint: Type | null,
  allowGeneric: boolean,
): void {
  x.mode = "invalid";
  x.type = Typ.invalid;
  x.val = null;
  x.expr = e;
  switch (e.kind) {
    case "BadExpr":
      return;
    case "Ident":
      ident(c, x, e, allowGeneric);
      return;
    case "Ellipsis":
      c.error(e, "invalid use of '...'");
      return;
    case "BasicLit":
      basicLit(c, x, e);
      return;
    case "FuncLit":
      funcLit(c, x, e);
      return;
    case "CompositeLit":
      compositeLit(c, x, e, hint);
      return;
    case "ParenExpr":
      rawExpr(c, x, e.x, hint, allowGeneric);
      x.expr = e;
      return;
    case "SelectorExpr":
      selector(c, x, e, allowGeneric);
      return;
    case "IndexExpr":
    case "IndexListExpr":
      indexExpr(c, x, e, allowGeneric);
      return;
    case "SliceExpr":
      sliceExpr(c, x, e);
      return;
    case "TypeAssertExpr":
      typeAssert(c, x, e);
      return;
    case "CallExpr":
      callExpr(c, x, e);
      return;
    case "StarExpr":
      starExpr(c, x, e);
      return;
    case "UnaryExpr":
      unaryExpr(c, x, e);
      return;
    case "BinaryExpr":
      binaryExpr(c, x, e, e.x, e.y, e.op, e.opPos);
      return;
    case "KeyValueExpr":
      c.error(e, "unexpected key:value expression");
      return;
    case "ArrayType":
    case "StructType":
    case "FuncType":
    case "InterfaceType":
    case "MapType":
    case "ChanType":
      x.mode = "typexpr";
      x.type = typExpr(c, e);
      if (!isValid(x.type)) x.invalidate();
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Identifiers

/** ident resolves an identifier to an operand. */
export function ident(c: Checker, x: Operand, e: ast.Ident, allowGeneric: boolean): void {
  x.mode = "invalid";
  x.expr = e;
  x.type = Typ.invalid;
  if (e.name === "_") {
    c.error(e, "cannot use _ as value");
    return;
  }
  const r = c.env.scope.lookupParent(e.name);
  if (!r) {
    c.error(e, `undefined: ${e.name}`);
    return;
  }
  const obj = r[1];
  c.recordUse(e, obj);
  if (obj.pkg === c.pkg && c.objMap.has(obj)) {
    objDecl(c, obj);
    if (c.env.decl && (obj instanceof Var || obj instanceof Func || obj instanceof Const))
      c.env.decl.deps.add(obj);
  }
  const pn = c.dotImports.get(r[0])?.get(obj);
  if (pn) c.dotUsed.add(pn);
  if (obj instanceof PkgName) {
    c.error(e, `use of package ${obj.name} without selector`);
    obj.used = true;
    return;
  }
  if (obj instanceof Const) {
    if (obj === iotaObj) {
      if (c.env.iota === null) {
        c.error(e, "cannot use iota outside constant declaration");
        return;
      }
      x.setConst(Typ["untyped int"], c.env.iota);
      return;
    }
    if (!isValid(obj.type)) return;
    x.setConst(obj.type, obj.val);
    return;
  }
  if (obj instanceof TypeName) {
    if (!isValid(obj.type)) return;
    x.mode = "typexpr";
    x.type = obj.type;
    void allowGeneric;
    return;
  }
  if (obj instanceof Var) {
    if (obj.pkg === c.pkg) obj.used = true;
    if (!isValid(obj.type)) return;
    x.mode = "variable";
    x.type = obj.type;
    return;
  }
  if (obj instanceof Func) {
    if (!isValid(obj.type)) return;
    x.mode = "value";
    x.type = obj.type;
    return;
  }
  if (obj instanceof Builtin) {
    x.mode = "builtin";
    x.type = Typ.invalid;
    x.id = obj.builtin;
    return;
  }
  if (obj instanceof Nil) {
    x.mode = "value";
    x.type = Typ["untyped nil"];
    return;
  }
}

// ---------------------------------------------------------------------------------------------
// Literals

function basicLit(c: Checker, x: Operand, e: ast.BasicLit): void {
  const v = cv.parseLiteral(e.litKind, e.value);
  if (v === null) {
    if (e.litKind === "FLOAT" || e.litKind === "IMAG")
      c.error(e, `excessive precision or malformed constant ${e.value}`);
    else c.error(e, `malformed constant: ${e.value}`);
    return;
  }
  const t: Record<ast.BasicLit["litKind"], Basic> = {
    INT: Typ["untyped int"],
    FLOAT: Typ["untyped float"],
    IMAG: Typ["untyped complex"],
    CHAR: Typ["untyped rune"],
    STRING: Typ["untyped string"],
  };
  x.setConst(t[e.litKind], v);
  if (
    (v.kind === "int" && cv.bitLen(v.value) > 512) ||
    (v.kind === "float" && cv.bitLen(v.num) > 10000)
  ) {
    c.error(e, `excessive precision or malformed constant ${e.value}`);
    x.invalidate();
  }
}

function funcLit(c: Checker, x: Operand, e: ast.FuncLit): void {
  const scope = new Scope(c.env.scope, "function literal", e.pos, e.end);
  c.recordScope(e.type, scope);
  const sig = c.withEnv({ scope }, () => funcType(c, e.type, null, null, scope));
  if (e.type.typeParams) c.error(e.type, "function literal cannot have type parameters");
  const decl = c.env.decl;
  // A function literal inside a constant declaration sees that declaration's iota.
  c.withEnv({ scope, sig, iota: c.env.iota, decl }, () =>
    funcBody(c, "func literal", e.type, sig, e.body, scope),
  );
  x.mode = "value";
  x.type = sig;
}

// ---------------------------------------------------------------------------------------------
// Unary expressions

function starExpr(c: Checker, x: Operand, e: ast.StarExpr): void {
  exprOrType(c, x, e.x, false);
  if (isInvalid(x)) return;
  if (x.mode === "typexpr") {
    x.type = new Pointer(x.type);
    return;
  }
  if (x.isNil()) {
    c.error(e, "invalid operation: cannot indirect nil");
    x.invalidate();
    return;
  }
  const ct = coreType(x.type);
  if (!(ct instanceof Pointer)) {
    c.error(e, `invalid operation: cannot indirect ${describe(x, c.qual)}`);
    x.invalidate();
    return;
  }
  if (!isValid(ct.elem)) {
    x.invalidate();
    return;
  }
  x.mode = "variable";
  x.type = ct.elem;
}

function unaryExpr(c: Checker, x: Operand, e: ast.UnaryExpr): void {
  if (e.op === "&") {
    let inner: ast.Expr = e.x;
    while (inner.kind === "ParenExpr") inner = inner.x;
    if (inner.kind === "CompositeLit") {
      // &T{} is allowed although T{} is not addressable.
      rawExpr(c, x, e.x, null, false);
      exclude(c, x, e.x);
      if (isInvalid(x)) return;
      x.mode = "value";
      x.type = new Pointer(x.type);
      return;
    }
    expr(c, x, e.x);
    if (isInvalid(x)) return;
    if (x.mode !== "variable") {
      c.error(e, `invalid operation: cannot take address of ${describe(x, c.qual)}`);
      x.invalidate();
      return;
    }
    x.mode = "value";
    x.type = new Pointer(x.type);
    return;
  }
  if (e.op === "<-") {
    expr(c, x, e.x);
    if (isInvalid(x)) return;
    const ct = coreType(x.type);
    if (!(ct instanceof Chan)) {
      if (ct === null && isTypeParam(x.type))
        c.error(e, `invalid operation: cannot receive from ${describe(x, c.qual)}: no core type`);
      else c.error(e, `invalid operation: cannot receive from non-channel ${describe(x, c.qual)}`);
      x.invalidate();
      return;
    }
    if (ct.dir === "send") {
      c.error(e, `invalid operation: cannot receive from send-only channel ${describe(x, c.qual)}`);
      x.invalidate();
      return;
    }
    x.mode = "commaok";
    x.type = ct.elem;
    x.val = null;
    c.env.hasCallOrRecv = true;
    return;
  }
  if (e.op === "~") {
    c.error(e, "cannot use ~ outside of interface or type constraint");
    expr(c, x, e.x);
    x.invalidate();
    return;
  }
  expr(c, x, e.x);
  if (isInvalid(x)) return;
  if (!unaryOpOK(c, x, e.op, e)) {
    x.invalidate();
    return;
  }
  if (x.mode === "constant") {
    if (x.val!.kind === "unknown") return;
    let bits = 0;
    if (isUnsigned(x.type) && isTyped(x.type)) bits = Number(sizeof(under(x.type))) * 8;
    x.val = cv.unaryOp(e.op, x.val!, bits);
    x.expr = e;
    overflow(c, x, e);
    return;
  }
  x.mode = "value";
}

function unaryOpOK(c: Checker, x: Operand, op: string, e: ast.Expr): boolean {
  let ok: boolean;
  switch (op) {
    case "+":
    case "-":
      ok = isNumeric(x.type);
      break;
    case "^":
      ok = isInteger(x.type);
      break;
    case "!":
      ok = isBoolean(x.type);
      break;
    default:
      ok = false;
  }
  if (!ok) c.error(e, `invalid operation: operator ${op} not defined on ${describe(x, c.qual)}`);
  return ok;
}

// ---------------------------------------------------------------------------------------------
// Binary expressions

const comparisonOps = new Set(["==", "!=", "<", "<=", ">", ">="]);

/** binaryExpr checks `lhs op rhs` (also used for compound assignments with e = null). */
export function binaryExpr(
  c: Checker,
  x: Operand,
  e: ast.Expr | null,
  lhs: ast.Expr,
  rhs: ast.Expr,
  op: string,
  opPos: number,
): void {
  const y = new Operand();
  expr(c, x, lhs);
  expr(c, y, rhs);
  if (isInvalid(x)) return;
  if (isInvalid(y)) {
    x.invalidate();
    x.expr = y.expr;
    return;
  }
  if (op === "<<" || op === ">>") {
    shiftExpr(c, x, y, e, op, opPos);
    return;
  }
  matchTypes(c, x, y);
  if (isInvalid(x)) return;
  const estr = e ? exprString(e) : `${exprString(lhs)} ${op} ${exprString(rhs)}`;
  if (comparisonOps.has(op)) {
    comparison(c, x, y, op, e, estr, opPos);
    return;
  }
  if (!identical(x.type, y.type)) {
    if (isValid(x.type) && isValid(y.type)) {
      c.error(
        e ?? opPos,
        `invalid operation: ${estr} (mismatched types ${typeString(x.type, c.qual)} and ${typeString(y.type, c.qual)})`,
      );
    }
    x.invalidate();
    return;
  }
  if (!binaryOpOK(x, op)) {
    const what = op === "&&" || op === "||" ? describe(x, c.qual) : describe(x, c.qual);
    c.error(e ?? opPos, `invalid operation: operator ${op} not defined on ${what}`);
    x.invalidate();
    return;
  }
  if (
    (op === "/" || op === "%") &&
    (x.mode === "constant" || isInteger(x.type)) &&
    y.mode === "constant" &&
    cv.isZero(y.val!)
  ) {
    c.error(y.expr!, "invalid operation: division by zero");
    x.invalidate();
    return;
  }
  if (x.mode === "constant" && y.mode === "constant") {
    if (x.val!.kind === "unknown" || y.val!.kind === "unknown") {
      x.val = cv.UNKNOWN;
      x.expr = e ?? x.expr;
      return;
    }
    if ((op === "/" || op === "%") && cv.isZero(y.val!)) {
      c.error(y.expr!, "invalid operation: division by zero");
      x.invalidate();
      return;
    }
    const intDiv = op === "/" && isInteger(x.type);
    let v = cv.binaryOp(x.val!, op, y.val!, intDiv);
    if (
      op === "/" &&
      x.val!.kind === "int" &&
      y.val!.kind === "int" &&
      !intDiv &&
      isUntyped(x.type)
    ) {
      v = cv.toInt(v);
    }
    x.val = v;
    x.expr = e ?? x.expr;
    // gc reports an overflowing result at the operator.
    overflow(c, x, opPos);
    return;
  }
  x.mode = "value";
  x.val = null;
}

function binaryOpOK(x: Operand, op: string): boolean {
  const t = x.type;
  switch (op) {
    case "+":
      return isNumericOrString(t);
    case "-":
    case "*":
    case "/":
      return isNumeric(t);
    case "%":
    case "&":
    case "|":
    case "^":
    case "&^":
      return isInteger(t);
    case "&&":
    case "||":
      return isBoolean(t);
  }
  return false;
}

/** overflow checks a constant result against its type (or the untyped limits). */
export function overflow(c: Checker, x: Operand, at: ast.Node | number): void {
  if (x.mode !== "constant" || !x.val || x.val.kind === "unknown") return;
  if (isTyped(x.type)) {
    const u = under(x.type);
    if (u instanceof Basic) {
      const r = representableConst(x.val, u);
      if (r === null) {
        // A typed result is reported at its expression, an untyped one at `at` (the operator).
        const where = x.expr ?? at;
        c.error(where, `${describe(x, c.qual)} overflows ${typeString(x.type, c.qual)}`);
        x.val = cv.UNKNOWN;
      } else x.val = r;
    }
    return;
  }
  if (x.val.kind === "int" && cv.bitLen(x.val.value) > 512) {
    const op = x.expr ? overflowOpName(x.expr) : "";
    c.error(at, `constant ${op ? op + " " : ""}overflow`);
    x.val = cv.UNKNOWN;
  }
}

/** overflowOpName names the operation of e in gc's "constant <op> overflow" messages. */
function overflowOpName(e: ast.Expr): string {
  if (e.kind === "UnaryExpr") return e.op === "^" ? "bitwise complement" : "";
  if (e.kind !== "BinaryExpr") return "";
  const names: Record<string, string> = {
    "+": "addition",
    "-": "subtraction",
    "^": "bitwise XOR",
    "*": "multiplication",
    "<<": "shift",
  };
  return names[e.op] ?? "";
}

/** matchTypes converts untyped operands of a binary operation towards each other's type. */
function matchTypes(c: Checker, x: Operand, y: Operand): void {
  if (!mayConvert(x, y)) return;
  convertUntyped(c, x, y.type);
  if (isInvalid(x)) return;
  convertUntyped(c, y, x.type);
  if (isInvalid(y)) x.invalidate();
}

function mayConvert(x: Operand, y: Operand): boolean {
  if (isTyped(x.type) && isTyped(y.type)) return false;
  if (isBoolean(x.type) !== isBoolean(y.type) && !(isTypeParam(x.type) || isTypeParam(y.type)))
    return false;
  if (isString(x.type) !== isString(y.type) && !(isTypeParam(x.type) || isTypeParam(y.type)))
    return false;
  if (x.isNil()) return hasNil(y.type);
  if (y.isNil()) return hasNil(x.type);
  if (under(x.type) instanceof Pointer || under(y.type) instanceof Pointer) return false;
  return true;
}

function comparison(
  c: Checker,
  x: Operand,
  y: Operand,
  op: string,
  e: ast.Expr | null,
  estr: string,
  opPos: number,
): void {
  // gc reports at the offending operand: the second one when the types do not match (only
  // the second shows the mismatch), or the one that cannot be compared or ordered.
  let err = "";
  let bad = x;
  const xok = assignableTo(c, x, y.type);
  const yok = assignableTo(c, y, x.type);
  if (!xok && !yok) {
    err = `mismatched types ${typeString(x.type, c.qual)} and ${typeString(y.type, c.qual)}`;
    bad = y;
  } else if (op === "==" || op === "!=") {
    if (x.isNil() || y.isNil()) {
      const other = x.isNil() ? y : x;
      if (!hasNil(other.type) && !other.isNil())
        err = `mismatched types ${typeString(x.type, c.qual)} and ${typeString(y.type, c.qual)}`;
      if (x.isNil() && y.isNil()) err = `operator ${op} not defined on nil`;
      bad = y;
    } else if (!comparable(x.type)) {
      err = incomparableCause(c, x.type);
    } else if (!comparable(y.type)) {
      err = incomparableCause(c, y.type);
      bad = y;
    }
  } else if (!isOrdered(x.type)) {
    err = `operator ${op} not defined on ${describe(x, c.qual)}`;
  } else if (!isOrdered(y.type)) {
    err = `operator ${op} not defined on ${describe(y, c.qual)}`;
    bad = y;
  }
  if (err) {
    c.error(bad.expr ?? e ?? opPos, `invalid operation: ${estr} (${err})`);
    x.invalidate();
    return;
  }
  if (x.mode === "constant" && y.mode === "constant") {
    const r = cv.compare(x.val!, op, y.val!);
    x.val = r === null ? cv.UNKNOWN : cv.mkBool(r);
  } else {
    x.mode = "value";
    x.val = null;
    // Untyped operands take their default types (the comparison result stays untyped).
    updateExprType(c, x.expr!, defaultType(x.type), true);
    updateExprType(c, y.expr!, defaultType(y.type), true);
  }
  x.type = Typ["untyped bool"];
  x.expr = e ?? x.expr;
}

export function incomparableCause(c: Checker, t: Type): string {
  const u = under(t);
  if (isTypeParam(t)) return `incomparable types in type set`;
  switch (u.tag) {
    case "Slice":
    case "Signature":
    case "Map": {
      const k = u.tag === "Slice" ? "slice" : u.tag === "Map" ? "map" : "func";
      return `${k} can only be compared to nil`;
    }
    case "Struct":
      for (const f of u.fields) {
        if (!comparable(f.type))
          return `struct containing ${typeString(f.type, c.qual)} cannot be compared`;
      }
      break;
    case "Array":
      return `${typeString(t, c.qual)} cannot be compared`;
  }
  return `operator == not defined on ${typeString(t, c.qual)}`;
}

// ---------------------------------------------------------------------------------------------
// Shifts

function shiftExpr(
  c: Checker,
  x: Operand,
  y: Operand,
  e: ast.Expr | null,
  op: "<<" | ">>",
  opPos: number,
): void {
  // The left operand must be an integer, or an untyped constant representable as one.
  let xval: ConstValue | null = null;
  if (x.mode === "constant") xval = cv.toInt(x.val!);
  const lhsOK = isInteger(x.type) || (isUntyped(x.type) && xval !== null && xval.kind === "int");
  if (!lhsOK) {
    c.error(x.expr!, `invalid operation: shifted operand ${describe(x, c.qual)} must be integer`);
    x.invalidate();
    return;
  }
  // The count must be an integer, or an untyped constant representable as uint.
  let yval: ConstValue | null = null;
  if (y.mode === "constant") {
    yval = cv.toInt(y.val!);
    if (yval.kind === "int" && yval.value < 0n) {
      c.error(y.expr!, `invalid shift count ${describe(y, c.qual)} (must be non-negative)`);
      x.invalidate();
      return;
    }
    if (isUntyped(y.type)) {
      if (yval.kind !== "int") {
        c.error(y.expr!, `invalid operation: shift count ${describe(y, c.qual)} must be integer`);
        x.invalidate();
        return;
      }
      convertUntyped(c, y, Typ.uint);
      if (isInvalid(y)) {
        x.invalidate();
        return;
      }
    } else if (!isInteger(y.type)) {
      c.error(y.expr!, `invalid operation: shift count ${describe(y, c.qual)} must be integer`);
      x.invalidate();
      return;
    }
  } else {
    if (isUntyped(y.type)) {
      convertUntyped(c, y, Typ.uint);
      if (isInvalid(y)) {
        x.invalidate();
        return;
      }
    }
    if (!isInteger(y.type)) {
      c.error(y.expr!, `invalid operation: shift count ${describe(y, c.qual)} must be integer`);
      x.invalidate();
      return;
    }
  }
  if (x.mode === "constant") {
    if (y.mode === "constant") {
      if (x.val!.kind === "unknown" || yval!.kind !== "int") {
        x.val = cv.UNKNOWN;
        x.expr = e ?? x.expr;
        return;
      }
      const s = yval!.value;
      if (s > 1023n) {
        c.error(y.expr!, `invalid shift count ${describe(y, c.qual)}`);
        x.invalidate();
        return;
      }
      if (isUntyped(x.type) && x.type !== Typ["untyped rune"]) x.type = Typ["untyped int"];
      x.val = cv.shift(xval!, op, Number(s));
      x.expr = e ?? x.expr;
      overflow(c, x, opPos);
      return;
    }
    if (isUntyped(x.type)) {
      // A non-constant shift of an untyped constant: its type comes from the context later.
      if (e) c.rememberUntyped(x.expr!, true, "value", x.type, null);
      const info = c.untyped.get(x.expr!);
      if (info) info.isLhs = true;
      x.mode = "value";
      x.val = null;
      return;
    }
  }
  if (!isInteger(x.type)) {
    c.error(x.expr!, `invalid operation: shifted operand ${describe(x, c.qual)} must be integer`);
    x.invalidate();
    return;
  }
  x.mode = "value";
  x.val = null;
}

// ---------------------------------------------------------------------------------------------
// Type assertions

function typeAssert(c: Checker, x: Operand, e: ast.TypeAssertExpr): void {
  expr(c, x, e.x);
  if (isInvalid(x)) return;
  if (e.type === null) {
    c.error(e, "invalid syntax tree: use of .(type) outside type switch");
    x.invalidate();
    return;
  }
  if (isTypeParam(x.type)) {
    c.error(
      e.x,
      `invalid operation: cannot use type assertion on type parameter value ${describe(x, c.qual)}`,
    );
    x.invalidate();
    return;
  }
  if (!(under(x.type) instanceof Interface)) {
    c.error(e.x, `invalid operation: ${describe(x, c.qual)} is not an interface`);
    x.invalidate();
    return;
  }
  const T = typExpr(c, e.type);
  if (!isValid(T)) {
    x.invalidate();
    return;
  }
  typeAssertion(c, e, x, T, false);
  x.mode = "commaok";
  x.type = T;
}

/** typeAssertion reports an impossible assertion x.(T) (T not an interface). */
export function typeAssertion(
  c: Checker,
  at: ast.Node,
  x: Operand,
  T: Type,
  inSwitch: boolean,
): void {
  // Nothing is known statically about an interface or a type parameter's dynamic type.
  if (isNonTypeParamInterface(T) || isTypeParam(T)) return;
  const m = missingMethod(T, under(x.type) as Interface);
  if (!m) return;
  const ts = typeString(T, c.qual);
  const xs = typeString(x.type, c.qual);
  let cause = `missing method ${m.method.name}`;
  if (m.reason === "ptrRecv") cause = `method ${m.method.name} has pointer receiver`;
  else if (m.reason === "wrongType") cause = `wrong type for method ${m.method.name}`;
  if (inSwitch)
    c.error(
      at,
      `impossible type switch case: ${exprString(x.expr!)} (${describe(x, c.qual)
        .replace(/^.*? \(/, "")
        .replace(/\)$/, "")}) cannot have dynamic type ${ts} (${cause})`,
    );
  else
    c.error(
      at,
      `impossible type assertion: ${exprString(at as ast.Expr)}\n\t${ts} does not implement ${xs} (${cause})`,
    );
}

// ---------------------------------------------------------------------------------------------
// Untyped operands

/** convertUntyped gives an untyped operand the type target (or reports why it cannot). */
export function convertUntyped(c: Checker, x: Operand, target: Type): void {
  const r = implicitTypeAndValue(c, x, target);
  if (r === null) {
    invalidConversion(c, x, target);
    x.invalidate();
    return;
  }
  const [t, v, err] = r;
  if (err) {
    reportRepresentable(c, x, target, err);
    x.invalidate();
    return;
  }
  if (v !== null) x.val = v;
  if (t !== x.type) {
    x.type = t;
    updateExprType(c, x.expr!, t, true);
  }
  if (isTypeParam(t) && x.mode === "constant") x.mode = "value";
}

function invalidConversion(c: Checker, x: Operand, target: Type): void {
  c.error(
    x.expr!,
    `cannot use ${describe(x, c.qual)} as ${typeString(target, c.qual)} value in ${"expression"}`.replace(
      / value in expression$/,
      " value",
    ),
  );
}

/** reportRepresentable reports a constant that does not fit its target type. */
export function reportRepresentable(
  c: Checker,
  x: Operand,
  target: Type,
  err: "overflows" | "truncated" | "cannot",
): void {
  const ts = typeString(target, c.qual);
  if (err === "truncated") c.error(x.expr!, `${describe(x, c.qual)} truncated to ${ts}`);
  else if (err === "overflows") c.error(x.expr!, `${describe(x, c.qual)} overflows ${ts}`);
  else
    c.error(
      x.expr!,
      `cannot use ${describe(x, c.qual)} as ${ts} value in ${"assignment"}`.replace(
        " in assignment",
        "",
      ),
    );
}

type Implicit = [Type, ConstValue | null, "overflows" | "truncated" | "cannot" | null];

/**
 * implicitTypeAndValue computes the type (and rounded value) an untyped operand gets in a
 * context of type target; null means it cannot be used there at all.
 */
export function implicitTypeAndValue(c: Checker, x: Operand, target: Type): Implicit | null {
  if (isInvalid(x) || isTyped(x.type) || !isValid(target)) return [x.type, null, null];
  if (isUntyped(target)) {
    if (x.isNil() || target === Typ["untyped nil"])
      return x.type === target ? [target, null, null] : null;
    if (isNumeric(x.type) && isNumeric(target)) {
      const rank = (t: Type) =>
        ["untyped int", "untyped rune", "untyped float", "untyped complex"].indexOf(
          (t as Basic).kind,
        );
      const t = rank(x.type) >= rank(target) ? x.type : target;
      return [t, null, null];
    }
    if ((under(x.type) as Basic).kind !== (under(target) as Basic).kind) return null;
    return [target, null, null];
  }
  const tp = unalias(target);
  if (tp instanceof TypeParam) {
    const ts = typeSetOf(tp);
    if (!ts.terms || ts.terms.length === 0) return null;
    if (x.isNil()) {
      // nil stays untyped; every type in the set must have nil.
      return hasNil(tp) ? [Typ["untyped nil"], null, null] : null;
    }
    for (const term of ts.terms) {
      const r = implicitTypeAndValue(c, x, term.type);
      if (r === null || r[2] !== null) return r;
    }
    return [target, null, null];
  }
  const u = under(target);
  if (u instanceof Basic) {
    if (x.mode === "constant") {
      const v = representableConst(x.val!, u);
      if (v === null) return [target, null, representableError(x.val!, u)];
      return [target, v, null];
    }
    // Non-constant untyped values: booleans from comparisons, shifted constants, nil.
    const k = (under(x.type) as Basic).kind;
    switch (k) {
      case "untyped bool":
        return isBoolean(u) ? [target, null, null] : null;
      case "untyped int":
      case "untyped rune":
      case "untyped float":
      case "untyped complex":
        return isNumeric(u) ? [target, null, null] : null;
      case "untyped string":
        return isString(u) ? [target, null, null] : null;
      case "untyped nil":
        return u.kind === "unsafe.Pointer" ? [Typ["untyped nil"], null, null] : null;
    }
    return null;
  }
  if (u instanceof Interface) {
    if (x.isNil()) return [Typ["untyped nil"], null, null];
    // Untyped values take their default type; it must be in the interface's type set.
    const ts = typeSetOf(new TypeParam(null as never, 0, target));
    if (ts.methods.length > 0) return null;
    if (ts.terms !== null) {
      const d = defaultType(x.type);
      if (!ts.terms.some((t) => (t.tilde ? identical(t.type, under(d)) : identical(t.type, d))))
        return null;
    }
    return [defaultType(x.type), null, null];
  }
  switch (u.tag) {
    case "Pointer":
    case "Signature":
    case "Slice":
    case "Map":
    case "Chan":
      return x.isNil() ? [Typ["untyped nil"], null, null] : null;
  }
  return null;
}

function representableError(v: ConstValue, t: Basic): "overflows" | "truncated" | "cannot" {
  const k = t.kind;
  if (isNumericKindB(k)) {
    if (v.kind === "int" || v.kind === "float" || v.kind === "complex") {
      if (isIntegerKindB(k)) {
        if (!cv.isIntegral(v)) return v.kind === "complex" && !isRealC(v) ? "cannot" : "truncated";
        return "overflows";
      }
      if (v.kind === "complex" && !isRealC(v) && !k.startsWith("complex")) return "cannot";
      return "overflows";
    }
  }
  return "cannot";
}

function isRealC(v: ConstValue): boolean {
  return v.kind !== "complex" || v.im.num === 0n;
}

import { isIntegerKind as isIntegerKindB, isNumericKind as isNumericKindB } from "./predicates.js";

/** intRanges holds the value range of each integer type. */
const intRanges: Partial<Record<string, [bigint, bigint]>> = {
  int8: [-(1n << 7n), (1n << 7n) - 1n],
  int16: [-(1n << 15n), (1n << 15n) - 1n],
  int32: [-(1n << 31n), (1n << 31n) - 1n],
  int64: [-(1n << 63n), (1n << 63n) - 1n],
  int: [-(1n << 63n), (1n << 63n) - 1n],
  uint8: [0n, (1n << 8n) - 1n],
  uint16: [0n, (1n << 16n) - 1n],
  uint32: [0n, (1n << 32n) - 1n],
  uint64: [0n, (1n << 64n) - 1n],
  uint: [0n, (1n << 64n) - 1n],
  uintptr: [0n, (1n << 64n) - 1n],
};

/** representableConst returns v converted to basic type t (rounded for floats), or null. */
export function representableConst(v: ConstValue, t: Basic): ConstValue | null {
  const k = t.kind;
  if (v.kind === "unknown") return v;
  switch (k) {
    case "bool":
    case "untyped bool":
      return v.kind === "bool" ? v : null;
    case "string":
    case "untyped string":
      return v.kind === "string" ? v : null;
    case "unsafe.Pointer":
    case "untyped nil":
    case "invalid":
      return null;
  }
  if (v.kind === "bool" || v.kind === "string") return null;
  if (isIntegerKindB(k)) {
    const iv = cv.toInt(v);
    if (iv.kind !== "int") return null;
    const x = iv.value;

    const r = intRanges[k];
    if (r && (x < r[0] || x > r[1])) return null;
    if (k === "untyped rune" || k === "untyped int") return iv;
    return iv;
  }
  if (k === "float32" || k === "float64" || k === "untyped float") {
    const r = cv.toRat(v);
    if (r === null) return null;
    if (k === "untyped float") return cv.mkFloat(r);
    const rounded = k === "float32" ? cv.roundFloat32(r) : cv.roundFloat64(r);
    if (rounded === null) return null;
    return cv.mkFloat(rounded);
  }
  if (k === "complex64" || k === "complex128" || k === "untyped complex") {
    const z = cv.toComplex(v);
    if (z.kind !== "complex") return null;
    if (k === "untyped complex") return z;
    const round = k === "complex64" ? cv.roundFloat32 : cv.roundFloat64;
    const re = round(z.re);
    const im = round(z.im);
    if (re === null || im === null) return null;
    return cv.mkComplex(re, im);
  }
  return null;
}

/**
 * updateExprType sets the final type of an untyped expression (and of its untyped operands),
 * recording it; final=false only refines an untyped type.
 */
export function updateExprType(c: Checker, e: ast.Expr, t: Type, final: boolean): void {
  const old = c.untyped.get(e);
  if (!old) return;
  switch (e.kind) {
    case "ParenExpr":
      updateExprType(c, e.x, t, final);
      break;
    case "UnaryExpr":
      if (old.val === null) updateExprType(c, e.x, t, final);
      break;
    case "BinaryExpr":
      if (old.val === null) {
        if (comparisonOps.has(e.op)) {
          // The operands of a comparison were typed independently.
        } else if (e.op === "<<" || e.op === ">>") {
          updateExprType(c, e.x, t, final);
        } else {
          updateExprType(c, e.x, t, final);
          updateExprType(c, e.y, t, final);
        }
      }
      break;
  }
  if (!final && isUntyped(t)) {
    old.type = under(t);
    return;
  }
  c.untyped.delete(e);
  if (old.isLhs && !isInteger(t) && isValid(t)) {
    c.error(
      e,
      `invalid operation: shifted operand ${exprString(e)} (type ${typeString(t, c.qual)}) must be integer`,
    );
    return;
  }
  let val = old.val;
  if (val !== null && isTyped(t) && under(t) instanceof Basic) {
    const r = representableConst(val, under(t) as Basic);
    if (r !== null) val = r;
  }
  const mode = old.mode === "constant" && !isConstType(t) ? "value" : old.mode;
  c.recordTypeAndValue(e, mode, t, mode === "constant" ? val : null);
}

export { isFloat, isComplex, isInterface, Struct, Chan };
