// Statements (Go spec "Statements"): function bodies, blocks, simple statements, if, switch,
// type switch, select, for and range, go and defer, return, branches, and the "missing
// return" and "declared and not used" checks.

import type * as ast from "../syntax/ast.js";
import type { Checker } from "./checker.js";
import * as cv from "./constops.js";
import { Builtin, Var } from "./object.js";
import { Operand, describe, isInvalid, modeOf } from "./operand.js";
import {
  coreType,
  defaultType,
  identical,
  isBoolean,
  isInteger,
  isNumeric,
  isString,
  isTypeParam,
  isUntyped,
  isValid,
  under,
  unalias,
  comparable,
  hasNil,
} from "./predicates.js";
import { Scope } from "./scope.js";
import {
  ArrayT,
  Basic,
  Chan,
  Interface,
  MapT,
  Pointer,
  Signature,
  Slice,
  Typ,
  TypeParam,
  type Type,
} from "./type.js";
import { typeString } from "./typestring.js";
import { exprString } from "./exprstring.js";
import {
  binaryExpr,
  convertUntyped,
  expr,
  rawExpr,
  typeAssertion,
  exprOrType,
  incomparableCause,
} from "./expr.js";
import { assignVars, assignment, initVars, lhsVar, shortVarDecl } from "./assign.js";
import { declStmt } from "./decl.js";
import { typExpr } from "./typexpr.js";
import { checkLabels } from "./labels.js";
import { assignableTo } from "./conversions.js";
import { typeSetOf } from "./typeset.js";

/** StmtCtx says which branch statements are allowed where. */
interface StmtCtx {
  breakOk: boolean;
  continueOk: boolean;
  fallthroughOk: boolean;
  finalSwitchCase: boolean;
}

const ROOT: StmtCtx = {
  breakOk: false,
  continueOk: false,
  fallthroughOk: false,
  finalSwitchCase: false,
};

/** funcScopes marks the scopes of functions, so unused-variable reports stop at them. */
const funcScopes = new WeakSet<Scope>();

/** funcBody checks a function body; scope already holds the parameters. */
export function funcBody(
  c: Checker,
  name: string,
  ftype: ast.FuncType,
  sig: Signature,
  body: ast.BlockStmt,
  scope: Scope,
): void {
  funcScopes.add(scope);
  c.recordScope(body, scope);
  const saved = c.env;
  c.env = { ...saved, scope, sig, hasCallOrRecv: false };
  try {
    stmtList(c, body.list, ROOT);
    checkLabels(c, body);
    if (sig.results.vars.length > 0 && !isTerminatingList(c, body.list, "")) {
      c.error(body.rbrace, "missing return");
    }
  } finally {
    c.env = saved;
  }
  usage(c, scope);
  void name;
  void ftype;
}

/** usage reports variables declared in scope (and nested blocks) that are never used. */
function usage(c: Checker, scope: Scope): void {
  const unused: Var[] = [];
  const walk = (s: Scope) => {
    for (const n of s.names()) {
      const o = s.lookup(n);
      if (
        o instanceof Var &&
        !o.used &&
        !o.isParam &&
        !o.isField &&
        o.name !== "_" &&
        o.pkg === c.pkg
      )
        unused.push(o);
    }
    for (const ch of s.children) if (!funcScopes.has(ch)) walk(ch);
  };
  walk(scope);
  unused.sort((a, b) => a.pos - b.pos);
  for (const v of unused) c.softError(v.pos, `declared and not used: ${v.name}`);
}

function stmtList(c: Checker, list: ast.Stmt[], ctx: StmtCtx): void {
  const inner = { ...ctx, fallthroughOk: false };
  // Trailing empty statements do not affect fallthrough placement.
  let last = list.length - 1;
  while (last >= 0 && list[last].kind === "EmptyStmt") last--;
  list.forEach((s, i) => {
    const sctx = ctx.fallthroughOk && i === last ? ctx : inner;
    stmt(c, s, sctx);
  });
}

function openScope(c: Checker, n: ast.Node, what: string): Scope {
  const s = new Scope(c.env.scope, what, n.pos, n.end);
  c.recordScope(n, s);
  c.env = { ...c.env, scope: s };
  return s;
}

function withScope(c: Checker, n: ast.Node, what: string, f: () => void): void {
  const saved = c.env;
  openScope(c, n, what);
  try {
    f();
  } finally {
    c.env = saved;
  }
}

