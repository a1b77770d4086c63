#!/usr/bin/env node
// Check benchmark: type-checks `fmt` with all its dependencies from source, package by package
// in dependency order, each against its imports' export data (written and read back as the
// per-package check actions do), and reports wall and CPU time. Round 1 runs on a cold JIT,
// like a fresh `rog check`; it is the headline figure. Uses the compiled checker in dist/ (run
// `npm run build` first). The source files are read before timing starts.
//
//   node bench/check-fmt.mjs [--rounds N] [--json] [package]

import path from "node:path";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = (p) => import(path.join(root, "dist", p));
const { parseFile } = await dist("compiler/syntax/parser.js");
const { SourceFile } = await dist("compiler/syntax/source.js");
const { checkPackage, readExportData, writeExportData } = await dist("compiler/types/index.js");
const { loadPackages } = await dist("rules/src/loader.js");
const tc = await dist("toolchains/toolchain.js");

let rounds = 3;
let json = false;
let target = "fmt";
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--rounds") rounds = Number(args[++i]);
  else if (args[i] === "--json") json = true;
  else target = args[i];
}

const { goroot, version } = tc.goroot();
const graph = loadPackages([target], { cwd: root, goroot, gorootVersion: version });
const pkgs = graph.packages.map((lp) => ({
  lp,
  files: lp.goFiles.map((f) => ({
    name: `${lp.importPath}/${f}`,
    bytes: readFileSync(path.join(lp.dir, f)),
  })),
}));
const lines = pkgs.reduce(
  (n, p) =>
    n + p.files.reduce((m, f) => m + f.bytes.reduce((k, b) => k + (b === 10 ? 1 : 0), 0), 0),
  0,
);

/** round checks every package once and returns its times in milliseconds. */
function round() {
  const exported = new Map();
  const t = { parse: 0, check: 0, export: 0 };
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  for (const { lp, files } of pkgs) {
    let t0 = performance.now();
    const asts = files.map((f) => {
      const r = parseFile(new SourceFile(f.name, f.bytes));
      if (r.diagnostics.length > 0) throw new Error(`${f.name}: ${r.diagnostics[0].message}`);
      return r.file;
    });
    let t1 = performance.now();
    t.parse += t1 - t0;
    // Each package sees its imports only through their export data, as a check action does.
    const seen = new Map();
    const importer = (ip) => {
      const p = lp.importMap[ip] ?? ip;
      if (!seen.has(p)) {
        const data = exported.get(p);
        seen.set(p, data ? readExportData(data, p, importer) : null);
      }
      return seen.get(p);
    };
    const res = checkPackage(lp.importPath, asts, importer, {
      goVersion: lp.goVersion,
      std: lp.isStd,
    });
    if (res.diagnostics.length > 0) {
      const d = res.diagnostics[0];
      throw new Error(`${lp.importPath}: ${d.file?.format(d.offset) ?? ""}: ${d.message}`);
    }
    t0 = performance.now();
    t.check += t0 - t1;
    exported.set(lp.importPath, writeExportData(res.pkg));
    t.export += performance.now() - t0;
  }
  const cpu = process.cpuUsage(cpu0);
  return { wall: performance.now() - w0, cpu: (cpu.user + cpu.system) / 1000, ...t };
}

const results = [];
for (let i = 0; i < rounds; i++) results.push(round());
const ms = (x) => `${(x / 1000).toFixed(2)} s`;
if (json) {
  console.log(JSON.stringify({ target, packages: pkgs.length, lines, rounds: results }));
} else {
  console.log(`check ${target}: ${pkgs.length} packages, ${lines} lines, from source`);
  results.forEach((r, i) =>
    console.log(
      `round ${i + 1}${i === 0 ? " (cold)" : ""}: wall ${ms(r.wall)}, cpu ${ms(r.cpu)} ` +
        `(parse ${ms(r.parse)}, check ${ms(r.check)}, export ${ms(r.export)})`,
    ),
  );
}
