// Pre-scans of function bodies before lowering: which variables must live in heap cells
// (their address is taken, or a closure captures them), and a generic AST child walk.
// TODO(mir): escape analysis will move most of these cells back to the stack.

import type * as ast from "../../syntax/ast.js";
import type { ConstValue } from "../../types/constant.js";
import type { Info } from "../../types/info.js";
import type { Var } from "../../types/object.js";
import { under } from "./gotypes.js";
import type { Type } from "../../types/type.js";
import { coreType } from "../../types/predicates.js";

/** forEachChild calls f on every direct child node of n. */
export function forEachChild(n: ast.Node, f: (c: ast.Node) => void): void {
  for (const [k, v] of Object.entries(n)) {
    if (k === "source" || v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === "object" && typeof x.kind === "string") f(x);
    } else if (typeof (v as { kind?: unknown }).kind === "string") {
      f(v as ast.Node);
    }
  }
}

/** walk visits n and all its descendants in source order; f returns false to skip children. */
export function walk(n: ast.Node, f: (c: ast.Node) => boolean | void): void {
  if (f(n) === false) return;
  forEachChild(n, (c) => walk(c, f));
}

/** rootVar returns the variable an addressable expression is part of, if it is stored inline. */
export function rootVar(e: ast.Expr, info: Info): Var | null {
  switch (e.kind) {
    case "ParenExpr":
      return rootVar(e.x, info);
    case "Ident": {
      const o = info.uses.get(e) ?? info.defs.get(e);
      return o && o.tag === "Var" ? o : null;
    }
    case "SelectorExpr": {
      const sel = info.selections.get(e);
      if (!sel || sel.kind !== "field") return null;
      const xt = info.types.get(e.x)?.type;
      if (!xt || under(xt).tag === "Pointer" || sel.indirect) return null;
      return rootVar(e.x, info);
    }
    case "IndexExpr": {
      const xt = info.types.get(e.x)?.type;
      if (!xt || under(xt).tag !== "Array") return null;
      return rootVar(e.x, info);
    }
    default:
      return null;
  }
}

/**
 * addressedVar calls f with the variable whose address node n takes, if any: explicitly, by
 * slicing an array, or by calling a pointer-receiver method on an addressable value.
 */
function addressedVar(n: ast.Node, info: Info, f: (v: Var) => void): void {
  const addr = (e: ast.Expr) => {
    const v = rootVar(e, info);
    if (v) f(v);
  };
  switch (n.kind) {
    case "UnaryExpr":
      if (n.op === "&") addr(n.x);
      break;
    case "SliceExpr": {
      const t = info.types.get(n.x)?.type;
      if (t && under(t).tag === "Array") addr(n.x);
      break;
    }
    case "SelectorExpr": {
      const sel = info.selections.get(n);
      if (sel && sel.kind === "method" && sel.obj.tag === "Func" && sel.obj.hasPtrRecv) {
        const t = info.types.get(n.x)?.type;
        if (t && under(t).tag !== "Pointer") addr(n.x);
      }
      break;
    }
  }
}

/**
 * heapVars finds the variables of a function (declared within [pos, end) of file) that need a
 * heap cell: address taken (explicitly, by slicing an array, or by a pointer-receiver method
 * call), or captured by a function literal that does not copy them (byValue).
 */
export function heapVars(
  fn: ast.Node,
  info: Info,
  file: string,
  byValue: (v: Var) => boolean,
): Set<Var> {
  const out = new Set<Var>();
  walk(fn, (n) => {
    addressedVar(n, info, (v) => out.add(v));
    switch (n.kind) {
      case "FuncLit":
        for (const v of captured(n, info, file)) if (!byValue(v)) out.add(v);
        break;
      case "RangeStmt":
        if (rangesOverFunc(info.types.get(n.x)?.type))
          for (const v of rangeFuncCaptures(n, info, file)) out.add(v);
        break;
    }
  });
  return out;
}

/** mutables caches mutableVars per file, for each of the two loop-variable semantics. */
const mutables = [new WeakMap<ast.File, Set<Var>>(), new WeakMap<ast.File, Set<Var>>()];

/**
 * mutableVars lists the variables of a file that may change after their declaration: assigned
 * (also by `op=`, `++`, a `:=` redeclaring them or a range loop's `=`), whose address is taken,
 * or named results (a return statement sets them); before Go 1.22 (perIteration false) also
 * the loop variables, which each iteration sets. A function literal captures any other
 * variable by copying its value, as gc does, instead of sharing a cell with its maker.
 */
export function mutableVars(file: ast.File, info: Info, perIteration: boolean): Set<Var> {
  const cache = mutables[perIteration ? 1 : 0];
  let out = cache.get(file);
  if (out) return out;
  const found = new Set<Var>();
  const add = (e: ast.Expr | null) => {
    const v = e && rootVar(e, info);
    if (v) found.add(v);
  };
  const results = (t: ast.FuncType) => {
    for (const f of t.results?.list ?? []) {
      for (const id of f.names) {
        const v = info.defs.get(id);
        if (v && v.tag === "Var") found.add(v);
      }
    }
  };
  walk(file, (n) => {
    addressedVar(n, info, (v) => found.add(v));
    switch (n.kind) {
      case "AssignStmt":
        for (const l of n.lhs) {
          // := declares the identifiers it can and assigns the others.
          if (n.tok !== ":=" || (l.kind === "Ident" && !info.defs.get(l))) add(l);
        }
        break;
      case "ForStmt":
        if (!perIteration && n.init?.kind === "AssignStmt") for (const l of n.init.lhs) add(l);
        break;
      case "IncDecStmt":
        add(n.x);
        break;
      case "RangeStmt":
        if (n.tok === "=" || !perIteration) (add(n.key), add(n.value));
        break;
      case "FuncDecl":
        results(n.type);
        break;
      case "FuncLit":
        results(n.type);
        break;
    }
  });
  cache.set(file, (out = found));
  return out;
}

