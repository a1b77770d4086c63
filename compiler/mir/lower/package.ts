// lowerPackage: the checked AST of one package to MIR. One body per function, method and
// function literal, plus `pkg.init` (ABI.md §3): package variables in the checker's
// initialisation order (Go spec "Package initialization"), then each `init` in source order.

import { DiagnosticsError, InternalError } from "../../diag.js";
import type * as ast from "../../syntax/ast.js";
import type { Info } from "../../types/info.js";
import type { Func, Package, Var } from "../../types/object.js";
import type { Type } from "../../types/type.js";
import type { Body, Global, MirPackage } from "../mir.js";
import { PTR, structType, type MirType } from "../types.js";
import { FuncLowerer } from "./func.js";
import { mirType } from "./gotypes.js";
import { TypeDescs } from "./typedesc.js";
import { ensureFunc } from "../../types/lazy.js";
import { byImportPath, goTypeString } from "./typestr.js";

/** LowerOptions tune the lowering. */
export interface LowerOptions {
  /** goVersion is the package's language version ("go1.22"); it fixes loop-variable scoping. */
  goVersion?: string;
}

/** lowerPackage builds the MIR of a checked package. */
export function lowerPackage(
  pkg: Package,
  files: ast.File[],
  info: Info,
  opts: LowerOptions = {},
): MirPackage {
  return new PkgLowerer(pkg, files, info, opts).run();
}

/** PkgLowerer holds package-wide lowering state. */
export class PkgLowerer {
  readonly bodies: Body[] = [];
  readonly globals: Global[] = [];
  private readonly globalSyms = new Map<Var, string>();
  private readonly closureObjs = new Set<string>();
  private initCount = 0;
  private readonly initFiles = new Map<ast.Expr, ast.File>();
  /** types emits type descriptors and itabs. */
  readonly types = new TypeDescs(this);

  constructor(
    readonly pkg: Package,
    readonly files: ast.File[],
    readonly info: Info,
    readonly opts: LowerOptions,
  ) {}

  /** prefix is the symbol prefix of the package: its import path. */
  get prefix(): string {
    return this.pkg.path;
  }

  run(): MirPackage {
    for (const f of this.files) this.declareGlobals(f);
    const inits: string[] = [];
    for (const f of this.files) {
      for (const d of f.decls) {
        if (d.kind !== "FuncDecl") continue;
        const obj = this.info.defs.get(d.name);
        if (d.typeParams || d.recv?.list.some((r) => hasTypeArgs(r.type))) {
          // Generic: lowered once per instantiation, on demand (monomorphisation).
          if (obj && obj.tag === "Func") this.genericDecls.set(obj, { decl: d, file: f });
          continue;
        }
        if (!d.body) this.unsupported(f, d.pos, "functions without bodies");
        const sym = this.funcSym(d);
        if (d.name.name === "init" && !d.recv) inits.push(sym);
        this.lowerFunc(f, d, sym);
      }
    }
    this.lowerInit(inits);
    this.drainInstances();
    return { path: this.pkg.path, globals: this.globals, bodies: this.bodies };
  }

  /** genericDecls maps generic functions and methods of generic types to their declarations. */
  private readonly genericDecls = new Map<Func, { decl: ast.FuncDecl; file: ast.File }>();
  private readonly instanceQueue: { sym: string; origin: Func; targs: Type[] }[] = [];
  private readonly instanceSyms = new Set<string>();

  /**
   * instanceSym names the instance of generic function (or method of a generic type) origin
   * for type arguments targs, and queues its body (ABI.md §3: `pkg.F[int,string]`).
   */
  instanceSym(origin: Func, targs: Type[], recvName: string | null): string {
    const args = targs.map((t) => goTypeString(t, byImportPath)).join(",");
    const path = origin.pkg?.path ?? "";
    let sym: string;
    if (recvName !== null) {
      sym = origin.hasPtrRecv
        ? `${path}.(*${recvName}[${args}]).${origin.name}`
        : `${path}.${recvName}[${args}].${origin.name}`;
    } else {
      sym = `${path}.${origin.name}[${args}]`;
    }
    if (!this.instanceSyms.has(sym)) {
      this.instanceSyms.add(sym);
      this.instanceQueue.push({ sym, origin, targs });
    }
    return sym;
  }

  private drainInstances(): void {
    while (this.instanceQueue.length) {
      const { sym, origin, targs } = this.instanceQueue.shift()!;
      const g = this.genericDecls.get(origin);
      if (!g) {
        // TODO(mir): instantiate generic bodies of other packages from their .rogb.
        const f = this.files[0];
        this.unsupported(f, f.pos, `instantiating ${sym} from another package`);
      }
      const sig = origin.sig;
      const tparams = sig.recvTypeParams.length ? sig.recvTypeParams : sig.typeParams;
      const subst = new Map(tparams.map((p, i) => [p, targs[i]] as const));
      const fl = new FuncLowerer(this, g.file, sym, g.decl, null, false, subst, "linkonce_odr");
      fl.lowerDecl(g.decl);
    }
  }

