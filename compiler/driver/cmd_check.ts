// `rog check [--limit] [--time] [packages|files]`: parse and type-check packages, printing type
// errors the way gc does. Every error is reported, as gc's -e does (a checker's user wants the
// whole list); --limit stops each package at gc's ten, as `go build` does. Dependencies are checked from source in dependency order (each one
// sees only its imports' checked packages, as the per-package check action will); only
// packages with errors print anything.

import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatDiagnostic, sortDiagnostics, UsageError, type Diagnostic } from "../diag.js";
import { parseFile } from "../syntax/parser.js";
import { SourceFile } from "../syntax/source.js";
import type * as ast from "../syntax/ast.js";
import { checkPackage, readExportData, writeExportData, type Package } from "../types/index.js";
import { loadPackages, type Package as LoadedPackage } from "../../rules/src/loader.js";
import * as tc from "../../toolchains/toolchain.js";
import { defaultContext } from "../../rules/src/constraint.js";
import type { Command } from "./main.js";

/** MAX_ERRORS is gc's per-package limit before "too many errors". */
const MAX_ERRORS = 10;

export const command: Command = {
  summary: "type-check packages (type errors only)",
  async run(args) {
    let all = true;
    let time = false;
    let verbose = false;
    let viaExport = false;
    const patterns: string[] = [];
    const tags: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === "-tags" || a === "--tags")
        tags.push(...(args[++i] ?? "").split(",").filter(Boolean));
      else if (a.startsWith("-tags=")) tags.push(...a.slice(6).split(",").filter(Boolean));
      else if (a === "-e") all = true;
      else if (a === "--limit" || a === "-limit") all = false;
      else if (a === "--time" || a === "-time") time = true;
      else if (a === "--export") viaExport = true;
      else if (a === "-v") verbose = true;
      else if (a.startsWith("-")) throw new UsageError(`rog check: unknown flag ${a}`);
      else patterns.push(a);
    }
    const cwd = process.cwd();
    const root = tc.goroot();
    const t0 = performance.now();
    const minor = parseInt(/^go1\.(\d+)/.exec(root.version)?.[1] ?? "26", 10);
    const context = tags.length > 0 ? defaultContext(minor, tags) : undefined;
    const graph = loadPackages(patterns, {
      cwd,
      goroot: root.goroot,
      gorootVersion: root.version,
      context,
    });
    const t1 = performance.now();
    const session = new CheckSession({ all, verbose, viaExport });
    const { out, failed, parseMs, checkMs } = session.checkGraph(graph.packages, cwd);
    if (out.length > 0) process.stderr.write(out.join("\n") + "\n");
    if (time) {
      const ms = (x: number) => `${Math.round(x)} ms`;
      process.stderr.write(
        `load ${ms(t1 - t0)}, parse ${ms(parseMs)}, check ${ms(checkMs)}, ` +
          `${graph.packages.length} packages\n`,
      );
    }
    return failed ? 1 : 0;
  },
};

/** CheckSession checks package graphs, keeping checked packages for later graphs. */
export class CheckSession {
  readonly checked = new Map<string, Package>();
  private readonly keys = new Map<string, string>();
  private readonly cache = new ExportCache();
  private readonly importer = (ip: string) => this.checked.get(ip) ?? null;

  constructor(private readonly opts: { all: boolean; verbose: boolean; viaExport: boolean }) {}

  /** checkGraph checks packages (dependencies first) and returns the diagnostics to print. */
  checkGraph(
    packages: LoadedPackage[],
    cwd: string,
  ): { out: string[]; failed: boolean; parseMs: number; checkMs: number } {
    let failed = false;
    let parseMs = 0;
    let checkMs = 0;
    const out: string[] = [];
    for (const lp of packages) {
      if (this.checked.has(lp.importPath)) continue;
      const p0 = performance.now();
      // Standard-library packages that checked cleanly before are read from the this.cache.
      const key = lp.isStd ? this.cache.key(lp, this.keys) : "";
      if (key) {
        this.keys.set(lp.importPath, key);
        const data = this.cache.get(key);
        if (data) {
          this.checked.set(lp.importPath, readExportData(data, lp.importPath, this.importer));
          checkMs += performance.now() - p0;
          continue;
        }
      }
      const { files, diags: syntax } = parsePackage(lp, cwd, this.opts.all);
      const p1 = performance.now();
      parseMs += p1 - p0;
      // As in gc, only syntax errors proper stop type checking: the parser's other errors
      // (labels and branches, lexical errors, 3-index slices...) do not.
      let diags = syntax;
      if (!syntax.some((d) => d.message.startsWith("syntax error"))) {
        const pkgImporter = (ip: string) => this.importer(lp.importMap[ip] ?? ip);
        let res;
        try {
          res = checkPackage(lp.importPath, files, pkgImporter, {
            goVersion: lp.goVersion,
            std: lp.isStd,
            // Type errors only: a bodyless function is the build's concern (as with go vet).
            complete: false,
            parseErrors: syntax.length > 0,
          });
        } catch (e) {
          // A checker bug must not hide the other packages' results.
          const msg = `${lp.importPath}: internal compiler error: ${String(e)}`;
          out.push(msg);
          if (this.opts.verbose && e instanceof Error && e.stack) out.push(e.stack);
          failed = true;
          continue;
        }
        diags = [...syntax, ...res.diagnostics];
        let pkg = res.pkg;
        if (diags.length === 0 && (this.opts.viaExport || key)) {
          const data = writeExportData(pkg);
          if (key) this.cache.put(key, data);
          if (this.opts.viaExport) pkg = readExportData(data, lp.importPath, this.importer);
        }
        this.checked.set(lp.importPath, pkg);
      }
      checkMs += performance.now() - p1;
      if (diags.length > 0) {
        failed = true;
        out.push(`# ${lp.importPath}`);
        out.push(...formatLimited(diags, this.opts.all));
      }
    }
    return { out, failed, parseMs, checkMs };
  }
}

