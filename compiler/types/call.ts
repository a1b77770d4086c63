// Calls and selectors (Go spec "Calls", "Selectors", "Method expressions", "Method values",
// "Qualified identifiers", "Instantiations"): function and method calls with their arguments,
// conversions written as calls, generic function instantiation, field and method selection.

import type * as ast from "../syntax/ast.js";
import type { Checker } from "./checker.js";
import type { Selection } from "./info.js";
import { ensureFunc } from "./lazy.js";
import { lookupFieldOrMethod, deref } from "./lookup.js";
import { Builtin, Const, Func, PkgName, TypeName, Var } from "./object.js";
import { Operand, describe, isInvalid, modeOf } from "./operand.js";
import {
  coreType,
  isInterface,
  isTypeParam,
  isValid,
  under,
  unalias,
  isNumeric,
  isUntyped,
  defaultType,
} from "./predicates.js";
import {
  Interface,
  Named,
  Pointer,
  Signature,
  Slice,
  Tuple,
  Typ,
  TypeParam,
  type Type,
} from "./type.js";
import { typeString, signatureString } from "./typestring.js";
import { exprString } from "./exprstring.js";
import { expr, exprOrType, ident, multiExpr, rawExpr } from "./expr.js";
import { assignment } from "./assign.js";
import { conversion } from "./conversions.js";
import { builtinCall } from "./builtins.js";
import { objDecl } from "./decl.js";
import { instantiateSignature } from "./subst.js";
import { infer } from "./infer.js";
import { verifyInstance } from "./instantiate.js";
import { typExpr, varType } from "./typexpr.js";

/** callExpr checks a call, a conversion or a builtin call. */
export function callExpr(c: Checker, x: Operand, e: ast.CallExpr): void {
  let targsE: ast.Expr[] | null = null;
  let funE: ast.Expr = e.fun;
  // f[T](args): explicit (possibly partial) instantiation of a generic function.
  if (funE.kind === "IndexExpr" || funE.kind === "IndexListExpr") {
    const base = new Operand();
    rawExpr(c, base, funE.x, null, true);
    if (
      !isInvalid(base) &&
      base.mode !== "typexpr" &&
      base.type instanceof Signature &&
      base.type.typeParams.length > 0
    ) {
      targsE = funE.kind === "IndexExpr" ? [funE.index] : funE.indices;
      x.assign(base);
      funE = funE.x;
    } else {
      calleeExpr(c, x, e.fun);
    }
  } else {
    calleeExpr(c, x, e.fun);
  }
  switch (x.mode) {
    case "invalid":
      useArgs(c, e.args);
      x.expr = e;
      return;
    case "typexpr": {
      const T = x.type;
      x.invalidate();
      if (e.args.length !== 1 || e.hasDots) {
        if (e.args.length === 0)
          c.error(e.rparen, `missing argument in conversion to ${typeString(T, c.qual)}`);
        else if (e.hasDots)
          c.error(e.args[0], `invalid use of ... in conversion to ${typeString(T, c.qual)}`);
        else c.error(e.args[1], `too many arguments in conversion to ${typeString(T, c.qual)}`);
        useArgs(c, e.args);
        x.expr = e;
        return;
      }
      const t = unalias(T);
      if (t instanceof Named && t.typeParams.length > 0 && t.typeArgs.length === 0) {
        c.error(e.fun, `cannot use generic type ${typeString(T, c.qual)} without instantiation`);
        useArgs(c, e.args);
        return;
      }
      if (under(T) instanceof Interface && !isTypeParam(T)) {
        const ts = computeTS(T);
        if (ts) {
          c.error(
            e.fun,
            `cannot use interface ${typeString(T, c.qual)} in conversion (contains specific type constraints or is comparable)`,
          );
          useArgs(c, e.args);
          return;
        }
      }
      expr(c, x, e.args[0]);
      if (!isInvalid(x)) conversion(c, x, T, e);
      x.expr = e;
      return;
    }
    case "builtin":
      builtinCall(c, x, e, x.id!);
      x.expr = e;
      if (!isInvalid(x) && modeOf(x) !== "constant") c.env.hasCallOrRecv = true;
      return;
  }
  // A function call.
  c.env.hasCallOrRecv = true;
  const sig0 = coreType(x.type);
  if (!(sig0 instanceof Signature)) {
    if (isTypeParam(x.type) && sig0 === null)
      c.error(e, `invalid operation: cannot call ${describe(x, c.qual)}: no core type`);
    else c.error(e, `invalid operation: cannot call non-function ${describe(x, c.qual)}`);
    useArgs(c, e.args);
    x.invalidate();
    x.expr = e;
    return;
  }
  let sig = sig0;
  let targs: Type[] | null = null;
  if (targsE) {
    targs = targsE.map((a) => varType(c, a));
    if (targs.length > sig.typeParams.length) {
      c.error(
        targsE[sig.typeParams.length],
        `got ${targs.length} type arguments but ${exprString(funE)} has ${sig.typeParams.length} type parameters`,
      );
      useArgs(c, e.args);
      x.invalidate();
      return;
    }
  }
  const args = evalArgs(c, e.args);
  const inst = arguments_(c, e, sig, targs, args, funE);
  if (!inst) {
    x.invalidate();
    x.expr = e;
    return;
  }
  sig = inst;
  const res = sig.results.vars;
  if (res.length === 0) {
    x.mode = "novalue";
    x.type = new Tuple([]);
  } else if (res.length === 1) {
    x.mode = "value";
    x.type = res[0].type;
  } else {
    x.mode = "value";
    x.type = sig.results;
  }
  x.val = null;
  x.expr = e;
}

