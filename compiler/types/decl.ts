// Declarations (Go spec "Constant declarations", "Variable declarations", "Type declarations",
// "Function declarations", "Method declarations"): checking package-level objects on demand
// with cycle detection, and the same declarations inside function bodies.

import type * as ast from "../syntax/ast.js";
import { checkEmbed } from "./directives.js";
import { Checker, constArity, recvBaseName, type DeclInfo } from "./checker.js";
import { UNKNOWN, mkInt } from "./constops.js";
import { setLazy } from "./lazy.js";
import { Const, Func, TypeName, Var, type Obj } from "./object.js";
import { Operand } from "./operand.js";
import { isConstType, isValid, under, unalias } from "./predicates.js";
import { Scope } from "./scope.js";
import { Alias, Interface, Named, Pointer, Signature, Typ, TypeParam, type Type } from "./type.js";
import { typeString } from "./typestring.js";
import { funcType, collectTypeParams, definedType, typExpr } from "./typexpr.js";
import { expr, exprWithHint } from "./expr.js";
import { assignment, initConst, initVars, initVar } from "./assign.js";
import { funcBody } from "./stmt.js";
import { validType } from "./validtype.js";

/** objDecl checks the declaration of a package-level object (once; cycles are detected). */
export function objDecl(c: Checker, obj: Obj): void {
  const color = c.colors.get(obj);
  if (color === "black") return;
  const d = c.objMap.get(obj);
  if (!d) return;
  if (color === "grey") {
    cycle(c, obj);
    return;
  }
  c.colors.set(obj, "grey");
  c.objPath.push(obj);
  const savedEnv = c.env;
  const savedFile = c.file;
  c.file = d.file;
  c.env = { scope: d.fileScope, decl: d, iota: null, sig: null, hasCallOrRecv: false };
  try {
    if (obj instanceof Const) constDecl(c, obj, d);
    else if (obj instanceof Var) varDecl(c, obj, d);
    else if (obj instanceof TypeName) typeDecl(c, obj, d.tspec!);
    else if (obj instanceof Func) funcDecl(c, obj, d);
  } finally {
    c.env = savedEnv;
    c.file = savedFile;
    c.objPath.pop();
    c.colors.set(obj, "black");
  }
}

/** cycle handles a reference to an object whose declaration is in progress. */
function cycle(c: Checker, obj: Obj): void {
  if (obj instanceof TypeName) {
    // A defined type may refer to itself. An alias may too when the cycle passes through a
    // type definition (`type A = *T; type T struct{ a A }`): the alias then stands for a type
    // completed when its declaration ends. A cycle of aliases alone never ends.
    if (obj.isAlias && !isValid(obj.type)) {
      const path = c.objPath.slice(Math.max(0, c.objPath.indexOf(obj)));
      const onlyTypes = path.every((o) => o instanceof TypeName || o instanceof Func);
      if (onlyTypes && path.some((o) => o instanceof TypeName && !o.isAlias)) {
        obj.type = new Alias(obj, Typ.invalid);
      } else reportCycle(c, obj);
    }
    return;
  }
  if (obj instanceof Func) return;
  if (obj instanceof Const || obj instanceof Var) {
    if (!isValid(obj.type) || (obj instanceof Const && obj.val.kind === "unknown")) {
      // Only a cycle that does not go through a function is an error here.
      const i = c.objPath.indexOf(obj);
      const path = c.objPath.slice(i);
      if (path.some((o) => o instanceof Func)) return;
      reportCycle(c, obj);
      obj.type = Typ.invalid;
    }
  }
}

function reportCycle(c: Checker, obj: Obj): void {
  const i = c.objPath.indexOf(obj);
  const path = i >= 0 ? c.objPath.slice(i) : [obj];
  const d = c.objMap.get(path[0]);
  const file = d?.file ?? c.file;
  if (obj instanceof TypeName) {
    c.error(obj.pos, `invalid recursive type ${obj.name}`, file);
  } else if (path.length === 1) {
    c.error(
      obj.pos,
      `initialization cycle or invalid recursive reference: ${obj.name} refers to itself`,
      file,
    );
  } else {
    c.error(obj.pos, `initialization cycle or invalid recursive reference for ${obj.name}`, file);
  }
}

