#!/usr/bin/env node
// Runs `rog test` on standard-library packages, one at a time, and writes the table: package,
// whether its test binary builds, whether its tests pass, and the reason when not, to
// conformance/results/stdtest.json and conformance/results/stdtest.md (the README's count
// comes from the JSON, through conformance/readme.mjs).
//   node conformance/stdtest.mjs                 the packages of issue 7's acceptance 3
//   node conformance/stdtest.mjs --packages a,b  only these, merged into the last results
//   node conformance/stdtest.mjs --all           every package of `go list std` that has test
//                                                files, but internal, vendored and cmd ones
//   node conformance/stdtest.mjs --missing       the packages of --all that have no row yet
//   --timeout SECONDS  per package's test run, passed to `rog test -timeout` so that a hang
//                      names its test (default 600); the build gets as long again, and a
//                      package whose build and run together take longer is killed

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const resultsDir = join(root, "conformance/results");
const jsonPath = join(resultsDir, "stdtest.json");
const mdPath = join(resultsDir, "stdtest.md");

/** DEFAULT_PACKAGES are issue 7's acceptance 3. */
const DEFAULT_PACKAGES = [
  "errors",
  "strings",
  "strconv",
  "sort",
  "bytes",
  "bufio",
  "unicode/utf8",
  "unicode/utf16",
  "math",
  "math/bits",
  "container/list",
  "container/heap",
  "container/ring",
  "path",
  "text/tabwriter",
  "encoding/binary",
  "encoding/hex",
  "encoding/base64",
  "hash/crc32",
  "fmt",
  "reflect",
  "sync",
  "time",
  "encoding/json",
  "regexp",
  "slices",
  "maps",
];

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** allStd lists the public std packages with tests, as `go test std` would test them. */
function allStd() {
  const r = spawnSync(
    "go",
    ["list", "-f", "{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}", "std"],
    { encoding: "utf8", env: { ...process.env, GOOS: "linux", GOARCH: "amd64" } },
  );
  if (r.status !== 0) throw new Error(`go list std: ${r.stderr}`);
  return r.stdout.split("\n").filter((p) => p !== "" && !/(^|\/)(internal|vendor)(\/|$)/.test(p));
}

const only = flag("--packages", null);
const previous = existsSync(jsonPath) ? JSON.parse(readFileSync(jsonPath, "utf8")).packages : [];
const rows = new Map(previous.map((r) => [r.package, r]));
const packages = process.argv.includes("--all")
  ? allStd()
  : process.argv.includes("--missing")
    ? allStd().filter((p) => !rows.has(p))
    : only
      ? only.split(",").filter(Boolean)
      : DEFAULT_PACKAGES;
const timeout = Number(flag("--timeout", "600")) * 1000;
/** killAfter bounds build and run together: the build gets as long as the run. */
const killAfter = 2 * timeout;
const goroot = spawnSync("go", ["env", "GOROOT"], { encoding: "utf8" }).stdout.trim();
const goVersion = spawnSync("go", ["env", "GOVERSION"], { encoding: "utf8" }).stdout.trim();
// Each row names the commit it was measured at: a table may merge runs of several commits.
const commit = spawnSync("git", ["rev-parse", "--short=7", "HEAD"], {
  cwd: root,
  encoding: "utf8",
}).stdout.trim();
const env = {
  ...process.env,
  ROG_BUILDDIR: process.env.ROG_BUILDDIR ?? join(tmpdir(), "rog-stdtest"),
};

