// Substitution and instantiation (Go spec "Instantiations"): replacing type parameters by type
// arguments in a type, instantiating generic named types (lazily, so recursive generic types
// terminate) and generic signatures.

import { ensureFunc, setLazy } from "./lazy.js";
import { Func, Var } from "./object.js";
import { identical } from "./predicates.js";
import {
  Alias,
  ArrayT,
  Chan,
  Interface,
  MapT,
  Named,
  Pointer,
  Signature,
  Slice,
  Struct,
  Tuple,
  TypeParam,
  Union,
  type Type,
} from "./type.js";

/** SubstMap maps type parameters to their arguments. */
export type SubstMap = Map<TypeParam, Type>;

/** makeSubstMap pairs type parameters with arguments. */
export function makeSubstMap(tparams: readonly TypeParam[], targs: readonly Type[]): SubstMap {
  const m: SubstMap = new Map();
  for (let i = 0; i < tparams.length && i < targs.length; i++) m.set(tparams[i], targs[i]);
  return m;
}

/** subst replaces tparams[i] by targs[i] throughout t. */
export function subst(t: Type, tparams: readonly TypeParam[], targs: readonly Type[]): Type {
  if (tparams.length === 0) return t;
  return substType(t, makeSubstMap(tparams, targs));
}

/**
 * LocalNamed, given to substType, replaces a named type that is not generic itself, for the
 * compiler's instances of generic bodies: a type declared inside a generic function is a
 * distinct type in each instance. It returns null to keep the type.
 */
export type LocalNamed = (t: Named) => Type | null;

/** substType applies a substitution map to t, sharing unchanged parts. */
export function substType(t: Type, m: SubstMap, local: LocalNamed | null = null): Type {
  if (m.size === 0) return t;
  return new Substituter(m, local).type(t);
}

class Substituter {
  constructor(
    private readonly m: SubstMap,
    private readonly local: LocalNamed | null = null,
  ) {}

  type(t: Type): Type {
    switch (t.tag) {
      case "Basic":
        return t;
      case "TypeParam":
        return this.m.get(t) ?? t;
      case "Pointer": {
        const e = this.type(t.elem);
        return e === t.elem ? t : new Pointer(e);
      }
      case "Slice": {
        const e = this.type(t.elem);
        return e === t.elem ? t : new Slice(e);
      }
      case "Array": {
        const e = this.type(t.elem);
        return e === t.elem ? t : new ArrayT(t.len, e);
      }
      case "Map": {
        const k = this.type(t.key);
        const e = this.type(t.elem);
        return k === t.key && e === t.elem ? t : new MapT(k, e);
      }
      case "Chan": {
        const e = this.type(t.elem);
        return e === t.elem ? t : new Chan(t.dir, e);
      }
      case "Struct": {
        const fs = this.vars(t.fields);
        return fs === t.fields ? t : new Struct(fs, t.tags);
      }
      case "Tuple": {
        const vs = this.vars(t.vars);
        return vs === t.vars ? t : new Tuple(vs);
      }
      case "Signature":
        return this.signature(t);
      case "Interface": {
        const ms = this.funcs(t.methods);
        const es = this.list(t.embeddeds);
        if (ms === t.methods && es === t.embeddeds) return t;
        const it = new Interface(ms, es);
        it.implicit = t.implicit;
        return it;
      }
      case "Union": {
        let changed = false;
        const terms = t.terms.map((term) => {
          const u = this.type(term.type);
          if (u !== term.type) changed = true;
          return { tilde: term.tilde, type: u };
        });
        return changed ? new Union(terms) : t;
      }
      case "Named": {
        if (t.typeArgs.length === 0 && this.local) return this.local(t) ?? t;
        if (t.typeArgs.length === 0 || !t.origin) return t;
        const args = this.list(t.typeArgs);
        return args === t.typeArgs ? t : instantiateNamed(t.origin, args);
      }
      case "Alias": {
        if (t.typeArgs.length > 0) {
          const args = this.list(t.typeArgs);
          if (args === t.typeArgs) return t;
          return new Alias(t.obj, this.type(t.rhs), [], args);
        }
        return this.type(t.rhs);
      }
    }
  }