function stmt(c: Checker, s: ast.Stmt, ctx: StmtCtx): void {
  switch (s.kind) {
    case "BadStmt":
    case "EmptyStmt":
      return;
    case "DeclStmt":
      declStmt(c, s.decl);
      return;
    case "LabeledStmt":
      stmt(c, s.stmt, ctx);
      return;
    case "ExprStmt":
      exprStmt(c, s);
      return;
    case "SendStmt":
      sendStmt(c, s);
      return;
    case "IncDecStmt": {
      const x = new Operand();
      expr(c, x, s.x);
      if (isInvalid(x)) return;
      if (!isNumeric(x.type)) {
        c.error(
          s.x,
          `invalid operation: ${exprString(s.x)}${s.tok} (non-numeric type ${typeString(x.type, c.qual)})`,
        );
        return;
      }
      const T = lhsVar(c, s.x);
      if (T !== null && isValid(T)) {
        x.expr = s.x;
        assignment(c, x, T, "assignment");
      }
      return;
    }
    case "AssignStmt":
      assignStmt(c, s);
      return;
    case "GoStmt":
    case "DeferStmt":
      goDefer(c, s.call, s.kind === "GoStmt" ? "go" : "defer");
      return;
    case "ReturnStmt":
      returnStmt(c, s);
      return;
    case "BranchStmt":
      branchStmt(c, s, ctx);
      return;
    case "BlockStmt":
      withScope(c, s, "block", () => stmtList(c, s.list, ctx));
      return;
    case "IfStmt":
      withScope(c, s, "if", () => {
        if (s.init) simpleStmt(c, s.init);
        const x = new Operand();
        expr(c, x, s.cond);
        if (!isInvalid(x) && !isBoolean(x.type)) {
          c.error(s.cond, `non-boolean condition in if statement`);
        }
        stmt(c, s.body, ctx);
        if (s.else_) stmt(c, s.else_, ctx);
      });
      return;
    case "SwitchStmt":
      withScope(c, s, "switch", () => switchStmt(c, s, ctx));
      return;
    case "TypeSwitchStmt":
      withScope(c, s, "type switch", () => typeSwitchStmt(c, s, ctx));
      return;
    case "SelectStmt":
      selectStmt(c, s, ctx);
      return;
    case "ForStmt":
      withScope(c, s, "for", () => {
        if (s.init) simpleStmt(c, s.init);
        if (s.cond) {
          const x = new Operand();
          expr(c, x, s.cond);
          if (!isInvalid(x) && !isBoolean(x.type))
            c.error(s.cond, "non-boolean condition in for statement");
        }
        if (s.post) {
          if (s.post.kind === "AssignStmt" && s.post.tok === ":=")
            c.error(s.post, "cannot declare in post statement of for loop");
          else simpleStmt(c, s.post);
        }
        stmt(c, s.body, { ...ctx, breakOk: true, continueOk: true, fallthroughOk: false });
      });
      return;
    case "RangeStmt":
      withScope(c, s, "range", () => rangeStmt(c, s, ctx));
      return;
    case "CaseClause":
    case "CommClause":
      c.error(s, "unexpected case clause");
      return;
  }
}

function simpleStmt(c: Checker, s: ast.Stmt): void {
  stmt(c, s, ROOT);
}

// ---------------------------------------------------------------------------------------------
// Simple statements

function exprStmt(c: Checker, s: ast.ExprStmt): void {
  const x = new Operand();
  rawExpr(c, x, s.x, null, false);
  let inner: ast.Expr = s.x;
  while (inner.kind === "ParenExpr") inner = inner.x;
  let msg = "";
  switch (x.mode) {
    case "invalid":
      return;
    case "builtin":
      msg = "must be called";
      break;
    case "typexpr":
      msg = "is not an expression";
      break;
    case "novalue":
      return;
    default: {
      if (inner.kind === "CallExpr") {
        // Conversions and value-producing builtins are not statements.
        const fun = c.info.types.get(inner.fun);
        if (fun && fun.mode === "typexpr") msg = "is not used";
        else if (isBuiltinCall(c, inner) && !stmtBuiltin(c, inner)) msg = "is not used";
        else return;
      } else if (inner.kind === "UnaryExpr" && inner.op === "<-") return;
      else msg = "is not used";
    }
  }
  if (msg === "is not used") c.error(s.x, `${describe(x, c.qual)} ${msg}`);
  else c.error(s.x, `${exprString(s.x)} (${x.mode === "builtin" ? "built-in" : "type"}) ${msg}`);
}

