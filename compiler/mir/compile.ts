// The opt action's pass pipeline over a package's MIR (DESIGN.md §1). Passes run per body in
// the order listed; each entry says why it sits where it does.

import type { Body, MirPackage } from "./mir.js";
import { removeDeadTemps, removeUnreachable } from "./passes/cleanup.js";
import { constProp } from "./passes/constprop.js";
import { devirtualizePackage } from "./passes/devirt.js";
import { escapePackage, type Summary } from "./passes/escape.js";
import { encodeInline, inlinePackage, newImported, type Imported } from "./passes/inline.js";
import { verifyBody } from "./verify.js";

/** Pass is one MIR-to-MIR transformation of a body; it reports whether it changed anything. */
export interface Pass {
  name: string;
  run(body: Body): boolean;
}

/** PASSES is the ordered pass list. */
export const PASSES: Pass[] = [
  // Folding first: it turns constant branches into gotos, exposing dead blocks.
  { name: "constprop", run: constProp },
  // After folding, so blocks behind folded branches are gone before liveness is computed.
  { name: "unreachable", run: removeUnreachable },
  // Last: propagation leaves the temporaries it replaced unread.
  { name: "deadtemps", run: removeDeadTemps },
];

/** OptimizeOptions control the pipeline. */
export interface OptimizeOptions {
  /** verify runs the MIR verifier after every pass (tests turn it on). */
  verify?: boolean;
  /** summaries holds the escape summaries of other packages' functions (their .esc files). */
  summaries?: ReadonlyMap<string, Summary>;
  /** exported, when given, receives the escape summaries of this package's functions. */
  exported?: Map<string, Summary>;
  /** imported holds the bodies other packages export for inlining (their .esc files). */
  imported?: Imported;
  /** inlineOut, when given, receives this package's inline section for its .esc file. */
  inlineOut?: (bytes: Uint8Array) => void;
}

/** optimize runs the pass list over every body of pkg (in place) and returns it. */
export function optimize(
  pkg: MirPackage,
  deps: Map<string, Uint8Array> = new Map(),
  opts: OptimizeOptions = {},
): MirPackage {
  void deps;
  const runPasses = (body: Body) => {
    for (const p of PASSES) {
      p.run(body);
      if (opts.verify) verifyBody(body);
    }
  };
  pkg.bodies.forEach(runPasses);
  // Inlining after folding (costs are measured on folded bodies) and before escape analysis,
  // which it feeds; the inlined bodies are folded again with their arguments. The bodies it
  // adds (imported linkonce_odr definitions) were optimised by their own package.
  const before = new Set(pkg.bodies);
  for (const body of inlinePackage(pkg, opts.imported ?? newImported())) runPasses(body);
  if (opts.verify) pkg.bodies.filter((b) => !before.has(b)).forEach(verifyBody);
  // After inlining, which exposes the itab a constructor put in the interface it returned;
  // before escape analysis, which then sees the method's own summary.
  for (const body of devirtualizePackage(pkg, before)) runPasses(body);
  opts.inlineOut?.(encodeInline(pkg));
  // Over the whole package, after folding (allocation sizes are constants by then): callees'
  // summaries come first.
  const sums = escapePackage(pkg, opts.summaries);
  for (const [k, v] of sums) opts.exported?.set(k, v);
  if (opts.verify) pkg.bodies.forEach(verifyBody);
  return pkg;
}
