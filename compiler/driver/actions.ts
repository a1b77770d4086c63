// The compiler side of the four per-package actions (DESIGN.md §1): check, opt, codegen, link.
// These functions read only the files named in their requests and return the outputs as bytes
// (the link writes its executable to the path it is given); the action runner in
// `cmd_action.ts` writes outputs atomically, applies restat and consults the action cache.
// Errors in the user's program are thrown as DiagnosticsError.

import { decodeSummaries, encodeSummaries, type Summary } from "../mir/passes/escape.js";
import { decodeInline, newImported, splitEsc } from "../mir/passes/inline.js";
import { readFileSync } from "node:fs";
import { emitLLVM } from "../codegen/module.js";
import { compileToBitcode, link } from "../codegen/toolchain.js";
import { basename } from "node:path";
import { DiagnosticsError, sortDiagnostics, UserError, type Diagnostic } from "../diag.js";
import { lowerPackage } from "../mir/lower/package.js";
import type * as ast from "../syntax/ast.js";
import { parseFile } from "../syntax/parser.js";
import { SourceFile } from "../syntax/source.js";
import {
  checkPackage,
  readExportData,
  unsafePackage,
  writeExportData,
  type Importer,
  type Package,
} from "../types/index.js";
import { optimize } from "../mir/compile.js";
import { deserializeMir, serializeMir } from "../mir/serialize.js";
import { encodeBodies, type PackageSource } from "../mir/bodies.js";
import { instantiateExterns } from "../mir/lower/instantiate.js";
import { isGeneric } from "../mir/lower/package.js";

/** CheckRequest is one package's check: parse, type-check against deps' export data, lower to MIR. */
export interface CheckRequest {
  importPath: string;
  /** goVersion is the package's language version ("go1.22"), from go.mod or GOROOT. */
  goVersion: string;
  /** srcs are the package's Go files after build-constraint filtering, in the order to check. */
  srcs: string[];
  /** imports maps each directly imported package path to its .rogx file. */
  imports: Record<string, string>;
  /** std is true for GOROOT packages (they may use internal packages and linknames). */
  std: boolean;
  /** name is the package's name when srcs is empty (the package under test of a directory of tests only). */
  name?: string;
}

/** CheckResult holds the three outputs of check. */
export interface CheckResult {
  /** rogx is the export data: only the package's API, so body edits leave it byte-identical. */
  rogx: Uint8Array;
  /** rogb holds bodies dependents need later (generic and inlinable bodies). */
  rogb: Uint8Array;
  /** mir is the package's MIR before optimisation. */
  mir: Uint8Array;
}

/** OptRequest runs the MIR passes over one package. */
export interface OptRequest {
  importPath: string;
  mir: string;
  /** imports maps every dependency's import path (direct or not) to its .rogx file. */
  imports: Record<string, string>;
  /** bodies maps dependency import paths to their .rogb files (for cross-package inlining). */
  bodies: Record<string, string>;
  /** summaries maps dependency import paths to their .esc files (escape summaries). */
  summaries: Record<string, string>;
}

/** OptResult holds the two outputs of opt. */
export interface OptResult {
  /** mir is the optimised MIR, codegen's input. */
  mir: Uint8Array;
  /** esc holds the escape summaries of the package's functions, read by dependents' opt. */
  esc: Uint8Array;
}

/** CodegenRequest turns optimised MIR into ThinLTO bitcode. */
export interface CodegenRequest {
  importPath: string;
  mir: string;
  /** bodies maps dependency import paths to their .rogb files (generic instantiation). */
  bodies: Record<string, string>;
}

/** LinkRequest links a program: every package's bitcode, the Rust runtime, and the entry stub. */
export interface LinkRequest {
  /** out is the (temporary) path the executable is written to. */
  out: string;
  /** bitcode lists every package's .bc in dependency order, main last. */
  bitcode: string[];
  /** initOrder lists import paths in the order their initialisers run (dependency order). */
  initOrder: string[];
  /** runtime is the Rust runtime archive built with -C linker-plugin-lto. */
  runtime: string;
  /** thinltoCache is a directory for ThinLTO's cache, or "" for none. */
  thinltoCache: string;
}

/** runCheck runs the check action. */
export async function runCheck(r: CheckRequest): Promise<CheckResult> {
  // Files are parsed under their recorded name (import path + base name, as `go build
  // -trimpath` records them) so outputs do not depend on where the build runs; diagnostics
  // are shown under the name the user gave.
  const display = new Map<SourceFile, SourceFile>();
  const files: ast.File[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const src of r.srcs) {
    const bytes = readSource(src);
    const recorded = new SourceFile(`${r.importPath}/${basename(src)}`, bytes);
    display.set(recorded, new SourceFile(src, bytes));
    const parsed = parseFile(recorded);
    files.push(parsed.file);
    diagnostics.push(...parsed.diagnostics);
  }
  if (diagnostics.length) throw new DiagnosticsError(shown(diagnostics, display));

  // A main package's symbols are spelled `main.X` whatever its import path, as with gc's `-p main`.
  const symbolPath = files[0]?.name.name === "main" ? "main" : r.importPath;
  const deps = new Map<string, Package>();
  const importer: Importer = (path) => importFrom(path, r.imports, deps, importer);
  const checked = checkPackage(symbolPath, files, importer, {
    goVersion: r.goVersion,
    std: r.std,
    name: r.name,
  });
  if (checked.diagnostics.length) throw new DiagnosticsError(shown(checked.diagnostics, display));

  try {
    const mir = lowerPackage(checked.pkg, files, checked.info, { goVersion: r.goVersion });
    const rogb = encodeBodies(genericSource(r, symbolPath, files, deps));
    return { rogx: exportData(checked.pkg), rogb, mir: serializeMir(mir) };
  } catch (e) {
    if (e instanceof DiagnosticsError) throw new DiagnosticsError(shown(e.diagnostics, display));
    throw e;
  }
}

