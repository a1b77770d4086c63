// `rog check [-e] [--time] [packages|files]`: parse and type-check packages, printing type
// errors the way gc does. Dependencies are checked from source in dependency order (each one
// sees only its imports' checked packages, as the per-package check action will); only
// packages with errors print anything.

import { readFileSync } from "node:fs";
import path from "node:path";
import { formatDiagnostic, sortDiagnostics, UsageError, type Diagnostic } from "../diag.js";
import { parseFile } from "../syntax/parser.js";
import { SourceFile } from "../syntax/source.js";
import type * as ast from "../syntax/ast.js";
import { checkPackage, readExportData, writeExportData, type Package } from "../types/index.js";
import { loadPackages, type Package as LoadedPackage } from "../../rules/src/loader.js";
import * as tc from "../../toolchains/toolchain.js";
import type { Command } from "./main.js";

/** MAX_ERRORS is gc's per-package limit before "too many errors". */
const MAX_ERRORS = 10;

export const command: Command = {
  summary: "type-check packages (type errors only)",
  async run(args) {
    let all = false;
    let time = false;
    let viaExport = false;
    const patterns: string[] = [];
    for (const a of args) {
      if (a === "-e") all = true;
      else if (a === "--time" || a === "-time") time = true;
      else if (a === "--export") viaExport = true;
      else if (a === "-v") continue;
      else if (a.startsWith("-")) throw new UsageError(`rog check: unknown flag ${a}`);
      else patterns.push(a);
    }
    const cwd = process.cwd();
    const root = tc.goroot();
    const t0 = performance.now();
    const graph = loadPackages(patterns, { cwd, goroot: root.goroot, gorootVersion: root.version });
    const t1 = performance.now();
    const checked = new Map<string, Package>();
    let failed = false;
    let parseMs = 0;
    let checkMs = 0;
    const out: string[] = [];
    for (const lp of graph.packages) {
      const p0 = performance.now();
      const { files, diags: syntax } = parsePackage(lp, cwd);
      const p1 = performance.now();
      parseMs += p1 - p0;
      let diags = syntax;
      if (diags.length === 0) {
        const importer = (ip: string) => checked.get(lp.importMap[ip] ?? ip) ?? null;
        const res = checkPackage(lp.importPath, files, importer, {
          goVersion: lp.goVersion,
          std: lp.isStd,
        });
        diags = res.diagnostics;
        let pkg = res.pkg;
        if (viaExport && diags.length === 0) {
          pkg = readExportData(writeExportData(pkg), lp.importPath, importer);
        }
        checked.set(lp.importPath, pkg);
      }
      checkMs += performance.now() - p1;
      if (diags.length > 0) {
        failed = true;
        out.push(`# ${lp.importPath}`);
        out.push(...formatLimited(diags, all));
      }
    }
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

/** formatLimited sorts diagnostics, drops duplicates, and cuts them at gc's limit. */
export function formatLimited(diags: Diagnostic[], all: boolean): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const d of sortDiagnostics(diags)) {
    const s = formatDiagnostic(d);
    if (seen.has(s)) continue;
    seen.add(s);
    if (!all && lines.length === MAX_ERRORS) {
      lines.push("too many errors");
      break;
    }
    lines.push(s);
  }
  return lines;
}

function parsePackage(lp: LoadedPackage, cwd: string): { files: ast.File[]; diags: Diagnostic[] } {
  const files: ast.File[] = [];
  const diags: Diagnostic[] = [];
  for (const name of lp.goFiles) {
    const full = path.join(lp.dir, name);
    let shown = path.relative(cwd, full);
    if (shown.startsWith("..") || path.isAbsolute(shown)) shown = full;
    else if (!shown.includes("/")) shown = "./" + shown;
    const src = new SourceFile(shown, readFileSync(full));
    const r = parseFile(src);
    files.push(r.file);
    diags.push(...r.diagnostics);
  }
  return { files, diags };
}
