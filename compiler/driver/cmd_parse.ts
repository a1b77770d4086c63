// `rog parse [--stats] FILES|DIRS`: parse Go files and report syntax errors. Directories are
// walked recursively, skipping `testdata` directories and names starting with `.` or `_` (as
// the go command does) and files that do not end in `.go`.

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { formatDiagnostic, UsageError, UserError } from "../diag.js";
import { parseFile } from "../syntax/parser.js";
import { SourceFile } from "../syntax/source.js";
import type { Command } from "./main.js";

const usage = "usage: rog parse [--stats] files|dirs";

export const command: Command = {
  summary: "parse Go files and report syntax errors",
  async run(args) {
    let stats = false;
    const roots: string[] = [];
    for (const a of args) {
      if (a === "--stats" || a === "-stats") stats = true;
      else if (a === "-h" || a === "--help" || a === "-help") {
        process.stdout.write(usage + "\n");
        return 0;
      } else if (a.startsWith("-")) throw new UsageError(`rog parse: unknown flag ${a} (${usage})`);
      else roots.push(a);
    }
    if (roots.length === 0) throw new UsageError(usage);

    const files: string[] = [];
    for (const r of roots) collect(r, files);
    const names = files.map(displayName);
    const order = names
      .map((_, i) => i)
      .sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));

    const start = performance.now();
    let lines = 0;
    const out: string[] = [];
    for (const i of order) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(files[i]);
      } catch (e) {
        throw new UserError(`rog parse: ${(e as Error).message}`);
      }
      const res = parseFile(new SourceFile(names[i], bytes));
      if (stats) lines += countLines(bytes);
      for (const d of res.diagnostics) out.push(formatDiagnostic(d));
    }
    const ms = performance.now() - start;

    // Files in name order, each file's diagnostics in position order.
    if (out.length > 0) process.stderr.write(out.join("\n") + "\n");
    if (stats)
      process.stdout.write(`${files.length} files, ${lines} lines, ${Math.round(ms)} ms\n`);
    return out.length > 0 ? 1 : 0;
  },
};

// collect adds the Go files named by p: p itself if it is a file, or the .go files below it.
function collect(p: string, out: string[]): void {
  let st;
  try {
    st = statSync(p);
  } catch {
    throw new UserError(`rog parse: ${p}: no such file or directory`);
  }
  if (st.isDirectory()) walk(p, out);
  else out.push(p);
}

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  );
  for (const e of entries) {
    const n = e.name;
    if (n.startsWith(".") || n.startsWith("_")) continue;
    const child = path.join(dir, n);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const st = statSync(child, { throwIfNoEntry: false });
      if (st === undefined) continue; // dangling link
      isDir = st.isDirectory();
      isFile = st.isFile();
    }
    if (isDir) {
      if (n !== "testdata") walk(child, out);
    } else if (isFile && n.endsWith(".go")) out.push(child);
  }
}

// displayName is the path shown in diagnostics: relative to the working directory when the
// file lies below it, as given otherwise.
function displayName(f: string): string {
  const rel = path.relative(process.cwd(), f);
  return rel.startsWith("..") || path.isAbsolute(rel) ? f : rel;
}

function countLines(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 10) n++;
  if (b.length > 0 && b[b.length - 1] !== 10) n++;
  return n;
}