  list(ts: Type[]): Type[] {
    let out: Type[] | null = null;
    for (let i = 0; i < ts.length; i++) {
      const u = this.type(ts[i]);
      if (u !== ts[i] && !out) out = ts.slice(0, i);
      if (out) out.push(u);
    }
    return out ?? ts;
  }

  vars(vs: Var[]): Var[] {
    let out: Var[] | null = null;
    for (let i = 0; i < vs.length; i++) {
      const v = vs[i];
      const u = this.type(v.type);
      if (u !== v.type && !out) out = vs.slice(0, i);
      if (out) out.push(u === v.type ? v : copyVar(v, u));
    }
    return out ?? vs;
  }

  funcs(fs: Func[]): Func[] {
    let out: Func[] | null = null;
    for (let i = 0; i < fs.length; i++) {
      const f = ensureFunc(fs[i]);
      // An interface method's receiver is the interface itself: leave it alone (it would recurse).
      const u = f.type instanceof Signature ? this.signature(f.type, false) : this.type(f.type);
      if (u !== f.type && !out) out = fs.slice(0, i);
      if (out) {
        if (u === f.type) out.push(f);
        else {
          const g = new Func(f.pkg, f.name, u, f.pos, f.file);
          g.origin = f.origin ?? f;
          g.fullName = f.fullName;
          out.push(g);
        }
      }
    }
    return out ?? fs;
  }

  signature(s: Signature, withRecv = true): Signature {
    const params = this.type(s.params) as Tuple;
    const results = this.type(s.results) as Tuple;
    const recv = s.recv && withRecv ? this.vars([s.recv])[0] : s.recv;
    if (params === s.params && results === s.results && recv === s.recv) return s;
    return new Signature(params, results, s.variadic, recv, s.typeParams, s.recvTypeParams);
  }
}

function copyVar(v: Var, t: Type): Var {
  const w = new Var(v.pkg, v.name, t, v.pos, v.file);
  w.isField = v.isField;
  w.embedded = v.embedded;
  w.isParam = v.isParam;
  return w;
}

/** instantiateSignature instantiates a generic signature; the result has no type parameters. */
export function instantiateSignature(s: Signature, targs: readonly Type[]): Signature {
  const m = makeSubstMap(s.typeParams, targs);
  const r = new Substituter(m);
  return new Signature(
    r.type(s.params) as Tuple,
    r.type(s.results) as Tuple,
    s.variadic,
    s.recv,
    [],
    s.recvTypeParams,
  );
}

const instanceCache = new WeakMap<Named, Named[]>();

/**
 * instantiateNamed returns orig[targs], shared with earlier identical instantiations. The
 * instance's underlying type and methods are computed on first use.
 */
export function instantiateNamed(orig: Named, targs: Type[]): Named {
  let list = instanceCache.get(orig);
  if (!list) instanceCache.set(orig, (list = []));
  for (const inst of list) {
    if (inst.typeArgs.every((a, i) => identical(a, targs[i]))) return inst;
  }
  const inst = new Named(orig.obj, null, [], targs, orig);
  inst.expand = (n) => expandInstance(n, orig, targs);
  list.push(inst);
  return inst;
}

function expandInstance(n: Named, orig: Named, targs: Type[]): void {
  const m = makeSubstMap(orig.typeParams, targs);
  n.underlying = substType(orig.underlying, m);
  n.methods = orig.methods.map((om) => instantiateMethod(om, n, targs));
}

/** instantiateMethod makes the method om of a generic type for the instance inst. */
function instantiateMethod(om: Func, inst: Named, targs: Type[]): Func {
  const f = new Func(om.pkg, om.name, om.type, om.pos, om.file);
  f.origin = om;
  f.hasPtrRecv = om.hasPtrRecv;
  f.fullName = om.fullName;
  setLazy(f, () => {
    const sig = ensureFunc(om).type as Signature;
    if (!(sig instanceof Signature)) return;
    const m = makeSubstMap(sig.recvTypeParams, targs);
    const s = new Substituter(m).signature(sig);
    const recvT = om.hasPtrRecv ? new Pointer(inst) : inst;
    const recv = s.recv ? copyVar(s.recv, recvT) : null;
    f.type = new Signature(s.params, s.results, s.variadic, recv, [], []);
  });
  return f;
}