import { computeTypeSet } from "./typeset.js";

/** calleeExpr checks the function part of a call: a value, a type or a builtin. */
function calleeExpr(c: Checker, x: Operand, e: ast.Expr): void {
  rawExpr(c, x, e, null, true);
  if (modeOf(x) === "novalue") {
    c.error(e, `${exprString(e)} (no value) used as value or type`);
    x.invalidate();
  }
}
function computeTS(T: Type): boolean {
  const u = under(T);
  if (!(u instanceof Interface)) return false;
  const ts = computeTypeSet(u);
  return ts.terms !== null || ts.comparable;
}

function useArgs(c: Checker, args: ast.Expr[]): void {
  for (const a of args) {
    const x = new Operand();
    rawExpr(c, x, a, null, true);
  }
}

/** evalArgs evaluates call arguments; a single multi-value call expands to its results. */
function evalArgs(c: Checker, args: ast.Expr[]): Operand[] {
  if (args.length === 1) {
    const x = new Operand();
    rawExpr(c, x, args[0], null, true);
    if (isInvalid(x)) return [x];
    if (x.mode === "novalue") {
      c.error(args[0], `${exprString(args[0])} (no value) used as value`);
      x.invalidate();
      return [x];
    }
    if (x.mode === "typexpr") {
      c.error(args[0], `${exprString(args[0])} (type) is not an expression`);
      x.invalidate();
      return [x];
    }
    if (x.mode === "builtin") {
      c.error(args[0], `${exprString(args[0])} (built-in) must be called`);
      x.invalidate();
      return [x];
    }
    if (x.type.tag === "Tuple") {
      return x.type.vars.map((v) => {
        const y = new Operand();
        y.mode = "value";
        y.type = v.type;
        y.expr = args[0];
        return y;
      });
    }
    if (x.mode === "commaok") x.mode = "value";
    return [x];
  }
  return args.map((a) => {
    const x = new Operand();
    rawExpr(c, x, a, null, true);
    if (x.mode === "novalue") {
      c.error(a, `${exprString(a)} (no value) used as value`);
      x.invalidate();
    } else if (x.mode === "typexpr") {
      c.error(a, `${exprString(a)} (type) is not an expression`);
      x.invalidate();
    } else if (x.mode === "builtin") {
      c.error(a, `${exprString(a)} (built-in) must be called`);
      x.invalidate();
    } else if (x.type.tag === "Tuple" && !isInvalid(x)) {
      c.error(
        a,
        `multiple-value ${exprString(a)} (value of type ${typeString(x.type, c.qual)}) in single-value context`,
      );
      x.invalidate();
    }
    if (x.mode === "commaok") x.mode = "value";
    return x;
  });
}

/**
 * arguments_ checks the arguments of a call against sig, inferring type arguments of a generic
 * function; it returns the instantiated signature, or null after an error.
 */