  /** hasBody reports whether a body with this symbol was already emitted. */
  hasBody(sym: string): boolean {
    return this.bodies.some((b) => b.sym === sym);
  }

  /** unsupported reports a construct the compiler cannot lower yet. */
  unsupported(f: ast.File, pos: number, what: string): never {
    throw new DiagnosticsError([
      { file: f.source, offset: pos, message: `not supported yet: ${what}` },
    ]);
  }

  /** funcSym is the symbol of a declared function or method. */
  funcSym(d: ast.FuncDecl): string {
    if (d.name.name === "init" && !d.recv) return `${this.prefix}.init.${this.initCount++}`;
    const obj = this.info.defs.get(d.name);
    if (obj && obj.tag === "Func") return this.funcObjSym(obj);
    throw new InternalError(`no object for func ${d.name.name}`);
  }

  /** funcObjSym is gc's symbol spelling for a function or method object. */
  funcObjSym(f: Func): string {
    ensureFunc(f);
    const path = f.pkg?.path ?? "";
    const recv = f.sig.recv;
    if (!recv) return `${path}.${f.name}`;
    let t: Type = recv.type;
    let ptr = false;
    if (t.tag === "Pointer") {
      ptr = true;
      t = t.elem;
    }
    if (t.tag === "Named" && t.typeArgs.length) {
      // A method of an instance of a generic type.
      const origin = f.origin ?? f;
      return this.instanceSym(origin, t.typeArgs, t.obj.name);
    }
    const name = t.tag === "Named" ? t.obj.name : "?";
    return ptr ? `${path}.(*${name}).${f.name}` : `${path}.${name}.${f.name}`;
  }

  /** globalSym returns the symbol of a package-level variable of this or another package. */
  globalSym(v: Var): string {
    return this.globalSyms.get(v) ?? `${v.pkg?.path ?? ""}.${v.name}`;
  }

  /** isGlobal reports a package-level variable. */
  isGlobal(v: Var): boolean {
    if (this.globalSyms.has(v)) return true;
    return v.pkg !== null && v.pkg !== this.pkg && v.pkg.scope.lookup(v.name) === v;
  }

  /**
   * closureObject returns the symbol of the constant closure object `{ptr @f}` that stands for
   * a top-level function used as a value (ABI.md §2).
   */
  closureObject(fnSym: string): string {
    const sym = `${fnSym}·f`;
    if (!this.closureObjs.has(sym)) {
      this.closureObjs.add(sym);
      this.globals.push({
        sym,
        ty: structType([PTR]),
        init: { g: "agg", parts: [{ g: "const", v: { c: "sym", sym: fnSym, fn: true } }] },
        linkage: "linkonce_odr",
        constant: true,
      });
    }
    return sym;
  }

  private declareGlobals(f: ast.File): void {
    for (const d of f.decls) {
      if (d.kind !== "GenDecl" || d.tok !== "var") continue;
      for (const s of d.specs) {
        if (s.kind !== "ValueSpec") continue;
        for (const e of s.values) this.initFiles.set(e, f);
        for (const n of s.names) {
          const v = this.info.defs.get(n);
          if (!v || v.tag !== "Var" || n.name === "_") continue;
          const sym = `${this.prefix}.${n.name}`;
          this.globalSyms.set(v, sym);
          const ty: MirType = mirType(v.type);
          this.globals.push({ sym, ty, init: { g: "zero" }, linkage: "external", constant: false });
        }
      }
    }
  }

  private lowerFunc(f: ast.File, d: ast.FuncDecl, sym: string): void {
    const fl = new FuncLowerer(this, f, sym, d);
    fl.lowerDecl(d);
  }

  private lowerInit(inits: string[]): void {
    const file = this.files[0];
    const fl = new FuncLowerer(this, file, `${this.prefix}.init`, null);
    fl.lowerPackageInit(this.info.initOrder, inits);
  }

  /** fileOfInit finds the file declaring a package-level initialiser expression. */
  fileOfInit(e: ast.Expr): ast.File {
    return this.initFiles.get(e) ?? this.files[0];
  }
}

function hasTypeArgs(t: ast.Expr): boolean {
  if (t.kind === "StarExpr") return hasTypeArgs(t.x);
  return t.kind === "IndexExpr" || t.kind === "IndexListExpr";
}
