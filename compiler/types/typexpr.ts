// Type expressions (Go spec "Types"): type names, literals for arrays, slices, structs,
// pointers, functions, interfaces, maps and channels, type parameter lists and constraints,
// and instantiations of generic types.

import type * as ast from "../syntax/ast.js";
import type { Checker } from "./checker.js";
import { unquote, toInt } from "./constops.js";
import { Func, PkgName, TypeName, Var, objectKind } from "./object.js";
import { Operand, describe, isInvalid, modeOf } from "./operand.js";
import {
  comparable,
  isInteger,
  isTypeParam,
  isUntyped,
  isValid,
  under,
  unalias,
} from "./predicates.js";
import { Scope } from "./scope.js";
import {
  Alias,
  ArrayT,
  Basic,
  Chan,
  Interface,
  MapT,
  Named,
  Pointer,
  Signature,
  Slice,
  Struct,
  Tuple,
  Typ,
  TypeParam,
  Union,
  type Term,
  type Type,
} from "./type.js";
import { computeTypeSet, isMethodOnly } from "./typeset.js";
import { typeString } from "./typestring.js";
import { exprOrType, expr } from "./expr.js";
import { instantiateNamed, subst } from "./subst.js";
import { verifyInstance } from "./instantiate.js";
import { exprString } from "./exprstring.js";
import { comparableType } from "./universe.js";

/** typExpr checks e as a type and records it. */
export function typExpr(c: Checker, e: ast.Expr): Type {
  return definedType(c, e, null);
}

/** varType is typExpr for the type of a variable, which may not be a constraint interface. */
export function varType(c: Checker, e: ast.Expr): Type {
  const t = typExpr(c, e);
  checkVarType(c, e, t);
  return t;
}

/** checkVarType reports constraint interfaces used as ordinary types (after declarations settle). */
export function checkVarType(c: Checker, e: ast.Expr, t: Type): void {
  if (!isValid(t) || isTypeParam(t)) return;
  c.later(() => {
    const u = under(t);
    if (u instanceof Interface && !isMethodOnly(u)) {
      const ts = computeTypeSet(u);
      if (ts.comparable && ts.terms === null && unalias(t) === comparableType)
        c.error(
          e,
          "cannot use type comparable outside a type constraint: interface is (or embeds) comparable",
        );
      else if (ts.comparable && ts.terms === null)
        c.error(
          e,
          `cannot use type ${typeString(t, c.qual)} outside a type constraint: interface is (or embeds) comparable`,
        );
      else
        c.error(
          e,
          `cannot use type ${typeString(t, c.qual)} outside a type constraint: interface contains type constraints`,
        );
    }
  });
}

/** definedType checks e as a type; def is the named type being declared, if any. */
export function definedType(c: Checker, e: ast.Expr, def: Named | null): Type {
  const t = typInternal(c, e, def);
  c.recordTypeAndValue(e, "typexpr", t, null);
  return t;
}

