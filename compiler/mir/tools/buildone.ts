// buildone: build a single-file, import-free Go program with the MIR/codegen back end directly
// (parse, check, lower, opt, codegen, link), bypassing the action graph. A development tool for
// running the Go test suite while `rog build` is being wired:
//   node dist/compiler/mir/tools/buildone.js -o OUT FILE.go

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emitLLVM } from "../../codegen/module.js";
import { RUNTIME_LIB } from "../../codegen/runtimelib.js";
import { compileToBitcode, link } from "../../codegen/toolchain.js";
import { DiagnosticsError, UserError } from "../../diag.js";
import { optimize } from "../compile.js";
import { compileFile } from "../lower/frontend.js";

function main(argv: string[]): number {
  let out = "a.out";
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "-o") out = argv[++i];
    else files.push(argv[i]);
  }
  if (files.length !== 1) {
    process.stderr.write("usage: buildone -o OUT FILE.go\n");
    return 2;
  }
  const dir = mkdtempSync(join(tmpdir(), "rog-buildone-"));
  try {
    const pkg = optimize(compileFile(files[0]));
    const bc = join(dir, "main.bc");
    writeFileSync(bc, compileToBitcode(emitLLVM(pkg)));
    const cache = process.env.ROG_THINLTO_CACHE ?? join(tmpdir(), "rog-thinlto-cache");
    link({ out, bitcode: [bc], initOrder: ["main"], runtime: RUNTIME_LIB, thinltoCache: cache });
    return 0;
  } catch (e) {
    if (e instanceof DiagnosticsError || e instanceof UserError) {
      process.stderr.write(e.message + "\n");
      return 1;
    }
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = main(process.argv.slice(2));
