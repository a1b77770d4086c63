// The checker's state and its entry point: collecting package-level objects from the files
// (Go spec "Declarations and scope", "Import declarations"), checking them on demand, then
// function bodies, unused imports and the initialisation order.

import type * as ast from "../syntax/ast.js";
import type { Diagnostic } from "../diag.js";
import { UNKNOWN, byteStringRunes, unquote } from "./constops.js";
import type { ConstValue } from "./constant.js";
import { Info } from "./info.js";
import type { OperandMode } from "./info.js";
import { Const, Func, Package, PkgName, TypeName, Var, type Obj } from "./object.js";
import { Scope } from "./scope.js";
import { Typ, type Named, type Signature, type Type, type TypeParam } from "./type.js";
import { relativeTo, type Qualifier } from "./typestring.js";
import { universe, unsafePackage } from "./universe.js";
import { objDecl } from "./decl.js";
import { checkDirectivePlacement, checkEmbed, checkLinknames } from "./directives.js";
import { checkInstantiationCycles } from "./monomorph.js";
import { initOrder } from "./initorder.js";
import { isUntyped } from "./predicates.js";

/** Importer returns the package for an import path (from export data), or null if missing. */
export type Importer = (path: string) => Package | null | undefined;

/** CheckOptions are the per-package settings of a check. */
export interface CheckOptions {
  /** goVersion is the package's language version ("go1.22"). */
  goVersion: string;
  /** std is true for GOROOT packages. */
  std: boolean;
  /**
   * complete says whether a bodyless function is an error (gc's -complete: the package has no
   * assembly to supply bodies). Unset, bodyless functions are errors in packages that import
   * neither unsafe nor are in GOROOT; false reports only a bodyless init, as gc's compile does.
   */
  complete?: boolean;
  /** name is the package name when there are no files to take it from (a package of tests only). */
  name?: string;
  /**
   * parseErrors says the parser reported errors (none of them syntax errors, which stop the
   * check): like gc, the checker then skips the checks it makes only in error-free packages.
   */
  parseErrors?: boolean;
}

/** DeclInfo describes one package-level declaration: where it is and what it depends on. */
export interface DeclInfo {
  file: ast.File;
  fileScope: Scope;
  /** lhs lists all variables of `var a, b = f()` (one DeclInfo shared by all). */
  lhs: Var[] | null;
  /** typ and init are the declared type and initialiser of a const or var. */
  typ: ast.Expr | null;
  init: ast.Expr | null;
  iota: number;
  /** inherited is true for a const spec that repeats an earlier spec's expressions. */
  inherited: boolean;
  tspec: ast.TypeSpec | null;
  fdecl: ast.FuncDecl | null;
  /** deps are the package-level objects this declaration refers to (for init order). */
  deps: Set<Obj>;
  /** order is the declaration's index in source order. */
  order: number;
}

/** Env is the lexical context of the expression or statement being checked. */
export interface Env {
  scope: Scope;
  decl: DeclInfo | null;
  iota: ConstValue | null;
  sig: Signature | null;
  /** hasCallOrRecv is set when the current expression has a call or receive (not constant). */
  hasCallOrRecv: boolean;
  /** funcName names the enclosing function for messages. */
  inTypeSwitch?: boolean;
}

/** UntypedInfo remembers an untyped expression until its final type is known. */
export interface UntypedInfo {
  isLhs: boolean;
  mode: OperandMode;
  type: Type;
  val: ConstValue | null;
}

type Color = "grey" | "black";

/**
 * constArity reports a constant spec whose names and values do not pair up (spec "Constant
 * declarations"); src is the spec whose values it uses (an earlier one when they are inherited).
 */
export function constArity(c: Checker, spec: ast.ValueSpec, src: ast.ValueSpec): void {
  const nn = spec.names.length;
  const nv = src.values.length;
  if (nn < nv) {
    if (src === spec) c.error(src.values[nn], "extra init expr");
    else
      c.error(
        spec,
        `extra init expr at ${src.values[nn] ? c.file.source.format(src.values[nn].pos) : "?"}`,
      );
  } else if (nn > nv) {
    c.error(spec.names[nv], `missing init expr for ${spec.names[nv].name}`);
  }
}

