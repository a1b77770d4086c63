// The package loader: turns `go`-style package patterns into the graph of packages to build,
// reading go.mod files, GOROOT and build constraints the way `go build` does for linux/amd64.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import fg from "fast-glob";
import { UserError } from "../../compiler/diag.js";
import { type BuildContext, defaultContext, evalExpr, matchFileName } from "./constraint.js";
import { GoFileError, type GoFileInfo, scanGoFile } from "./gofile.js";
import { type GoMod, GoModError, parseGoMod } from "./gomod.js";
import { overlayDirs, type OverlayTests, overlayTests } from "./overlay.js";

/** Package is one package of the graph, after build-constraint filtering. */
export interface Package {
  importPath: string;
  /** name is the package clause's name. */
  name: string;
  /** dir is the package directory (absolute). */
  dir: string;
  /** goFiles are the file names (relative to dir) that belong to the build, sorted. */
  goFiles: string[];
  /** imports are the resolved import paths of the direct dependencies, sorted. */
  imports: string[];
  /** importMap maps a path as written in the source to its resolved path where they differ. */
  importMap: Record<string, string>;
  /** goVersion is the language version ("go1.22"): from go.mod, or the GOROOT's for std. */
  goVersion: string;
  /** isStd is true for GOROOT packages (GOROOT/src and GOROOT/src/vendor). */
  isStd: boolean;
  isMain: boolean;
  /** module is the path of the module holding the package; null for std and loose files. */
  module: string | null;
  /**
   * testGoFiles are the `_test.go` files of the package itself (set by a tests load), like
   * goFiles relative to dir, but for the GOROOT test files of an overlay package: those are
   * absolute paths (rules/src/overlay.ts, `tests`).
   */
  testGoFiles?: string[];
  /** xtestGoFiles are the `_test.go` files of the external `package <name>_test`. */
  xtestGoFiles?: string[];
  /** testImports are the resolved imports of testGoFiles, sorted. */
  testImports?: string[];
  /** xtestImports are the resolved imports of xtestGoFiles, sorted. */
  xtestImports?: string[];
  /**
   * id tells apart the variants of one import path in a test build (`strings [strings.test]`,
   * as `go list -test` names them); the graph keys packages by it. Unset: the import path.
   */
  id?: string;
}

/** packageId is the key of a package in a graph: its id, else its import path. */
export function packageId(p: Package): string {
  return p.id ?? p.importPath;
}

/** PackageGraph is the loader's result. */
export interface PackageGraph {
  /** roots are the import paths the patterns matched, in pattern order. */
  roots: string[];
  /** packages holds every package, each after all of its dependencies, in a fixed order. */
  packages: Package[];
  /** mainModule is the module the roots belong to, if any. */
  mainModule: GoMod | null;
}

/** LoadOptions configures a load. */
export interface LoadOptions {
  /** cwd is the directory relative patterns and diagnostics are relative to. */
  cwd: string;
  goroot: string;
  /** gorootVersion is the GOROOT's release, e.g. "go1.26.8". */
  gorootVersion: string;
  context?: BuildContext;
  /**
   * overlays maps std import paths to directories that replace GOROOT/src/<path>; by default
   * the overlay packages of rules/src/overlay.ts.
   */
  overlays?: Record<string, string>;
  /**
   * overlayTests maps the overlaid import paths whose tests come from GOROOT to the GOROOT test
   * files left out; by default those of rules/src/overlay.ts.
   */
  overlayTests?: Record<string, OverlayTests>;
  /**
   * tests also reads the roots' `_test.go` files and loads what they import (`go test`): the
   * roots get testGoFiles, xtestGoFiles and their imports.
   */
  tests?: boolean;
  /** also are import paths loaded with their dependencies besides the roots (not roots). */
  also?: readonly string[];
}

/** COMMAND_LINE_ARGUMENTS is the import path of the package made from named .go files. */
export const COMMAND_LINE_ARGUMENTS = "command-line-arguments";

