// lowerPackage: the checked AST of one package to MIR. One body per function, method and
// function literal, plus `pkg.init` (ABI.md §3): package variables in the checker's
// initialisation order (Go spec "Package initialization"), then each `init` in source order.

import { DiagnosticsError, InternalError } from "../../diag.js";
import { createHash } from "node:crypto";
import type * as ast from "../../syntax/ast.js";
import type { Info } from "../../types/info.js";
import type { Func, Package, Var } from "../../types/object.js";
import type { Type } from "../../types/type.js";
import { BODIES } from "../../../rules/src/overlay.js";
import { FnBuilder } from "../builder.js";
import {
  copy,
  place,
  type Body,
  type Callee,
  type ConstVal,
  type ExternInstance,
  type Global,
  type MirPackage,
} from "../mir.js";
import { writeTypeList } from "../../types/exportdata.js";
import { PTR, sizeOf, structType, typeStr, type MirType } from "../types.js";
import { FuncLowerer } from "./func.js";
import { mirType, paramTypes, resultType } from "./gotypes.js";
import { TypeDescs } from "./typedesc.js";
import { StaticInit } from "./staticinit.js";
import { constLocals } from "./scan.js";
import type { ConstValue } from "../../types/constant.js";
import { ensureFunc } from "../../types/lazy.js";
import { symKey } from "./typestr.js";

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
  /** varGlobals are this package's variables emitted here, for static initialisation. */
  private readonly varGlobals = new Map<Var, Global>();
  readonly statics = new StaticInit(this);
  private constLocalsMemo: Map<Var, ConstValue> | null = null;
  /** constSyms holds the linkonce_odr constant data already emitted (closure objects, boxes). */
  private readonly constSyms = new Set<string>();
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

  /** linknames maps functions and variables of this package to their `//go:linkname` target. */
  private readonly linknames = new Map<Func | Var, string>();

  run(): MirPackage {
    this.collectLinknames();
    for (const f of this.files) this.declareGlobals(f, true);
    this.collectGenerics();
    const inits: string[] = [];
    for (const f of this.files) {
      for (const d of f.decls) {
        if (d.kind !== "FuncDecl" || isGeneric(d)) continue;
        // `func _()` (math/big has several, for compile-time checks) can never be called.
        if (d.name.name === "_") continue;
        const obj = this.info.defs.get(d.name);
        if (!d.body) {
          if (obj && obj.tag === "Func") this.bodyless(f, d, obj);
          continue;
        }
        const sym = this.funcSym(d);
        if (obj && obj.tag === "Func" && this.linknames.has(obj)) {
          // A push linkname defines the function under its target; the package's own name
          // forwards to it, for other packages' references.
          const natural = this.naturalSym(obj);
          if (sym !== natural) this.forward(f, d, obj, natural, { c: "fn", sym });
        }
        if (d.name.name === "init" && !d.recv) inits.push(sym);
        this.lowerFunc(f, d, sym);
      }
    }
    this.lowerInit(inits);
    this.drainInstances();
    const out: MirPackage = { path: this.pkg.path, globals: this.globals, bodies: this.bodies };
    if (this.externs.length) out.externs = this.externs;
    return out;
  }

  /**
   * prepareInstances readies the lowerer to lower only instances of the package's generics, for
   * a dependent's opt action (instantiate.ts): symbols and linknames as in the package's own
   * check, but no bodies or globals of its own.
   */
  prepareInstances(): void {
    this.collectLinknames();
    for (const f of this.files) this.declareGlobals(f, false);
    this.collectGenerics();
  }

  /** collectGenerics records the generic declarations, lowered per instance on demand. */
  private collectGenerics(): void {
    for (const f of this.files) {
      for (const d of f.decls) {
        if (d.kind !== "FuncDecl" || !isGeneric(d)) continue;
        const obj = this.info.defs.get(d.name);
        if (obj && obj.tag === "Func") this.genericDecls.set(obj, { decl: d, file: f });
      }
    }
  }

  /** genericDecls maps generic functions and methods of generic types to their declarations. */
  private readonly genericDecls = new Map<Func, { decl: ast.FuncDecl; file: ast.File }>();
  private readonly instanceQueue: { sym: string; origin: Func; targs: Type[] }[] = [];
  private readonly instanceSyms = new Set<string>();
  /** externs collects the instances of other packages' generics (MirPackage.externs). */
  private readonly externs: ExternInstance[] = [];
  /**
   * foreign handles an instance of another package's generic. By default it is recorded for the
   * opt action; the instantiator (instantiate.ts) lowers it at once instead.
   */
  foreign: (sym: string, origin: Func, targs: Type[]) => void = (sym, origin, targs) => {
    this.externs.push({
      sym,
      pkg: origin.pkg?.path ?? "",
      recv: recvTypeName(origin),
      name: origin.name,
      targs: writeTypeList(this.pkg, targs),
    });
  };

  /**
   * instanceSym names the instance of generic function (or method of a generic type) origin
   * for type arguments targs, and queues its body (ABI.md §3: `pkg.F[int,string]`).
   */
  instanceSym(origin: Func, targs: Type[], recvName: string | null): string {
    const args = targs.map((t) => symKey(t)).join(",");
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

  /** hasPendingInstances reports queued instances not lowered yet. */
  hasPendingInstances(): boolean {
    return this.instanceQueue.length > 0;
  }

  /** drainInstances lowers the queued instances of this package's generics. */
  drainInstances(): void {
    while (this.instanceQueue.length) {
      const { sym, origin, targs } = this.instanceQueue.shift()!;
      const g = this.genericDecls.get(origin);
      if (!g) {
        if (origin.pkg !== this.pkg) {
          this.foreign(sym, origin, targs);
          continue;
        }
        throw new InternalError(`no declaration for generic ${sym}`);
      }
      const sig = origin.sig;
      const tparams = sig.recvTypeParams.length ? sig.recvTypeParams : sig.typeParams;
      const subst = new Map(tparams.map((p, i) => [p, targs[i]] as const));
      const fl = new FuncLowerer(this, g.file, sym, g.decl, null, false, subst, "linkonce_odr");
      fl.lowerDecl(g.decl);
    }
  }

  /** collectLinknames reads the two-argument `//go:linkname local target` directives. */
  private collectLinknames(): void {
    for (const f of this.files) {
      for (const d of f.directives) {
        if (d.name !== "go:linkname") continue;
        const args = d.args.split(/\s+/).filter(Boolean);
        if (args.length !== 2) continue;
        const obj = this.pkg.scope.lookup(args[0]);
        if (obj && (obj.tag === "Func" || obj.tag === "Var"))
          this.linknames.set(obj as Func | Var, args[1]);
      }
    }
  }

  /** naturalSym is `pkgpath.name`, the symbol of a top-level function without linkname. */
  private naturalSym(f: Func): string {
    return `${f.pkg?.path ?? ""}.${f.name}`;
  }

  /**
   * bodyless handles a function declared without a body: its symbol is defined elsewhere (the
   * linkname target, or another package pushing `pkgpath.name`), by a BODIES entry, or by the
   * Rust runtime (a target without a dot is a C function).
   */
  private bodyless(f: ast.File, d: ast.FuncDecl, obj: Func): void {
    const natural = d.recv ? this.funcObjSym(obj) : this.naturalSym(obj);
    const special = BODIES[natural];
    if (special) {
      const callee: Callee =
        special.kind === "alias"
          ? { c: "fn", sym: special.target }
          : { c: "rt", sym: special.name };
      this.forward(f, d, obj, natural, callee);
      return;
    }
    const target = this.linknames.get(obj);
    if (target === undefined || target === natural) return; // declared where used
    if (!target.includes(".")) {
      this.checkCSig(f, d, obj);
      this.forward(f, d, obj, natural, { c: "rt", sym: target });
      return;
    }
    this.forward(f, d, obj, natural, { c: "fn", sym: target });
  }

  /** checkCSig rejects Rust bindings whose signature is not a C-ABI scalar one. */
  private checkCSig(f: ast.File, d: ast.FuncDecl, obj: Func): void {
    const scalar = (t: MirType) => t.k === "int" || t.k === "ptr" || t.k === "bool";
    const word = (t: MirType) => t.k === "ptr" || (t.k === "int" && t.bits === 64);
    const sig = obj.sig;
    const ps = paramTypes(sig, true);
    const r = resultType(sig);
    const okRes =
      r.k === "void" ||
      scalar(r) ||
      (r.k === "struct" && r.fields.length === 2 && r.fields.every(word));
    if (!ps.every(scalar) || !okRes) {
      this.unsupported(
        f,
        d.pos,
        `C signature of ${obj.name} (scalars only, at most two 8-byte results)`,
      );
    }
  }

  /** forward emits a body for sym that calls callee with its parameters and returns its result. */
  private forward(f: ast.File, d: ast.FuncDecl, obj: Func, sym: string, callee: Callee): void {
    const sig = obj.sig;
    const params = paramTypes(sig, true);
    const result = resultType(sig);
    const line = f.source.position(d.pos).line;
    // No file, so no debug information: the forwarder is not a frame of its own. Inlined, its
    // code takes the call's location; runtime.Callers does not count it (ABI.md, "Call stacks").
    const b = new FnBuilder(sym, params, result, { line });
    b.line = line;
    const args = params.map((_, i) => copy(place(b.param(i))));
    if (result.k === "void") b.call(callee, args, result);
    else b.callInto(callee, args, result, place(0));
    b.ret();
    this.bodies.push(b.finish());
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

  /**
   * funcObjSym is gc's symbol spelling for a function or method object. In a generic body, sub
   * substitutes the instance's type arguments into a generic receiver's type arguments.
   */
  funcObjSym(f: Func, sub: (t: Type) => Type = (t) => t): string {
    ensureFunc(f);
    const path = f.pkg?.path ?? "";
    const recv = f.sig.recv;
    if (!recv) {
      const target = f.pkg === this.pkg ? this.linknames.get(f) : undefined;
      return target?.includes(".") ? target : `${path}.${f.name}`;
    }
    let t: Type = recv.type;
    let ptr = false;
    if (t.tag === "Pointer") {
      ptr = true;
      t = t.elem;
    }
    if (t.tag === "Named" && t.typeArgs.length) {
      // A method of an instance of a generic type.
      const origin = f.origin ?? f;
      return this.instanceSym(origin, t.typeArgs.map(sub), t.obj.name);
    }
    const name = t.tag === "Named" ? t.obj.name : "?";
    return ptr ? `${path}.(*${name}).${f.name}` : `${path}.${name}.${f.name}`;
  }

  /** globalSym returns the symbol of a package-level variable of this or another package. */
  globalSym(v: Var): string {
    return this.globalSyms.get(v) ?? `${v.pkg?.path ?? ""}.${v.name}`;
  }

  /**
   * addressSym is the symbol whose address &v is: a variable of size zero lives at the
   * runtime's rog_zerobase, where every zero-sized allocation points, so `&x == new([0]int)`
   * holds as with gc.
   */
  addressSym(v: Var): string {
    return sizeOf(mirType(v.type)) === 0 ? "rog_zerobase" : this.globalSym(v);
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
    if (!this.constSyms.has(sym)) {
      this.constSyms.add(sym);
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

  /**
   * constBox returns the symbol of read-only data holding the constant v of type ty, for a
   * constant converted to an interface: the interface points at it and nothing is allocated.
   * The name is derived from the contents, so equal boxes from any package are one symbol.
   */
  constBox(ty: MirType, v: ConstVal): string {
    const h = createHash("sha256").update(typeStr(ty));
    if (v.c === "str") h.update("s").update(v.v);
    else if (v.c === "float") h.update(`f${Object.is(v.v, -0) ? "-0" : String(v.v)}`);
    else if (v.c === "int") h.update(`i${v.v}`);
    else if (v.c === "bool") h.update(`b${v.v}`);
    else throw new InternalError(`constBox of ${v.c}`);
    const sym = `go:cbox.${h.digest("hex").slice(0, 20)}`;
    if (!this.constSyms.has(sym)) {
      this.constSyms.add(sym);
      this.globals.push({
        sym,
        ty,
        init: { g: "const", v },
        linkage: "linkonce_odr",
        constant: true,
      });
    }
    return sym;
  }

  /** declareGlobals names the package's variables, and with emit defines them. */
  private declareGlobals(f: ast.File, emit: boolean): void {
    for (const d of f.decls) {
      if (d.kind !== "GenDecl" || d.tok !== "var") continue;
      for (const s of d.specs) {
        if (s.kind !== "ValueSpec") continue;
        for (const e of s.values) this.initFiles.set(e, f);
        for (const n of s.names) {
          const v = this.info.defs.get(n);
          if (!v || v.tag !== "Var" || n.name === "_") continue;
          const target = this.linknames.get(v);
          const sym = target ?? `${this.prefix}.${n.name}`;
          this.globalSyms.set(v, sym);
          // `//go:linkname v target` without initialiser refers to a global defined elsewhere.
          if (!emit || (target !== undefined && s.values.length === 0)) continue;
          const ty: MirType = mirType(v.type);
          const g: Global = { sym, ty, init: { g: "zero" }, linkage: "external", constant: false };
          this.globals.push(g);
          this.varGlobals.set(v, g);
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

  /**
   * initStatically gives v the value of e as initialised data and reports whether it could;
   * pkg.init then has nothing to do for v.
   */
  initStatically(v: Var, e: ast.Expr): boolean {
    const g = this.varGlobals.get(v);
    if (!g) return false;
    const init = this.statics.value(e, v.type);
    if (!init) return false;
    g.init = init;
    return true;
  }

  /** constLocal is the constant a local variable always holds (scan.ts constLocals), if any. */
  constLocal(v: Var): ConstValue | undefined {
    this.constLocalsMemo ??= constLocals(this.files, this.info);
    return this.constLocalsMemo.get(v);
  }

  /** fileOfInit finds the file declaring a package-level initialiser expression. */
  fileOfInit(e: ast.Expr): ast.File {
    return this.initFiles.get(e) ?? this.files[0];
  }
}

/** isGeneric reports a generic function or a method of a generic type. */
export function isGeneric(d: ast.FuncDecl): boolean {
  return !!d.typeParams || !!d.recv?.list.some((r) => hasTypeArgs(r.type));
}

/** recvTypeName names the generic type a method belongs to, "" for a function. */
export function recvTypeName(f: Func): string {
  let t: Type | undefined = f.sig.recv?.type;
  if (t?.tag === "Pointer") t = t.elem;
  return t?.tag === "Named" ? t.obj.name : "";
}

function hasTypeArgs(t: ast.Expr): boolean {
  if (t.kind === "StarExpr") return hasTypeArgs(t.x);
  return t.kind === "IndexExpr" || t.kind === "IndexListExpr";
}