/** Checker holds the state of one package's check. */
export class Checker {
  readonly info = new Info();
  readonly diagnostics: Diagnostic[] = [];
  readonly pkg: Package;
  readonly objMap = new Map<Obj, DeclInfo>();
  readonly colors = new Map<Obj, Color>();
  /**
   * laterUnder holds defined types whose right-hand side is a named type still being declared
   * (`type T1 struct{ Next *T2 }; type T2 T1`: T2 is reached from T1's fields): each gets that
   * type's underlying type once the declaration in progress completes (decl.ts).
   */
  readonly laterUnder: { named: Named; from: Named }[] = [];
  /** objPath is the stack of package-level objects being declared (cycle detection). */
  readonly objPath: Obj[] = [];
  /** methods maps a receiver base type name to the methods declared on it. */
  readonly methods = new Map<string, Func[]>();
  readonly untyped = new Map<ast.Expr, UntypedInfo>();
  readonly delayed: (() => void)[] = [];
  readonly initFuncs: Func[] = [];
  /** dotImports maps objects brought in by `import .` to the PkgName (for unused reports). */
  readonly dotImports = new Map<Scope, Map<Obj, PkgName>>();
  readonly fileScopes = new Map<ast.File, Scope>();
  /** tpCanon maps a method's receiver type parameters to its generic type's parameters. */
  readonly tpCanon = new Map<TypeParam, TypeParam>();
  file!: ast.File;
  env: Env;
  qual: Qualifier;
  /** errorSeen tracks (file, line) pairs with an error, to report only the first per line. */
  private errLines = new Set<string>();

  constructor(
    readonly path: string,
    readonly files: ast.File[],
    readonly importer: Importer,
    readonly opts: CheckOptions,
  ) {
    const scope = new Scope(universe, `package ${path}`);
    this.pkg = new Package(path, files[0]?.name.name ?? opts.name ?? "", scope);
    this.pkg.goVersion = opts.goVersion;
    this.env = { scope, decl: null, iota: null, sig: null, hasCallOrRecv: false };
    this.qual = relativeTo(this.pkg);
  }

  // -------------------------------------------------------------------------------------------
  // Diagnostics

  /** errorf reports an error at a node or byte offset in the current file. */
  error(at: ast.Node | number, message: string, file: ast.File = this.file): void {
    const offset = typeof at === "number" ? at : at.pos;
    const src = file?.source ?? null;
    // A message naming an invalid operand or type (not one starting with those words, such as
    // "invalid type switch guard") follows from an earlier error: drop it.
    if (
      this.diagnostics.length > 0 &&
      (message.indexOf("invalid operand") > 0 || message.indexOf("invalid type") > 0)
    )
      return;
    if (src) {
      const key = `${src.filename}:${src.position(offset).line}`;
      if (this.errLines.has(key)) return;
      this.errLines.add(key);
    }
    this.diagnostics.push({ file: src, offset, message });
  }

  /** softError is an error that does not stop later checks (unused variables and imports). */
  softError(at: ast.Node | number, message: string, file: ast.File = this.file): void {
    this.error(at, message, file);
  }

  // -------------------------------------------------------------------------------------------
  // Recording

  recordTypeAndValue(e: ast.Expr, mode: OperandMode, type: Type, val: ConstValue | null): void {
    if (mode === "constant") this.info.types.set(e, { mode, type, value: val ?? UNKNOWN });
    else this.info.types.set(e, { mode, type });
  }

  recordDef(id: ast.Ident, obj: Obj | null): void {
    this.info.defs.set(id, obj);
  }

  recordUse(id: ast.Ident, obj: Obj): void {
    this.info.uses.set(id, obj);
  }

  recordImplicit(n: ast.Node, obj: Obj): void {
    this.info.implicits.set(n, obj);
  }

  recordScope(n: ast.Node, s: Scope): void {
    this.info.scopes.set(n, s);
  }

  rememberUntyped(
    e: ast.Expr,
    isLhs: boolean,
    mode: OperandMode,
    type: Type,
    val: ConstValue | null,
  ): void {
    this.untyped.set(e, { isLhs, mode, type, val });
  }

  /** declare inserts obj into scope, reporting a redeclaration. */
  declare(scope: Scope, id: ast.Ident | null, obj: Obj): void {
    if (obj.name !== "_") {
      const old = scope.insert(obj);
      if (old) {
        const at = id ?? obj.pos;
        this.error(at, `${obj.name} redeclared in this block`);
        return;
      }
    }
    if (id) this.recordDef(id, obj);
  }