/** loadPackages loads the packages matching patterns and everything they import. */
export function loadPackages(patterns: string[], opts: LoadOptions): PackageGraph {
  const loader = new Loader(opts);
  return loader.load(patterns.length === 0 ? ["."] : patterns);
}

/** StdPackages is every GOROOT package, each either loaded or with the reason it cannot be. */
export interface StdPackages {
  /** packages holds every std package whose whole import closure loads, dependencies first. */
  packages: Package[];
  /** broken maps the import path of each other std package to its load errors (one per line). */
  broken: Map<string, string>;
}

/**
 * loadStd loads every package of std (overlays included) one by one: unlike
 * `loadPackages(["std"])`, a package that does not load (or imports one that does not) is
 * reported on its own instead of failing the whole load. The Bazel std repository is made of it.
 */
export function loadStd(opts: LoadOptions): StdPackages {
  return new Loader(opts).loadEachStd();
}

/** findModule returns the go.mod governing dir (searching upwards), or null. */
export function findModuleRoot(dir: string): string | null {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, "go.mod"))) return d;
    if (dirname(d) === d) return null;
  }
}

/** LoadProblem is one user-facing error found while loading; thrown together at the end. */
class LoadProblem extends Error {}

interface Spec {
  importPath: string;
  dir: string;
  isStd: boolean;
  module: GoMod | null;
  /** files is set for the command-line-arguments package: exactly these files, unfiltered. */
  files?: string[];
}

class Loader {
  private readonly ctx: BuildContext;
  private readonly goroot: string;
  private readonly gorootLang: string;
  private readonly cwd: string;
  private readonly overlays: Record<string, string>;
  private readonly overlayTests: Record<string, OverlayTests>;
  private readonly modules = new Map<string, GoMod | null>();
  private mainModule: GoMod | null = null;
  /** providers are the main module and its local replacements, longest path first. */
  private providers: GoMod[] = [];
  private readonly loaded = new Map<string, Node | LoadProblem>();
  private readonly order: Package[] = [];
  private readonly done = new Set<string>();
  private readonly problems: string[] = [];
  /** blame collects each package's own problems when loadStd loads std package by package. */
  private blame: Map<string, string[]> | null = null;
  private readonly tests: boolean;
  private readonly also: readonly string[];

  constructor(opts: LoadOptions) {
    const minor = Number(/^go1\.(\d+)/.exec(opts.gorootVersion)?.[1] ?? "0");
    this.ctx = opts.context ?? defaultContext(minor);
    this.goroot = resolve(opts.goroot);
    this.gorootLang = `go1.${minor}`;
    this.cwd = resolve(opts.cwd);
    this.overlays = opts.overlays ?? overlayDirs();
    this.overlayTests = opts.overlayTests ?? overlayTests();
    this.tests = opts.tests === true;
    this.also = opts.also ?? [];
  }

  load(patterns: string[]): PackageGraph {
    const specs = this.expand(patterns);
    this.flush();

    const roots: string[] = [];
    for (const s of specs) {
      if (!roots.includes(s.importPath)) roots.push(s.importPath);
      this.remember(s);
    }
    for (const path of [...roots].sort()) this.visit(path, [], null);
    if (this.tests) for (const path of [...roots].sort()) this.loadTests(path);
    for (const path of this.also) {
      const spec = this.resolvePath(path, false);
      if (spec instanceof LoadProblem) this.problems.push(spec.message);
      else {
        this.remember(spec);
        this.visit(spec.importPath, [], null);
      }
    }
    this.flush();
    return { roots, packages: this.order, mainModule: this.mainModule };
  }