function arguments_(
  c: Checker,
  call: ast.CallExpr,
  sig: Signature,
  targs: Type[] | null,
  args: Operand[],
  funE: ast.Expr,
): Signature | null {
  if (args.some((a) => isInvalid(a))) {
    // Still report generic-instantiation problems sensibly: give up quietly.
    return sig.typeParams.length > 0 ? null : sig;
  }
  const nargs = args.length;
  const params = sig.params.vars;
  const npars = params.length;
  const ddd = call.hasDots;
  // Compute the parameter type for each argument.
  let ptypes: Type[] = [];
  if (ddd) {
    if (!sig.variadic) {
      c.error(
        call.args[call.args.length - 1] ?? call,
        `have (...${""}) cannot use ... in call to non-variadic ${exprString(funE)}`.replace(
          /^have \(\.\.\.\) /,
          "",
        ),
      );
      return null;
    }
    if (call.args.length === 1 && nargs > 1) {
      c.error(call.args[0], `cannot use ... with multi-valued ${exprString(call.args[0])}`);
      return null;
    }
    ptypes = params.map((p) => p.type);
  } else if (sig.variadic) {
    const last = params[npars - 1].type;
    const elem =
      last instanceof Slice ? last.elem : ((coreType(last) as Slice | null)?.elem ?? Typ.invalid);
    for (let i = 0; i < nargs; i++) ptypes.push(i < npars - 1 ? params[i].type : elem);
    if (nargs < npars - 1) ptypes = params.map((p) => p.type);
  } else {
    ptypes = params.map((p) => p.type);
  }
  const want = sig.variadic && !ddd ? npars - 1 : npars;
  if (nargs !== ptypes.length || (sig.variadic && !ddd && nargs < want)) {
    const tooFew = nargs < want;
    const at: ast.Node | number = tooFew
      ? call.rparen
      : (call.args[npars] ?? call.args[call.args.length - 1] ?? call);
    const have = typesSummary(
      c,
      args.map((a) => a.type),
      false,
      ddd,
    );
    const wantS = typesSummary(
      c,
      params.map((p) => p.type),
      sig.variadic,
      false,
    );
    c.error(
      at,
      `${tooFew ? "not enough" : "too many"} arguments in call to ${exprString(funE)}\n\thave ${have}\n\twant ${wantS}`,
    );
    return null;
  }
  // Generic functions: infer the missing type arguments.
  if (sig.typeParams.length > 0) {
    const inferred = infer(c, call, sig.typeParams, targs ?? [], ptypes, args);
    if (!inferred) return null;
    const id = identOf(funE);
    sig = instantiateSignature(sig, inferred);
    if (id) c.info.instances.set(id, { typeArgs: inferred, type: sig });
    c.recordTypeAndValue(funE, "value", sig, null);
    if (!verifyInstance(c, call.fun, sig0Params(c, funE) ?? [], inferred, exprString(funE)))
      return null;
    // Recompute parameter types for the instantiated signature.
    const ps = sig.params.vars;
    if (ddd || !sig.variadic) ptypes = ps.map((p) => p.type);
    else {
      const last = ps[ps.length - 1].type;
      const elem = last instanceof Slice ? last.elem : Typ.invalid;
      ptypes = args.map((_, i) => (i < ps.length - 1 ? ps[i].type : elem));
    }
  }
  const context = `argument to ${exprString(funE)}`;
  for (let i = 0; i < nargs; i++) assignment(c, args[i], ptypes[i], context);
  return sig;
}

/** sig0Params returns the type parameters of the generic function named by e. */
function sig0Params(c: Checker, e: ast.Expr): TypeParam[] | null {
  const id = identOf(e);
  if (!id) return null;
  const obj = c.info.uses.get(id);
  if (obj && obj.type instanceof Signature) return obj.type.typeParams;
  const sel = e.kind === "SelectorExpr" ? c.info.selections.get(e) : undefined;
  if (sel && sel.obj.type instanceof Signature) return sel.obj.type.typeParams;
  return null;
}

function identOf(e: ast.Expr): ast.Ident | null {
  if (e.kind === "Ident") return e;
  if (e.kind === "SelectorExpr") return e.sel;
  if (e.kind === "ParenExpr") return identOf(e.x);
  return null;
}

/** funcInst checks f[T...] used as a value (not called). */
export function funcInst(c: Checker, x: Operand, e: ast.IndexExpr | ast.IndexListExpr): void {
  const sig = x.type as Signature;
  const targsE = e.kind === "IndexExpr" ? [e.index] : e.indices;
  const targs = targsE.map((a) => varType(c, a));
  if (targs.some((t) => !isValid(t))) {
    x.invalidate();
    return;
  }
  if (targs.length > sig.typeParams.length) {
    c.error(
      targsE[sig.typeParams.length],
      `got ${targs.length} type arguments but ${exprString(e.x)} has ${sig.typeParams.length} type parameters`,
    );
    x.invalidate();
    return;
  }
  let all = targs;
  if (targs.length < sig.typeParams.length) {
    const inferred = infer(c, e, sig.typeParams, targs, [], []);
    if (!inferred) {
      x.invalidate();
      return;
    }
    all = inferred;
  }
  if (!verifyInstance(c, e, sig.typeParams, all, exprString(e.x))) {
    x.invalidate();
    return;
  }
  const inst = instantiateSignature(sig, all);
  const id = identOf(e.x);
  if (id) c.info.instances.set(id, { typeArgs: all, type: inst });
  x.mode = "value";
  x.type = inst;
  x.expr = e;
}

