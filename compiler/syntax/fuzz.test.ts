// Robustness of the front end on broken input: real Go files from GOROOT, mutated by byte
// flips, truncation, token deletion and duplication, must each end in a tree or positioned
// diagnostics within a second, never an exception or a hang. When a mutant still parses
// cleanly, the printer's round trip must hold for it too.
//
// ROG_FUZZ_N sets the number of inputs (300 by default; 10000 for the full run) and
// ROG_FUZZ_SEED the random seed.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { treeDiff } from "./compare.js";
import { parseFile } from "./parser.js";
import { printFile } from "./printer.js";
import { Scanner } from "./scanner.js";
import { SourceFile } from "./source.js";
import { Tok } from "./tokens.js";

const count = Number(process.env.ROG_FUZZ_N ?? 300);
const seed = Number(process.env.ROG_FUZZ_SEED ?? 20260101);

function goroot(): string {
  return (
    process.env.ROG_GOROOT ?? execFileSync("go", ["env", "GOROOT"], { encoding: "utf8" }).trim()
  );
}

// corpus picks a spread of small and medium files from GOROOT/src, the same on every run.
function corpus(): Uint8Array[] {
  const all: string[] = [];
  const visit = (dir: string) => {
    for (const n of readdirSync(dir).sort()) {
      const p = path.join(dir, n);
      const st = statSync(p, { throwIfNoEntry: false });
      if (st === undefined) continue;
      if (st.isDirectory()) {
        if (n !== "testdata") visit(p);
      } else if (n.endsWith(".go") && st.size < 40_000) all.push(p);
    }
  };
  visit(path.join(goroot(), "src"));
  const step = Math.max(1, Math.floor(all.length / 60));
  const picked: Uint8Array[] = [];
  for (let i = 0; i < all.length; i += step) picked.push(readFileSync(all[i]));
  return picked;
}

// mulberry32: a small deterministic PRNG.
function rng(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** tokenSpans lists [start, end) of the tokens of src (semicolons excluded). */
function tokenSpans(src: Uint8Array): [number, number][] {
  const spans: [number, number][] = [];
  const s = new Scanner(src, () => {});
  for (s.next(); s.tok !== Tok.EOF && spans.length < 200_000; s.next()) {
    if (s.tok !== Tok.Semi) spans.push([s.pos, s.end]);
  }
  return spans;
}

const interesting = [..."(){}[],;:.=+-*/<>!&|^~\"'`\n\t _0a9xé\u0000"].map(
  (c) => c.charCodeAt(0) & 0xff,
);

function mutate(src: Uint8Array, spans: [number, number][], r: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(r() * n);
  const out = Array.from(src);
  const rounds = 1 + pick(4);
  for (let k = 0; k < rounds && out.length > 0; k++) {
    const what = pick(5);
    if (what === 0) {
      // byte flip
      const i = pick(out.length);
      out[i] = r() < 0.5 ? interesting[pick(interesting.length)] : pick(256);
    } else if (what === 1) {
      // truncation
      out.length = pick(out.length);
    } else if (spans.length > 0) {
      const [a, b] = spans[pick(spans.length)];
      if (b > out.length) continue;
      if (what === 2)
        out.splice(a, b - a); // token deletion
      else if (what === 3)
        out.splice(b, 0, 32, ...out.slice(a, b)); // token duplication
      else out.splice(a, 0, interesting[pick(interesting.length)]); // insertion
    }
  }
  return Uint8Array.from(out);
}

describe("fuzz", () => {
  it(`survives ${count} mutated Go files`, () => {
    const files = corpus();
    const spans = files.map(tokenSpans);
    const r = rng(seed);
    let clean = 0;
    let slowest = 0;
    for (let n = 0; n < count; n++) {
      const k = Math.floor(r() * files.length);
      const input = mutate(files[k], spans[k], r);
      const name = `fuzz${n}.go`;
      // CPU time, not wall time: on a loaded machine a descheduled process is not a hang.
      const t0 = process.cpuUsage();
      let result;
      try {
        result = parseFile(new SourceFile(name, input));
      } catch (e) {
        const b64 = Buffer.from(input).toString("base64");
        throw new Error(`input ${n} (seed ${seed}) threw ${String(e)}\n${b64.slice(0, 2000)}`);
      }
      const used = process.cpuUsage(t0);
      const ms = (used.user + used.system) / 1000;
      slowest = Math.max(slowest, ms);
      expect(ms, `input ${n} took ${ms} ms`).toBeLessThan(1000);
      expect(result.file.kind).toBe("File");
      for (const d of result.diagnostics) {
        expect(d.offset).toBeGreaterThanOrEqual(0);
        expect(d.offset).toBeLessThanOrEqual(input.length);
        expect(d.message.length).toBeGreaterThan(0);
      }
      expect(result.diagnostics.length).toBeLessThanOrEqual(11);
      if (result.diagnostics.length === 0) {
        clean++;
        const again = parseFile(SourceFile.fromString(name, printFile(result.file)));
        expect(
          again.diagnostics.map((d) => d.message),
          `input ${n} printed`,
        ).toEqual([]);
        expect(treeDiff(result.file, again.file), `input ${n} round trip`).toBeNull();
      }
    }
    // The mutations must mostly break files, or the test is not testing recovery.
    expect(clean).toBeLessThan(count);
    if (process.env.ROG_FUZZ_N)
      console.log(`fuzz: ${count} inputs, ${clean} still valid, slowest ${slowest.toFixed(1)} ms`);
  });
});
