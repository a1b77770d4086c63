// Package initialisation order (Go spec "Package initialization"): package-level variables are
// initialised in declaration order, but after the variables they depend on, directly or through
// functions; a dependency cycle is an error.

import type { Checker, DeclInfo } from "./checker.js";
import type { Initializer } from "./info.js";
import { Func, Var, type Obj } from "./object.js";

/** initOrder computes the package's initialisers in execution order. */
export function initOrder(c: Checker): Initializer[] {
  const funcVarDeps = funcClosures(c);
  const vars: Var[] = [];
  for (const [o] of c.objMap) if (o instanceof Var) vars.push(o);
  vars.sort((a, b) => c.objMap.get(a)!.order - c.objMap.get(b)!.order || a.pos - b.pos);

  // Each variable's dependencies on other variables, through functions too.
  const deps = new Map<Var, Set<Var>>();
  for (const v of vars) {
    const d = c.objMap.get(v)!;
    const s = new Set<Var>();
    for (const o of d.deps) {
      if (o instanceof Var && c.objMap.has(o)) s.add(o);
      else if (o instanceof Func) for (const w of funcVarDeps.get(o) ?? []) s.add(w);
    }
    deps.set(v, s);
  }
  // Variables of one multi-value declaration share one dependency set.
  const preds = new Map<Var, Var[]>();
  const remaining = new Map<Var, number>();
  for (const v of vars) {
    const s = deps.get(v)!;
    let n = 0;
    for (const w of s) {
      if (w === v) continue;
      n++;
      const p = preds.get(w) ?? [];
      p.push(v);
      preds.set(w, p);
    }
    remaining.set(v, n);
  }
  // Self-dependencies are cycles.
  const reported = new Set<Var>();
  for (const v of vars) {
    if (deps.get(v)!.has(v) && !reported.has(v)) {
      reported.add(v);
      reportCycle(c, v, [v]);
    }
  }
  const ready: Var[] = vars.filter((v) => remaining.get(v) === 0);
  const order = (v: Var) => c.objMap.get(v)!.order * 1e6 + (v.pos >= 0 ? v.pos % 1e6 : 0);
  const heap = new MinHeap<Var>(order);
  for (const v of ready) heap.push(v);
  const emitted = new Set<DeclInfo>();
  const out: Initializer[] = [];
  const done = new Set<Var>();
  while (done.size < vars.length) {
    let v = heap.pop();
    if (!v) {
      // A cycle: report it once and release the earliest variable on it.
      const rest = vars.filter((w) => !done.has(w));
      const start = rest[0];
      const cyc = findCycle(start, deps, done);
      if (cyc && !cyc.some((w) => reported.has(w))) {
        cyc.forEach((w) => reported.add(w));
        reportCycle(c, cyc[0], cyc);
      }
      v = start;
    }
    if (done.has(v)) continue;
    done.add(v);
    for (const p of preds.get(v) ?? []) {
      const n = remaining.get(p)! - 1;
      remaining.set(p, n);
      if (n === 0 && !done.has(p)) heap.push(p);
    }
    const d = c.objMap.get(v)!;
    if (d.init === null || emitted.has(d)) continue;
    emitted.add(d);
    out.push({ lhs: d.lhs ?? [v], rhs: d.init });
  }
  return out;
}

function findCycle(start: Var, deps: Map<Var, Set<Var>>, done: Set<Var>): Var[] | null {
  const path: Var[] = [];
  const onPath = new Set<Var>();
  const visited = new Set<Var>();
  const dfs = (v: Var): Var[] | null => {
    path.push(v);
    onPath.add(v);
    visited.add(v);
    for (const w of deps.get(v) ?? []) {
      if (done.has(w)) continue;
      if (onPath.has(w)) return path.slice(path.indexOf(w));
      if (!visited.has(w)) {
        const r = dfs(w);
        if (r) return r;
      }
    }
    path.pop();
    onPath.delete(v);
    return null;
  };
  return dfs(start);
}

function reportCycle(c: Checker, v: Var, cyc: Var[]): void {
  const d = c.objMap.get(v)!;
  if (cyc.length === 1) {
    c.error(
      v.pos,
      `initialization cycle or initialization loop: ${v.name} refers to itself`,
      d.file,
    );
    return;
  }
  let msg = `initialization cycle or initialization loop for ${v.name}`;
  for (let i = 0; i < cyc.length; i++)
    msg += `\n\t${cyc[i].name} refers to ${cyc[(i + 1) % cyc.length].name}`;
  c.error(v.pos, msg, d.file);
}

/** funcClosures maps each package function to the variables it reaches through calls. */
function funcClosures(c: Checker): Map<Func, Set<Var>> {
  const funcs: Func[] = [];
  for (const [o] of c.objMap) if (o instanceof Func) funcs.push(o);
  const index = new Map<Func, number>();
  const low = new Map<Func, number>();
  const onStack = new Set<Func>();
  const stack: Func[] = [];
  const result = new Map<Func, Set<Var>>();
  let counter = 0;
  const succ = (f: Func): Obj[] => [...(c.objMap.get(f)?.deps ?? [])];

  // Tarjan's algorithm, iterative to survive deep call chains.
  for (const root of funcs) {
    if (index.has(root)) continue;
    const work: { f: Func; it: Obj[]; i: number }[] = [];
    const enter = (f: Func) => {
      index.set(f, counter);
      low.set(f, counter);
      counter++;
      stack.push(f);
      onStack.add(f);
      work.push({ f, it: succ(f), i: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      if (top.i < top.it.length) {
        const o = top.it[top.i++];
        if (!(o instanceof Func) || !c.objMap.has(o)) continue;
        if (!index.has(o)) enter(o);
        else if (onStack.has(o)) low.set(top.f, Math.min(low.get(top.f)!, index.get(o)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].f;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.f)!));
      }
      if (low.get(top.f) === index.get(top.f)) {
        // Pop one strongly connected component; its successors are already complete.
        const comp: Func[] = [];
        for (;;) {
          const g = stack.pop()!;
          onStack.delete(g);
          comp.push(g);
          if (g === top.f) break;
        }
        const vs = new Set<Var>();
        const members = new Set(comp);
        for (const g of comp) {
          for (const o of c.objMap.get(g)?.deps ?? []) {
            if (o instanceof Var && c.objMap.has(o)) vs.add(o);
            else if (o instanceof Func && !members.has(o))
              for (const w of result.get(o) ?? []) vs.add(w);
          }
        }
        for (const g of comp) result.set(g, vs);
      }
    }
  }
  return result;
}

/** MinHeap is a binary heap ordered by a numeric key. */
class MinHeap<T> {
  private a: T[] = [];
  constructor(private readonly key: (x: T) => number) {}
  push(x: T): void {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.key(a[p]) <= this.key(a[i])) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.key(a[l]) < this.key(a[m])) m = l;
        if (r < a.length && this.key(a[r]) < this.key(a[m])) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}
