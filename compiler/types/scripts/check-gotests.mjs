#!/usr/bin/env node
// Type-checks every `// run`, `// compile` and `// build` test of $GOROOT/test (acceptance 3
// of issue 4): each must check with no diagnostics. Runs in one process over dist/, sharing
// the checked standard library between tests. Usage (after npm run build):
//
//   node compiler/types/scripts/check-gotests.mjs [--dirs .,fixedbugs,...] [--out FILE]
//
// Tests whose build constraints exclude linux/amd64 (or need cgo) are skipped, as gotest.mjs
// does. The last line is "N clean, M with diagnostics, K skipped".

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const { CheckSession } = await import(path.join(root, "dist/compiler/driver/cmd_check.js"));
const { loadPackages } = await import(path.join(root, "dist/rules/src/loader.js"));
const tc = await import(path.join(root, "dist/toolchains/toolchain.js"));
const { defaultContext, evalExpr } = await import(path.join(root, "dist/rules/src/constraint.js"));

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const { goroot, version } = tc.goroot();
const testRoot = path.join(goroot, "test");
// Every directory of the suite with standalone tests (the *.dir directories hold the packages
// of multi-package tests, which are not standalone).
const dirs = opt(
  "--dirs",
  ".,abi,arenas,chan,dwarf,fixedbugs,interface,ken,simd,typeparam,typeparam/mdempsky",
).split(",");
const minor = parseInt(/^go1\.(\d+)/.exec(version)?.[1] ?? "26", 10);
const context = defaultContext(minor, ["gc"]);
const session = new CheckSession({ all: true, verbose: false, viaExport: false });

let clean = 0;
let dirty = 0;
let skipped = 0;
const report = [];
for (const d of dirs) {
  const dir = path.join(testRoot, d);
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".go"))
    .sort()) {
    const file = path.join(dir, name);
    const text = readFileSync(file, "utf8");
    const first = text.split("\n").find((l) => l.startsWith("// ") && !l.startsWith("//go:build"));
    const m = /^\/\/ (run|compile|build)\b(.*)$/.exec(first ?? "");
    if (!m) continue;
    const bc = /^\/\/go:build (.*)$/m.exec(text);
    let ok = true;
    try {
      if (bc) ok = evalExpr(bc[1], context);
    } catch {
      ok = false;
    }
    // A recipe that needs a GOEXPERIMENT is skipped, as gotest.mjs does.
    if (/-goexperiment\b/.test(m[2])) ok = false;
    if (!ok || (/\bcgo\b|import "C"/.test(text.slice(0, 2000)) && /import "C"/.test(text))) {
      skipped++;
      continue;
    }
    const rel = path.join(d, name);
    let res;
    try {
      // "// run a.go b.go" names more files of the same package.
      const more = m[2]
        .trim()
        .split(/\s+/)
        .filter((w) => w.endsWith(".go"))
        .map((w) => path.join(dir, w));
      const files = [file, ...more];
      const graph = loadPackages(files, { cwd: dir, goroot, gorootVersion: version, context });
      res = session.checkGraph(graph.packages, dir);
      // Forget the test's own package so the next test starts clean.
      for (const p of graph.packages) if (!p.isStd) session.checked.delete(p.importPath);
    } catch (e) {
      res = { failed: true, out: [String(e).split("\n")[0]] };
    }
    if (res.failed) {
      dirty++;
      report.push(
        `${rel}\n\t${res.out
          .filter((l) => !l.startsWith("#"))
          .slice(0, 5)
          .join("\n\t")}`,
      );
    } else clean++;
  }
}
const summary = `${clean} clean, ${dirty} with diagnostics, ${skipped} skipped`;
const outFile = opt("--out", "");
if (outFile) writeFileSync(outFile, report.join("\n") + "\n" + summary + "\n");
else if (report.length) console.log(report.join("\n"));
console.log(summary);
