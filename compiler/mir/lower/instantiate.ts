// Instances of other packages' generics, made in the opt action. A package's check lowers its
// own generic code per instance, but an instance of a dependency's generic function or method
// (slices.Sort[[]int], atomic.Pointer[T].Load) needs that dependency's checked body, which the
// check action does not have: it reads only direct dependencies' export data (DESIGN.md §1).
// So check records such instances in MirPackage.externs, and opt, which reads the .rogb files
// of all dependencies, type-checks the declaring packages' source again (against their own
// dependencies' export data) and lowers the instances as linkonce_odr bodies of this package.
//
// Every package is materialised once per opt action and through one importer: from source when
// its .rogb carries source (it declares generics), else from its .rogx. So each named type is a
// single object, and the type arguments decoded from the check's export-data form resolve to
// the same objects as the generic code's own types.

import { InternalError } from "../../diag.js";
import { parseFile } from "../../syntax/parser.js";
import { SourceFile } from "../../syntax/source.js";
import { checkPackage, type Importer } from "../../types/index.js";
import { readExportData, readTypeList } from "../../types/exportdata.js";
import { ensureFunc } from "../../types/lazy.js";
import { Func, TypeName, type Package } from "../../types/object.js";
import type { Type } from "../../types/type.js";
import { unsafePackage } from "../../types/universe.js";
import { decodeBodies, type PackageSource } from "../bodies.js";
import type { ExternInstance, MirPackage } from "../mir.js";
import { PkgLowerer, recvTypeName } from "./package.js";

/** DependencyFiles are a package's dependencies' files, by import path (all, not only direct). */
export interface DependencyFiles {
  /** exports holds the .rogx files. */
  exports: Map<string, Uint8Array>;
  /** bodies holds the .rogb files. */
  bodies: Map<string, Uint8Array>;
}

/**
 * instantiateExterns lowers every instance that pkg.externs asks for, and the instances those
 * need in turn, appending their bodies and type descriptors to pkg (in place).
 */
export function instantiateExterns(pkg: MirPackage, deps: DependencyFiles): void {
  if (!pkg.externs?.length) return;
  new Instantiator(deps).run(pkg, pkg.externs);
  delete pkg.externs;
}

class Instantiator {
  private readonly pkgs = new Map<string, Package>();
  /** lowerers holds, per package checked from source, the lowerer of its instances. */
  private readonly lowerers = new Map<string, PkgLowerer>();
  private readonly requested = new Set<string>();
  readonly importer: Importer = (path) => this.load(path);

  constructor(private readonly deps: DependencyFiles) {}

  run(pkg: MirPackage, externs: ExternInstance[]): void {
    for (const e of externs) {
      const origin = this.originOf(e);
      this.request(e.sym, origin, readTypeList(e.targs, this.importer));
    }
    this.drain();

    // Merge: instances and descriptors are linkonce_odr, so one copy of each symbol is kept.
    const bodySyms = new Set(pkg.bodies.map((b) => b.sym));
    const globalSyms = new Set(pkg.globals.map((g) => g.sym));
    for (const l of this.lowerers.values()) {
      for (const b of l.bodies) {
        if (!bodySyms.has(b.sym)) pkg.bodies.push(b);
        bodySyms.add(b.sym);
      }
      for (const g of l.globals) {
        if (!globalSyms.has(g.sym)) pkg.globals.push(g);
        globalSyms.add(g.sym);
      }
    }
  }

  /** load materialises a package: from source if its .rogb has any, else from its .rogx. */
  private load(path: string): Package | null {
    if (path === "unsafe") return unsafePackage;
    const known = this.pkgs.get(path);
    if (known) return known;
    const rogb = this.deps.bodies.get(path);
    const src = rogb ? decodeBodies(rogb, `${path}.rogb`) : null;
    if (src) return this.checkSource(src);
    const rogx = this.deps.exports.get(path);
    if (!rogx) return null;
    const pkg = readExportData(rogx, path, this.importer);
    this.pkgs.set(path, pkg);
    return pkg;
  }

  /** checkSource type-checks a package's source again, as its own check action did. */
  private checkSource(src: PackageSource): Package {
    const files = src.files.map((f) => {
      const parsed = parseFile(new SourceFile(f.name, f.bytes));
      if (parsed.diagnostics.length) this.broken(src, parsed.diagnostics[0].message);
      return parsed.file;
    });
    const importer: Importer = (spelled) => this.importer(src.imports[spelled] ?? spelled);
    const checked = checkPackage(src.path, files, importer, {
      goVersion: src.goVersion,
      std: src.std,
    });
    if (checked.diagnostics.length) this.broken(src, checked.diagnostics[0].message);
    this.pkgs.set(src.path, checked.pkg);

    const l = new PkgLowerer(checked.pkg, files, checked.info, { goVersion: src.goVersion });
    l.prepareInstances();
    l.foreign = (sym, origin, targs) => this.request(sym, origin, targs);
    this.lowerers.set(src.path, l);
    return checked.pkg;
  }

  private broken(src: PackageSource, why: string): never {
    throw new InternalError(`${src.path}: its .rogb source no longer checks: ${why}`);
  }

  /** originOf finds the generic function or method an extern names, in its package's source. */
  private originOf(e: ExternInstance): Func {
    const pkg = this.load(e.pkg);
    if (!pkg || !this.lowerers.has(e.pkg)) {
      throw new InternalError(
        `${e.sym}: no generic source for package ${e.pkg} in the .rogb inputs`,
      );
    }
    const obj = pkg.scope.lookup(e.recv || e.name);
    let f: Func | undefined;
    if (!e.recv && obj instanceof Func) f = obj;
    if (e.recv && obj instanceof TypeName && obj.type.tag === "Named") {
      f = obj.type.methods.find((m) => m.name === e.name);
    }
    if (!f) throw new InternalError(`${e.sym}: ${e.pkg} declares no generic ${e.recv || e.name}`);
    return f;
  }

  /** request queues an instance with the lowerer of the package that declares its origin. */
  private request(sym: string, origin: Func, targs: Type[]): void {
    if (this.requested.has(sym)) return;
    this.requested.add(sym);
    const path = origin.pkg?.path ?? "";
    this.load(path);
    const l = this.lowerers.get(path);
    if (!l) throw new InternalError(`${sym}: no generic source for package ${path}`);
    ensureFunc(origin);
    const got = l.instanceSym(origin, targs, origin.sig.recv ? recvTypeName(origin) : null);
    // The symbol spelled from the decoded type arguments must be the one the caller uses.
    if (got !== sym) throw new InternalError(`instance ${sym} is spelled ${got} when instantiated`);
  }

  /** drain lowers queued instances until none is left (an instance may ask for more). */
  private drain(): void {
    for (let again = true; again;) {
      again = false;
      for (const l of this.lowerers.values()) {
        if (!l.hasPendingInstances()) continue;
        l.drainInstances();
        again = true;
      }
    }
  }
}
