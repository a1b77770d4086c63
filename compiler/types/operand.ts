// Operands: the checker's intermediate result for an expression (its mode, type and constant
// value), and how gc describes one in messages ("x (variable of type int)").

import type * as ast from "../syntax/ast.js";
import type { ConstValue } from "./constant.js";
import type { OperandMode } from "./info.js";
import type { BuiltinName } from "./object.js";
import { isUntyped, isValid, unalias, under } from "./predicates.js";
import { Alias, Basic, Named, Typ, TypeParam, type Type } from "./type.js";
import { typeString, valueString, type Qualifier } from "./typestring.js";
import { exprString } from "./exprstring.js";

/** Mode is an operand mode, or "invalid" after an error. */
export type Mode = OperandMode | "invalid";

/** Operand is the result of checking an expression. */
export class Operand {
  mode: Mode = "invalid";
  expr: ast.Expr | null = null;
  type: Type = Typ.invalid;
  val: ConstValue | null = null;
  /** id names the builtin when mode is "builtin". */
  id: BuiltinName | null = null;

  invalidate(): void {
    this.mode = "invalid";
  }

  setConst(t: Type, v: ConstValue): void {
    this.mode = "constant";
    this.type = t;
    this.val = v;
  }

  assign(o: Operand): void {
    this.mode = o.mode;
    this.expr = o.expr;
    this.type = o.type;
    this.val = o.val;
    this.id = o.id;
  }

  /** isNil reports whether the operand is the untyped nil. */
  isNil(): boolean {
    return this.mode === "value" && this.type === Typ["untyped nil"];
  }
}

/** describe renders an operand the way gc's messages do. */
export function describe(x: Operand, q: Qualifier): string {
  const e = x.expr ? exprString(x.expr) : "";
  if (x.isNil()) return "nil";
  if (x.mode === "invalid") return `${e} (invalid operand)`;
  const what: Record<Mode, string> = {
    invalid: "invalid operand",
    novalue: "no value",
    builtin: "built-in",
    typexpr: "type",
    constant: "constant",
    variable: "variable",
    mapindex: "map index expression",
    value: "value",
    commaok: "comma, ok expression",
  };
  let s = what[x.mode];
  if (x.mode === "constant" && x.val) {
    const vs = valueString(x.val);
    if (vs !== e && x.expr && x.expr.kind !== "BasicLit") s = `constant ${vs}`;
  }
  if (x.mode === "builtin" || x.mode === "typexpr" || x.mode === "novalue") {
    return x.mode === "typexpr" ? `${e} (type)` : `${e} (${s})`;
  }
  if (!isValid(x.type)) return `${e} (${s} of invalid type)`;
  const ts = typeString(x.type, q);
  if (isUntyped(x.type)) {
    // "1 (untyped int constant)", "x (untyped int constant 1)"
    if (x.mode === "constant") {
      const vs = x.val ? valueString(x.val) : "";
      const showVal = x.val && vs !== e;
      return `${e} (${ts} constant${showVal ? " " + vs : ""})`;
    }
    return `${e} (${ts} value)`;
  }
  // gc names the structure of a named type ("variable of struct type T", "of int type
  // MyInt") and the constraint of a type parameter.
  const tp = unalias(x.type);
  let desc = "";
  let after = "";
  if (tp instanceof TypeParam) after = ` constrained by ${typeString(tp.constraint, q)}`;
  else if (x.type instanceof Named || x.type instanceof Alias) {
    const u = under(x.type);
    desc = (u instanceof Basic ? u.name : compositeKind(u)) + " ";
  }
  if (x.mode === "constant") {
    const vs = x.val ? valueString(x.val) : "";
    const showVal = x.val && vs !== e;
    return `${e} (constant ${showVal ? vs + " " : ""}of ${desc}type ${ts}${after})`;
  }
  return `${e} (${s} of ${desc}type ${ts}${after})`;
}

function compositeKind(u: Type): string {
  const kinds: Record<string, string> = {
    Array: "array",
    Slice: "slice",
    Struct: "struct",
    Pointer: "pointer",
    Signature: "func",
    Interface: "interface",
    Map: "map",
    Chan: "chan",
    Tuple: "tuple",
    Union: "union",
  };
  return kinds[u.tag] ?? "";
}

/** isInvalid reports whether x is invalid (a function, so TypeScript does not narrow x.mode). */
export function isInvalid(x: Operand): boolean {
  return x.mode === "invalid";
}

/** modeOf returns x.mode without narrowing. */
export function modeOf(x: Operand): Mode {
  return x.mode;
}