/** reason is the first line saying why the package failed, GOROOT written as $GOROOT. */
function reason(built, out, err, status) {
  const lines = (built ? out : err + out)
    .split("\n")
    .map((l) => l.split(goroot).join("$GOROOT").trim())
    .filter((l) => l !== "");
  const pick = built
    ? lines.find((l) => /^(--- FAIL|panic:|fatal error:|FAIL\t)/.test(l))
    : (lines.find((l) => /error:|not supported yet/.test(l) && !/^(clang|prlimit)\b/.test(l)) ??
      lines.find((l) => !/^FAIL\b/.test(l)));
  // The test binary's own timeout names the tests it was running on the lines after the panic.
  if (pick && /^panic: test timed out/.test(pick)) {
    const at = lines.indexOf("running tests:");
    if (at >= 0 && lines[at + 1]) return `${pick}, running ${lines[at + 1]}`;
  }
  if (pick) return pick;
  return status === null
    ? `killed after ${killAfter / 1000} s of build and run`
    : `exit status ${status}`;
}

/** write saves the table so far (after every package, so an interrupted run keeps its rows). */
function write() {
  const all = [...rows.values()].sort((a, b) => (a.package < b.package ? -1 : 1));
  const core = all.filter((r) => DEFAULT_PACKAGES.includes(r.package));
  const summary = {
    goVersion,
    tried: all.length,
    builds: all.filter((r) => r.builds).length,
    passed: all.filter((r) => r.passes).length,
    // issue 7's acceptance 3: the 27 packages of DEFAULT_PACKAGES.
    coreTried: core.length,
    corePassed: core.filter((r) => r.passes).length,
    commits: [...new Set(all.map((r) => r.commit ?? "?"))].sort(),
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(jsonPath, JSON.stringify({ summary, packages: all }, null, 2) + "\n");
  const md = [
    "<!-- Generated by `node conformance/stdtest.mjs`: do not edit. -->",
    "",
    `\`rog test\` on standard-library packages (${goVersion}): ${summary.passed} of ` +
      `${summary.tried} pass, ${summary.builds} build; ${summary.corePassed} of the ` +
      `${summary.coreTried} of issue 7's acceptance 3 pass.`,
    "",
    "| package | builds | tests pass | commit | reason |",
    "| --- | --- | --- | --- | --- |",
    ...all.map(
      (r) =>
        `| ${r.package} | ${r.builds ? "yes" : "no"} | ${r.passes ? "yes" : "no"} | ` +
        `${r.commit ?? "?"} | ${r.reason.replace(/\|/g, "\\|")} |`,
    ),
  ];
  writeFileSync(mdPath, md.join("\n") + "\n");
  return summary;
}

for (const pkg of packages) {
  const start = Date.now();
  const args = ["test", "-timeout", `${timeout / 1000}s`, pkg];
  const r = spawnSync("nice", ["-n", "10", "node", join(root, "bin/rog.js"), ...args], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: killAfter,
    maxBuffer: 64 << 20,
  });
  const out = r.stdout ?? "";
  const err = r.stderr ?? "";
  // Killed at killAfter (rog may still exit with a status of its own on the signal).
  const killed = r.error?.code === "ETIMEDOUT";
  const status = killed ? null : r.status;
  const built = status !== null && !out.includes(`FAIL\t${pkg} [build failed]`);
  const passes = status === 0 && out.includes(`ok  \t${pkg}\t`);
  // An overlay package's directory (runtime-rs/overlay) holds no GOROOT tests, unless its
  // entry in rules/src/overlay.ts takes GOROOT's (reflect).
  const noTests = out.includes(`?   \t${pkg}\t[no test files]`);
  const row = {
    package: pkg,
    commit,
    builds: built && !noTests,
    passes,
    reason: passes
      ? ""
      : noTests
        ? "no test files in the directory rog builds it from (rog's overlay replaces the " +
          "package and does not take GOROOT's tests)"
        : reason(built, out, err, status),
  };
  rows.set(pkg, row);
  const secs = ((Date.now() - start) / 1000).toFixed(0);
  write();
  console.log(
    `${pkg}\t${passes ? "pass" : built ? "fail" : "build failed"}\t${secs}s\t${row.reason}`,
  );
}

const summary = write();
console.log(`stdtest: ${summary.passed} of ${summary.tried} pass, ${summary.builds} build`);
