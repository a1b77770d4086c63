// The action graph (DESIGN.md §1): per package a check, opt and codegen action, per program a
// link. It is a plain model, independent of the backend: ninja.ts and the Bazel generator
// render it; `rog action` runs one of its actions.

import { basename, isAbsolute, relative, resolve, sep } from "node:path";
import { COMMAND_LINE_ARGUMENTS, type Package, type PackageGraph, packageId } from "./loader.js";

/** ActionKind names the four kinds of action. */
export type ActionKind = "check" | "opt" | "codegen" | "link";

/** ACTION_KINDS lists the kinds in pipeline order. */
export const ACTION_KINDS: readonly ActionKind[] = ["check", "opt", "codegen", "link"];

/** Action is one action: its declared inputs and outputs and the flags that name them. */
export interface Action {
  kind: ActionKind;
  /** target is the import path of the package (or program, for link) the action works on. */
  target: string;
  /** inputs are the files the action reads (besides toolchain.id). */
  inputs: string[];
  /** outputs[0] is the main output; the others are implicit outputs of the same edge. */
  outputs: string[];
  /** args are the flags after `rog action <kind>`; every input and output is named by one. */
  args: string[];
}

/** ActionGraph is every action of a build plus what the build should produce. */
export interface ActionGraph {
  actions: Action[];
  /** targets are the outputs to build: the executable of each main root, else its bitcode. */
  targets: string[];
  /** binaries maps each main root package to its executable in the build directory. */
  binaries: { importPath: string; name: string; path: string }[];
}

/** GraphOptions holds what the graph needs from outside the package graph. */
export interface GraphOptions {
  /** buildDir is the absolute build directory; actions run with it as working directory. */
  buildDir: string;
  /** runtimeArchive is the Rust runtime archive every link reads. */
  runtimeArchive: string;
  /**
   * relativeRoot: files under it are named relative to buildDir when buildDir is under it too
   * (the main module's root), which keeps the manifest free of this machine's paths.
   */
  relativeRoot?: string;
}

/** TOOLCHAIN_ID is the build-directory file naming the compiler; every action depends on it. */
export const TOOLCHAIN_ID = "toolchain.id";

/** ACTION_LOG is the build-directory file where actions record whether they ran or hit the cache. */
export const ACTION_LOG = "rog-actions.log";

/** PSEUDO_PACKAGES are packages the compiler provides itself: they get no actions. */
export const PSEUDO_PACKAGES: ReadonlySet<string> = new Set(["unsafe"]);

/** PackageFiles are the build-directory files of one package, relative to the build directory. */
export interface PackageFiles {
  rogx: string;
  rogb: string;
  mir: string;
  optMir: string;
  /** esc holds the escape summaries opt writes for dependents' opt. */
  esc: string;
  bc: string;
}

/**
 * escapeImportPath turns an import path into a relative file path that is the same on every
 * file system: upper-case letters become `!` plus the letter (case-insensitive disks), and any
 * byte outside the characters import paths allow becomes `%XX`. Neither `!`, `%` nor `@` can
 * occur in an import path, so the `@` that ends every name below never collides with a
 * directory of another package.
 */