/** stmtBuiltin reports builtins allowed as statements even though they return values. */
function stmtBuiltin(c: Checker, call: ast.CallExpr): boolean {
  let f: ast.Expr = call.fun;
  while (f.kind === "ParenExpr") f = f.x;
  const id = f.kind === "Ident" ? f : f.kind === "SelectorExpr" ? f.sel : null;
  const o = id ? c.info.uses.get(id) : undefined;
  return o instanceof Builtin && (o.builtin === "copy" || o.builtin === "recover");
}

function isBuiltinCall(c: Checker, call: ast.CallExpr): boolean {
  let f: ast.Expr = call.fun;
  while (f.kind === "ParenExpr") f = f.x;
  const id = f.kind === "Ident" ? f : f.kind === "SelectorExpr" ? f.sel : null;
  if (!id) return false;
  const o = c.info.uses.get(id);
  return o instanceof Builtin;
}

function sendStmt(c: Checker, s: ast.SendStmt): void {
  const ch = new Operand();
  const val = new Operand();
  expr(c, ch, s.chan);
  expr(c, val, s.value);
  if (isInvalid(ch) || isInvalid(val)) return;
  const ct = coreType(ch.type);
  if (!(ct instanceof Chan)) {
    c.error(s, `invalid operation: cannot send to non-channel ${describe(ch, c.qual)}`);
    return;
  }
  if (ct.dir === "recv") {
    c.error(s, `invalid operation: cannot send to receive-only channel ${describe(ch, c.qual)}`);
    return;
  }
  assignment(c, val, ct.elem, "send");
}

function assignStmt(c: Checker, s: ast.AssignStmt): void {
  if (s.tok === "=") {
    assignVars(c, s.lhs, s.rhs);
    return;
  }
  if (s.tok === ":=") {
    shortVarDecl(c, s, s.lhs, s.rhs);
    return;
  }
  if (s.lhs.length !== 1 || s.rhs.length !== 1) {
    c.error(s, `assignment operation ${s.tok} requires single-valued expressions`);
    return;
  }
  const op = s.tok.slice(0, -1);
  const x = new Operand();
  binaryExpr(c, x, null, s.lhs[0], s.rhs[0], op, s.tokPos);
  if (isInvalid(x)) return;
  const T = lhsVar(c, s.lhs[0]);
  if (T === null || !isValid(T)) return;
  x.expr = s.rhs[0];
  assignment(c, x, T, "assignment");
}

function goDefer(c: Checker, call: ast.Expr, what: "go" | "defer"): void {
  let e = call;
  if (e.kind === "ParenExpr") {
    c.error(e, `expression in ${what} must not be parenthesized`);
    while (e.kind === "ParenExpr") e = e.x;
  }
  if (e.kind !== "CallExpr") {
    c.error(e, `expression in ${what} must be function call`);
    expr(c, new Operand(), e);
    return;
  }
  const x = new Operand();
  rawExpr(c, x, e, null, false);
  if (isInvalid(x)) return;
  const fun = c.info.types.get(e.fun);
  if (fun && fun.mode === "typexpr") {
    c.error(e, `${what} requires function call, not conversion`);
    return;
  }
  if (isBuiltinCall(c, e)) {
    const id = c.info.uses.get(
      (e.fun.kind === "Ident" ? e.fun : (e.fun as ast.SelectorExpr).sel) as ast.Ident,
    ) as Builtin;
    const ok = new Set([
      "close",
      "copy",
      "delete",
      "panic",
      "print",
      "println",
      "recover",
      "clear",
    ]);
    if (!ok.has(id.builtin)) c.error(e, `${what} discards result of ${exprString(e)}`);
  }
}