// ---------------------------------------------------------------------------------------------
// Constants

function constDecl(c: Checker, obj: Const, d: DeclInfo): void {
  constSpec(c, obj, d.typ, d.init, d.iota, d.inherited);
}

/** constSpec checks one constant: its optional type and its initialiser with iota set. */
export function constSpec(
  c: Checker,
  obj: Const,
  typ: ast.Expr | null,
  init: ast.Expr | null,
  iota: number,
  inherited: boolean,
): void {
  const saved = c.env;
  c.env = { ...saved, iota: mkInt(BigInt(iota)) };
  try {
    let t: Type | null = null;
    if (typ) {
      t = typExpr(c, typ);
      if (isValid(t) && !isConstType(t)) {
        c.error(typ, `invalid constant type ${typeString(t, c.qual)}`);
        obj.type = Typ.invalid;
        obj.val = UNKNOWN;
        return;
      }
    }
    const x = new Operand();
    if (init) expr(c, x, init);
    else x.mode = "invalid";
    initConst(c, obj, x, t, inherited);
  } finally {
    c.env = saved;
  }
}

// ---------------------------------------------------------------------------------------------
// Variables

function varDecl(c: Checker, obj: Var, d: DeclInfo): void {
  let t: Type | null = null;
  if (d.typ) {
    t = typExpr(c, d.typ);
    if (d.lhs) for (const v of d.lhs) v.type = t;
    else obj.type = t;
  }
  if (d.init === null) {
    if (!d.typ) obj.type = Typ.invalid;
    return;
  }
  if (d.lhs === null) {
    const x = new Operand();
    exprWithHint(c, x, d.init, t);
    initVar(c, obj, x, "variable declaration");
    return;
  }
  // var a, b = f(): one initialiser for several variables.
  initVars(c, d.lhs, [d.init], null);
  for (const v of d.lhs) c.colors.set(v, "black");
}

// ---------------------------------------------------------------------------------------------
// Types

/** typeDecl checks `type T ...` or `type T = ...` at package level or in a function. */
export function typeDecl(c: Checker, obj: TypeName, spec: ast.TypeSpec): void {
  if (spec.assign >= 0) {
    aliasDecl(c, obj, spec);
    return;
  }
  const named = new Named(obj, null, []);
  obj.type = named;
  if (spec.typeParams && spec.typeParams.list.length > 0) {
    const scope = new Scope(c.env.scope, `type ${obj.name}`, spec.pos, spec.end);
    c.recordScope(spec, scope);
    c.withEnv({ scope }, () => {
      // The parameters join the type before their constraints are checked: a constraint may
      // refer to the type being declared (`type T[P interface{ m() T[P] }] ...`).
      collectTypeParams(c, spec.typeParams!, scope, named.typeParams as TypeParam[]);
      named.underlying = underOf(c, definedType(c, spec.type, named));
    });
  } else {
    const rhs = definedType(c, spec.type, named);
    named.underlying = underOf(c, rhs);
    const from = unalias(rhs);
    if (!isValid(named.underlying) && from instanceof Named && from !== named) {
      c.laterUnder.push({ named, from });
    }
  }
  resolveLaterUnder(c);
  if (isValid(named.underlying) && c.env.decl !== null) validType(c, named, spec);
  else if (c.env.sig !== null) validType(c, named, spec);
  collectMethods(c, obj, named);
}

/** resolveLaterUnder completes the laterUnder types whose right-hand side is now declared. */
function resolveLaterUnder(c: Checker): void {
  // A chain (type T13 T14; type T14 T15; ...) completes link by link.
  for (let progress = true; progress;) {
    progress = false;
    for (let i = c.laterUnder.length - 1; i >= 0; i--) {
      const { named, from } = c.laterUnder[i];
      const r = under(from);
      if (r instanceof Named || !isValid(r)) continue;
      named.underlying = r;
      c.laterUnder.splice(i, 1);
      progress = true;
    }
  }
}

