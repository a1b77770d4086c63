// The package's call graph, as the interprocedural passes (inlining, escape analysis) walk it.

import type { Body } from "../mir.js";

/** directCallees lists the symbols a body calls directly (Go functions by name), in order. */
export function directCallees(b: Body): string[] {
  const out: string[] = [];
  for (const blk of b.blocks) {
    const t = blk.term;
    if (t.t === "call" && t.callee.c === "fn") out.push(t.callee.sym);
  }
  return out;
}

/**
 * calleesFirst calls visit on every body after the bodies of the same list that it calls; a
 * call back into a body still being visited (recursion) does not wait for it. The walk is
 * iterative (deep call chains do not grow the JavaScript stack); done says whether a body's
 * visit has finished.
 */
export function calleesFirst(
  bodies: Body[],
  visit: (b: Body, done: (sym: string) => boolean) => void,
): void {
  const bySym = new Map(bodies.map((b) => [b.sym, b]));
  const state = new Map<string, "visiting" | "done">();
  const done = (sym: string) => state.get(sym) === "done";
  for (const root of bodies) {
    if (state.has(root.sym)) continue;
    const stack: { body: Body; callees: string[]; next: number }[] = [];
    const enter = (b: Body) => {
      state.set(b.sym, "visiting");
      stack.push({ body: b, callees: directCallees(b), next: 0 });
    };
    enter(root);
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next < top.callees.length) {
        const c = bySym.get(top.callees[top.next++]);
        if (c && !state.has(c.sym)) enter(c);
        continue;
      }
      stack.pop();
      visit(top.body, done);
      state.set(top.body.sym, "done");
    }
  }
}

/**
 * sccsCalleesFirst calls visit on each strongly connected component of the call graph (a set
 * of mutually recursive bodies, or one body), after the components it calls (Tarjan's
 * algorithm, iterative). Within a component, bodies keep their list order.
 */
export function sccsCalleesFirst(
  bodies: Body[],
  visit: (scc: Body[]) => void,
  callees: (b: Body) => string[] = directCallees,
): void {
  const bySym = new Map(bodies.map((b) => [b.sym, b]));
  const order = new Map(bodies.map((b, i) => [b.sym, i]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: Body[] = [];
  let counter = 0;
  for (const root of bodies) {
    if (index.has(root.sym)) continue;
    const work: { body: Body; callees: string[]; next: number }[] = [];
    const enter = (b: Body) => {
      index.set(b.sym, counter);
      low.set(b.sym, counter++);
      stack.push(b);
      onStack.add(b.sym);
      work.push({ body: b, callees: callees(b), next: 0 });
    };
    enter(root);
    while (work.length) {
      const top = work[work.length - 1];
      const sym = top.body.sym;
      if (top.next < top.callees.length) {
        const c = bySym.get(top.callees[top.next++]);
        if (!c) continue;
        if (!index.has(c.sym)) enter(c);
        else if (onStack.has(c.sym)) low.set(sym, Math.min(low.get(sym)!, index.get(c.sym)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].body.sym;
        low.set(parent, Math.min(low.get(parent)!, low.get(sym)!));
      }
      if (low.get(sym) !== index.get(sym)) continue;
      const scc: Body[] = [];
      let x: Body;
      do {
        x = stack.pop()!;
        onStack.delete(x.sym);
        scc.push(x);
      } while (x !== top.body);
      scc.sort((a, b) => order.get(a.sym)! - order.get(b.sym)!);
      visit(scc);
    }
  }
}