function returnStmt(c: Checker, s: ast.ReturnStmt): void {
  const sig = c.env.sig;
  if (!sig) return;
  const res = sig.results.vars;
  if (s.results.length === 0) {
    if (res.length > 0 && res[0].name === "") {
      c.error(
        s,
        `not enough return values\n\thave ()\n\twant ${tupleStr(
          c,
          res.map((v) => v.type),
        )}`,
      );
      return;
    }
    // Named results must not be shadowed at a bare return.
    for (const v of res) {
      if (v.name === "" || v.name === "_") continue;
      const r = c.env.scope.lookupParent(v.name);
      if (r && r[1] !== v) {
        c.error(
          s,
          `result parameter ${v.name} not in scope at return\n\tinner declaration of ${v.name}`,
        );
      }
    }
    return;
  }
  if (res.length === 0) {
    const xs = s.results.map((e) => {
      const x = new Operand();
      rawExpr(c, x, e, null, false);
      return x;
    });
    if (xs.every((x) => !isInvalid(x)))
      c.error(
        s.results[0],
        `too many return values\n\thave (${xs.map((x) => typeString(x.type, c.qual).replace(/^untyped (int|float|rune|string|bool|complex)$/, "number")).join(", ")})\n\twant ()`,
      );
    return;
  }
  // Results are assigned to copies of the result variables (so their names stay unchanged).
  const lhs = res.map((v) => {
    const w = new Var(v.pkg, v.name, v.type, v.pos);
    return w;
  });
  initVarsForReturn(c, lhs, s);
}

function initVarsForReturn(c: Checker, lhs: Var[], s: ast.ReturnStmt): void {
  const nl = lhs.length;
  const nr = s.results.length;
  if (nl !== nr && nr !== 1) {
    const xs = s.results.map((e) => {
      const x = new Operand();
      rawExpr(c, x, e, null, false);
      return x;
    });
    if (xs.some((x) => isInvalid(x))) return;
    const have = `(${xs.map((x) => typeString(x.type, c.qual).replace(/^untyped (int|float|rune|string|bool|complex)$/, "number")).join(", ")})`;
    c.error(
      s.results[0],
      `${nr < nl ? "not enough" : "too many"} return values\n\thave ${have}\n\twant ${tupleStr(
        c,
        lhs.map((v) => v.type),
      )}`,
    );
    return;
  }
  initVars(c, lhs, s.results, s);
}

function tupleStr(c: Checker, ts: Type[]): string {
  return `(${ts.map((t) => typeString(t, c.qual)).join(", ")})`;
}