/** underOf resolves the underlying type of a declaration's right-hand side. */
function underOf(c: Checker, t: Type): Type {
  const u = unalias(t);
  if (u instanceof Named) {
    const r = under(u);
    if (r instanceof Named) return Typ.invalid;
    return r;
  }
  if (u instanceof TypeParam) {
    return Typ.invalid;
  }
  return u;
}

function aliasDecl(c: Checker, obj: TypeName, spec: ast.TypeSpec): void {
  obj.isAlias = true;
  if (spec.typeParams && spec.typeParams.list.length > 0) {
    const scope = new Scope(c.env.scope, `type ${obj.name}`, spec.pos, spec.end);
    c.recordScope(spec, scope);
    c.withEnv({ scope }, () => {
      const tps = collectTypeParams(c, spec.typeParams!, scope);
      const alias = new Alias(obj, Typ.invalid, tps);
      obj.type = alias;
      alias.rhs = typExpr(c, spec.type);
    });
    return;
  }
  const t = typExpr(c, spec.type);
  // Complete the placeholder handed out while the declaration was in progress, if any.
  if (obj.type instanceof Alias) obj.type.rhs = t;
  obj.type = t;
}

/** collectMethods attaches the methods declared on a package-level type. */
function collectMethods(c: Checker, obj: TypeName, named: Named): void {
  if (c.env.decl === null || obj.parent !== c.pkg.scope) return;
  const list = c.methods.get(obj.name);
  if (!list) return;
  c.methods.delete(obj.name);
  const seen = new Map<string, Func>();
  const fieldNames = new Set<string>();
  const u = named.underlying;
  if (u.tag === "Struct") for (const f of u.fields) fieldNames.add(f.name);
  for (const m of list) {
    if (m.name !== "_") {
      const prev = seen.get(m.name);
      if (prev) {
        const d = c.objMap.get(m)!;
        c.error(
          m.pos,
          `method ${obj.name}.${m.name} already declared at ${d.file.source.format(prev.pos)}`,
          d.file,
        );
        continue;
      }
      seen.set(m.name, m);
      if (fieldNames.has(m.name)) {
        const d = c.objMap.get(m)!;
        c.error(m.pos, `field and method with the same name ${m.name}`, d.file);
        continue;
      }
    }
    m.fullName = m.hasPtrRecv
      ? `${c.path}.(*${obj.name}).${m.name}`
      : `${c.path}.${obj.name}.${m.name}`;
    named.methods.push(m);
    setLazy(m, () => objDecl(c, m));
  }
}

// ---------------------------------------------------------------------------------------------
// Functions

function funcDecl(c: Checker, obj: Func, d: DeclInfo): void {
  const decl = d.fdecl!;
  const scope = new Scope(c.env.scope, `func ${obj.name}`, decl.pos, decl.end);
  c.recordScope(decl.type, scope);
  let sig: Signature;
  if (decl.recv) {
    sig = methodSignature(c, obj, decl, scope);
  } else {
    sig = c.withEnv({ scope }, () => funcType(c, decl.type, decl.typeParams, null, scope));
  }
  obj.type = sig;
  if (decl.body === null) {
    if (!c.opts.std && !decl.directives.some((x) => x.name === "go:linkname")) {
      // Bodyless functions are allowed with assembly or linkname; gc reports "missing function body"
      // only without any .s files. Packages from GOROOT have assembly; leave them alone.
      if (!hasAsm(c)) c.error(decl.name, "missing function body");
    }
    return;
  }
  c.later(() => {
    c.env = { scope, decl: d, iota: null, sig, hasCallOrRecv: false };
    funcBody(c, obj.name, decl.type, sig, decl.body!, scope);
  });
}