  loadEachStd(): StdPackages {
    const blame = new Map<string, string[]>();
    this.blame = blame;
    for (const s of this.matchStd("...")) {
      this.remember(s);
      this.visit(s.importPath, [], null);
    }
    this.problems.length = 0;
    // A package is broken when it has problems of its own or imports a broken package; the
    // order lists dependencies first, so one pass decides every package.
    // A dependent names the import that leads to the first broken package and that package's
    // own problems.
    const broken = new Map<string, string>();
    const cause = new Map<string, string>();
    for (const [path, found] of blame) {
      broken.set(path, [...new Set(found)].join("\n"));
      cause.set(path, path);
    }
    const packages: Package[] = [];
    for (const p of this.order) {
      if (broken.has(p.importPath)) continue;
      const bad = p.imports.find((d) => broken.has(d));
      if (!bad) {
        packages.push(p);
        continue;
      }
      const root = cause.get(bad)!;
      cause.set(p.importPath, root);
      const via = root === bad ? "" : ` (through ${bad})`;
      broken.set(
        p.importPath,
        `package ${p.importPath} imports ${root}${via}: ${broken.get(root)}`,
      );
    }
    return { packages, broken };
  }

  /** problem records a user-facing error found while loading pkg (blamed on it for loadStd). */
  private problem(pkg: string, message: string): void {
    this.problems.push(message);
    if (!this.blame) return;
    const list = this.blame.get(pkg) ?? [];
    list.push(message);
    this.blame.set(pkg, list);
  }

  /** flush throws the problems found so far as one error, one problem per line. */
  private flush(): void {
    if (this.problems.length === 0) return;
    const unique = [...new Set(this.problems)];
    throw new UserError(unique.join("\n"));
  }

  // Patterns.

  /** expand turns the command line's patterns into the packages they name. */
  private expand(patterns: string[]): Spec[] {
    if (patterns.some((p) => p.endsWith(".go"))) return [this.filesPackage(patterns)];

    const dirPatterns = patterns.filter(isDirPattern);
    this.chooseMainModule(dirPatterns);
    const specs: Spec[] = [];
    for (const p of patterns) {
      try {
        if (p === "std") specs.push(...this.matchStd("..."));
        else if (p === "all" || p === "cmd" || p.startsWith("cmd/")) {
          throw new LoadProblem(`pattern ${p}: not supported yet`);
        } else if (isDirPattern(p)) specs.push(...this.matchDir(p));
        else specs.push(...this.matchImportPath(p));
      } catch (e) {
        if (!(e instanceof LoadProblem)) throw e;
        this.problems.push(e.message);
      }
    }
    return specs;
  }

  /** chooseMainModule picks the module of the directory patterns, else the one around cwd. */
  private chooseMainModule(dirPatterns: string[]): void {
    const mods = new Map<string, GoMod>();
    for (const p of dirPatterns) {
      const dir = resolve(this.cwd, stripDots(p));
      if (this.inGoroot(dir)) continue;
      const m = this.moduleFor(dir);
      if (m) mods.set(m.dir, m);
    }
    if (mods.size > 1) {
      const [a, b] = [...mods.values()];
      throw new UserError(
        `rog: packages from more than one module: ${a.path} (${this.short(a.dir)}) ` +
          `and ${b.path} (${this.short(b.dir)})`,
      );
    }
    this.mainModule = mods.size === 1 ? [...mods.values()][0] : this.moduleFor(this.cwd);
    if (this.mainModule) this.providers = this.localProviders(this.mainModule);
  }

  private matchDir(pattern: string): Spec[] {
    const wild = pattern === "..." || pattern.endsWith("/...");
    const dir = resolve(this.cwd, stripDots(pattern));
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new LoadProblem(`stat ${dir}: directory not found`);
    }
    if (this.inGoroot(dir)) {
      const rel = relative(join(this.goroot, "src"), dir).split(sep).join("/");
      if (wild) return this.matchStd(rel === "" ? "..." : `${rel}/...`);
      return [{ importPath: rel, dir, isStd: true, module: null }];
    }

    const mod = this.moduleFor(dir);
    if (!mod || mod !== this.mainModule) {
      throw new LoadProblem(
        `directory ${this.short(dir)} is outside any module: ` +
          `add a go.mod (module path and go version) to it or a parent directory`,
      );
    }
    const importPath = (rel: string) => (rel === "" ? mod.path : `${mod.path}/${rel}`);
    const relDir = relative(mod.dir, dir).split(sep).join("/");
    if (!wild) return [{ importPath: importPath(relDir), dir, isStd: false, module: mod }];

