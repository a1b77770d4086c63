#!/usr/bin/env node
// Parse benchmark: reads every .go file under a directory (default $GOROOT/src, skipping
// testdata) into memory, then times scanning alone and full parsing over several rounds and
// reports the best round in lines and megabytes per second. Uses the compiled front end in
// dist/ (run `npm run build` first). Not a timed test: numbers depend on the machine's load.
//
//   node bench/parse.mjs [--rounds N] [dir]

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { parseFile } = await import(path.join(root, "dist/compiler/syntax/parser.js"));
const { Scanner } = await import(path.join(root, "dist/compiler/syntax/scanner.js"));
const { SourceFile } = await import(path.join(root, "dist/compiler/syntax/source.js"));

let rounds = 5;
let dir = null;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--rounds") rounds = Number(args[++i]);
  else dir = args[i];
}
if (dir === null) {
  const goroot =
    process.env.ROG_GOROOT ?? execFileSync("go", ["env", "GOROOT"], { encoding: "utf8" }).trim();
  dir = path.join(goroot, "src");
}

const files = [];
(function visit(d) {
  for (const n of readdirSync(d).sort()) {
    const p = path.join(d, n);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st === undefined) continue;
    if (st.isDirectory()) {
      if (n !== "testdata") visit(p);
    } else if (n.endsWith(".go")) files.push({ name: p, bytes: readFileSync(p) });
  }
})(dir);

let lines = 0;
let bytes = 0;
for (const f of files) {
  bytes += f.bytes.length;
  for (const b of f.bytes) if (b === 10) lines++;
}

const EOF_TOKEN = 1; // Tok.EOF

function scanAll() {
  let tokens = 0;
  for (const f of files) {
    const s = new Scanner(f.bytes, () => {});
    for (s.next(); s.tok !== EOF_TOKEN; s.next()) tokens++;
  }
  return tokens;
}

function parseAll() {
  let errors = 0;
  for (const f of files) errors += parseFile(new SourceFile(f.name, f.bytes)).diagnostics.length;
  return errors;
}

// best runs fn `rounds` times and keeps the fastest round, by wall clock and by CPU time
// (the CPU time is the steadier number on a shared machine).
function best(fn) {
  let min = Infinity;
  let cpuMin = Infinity;
  let result;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    result = fn();
    const c = process.cpuUsage(c0);
    min = Math.min(min, performance.now() - t0);
    cpuMin = Math.min(cpuMin, (c.user + c.system) / 1000);
  }
  return { ms: min, cpu: cpuMin, result };
}

const scan = best(scanAll);
const parse = best(parseAll);
const rate = (ms) =>
  `${Math.round(lines / (ms / 1000)).toLocaleString("en")} lines/s, ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
console.log(
  `${files.length} files, ${lines} lines, ${(bytes / 1e6).toFixed(1)} MB; best of ${rounds} rounds`,
);
for (const [what, r, unit] of [
  ["scan ", scan, "tokens"],
  ["parse", parse, "diagnostics"],
]) {
  console.log(
    `${what}: wall ${r.ms.toFixed(0)} ms, ${rate(r.ms)}; cpu ${r.cpu.toFixed(0)} ms, ${rate(r.cpu)}; ${r.result} ${unit}`,
  );
}
