#!/usr/bin/env node
// The `// run` tests of the no-import list (conformance/lists/gotest-noimport.txt) under
// ROG_DEBUG=gcstress: runs them through the shared harness (../shared/tools/gotest.mjs) once
// plainly and once with every program collecting every N allocations, and checks that every test
// that passes plainly also passes under gcstress. The second pass rebuilds nothing (rog's action
// cache holds every binary of the first), so it costs the runs alone.
//
//   node runtime-rs/stress/noimport.mjs [-s N] [-j J] [--every K] [-o FILE]
//     -s N       ROG_DEBUG=gcstress=N (default 100)
//     -j J       parallel tests (default 2)
//     --every K  only every K-th test of the list (a sample, for a loaded machine; default 1)
//     -o FILE    also write the report to FILE (stress/noimport.txt is the committed record)
// Exits 1 when a test that passed plainly fails under gcstress.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const harness = process.env.ROG_GOTEST ?? join(repo, "..", "shared", "tools", "gotest.mjs");
const listFile = join(repo, "conformance", "lists", "gotest-noimport.txt");

const opts = parseArgs(process.argv.slice(2));
const scratch = mkdtempSync(join(tmpdir(), "rog-noimport-"));
const names = readFileSync(listFile, "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l !== "" && !l.startsWith("#"))
  .filter((_, i) => i % opts.every === 0);
const sample = join(scratch, "list.txt");
writeFileSync(sample, names.join("\n") + "\n");

const lines = [];
const report = (line) => {
  lines.push(line);
  process.stdout.write(line + "\n");
};
report(`# runtime-rs/stress/noimport.mjs ${process.argv.slice(2).join(" ")}`);
report(`# commit ${commit()}, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`);
report(`# ${cpus().length} CPUs, load average at start ${loadavg()}`);
report(`# ${names.length} of the list's tests (every ${opts.every}. one), gcstress=${opts.stress}`);

const plain = runHarness("plain", {});
const stressed = runHarness("gcstress", { ROG_DEBUG: `gcstress=${opts.stress}` });
const passed = plain.tests.filter((t) => t.status === "pass");
const failed = passed.filter((t) => stressed.get(t.name)?.status !== "pass");
report(
  `plain: ${passed.length} passed of ${plain.tests.length}; ` +
    `gcstress=${opts.stress}: ${passed.length - failed.length} of those ${passed.length} passed, ` +
    `${failed.length} failed`,
);
for (const t of failed) {
  const s = stressed.get(t.name);
  const why = (s?.reason ?? s?.detail ?? "missing").split("\n")[0].slice(0, 160);
  report(`FAIL ${t.name}: ${s?.status ?? "missing"} under gcstress: ${why}`);
}
if (opts.out) writeFileSync(opts.out, lines.join("\n") + "\n");
rmSync(scratch, { recursive: true, force: true });
process.exitCode = failed.length === 0 ? 0 : 1;

/** runHarness runs the sample through gotest with extra environment; returns its results. */
function runHarness(label, env) {
  const json = join(scratch, `${label}.json`);
  const args = [
    harness,
    "--mode",
    "run",
    "--list",
    sample,
    "--compiler",
    `node ${join(repo, "bin", "rog.js")} build -o {out} {src}`,
    "-j",
    String(opts.jobs),
    "--build-timeout",
    "120",
    "--run-timeout",
    label === "plain" ? "30" : "300",
    "--json",
    json,
  ];
  const r = spawnSync(process.execPath, args, {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (r.status !== 0) {
    process.stderr.write(`noimport: the harness failed (${label}, exit ${r.status})\n`);
    process.exit(2);
  }
  const tests = JSON.parse(readFileSync(json, "utf8")).tests;
  return { tests, get: (name) => tests.find((t) => t.name === name) };
}

function parseArgs(argv) {
  const o = { stress: 100, jobs: 2, every: 1, out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-s") o.stress = Number(argv[++i]);
    else if (a === "-j") o.jobs = Number(argv[++i]);
    else if (a === "--every") o.every = Number(argv[++i]);
    else if (a === "-o") o.out = argv[++i];
    else {
      process.stderr.write(`noimport: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  for (const k of ["stress", "jobs", "every"]) {
    if (!(Number.isInteger(o[k]) && o[k] > 0)) {
      process.stderr.write(`noimport: ${k} must be a positive integer\n`);
      process.exit(2);
    }
  }
  return o;
}

/** commit names HEAD and the runtime-rs tree (which, unlike the commit, survives a rebase). */
function commit() {
  const git = (...a) =>
    execFileSync("git", ["-C", repo, ...a])
      .toString()
      .trim();
  const head = git("rev-parse", "--short", "HEAD");
  const tree = git("rev-parse", "--short", "HEAD:runtime-rs");
  const dirty = spawnSync("git", ["-C", repo, "diff", "--quiet", "HEAD", "--", "runtime-rs"]);
  return `${head}, runtime-rs tree ${tree}` + (dirty.status === 0 ? "" : " (modified)");
}

function loadavg() {
  return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
}
