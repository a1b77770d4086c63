// Robustness of the checker on broken input (issue 4, acceptance 5): programs from the Go test
// suite and the checker's testdata, mutated token by token, go through the parser and then the
// checker, which must end in diagnostics, never an exception. Trees with syntax errors are
// checked too (rog check stops before them, but the checker must not depend on that).
//
// ROG_FUZZ_N sets the number of inputs (300 by default) and ROG_FUZZ_SEED the seed.
//
// TODO(syntax): use the parser's own mutator (compiler/syntax/fuzz.test.ts) once it is exported
// from a non-test module; until then this file mutates whole tokens with its own scheme.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseFile } from "../syntax/parser.js";
import { Scanner } from "../syntax/scanner.js";
import { SourceFile } from "../syntax/source.js";
import { Tok } from "../syntax/tokens.js";
import { checkPackage } from "./index.js";

const count = Number(process.env.ROG_FUZZ_N ?? 300);
const seed = Number(process.env.ROG_FUZZ_SEED ?? 4);

/** seeds picks small files of $GOROOT/test and the checker's testdata, the same every run. */
function seeds(): Uint8Array[] {
  const goroot =
    process.env.ROG_GOROOT ?? execFileSync("go", ["env", "GOROOT"], { encoding: "utf8" }).trim();
  const dirs = [
    path.join(goroot, "test"),
    path.join(goroot, "test", "typeparam"),
    path.join(path.dirname(fileURLToPath(import.meta.url)), "testdata", "check"),
  ];
  const out: Uint8Array[] = [];
  for (const dir of dirs) {
    const names = readdirSync(dir)
      .filter((n) => n.endsWith(".go"))
      .sort();
    const step = Math.max(1, Math.floor(names.length / 40));
    for (let i = 0; i < names.length; i += step) {
      const p = path.join(dir, names[i]);
      if (statSync(p).size < 30_000) out.push(readFileSync(p));
    }
  }
  return out;
}

/** xorshift32, a deterministic generator in [0, 1). */
function random(s: number): () => number {
  let x = s >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** tokens lists [start, end) of src's tokens, automatic semicolons left out. */
function tokens(src: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  const s = new Scanner(src, () => {});
  for (s.next(); s.tok !== Tok.EOF; s.next()) if (s.end > s.pos) out.push([s.pos, s.end]);
  return out;
}

/**
 * mutant applies one to three whole-token edits: drop a token, copy a token over another,
 * swap two neighbours, or cut the file after a token. Token-level edits keep most of the file
 * parseable, so the checker sees many nearly valid programs.
 */
function mutant(src: Uint8Array, toks: [number, number][], r: () => number): Uint8Array {
  const pieces = toks.map(([a, b], i) => ({
    text: src.subarray(a, b),
    gap: src.subarray(b, i + 1 < toks.length ? toks[i + 1][0] : src.length),
  }));
  const head = src.subarray(0, toks[0]?.[0] ?? src.length);
  const pick = () => Math.floor(r() * pieces.length);
  const edits = 1 + Math.floor(r() * 3);
  for (let k = 0; k < edits && pieces.length > 1; k++) {
    const i = pick();
    const op = Math.floor(r() * 4);
    if (op === 0) pieces[i].text = new Uint8Array(0);
    else if (op === 1) pieces[i].text = pieces[pick()].text;
    else if (op === 2 && i + 1 < pieces.length) {
      const t = pieces[i].text;
      pieces[i].text = pieces[i + 1].text;
      pieces[i + 1].text = t;
    } else if (op === 3) pieces.length = i + 1;
  }
  const parts = [head, ...pieces.flatMap((p) => [p.text, p.gap])];
  return Buffer.concat(parts.map((p) => Buffer.from(p)));
}

describe("checker fuzz", () => {
  it(`survives ${count} mutated programs`, () => {
    const files = seeds();
    const toks = files.map(tokens);
    const r = random(seed);
    for (let n = 0; n < count; n++) {
      const k = Math.floor(r() * files.length);
      const input = mutant(files[k], toks[k], r);
      const { file } = parseFile(new SourceFile(`fuzz${n}.go`, input));
      let res;
      try {
        res = checkPackage("p", [file], () => null, { goVersion: "go1.26", std: false });
      } catch (e) {
        const b64 = Buffer.from(input).toString("base64");
        throw new Error(`input ${n} (seed ${seed}) threw ${String(e)}\n${b64.slice(0, 4000)}`);
      }
      for (const d of res.diagnostics) {
        expect(d.offset).toBeGreaterThanOrEqual(0);
        expect(d.message.length).toBeGreaterThan(0);
      }
    }
  });
});
