// Runs the checker over testdata/check/*.go: every `// ERROR "regexp"` comment must be matched
// by a diagnostic on its line, and every diagnostic must be expected (the $GOROOT/test
// convention, without the 10-error limit).

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseFile } from "../syntax/parser.js";
import { SourceFile } from "../syntax/source.js";
import { checkPackage } from "./index.js";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "testdata", "check");

/** wanted extracts the ERROR expectations: line number to list of regexps. */
function wanted(text: string): Map<number, RegExp[]> {
  const out = new Map<number, RegExp[]>();
  text.split("\n").forEach((line, i) => {
    const m = /\/\/ ERROR (.*)$/.exec(line);
    if (!m) return;
    const res: RegExp[] = [];
    const q = /"((?:[^"\\]|\\.)*)"|`([^`]*)`/g;
    for (let r; (r = q.exec(m[1]));) res.push(new RegExp(r[1] ?? r[2]));
    out.set(i + 1, res);
  });
  return out;
}

describe("checker testdata", () => {
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".go"))
    .sort()) {
    it(name, () => {
      const text = readFileSync(path.join(dir, name), "utf8");
      const src = SourceFile.fromString(name, text);
      const { file, diagnostics: syntax } = parseFile(src);
      const res = checkPackage("p", [file], () => null, {
        goVersion: "go1.26",
        std: false,
        parseErrors: syntax.length > 0,
      });
      // The parser reports label and branch errors; they count like the checker's.
      const diagnostics = [...syntax, ...res.diagnostics];
      const got = new Map<number, string[]>();
      for (const d of diagnostics) {
        const line = src.position(d.offset).line;
        got.set(line, [...(got.get(line) ?? []), d.message]);
      }
      const problems: string[] = [];
      for (const [line, res] of wanted(text)) {
        const msgs = got.get(line) ?? [];
        got.delete(line);
        for (const re of res) {
          if (!msgs.some((m) => re.test(m)))
            problems.push(`${name}:${line}: no match for ${re} in ${JSON.stringify(msgs)}`);
        }
      }
      for (const [line, msgs] of got)
        problems.push(`${name}:${line}: unexpected ${JSON.stringify(msgs)}`);
      expect(problems).toEqual([]);
    });
  }
});
