// The committed conformance figures must agree with each other: every failing test of a suite's
// results is in its expected-failures file with the same status, nothing passing is listed, and
// the README's table is what conformance/readme.mjs writes. CI does not run the suite itself (it
// takes over an hour on the shared machine); conformance/run.mjs does, and writes both files.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
// @ts-expect-error: expected.mjs is plain JavaScript shared with the conformance scripts.
import { readExpected } from "./expected.mjs";

const dir = import.meta.dirname;
const suites = readdirSync(join(dir, "results"))
  .filter((f) => /^[a-z]+\.json$/.test(f) && f !== "stdtest.json")
  .map((f) => f.slice(0, -5));

interface Result {
  summary: { total: number; passed: number; failed: number };
  tests: { name: string; status: string; reason: string }[];
}

test.each(suites)("%s: results and expected failures agree", (suite) => {
  const r = JSON.parse(readFileSync(join(dir, "results", `${suite}.json`), "utf8")) as Result;
  const file = join(dir, "expected-failures", `${suite}.txt`);
  expect(existsSync(file), file).toBe(true);
  const expected = readExpected(file) as Map<string, string>;

  const failing = r.tests.filter((t) => t.status !== "pass");
  expect(r.summary.total).toBe(r.tests.length);
  expect(r.summary.failed).toBe(failing.length);
  expect(r.summary.passed).toBe(r.tests.length - failing.length);
  expect([...expected.keys()].sort()).toEqual(failing.map((t) => t.name).sort());
  for (const t of failing) expect(expected.get(t.name)).toMatch(new RegExp(`^${t.status}:`));
});

test("README.md's conformance table matches conformance/results", () => {
  execFileSync("node", [join(dir, "readme.mjs"), "--check"], { stdio: "pipe" });
});

test("stdtest.json's counts are its rows' (conformance/stdtest.mjs)", () => {
  const file = join(dir, "results", "stdtest.json");
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, "utf8")) as {
    summary: { tried: number; builds: number; passed: number };
    packages: { package: string; builds: boolean; passes: boolean; reason: string }[];
  };
  expect(r.summary.tried).toBe(r.packages.length);
  expect(r.summary.builds).toBe(r.packages.filter((p) => p.builds).length);
  expect(r.summary.passed).toBe(r.packages.filter((p) => p.passes).length);
  for (const p of r.packages) expect(p.passes || p.reason !== "", p.package).toBe(true);
});
