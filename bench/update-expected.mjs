#!/usr/bin/env node
// Regenerates expected.out (full size) and expected.quick.out (quick size) of every benchmark
// example (a directory under examples/ with a `// bench:size` marker) from what the program
// built by `go build` prints, stdout and stderr merged. Usage:
//   node bench/update-expected.mjs [name...]

import { readdirSync, statSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import {
  build,
  examplesDir,
  expectedFile,
  findSizeMarker,
  makeTemp,
  makeVariant,
  run,
} from "./lib.mjs";

const only = process.argv.slice(2);
const scratch = makeTemp("expected");
let failed = false;
for (const name of readdirSync(examplesDir).sort()) {
  const dir = join(examplesDir, name);
  if (!statSync(dir).isDirectory() || (only.length > 0 && !only.includes(name))) continue;
  const example = { name, dir, size: findSizeMarker(dir) };
  if (!example.size) continue;
  for (const variant of ["full", "quick"]) {
    const src = makeVariant(example, variant, join(scratch, `${name}-${variant}`));
    const exe = join(scratch, `${name}-${variant}.exe`);
    const b = await build("gc", src, exe);
    if (!b.ok) {
      console.error(`${name} (${variant}): go build failed: ${b.error}`);
      failed = true;
      continue;
    }
    const r = await run(exe, []);
    if (r.code !== 0) {
      console.error(`${name} (${variant}): exit status ${r.code}\n${r.output}`);
      failed = true;
      continue;
    }
    writeFileSync(expectedFile(example, variant), r.output);
    console.log(
      `${name} (${variant}): ${(r.ms / 1000).toFixed(2)} s, ${r.output.split("\n").length - 1} lines`,
    );
  }
}
rmSync(scratch, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