  /** newEnv runs f with a modified environment and restores it afterwards. */
  withEnv<T>(env: Partial<Env>, f: () => T): T {
    const saved = this.env;
    this.env = { ...saved, ...env };
    try {
      return f();
    } finally {
      this.env = saved;
    }
  }

  withFile<T>(file: ast.File, f: () => T): T {
    const saved = this.file;
    this.file = file;
    try {
      return f();
    } finally {
      this.file = saved;
    }
  }

  /** later queues work to run after all package-level declarations are checked. */
  later(f: () => void): void {
    const file = this.file;
    const env = this.env;
    this.delayed.push(() => {
      const saved = this.env;
      this.env = env;
      try {
        this.withFile(file, f);
      } finally {
        this.env = saved;
      }
    });
  }

  // -------------------------------------------------------------------------------------------
  // The whole check

  /** run checks the package. */
  run(): void {
    this.collectObjects();
    this.packageObjects();
    this.processDelayed();
    this.flushUntyped();
    this.unusedImports();
    checkLinknames(this);
    if (this.diagnostics.length === 0 && !this.opts.parseErrors) checkDirectivePlacement(this);
    checkInstantiationCycles(this);
    this.info.initOrder = initOrder(this);
    this.pkg.imports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  processDelayed(): void {
    for (let i = 0; i < this.delayed.length; i++) this.delayed[i]();
    this.delayed.length = 0;
  }

  private flushUntyped(): void {
    for (const [e, u] of this.untyped) {
      // Untyped constants that never got a context keep their untyped type.
      this.recordTypeAndValue(e, u.mode, u.type, u.val);
    }
    this.untyped.clear();
  }

  /** collectObjects declares every package-level object and each file's imports. */
  private collectObjects(): void {
    const pkgNames = new Set<string>();
    let order = 0;
    const imported = new Map<string, Package>();
    for (const file of this.files) {
      this.file = file;
      pkgNames.add(file.name.name);
      if (file.name.name !== this.pkg.name && this.pkg.name !== "") {
        this.error(file.name, `package ${file.name.name}; expected package ${this.pkg.name}`);
        continue;
      }
      if (file.name.name === "_") this.error(file.name, "invalid package name _");
      const fileScope = new Scope(
        this.pkg.scope,
        `file ${file.source.filename}`,
        file.pos,
        file.end,
      );
      this.fileScopes.set(file, fileScope);
      this.recordScope(file, fileScope);
      this.info.fileVersions.set(file, this.fileVersion(file));
      const mk = (extra: Partial<DeclInfo>): DeclInfo => ({
        file,
        fileScope,
        lhs: null,
        typ: null,
        init: null,
        iota: 0,
        inherited: false,
        tspec: null,
        fdecl: null,
        deps: new Set(),
        order: order++,
        ...extra,
      });
      for (const spec of file.imports) this.collectImport(file, fileScope, spec, imported);
      for (const decl of file.decls) {
        if (decl.kind === "BadDecl") continue;
        if (decl.kind === "GenDecl") {
          if (decl.tok === "import") continue;
          let last: ast.ValueSpec | null = null;
          for (const spec of decl.specs) {
            if (spec.kind === "TypeSpec") {
              const obj = new TypeName(
                this.pkg,
                spec.name.name,
                Typ.invalid,
                spec.name.pos,
                file.source.filename,
              );
              this.declarePkgObj(spec.name, obj, mk({ tspec: spec }));
            } else if (spec.kind === "ValueSpec" && decl.tok === "const") {
              let src = spec;
              let inherited = false;
              if (spec.type === null && spec.values.length === 0 && last) {
                src = last;
                inherited = true;
              } else last = spec;
              spec.names.forEach((name, i) => {
                const obj = new Const(
                  this.pkg,
                  name.name,
                  Typ.invalid,
                  name.pos,
                  file.source.filename,
                );
                obj.val = UNKNOWN;
                const init = src.values[i] ?? null;
                this.declarePkgObj(
                  name,
                  obj,
                  mk({ typ: src.type, init, iota: spec.iota, inherited }),
                );
              });
              this.checkArity(spec, src, true);
            } else if (spec.kind === "ValueSpec") {
              const vars = spec.names.map(
                (name) => new Var(this.pkg, name.name, Typ.invalid, name.pos, file.source.filename),
              );
              if (spec.values.length === 1 && spec.names.length > 1) {
                const d = mk({ lhs: vars, typ: spec.type, init: spec.values[0] });
                spec.names.forEach((name, i) => this.declarePkgObj(name, vars[i], d));
              } else {
                spec.names.forEach((name, i) =>
                  this.declarePkgObj(
                    name,
                    vars[i],
                    mk({ typ: spec.type, init: spec.values[i] ?? null }),
                  ),
                );
              }
              this.checkArity(spec, spec, false);
              if (spec.directives.length > 0) checkEmbed(this, spec, false);
            }
          }
          continue;
        }
        this.collectFunc(decl, mk({ fdecl: decl }));
      }
    }
    this.pkg.imports = [...imported.values()];
    this.resolveAliasReceivers();
    // Package-scope names must not clash with file-scope imports.
    for (const [file, fs] of this.fileScopes) {
      for (const name of fs.names()) {
        const o = fs.lookup(name)!;
        const p = this.pkg.scope.lookup(name);
        if (p && o instanceof PkgName) {
          this.withFile(file, () =>
            this.error(
              o.pos,
              `${name} already declared through import of package ${o.imported.name} ("${o.imported.path}")`,
            ),
          );
        }
      }
    }
  }

  /**
   * resolveAliasReceivers files the methods declared through an alias (`type A = T` then
   * `func (A) m()`) under T when T is a type declared in this package: they are T's methods
   * (spec: "Method declarations": the receiver base type is the type the name denotes).
   * Each list stays in source order, so "already declared" names the first declaration.
   */
  private resolveAliasReceivers(): void {
    for (const name of [...this.methods.keys()]) {
      const base = this.aliasedTypeName(name);
      if (base === null || base === name) continue;
      const moved = [...(this.methods.get(base) ?? []), ...this.methods.get(name)!];
      const order = (m: Func) => this.objMap.get(m)?.order ?? 0;
      this.methods.delete(name);
      this.methods.set(
        base,
        moved.sort((a, b) => order(a) - order(b)),
      );
    }
  }

  /**
   * aliasedTypeName follows package-level aliases from name, as written (`type A = B`,
   * `type B = T`), to the name of the defined type they denote: name itself when it is not an
   * alias, null when the chain leaves the package's type names (`type A = int`), takes
   * arguments or loops.
   */
  private aliasedTypeName(name: string): string | null {
    const seen = new Set<string>();
    for (;;) {
      const obj = this.pkg.scope.lookup(name);
      const spec = obj instanceof TypeName ? this.objMap.get(obj)?.tspec : null;
      if (!spec) return null;
      if (spec.assign < 0) return name;
      if (spec.typeParams !== null || seen.has(name)) return null;
      seen.add(name);
      let rhs = spec.type;
      while (rhs.kind === "ParenExpr") rhs = rhs.x;
      if (rhs.kind !== "Ident") return null;
      name = rhs.name;
    }
  }

  private fileVersion(file: ast.File): string {
    const v = file.goVersion;
    if (v && /^go1\.\d+/.test(v)) {
      // A file's //go:build version may raise the language version (since Go 1.21).
      const fv = parseInt(v.slice(4), 10);
      const pv = parseInt(this.opts.goVersion.slice(4), 10) || 99;
      if (fv >= 21 || fv > pv) return `go1.${fv}`;
    }
    return this.opts.goVersion;
  }

  private checkArity(spec: ast.ValueSpec, src: ast.ValueSpec, isConst: boolean): void {
    const nn = spec.names.length;
    const nv = src.values.length;
    if (isConst) {
      constArity(this, spec, src);
      return;
    }
    if (nv === 0) return;
    if (nv === 1 && nn > 1) return;
    if (nn > nv) {
      this.error(
        spec.names[nv],
        `assignment mismatch: ${nn} variables but ${nv} value${nv === 1 ? "" : "s"}`,
      );
    } else if (nn < nv) {
      this.error(
        src.values[nn],
        `assignment mismatch: ${nn} variable${nn === 1 ? "" : "s"} but ${nv} values`,
      );
    }
  }

  private collectImport(
    file: ast.File,
    fileScope: Scope,
    spec: ast.ImportSpec,
    imported: Map<string, Package>,
  ): void {
    const bytes = unquote(spec.path.value);
    const bad = bytes === null ? "invalid syntax" : importPathProblem(bytes);
    if (bad !== null) {
      this.error(spec.path, `invalid import path (${bad})`);
      return;
    }
    const path = String.fromCodePoint(...byteStringRunes(bytes!));
    if (path.startsWith("/")) {
      this.error(spec.path, `could not import ${path} (import path cannot be absolute path)`);
      return;
    }
    let imp: Package | null | undefined;
    if (path === "unsafe") imp = unsafePackage;
    else if (path === "C") {
      this.error(spec.path, "not supported yet: cgo");
      return;
    } else {
      try {
        imp = this.importer(path);
      } catch (e) {
        imp = null;
      }
    }
    if (!imp) {
      this.error(spec.path, `could not import ${path} (package not found)`);
      return;
    }
    if (path !== "unsafe") imported.set(path, imp);
    const name = spec.name?.name ?? imp.name;
    if (name === "_") {
      if (spec.name) this.recordDef(spec.name, null);
      return;
    }
    if (name === "init") {
      this.error(spec.name ?? spec.path, "cannot import package as init - init must be a func");
      return;
    }
    const pn = new PkgName(
      this.pkg,
      name,
      Typ.invalid,
      spec.name?.pos ?? spec.pos,
      file.source.filename,
    );
    pn.imported = imp;
    if (name === ".") {
      for (const n of imp.scope.names()) {
        const o = imp.scope.lookup(n)!;
        if (!o.exported) continue;
        const old = fileScope.insert(o);
        if (old) this.error(spec, `${n} redeclared in this block`);
        else {
          let m = this.dotImports.get(fileScope);
          if (!m) this.dotImports.set(fileScope, (m = new Map()));
          m.set(o, pn);
        }
      }
      this.recordImplicit(spec, pn);
      return;
    }
    if (spec.name) this.recordDef(spec.name, pn);
    else this.recordImplicit(spec, pn);
    const old = fileScope.insert(pn);
    if (old) {
      this.error(spec.name ?? spec.path, `${name} redeclared in this block`);
    }
  }

  private declarePkgObj(id: ast.Ident, obj: Obj, d: DeclInfo): void {
    if (id.name === "init") {
      this.error(id, "cannot declare init - must be func");
      return;
    }
    if (id.name === "main" && this.pkg.name === "main" && !(obj instanceof Func)) {
      this.error(id, "cannot declare main - must be func");
      return;
    }
    this.declare(this.pkg.scope, id, obj);
    this.objMap.set(obj, d);
  }

  private collectFunc(decl: ast.FuncDecl, d: DeclInfo): void {
    const name = decl.name.name;
    const obj = new Func(this.pkg, name, Typ.invalid, decl.name.pos, this.file.source.filename);
    this.objMap.set(obj, d);
    if (decl.recv === null) {
      obj.fullName = `${this.path}.${name}`;
      if (name === "init" || (name === "main" && this.pkg.name === "main")) {
        if (decl.typeParams && decl.typeParams.list.length > 0) {
          this.error(decl.typeParams, `func ${name} must have no type parameters`);
        }
        if (decl.type.params.list.length > 0 || (decl.type.results?.list.length ?? 0) > 0) {
          this.error(decl.name, `func ${name} must have no arguments and no return values`);
        }
      }
      if (name === "init") {
        if (decl.body === null) this.error(decl.name, "missing function body");
        this.recordDef(decl.name, obj);
        this.initFuncs.push(obj);
        return;
      }
      this.declare(this.pkg.scope, decl.name, obj);
      return;
    }
    // A method: remember it under its receiver's base type name.
    this.recordDef(decl.name, obj);
    const base = recvBaseName(decl.recv);
    if (base === null) return;
    const list = this.methods.get(base.name) ?? [];
    list.push(obj);
    this.methods.set(base.name, list);
    obj.hasPtrRecv = base.ptr;
  }

  /** packageObjects checks every package-level object, types first. */
  private packageObjects(): void {
    const objs = [...this.objMap.keys()];
    const types = objs.filter((o) => o instanceof TypeName);
    for (const o of types) if (!(o as TypeName).isAlias) objDecl(this, o);
    for (const o of objs) objDecl(this, o);
  }

  private unusedImports(): void {
    for (const file of this.files) {
      const fs = this.fileScopes.get(file);
      if (!fs) continue;
      this.file = file;
      for (const spec of file.imports) {
        const obj = this.info.defs.get(spec.name!) ?? this.info.implicits.get(spec);
        if (!(obj instanceof PkgName)) continue;
        if (spec.name?.name === ".") {
          if (!this.dotUsed.has(obj))
            this.softError(spec, `"${obj.imported.path}" imported and not used`);
          continue;
        }
        if (!obj.used) {
          const path = obj.imported.path;
          const elem = path.slice(path.lastIndexOf("/") + 1);
          if (spec.name && spec.name.name !== elem && spec.name.name !== obj.imported.name)
            this.softError(spec, `"${path}" imported as ${spec.name.name} and not used`);
          else if (!spec.name && obj.imported.name !== elem)
            this.softError(spec, `"${path}" imported as ${obj.imported.name} and not used`);
          else if (spec.name && spec.name.name !== elem)
            this.softError(spec, `"${path}" imported as ${spec.name.name} and not used`);
          else this.softError(spec, `"${path}" imported and not used`);
        }
      }
    }
  }

  /** checkBranches makes the checker report label and branch errors itself (off: the parser does). */
  checkBranches = false;

  /** dotUsed collects dot-import PkgNames whose objects were used. */
  readonly dotUsed = new Set<PkgName>();

  /** isUntypedType is a convenience re-export for the other checker files. */
  isUntyped(t: Type): boolean {
    return isUntyped(t);
  }

  /** langVersion is the current file's minor language version (22 for go1.22). */
  langMinor(): number {
    const v = this.info.fileVersions.get(this.file) ?? this.opts.goVersion;
    const m = /^go1\.(\d+)/.exec(v);
    return m ? parseInt(m[1], 10) : 99;
  }
}

/** recvBaseName finds the base type name of a receiver `(r *T[P])`. */
export function recvBaseName(recv: ast.FieldList): { name: string; ptr: boolean } | null {
  if (recv.list.length === 0) return null;
  let t: ast.Expr = recv.list[0].type;
  let ptr = false;
  for (;;) {
    if (t.kind === "ParenExpr") t = t.x;
    else if (t.kind === "StarExpr" && !ptr) {
      ptr = true;
      t = t.x;
    } else break;
  }
  if (t.kind === "IndexExpr" || t.kind === "IndexListExpr") t = t.x;
  if (t.kind === "ParenExpr") t = t.x;
  if (t.kind !== "Ident") return null;
  return { name: t.name, ptr };
}

/** lookupObj resolves a name in the current scope chain, handling file scopes. */
export function lookupName(c: Checker, name: string): Obj | undefined {
  const r = c.env.scope.lookupParent(name);
  return r ? r[1] : undefined;
}

export type { Obj };

/**
 * importPathProblem says what is wrong with an import path (a byte string), as gc words it, or
 * returns null: the path must be non-empty and every rune graphic, not a space and none of
 * !"#$%&'()*,:;<=>?[\]^`{|} or U+FFFD (which is also what an invalid UTF-8 byte decodes to).
 */
function importPathProblem(bytes: string): string | null {
  if (bytes === "") return "empty string";
  for (const r of byteStringRunes(bytes)) {
    const c = String.fromCodePoint(r);
    if (!GRAPHIC.test(c) || SPACE.test(c) || ILLEGAL_IMPORT_CHARS.includes(c)) {
      return `invalid character ${formatRuneU(r)}`;
    }
  }
  return null;
}

const GRAPHIC = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u;
const SPACE = /^[\t\n\v\f\r \u0085\u00a0\p{White_Space}]$/u;
const ILLEGAL_IMPORT_CHARS = "!\"#$%&'()*,:;<=>?[\\]^{|}`\ufffd";

/** formatRuneU formats a rune as Go's %#U: U+0021 '!', or U+0000 for an unprintable one. */
function formatRuneU(r: number): string {
  const hex = "U+" + r.toString(16).toUpperCase().padStart(4, "0");
  const c = String.fromCodePoint(r);
  const printable = c === " " || (GRAPHIC.test(c) && !/^\p{Zs}$/u.test(c));
  return printable ? `${hex} '${c}'` : hex;
}
