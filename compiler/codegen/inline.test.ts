// Cross-language ThinLTO: the runtime's allocation fast path must inline into Go code. Build a
// program whose hot loop allocates, disassemble main.main, and find no call to rog_alloc.

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { optimize } from "../mir/compile.js";
import { compileFile } from "../mir/lower/frontend.js";
import { buildAndRun, haveRuntime } from "./testutil.js";

it.skipIf(!haveRuntime())("inlines rog_alloc into a hot loop", () => {
  const pkg = optimize(compileFile(join(import.meta.dirname, "testdata", "allocloop.go")));
  const r = buildAndRun([pkg]);
  expect(r.stderr).toBe("999999\n");
  const args = ["-d", "--no-show-raw-insn", "--disassemble-symbols=main.main", r.exe];
  const dis = spawnSync("llvm-objdump-22", args, { maxBuffer: 1 << 28 }).stdout.toString();
  const start = dis.indexOf("<main.main>:");
  expect(start).toBeGreaterThan(0);
  const body = dis.slice(start, dis.indexOf("\n\n", start));
  expect(body).not.toMatch(/call.*<rog_alloc>/);
  // The slow path stays out of line: a direct call, or (when the loop has registers to spare)
  // its address kept in a register for an indirect one.
  expect(body).toMatch(/(call|lea).*alloc_slow/);
});