// ---------------------------------------------------------------------------------------------
// Selectors

/** selector checks x.sel: a qualified identifier, field, method value or method expression. */
export function selector(c: Checker, x: Operand, e: ast.SelectorExpr, allowGeneric: boolean): void {
  const sel = e.sel.name;
  // Qualified identifiers.
  if (e.x.kind === "Ident") {
    const r = c.env.scope.lookupParent(e.x.name);
    if (r && r[1] instanceof PkgName) {
      const pn = r[1];
      c.recordUse(e.x, pn);
      pn.used = true;
      const imp = pn.imported;
      const obj = imp.scope.lookup(sel);
      if (!obj || (!obj.exported && imp.path !== "unsafe")) {
        if (obj && !obj.exported) c.error(e.sel, `name ${sel} not exported by package ${imp.name}`);
        else c.error(e.sel, `undefined: ${e.x.name}.${sel}`);
        x.invalidate();
        return;
      }
      c.recordUse(e.sel, obj);
      x.expr = e;
      if (obj instanceof Const) {
        x.setConst(obj.type, obj.val);
      } else if (obj instanceof TypeName) {
        x.mode = "typexpr";
        x.type = obj.type;
      } else if (obj instanceof Var) {
        x.mode = "variable";
        x.type = obj.type;
      } else if (obj instanceof Func) {
        x.mode = "value";
        x.type = obj.type;
      } else if (obj instanceof Builtin) {
        x.mode = "builtin";
        x.id = obj.builtin;
        x.type = Typ.invalid;
      } else x.invalidate();
      return;
    }
  }
  exprOrType(c, x, e.x, false);
  if (isInvalid(x)) return;
  if (x.mode === "typexpr") {
    methodExpr(c, x, e);
    return;
  }
  if (x.mode === "value" && x.type.tag === "Tuple") {
    c.error(
      e.x,
      `multiple-value ${exprString(e.x)} (value of type ${typeString(x.type, c.qual)}) in single-value context`,
    );
    x.invalidate();
    return;
  }
  if (x.mode === "commaok") x.mode = "value";
  if (x.isNil()) {
    c.error(e, `use of untyped nil`);
    x.invalidate();
    return;
  }
  const r = lookupFieldOrMethod(x.type, x.mode === "variable", c.pkg, sel);
  if (!r.obj) {
    if (r.index) {
      c.error(e.sel, `ambiguous selector ${exprString(e)}`);
    } else {
      missingSelector(c, x, e);
    }
    x.invalidate();
    return;
  }
  const obj = r.obj;
  c.recordUse(e.sel, obj);
  if (obj instanceof Func) {
    if (r.ptrRecv) {
      c.error(e, `cannot call pointer method ${sel} on ${typeString(x.type, c.qual)}`);
      x.invalidate();
      return;
    }
    addDep(c, obj);
    const sig = ensureFunc(obj).type;
    if (!(sig instanceof Signature)) {
      x.invalidate();
      return;
    }
    const mv = new Signature(sig.params, sig.results, sig.variadic, null, sig.typeParams);
    recordSelection(c, e, {
      kind: "method",
      recv: x.type,
      obj,
      index: r.index!,
      indirect: r.indirect,
      type: mv,
    });
    x.mode = "value";
    x.type = mv;
  } else {
    if (
      isTypeParam(x.type) ||
      (under(x.type) instanceof Pointer && isTypeParam((under(x.type) as Pointer).elem))
    ) {
      // fields through type parameters are not permitted
    }
    const mode = x.mode === "variable" || r.indirect ? "variable" : "value";
    recordSelection(c, e, {
      kind: "field",
      recv: x.type,
      obj,
      index: r.index!,
      indirect: r.indirect,
      type: obj.type,
    });
    x.mode = mode;
    x.type = obj.type;
  }
  x.val = null;
  x.expr = e;
  void allowGeneric;
}

function addDep(c: Checker, f: Func): void {
  if (f.pkg === c.pkg && c.env.decl) c.env.decl.deps.add(f);
}

