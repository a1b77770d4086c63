// Syntax errors against gc: each testdata/errors/NAME.go has NAME.out holding what
// `go tool compile -p=p -e NAME.go` (Go 1.26) prints for it, and rog's parser must print the
// same lines: same positions, same words, same follow-up suppression.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../diag.js";
import { parseFile } from "./parser.js";
import { SourceFile } from "./source.js";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "testdata", "errors");
const cases = readdirSync(dir)
  .filter((n) => n.endsWith(".go"))
  .sort();

describe("syntax errors match gc", () => {
  it("has cases", () => {
    expect(cases.length).toBeGreaterThan(40);
  });
  for (const name of cases) {
    it(name, () => {
      const src = new SourceFile(name, readFileSync(path.join(dir, name)));
      const want = readFileSync(path.join(dir, name.replace(/\.go$/, ".out")), "utf8");
      const got = parseFile(src).diagnostics.map(formatDiagnostic);
      expect(got).toEqual(want.split("\n").filter((l) => l !== ""));
    });
  }
});
