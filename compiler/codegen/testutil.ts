// Helpers for tests that build and run programs: compile MIR packages to bitcode, link them
// with the Rust runtime (or the C stand-in when asked), run the result.

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MirPackage } from "../mir/mir.js";
import { emitLLVM } from "./module.js";
import { RUNTIME_LIB } from "./runtimelib.js";
import { CLANG, compileToBitcode, link } from "./toolchain.js";

export { haveRuntime, RUNTIME_LIB } from "./runtimelib.js";

/** RunResult is what a built program did. */
export interface RunResult {
  stdout: string;
  stderr: string;
  status: number | null;
  exe: string;
}

/** buildAndRun links the packages (dependencies first, main last) and runs the program. */
export function buildAndRun(pkgs: MirPackage[], fake = false): RunResult {
  const dir = mkdtempSync(join(tmpdir(), "rog-run-"));
  const bitcode = pkgs.map((p, i) => {
    const f = join(dir, `p${i}.bc`);
    writeFileSync(f, compileToBitcode(emitLLVM(p)));
    return f;
  });
  const extra: string[] = [];
  if (fake) {
    const rt = join(dir, "rt.o");
    const src = join(import.meta.dirname, "testdata", "fake_runtime.c");
    spawnSync(CLANG, ["-c", "-O2", "-flto=thin", src, "-o", rt]);
    extra.push(rt);
  }
  const exe = join(dir, "a.out");
  link({
    out: exe,
    bitcode,
    initOrder: pkgs.map((p) => p.path),
    runtime: fake ? "" : RUNTIME_LIB,
    thinltoCache: "",
    extra,
  });
  const r = spawnSync(exe, { timeout: 20_000 });
  return { stdout: r.stdout.toString(), stderr: r.stderr.toString(), status: r.status, exe };
}