function hasAsm(c: Checker): boolean {
  if (c.opts.complete !== undefined) return !c.opts.complete;
  return c.files.some((f) => f.imports.some((i) => i.path.value === '"unsafe"')) || c.opts.std;
}

/** methodSignature checks a method's receiver and signature. */
function methodSignature(c: Checker, obj: Func, decl: ast.FuncDecl, scope: Scope): Signature {
  const recvField = decl.recv!.list[0];
  const base = recvBaseName(decl.recv!);
  let rt: ast.Expr | null = recvField?.type ?? null;
  // Strip the pointer and find the type arguments written on the receiver.
  let ptr = false;
  while (rt && (rt.kind === "ParenExpr" || (rt.kind === "StarExpr" && !ptr))) {
    if (rt.kind === "StarExpr") ptr = true;
    rt = rt.x;
  }
  let recvTypeParams: TypeParam[] = [];
  let baseNamed: Named | null = null;
  let baseObj: TypeName | null = null;
  if (base) {
    const o = c.pkg.scope.lookup(base.name);
    if (o instanceof TypeName) {
      objDecl(c, o);
      baseObj = o;
      const t = unalias(o.type);
      if (t instanceof Named) baseNamed = t;
    }
  }
  let recvType: Type = Typ.invalid;
  if (rt && (rt.kind === "IndexExpr" || rt.kind === "IndexListExpr") && baseNamed) {
    const idx = rt.kind === "IndexExpr" ? [rt.index] : rt.indices;
    const tps = baseNamed.typeParams;
    if (idx.length !== tps.length) {
      c.error(
        rt,
        `receiver declares ${idx.length} type parameter${idx.length === 1 ? "" : "s"}, but receiver base type declares ${tps.length}`,
      );
    }
    recvTypeParams = idx.map((e, i) => {
      const name = e.kind === "Ident" ? e.name : "_";
      const tn = new TypeName(c.pkg, name, Typ.invalid, e.pos, c.file.source.filename);
      const tp = new TypeParam(tn, i, null);
      tn.type = tp;
      if (e.kind === "Ident") c.declare(scope, e, tn);
      else c.error(e, `receiver type parameter ${e.kind} must be an identifier`);
      return tp;
    });
    // Constraints are the base type's, with its parameters renamed to the receiver's.
    for (let i = 0; i < recvTypeParams.length; i++) {
      const orig = tps[i];
      recvTypeParams[i].constraint = orig
        ? substConstraint(orig.constraint, tps, recvTypeParams)
        : Typ.invalid;
      if (orig) c.tpCanon.set(recvTypeParams[i], orig);
    }
    recvType = instantiateForRecv(baseNamed, recvTypeParams);
    c.recordTypeAndValue(rt, "typexpr", recvType, null);
  } else if (rt) {
    recvType = c.withEnv({ scope }, () => typExpr(c, rt!));
    if (baseNamed && baseNamed.typeParams.length > 0 && isValid(recvType)) {
      c.error(rt, `cannot use generic type ${baseNamed.obj.name} without instantiation`);
    }
  }
  let recvT: Type = ptr ? new Pointer(recvType) : recvType;
  if (rt && base && !baseObj && !isValid(recvType) && !c.env.scope.lookupParent(base.name)) {
    c.error(rt, `undefined: ${base.name}`);
  } else if (rt && !validRecv(c, rt, recvType, ptr, baseObj?.isAlias ? base!.name : null)) {
    recvT = Typ.invalid;
  }
  if (decl.recv!.list.length > 1 || (recvField && recvField.names.length > 1)) {
    c.error(decl.recv!, "method has multiple receivers");
  }
  const recvName = recvField?.names[0];
  const recvVar = new Var(
    c.pkg,
    recvName?.name ?? "",
    recvT,
    recvName?.pos ?? decl.recv!.pos,
    c.file.source.filename,
  );
  recvVar.isParam = true;
  const sig = c.withEnv({ scope }, () => funcType(c, decl.type, decl.typeParams, recvVar, scope));
  sig.recvTypeParams = recvTypeParams;
  if (recvName) c.declare(scope, recvName, recvVar);
  else if (recvField) c.recordImplicit(recvField, recvVar);
  if (decl.typeParams && decl.typeParams.list.length > 0) {
    c.error(decl.typeParams, "methods cannot have type parameters");
  }
  return sig;
}

