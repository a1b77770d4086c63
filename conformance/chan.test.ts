// Runs the Go project's channel tests ($GOROOT/test/chan, issue 6's acceptance 2) through the
// shared harness with this checkout's rog as the compiler: all 17 must build, run and print
// what gc's do. Builds get 60 s instead of the harness's 10, as conformance/run.mjs gives them:
// other test files build programs at the same time on a small machine.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const harness = process.env.ROG_GOTEST ?? join(root, "..", "shared", "tools", "gotest.mjs");

it.skipIf(!existsSync(harness))("test/chan: every test passes", { timeout: 600_000 }, () => {
  const compiler = `node ${join(root, "bin/rog.js")} build -o {out} {src}`;
  const args = [harness, "--mode", "run", "--dirs", "chan", "--compiler", compiler];
  const r = spawnSync("node", [...args, "--build-timeout", "60"], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  const last = r.stdout.trim().split("\n").pop();
  expect(last, r.stdout).toBe("17 passed, 0 failed, 0 skipped");
});