/** captured lists the local variables a function literal uses but does not declare. */
export function captured(lit: ast.FuncLit, info: Info, file: string): Var[] {
  return outerLocals([lit.body], info, file, (o) => o.pos >= lit.pos && o.pos < lit.end);
}

/**
 * outerLocals lists, in order of first use, the local variables of file used in roots for which
 * own (the roots declare the variable themselves) is false.
 */
function outerLocals(roots: ast.Node[], info: Info, file: string, own: (o: Var) => boolean): Var[] {
  const out: Var[] = [];
  const seen = new Set<Var>();
  for (const root of roots) {
    walk(root, (n) => {
      if (n.kind !== "Ident") return;
      const o = info.uses.get(n);
      if (!o || o.tag !== "Var" || seen.has(o)) return;
      if (o.file !== file || o.isField) return;
      if (o.parent && o.parent.what.startsWith("package")) return;
      if (o.pkg && o.pkg.scope.lookup(o.name) === o) return;
      if (own(o)) return;
      seen.add(o);
      out.push(o);
    });
  }
  return out;
}

/** rangesOverFunc reports whether a range expression of type t is a function (an iterator). */
export function rangesOverFunc(t: Type | undefined): boolean {
  // A type parameter ranges over functions when its core type is one.
  return !!t && coreType(t)?.tag === "Signature";
}

/**
 * rangeFuncCaptures lists the local variables the body of a range-over-func loop shares with
 * its enclosing function: used in the body (or assigned as the loop's `=` variables) but
 * declared outside it. Variables the loop declares with := are the body's own.
 */
export function rangeFuncCaptures(s: ast.RangeStmt, info: Info, file: string): Var[] {
  const roots: ast.Node[] = [s.body];
  if (s.tok === "=") roots.push(...[s.key, s.value].filter((e) => e !== null));
  const declared = s.tok === ":=" ? [s.key?.pos, s.value?.pos] : [];
  return outerLocals(
    roots,
    info,
    file,
    (o) => (o.pos >= s.body.pos && o.pos < s.body.end) || declared.includes(o.pos),
  );
}

/** returnsFromRangeFunc reports a return statement inside a range-over-func loop of body. */
export function returnsFromRangeFunc(body: ast.BlockStmt, info: Info): boolean {
  let found = false;
  const inLoop = (n: ast.Node) =>
    walk(n, (c) => {
      if (c.kind === "ReturnStmt") found = true;
      return !found && c.kind !== "FuncLit";
    });
  walk(body, (n) => {
    if (found || n.kind === "FuncLit") return false;
    if (n.kind === "RangeStmt" && rangesOverFunc(info.types.get(n.x)?.type)) inLoop(n.body);
  });
  return found;
}

/**
 * constLocals finds the local variables of the functions in files that always hold one
 * constant (gc's ir.StaticValue): of an unnamed basic type, declared with a constant and never
 * assigned again, incremented or addressed. Converting one to an interface can then point at
 * read-only data, as converting the constant would (`s := "hello"; Println(s)`).
 */
export function constLocals(files: readonly ast.File[], info: Info): Map<Var, ConstValue> {
  const candidates = new Map<Var, ConstValue>();
  const dirty = new Set<Var>();
  const assigned = (e: ast.Expr) => {
    const v = rootVar(e, info);
    if (v) dirty.add(v);
  };
  const define = (name: ast.Ident, value: ast.Expr | undefined) => {
    const v = info.defs.get(name);
    if (!v || v.tag !== "Var") {
      // `:=` redeclaring a variable assigns it.
      const u = info.uses.get(name);
      if (u && u.tag === "Var") dirty.add(u);
      return;
    }
    const c = value && info.types.get(value)?.value;
    const u = under(v.type);
    if (c && c.kind !== "unknown" && c.kind !== "complex" && u.tag === "Basic" && v.type === u)
      candidates.set(v, c);
  };
  // Function bodies, and the function literals of package variables' initialisers (fmt's
  // tests keep their closures in a table); package variables themselves are not locals.
  const roots: ast.Node[] = [];
  for (const f of files) {
    for (const d of f.decls) {
      if (d.kind === "FuncDecl" && d.body) roots.push(d.body);
      if (d.kind === "GenDecl" && d.tok === "var") {
        for (const sp of d.specs) if (sp.kind === "ValueSpec") roots.push(...sp.values);
      }
    }
  }
  for (const root of roots) {
    walk(root, (n) => {
      switch (n.kind) {
        case "AssignStmt":
          if (n.tok === ":=") {
            n.lhs.forEach((l, i) => {
              if (l.kind === "Ident")
                define(l, n.lhs.length === n.rhs.length ? n.rhs[i] : undefined);
            });
          } else n.lhs.forEach(assigned);
          break;
        case "ValueSpec":
          n.names.forEach((name, i) =>
            define(name, n.names.length === n.values.length ? n.values[i] : undefined),
          );
          break;
        case "IncDecStmt":
          assigned(n.x);
          break;
        case "RangeStmt":
          if (n.tok === "=") for (const x of [n.key, n.value]) if (x) assigned(x);
          break;
        case "UnaryExpr":
          if (n.op === "&") assigned(n.x);
          break;
      }
    });
  }
  for (const v of dirty) candidates.delete(v);
  return candidates;
}