function recordSelection(c: Checker, e: ast.SelectorExpr, s: Selection): void {
  c.info.selections.set(e, s);
}

function missingSelector(c: Checker, x: Operand, e: ast.SelectorExpr): void {
  const sel = e.sel.name;
  const ts = typeString(x.type, c.qual);
  const [base, isPtr] = deref(x.type);
  if (isPtr && isInterface(base)) {
    c.error(
      e.sel,
      `${exprString(e)} undefined (type ${ts} is pointer to interface, not interface)`,
    );
    return;
  }
  if (isTypeParam(x.type)) {
    c.error(e.sel, `${exprString(e)} undefined (type ${ts} has no field or method ${sel})`);
    return;
  }
  // A different capitalisation may exist.
  const other =
    sel[0] === sel[0].toUpperCase()
      ? sel[0].toLowerCase() + sel.slice(1)
      : sel[0].toUpperCase() + sel.slice(1);
  const alt = lookupFieldOrMethod(x.type, true, c.pkg, other);
  if (alt.obj) {
    const kind = alt.obj instanceof Func ? "method" : "field";
    c.error(
      e.sel,
      `${exprString(e)} undefined (type ${ts} has no field or method ${sel}, but does have ${kind} ${other})`,
    );
    return;
  }
  // An unexported name of another package.
  const anyPkg = lookupFieldOrMethod(x.type, true, (unalias(base) as Named).obj?.pkg ?? null, sel);
  if (anyPkg.obj && anyPkg.obj.pkg !== c.pkg) {
    c.error(
      e.sel,
      `${exprString(e)} undefined (cannot refer to unexported ${anyPkg.obj instanceof Func ? "method" : "field"} ${sel})`,
    );
    return;
  }
  c.error(e.sel, `${exprString(e)} undefined (type ${ts} has no field or method ${sel})`);
}

/** methodExpr checks T.m, a method expression. */
function methodExpr(c: Checker, x: Operand, e: ast.SelectorExpr): void {
  const T = x.type;
  const sel = e.sel.name;
  const r = lookupFieldOrMethod(T, false, c.pkg, sel);
  if (!r.obj || !(r.obj instanceof Func)) {
    if (r.obj)
      c.error(
        e.sel,
        `${exprString(e)} undefined (type ${typeString(T, c.qual)} has no method ${sel})`,
      );
    else if (r.index) c.error(e.sel, `ambiguous selector ${exprString(e)}`);
    else
      c.error(
        e.sel,
        `${exprString(e)} undefined (type ${typeString(T, c.qual)} has no method ${sel})`,
      );
    x.invalidate();
    return;
  }
  const m = r.obj;
  if (r.ptrRecv) {
    c.error(
      e,
      `invalid method expression ${exprString(e)} (needs pointer receiver (*${typeString(T, c.qual)}).${sel})`,
    );
    x.invalidate();
    return;
  }
  c.recordUse(e.sel, m);
  addDep(c, m);
  const sig = ensureFunc(m).type as Signature;
  if (!(sig instanceof Signature)) {
    x.invalidate();
    return;
  }
  const recv = new Var(c.pkg, "", T, -1);
  recv.isParam = true;
  const ft = new Signature(new Tuple([recv, ...sig.params.vars]), sig.results, sig.variadic);
  c.info.selections.set(e, {
    kind: "methodExpr",
    recv: T,
    obj: m,
    index: r.index!,
    indirect: r.indirect,
    type: ft,
  });
  x.mode = "value";
  x.type = ft;
  x.val = null;
  x.expr = e;
}

export { ident, multiExpr, typExpr, objDecl, signatureString, defaultType };

/**
 * typesSummary lists types for "have (...)" and "want (...)" notes as gc does: "number" for
 * an untyped numeric value, "unknown type" for an invalid one, "..." for variadic parameters.
 */
export function typesSummary(
  c: Checker,
  list: Type[],
  variadic: boolean,
  hasDots: boolean,
): string {
  const parts = list.map((t, i) => {
    let s: string;
    if (!isValid(t)) s = "unknown type";
    else if (isUntyped(t))
      s = isNumeric(t) ? "number" : typeString(t, c.qual).replace("untyped ", "");
    else s = typeString(t, c.qual);
    if (i === list.length - 1) {
      if (variadic) s = "..." + (t instanceof Slice ? typeString(t.elem, c.qual) : s);
      else if (hasDots) s += "...";
    }
    return s;
  });
  return `(${parts.join(", ")})`;
}
