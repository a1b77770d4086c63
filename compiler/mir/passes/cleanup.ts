// Dead code removal: blocks no path reaches, and assignments to unnamed temporaries that
// nothing reads (MIR rvalues have no side effects; checks are terminators).

import { renumberTerm } from "../builder.js";
import {
  successors,
  termOperands,
  type Body,
  type Operand,
  type Place,
  type Rvalue,
  type Terminator,
} from "../mir.js";

/** removeUnreachable drops blocks unreachable from bb0 and renumbers the rest. */
export function removeUnreachable(body: Body): boolean {
  const reach = new Set<number>();
  const work = [0];
  while (work.length) {
    const b = work.pop()!;
    if (reach.has(b)) continue;
    reach.add(b);
    work.push(...successors(body.blocks[b].term));
  }
  if (reach.size === body.blocks.length) return false;
  const renum = new Map<number, number>();
  body.blocks.forEach((_, i) => reach.has(i) && renum.set(i, renum.size));
  body.blocks = body.blocks
    .filter((_, i) => reach.has(i))
    .map((b) => ({
      ...b,
      stmts: b.stmts,
      term: renumberTerm(b.term, (x) => renum.get(x)!),
    }));
  return true;
}

/** removeDeadTemps deletes writes to unnamed, unaddressed locals that are never read. */
export function removeDeadTemps(body: Body): boolean {
  let changed = false;
  for (let round = 0; round < 8; round++) {
    const read = new Set<number>();
    const op = (o: Operand) => {
      if (o.o === "copy") place(o.place, true);
    };
    const place = (p: Place, isRead: boolean) => {
      if (isRead || p.proj.length > 0) read.add(p.local);
      for (const x of p.proj) if (x.p === "index") op(x.idx);
    };
    const rv = (r: Rvalue) => {
      switch (r.r) {
        case "use":
          return op(r.op);
        case "bin":
          op(r.a);
          return op(r.b);
        case "un":
        case "conv":
        case "bitcast":
          return op(r.a);
        case "ref":
          return place(r.place, true);
        case "agg":
          return r.ops.forEach(op);
        case "offset":
          op(r.ptr);
          return op(r.idx);
      }
    };
    const term = (t: Terminator) => {
      termOperands(t).forEach(op);
      if (t.t === "call" && t.dest) place(t.dest, false);
    };
    for (const b of body.blocks) {
      for (const s of b.stmts) {
        place(s.place, false);
        rv(s.rv);
      }
      term(b.term);
    }
    let removed = false;
    for (const b of body.blocks) {
      const keep = b.stmts.filter((s) => {
        const l = s.place.local;
        const dead =
          s.place.proj.length === 0 &&
          !read.has(l) &&
          l > body.nparams &&
          l !== body.ctx &&
          body.locals[l].name === "";
        return !dead;
      });
      if (keep.length !== b.stmts.length) {
        b.stmts = keep;
        removed = true;
      }
    }
    if (!removed) break;
    changed = true;
  }
  return changed;
}
