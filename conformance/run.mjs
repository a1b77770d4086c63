#!/usr/bin/env node
// Runs the Go project's own test suite ($GOROOT/test) against rog through the shared harness
// (../shared/tools/gotest.mjs), records the results in conformance/results/<suite>.json, and
// compares them with the expected-failures file conformance/expected-failures/<suite>.txt.
//
//   node conformance/run.mjs --suite noimport|core|run|chan [--update] [-j N]
//
// Without --update, a test that fails but is not listed is a regression (exit 1), and a listed
// test that passes is reported so the list can shrink. With --update the list is rewritten
// from this run, each entry with the harness status and the first line of the failure as its
// reason. The README's figures come from the results files (conformance/readme.mjs).

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const harness = process.env.ROG_GOTEST ?? join(root, "..", "shared", "tools", "gotest.mjs");

const suites = {
  noimport: ["--mode", "run", "--list", join(root, "conformance/lists/gotest-noimport.txt")],
  core: ["--mode", "run", "--list", join(root, "conformance/lists/gotest-core.txt")],
  run: ["--mode", "run"],
  chan: ["--mode", "run", "--dirs", "chan"],
};

function parseArgs(argv) {
  const opts = { suite: "noimport", update: false, jobs: "2", extra: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--suite") opts.suite = argv[++i];
    else if (a === "--update") opts.update = true;
    else if (a === "-j") opts.jobs = argv[++i];
    else opts.extra.push(a);
  }
  if (!(opts.suite in suites)) {
    console.error(`conformance: unknown suite ${opts.suite} (${Object.keys(suites).join(", ")})`);
    process.exit(2);
  }
  return opts;
}

/** reasonOf condenses a failure's detail to one line. */
function reasonOf(t) {
  const lines = (t.detail ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const diag = lines.find((l) => /not supported yet|error|panic|fatal/.test(l)) ?? lines[0] ?? "";
  return diag.replace(/^\S*\.go:\d+(:\d+)?: /, "").slice(0, 160);
}

function readExpected(file) {
  const m = new Map();
  if (!existsSync(file)) return m;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const s = line.trim();
    if (!s || s.startsWith("#")) continue;
    const [name, ...rest] = s.split(/\s+#\s*/);
    m.set(name.trim(), rest.join(" # "));
  }
  return m;
}

const opts = parseArgs(process.argv.slice(2));
const resultsDir = join(root, "conformance/results");
const expectedDir = join(root, "conformance/expected-failures");
mkdirSync(resultsDir, { recursive: true });
mkdirSync(expectedDir, { recursive: true });

const jsonOut = join(resultsDir, `${opts.suite}.raw.json`);
const compiler = `node ${join(root, "bin/rog.js")} build -o {out} {src}`;
// Builds get 60 s instead of the harness's 10 s: the figure is about correctness, and a rog build
// (one process per action) on a loaded 2-core machine can take longer than gc's.
const args = [harness, ...suites[opts.suite], "--compiler", compiler, "-j", opts.jobs];
args.push("--build-timeout", "60");
execFileSync("node", [...args, "--json", jsonOut, ...opts.extra], {
  stdio: ["ignore", "ignore", "inherit"],
});

const raw = JSON.parse(readFileSync(jsonOut, "utf8"));
const tests = raw.tests
  .filter((t) => t.status !== "skip")
  .map((t) => ({
    name: t.dir === "." ? t.name : `${t.dir}/${t.name}`,
    status: t.status,
    reason: t.status === "pass" ? "" : reasonOf(t),
  }))
  .sort((a, b) => (a.name < b.name ? -1 : 1));
const passed = tests.filter((t) => t.status === "pass").length;
const summary = {
  suite: opts.suite,
  goVersion: execFileSync("go", ["env", "GOVERSION"], { encoding: "utf8" }).trim(),
  total: tests.length,
  passed,
  failed: tests.length - passed,
  skipped: raw.summary.skipped,
};
writeFileSync(
  join(resultsDir, `${opts.suite}.json`),
  JSON.stringify({ summary, tests }, null, 1) + "\n",
);

const expectedFile = join(expectedDir, `${opts.suite}.txt`);
if (opts.update) {
  const lines = [
    `# Expected failures of the ${opts.suite} suite, written by conformance/run.mjs --update.`,
    "# name  # status: reason",
  ];
  for (const t of tests)
    if (t.status !== "pass") lines.push(`${t.name}  # ${t.status}: ${t.reason}`);
  writeFileSync(expectedFile, lines.join("\n") + "\n");
}
const expected = readExpected(expectedFile);
const regressions = tests.filter((t) => t.status !== "pass" && !expected.has(t.name));
const fixed = tests.filter((t) => t.status === "pass" && expected.has(t.name));
const pct = tests.length ? ((100 * passed) / tests.length).toFixed(1) : "0.0";
console.log(
  `${opts.suite}: ${passed} of ${tests.length} passed (${pct}%), ${summary.skipped} skipped`,
);
for (const t of regressions) console.log(`REGRESSION ${t.name}: ${t.status}: ${t.reason}`);
for (const t of fixed) console.log(`now passes (remove from ${expectedFile}): ${t.name}`);
process.exit(regressions.length ? 1 : 0);
