// `rog parse [--stats] FILES|DIRS`: parse Go files and report syntax errors. Directories are
// walked recursively, skipping `testdata` directories (as the go command does) and files
// that do not end in `.go`.

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { formatDiagnostic, UsageError, UserError, type Diagnostic } from "../diag.js";
import { parseFile } from "../syntax/parser.js";
import { SourceFile } from "../syntax/source.js";
import type { Command } from "./main.js";

export const command: Command = {
  summary: "parse Go files and report syntax errors",
  async run(args) {
    let stats = false;
    const roots: string[] = [];
    for (const a of args) {
      if (a === "--stats" || a === "-stats") stats = true;
      else if (a === "--") continue;
      else if (a.startsWith("-")) throw new UsageError(`rog parse: unknown flag ${a}`);
      else roots.push(a);
    }
    if (roots.length === 0) throw new UsageError("usage: rog parse [--stats] files|dirs");

    const files: string[] = [];
    for (const r of roots) collect(r, files, true);

    const start = performance.now();
    let lines = 0;
    const diags: Diagnostic[] = [];
    for (const f of files) {
      const src = new SourceFile(displayName(f), readFileSync(f));
      const res = parseFile(src);
      if (stats) lines += countLines(src.bytes);
      diags.push(...res.diagnostics);
    }
    const ms = performance.now() - start;

    // Diagnostics come out per file in position order; files are sorted by name.
    if (diags.length > 0) process.stderr.write(diags.map(formatDiagnostic).join("\n") + "\n");
    if (stats)
      process.stdout.write(`${files.length} files, ${lines} lines, ${Math.round(ms)} ms\n`);
    return diags.length > 0 ? 1 : 0;
  },
};

function collect(p: string, out: string[], explicit: boolean): void {
  let st;
  try {
    st = statSync(p);
  } catch {
    throw new UserError(`rog parse: cannot read ${p}: no such file or directory`);
  }
  if (st.isDirectory()) {
    const names = readdirSync(p).sort();
    for (const n of names) {
      const child = path.join(p, n);
      let cst;
      try {
        cst = statSync(child);
      } catch {
        continue; // dangling symlink
      }
      if (cst.isDirectory()) {
        if (n === "testdata" || n.startsWith(".") || n.startsWith("_")) continue;
        collect(child, out, false);
      } else if (n.endsWith(".go") && !n.startsWith(".") && !n.startsWith("_")) out.push(child);
    }
  } else if (explicit || p.endsWith(".go")) out.push(p);
}

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
