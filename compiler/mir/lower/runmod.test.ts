// End-to-end through the whole build: each testdata/runmod/NAME is a module of several files
// and packages (what testdata/run's single files cannot show, such as two packages spelling a
// type alike); `rog build` builds a copy of it and the program must print expected.out (what
// `go run .` printed) and exit 0.

import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { haveRuntime } from "../../codegen/testutil.js";

const DIR = join(import.meta.dirname, "..", "testdata", "runmod");
const ROG = join(import.meta.dirname, "..", "..", "..", "bin", "rog.js");
const scratch = mkdtempSync(join(tmpdir(), "rog-runmod-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!haveRuntime())("runmod", () => {
  for (const name of readdirSync(DIR)) {
    it(name, () => {
      const mod = join(scratch, name);
      cpSync(join(DIR, name), mod, { recursive: true });
      const exe = join(scratch, `${name}.exe`);
      const env = { ...process.env, ROG_BUILDDIR: join(scratch, `${name}.build`) };
      const b = spawnSync(process.execPath, [ROG, "build", "-o", exe, "."], {
        cwd: mod,
        env,
        encoding: "utf8",
      });
      expect(b.stderr + b.stdout).toBe("");
      expect(b.status).toBe(0);
      const r = spawnSync(exe, [], { encoding: "utf8" });
      expect(r.stdout + r.stderr).toBe(readFileSync(join(DIR, name, "expected.out"), "utf8"));
      expect(r.status).toBe(0);
    });
  }
});
