#!/usr/bin/env node
// Runs the Go project's own test suite ($GOROOT/test) against rog through the shared harness
// (../shared/tools/gotest.mjs), records the results in conformance/results/<suite>.json, and
// compares them with the expected-failures file conformance/expected-failures/<suite>.txt.
//
//   node conformance/run.mjs --suite noimport|core|run|chan|errorcheck [--update] [-j N]
//                            [--rerun T,...]
//   node conformance/run.mjs --suite core|noimport --from run [--update]
//
// --from takes a listed suite's figure from the committed results of a larger run that holds
// its tests (the whole `// run` suite holds both lists), instead of building them again.
//
// --rerun runs only the named tests (e.g. fixedbugs/issue6269.go) and merges their results into
// the suite's last raw results, so that tests that timed out on a loaded machine can be re-run
// alone without running the whole suite again.
//
// Without --update, a test that fails but is not listed is a regression (exit 1), and a listed
// test that passes is reported so the list can shrink. With --update the list is rewritten
// from this run, each entry with the harness status and the first line of the failure as its
// reason. The README's figures come from the results files (conformance/readme.mjs).

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readExpected } from "./expected.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const harness = process.env.ROG_GOTEST ?? join(root, "..", "shared", "tools", "gotest.mjs");

const suites = {
  noimport: ["--mode", "run", "--list", join(root, "conformance/lists/gotest-noimport.txt")],
  core: ["--mode", "run", "--list", join(root, "conformance/lists/gotest-core.txt")],
  run: ["--mode", "run"],
  chan: ["--mode", "run", "--dirs", "chan"],
  // issue 4's acceptance 2: `rog check` against the `// errorcheck` tests, line numbers only.
  errorcheck: ["--mode", "errorcheck", "--lenient", "--dirs", ".,typeparam"],
};

function parseArgs(argv) {
  const opts = { suite: "noimport", update: false, jobs: "2", rerun: [], from: "", extra: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--suite") opts.suite = argv[++i];
    else if (a === "--update") opts.update = true;
    else if (a === "-j") opts.jobs = argv[++i];
    else if (a === "--rerun") opts.rerun.push(...argv[++i].split(",").filter(Boolean));
    else if (a === "--from") opts.from = argv[++i];
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
  if (t.status === "timeout") return `${t.phase ?? "build or run"} did not finish in time`;
  const lines = (t.detail ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/^exit status \d+$/.test(l));
  const diag = lines.find((l) => /not supported yet|error|panic|fatal/.test(l)) ?? lines[0] ?? "";
  return (diag || (t.detail ?? "").trim()).replace(/^\S*\.go:\d+(:\d+)?: /, "").slice(0, 160);
}

/** testName is a test's path under the suite root (the harness already prefixes the directory). */
function testName(t) {
  return t.dir === "." || t.name.startsWith(`${t.dir}/`) ? t.name : `${t.dir}/${t.name}`;
}

const opts = parseArgs(process.argv.slice(2));
const resultsDir = join(root, "conformance/results");
const expectedDir = join(root, "conformance/expected-failures");
mkdirSync(resultsDir, { recursive: true });
mkdirSync(expectedDir, { recursive: true });

const { summary, tests } = opts.from ? fromLarger(opts) : runHarness(opts);
writeFileSync(
  join(resultsDir, `${opts.suite}.json`),
  JSON.stringify({ summary, tests }, null, 1) + "\n",
);

/** runHarness runs the suite through the shared harness and condenses its results. */
function runHarness(opts) {
  const jsonOut = join(resultsDir, `${opts.suite}.raw.json`);
  const rog = `node ${join(root, "bin/rog.js")}`;
  const tool =
    opts.suite === "errorcheck"
      ? ["--checker", `${rog} check {src}`]
      : ["--compiler", `${rog} build -o {out} {src}`];
  // Builds get 60 s instead of the harness's 10 s: the figure is about correctness, and a rog
  // build (one process per action) on a loaded 2-core machine can take longer than gc's.
  const args = [harness, ...suites[opts.suite], ...tool, "-j", opts.jobs];
  args.push("--build-timeout", "60");
  const goroot = execFileSync("go", ["env", "GOROOT"], { encoding: "utf8" }).trim();
  const runOut = opts.rerun.length ? join(resultsDir, `${opts.suite}.rerun.json`) : jsonOut;
  const files = opts.rerun.map((n) => join(goroot, "test", n));
  execFileSync("node", [...args, "--json", runOut, ...opts.extra, ...files], {
    stdio: ["ignore", "ignore", "inherit"],
  });

  const raw = JSON.parse(readFileSync(runOut, "utf8"));
  if (opts.rerun.length) {
    // Replace the re-run tests' entries in the last full run and keep that as the raw result.
    const last = JSON.parse(readFileSync(jsonOut, "utf8"));
    const again = new Map(raw.tests.map((t) => [testName(t), t]));
    last.tests = last.tests.map((t) => again.get(testName(t)) ?? t);
    writeFileSync(jsonOut, JSON.stringify(last, null, 1) + "\n");
    raw.tests = last.tests;
    raw.summary = {
      ...last.summary,
      skipped: last.tests.filter((t) => t.status === "skip").length,
    };
  }
  const tests = raw.tests
    .filter((t) => t.status !== "skip")
    .map((t) => ({
      name: testName(t),
      status: t.status,
      reason: t.status === "pass" ? "" : reasonOf(t),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  return { summary: summarise(tests, raw.summary.skipped), tests };
}

/** fromLarger takes the listed suite's tests out of the committed results of opts.from. */
function fromLarger(opts) {
  const list = suites[opts.suite][suites[opts.suite].indexOf("--list") + 1];
  if (!list) {
    console.error(`conformance: --from needs a listed suite, and ${opts.suite} has no list`);
    process.exit(2);
  }
  const names = readFileSync(list, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const larger = JSON.parse(readFileSync(join(resultsDir, `${opts.from}.json`), "utf8"));
  const byName = new Map(larger.tests.map((t) => [t.name, t]));
  const tests = names.filter((n) => byName.has(n)).map((n) => byName.get(n));
  const summary = summarise(tests, names.length - tests.length);
  summary.from = opts.from;
  return { summary, tests };
}

/** summarise counts the results of the tests that were not skipped. */
function summarise(tests, skipped) {
  const passed = tests.filter((t) => t.status === "pass").length;
  return {
    suite: opts.suite,
    goVersion: execFileSync("go", ["env", "GOVERSION"], { encoding: "utf8" }).trim(),
    total: tests.length,
    passed,
    failed: tests.length - passed,
    skipped,
  };
}

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
const pct = tests.length ? ((100 * summary.passed) / tests.length).toFixed(1) : "0.0";
console.log(
  `${opts.suite}: ${summary.passed} of ${tests.length} passed (${pct}%), ${summary.skipped} skipped`,
);
for (const t of regressions) console.log(`REGRESSION ${t.name}: ${t.status}: ${t.reason}`);
for (const t of fixed) console.log(`now passes (remove from ${expectedFile}): ${t.name}`);
process.exit(regressions.length ? 1 : 0);
