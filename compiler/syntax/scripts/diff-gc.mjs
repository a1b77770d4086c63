#!/usr/bin/env node
// Differential test of syntax errors against gc: mutates real Go files (as the fuzz test
// does), compiles each mutant with `go tool compile` and parses it with rog's compiled front
// end (dist/), and reports mutants where the parse-phase errors differ. gc's type-checking
// errors are ignored: only messages the parser can produce are compared.
//
//   node compiler/syntax/scripts/diff-gc.mjs [--n 200] [--seed 1] [--show 20]

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const { parseFile } = await import(path.join(root, "dist/compiler/syntax/parser.js"));
const { SourceFile } = await import(path.join(root, "dist/compiler/syntax/source.js"));
const { formatDiagnostic } = await import(path.join(root, "dist/compiler/diag.js"));
const { Scanner } = await import(path.join(root, "dist/compiler/syntax/scanner.js"));

const opts = { n: 200, seed: 1, show: 20 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) opts[argv[i].replace(/^--/, "")] = Number(argv[i + 1]);

// Messages of the parse phase: syntax errors, lexical errors, label/branch checks, //line.
const parsePhase = new RegExp(
  [
    "^syntax error",
    "rune literal",
    "literal has no digits",
    "in (octal|binary|decimal|hexadecimal) literal",
    "more than one character",
    "unknown escape",
    "in (octal|hexadecimal) escape",
    "escape value",
    "escape is invalid",
    "exponent",
    "mantissa",
    "must separate successive digits",
    "radix point",
    "not terminated",
    "newline in",
    "^invalid character",
    "identifier cannot begin",
    "invalid NUL",
    "invalid UTF-8",
    "invalid BOM",
    "^label ",
    "^goto ",
    "is not in a loop",
    "^break label",
    "^continue label",
    "^invalid (break|continue) label",
    "fallthrough",
    "^invalid (line|column) number",
    "must have no type parameters",
    "empty type (parameter|argument) list",
    "method has (no|multiple) receiver",
    "3-index slice",
    "can only use \\.\\.\\. with final parameter",
    "invalid use of \\.\\.\\.",
    "must not be parenthesized",
    "^too many errors",
  ].join("|"),
);

const goroot =
  process.env.ROG_GOROOT ?? execFileSync("go", ["env", "GOROOT"], { encoding: "utf8" }).trim();
const files = [];
(function visit(d) {
  for (const n of readdirSync(d).sort()) {
    const p = path.join(d, n);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st === undefined) continue;
    if (st.isDirectory()) {
      if (n !== "testdata") visit(p);
    } else if (n.endsWith(".go") && st.size < 20_000) files.push(p);
  }
})(path.join(goroot, "src"));

let s = opts.seed;
const rand = () => {
  s = (s + 0x6d2b79f5) | 0;
  let t = Math.imul(s ^ (s >>> 15), 1 | s);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (n) => Math.floor(rand() * n);
const chars = [..."(){}[],;:.=+-*/<>!&|^~\"'`\n\t _0a9x"].map((c) => c.charCodeAt(0));

const words = [
  "func",
  "if",
  "else",
  "for",
  "range",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ",",
  ";",
  ":",
  ":=",
  "=",
  "...",
  "<-",
  "chan",
  "map",
  "struct",
  "interface",
  "type",
  "var",
  "const",
  "go",
  "defer",
  "return",
  "case",
  "default",
  "switch",
  "select",
  "x",
  "1",
  '"s"',
  "*",
  "&",
  "|",
  "~",
  ".",
];

// tokenMutate deletes, duplicates or swaps whole tokens, or inserts a keyword or punctuation.
function tokenMutate(src) {
  const spans = [];
  const sc = new Scanner(src, () => {});
  for (sc.next(); sc.tok !== 1 && spans.length < 100000; sc.next())
    if (sc.end > sc.pos) spans.push([sc.pos, sc.end]);
  if (spans.length < 2) return src;
  const k = pick(spans.length - 1);
  const [a, b] = spans[k];
  const [c, d] = spans[k + 1];
  const text = Buffer.from(src);
  const w = Buffer.from(" " + words[pick(words.length)] + " ");
  switch (pick(4)) {
    case 0:
      return Buffer.concat([text.subarray(0, a), text.subarray(b)]);
    case 1:
      return Buffer.concat([
        text.subarray(0, b),
        Buffer.from(" "),
        text.subarray(a, b),
        text.subarray(b),
      ]);
    case 2:
      return Buffer.concat([
        text.subarray(0, a),
        text.subarray(c, d),
        text.subarray(b, c),
        text.subarray(a, b),
        text.subarray(d),
      ]);
    default:
      return Buffer.concat([text.subarray(0, a), w, text.subarray(a)]);
  }
}

function mutate(src) {
  if (pick(2) === 0) return tokenMutate(src);
  const out = Array.from(src);
  // Mutate near a random place in a line-oriented way: flip, delete or duplicate a few bytes.
  const rounds = 1 + pick(2);
  for (let k = 0; k < rounds; k++) {
    const i = pick(out.length);
    const what = pick(4);
    if (what === 0) out[i] = chars[pick(chars.length)];
    else if (what === 1) out.splice(i, 1 + pick(6));
    else if (what === 2) out.splice(i, 0, ...out.slice(i, i + 1 + pick(6)));
    else out.length = i;
  }
  return Uint8Array.from(out);
}

const dir = mkdtempSync(path.join(tmpdir(), "rog-diffgc-"));
const file = path.join(dir, "x.go");
let compared = 0;
let differ = 0;
let skipped = 0;
try {
  for (let n = 0; n < opts.n; n++) {
    const input = mutate(readFileSync(files[pick(files.length)]));
    writeFileSync(file, input);
    const gc = spawnSync("go", ["tool", "compile", "-p=p", "-o", path.join(dir, "x.o"), "x.go"], {
      cwd: dir,
      encoding: "utf8",
    });
    const errorLines = (text) =>
      text
        .trimEnd()
        .split(/\n(?=x\.go:\d)/)
        .filter((l) => /^x\.go:\d+(:\d+)?: /.test(l));
    const isParsePhase = (l) => parsePhase.test(l.replace(/^x\.go:\d+(:\d+)?: /, ""));
    const gcAll = errorLines(gc.stdout + gc.stderr);
    // When gc gave up after ten errors that include non-parse ones (unknown imports, bad
    // directives), its parse-phase errors are cut short: nothing to compare.
    if (
      gcAll.length > 0 &&
      gcAll[gcAll.length - 1].endsWith("too many errors") &&
      !gcAll.every(isParsePhase)
    ) {
      skipped++;
      continue;
    }
    const gcLines = gcAll.filter(isParsePhase);
    const rog = parseFile(new SourceFile("x.go", input)).diagnostics.map(formatDiagnostic);
    const rogLines = errorLines(rog.join("\n")).filter(isParsePhase);
    compared++;
    if (gcLines.join("\n") !== rogLines.join("\n")) {
      differ++;
      if (differ <= opts.show) {
        const copy = path.join(tmpdir(), `rog-diffgc-${opts.seed}-${n}.go`);
        writeFileSync(copy, input);
        console.log(
          `--- ${copy}\n gc: ${gcLines.join("\n     ")}\nrog: ${rogLines.join("\n     ")}`,
        );
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `${compared} mutants compared, ${differ} differ from gc (${skipped} skipped: gc stopped at ten errors)`,
);