/**
 * genericSource is what .rogb carries of a package that declares generic functions or methods:
 * its files as checked, so that dependents can instantiate them (mir/lower/instantiate.ts).
 */
// TODO(mir): small non-generic bodies for cross-package inlining.
function genericSource(
  r: CheckRequest,
  path: string,
  files: ast.File[],
  deps: Map<string, Package>,
): PackageSource | null {
  if (!files.some((f) => f.decls.some((d) => d.kind === "FuncDecl" && isGeneric(d)))) return null;
  const imports: Record<string, string> = {};
  for (const spelled of Object.keys(r.imports)) {
    const dep = deps.get(spelled);
    if (dep && dep.path !== spelled) imports[spelled] = dep.path;
  }
  return {
    path,
    goVersion: r.goVersion,
    std: r.std,
    imports,
    files: files.map((f) => ({ name: f.source.filename, bytes: f.source.bytes })),
  };
}

/** exportData writes .rogx; package main cannot be imported, so it exports only its name. */
function exportData(pkg: Package): Uint8Array {
  if (pkg.name === "main") return new TextEncoder().encode("rogx 1 main\n");
  return writeExportData(pkg);
}

function importFrom(
  path: string,
  files: Record<string, string>,
  deps: Map<string, Package>,
  importer: Importer,
): Package | null {
  if (path === "unsafe") return unsafePackage;
  const cached = deps.get(path);
  if (cached) return cached;
  const file = files[path];
  if (file === undefined) return null;
  const pkg = readExportData(new Uint8Array(readFileSync(file)), path, importer);
  deps.set(path, pkg);
  return pkg;
}

function readSource(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new UserError(
      `${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(e)}`,
    );
  }
}

/** shown re-homes diagnostics from recorded file names onto the names the user gave. */
function shown(ds: Diagnostic[], display: Map<SourceFile, SourceFile>): Diagnostic[] {
  const rehome = (f: SourceFile | null) => (f ? (display.get(f) ?? f) : f);
  return sortDiagnostics(
    ds.map((d) => ({
      ...d,
      file: rehome(d.file),
      notes: d.notes?.map((n) => ({ ...n, file: rehome(n.file)! })),
    })),
  );
}

/** readDeps reads the files of a path-to-file map, in sorted key order. */
function readDeps(files: Record<string, string>): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const k of Object.keys(files).sort()) out.set(k, new Uint8Array(readFileSync(files[k])));
  return out;
}

/**
 * runOpt runs the opt action: instances of dependencies' generics, then the MIR pass pipeline
 * (compiler/mir/compile.ts).
 */
export async function runOpt(r: OptRequest): Promise<OptResult> {
  const pkg = deserializeMir(new Uint8Array(readFileSync(r.mir)));
  const bodies = readDeps(r.bodies);
  if (pkg.externs?.length) {
    try {
      instantiateExterns(pkg, { exports: readDeps(r.imports), bodies });
    } catch (e) {
      if (e instanceof DiagnosticsError) throw new DiagnosticsError(sortDiagnostics(e.diagnostics));
      throw e;
    }
  }
  const summaries = new Map<string, Summary>();
  const imported = newImported();
  for (const [path, bytes] of readDeps(r.summaries)) {
    const [sums, inline] = splitEsc(bytes);
    decodeSummaries(sums, path, summaries);
    if (inline) decodeInline(inline, imported);
  }
  const exported = new Map<string, Summary>();
  let inline: Uint8Array = new Uint8Array();
  const inlineOut = (b: Uint8Array) => (inline = b);
  const mir = serializeMir(optimize(pkg, bodies, { summaries, exported, imported, inlineOut }));
  const sums = encodeSummaries(pkg, exported);
  const esc = new Uint8Array(sums.length + inline.length);
  esc.set(sums);
  esc.set(inline, sums.length);
  return { mir, esc };
}

/** runCodegen runs the codegen action and returns ThinLTO bitcode. */
export async function runCodegen(r: CodegenRequest): Promise<Uint8Array> {
  const pkg = deserializeMir(new Uint8Array(readFileSync(r.mir)));
  return compileToBitcode(emitLLVM(pkg));
}

/** runLink links an executable at r.out. */
export async function runLink(r: LinkRequest): Promise<void> {
  // The main package comes last; its initialiser is `main.init` whatever its import path.
  link({ ...r, initOrder: [...r.initOrder.slice(0, -1), "main"] });
}
