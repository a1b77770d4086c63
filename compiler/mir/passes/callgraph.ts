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
 * calleesFirst calls visit on every body after the bodies of the same list that it calls (its
 * direct callees, or what callees names); a call back into a body still being visited
 * (recursion) does not wait for it. The walk is iterative (deep call chains do not grow the
 * JavaScript stack); done says whether a body's visit has finished.
 */
export function calleesFirst(
  bodies: Body[],
  visit: (b: Body, done: (sym: string) => boolean) => void,
  callees: (b: Body) => string[] = directCallees,
): void {
  const bySym = new Map(bodies.map((b) => [b.sym, b]));
  const state = new Map<string, "visiting" | "done">();
  const done = (sym: string) => state.get(sym) === "done";
  for (const root of bodies) {
    if (state.has(root.sym)) continue;
    const stack: { body: Body; callees: string[]; next: number }[] = [];
    const enter = (b: Body) => {
      state.set(b.sym, "visiting");
      stack.push({ body: b, callees: callees(b), next: 0 });
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
