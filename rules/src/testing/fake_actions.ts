// A fake compiler for testing the build machinery (graph, Ninja, cache, early cutoff) without
// the real one. rog loads it in place of compiler/driver/actions.ts only when the test-only
// variable ROG_TEST_ACTIONS names this module's compiled file. Its outputs are deterministic
// functions of the inputs with the same shape as the real ones: .rogx holds only the exported
// declarations (so a body edit leaves it unchanged), .mir holds everything.

import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { UserError } from "../../../compiler/diag.js";
import type {
  CheckRequest,
  CheckResult,
  CodegenRequest,
  LinkRequest,
  OptRequest,
  OptResult,
} from "../../../compiler/driver/actions.js";

const enc = new TextEncoder();

/** exportedDecls keeps a file's exported declaration lines, without bodies. */
function exportedDecls(text: string): string[] {
  return text
    .split("\n")
    .filter((l) => /^(func|type|var|const) (\([^)]*\) )?[A-Z]/.test(l))
    .map((l) => l.replace(/\s*\{.*$/, ""));
}

/** runCheck fakes check: rogx = exported declarations, rogb = the same, mir = all sources. */
export async function runCheck(r: CheckRequest): Promise<CheckResult> {
  const api: string[] = [`fake-rogx ${r.importPath} ${r.goVersion}`];
  const mir: string[] = [`fake-mir ${r.importPath}`];
  for (const src of r.srcs) {
    const text = readFileSync(src, "utf8");
    const bad = text.indexOf("FAKE_ERROR");
    if (bad >= 0) {
      const line = text.slice(0, bad).split("\n").length;
      throw new UserError(`${src}:${line}:1: fake compile error`);
    }
    api.push(...exportedDecls(text));
    mir.push(`file ${basename(src)}`, text);
  }
  for (const [path, rogx] of Object.entries(r.imports).sort()) {
    mir.push(`import ${path} ${readFileSync(rogx).length}`);
  }
  const rogx = enc.encode(api.join("\n") + "\n");
  return { rogx, rogb: rogx, mir: enc.encode(mir.join("\n") + "\n") };
}

function withBodies(head: string, mir: string, bodies: Record<string, string>): Uint8Array {
  const parts = [head, readFileSync(mir, "utf8")];
  for (const [path, rogb] of Object.entries(bodies).sort()) {
    parts.push(`body ${path} ${readFileSync(rogb).length}`);
  }
  return enc.encode(parts.join("\n") + "\n");
}

/** runOpt fakes opt. */
export async function runOpt(r: OptRequest): Promise<OptResult> {
  const mir = withBodies(`fake-opt ${r.importPath}`, r.mir, r.bodies);
  return { mir, esc: enc.encode(`fake-esc ${r.importPath}\n`) };
}

/** runCodegen fakes codegen. */
export async function runCodegen(r: CodegenRequest): Promise<Uint8Array> {
  return withBodies(`fake-bc ${r.importPath}`, r.mir, r.bodies);
}

/**
 * runLink fakes link: a shell script printing the string literals of every println call in
 * the linked packages, in link order, so a changed literal changes the program's output; a
 * `// fake-exit N` comment sets its exit status.
 */
export async function runLink(r: LinkRequest): Promise<void> {
  const lines: string[] = [];
  let exit = 0;
  for (const bc of r.bitcode) {
    const text = readFileSync(bc, "utf8");
    for (const m of text.matchAll(/println\("([^"\\']*)"\)/g)) lines.push(m[1]);
    exit = Number(/\/\/ fake-exit (\d+)/.exec(text)?.[1] ?? exit);
  }
  const script = ["#!/bin/sh", ...lines.map((l) => `echo '${l}'`), `exit ${exit}`, ""].join("\n");
  writeFileSync(r.out, script, { mode: 0o755 });
}