    return this.walk(dir, mod.dir, false).map((d) => ({
      importPath: importPath(relative(mod.dir, d).split(sep).join("/")),
      dir: d,
      isStd: false,
      module: mod,
    }));
  }

  private matchImportPath(pattern: string): Spec[] {
    if (!pattern.includes("...")) {
      const spec = this.resolvePath(pattern, false);
      if (spec instanceof LoadProblem) throw spec;
      return [spec];
    }
    const re = patternRegExp(pattern);
    const std = this.matchStd("...").filter((s) => re.test(s.importPath));
    const mod = this.mainModule;
    if (!mod) return std;
    const inModule = this.walk(mod.dir, mod.dir, false)
      .map((d) => {
        const rel = relative(mod.dir, d).split(sep).join("/");
        return {
          importPath: rel ? `${mod.path}/${rel}` : mod.path,
          dir: d,
          isStd: false,
          module: mod,
        };
      })
      .filter((s) => re.test(s.importPath));
    return [...std, ...inModule];
  }

  /**
   * matchStd lists the GOROOT packages matching an import path pattern. cmd is not part of std,
   * and builtin only documents the predeclared identifiers.
   */
  private matchStd(pattern: string): Spec[] {
    const src = join(this.goroot, "src");
    const re = patternRegExp(pattern);
    return this.walk(src, src, true)
      .map((d) => relative(src, d).split(sep).join("/"))
      .filter((p) => p !== "" && !p.startsWith("cmd/") && p !== "builtin" && re.test(p))
      .map((p) => {
        const dir = this.overlays[p] ?? join(src, p);
        return { importPath: p, dir, isStd: true, module: null };
      });
  }

  /**
   * walk lists the directories under base holding buildable Go files, skipping testdata,
   * names starting with `.` or `_`, nested modules and (outside GOROOT) vendor directories.
   */
  private walk(base: string, moduleRoot: string, std: boolean): string[] {
    const ignore = ["**/testdata/**", "**/_*/**"];
    if (!std) ignore.push("**/vendor/**");
    const files = fg.sync(["**/*.go", "**/go.mod"], { cwd: base, ignore, dot: false });
    const nested = files
      .filter((f) => f.endsWith("go.mod") && !(base === moduleRoot && f === "go.mod"))
      .map((f) => join(base, dirname(f)));
    const dirs = new Set<string>();
    for (const f of files) {
      if (!f.endsWith(".go")) continue;
      const d = join(base, dirname(f));
      if (nested.some((n) => d === n || d.startsWith(n + sep))) continue;
      dirs.add(d);
    }
    return [...dirs].sort().filter((d) => this.hasBuildableFiles(d));
  }

  /** hasBuildableFiles: a package for `...` (with tests loaded, test files alone make one, as for go test). */
  private hasBuildableFiles(dir: string): boolean {
    try {
      const { files, tests } = this.readDir(dir, undefined);
      return files.length > 0 || tests.files.length > 0;
    } catch (e) {
      // A broken file is reported when the package is loaded; here it still counts.
      if (e instanceof LoadProblem) return true;
      throw e;
    }
  }

  /** filesPackage makes the command-line-arguments package from named .go files. */
  private filesPackage(args: string[]): Spec {
    const files: string[] = [];
    for (const a of args) {
      if (!a.endsWith(".go")) throw new UserError(`rog: named files must be .go files: ${a}`);
      if (a.endsWith("_test.go")) throw new UserError(`rog: cannot build *_test.go files: ${a}`);
      const f = resolve(this.cwd, a);
      if (!existsSync(f)) throw new UserError(`rog: stat ${a}: no such file or directory`);
      files.push(f);
    }
    const dirs = [...new Set(files.map((f) => dirname(f)))];
    if (dirs.length > 1) {
      const names = dirs.map((d) => this.short(d) || ".");
      throw new UserError(
        `rog: named files must all be in one directory; have ${names.join(" and ")}`,
      );
    }
    this.mainModule = this.moduleFor(dirs[0]);
    if (this.mainModule) this.providers = this.localProviders(this.mainModule);
    return {
      importPath: COMMAND_LINE_ARGUMENTS,
      dir: dirs[0],
      isStd: false,
      module: this.mainModule,
      files: [...new Set(files.map((f) => basename(f)))],
    };
  }

  // Modules.

  private moduleFor(dir: string): GoMod | null {
    const root = findModuleRoot(dir);
    if (!root) return null;
    return this.readModule(root);
  }

  private readModule(root: string): GoMod {
    const cached = this.modules.get(root);
    if (cached) return cached;
    const file = join(root, "go.mod");
    let mod: GoMod;
    try {
      mod = parseGoMod(file, readFileSync(file, "utf8"));
    } catch (e) {
      if (e instanceof GoModError) throw new UserError(`rog: ${e.message}`);
      throw e;
    }
    this.modules.set(root, mod);
    return mod;
  }

  /** localProviders lists the main module and its local replacements, longest path first. */
  private localProviders(main: GoMod): GoMod[] {
    const out = [main];
    for (const r of main.replaces) {
      if (!r.dir) continue;
      if (!existsSync(join(r.dir, "go.mod"))) {
        throw new UserError(
          `rog: ${main.file}:${r.line}: replacement directory ${r.target} has no go.mod`,
        );
      }
      const m = this.readModule(r.dir);
      if (m.path !== r.path) {
        throw new UserError(
          `rog: ${main.file}:${r.line}: ${r.target}/go.mod declares module ${m.path}, ` +
            `but the replace line names ${r.path}`,
        );
      }
      out.push(m);
    }
    return out.sort((a, b) => b.path.length - a.path.length);
  }

  private inGoroot(dir: string): boolean {
    const src = join(this.goroot, "src");
    return dir === src || dir.startsWith(src + sep);
  }

  // Resolving import paths.

  /**
   * resolvePath finds the package an import path names. Order: an overlay, then the GOROOT
   * vendor directory (for std importers), then GOROOT, then the main module and its local
   * replacements by longest module path.
   */
  private resolvePath(path: string, fromStd: boolean): Spec | LoadProblem {
    const overlay = this.overlays[path];
    if (overlay) return { importPath: path, dir: overlay, isStd: true, module: null };

    const src = join(this.goroot, "src");
    if (fromStd && isDir(join(src, "vendor", path))) {
      return {
        importPath: `vendor/${path}`,
        dir: join(src, "vendor", path),
        isStd: true,
        module: null,
      };
    }
    const stdLike = !path.split("/")[0].includes(".");
    if (stdLike && isDir(join(src, path))) {
      return { importPath: path, dir: join(src, path), isStd: true, module: null };
    }
    if (!fromStd) {
      const found = this.resolveInModules(path);
      if (found) return found;
    }
    if (stdLike) return new LoadProblem(`package ${path} is not in std (${join(src, path)})`);
    return new LoadProblem(`no required module provides package ${path}`);
  }

  private resolveInModules(path: string): Spec | LoadProblem | null {
    for (const m of this.providers) {
      if (path !== m.path && !path.startsWith(m.path + "/")) continue;
      const dir = join(m.dir, path.slice(m.path.length));
      if (!isDir(dir) || this.nestedModuleBetween(m.dir, dir)) break;
      return { importPath: path, dir, isStd: false, module: m };
    }

    const main = this.mainModule;
    const req = main?.requires
      .filter((r) => path === r.path || path.startsWith(r.path + "/"))
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (main && req) {
      return new LoadProblem(
        `package ${path}: not supported yet: module dependencies ` +
          `(require ${req.path} ${req.version} at ${this.short(main.file)}:${req.line}; ` +
          `only a replace by a local directory provides packages)`,
      );
    }
    return null;
  }

  /** nestedModuleBetween reports a go.mod strictly below root on the way to dir. */
  private nestedModuleBetween(root: string, dir: string): boolean {
    for (let d = dir; d !== root && d.startsWith(root + sep); d = dirname(d)) {
      if (existsSync(join(d, "go.mod"))) return true;
    }
    return false;
  }

  // Loading packages.

  private remember(spec: Spec): void {
    if (this.loaded.has(spec.importPath)) return;
    try {
      this.loaded.set(spec.importPath, this.readPackage(spec));
    } catch (e) {
      if (!(e instanceof LoadProblem)) throw e;
      this.loaded.set(spec.importPath, e);
    }
  }

  /** visit loads path's dependencies depth first and appends path after them to the order. */
  private visit(path: string, stack: string[], at: string | null): void {
    if (this.done.has(path)) return;
    if (stack.includes(path)) {
      const chain = [...stack, path].join(" imports ");
      this.problem(path, `package ${chain}: import cycle not allowed`);
      return;
    }
    const node = this.loaded.get(path);
    if (!node) return;
    if (node instanceof LoadProblem) {
      this.done.add(path);
      this.problem(path, at ? `${at}: ${node.message}` : node.message);
      return;
    }

    stack.push(path);
    for (const [dep, { spec, where }] of node.deps) {
      this.remember(spec);
      const loaded = this.loaded.get(dep);
      if (loaded && !(loaded instanceof LoadProblem) && loaded.pkg.isMain) {
        this.problem(path, `${where}: import "${dep}" is a program, not an importable package`);
        continue;
      }
      this.visit(dep, stack, where);
    }
    stack.pop();
    this.done.add(path);
    this.order.push(node.pkg);
  }

  /**
   * loadTests resolves the imports of a root's test files and loads them. They come after the
   * root in the order: a test may import packages that import the package under test.
   */
  private loadTests(path: string): void {
    const node = this.loaded.get(path);
    if (!node || node instanceof LoadProblem) return;
    const { pkg, spec } = node;
    const tests = this.testFiles(node);
    const internal: string[] = [];
    const external: string[] = [];
    const internalDeps = new Set<string>();
    const externalDeps = new Set<string>();
    const deps = new Map<string, { spec: Spec; where: string }>();
    for (let i = 0; i < tests.files.length; i++) {
      const info = tests.infos[i];
      const xtest = info.packageName === `${pkg.name}_test`;
      if (!xtest && info.packageName !== pkg.name) {
        this.problem(
          path,
          `found packages ${pkg.name} (${pkg.goFiles[0]}) and ${info.packageName} ` +
            `(${tests.files[i]}) in ${spec.dir}`,
        );
        continue;
      }
      (xtest ? external : internal).push(tests.files[i]);
      for (const imp of info.imports) {
        if (imp.path === "C") continue;
        const where = `${this.short(resolve(spec.dir, tests.files[i]))}:${imp.line}:${imp.column}`;
        const dep = this.resolveImport(spec, imp.path, where);
        if (!dep) continue;
        if (dep.importPath !== imp.path) pkg.importMap[imp.path] = dep.importPath;
        (xtest ? externalDeps : internalDeps).add(dep.importPath);
        if (!deps.has(dep.importPath)) deps.set(dep.importPath, { spec: dep, where });
      }
    }
    pkg.testGoFiles = internal;
    pkg.xtestGoFiles = external;
    pkg.testImports = [...internalDeps].sort();
    pkg.xtestImports = [...externalDeps].sort();
    for (const [dep, { spec: s, where }] of [...deps].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (dep === path) continue;
      this.remember(s);
      this.visit(dep, [], where);
    }
  }

  /**
   * testFiles are a package's test files: its directory's, and for an overlay that takes
   * GOROOT's tests also GOROOT's, but for those the overlay replaces or leaves out. GOROOT's are
   * named by absolute path, as they are not in the package's directory.
   */
  private testFiles(node: Node): { files: string[]; infos: GoFileInfo[] } {
    const { spec, tests } = node;
    const taken = this.overlayTests[spec.importPath];
    if (!taken || this.overlays[spec.importPath] !== spec.dir) return tests;
    for (const f of Object.keys(taken.replaced)) {
      if (!tests.files.includes(f)) {
        this.problem(
          spec.importPath,
          `${this.short(join(spec.dir, f))}: missing: it replaces GOROOT's ${f}`,
        );
      }
    }
    const dir = join(this.goroot, "src", spec.importPath);
    const goroot = this.readDir(dir, undefined).tests;
    const files = [...tests.files];
    const infos = [...tests.infos];
    goroot.files.forEach((f, i) => {
      if (f in taken.replaced || f in taken.excluded) return;
      files.push(join(dir, f));
      infos.push(goroot.infos[i]);
    });
    return { files, infos };
  }

  private readPackage(spec: Spec): Node {
    const { files, infos, tests } = this.readDir(spec.dir, spec.files, spec.importPath);
    // A package of tests only is named by them (an external test package without `_test`).
    const name = infos[0]?.packageName ?? tests.infos[0].packageName.replace(/_test$/, "");
    const deps = new Map<string, { spec: Spec; where: string }>();
    const importMap: Record<string, string> = {};

    for (let i = 0; i < files.length; i++) {
      for (const imp of infos[i].imports) {
        if (imp.path === "C") continue;
        const where = `${this.short(join(spec.dir, files[i]))}:${imp.line}:${imp.column}`;
        const dep = this.resolveImport(spec, imp.path, where);
        if (!dep) continue;
        if (dep.importPath !== imp.path) importMap[imp.path] = dep.importPath;
        if (!deps.has(dep.importPath)) deps.set(dep.importPath, { spec: dep, where });
      }
    }

    const sorted = new Map([...deps].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const pkg: Package = {
      importPath: spec.importPath,
      name,
      dir: spec.dir,
      goFiles: files,
      imports: [...sorted.keys()],
      importMap,
      goVersion: spec.isStd ? this.gorootLang : (spec.module?.goVersion ?? this.gorootLang),
      isStd: spec.isStd,
      isMain: name === "main",
      module: spec.module?.path ?? null,
    };
    return { pkg, deps: sorted, spec, tests };
  }

  /** resolveImport resolves one import of spec to the package it names. */
  private resolveImport(spec: Spec, path: string, where: string): Spec | null {
    const dep = this.resolvePath(path, spec.isStd);
    if (dep instanceof LoadProblem) {
      this.problem(spec.importPath, `${where}: ${dep.message}`);
      return null;
    }
    if (!internalAllowed(spec, dep)) {
      this.problem(spec.importPath, `${where}: use of internal package ${path} not allowed`);
      return null;
    }
    return dep;
  }

  /**
   * readDir lists and scans a directory's Go files and applies build constraints. Named files
   * (the command-line-arguments package) skip constraints, as `go build a.go` does.
   */
  private readDir(
    dir: string,
    named: string[] | undefined,
    importPath?: string,
  ): { files: string[]; infos: GoFileInfo[]; tests: { files: string[]; infos: GoFileInfo[] } } {
    let names: string[];
    if (named) {
      names = [...named].sort();
    } else {
      if (!isDir(dir)) throw new LoadProblem(`cannot find package directory ${dir}`);
      names = readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.name.endsWith(".go") && (e.isFile() || e.isSymbolicLink()))
        .map((e) => e.name)
        .filter((n) => !n.startsWith("_") && !n.startsWith("."))
        .sort();
    }

    const files: string[] = [];
    const infos: GoFileInfo[] = [];
    const testFiles: string[] = [];
    const testInfos: GoFileInfo[] = [];
    let tests = 0;
    for (const n of names) {
      const isTest = !named && n.endsWith("_test.go");
      if (isTest) tests++;
      // Test files are read only when tests are loaded (their syntax does not break a build).
      if (isTest && !this.tests) continue;
      if (!named && !matchFileName(this.ctx, n)) continue;
      const info = this.scan(join(dir, n));
      if (!named && info.constraint && !evalExpr(this.ctx, info.constraint)) continue;
      // cgo is off (no `cgo` tag): files importing "C" are left out, as with CGO_ENABLED=0.
      if (info.usesCgo) continue;
      (isTest ? testFiles : files).push(n);
      (isTest ? testInfos : infos).push(info);
    }

    // A directory of tests only is a package to go test (it builds an empty package under
    // them), but not to go build.
    const testOnly = this.tests && files.length === 0 && testFiles.length > 0;
    if (importPath !== undefined && !testOnly) {
      this.checkFiles(dir, importPath, names, tests, files, infos);
    }
    return { files, infos, tests: { files: testFiles, infos: testInfos } };
  }

  private checkFiles(
    dir: string,
    importPath: string,
    names: string[],
    tests: number,
    files: string[],
    infos: GoFileInfo[],
  ): void {
    if (files.length === 0) {
      if (names.length === 0) throw new LoadProblem(`no Go files in ${dir}`);
      if (tests === names.length) {
        throw new LoadProblem(`${importPath}: no non-test Go files in ${dir}`);
      }
      throw new LoadProblem(
        `package ${importPath}: build constraints exclude all Go files in ${dir}`,
      );
    }
    for (let i = 1; i < files.length; i++) {
      if (infos[i].packageName !== infos[0].packageName) {
        throw new LoadProblem(
          `found packages ${infos[0].packageName} (${files[0]}) and ` +
            `${infos[i].packageName} (${files[i]}) in ${dir}`,
        );
      }
    }
  }

  private scan(file: string): GoFileInfo {
    try {
      return scanGoFile(readFileSync(file, "utf8"));
    } catch (e) {
      if (e instanceof GoFileError) {
        throw new LoadProblem(`${this.short(file)}:${e.line}:${e.column}: ${e.message}`);
      }
      throw e;
    }
  }

  /** short shows a path relative to cwd when that is shorter, as Go's diagnostics do. */
  private short(p: string): string {
    const rel = relative(this.cwd, p);
    if (rel === "") return ".";
    return rel.length < p.length ? rel : p;
  }
}