function typInternal(c: Checker, e: ast.Expr, def: Named | null): Type {
  switch (e.kind) {
    case "BadExpr":
      return Typ.invalid;
    case "ParenExpr":
      return definedType(c, e.x, def);
    case "ArrayType": {
      if (e.len === null) return new Slice(varType(c, e.elt));
      if (e.len.kind === "Ellipsis" && e.len.elt === null) {
        c.error(e.len, "invalid use of [...] array (outside a composite literal)");
        varType(c, e.elt);
        return Typ.invalid;
      }
      const n = arrayLength(c, e.len);
      const elem = varType(c, e.elt);
      return n < 0 ? Typ.invalid : new ArrayT(n, elem);
    }
    case "Ellipsis":
      c.error(e, "invalid use of ...");
      return Typ.invalid;
    case "StarExpr": {
      const elem = typExpr(c, e.x);
      return isValid(elem) ? new Pointer(elem) : Typ.invalid;
    }
    case "FuncType": {
      const scope = new Scope(c.env.scope, "func type", e.pos, e.end);
      c.recordScope(e, scope);
      return c.withEnv({ scope }, () => funcType(c, e, e.typeParams, null, scope));
    }
    case "StructType":
      return structType(c, e);
    case "InterfaceType":
      return interfaceType(c, e, def);
    case "MapType": {
      const k = varType(c, e.key);
      const v = varType(c, e.value);
      if (isValid(k)) {
        c.later(() => {
          if (isTypeParam(k)) {
            if (!comparable(k))
              c.error(
                e.key,
                `invalid map key type ${typeString(k, c.qual)} (missing comparable constraint)`,
              );
          } else if (!comparable(k)) {
            c.error(e.key, `invalid map key type ${typeString(k, c.qual)}`);
          }
        });
      }
      return new MapT(k, v);
    }
    case "ChanType":
      return new Chan(e.dir, varType(c, e.value));
    case "IndexExpr":
    case "IndexListExpr":
      return instantiatedType(c, e, def);
    case "UnaryExpr":
      if (e.op === "~") {
        c.error(e, "cannot use ~ outside of interface or type constraint");
        typExpr(c, e.x);
        return Typ.invalid;
      }
      break;
    case "BinaryExpr":
      if (e.op === "|") {
        c.error(e, `cannot use ${exprString(e)} outside of interface or type constraint`);
        return Typ.invalid;
      }
      break;
  }
  const x = new Operand();
  exprOrType(c, x, e, false, true);
  switch (x.mode) {
    case "typexpr":
      return x.type;
    case "invalid":
      return Typ.invalid;
    case "novalue":
      c.error(e, `${exprString(e)} used as type`);
      return Typ.invalid;
    default: {
      // gc names an identifier's object kind, and a field or method selection as written;
      // it describes other operands.
      const obj = e.kind === "Ident" ? c.info.uses.get(e) : undefined;
      if (obj) c.error(e, `${obj.name} (${objectKind(obj)}) is not a type`);
      else if (e.kind === "SelectorExpr" && !(c.info.uses.get(selectorBase(e)) instanceof PkgName))
        c.error(e.sel, `${exprString(e)} is not a type`);
      else c.error(e, `${describe(x, c.qual)} is not a type`);
      return Typ.invalid;
    }
  }
}