/**
 * validRecv applies the spec's rule on receiver base types ("Method declarations"), with gc's
 * messages: the base type must be a defined type of this package, not a pointer, interface or
 * unsafe.Pointer. A base type written as an alias is named as written (aliasName).
 */
function validRecv(
  c: Checker,
  at: ast.Expr,
  base: Type,
  ptr: boolean,
  aliasName: string | null,
): boolean {
  const t = unalias(base);
  if (!isValid(t)) return true; // reported already
  const shown = aliasName ?? typeString(base, c.qual);
  if (t instanceof Named) {
    if (t.obj.pkg !== c.pkg) {
      c.error(at, `cannot define new methods on non-local type ${shown}`);
      return false;
    }
    const u = under(t);
    const cause =
      u instanceof Pointer || u instanceof Interface
        ? "pointer or interface type"
        : u === Typ["unsafe.Pointer"]
          ? "unsafe.Pointer"
          : null;
    if (cause !== null) c.error(at, `invalid receiver type ${shown} (${cause})`);
    return cause === null;
  }
  if (t.tag === "Basic") c.error(at, `cannot define new methods on non-local type ${shown}`);
  else c.error(at, `invalid receiver type ${ptr ? "*" : ""}${shown}`);
  return false;
}

import { instantiateNamed, subst } from "./subst.js";
function substConstraint(t: Type, from: TypeParam[], to: TypeParam[]): Type {
  return subst(t, from, to);
}
function instantiateForRecv(n: Named, tps: TypeParam[]): Type {
  return instantiateNamed(n, tps);
}

// ---------------------------------------------------------------------------------------------
// Declarations in function bodies

/** declStmt checks a const, var or type declaration inside a function. */
export function declStmt(c: Checker, decl: ast.GenDecl): void {
  let last: ast.ValueSpec | null = null;
  for (const spec of decl.specs) {
    if (spec.kind === "TypeSpec") {
      const obj = new TypeName(
        c.pkg,
        spec.name.name,
        Typ.invalid,
        spec.name.pos,
        c.file.source.filename,
      );
      // The type's scope starts at its name so that it may refer to itself.
      c.declare(c.env.scope, spec.name, obj);
      typeDecl(c, obj, spec);
      continue;
    }
    if (spec.kind !== "ValueSpec") continue;
    if (decl.tok === "const") {
      let src = spec;
      let inherited = false;
      if (spec.type === null && spec.values.length === 0 && last) {
        src = last;
        inherited = true;
      } else last = spec;
      const objs = spec.names.map((name, i) => {
        const obj = new Const(c.pkg, name.name, Typ.invalid, name.pos, c.file.source.filename);
        obj.val = UNKNOWN;
        constSpec(c, obj, src.type, src.values[i] ?? null, spec.iota, inherited);
        return obj;
      });
      constArity(c, spec, src);
      spec.names.forEach((name, i) => c.declare(c.env.scope, name, objs[i]));
      continue;
    }
    const vars = spec.names.map(
      (name) => new Var(c.pkg, name.name, Typ.invalid, name.pos, c.file.source.filename),
    );
    let t: Type | null = null;
    if (spec.type) {
      t = typExpr(c, spec.type);
      for (const v of vars) v.type = t;
    }
    if (spec.values.length > 0) initVars(c, vars, spec.values, null);
    if (spec.directives.length > 0) checkEmbed(c, spec, true);
    // Variables are in scope only after the whole spec.
    spec.names.forEach((name, i) => c.declare(c.env.scope, name, vars[i]));
  }
}

export { assignment };