export function escapeImportPath(p: string): string {
  let out = "";
  for (const byte of Buffer.from(p, "utf8")) {
    const c = String.fromCharCode(byte);
    if (c >= "A" && c <= "Z") out += "!" + c.toLowerCase();
    else if (/[a-z0-9._~+\-/]/.test(c)) out += c;
    else out += "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  // "." and ".." elements are not import paths, but must never climb out of pkg/.
  return out
    .split("/")
    .map((e) => (e === "" || e === "." || e === ".." ? e.replace(/\./g, "%2E") || "%" : e))
    .join("/");
}

/** packageFiles names the outputs of a package's actions. */
export function packageFiles(importPath: string): PackageFiles {
  const base = `pkg/${escapeImportPath(importPath)}@`;
  return {
    rogx: `${base}.rogx`,
    rogb: `${base}.rogb`,
    mir: `${base}.mir`,
    optMir: `${base}.opt.mir`,
    esc: `${base}.esc`,
    bc: `${base}.bc`,
  };
}

/** executableName is `go build`'s default output name for a main package. */
export function executableName(pkg: Package): string {
  if (pkg.importPath === COMMAND_LINE_ARGUMENTS) return basename(pkg.goFiles[0], ".go");
  const elems = pkg.importPath.split("/");
  const last = elems[elems.length - 1];
  // A major-version suffix names no program: example.com/tool/v2 builds "tool".
  if (/^v[2-9][0-9]*$/.test(last) && elems.length > 1) return elems[elems.length - 2];
  return last;
}

/** buildActionGraph makes the actions that build every root of g. */
export function buildActionGraph(g: PackageGraph, opts: GraphOptions): ActionGraph {
  const buildDir = resolve(opts.buildDir);
  const name = pathNamer(buildDir, opts.relativeRoot);
  const byPath = new Map(g.packages.map((p) => [packageId(p), p]));
  const closure = transitiveDeps(g.packages);
  const actions: Action[] = [];
  // Test builds hold variants of one import path (`strings [strings.test]`): files are named
  // by the variant's id, flags by its import path.
  const deps = (id: string): Dep[] =>
    [...closure.get(id)!]
      .filter((d) => !PSEUDO_PACKAGES.has(d))
      .map((d) => ({ id: d, importPath: byPath.get(d)!.importPath }));

  for (const pkg of g.packages) {
    if (PSEUDO_PACKAGES.has(pkg.importPath)) continue;
    actions.push(checkAction(pkg, name));
    actions.push(optAction(pkg, deps(packageId(pkg))));
    actions.push(codegenAction(pkg, deps(packageId(pkg))));
  }

  const targets: string[] = [];
  const binaries: ActionGraph["binaries"] = [];
  for (const root of g.roots) {
    const pkg = byPath.get(root)!;
    if (PSEUDO_PACKAGES.has(root)) continue;
    if (!pkg.isMain) {
      // Like `go build lib`, compile the library and everything below it to the end.
      for (const p of [...closure.get(root)!, root]) {
        const bc = packageFiles(p).bc;
        if (!PSEUDO_PACKAGES.has(p) && !targets.includes(bc)) targets.push(bc);
      }
      continue;
    }
    const exe = `exe/${escapeImportPath(root)}@/${executableName(pkg)}`;
    const order = g.packages
      .filter((p) => {
        const id = packageId(p);
        return (closure.get(root)!.has(id) || id === root) && !PSEUDO_PACKAGES.has(id);
      })
      .map((p) => ({ id: packageId(p), importPath: p.importPath }));
    actions.push(linkAction(root, exe, order, name(opts.runtimeArchive)));
    targets.push(exe);
    binaries.push({ importPath: root, name: executableName(pkg), path: exe });
  }
  return { actions, targets, binaries };
}

/** Dep is a package an action reads: its graph id (naming its files) and its import path. */
interface Dep {
  id: string;
  importPath: string;
}

function checkAction(pkg: Package, name: (p: string) => string): Action {
  const f = packageFiles(packageId(pkg));
  const srcs = pkg.goFiles.map((file) => name(resolve(pkg.dir, file)));
  const args = ["--importpath", pkg.importPath, "--go", pkg.goVersion];
  if (pkg.isStd) args.push("--std");
  for (const s of srcs) args.push("--src", s);
  if (srcs.length === 0) args.push("--name", pkg.name);

  // Imports are keyed by the path the source spells (vendored std imports differ).
  const spelled = new Map<string, string>();
  for (const [src, resolved] of Object.entries(pkg.importMap)) spelled.set(resolved, src);
  const rogxs: string[] = [];
  for (const dep of pkg.imports) {
    if (PSEUDO_PACKAGES.has(dep)) continue;
    const rogx = packageFiles(dep).rogx;
    args.push("--import", `${spelled.get(dep) ?? dep}=${rogx}`);
    rogxs.push(rogx);
  }
  args.push("--rogx", f.rogx, "--rogb", f.rogb, "--mir", f.mir);
  return {
    kind: "check",
    target: packageId(pkg),
    inputs: [...srcs, ...rogxs],
    outputs: [f.rogx, f.rogb, f.mir],
    args,
  };
}

function bodyArgs(deps: Dep[]): { args: string[]; inputs: string[] } {
  const args: string[] = [];
  const inputs: string[] = [];
  for (const d of deps) {
    const rogb = packageFiles(d.id).rogb;
    args.push("--body", `${d.importPath}=${rogb}`);
    inputs.push(rogb);
  }
  return { args, inputs };
}

/**
 * optAction reads the deps' bodies and export data transitively: an inlined body may call
 * further packages, and instantiating a dependency's generic code checks its source against
 * its own dependencies' export data.
 */
function optAction(pkg: Package, deps: Dep[]): Action {
  const f = packageFiles(packageId(pkg));
  const bodies = bodyArgs(deps);
  const exports: string[] = [];
  const summaries: string[] = [];
  const args = ["--importpath", pkg.importPath, "--mir", f.mir, ...bodies.args];
  for (const d of deps) {
    const rogx = packageFiles(d.id).rogx;
    args.push("--import", `${d.importPath}=${rogx}`);
    exports.push(rogx);
  }
  for (const d of deps) {
    const esc = packageFiles(d.id).esc;
    args.push("--summary", `${d.importPath}=${esc}`);
    summaries.push(esc);
  }
  return {
    kind: "opt",
    target: packageId(pkg),
    inputs: [f.mir, ...bodies.inputs, ...exports, ...summaries],
    outputs: [f.optMir, f.esc],
    args: [...args, "--out", f.optMir, "--esc", f.esc],
  };
}

function codegenAction(pkg: Package, deps: Dep[]): Action {
  const f = packageFiles(packageId(pkg));
  const bodies = bodyArgs(deps);
  return {
    kind: "codegen",
    target: packageId(pkg),
    inputs: [f.optMir, ...bodies.inputs],
    outputs: [f.bc],
    args: ["--importpath", pkg.importPath, "--mir", f.optMir, ...bodies.args, "--out", f.bc],
  };
}

/** linkAction links the packages in dependency order, main last (their init order too). */
function linkAction(root: string, exe: string, order: Dep[], runtime: string): Action {
  const args = ["--out", exe];
  const bcs: string[] = [];
  for (const p of order) {
    const bc = packageFiles(p.id).bc;
    args.push("--pkg", `${p.importPath}=${bc}`);
    bcs.push(bc);
  }
  args.push("--runtime", runtime);
  return { kind: "link", target: root, inputs: [...bcs, runtime], outputs: [exe], args };
}

/** transitiveDeps maps each package to every package it imports, directly or not. */
function transitiveDeps(pkgs: Package[]): Map<string, Set<string>> {
  // Each closure is listed in an order that depends on the package's own imports alone: a
  // depth-first walk taking imports in sorted order, dependencies first. An order taken from the
  // whole build would change with the other packages built alongside (`rog build fmt` against a
  // program importing fmt), and the order is part of the opt and codegen actions' cache keys.
  const imports = new Map(pkgs.map((p) => [packageId(p), [...p.imports].sort()]));
  const out = new Map<string, Set<string>>();
  for (const p of pkgs) {
    const seen = new Set<string>();
    const order: string[] = [];
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const d of imports.get(id) ?? []) visit(d);
      order.push(id);
    };
    for (const d of imports.get(packageId(p))!) visit(d);
    out.set(packageId(p), new Set(order));
  }
  return out;
}

/** pathNamer names files as seen from the build directory (see GraphOptions.relativeRoot). */
function pathNamer(buildDir: string, relativeRoot: string | undefined): (p: string) => string {
  const root = relativeRoot ? resolve(relativeRoot) : null;
  const under = (p: string, dir: string) => p === dir || p.startsWith(dir + sep);
  const rootHoldsBuildDir = root !== null && under(buildDir, root);
  return (p: string) => {
    const abs = isAbsolute(p) ? p : resolve(buildDir, p);
    if (under(abs, buildDir) || (rootHoldsBuildDir && under(abs, root!))) {
      return relative(buildDir, abs).split(sep).join("/");
    }
    return abs;
  };
}