/** arrayLength evaluates an array length; -1 after an error. */
export function arrayLength(c: Checker, e: ast.Expr): number {
  // An undeclared or non-constant name gets a specific message.
  if (e.kind === "Ident") {
    const r = c.env.scope.lookupParent(e.name);
    if (!r) {
      c.error(e, `undefined array length ${e.name} or missing type constraint`);
      return -1;
    }
    if (r[1].tag !== "Const") {
      c.error(e, `invalid array length ${e.name}`);
      return -1;
    }
  }
  const x = new Operand();
  expr(c, x, e);
  if (isInvalid(x)) return -1;
  if (x.mode !== "constant") {
    c.error(
      e,
      `array length ${exprString(e)} (${x.mode === "variable" ? "variable" : "value"} of type ${typeString(x.type, c.qual)}) must be constant`,
    );
    return -1;
  }
  if (isUntyped(x.type) || isInteger(x.type)) {
    const v = toInt(x.val!);
    if (v.kind === "int") {
      if (v.value >= 0n && v.value < 1n << 50n) {
        if (isUntyped(x.type)) c.recordTypeAndValue(e, "constant", Typ.int, v);
        return Number(v.value);
      }
      c.error(e, `invalid array length ${exprString(e)} (untyped int constant ${v.value})`);
      return -1;
    }
  }
  if (isInteger(x.type) || isUntyped(x.type))
    c.error(
      e,
      `array length ${exprString(e)} (${isUntyped(x.type) ? typeString(x.type) + " constant" : "constant of type " + typeString(x.type, c.qual)}) must be integer`,
    );
  else
    c.error(
      e,
      `array length ${exprString(e)} (constant of type ${typeString(x.type, c.qual)}) must be integer`,
    );
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Functions

/** funcType checks a signature, declaring parameters and results in scope. */
export function funcType(
  c: Checker,
  ft: ast.FuncType,
  typeParams: ast.FieldList | null,
  recv: Var | null,
  scope: Scope,
): Signature {
  let tparams: TypeParam[] = [];
  if (typeParams && typeParams.list.length > 0) tparams = collectTypeParams(c, typeParams, scope);
  // Parameter names are in scope only in the body, not in the signature's own types.
  const pending: [ast.Ident, Var][] = [];
  const [params, variadic] = paramList(c, ft.params, true, pending);
  const [results] = ft.results ? paramList(c, ft.results, false, pending) : [[] as Var[]];
  for (const [n, v] of pending) c.declare(scope, n, v);
  return new Signature(new Tuple(params), new Tuple(results), variadic, recv, tparams);
}

function paramList(
  c: Checker,
  list: ast.FieldList,
  variadicOk: boolean,
  pending: [ast.Ident, Var][],
): [Var[], boolean] {
  const out: Var[] = [];
  let variadic = false;
  const named = list.list.some((f) => f.names.length > 0);
  list.list.forEach((f, i) => {
    let te = f.type;
    let isVariadic = false;
    if (te.kind === "Ellipsis") {
      if (variadicOk && i === list.list.length - 1 && f.names.length <= 1) {
        isVariadic = true;
      } else {
        c.error(
          te,
          variadicOk ? "can only use ... with final parameter in list" : "invalid use of ...",
        );
      }
      te = te.elt ?? te;
    }
    let t = te.kind === "Ellipsis" ? Typ.invalid : varType(c, te);
    if (isVariadic) {
      variadic = true;
      t = new Slice(t);
      c.recordTypeAndValue(f.type, "typexpr", t, null);
    }
    if (f.names.length === 0) {
      const v = new Var(c.pkg, "", t, f.type.pos, c.file.source.filename);
      v.isParam = true;
      c.recordImplicit(f, v);
      out.push(v);
      if (named) c.error(f.type, "missing parameter name");
      return;
    }
    for (const n of f.names) {
      const v = new Var(c.pkg, n.name, t, n.pos, c.file.source.filename);
      v.isParam = true;
      v.used = true;
      pending.push([n, v]);
      out.push(v);
    }
  });
  return [out, variadic];
}

/**
 * collectTypeParams declares a type parameter list and checks its constraints; the parameters
 * are appended to tps before any constraint is checked.
 */
export function collectTypeParams(
  c: Checker,
  list: ast.FieldList,
  scope: Scope,
  tps: TypeParam[] = [],
): TypeParam[] {
  for (const f of list.list) {
    for (const n of f.names) {
      const tn = new TypeName(c.pkg, n.name, Typ.invalid, n.pos, c.file.source.filename);
      const tp = new TypeParam(tn, tps.length, null);
      tn.type = tp;
      c.declare(scope, n, tn);
      tps.push(tp);
    }
  }
  let i = 0;
  for (const f of list.list) {
    const bound = c.withEnv({ scope }, () => constraintType(c, f.type));
    for (const _ of f.names) tps[i++].constraint = bound;
  }
  return tps;
}

/** constraintType checks a type constraint; a non-interface becomes an implicit interface. */
function constraintType(c: Checker, e: ast.Expr): Type {
  if ((e.kind === "UnaryExpr" && e.op === "~") || (e.kind === "BinaryExpr" && e.op === "|")) {
    const u = unionType(c, e);
    const it = new Interface([], [u]);
    it.implicit = true;
    return it;
  }
  const t = typExpr(c, e);
  if (!isValid(t)) return t;
  if (isTypeParam(t)) {
    c.error(e, `cannot use a type parameter as constraint`);
    return Typ.invalid;
  }
  if (under(t) instanceof Interface) return t;
  const it = new Interface([], [t]);
  it.implicit = true;
  return it;
}

// ---------------------------------------------------------------------------------------------
// Structs

function structType(c: Checker, e: ast.StructType): Struct {
  const fields: Var[] = [];
  const tags: string[] = [];
  const seen = new Map<string, Var>();
  const add = (v: Var, at: ast.Node, tag: string) => {
    if (v.name !== "_") {
      if (seen.has(v.name)) {
        c.error(at, `${v.name} redeclared`);
        return;
      }
      seen.set(v.name, v);
    }
    fields.push(v);
    tags.push(tag);
  };
  for (const f of e.fields.list) {
    const tag = f.tag ? (unquote(f.tag.value) ?? "") : "";
    if (f.names.length > 0) {
      const t = varType(c, f.type);
      for (const n of f.names) {
        const v = new Var(c.pkg, n.name, t, n.pos, c.file.source.filename);
        v.isField = true;
        c.recordDef(n, v);
        add(v, n, tag);
      }
      continue;
    }
    // Embedded field: T, *T, pkg.T, or an instance of a generic type.
    const t = varType(c, f.type);
    const name = embeddedName(f.type);
    const v = new Var(c.pkg, name ?? "_", t, f.type.pos, c.file.source.filename);
    v.isField = true;
    v.embedded = true;
    c.recordImplicit(f, v);
    if (name === null) {
      c.error(f.type, `invalid embedded field type ${exprString(f.type)}`);
      continue;
    }
    add(v, f.type, tag);
    if (isValid(t)) {
      const at = f.type;
      c.later(() => checkEmbedded(c, at, t));
    }
  }
  return new Struct(fields, tags);
}

function checkEmbedded(c: Checker, at: ast.Expr, t: Type): void {
  let [base, isPtr] = [unalias(t), false];
  if (base instanceof Pointer) {
    isPtr = true;
    base = unalias(base.elem);
  }
  if (base instanceof TypeParam) {
    c.error(at, "embedded field type cannot be a (pointer to a) type parameter");
    return;
  }
  const u = under(base);
  if (u instanceof Basic && u.kind === "unsafe.Pointer") {
    c.error(at, "embedded field type cannot be unsafe.Pointer");
  } else if (isPtr && u instanceof Pointer) {
    c.error(at, "embedded field type cannot be a pointer");
  } else if (isPtr && u instanceof Interface) {
    c.error(at, "embedded field type cannot be a pointer to an interface");
  } else if (!(base instanceof Named) && !(base instanceof Basic) && !isPtr) {
    // Literal types cannot be embedded; the parser normally prevents this.
  }
}

/** embeddedName is the field name an embedded type expression implies. */
export function embeddedName(e: ast.Expr): string | null {
  switch (e.kind) {
    case "Ident":
      return e.name;
    case "StarExpr":
      return e.x.kind === "StarExpr" ? null : embeddedName(e.x);
    case "SelectorExpr":
      return e.sel.name;
    case "IndexExpr":
    case "IndexListExpr":
      return embeddedName(e.x);
    case "ParenExpr":
      return embeddedName(e.x);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Interfaces

function interfaceType(c: Checker, e: ast.InterfaceType, def: Named | null): Interface {
  const methods: Func[] = [];
  const embeddeds: Type[] = [];
  const iface = new Interface(methods, embeddeds);
  const seen = new Set<string>();
  for (const f of e.methods.list) {
    if (f.names.length > 0 && f.type.kind === "FuncType") {
      const name = f.names[0];
      const scope = new Scope(c.env.scope, "method", f.type.pos, f.type.end);
      const recv = new Var(c.pkg, "", def ?? iface, name.pos, c.file.source.filename);
      recv.isParam = true;
      const sig = c.withEnv({ scope }, () =>
        funcType(c, f.type as ast.FuncType, null, recv, scope),
      );
      if ((f.type as ast.FuncType).typeParams)
        c.error(f.type, "interface method must have no type parameters");
      const m = new Func(c.pkg, name.name, sig, name.pos, c.file.source.filename);
      c.recordDef(name, m);
      if (name.name === "_") {
        c.error(name, "methods must have a unique non-blank name");
        continue;
      }
      if (seen.has(name.name)) {
        c.error(name, `duplicate method ${name.name}`);
        continue;
      }
      seen.add(name.name);
      methods.push(m);
      continue;
    }
    const t =
      (f.type.kind === "UnaryExpr" && f.type.op === "~") ||
      (f.type.kind === "BinaryExpr" && f.type.op === "|")
        ? unionType(c, f.type)
        : embeddedElem(c, f.type);
    if (isValid(t)) embeddeds.push(t);
  }
  // Duplicate methods through embedding are checked once the embedded interfaces are complete.
  c.later(() => {
    const byName = new Map<string, Func>();
    for (const m of methods) byName.set(m.name, m);
    for (const emb of embeddeds) {
      const u = under(emb);
      if (!(u instanceof Interface) || isTypeParam(emb)) continue;
      for (const m of computeTypeSet(u).methods) {
        const prev = byName.get(m.name);
        if (prev && prev !== m && !identicalSig(prev, m)) {
          c.error(e, `duplicate method ${m.name}`);
        }
        byName.set(m.name, m);
      }
    }
  });
  return iface;
}

import { identical } from "./predicates.js";
function identicalSig(a: Func, b: Func): boolean {
  const x = a.type as Signature;
  const y = b.type as Signature;
  if (!(x instanceof Signature) || !(y instanceof Signature)) return true;
  return identical(
    new Signature(x.params, x.results, x.variadic),
    new Signature(y.params, y.results, y.variadic),
  );
}

function embeddedElem(c: Checker, e: ast.Expr): Type {
  const t = typExpr(c, e);
  if (!isValid(t)) return t;
  if (isTypeParam(t)) {
    c.error(e, `cannot embed a type parameter`);
    return Typ.invalid;
  }
  return t;
}

/** unionType checks `A | ~B | ...` into a Union (a single `T` stays a plain type). */
function unionType(c: Checker, e: ast.Expr): Type {
  const exprs: ast.Expr[] = [];
  const flatten = (x: ast.Expr) => {
    if (x.kind === "BinaryExpr" && x.op === "|") {
      flatten(x.x);
      flatten(x.y);
    } else exprs.push(x);
  };
  flatten(e);
  const terms: Term[] = [];
  for (const x of exprs) {
    let tilde = false;
    let te = x;
    if (te.kind === "UnaryExpr" && te.op === "~") {
      tilde = true;
      te = te.x;
    }
    const t = typExpr(c, te);
    if (!isValid(t)) continue;
    terms.push({ tilde, type: t });
    const at = x;
    c.later(() => checkTerm(c, at, t, tilde, exprs.length > 1));
  }
  if (terms.length === 1 && !terms[0].tilde) return terms[0].type;
  const u = new Union(terms);
  c.recordTypeAndValue(e, "typexpr", u, null);
  return u;
}

function checkTerm(c: Checker, at: ast.Expr, t: Type, tilde: boolean, inUnion: boolean): void {
  const u = under(t);
  if (tilde && !(unalias(t) instanceof Basic) && unalias(t) !== u && !isTypeParam(t)) {
    c.error(
      at,
      `invalid use of ~ (underlying type of ${typeString(t, c.qual)} is ${typeString(u, c.qual)})`,
    );
    return;
  }
  if (tilde && isTypeParam(t)) {
    c.error(at, `type in term ${exprString(at)} cannot be a type parameter`);
    return;
  }
  if (inUnion && u instanceof Interface && !isTypeParam(t)) {
    const ts = computeTypeSet(u);
    if (unalias(t) === comparableType || ts.comparable) {
      c.error(at, `cannot use comparable in union`);
    } else if (ts.methods.length > 0) {
      c.error(at, `cannot use ${exprString(at)} in union (${exprString(at)} contains methods)`);
    }
  }
  if (inUnion && isTypeParam(t)) {
    c.error(at, `term cannot be a type parameter`);
  }
}

// ---------------------------------------------------------------------------------------------
// Instantiation in type expressions

function instantiatedType(
  c: Checker,
  e: ast.IndexExpr | ast.IndexListExpr,
  def: Named | null,
): Type {
  const x = new Operand();
  exprOrType(c, x, e.x, true);
  if (isInvalid(x)) return Typ.invalid;
  if (x.mode !== "typexpr") {
    c.error(e.x, `${exprString(e.x)} is not a type`);
    return Typ.invalid;
  }
  const gen = unalias(x.type);
  const targsE = e.kind === "IndexExpr" ? [e.index] : e.indices;
  const targs = targsE.map((a) => varType(c, a));
  if (x.type instanceof Alias && x.type.typeParams.length > 0) {
    const al = x.type;
    if (targs.length !== al.typeParams.length) {
      c.error(
        e,
        `${targs.length < al.typeParams.length ? "not enough" : "too many"} type arguments for type ${al.obj.name}: have ${targs.length}, want ${al.typeParams.length}`,
      );
      return Typ.invalid;
    }
    return subst(al.rhs, al.typeParams, targs);
  }
  if (!(gen instanceof Named) || gen.typeParams.length === 0) {
    c.error(e.x, `${typeString(x.type, c.qual)} is not a generic type`);
    return Typ.invalid;
  }
  if (targs.length !== gen.typeParams.length) {
    const n = gen.typeParams.length;
    c.error(
      e,
      `${targs.length < n ? "not enough" : "too many"} type arguments for type ${gen.obj.name}: have ${targs.length}, want ${n}`,
    );
    return Typ.invalid;
  }
  if (targs.some((t) => !isValid(t))) return Typ.invalid;
  const inst = instantiateNamed(gen, targs);
  const id = identOf(e.x);
  if (id) c.info.instances.set(id, { typeArgs: targs, type: inst });
  c.later(() => verifyInstance(c, e, gen.typeParams, targs, gen.obj.name));
  return inst;
}

function identOf(e: ast.Expr): ast.Ident | null {
  if (e.kind === "Ident") return e;
  if (e.kind === "SelectorExpr") return e.sel;
  if (e.kind === "ParenExpr") return identOf(e.x);
  return null;
}

export { Tuple };

/** selectorBase is the identifier a selector's operand is, or the selector itself. */
function selectorBase(e: ast.SelectorExpr): ast.Ident {
  return e.x.kind === "Ident" ? e.x : e.sel;
}