/** Node is a loaded package with the specs and import sites of its dependencies. */
interface Node {
  pkg: Package;
  /** deps maps each resolved import path to its spec and first import site, sorted by path. */
  deps: Map<string, { spec: Spec; where: string }>;
  spec: Spec;
  /** tests are the package's `_test.go` files that pass the build constraints (tests loads). */
  tests: { files: string[]; infos: GoFileInfo[] };
}

/**
 * internalAllowed applies Go's rule for `internal` directories: a package under an `internal`
 * element may be imported only by code in the tree rooted at the internal directory's parent.
 * GOROOT's top-level internal packages belong to std alone.
 */
function internalAllowed(importer: Spec, dep: Spec): boolean {
  const elems = dep.importPath.split("/");
  const last = elems.lastIndexOf("internal");
  if (last < 0) return true;
  if (dep.isStd) {
    const parent = elems.slice(0, last).join("/");
    if (!importer.isStd) return false;
    return (
      parent === "" ||
      importer.importPath === parent ||
      importer.importPath.startsWith(parent + "/")
    );
  }
  // Compare directories, so the rule also holds for the command-line-arguments package.
  let parentDir = dep.dir;
  for (let i = elems.length; i > last; i--) parentDir = dirname(parentDir);
  return importer.dir === parentDir || importer.dir.startsWith(parentDir + sep);
}

function isDirPattern(p: string): boolean {
  return (
    p === "." ||
    p === ".." ||
    p.startsWith("./") ||
    p.startsWith("../") ||
    isAbsolute(p) ||
    p === "..."
  );
}

/** stripDots removes a trailing `/...` (or a lone `...`) from a directory pattern. */
function stripDots(p: string): string {
  if (p === "...") return ".";
  return p.endsWith("/...") ? p.slice(0, -4) || "/" : p;
}

/** patternRegExp compiles an import path pattern: `...` matches any string, and `x/...` also x. */
function patternRegExp(pattern: string): RegExp {
  let re = pattern.replace(/[.*+?^${}()|[\]\\]/g, (c) => "\\" + c);
  re = re.replace(/\\\.\\\.\\\./g, "\x00");
  if (re.endsWith("/\x00")) re = re.slice(0, -2) + "(/.*)?";
  return new RegExp("^" + re.replace(/\x00/g, ".*") + "$");
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
