// Builds every example (a directory under examples/ with an expected.out, or a main package
// with one inside a module there, like monorepo/cmd/app) with `go build` and
// with rog, runs it, and compares its merged stdout and stderr with the expected output.
// Benchmarks run at their quick size (expected.quick.out) unless ROG_EXAMPLES_FULL=1.
// Examples listed in examples/rog-pending.txt must still fail with rog; all others must pass.

import { afterAll, describe, expect, test } from "vitest";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
// @ts-expect-error: lib.mjs is plain JavaScript shared with the bench scripts.
import * as lib from "./lib.mjs";

type Example = {
  name: string;
  dir: string;
  size: { file: string; full: number; quick: number } | null;
};
type Outcome = { ok: boolean; why: string };

const variant = process.env.ROG_EXAMPLES_FULL === "1" ? "full" : "quick";
const examples: Example[] = lib.listExamples();
const pending: Map<string, string> = lib.readPending();
const scratch: string = lib.makeTemp("examples-test");

// A hung build or program fails its test instead of stalling the suite; the test's own limit
// leaves room for both. The first build that imports fmt compiles some 45 std packages on an
// empty cache (minutes on a loaded 2-core machine); later builds take them from the cache.
const buildTimeoutMs = 900_000;
const runTimeoutMs = 60_000;
const testTimeoutMs = buildTimeoutMs + runTimeoutMs + 30_000;

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** expected returns the expected output of the example at the size this run uses. */
function expected(ex: Example): string {
  return readFileSync(lib.expectedFile(ex, ex.size ? variant : "full"), "utf8");
}

/** buildAndRun builds the example with one compiler, runs it, and says whether it passed. */
async function buildAndRun(compiler: string, ex: Example): Promise<Outcome> {
  const label = `${compiler}-${ex.name.replaceAll("/", "-")}`;
  const src = lib.makeVariant(ex, variant, join(scratch, label));
  const exe = join(scratch, `${label}.exe`);
  // -trimpath keeps the temporary directory out of go's cache keys, so reruns hit the cache.
  const b = await lib.build(compiler, src, exe, {
    goFlags: ["-trimpath"],
    pkg: ex.pkg,
    timeoutMs: buildTimeoutMs,
  });
  if (!b.ok) return { ok: false, why: `build failed: ${b.error}` };
  const r = await lib.run(exe, [], { timeoutMs: runTimeoutMs });
  if (r.signal === "SIGKILL") return { ok: false, why: `timed out after ${runTimeoutMs / 1000} s` };
  if (r.code !== 0) return { ok: false, why: `exit status ${r.code}:\n${r.output}` };
  const want = expected(ex);
  if (r.output !== want) return { ok: false, why: `output differs:\n${r.output}\nwant:\n${want}` };
  return { ok: true, why: "" };
}

test("the rog-pending list names only existing examples", () => {
  const names = new Set(examples.map((e) => e.name));
  for (const name of pending.keys())
    expect(names.has(name), `${name} in rog-pending.txt`).toBe(true);
});

test("every benchmark has its quick expected output", () => {
  for (const ex of examples.filter((e) => e.size)) {
    expect(existsSync(lib.expectedFile(ex, "quick")), `${ex.name}/expected.quick.out`).toBe(true);
  }
});

describe.each(examples)("$name", (ex) => {
  test("go build", { timeout: testTimeoutMs }, async () => {
    const r = await buildAndRun("gc", ex);
    expect(r.ok, r.why).toBe(true);
  });

  const reason = pending.get(ex.name);
  if (reason === undefined) {
    test("rog", { timeout: testTimeoutMs }, async () => {
      const r = await buildAndRun("rog", ex);
      expect(r.ok, r.why).toBe(true);
    });
  } else {
    test(`rog still fails (pending: ${reason})`, { timeout: testTimeoutMs }, async () => {
      const r = await buildAndRun("rog", ex);
      expect(r.ok, `rog now passes ${ex.name}: remove it from examples/rog-pending.txt`).toBe(
        false,
      );
    });
  }
});
