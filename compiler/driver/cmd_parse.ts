// `rog parse [--stats] FILES|DIRS`: parse Go files and report syntax errors. Directories are
// walked recursively, skipping `testdata` directories and names starting with `.` or `_` (as
// the go command does) and files that do not end in `.go`. Large file sets are parsed by a
// few worker threads (this module is also the worker's entry point).

import { readdirSync, readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { formatDiagnostic, UsageError, UserError } from "../diag.js";
import { parseFile } from "../syntax/parser.js";
import { SourceFile } from "../syntax/source.js";
import type { Command } from "./main.js";

const usage = "usage: rog parse [--stats] files|dirs";

/** FileResult is what parsing one file yields: its diagnostics, formatted, and its line count. */
interface FileResult {
  lines: number;
  diagnostics: string[];
  /** error is set when the file could not be read. */
  error?: string;
}

// Below this many files, starting workers costs more than it saves.
const minFilesForWorkers = 200;
// Files handed to a worker at a time: small enough to balance, large enough to amortise.
const batchSize = 24;

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

    const found: string[] = [];
    for (const r of roots) collect(r, found);
    const files = found
      .map((f) => ({ path: f, name: displayName(f) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

    const start = performance.now();
    const workers = Math.min(availableParallelism(), 4);
    const results =
      files.length >= minFilesForWorkers && workers > 1
        ? await parseInWorkers(files, workers)
        : files.map((f) => parseOne(f.path, f.name));
    const ms = performance.now() - start;

    // Files in name order, each file's diagnostics in position order.
    let lines = 0;
    const out: string[] = [];
    for (const r of results) {
      if (r.error !== undefined) throw new UserError(`rog parse: ${r.error}`);
      lines += r.lines;
      out.push(...r.diagnostics);
    }
    if (out.length > 0) process.stderr.write(out.join("\n") + "\n");
    if (stats) {
      process.stdout.write(`${files.length} files, ${lines} lines, ${Math.round(ms)} ms\n`);
    }
    return out.length > 0 ? 1 : 0;
  },
};

function parseOne(file: string, name: string): FileResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { lines: 0, diagnostics: [], error: (e as Error).message };
  }
  const res = parseFile(new SourceFile(name, bytes));
  return { lines: countLines(bytes), diagnostics: res.diagnostics.map(formatDiagnostic) };
}

// parseInWorkers spreads the files over n worker threads, handing out batches on demand so
// that a thread that drew large files does not hold up the rest.
function parseInWorkers(files: { path: string; name: string }[], n: number): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  return new Promise((resolve, reject) => {
    let running = n;
    for (let k = 0; k < n; k++) {
      const w = new Worker(new URL(import.meta.url), { workerData: { rogParseWorker: true } });
      const feed = () => {
        if (next >= files.length) {
          void w.terminate();
          if (--running === 0) resolve(results);
          return;
        }
        const first = next;
        next = Math.min(files.length, next + batchSize);
        w.postMessage({ first, files: files.slice(first, next) });
      };
      w.on("message", (m: { first: number; results: FileResult[] }) => {
        m.results.forEach((r, i) => (results[m.first + i] = r));
        feed();
      });
      w.on("error", reject);
      feed();
    }
  });
}

// The worker side: parse each batch received and send back the results.
if (!isMainThread && (workerData as { rogParseWorker?: boolean } | null)?.rogParseWorker) {
  parentPort!.on("message", (m: { first: number; files: { path: string; name: string }[] }) => {
    const results = m.files.map((f) => parseOne(f.path, f.name));
    parentPort!.postMessage({ first: m.first, results });
  });
}

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