/**
 * formatLimited sorts diagnostics and drops duplicates. Without all it keeps gc's limit: gc
 * counts errors in the order it finds them (a repeat of the previous message on the same line
 * does not count), stops at the tenth (even when it is the last), prints those sorted, then
 * "pos: too many errors" at the tenth one's position.
 */
export function formatLimited(diags: Diagnostic[], all: boolean): string[] {
  let kept = diags;
  let last: Diagnostic | null = null;
  if (!all) {
    kept = [];
    let prevKey = "";
    for (const d of diags) {
      const key = `${d.file?.filename ?? ""}:${d.file?.position(d.offset).line ?? 0}:${d.message}`;
      if (key === prevKey) continue;
      prevKey = key;
      kept.push(d);
      if (kept.length === MAX_ERRORS) {
        last = d;
        break;
      }
    }
  }
  const lines: string[] = [];
  for (const d of sortDiagnostics(kept)) {
    const s = formatDiagnostic(d);
    if (lines[lines.length - 1] !== s) lines.push(s);
  }
  if (last)
    lines.push(
      formatDiagnostic({ file: last.file, offset: last.offset, message: "too many errors" }),
    );
  return lines;
}

function parsePackage(
  lp: LoadedPackage,
  cwd: string,
  all: boolean,
): { files: ast.File[]; diags: Diagnostic[] } {
  const files: ast.File[] = [];
  const diags: Diagnostic[] = [];
  for (const name of lp.goFiles) {
    const full = path.join(lp.dir, name);
    let shown = path.relative(cwd, full);
    if (shown.startsWith("..") || path.isAbsolute(shown)) shown = full;
    else if (!shown.includes("/")) shown = "./" + shown;
    const src = new SourceFile(shown, readFileSync(full));
    const r = parseFile(src, { allErrors: all });
    files.push(r.file);
    // The parser stops a file at gc's limit with its own "too many errors"; the limit is
    // applied once, over the whole package, when the diagnostics are printed.
    for (const d of r.diagnostics) if (d.message !== "too many errors") diags.push(d);
  }
  return { files, diags };
}

/**
 * ExportCache keeps the export data of standard-library packages between runs, keyed by the
 * checker's own code, the package's files and its dependencies' keys.
 */
class ExportCache {
  private readonly dir = path.join(tc.cacheDir(), "check");
  private readonly self = ExportCache.buildId();
  private readonly disabled = process.env.ROG_CHECK_CACHE === "off";

  private static buildId(): string {
    // The parser's code counts too: its diagnostics decide whether a package checks clean.
    const h = createHash("sha256");
    for (const part of ["syntax", "types"]) {
      const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", part);
      for (const f of readdirSync(dir).sort()) {
        if (f.endsWith(".js")) h.update(part + "/" + f).update(readFileSync(path.join(dir, f)));
      }
    }
    return h.digest("hex");
  }

  key(lp: LoadedPackage, keys: Map<string, string>): string {
    if (this.disabled) return "";
    const h = createHash("sha256");
    h.update(this.self).update(lp.importPath).update(lp.goVersion);
    for (const f of lp.goFiles) {
      const st = statSync(path.join(lp.dir, f));
      h.update(`${f}:${st.size}:${st.mtimeMs}`);
    }
    for (const dep of lp.imports) {
      const k = keys.get(dep);
      if (k === undefined && dep !== "unsafe" && dep !== "C") return "";
      h.update(k ?? dep);
    }
    return h.digest("hex");
  }

  get(key: string): Uint8Array | null {
    try {
      return readFileSync(path.join(this.dir, key + ".rogx"));
    } catch {
      return null;
    }
  }

  put(key: string, data: Uint8Array): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = path.join(this.dir, `${key}.${process.pid}.tmp`);
      writeFileSync(tmp, data);
      renameSync(tmp, path.join(this.dir, key + ".rogx"));
    } catch {
      // The cache is an optimisation only.
    }
  }
}
