// Info is what the checker records about a package's syntax for the phases after it (the MIR
// builder above all): the type and constant value of every expression, what each identifier
// denotes, selections, instantiations, implicit objects, scopes and initialisation order.

import type * as ast from "../syntax/ast.js";
import type { ConstValue } from "./constant.js";
import type { Func, Obj, Var } from "./object.js";
import type { Scope } from "./scope.js";
import type { Type } from "./type.js";

/** OperandMode is how an expression may be used (Go spec terms: value, constant, type...). */
export type OperandMode =
  | "novalue" // a call of a function without results
  | "builtin" // a builtin function name, only callable
  | "typexpr" // a type
  | "constant" // a constant; value is set
  | "variable" // an addressable value
  | "mapindex" // m[k]: assignable but not addressable
  | "value" // any other value
  | "commaok"; // a value that may be used in a comma-ok assignment (x.(T), <-ch, m[k])

/** TypeAndValue is the recorded result for one expression. */
export interface TypeAndValue {
  mode: OperandMode;
  type: Type;
  /** value is the exact value when mode is "constant". */
  value?: ConstValue;
}

/** SelectionKind tells what `x.f` selects. */
export type SelectionKind = "field" | "method" | "methodExpr";

/**
 * Selection describes `x.f` (not a qualified identifier): the object found, the embedding path
 * to it (field indices through embedded fields, as go/types' index) and whether the receiver is
 * implicitly dereferenced or addressed.
 */
export interface Selection {
  kind: SelectionKind;
  recv: Type;
  obj: Func | Var;
  index: number[];
  indirect: boolean;
  /** type is the type of x.f (for methodExpr, the function type with the receiver first). */
  type: Type;
}

/** Instance is the instantiation at a use of a generic function or type. */
export interface Instance {
  typeArgs: Type[];
  type: Type;
}

/** Initializer is one package-level initialisation step, in the order the spec requires. */
export interface Initializer {
  lhs: Var[];
  rhs: ast.Expr;
}

/** Info collects the checker's results; maps are keyed by syntax node identity. */
export class Info {
  readonly types = new Map<ast.Expr, TypeAndValue>();
  readonly defs = new Map<ast.Ident, Obj | null>();
  readonly uses = new Map<ast.Ident, Obj>();
  /** implicits: the object of an ImportSpec without a name, of a CaseClause in a type switch (its per-clause variable), and of anonymous parameters (Field). */
  readonly implicits = new Map<ast.Node, Obj>();
  readonly selections = new Map<ast.SelectorExpr, Selection>();
  readonly instances = new Map<ast.Ident, Instance>();
  readonly scopes = new Map<ast.Node, Scope>();
  initOrder: Initializer[] = [];
  /** fileVersions holds each file's effective language version ("go1.22"). */
  readonly fileVersions = new Map<ast.File, string>();
}
