// Instantiation cycles: a generic function or type that, through its own instantiations,
// would need infinitely many instances (f[T] instantiating f[[]T]). The spec leaves this to
// implementations; gc rejects it because it compiles every instance separately, and so must rog.
//
// The graph has one vertex per type parameter of the package. Instantiating a generic with a
// type argument that mentions type parameter P adds an edge from P to the generic's parameter:
// weight 0 when the argument is P itself, 1 when it is a type built from P. A cycle through a
// weight-1 edge means ever larger type arguments.

import type { Checker } from "./checker.js";
import { Func, TypeName } from "./object.js";
import { unalias } from "./predicates.js";
import { Named, Signature, TypeParam, type Type } from "./type.js";
import { typeString } from "./typestring.js";

interface Edge {
  from: TypeParam;
  to: TypeParam;
  weight: 0 | 1;
  at: number;
  file: Checker["file"];
  arg: Type;
}

/** checkInstantiationCycles reports the first cycle of growing instantiations, if any. */
export function checkInstantiationCycles(c: Checker): void {
  const edges = collectEdges(c);
  if (!edges.some((e) => e.weight === 1)) return;
  const comp = components(edges);
  for (const e of edges) {
    if (e.weight !== 1 || comp.get(e.from) !== comp.get(e.to)) continue;
    const tp = e.to;
    const note = `${tp.obj.name} instantiated as ${typeString(e.arg, c.qual)}`;
    const file = c.files.find((f) => f.source.filename === tp.obj.file) ?? e.file;
    c.diagnostics.push({
      file: file.source,
      offset: tp.obj.pos,
      message: "instantiation cycle:",
      notes: [{ file: e.file.source, offset: e.at, message: note }],
    });
    return;
  }
}

function collectEdges(c: Checker): Edge[] {
  const edges: Edge[] = [];
  const local = (tp: TypeParam) => tp.obj.pkg === c.pkg;
  for (const [id, inst] of c.info.instances) {
    const obj = c.info.uses.get(id);
    let params: TypeParam[] = [];
    if (obj instanceof Func && obj.type instanceof Signature) params = obj.type.typeParams;
    else if (obj instanceof TypeName) {
      const t = unalias(obj.type);
      if (t instanceof Named) params = t.typeParams;
    }
    if (params.length === 0 || !local(params[0])) continue;
    const file = c.files.find((f) => f.pos <= id.pos && id.pos <= f.end) ?? c.files[0];
    inst.typeArgs.forEach((arg, i) => {
      const to = params[i];
      if (!to) return;
      const exact = unalias(arg);
      for (const p of typeParamsIn(arg)) {
        if (!local(p)) continue;
        const from = c.tpCanon.get(p) ?? p;
        edges.push({ from, to, weight: exact === p ? 0 : 1, at: id.pos, file, arg });
      }
    });
  }
  return edges;
}

/** typeParamsIn lists the type parameters that t mentions. */
function typeParamsIn(t: Type): Set<TypeParam> {
  const out = new Set<TypeParam>();
  const seen = new Set<Type>();
  const visit = (t: Type): void => {
    if (seen.has(t)) return;
    seen.add(t);
    switch (t.tag) {
      case "TypeParam":
        out.add(t);
        return;
      case "Alias":
        visit(t.rhs);
        return;
      case "Named":
        t.typeArgs.forEach(visit);
        return;
      case "Pointer":
      case "Slice":
      case "Array":
      case "Chan":
        visit(t.elem);
        return;
      case "Map":
        visit(t.key);
        visit(t.elem);
        return;
      case "Struct":
        for (const f of t.fields) visit(f.type);
        return;
      case "Tuple":
        for (const v of t.vars) visit(v.type);
        return;
      case "Signature":
        visit(t.params);
        visit(t.results);
        return;
      case "Interface":
        for (const m of t.methods) visit(m.type);
        t.embeddeds.forEach(visit);
        return;
      case "Union":
        for (const term of t.terms) visit(term.type);
        return;
    }
  };
  visit(t);
  return out;
}

/** components numbers the strongly connected components of the graph (Tarjan). */
function components(edges: Edge[]): Map<TypeParam, number> {
  const succ = new Map<TypeParam, TypeParam[]>();
  for (const e of edges) {
    if (!succ.has(e.from)) succ.set(e.from, []);
    if (!succ.has(e.to)) succ.set(e.to, []);
    succ.get(e.from)!.push(e.to);
  }
  const index = new Map<TypeParam, number>();
  const low = new Map<TypeParam, number>();
  const comp = new Map<TypeParam, number>();
  const stack: TypeParam[] = [];
  let next = 0;
  let ncomp = 0;
  const strong = (v: TypeParam): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    for (const w of succ.get(v)!) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (!comp.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      let w: TypeParam;
      do {
        w = stack.pop()!;
        comp.set(w, ncomp);
      } while (w !== v);
      ncomp++;
    }
  };
  for (const v of succ.keys()) if (!index.has(v)) strong(v);
  return comp;
}