function branchStmt(c: Checker, s: ast.BranchStmt, ctx: StmtCtx): void {
  // The parser checks branch statements and labels (as gc's syntax package does).
  if (s.label || !c.checkBranches) return;
  switch (s.tok) {
    case "break":
      if (!ctx.breakOk) c.error(s, "break is not in a loop, switch, or select");
      return;
    case "continue":
      if (!ctx.continueOk) c.error(s, "continue is not in a loop");
      return;
    case "fallthrough":
      if (!ctx.fallthroughOk) {
        if (ctx.finalSwitchCase) c.error(s, "cannot fallthrough final case in switch");
        else c.error(s, "fallthrough statement out of place");
      }
      return;
    case "goto":
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Switch statements

function switchStmt(c: Checker, s: ast.SwitchStmt, ctx: StmtCtx): void {
  if (s.init) simpleStmt(c, s.init);
  const x = new Operand();
  if (s.tag) {
    expr(c, x, s.tag);
    if (!isInvalid(x)) {
      assignment(c, x, null, "switch expression");
      // Slices, maps and functions may be switched on; only nil cases compare with them.
      if (!isInvalid(x) && !comparable(x.type) && !hasNil(x.type)) {
        const t = typeString(x.type, c.qual);
        c.error(s.tag, `cannot switch on ${describe(x, c.qual)} (${t} is not comparable)`);
        x.invalidate();
      }
    }
  } else {
    x.mode = "constant";
    x.type = Typ.bool;
    x.val = cv.mkBool(true);
    x.expr = { kind: "Ident", name: "true", pos: s.body.pos, end: s.body.pos } as ast.Ident;
  }
  const clauses = s.body.list as ast.CaseClause[];
  let seenDefault: ast.CaseClause | null = null;
  const seen: { val: import("./constant.js").ConstValue; type: Type; at: ast.Expr }[] = [];
  clauses.forEach((cl, i) => {
    if (cl.kind !== "CaseClause") return;
    if (cl.list === null) {
      if (seenDefault) c.error(cl, `multiple defaults in switch`);
      seenDefault = cl;
    } else {
      for (const e of cl.list) caseValue(c, x, e, seen);
    }
    const saved = c.env;
    openScope(c, cl, "case");
    try {
      const last = i === clauses.length - 1;
      stmtList(c, cl.body, { ...ctx, breakOk: true, fallthroughOk: !last, finalSwitchCase: last });
    } finally {
      c.env = saved;
    }
  });
}

function caseValue(
  c: Checker,
  x: Operand,
  e: ast.Expr,
  seen: { val: import("./constant.js").ConstValue; type: Type; at: ast.Expr }[],
): void {
  const y = new Operand();
  expr(c, y, e);
  if (isInvalid(y) || isInvalid(x)) return;
  // Compare as "x == y".
  const xx = new Operand();
  xx.assign(x);
  const yy = new Operand();
  yy.assign(y);
  if (isUntyped(yy.type) && !isUntyped(xx.type)) {
    convertUntyped(c, yy, xx.type);
    if (isInvalid(yy)) return;
  } else if (isUntyped(xx.type) && !isUntyped(yy.type)) {
    // switch with an untyped constant tag: the tag already has its default type.
  } else if (isUntyped(yy.type)) {
    convertUntyped(c, yy, defaultType(xx.type));
    if (isInvalid(yy)) return;
  }
  const ok = assignableTo(c, yy, xx.type) || assignableTo(c, xx, yy.type);
  if (!ok) {
    c.error(
      e,
      `invalid case ${exprString(e)} in switch on ${exprString(x.expr!)} (mismatched types ${typeString(yy.type, c.qual)} and ${typeString(xx.type, c.qual)})`,
    );
    return;
  }
  if (!yy.isNil() && (!comparable(yy.type) || !comparable(xx.type))) {
    const cause = incomparableCause(c, comparable(xx.type) ? yy.type : xx.type);
    c.error(e, `invalid case ${exprString(e)} in switch on ${exprString(x.expr!)} (${cause})`);
    return;
  }
  if (yy.mode === "constant" && yy.val && yy.val.kind !== "unknown" && yy.val.kind !== "bool") {
    for (const p of seen) {
      if (identical(p.type, yy.type) && cv.compare(p.val, "==", yy.val) === true) {
        c.error(e, `duplicate case ${exprString(e)} in expression switch`);
        return;
      }
    }
    seen.push({ val: yy.val, type: yy.type, at: e });
  }
}

function typeSwitchStmt(c: Checker, s: ast.TypeSwitchStmt, ctx: StmtCtx): void {
  if (s.init) simpleStmt(c, s.init);
  // `x := y.(type)` or `y.(type)`.
  let lhs: ast.Ident | null = null;
  let rhs: ast.Expr | null = null;
  if (s.assign.kind === "AssignStmt") {
    if (s.assign.lhs.length === 1 && s.assign.lhs[0].kind === "Ident") lhs = s.assign.lhs[0];
    rhs = s.assign.rhs[0];
  } else if (s.assign.kind === "ExprStmt") rhs = s.assign.x;
  while (rhs && rhs.kind === "ParenExpr") rhs = rhs.x;
  if (!rhs || rhs.kind !== "TypeAssertExpr" || rhs.type !== null) {
    c.error(s.assign, "invalid type switch guard");
    return;
  }
  if (lhs && lhs.name === "_") {
    c.error(lhs, "no new variable on left side of :=");
    lhs = null;
  }
  const x = new Operand();
  expr(c, x, rhs.x);
  if (isInvalid(x)) return;
  if (isTypeParam(x.type)) {
    c.error(rhs.x, `cannot use type switch on type parameter value ${describe(x, c.qual)}`);
    return;
  }
  if (!(under(x.type) instanceof Interface)) {
    c.error(rhs.x, `${describe(x, c.qual)} is not an interface`);
    return;
  }
  c.recordTypeAndValue(rhs, "value", x.type, null);
  const clauses = s.body.list as ast.CaseClause[];
  let seenDefault = false;
  const seenTypes: { t: Type | null; at: ast.Expr }[] = [];
  const lhsVars: Var[] = [];
  for (const cl of clauses) {
    if (cl.kind !== "CaseClause") continue;
    let single: Type | null = null;
    if (cl.list === null) {
      if (seenDefault) c.error(cl, "multiple defaults in switch");
      seenDefault = true;
    } else {
      for (const e of cl.list) {
        const T = caseType(c, x, e, seenTypes);
        if (cl.list.length === 1) single = T;
      }
    }
    const saved = c.env;
    const scope = openScope(c, cl, "case");
    try {
      if (lhs) {
        // One variable per clause: the case type for single-type cases, else the guard's type.
        const t = single && isValid(single) ? single : x.type;
        const v = new Var(
          c.pkg,
          lhs.name,
          single === null && cl.list !== null && cl.list.length === 1 ? x.type : t,
          lhs.pos,
          c.file.source.filename,
        );
        scope.insert(v);
        c.recordImplicit(cl, v);
        lhsVars.push(v);
      }
      stmtList(c, cl.body, { ...ctx, breakOk: true, fallthroughOk: false });
    } finally {
      c.env = saved;
    }
  }
  if (lhs) {
    const v0 = new Var(c.pkg, lhs.name, Typ.invalid, lhs.pos, c.file.source.filename);
    v0.used = true;
    c.recordDef(lhs, null);
    const used = lhsVars.some((v) => v.used);
    for (const v of lhsVars) v.used = true;
    if (!used) c.softError(lhs, `declared and not used: ${lhs.name}`);
    void v0;
  }
}

function caseType(
  c: Checker,
  x: Operand,
  e: ast.Expr,
  seen: { t: Type | null; at: ast.Expr }[],
): Type | null {
  let inner = e;
  while (inner.kind === "ParenExpr") inner = inner.x;
  if (inner.kind === "Ident" && inner.name === "nil") {
    const r = c.env.scope.lookupParent("nil");
    if (r && r[1].tag === "Nil") {
      c.recordUse(inner, r[1]);
      c.recordTypeAndValue(e, "value", Typ["untyped nil"], null);
      if (seen.some((s) => s.t === null))
        c.error(
          e,
          `multiple nil cases in type switch (first at ${c.file.source.format(seen.find((s) => s.t === null)!.at.pos)})`,
        );
      seen.push({ t: null, at: e });
      return null;
    }
  }
  const y = new Operand();
  exprOrType(c, y, e, false);
  if (isInvalid(y)) return null;
  if (y.mode !== "typexpr") {
    c.error(e, `${exprString(e)} is not a type`);
    return null;
  }
  const T = y.type;
  if (!isValid(T)) return null;
  const dup = seen.find((s) => s.t !== null && identical(s.t, T));
  if (dup) {
    c.error(e, `duplicate case ${exprString(e)} in type switch`);
  } else seen.push({ t: T, at: e });
  typeAssertion(c, e, x, T, true);
  return T;
}

// ---------------------------------------------------------------------------------------------
// Select

function selectStmt(c: Checker, s: ast.SelectStmt, ctx: StmtCtx): void {
  let seenDefault = false;
  for (const cl of s.body.list) {
    if (cl.kind !== "CommClause") continue;
    if (cl.comm === null) {
      if (seenDefault) c.error(cl, "multiple defaults in select");
      seenDefault = true;
    } else {
      const ok = isValidComm(cl.comm);
      if (!ok) c.error(cl.comm, "select case must be receive, send or assign recv");
    }
    const saved = c.env;
    openScope(c, cl, "case");
    try {
      if (cl.comm) simpleStmt(c, cl.comm);
      stmtList(c, cl.body, { ...ctx, breakOk: true, fallthroughOk: false });
    } finally {
      c.env = saved;
    }
  }
}

function isValidComm(s: ast.Stmt): boolean {
  const isRecv = (e: ast.Expr): boolean => {
    while (e.kind === "ParenExpr") e = e.x;
    return e.kind === "UnaryExpr" && e.op === "<-";
  };
  switch (s.kind) {
    case "SendStmt":
      return true;
    case "ExprStmt":
      return isRecv(s.x);
    case "AssignStmt":
      return s.rhs.length === 1 && isRecv(s.rhs[0]) && (s.tok === "=" || s.tok === ":=");
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Range

function rangeStmt(c: Checker, s: ast.RangeStmt, ctx: StmtCtx): void {
  const x = new Operand();
  expr(c, x, s.x);
  let key: Type | null = null;
  let val: Type | null = null;
  let maxVars = 2;
  if (!isInvalid(x)) {
    const r = rangeTypes(c, x, s);
    if (r === null) {
      x.invalidate();
    } else {
      [key, val, maxVars] = r;
    }
  }
  const lhs = [s.key, s.value];
  const nvars = lhs.filter((e) => e !== null).length;
  if (!isInvalid(x) && nvars > maxVars) {
    const extra = lhs[maxVars]!;
    c.error(
      extra,
      `range over ${describe(x, c.qual)} permits only one iteration variable`
        .replace("only one", maxVars === 0 ? "no" : "only one")
        .replace(" permits no iteration variable", " permits no iteration variables"),
    );
  }
  const rhs = [key, val];
  if (s.tok === ":=") {
    const vars: Var[] = [];
    for (let i = 0; i < 2; i++) {
      const e = lhs[i];
      if (!e) continue;
      if (e.kind !== "Ident") {
        c.error(e, `non-name ${exprString(e)} on left side of :=`);
        continue;
      }
      const v = new Var(c.pkg, e.name, rhs[i] ?? Typ.invalid, e.pos, c.file.source.filename);
      c.recordDef(e, v);
      if (e.name !== "_") vars.push(v);
      if (isInvalid(x)) v.type = Typ.invalid;
      else if (rhs[i] && isUntyped(rhs[i]!)) v.type = defaultType(rhs[i]!);
    }
    for (const v of vars) {
      if (c.env.scope.insert(v)) c.error(v.pos, `${v.name} redeclared in this block`);
    }
  } else if (s.tok === "=") {
    for (let i = 0; i < 2; i++) {
      const e = lhs[i];
      if (!e) continue;
      const T = lhsVar(c, e);
      const t = rhs[i];
      if (T === null || !isValid(T) || !t || isInvalid(x)) continue;
      const y = new Operand();
      y.mode = "value";
      y.expr = e;
      y.type = t;
      assignment(c, y, T, "range");
    }
  }
  stmt(c, s.body, { ...ctx, breakOk: true, continueOk: true, fallthroughOk: false });
}

/** rangeTypes returns the key and value types of ranging over x and the allowed variable count. */
function rangeTypes(
  c: Checker,
  x: Operand,
  s: ast.RangeStmt,
): [Type | null, Type | null, number] | null {
  const t = x.type;
  const tp = unalias(t);
  let u: Type | null;
  if (tp instanceof TypeParam) {
    u = coreType(t);
    if (u === null) {
      c.error(s.x, `cannot range over ${describe(x, c.qual)}: no core type`);
      return null;
    }
  } else u = under(t);
  if (u instanceof Basic) {
    if (isString(u)) {
      if (isUntyped(t)) convertUntyped(c, x, Typ.string);
      return [Typ.int, runeT(), 2];
    }
    if (isInteger(u)) {
      if (c.langMinor() < 22) {
        c.error(s.x, `cannot range over ${describe(x, c.qual)} (requires go1.22 or later)`);
        return null;
      }
      let kt: Type = t;
      if (isUntyped(t)) {
        // An untyped constant takes the type of the iteration variable, else its default type
        // (int, or rune for a rune constant).
        kt = defaultType(t);
        if (s.key && s.tok === "=") {
          const T = peekType(c, s.key);
          if (T && isValid(T)) kt = T;
        }
        convertUntyped(c, x, kt);
        if (isInvalid(x)) return null;
      }
      return [kt, null, 1];
    }
  }
  if (u instanceof ArrayT) return [Typ.int, u.elem, 2];
  if (u instanceof Pointer && under(u.elem) instanceof ArrayT)
    return [Typ.int, (under(u.elem) as ArrayT).elem, 2];
  if (u instanceof Slice) return [Typ.int, u.elem, 2];
  if (u instanceof MapT) return [u.key, u.elem, 2];
  if (u instanceof Chan) {
    if (u.dir === "send") {
      c.error(
        s.x,
        `invalid operation: range ${exprString(s.x)} receive from send-only channel ${typeString(t, c.qual)}`,
      );
      return null;
    }
    return [u.elem, null, 1];
  }
  if (u instanceof Signature) {
    // Range over function iterators (Go 1.23): func(yield func(...) bool).
    const bad = () => {
      c.error(
        s.x,
        `cannot range over ${describe(x, c.qual)}: func must be func(yield func(...) bool): argument is not func`,
      );
      return null;
    };
    if (c.langMinor() < 23) {
      c.error(s.x, `cannot range over ${describe(x, c.qual)} (requires go1.23 or later)`);
      return null;
    }
    if (u.params.vars.length !== 1 || u.results.vars.length !== 0) {
      c.error(
        s.x,
        `cannot range over ${describe(x, c.qual)}: func must be func(yield func(...) bool): ${u.params.vars.length !== 1 ? "wrong argument count" : "func must not return values"}`,
      );
      return null;
    }
    const y = coreType(u.params.vars[0].type);
    if (!(y instanceof Signature)) return bad();
    if (y.results.vars.length !== 1 || !isBoolean(y.results.vars[0].type)) {
      c.error(
        s.x,
        `cannot range over ${describe(x, c.qual)}: func must be func(yield func(...) bool): yield func does not return bool`,
      );
      return null;
    }
    const ps = y.params.vars;
    if (ps.length > 2) {
      c.error(
        s.x,
        `cannot range over ${describe(x, c.qual)}: func must be func(yield func(...) bool): yield func has too many parameters`,
      );
      return null;
    }
    return [ps[0]?.type ?? null, ps[1]?.type ?? null, ps.length];
  }
  c.error(s.x, `cannot range over ${describe(x, c.qual)}`);
  return null;
}

function peekType(c: Checker, e: ast.Expr): Type | null {
  if (e.kind !== "Ident") return null;
  const r = c.env.scope.lookupParent(e.name);
  return r && r[1] instanceof Var ? r[1].type : null;
}

import { runeType } from "./type.js";
function runeT(): Type {
  return runeType;
}

// ---------------------------------------------------------------------------------------------
// Terminating statements (Go spec "Terminating statements")

/** isTerminatingList reports whether a statement list ends in a terminating statement. */
export function isTerminatingList(c: Checker, list: ast.Stmt[], label: string): boolean {
  let i = list.length - 1;
  while (i >= 0 && list[i].kind === "EmptyStmt") i--;
  return i >= 0 && isTerminating(c, list[i], label);
}

function isTerminating(c: Checker, s: ast.Stmt, label: string): boolean {
  switch (s.kind) {
    case "ReturnStmt":
      return true;
    case "BranchStmt":
      return s.tok === "goto" || s.tok === "fallthrough";
    case "ExprStmt": {
      let e = s.x;
      while (e.kind === "ParenExpr") e = e.x;
      if (e.kind !== "CallExpr") return false;
      let f = e.fun;
      while (f.kind === "ParenExpr") f = f.x;
      return f.kind === "Ident" && f.name === "panic" && isPanicBuiltin(c, f);
    }
    case "BlockStmt":
      return isTerminatingList(c, s.list, "");
    case "IfStmt":
      return s.else_ !== null && isTerminating(c, s.body, "") && isTerminating(c, s.else_, "");
    case "LabeledStmt":
      return isTerminating(c, s.stmt, s.label.name);
    case "ForStmt":
      return s.cond === null && !hasBreak(s.body, label, true);
    case "SwitchStmt":
      return switchTerminates(c, s.body.list as ast.CaseClause[], label);
    case "TypeSwitchStmt":
      return switchTerminates(c, s.body.list as ast.CaseClause[], label);
    case "SelectStmt":
      for (const cl of s.body.list as ast.CommClause[]) {
        if (!isTerminatingList(c, cl.body, "") || hasBreakList(cl.body, label, true)) return false;
      }
      return true;
  }
  return false;
}

/** isPanicBuiltin reports whether id denotes the predeclared panic (not a local `panic`). */
function isPanicBuiltin(c: Checker, id: ast.Ident): boolean {
  const obj = c.info.uses.get(id);
  return obj instanceof Builtin && obj.builtin === "panic";
}

function switchTerminates(c: Checker, clauses: ast.CaseClause[], label: string): boolean {
  let hasDefault = false;
  for (const cl of clauses) {
    if (cl.list === null) hasDefault = true;
    if (!isTerminatingList(c, cl.body, "") || hasBreakList(cl.body, label, true)) return false;
  }
  return hasDefault;
}

function hasBreakList(list: ast.Stmt[], label: string, implicit: boolean): boolean {
  return list.some((s) => hasBreak(s, label, implicit));
}

/** hasBreak reports whether s contains a break that targets the enclosing statement. */
function hasBreak(s: ast.Stmt, label: string, implicit: boolean): boolean {
  switch (s.kind) {
    case "BranchStmt":
      if (s.tok !== "break") return false;
      if (s.label === null) return implicit;
      return s.label.name === label;
    case "BlockStmt":
      return hasBreakList(s.list, label, implicit);
    case "IfStmt":
      return (
        hasBreak(s.body, label, implicit) ||
        (s.else_ !== null && hasBreak(s.else_, label, implicit))
      );
    case "LabeledStmt":
      return hasBreak(s.stmt, label, implicit);
    case "CaseClause":
      return hasBreakList(s.body, label, implicit);
    case "CommClause":
      return hasBreakList(s.body, label, implicit);
    case "ForStmt":
    case "RangeStmt":
      return label !== "" && hasBreak(s.body, label, false);
    case "SwitchStmt":
    case "TypeSwitchStmt":
    case "SelectStmt":
      return label !== "" && hasBreak(s.body, label, false);
  }
  return false;
}

export { typeSetOf, isBoolean, typExpr };
