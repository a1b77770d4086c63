// The compiler side of the four per-package actions (DESIGN.md §1): check, opt, codegen, link.
// These functions read only the files named in their requests and return the outputs as bytes
// (the link writes its executable to the path it is given); the action runner in
// `cmd_action.ts` writes outputs atomically, applies restat and consults the action cache.
// Errors in the user's program are thrown as DiagnosticsError.

import { readFileSync } from "node:fs";
import { emitLLVM } from "../codegen/module.js";
import { compileToBitcode, link } from "../codegen/toolchain.js";
import { UserError } from "../diag.js";
import { optimize } from "../mir/compile.js";
import { deserializeMir, serializeMir } from "../mir/serialize.js";

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
  /** bodies maps dependency import paths to their .rogb files (for cross-package inlining). */
  bodies: Record<string, string>;
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
  // TODO(driver): wire parse → types → mir once those libraries land.
  throw new UserError(`check ${r.importPath}: not supported yet: the check action`);
}

/** readDeps reads the files of a path-to-file map, in sorted key order. */
function readDeps(files: Record<string, string>): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const k of Object.keys(files).sort()) out.set(k, new Uint8Array(readFileSync(files[k])));
  return out;
}

/** runOpt runs the opt action: the MIR pass pipeline (compiler/mir/compile.ts). */
export async function runOpt(r: OptRequest): Promise<Uint8Array> {
  const pkg = deserializeMir(new Uint8Array(readFileSync(r.mir)));
  return serializeMir(optimize(pkg, readDeps(r.bodies)));
}

/** runCodegen runs the codegen action and returns ThinLTO bitcode. */
export async function runCodegen(r: CodegenRequest): Promise<Uint8Array> {
  const pkg = deserializeMir(new Uint8Array(readFileSync(r.mir)));
  return compileToBitcode(emitLLVM(pkg));
}

/** runLink links an executable at r.out. */
export async function runLink(r: LinkRequest): Promise<void> {
  link(r);
}
