// End-to-end: each testdata/run/NAME.go is checked, lowered, verified, optimised (verifying
// after every pass), round-tripped through pkg.mir, compiled, linked with the Rust runtime and
// run; its output must equal NAME.out (what `go run` printed).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildAndRun, haveRuntime } from "../../codegen/testutil.js";
import { optimize } from "../compile.js";
import { deserializeMir, serializeMir } from "../serialize.js";
import { verifyPackage } from "../verify.js";
import { compileFile } from "./frontend.js";

const DIR = join(import.meta.dirname, "..", "testdata", "run");
const only = process.env.ROG_RUN_ONLY;
const names = readdirSync(DIR)
  .filter((f) => f.endsWith(".go"))
  .map((f) => f.slice(0, -3))
  .filter((n) => !only || n === only);

describe.skipIf(!haveRuntime())("run", () => {
  for (const name of names) {
    it(name, () => {
      const pkg = compileFile(join(DIR, `${name}.go`));
      verifyPackage(pkg);
      const opt = optimize(deserializeMir(serializeMir(pkg)), new Map(), { verify: true });
      const r = buildAndRun([opt]);
      const want = readFileSync(join(DIR, `${name}.out`), "utf8");
      const status = existsSync(join(DIR, `${name}.status`))
        ? Number(readFileSync(join(DIR, `${name}.status`), "utf8"))
        : 0;
      expect(r.stdout + r.stderr).toBe(want);
      expect(r.status).toBe(status);
    });
  }
});
