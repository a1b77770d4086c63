#!/usr/bin/env node
// Checks the printer's round trip (parse → print → parse gives an equal tree) on every .go
// file under the given directories (default: $GOROOT/src, skipping testdata), using the
// compiled parser in dist/. Run `npm run build` first. Exits 1 on any failure.
//
//   node compiler/syntax/scripts/roundtrip-all.mjs [dir ...]

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const { parseFile } = await import(path.join(root, "dist/compiler/syntax/parser.js"));
const { printFile } = await import(path.join(root, "dist/compiler/syntax/printer.js"));
const { SourceFile } = await import(path.join(root, "dist/compiler/syntax/source.js"));
const { treeDiff } = await import(path.join(root, "dist/compiler/syntax/compare.js"));

function goroot() {
  if (process.env.ROG_GOROOT) return process.env.ROG_GOROOT;
  return execFileSync("go", ["env", "GOROOT"], { encoding: "utf8" }).trim();
}

function* goFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st === undefined) continue;
    if (st.isDirectory()) {
      if (name !== "testdata") yield* goFiles(p);
    } else if (name.endsWith(".go")) yield p;
  }
}

const dirs = process.argv.slice(2);
if (dirs.length === 0) dirs.push(path.join(goroot(), "src"));

let files = 0;
let failures = 0;
for (const dir of dirs) {
  for (const f of goFiles(dir)) {
    files++;
    const first = parseFile(new SourceFile(f, readFileSync(f)));
    if (first.diagnostics.length > 0) continue; // not a valid file: nothing to round-trip
    const text = printFile(first.file);
    const second = parseFile(SourceFile.fromString(f + " (printed)", text));
    let problem = null;
    if (second.diagnostics.length > 0) {
      const d = second.diagnostics[0];
      problem = `printed text does not parse: ${d.file.format(d.offset)}: ${d.message}`;
    } else {
      const d = treeDiff(first.file, second.file);
      if (d !== null) problem = `trees differ at ${d}`;
    }
    if (problem !== null) {
      failures++;
      if (failures <= 50) console.log(`${f}: ${problem}`);
    }
  }
}
console.log(`${files} files, ${failures} round-trip failures`);
process.exitCode = failures > 0 ? 1 : 0;
