// Export data (.rogx): a package's API in a compact, deterministic binary form, so that a
// dependent can be type-checked from its direct imports' .rogx files alone.
//
// Layout (all integers are unsigned LEB128 varints unless said otherwise):
//
//   "rogx" version:u8
//   nstrings { len bytes }            string table, in first-use order
//   body:
//     path:str name:str goVersion:str
//     nobjs { kind:u8 name:str ... }   exported objects, sorted by name
//
// Types are written inline; every non-basic type gets the next table index when first
// written and is referred to by index afterwards, which also ties recursive types. A named
// type carries its package path, package name, name and local key (TypeName.localKey, for types
// declared inside functions); its definition (type parameters,
// underlying type, all methods, sorted by name) is written once, wherever it first appears,
// including types of other packages reachable from this API: a dependent that reads only this
// file can still check field selections and method calls on them. No source positions are
// kept, so editing a function body leaves the file byte-identical.

import type { Importer } from "./checker.js";
import type { ConstValue } from "./constant.js";
import { ensureFunc } from "./lazy.js";
import { Const, Func, Package, TypeName, Var, type Obj } from "./object.js";
import { Scope } from "./scope.js";
import { instantiateNamed } from "./subst.js";
import {
  Alias,
  ArrayT,
  Basic,
  Chan,
  Interface,
  MapT,
  Named,
  Pointer,
  Signature,
  Slice,
  Struct,
  Tuple,
  Typ,
  TypeParam,
  Union,
  byteType,
  runeType,
  type ChanDir,
  type Type,
} from "./type.js";
import { anyType, comparableType, errorType, universe } from "./universe.js";

const MAGIC = "rogx";
/** VERSION changes whenever the layout does; readers refuse other versions. */
export const EXPORT_VERSION = 2;

// Type tags.
const enum T {
  Ref = 0,
  Basic,
  Named,
  Inst,
  Pointer,
  Slice,
  Array,
  Map,
  Chan,
  Struct,
  Tuple,
  Signature,
  Interface,
  Union,
  TypeParam,
  Error,
  Comparable,
  Any,
  GenericAlias,
}

/** basics lists the predeclared basic types in a fixed order (their on-disk numbers). */
const basics: Basic[] = [
  ...(Object.keys(Typ) as (keyof typeof Typ)[]).map((k) => Typ[k]),
  byteType,
  runeType,
];

const chanDirs: ChanDir[] = ["both", "send", "recv"];

// ---------------------------------------------------------------------------------------------
// Writer

class Encoder {
  bytes: number[] = [];
  uint(n: number): void {
    while (n >= 0x80) {
      this.bytes.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    this.bytes.push(n);
  }
  big(v: bigint): void {
    const neg = v < 0n;
    let m = neg ? -v : v;
    const out: number[] = [];
    while (m > 0n) {
      out.push(Number(m & 0xffn));
      m >>= 8n;
    }
    this.uint(out.length * 2 + (neg ? 1 : 0));
    for (const b of out) this.bytes.push(b);
  }
  raw(s: string): void {
    this.uint(s.length);
    for (let i = 0; i < s.length; i++) this.bytes.push(s.charCodeAt(i) & 0xff);
  }
}

class Writer {
  private readonly enc = new Encoder();
  private readonly strings = new Map<string, number>();
  private readonly typeIndex = new Map<Type, number>();
  private nextType = 0;

  constructor(private readonly pkg: Package) {}

  str(s: string): void {
    let i = this.strings.get(s);
    if (i === undefined) {
      i = this.strings.size;
      this.strings.set(s, i);
    }
    this.enc.uint(i);
  }

  finish(): Uint8Array {
    const head = new Encoder();
    for (const c of MAGIC) head.bytes.push(c.charCodeAt(0));
    head.bytes.push(EXPORT_VERSION);
    head.uint(this.strings.size);
    const te = new TextEncoder();
    for (const s of this.strings.keys()) {
      const b = te.encode(s);
      head.uint(b.length);
      for (const x of b) head.bytes.push(x);
    }
    const out = new Uint8Array(head.bytes.length + this.enc.bytes.length);
    out.set(head.bytes, 0);
    out.set(this.enc.bytes, head.bytes.length);
    return out;
  }

  package(): void {
    const p = this.pkg;
    this.str(p.path);
    this.str(p.name);
    this.str(p.goVersion);
    const objs: Obj[] = [];
    for (const n of p.scope.names()) {
      const o = p.scope.lookup(n)!;
      if (
        o.exported &&
        (o.tag === "Const" || o.tag === "Var" || o.tag === "Func" || o.tag === "TypeName")
      )
        objs.push(o);
    }
    this.enc.uint(objs.length);
    for (const o of objs) this.object(o);
  }

  private object(o: Obj): void {
    switch (o.tag) {
      case "Const":
        this.enc.uint(0);
        this.str(o.name);
        this.type(o.type);
        this.value(o.val);
        return;
      case "Var":
        this.enc.uint(1);
        this.str(o.name);
        this.type(o.type);
        return;
      case "Func":
        this.enc.uint(2);
        this.str(o.name);
        this.type(o.type);
        return;
      case "TypeName":
        this.enc.uint(o.isAlias ? 4 : 3);
        this.str(o.name);
        this.type(o.type);
        return;
    }
  }

  private value(v: ConstValue): void {
    const e = this.enc;
    switch (v.kind) {
      case "bool":
        e.uint(v.value ? 1 : 0);
        return;
      case "string":
        e.uint(2);
        e.raw(v.value);
        return;
      case "int":
        e.uint(3);
        e.big(v.value);
        return;
      case "float":
        e.uint(4);
        e.big(v.num);
        e.big(v.den);
        return;
      case "complex":
        e.uint(5);
        e.big(v.re.num);
        e.big(v.re.den);
        e.big(v.im.num);
        e.big(v.im.den);
        return;
      case "unknown":
        e.uint(6);
        return;
    }
  }

  private pkgOf(p: Package | null): void {
    this.str(p?.path ?? "");
    this.str(p?.name ?? "");
  }

  type(t: Type): void {
    const e = this.enc;
    if (t instanceof Basic) {
      const i = basics.indexOf(t);
      e.uint(T.Basic);
      e.uint(i < 0 ? 0 : i);
      return;
    }
    if (t === errorType) return e.uint(T.Error);
    if (t === comparableType) return e.uint(T.Comparable);
    if (t === anyType) return e.uint(T.Any);
    const idx = this.typeIndex.get(t);
    if (idx !== undefined) {
      e.uint(T.Ref);
      e.uint(idx);
      return;
    }
    if (t instanceof Named && t.origin) {
      e.uint(T.Inst);
      this.type(t.origin);
      this.types(t.typeArgs);
      this.typeIndex.set(t, this.nextType++);
      return;
    }
    this.typeIndex.set(t, this.nextType++);
    switch (t.tag) {
      case "Named":
        e.uint(T.Named);
        this.pkgOf(t.obj.pkg);
        this.str(t.obj.name);
        this.str(t.obj.localKey);
        this.typeParams(t.typeParams);
        this.type(t.underlying);
        this.methods(t);
        return;
      case "Pointer":
        e.uint(T.Pointer);
        this.type(t.elem);
        return;
      case "Slice":
        e.uint(T.Slice);
        this.type(t.elem);
        return;
      case "Array":
        e.uint(T.Array);
        e.uint(t.len < 0 ? 0 : t.len);
        this.type(t.elem);
        return;
      case "Map":
        e.uint(T.Map);
        this.type(t.key);
        this.type(t.elem);
        return;
      case "Chan":
        e.uint(T.Chan);
        e.uint(chanDirs.indexOf(t.dir));
        this.type(t.elem);
        return;
      case "Struct":
        e.uint(T.Struct);
        e.uint(t.fields.length);
        t.fields.forEach((f, i) => {
          this.str(f.name);
          this.str(f.exported ? "" : (f.pkg?.path ?? ""));
          e.uint(f.embedded ? 1 : 0);
          this.type(f.type);
          this.str(t.tags[i] ?? "");
        });
        return;
      case "Tuple":
        e.uint(T.Tuple);
        this.tuple(t);
        return;
      case "Signature":
        e.uint(T.Signature);
        this.signature(t);
        return;
      case "Interface": {
        e.uint(T.Interface);
        e.uint(t.implicit ? 1 : 0);
        const ms = [...t.methods].sort(byName);
        e.uint(ms.length);
        for (const m of ms) {
          this.str(m.name);
          this.str(m.exported ? "" : (m.pkg?.path ?? ""));
          this.signature(ensureFunc(m).type as Signature);
        }
        this.types(t.embeddeds);
        return;
      }
      case "Union":
        e.uint(T.Union);
        e.uint(t.terms.length);
        for (const term of t.terms) {
          e.uint(term.tilde ? 1 : 0);
          this.type(term.type);
        }
        return;
      case "TypeParam":
        // A type parameter outside its declaring list (should not happen): write it free.
        e.uint(T.TypeParam);
        this.str(t.obj.name);
        e.uint(t.index);
        this.type(t.constraint);
        return;
      case "Alias":
        e.uint(T.GenericAlias);
        this.pkgOf(t.obj.pkg);
        this.str(t.obj.name);
        this.typeParams(t.typeParams);
        this.type(t.rhs);
        return;
    }
  }

  /** typeList writes the body of writeTypeList: the package, then the types. */
  typeList(ts: Type[]): void {
    this.pkgOf(this.pkg);
    this.types(ts);
  }

  private types(ts: Type[]): void {
    this.enc.uint(ts.length);
    for (const t of ts) this.type(t);
  }

  /** typeParams declares a parameter list: names first, then constraints (which may refer back). */
  private typeParams(tps: TypeParam[]): void {
    this.enc.uint(tps.length);
    for (const tp of tps) {
      this.typeIndex.set(tp, this.nextType++);
      this.str(tp.obj.name);
    }
    for (const tp of tps) this.type(tp.constraint);
  }

  private tuple(t: Tuple): void {
    this.enc.uint(t.vars.length);
    for (const v of t.vars) {
      this.str(v.name);
      this.type(v.type);
    }
  }

  private signature(s: Signature): void {
    this.typeParams(s.typeParams);
    this.tuple(s.params);
    this.tuple(s.results);
    this.enc.uint(s.variadic ? 1 : 0);
  }

  private methods(n: Named): void {
    const ms = [...n.methods].sort(byName);
    this.enc.uint(ms.length);
    for (const m of ms) {
      const sig = ensureFunc(m).type as Signature;
      this.str(m.name);
      this.str(m.exported ? "" : (m.pkg?.path ?? ""));
      this.enc.uint(m.hasPtrRecv ? 1 : 0);
      this.str(sig.recv?.name ?? "");
      // Receiver type parameters stand for the type's own; declare them to keep references.
      this.typeParams(sig.recvTypeParams);
      this.signature(sig);
    }
  }
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** writeExportData encodes pkg's API as .rogx bytes. */
export function writeExportData(pkg: Package): Uint8Array {
  const w = new Writer(pkg);
  w.package();
  return w.finish();
}

/**
 * writeTypeList encodes types as seen from pkg in the export-data form: the type arguments of
 * a generic instance that another action instantiates (readTypeList decodes them). Named types
 * carry their definitions, so the reader needs no export data of pkg itself.
 */
export function writeTypeList(pkg: Package, types: Type[]): Uint8Array {
  const w = new Writer(pkg);
  w.typeList(types);
  return w.finish();
}

// ---------------------------------------------------------------------------------------------
// Reader

/** registries remembers, per importer, the packages materialised from export data. */
const registries = new WeakMap<Importer, Map<string, Package>>();
/** typeNames holds every named type known for a package, exported or not. */
const typeNames = new WeakMap<Package, Map<string, TypeName>>();

/** ExportDataError reports a corrupt or incompatible .rogx file. */
export class ExportDataError extends Error {}

class Reader {
  private pos = 0;
  private strs: string[] = [];
  private types: Type[] = [];
  pkg!: Package;

  constructor(
    private readonly b: Uint8Array,
    private readonly path: string,
    private readonly importer: Importer,
    private readonly registry: Map<string, Package>,
  ) {}

  uint(): number {
    let n = 0;
    let mul = 1;
    for (;;) {
      if (this.pos >= this.b.length)
        throw new ExportDataError(`export data for ${this.path} is truncated`);
      const x = this.b[this.pos++];
      n += (x & 0x7f) * mul;
      if (x < 0x80) return n;
      mul *= 128;
    }
  }

  big(): bigint {
    const h = this.uint();
    const len = h >> 1;
    let v = 0n;
    for (let i = len - 1; i >= 0; i--) v = (v << 8n) | BigInt(this.b[this.pos + i]);
    this.pos += len;
    return h & 1 ? -v : v;
  }

  raw(): string {
    const n = this.uint();
    let s = "";
    for (let i = 0; i < n; i++) s += String.fromCharCode(this.b[this.pos + i]);
    this.pos += n;
    return s;
  }

  str(): string {
    const i = this.uint();
    const s = this.strs[i];
    if (s === undefined)
      throw new ExportDataError(`export data for ${this.path}: bad string index`);
    return s;
  }

  header(): void {
    const magic = String.fromCharCode(...this.b.subarray(0, 4));
    if (magic !== MAGIC) throw new ExportDataError(`${this.path}: not rog export data`);
    const v = this.b[4];
    if (v !== EXPORT_VERSION) {
      throw new ExportDataError(
        `${this.path}: export data version ${v}, want ${EXPORT_VERSION} (rebuild it)`,
      );
    }
    this.pos = 5;
    const n = this.uint();
    const td = new TextDecoder();
    for (let i = 0; i < n; i++) {
      const len = this.uint();
      this.strs.push(td.decode(this.b.subarray(this.pos, this.pos + len)));
      this.pos += len;
    }
  }

  package(): Package {
    const path = this.str();
    const name = this.str();
    const goVersion = this.str();
    const pkg = this.packageFor(path, name);
    pkg.goVersion = goVersion;
    this.pkg = pkg;
    const n = this.uint();
    for (let i = 0; i < n; i++) this.object(pkg);
    return pkg;
  }

  private packageFor(path: string, name: string): Package {
    if (path === "") return null as unknown as Package;
    let p = this.registry.get(path);
    if (p) {
      if (!p.name) p.name = name;
      return p;
    }
    if (path !== this.path) {
      const q = this.importer(path);
      if (q) return q;
    }
    p = new Package(path, name, new Scope(universe, `package ${path}`));
    this.registry.set(path, p);
    return p;
  }

  private object(pkg: Package): void {
    const kind = this.uint();
    const name = this.str();
    let obj: Obj;
    switch (kind) {
      case 0: {
        const c = new Const(pkg, name, this.type(), -1);
        c.val = this.value();
        obj = c;
        break;
      }
      case 1:
        obj = new Var(pkg, name, this.type(), -1);
        break;
      case 2: {
        const f = new Func(pkg, name, this.type(), -1);
        f.fullName = `${pkg.path}.${name}`;
        obj = f;
        break;
      }
      case 3: {
        const t = this.type();
        obj = t instanceof Named && t.obj.name === name ? t.obj : new TypeName(pkg, name, t, -1);
        break;
      }
      case 4: {
        const tn = new TypeName(pkg, name, this.type(), -1);
        tn.isAlias = true;
        obj = tn;
        break;
      }
      default:
        throw new ExportDataError(`export data for ${this.path}: bad object kind ${kind}`);
    }
    if (!pkg.scope.lookup(name)) pkg.scope.insert(obj);
  }

  private value(): ConstValue {
    switch (this.uint()) {
      case 0:
        return { kind: "bool", value: false };
      case 1:
        return { kind: "bool", value: true };
      case 2:
        return { kind: "string", value: this.raw() };
      case 3:
        return { kind: "int", value: this.big() };
      case 4:
        return { kind: "float", num: this.big(), den: this.big() };
      case 5:
        return {
          kind: "complex",
          re: { num: this.big(), den: this.big() },
          im: { num: this.big(), den: this.big() },
        };
      default:
        return { kind: "unknown" };
    }
  }

  private pkgRef(): Package | null {
    const path = this.str();
    const name = this.str();
    return path === "" ? null : this.packageFor(path, name);
  }

  type(): Type {
    const tag = this.uint();
    switch (tag) {
      case T.Ref: {
        const t = this.types[this.uint()];
        if (!t) throw new ExportDataError(`export data for ${this.path}: bad type reference`);
        return t;
      }
      case T.Basic:
        return basics[this.uint()] ?? Typ.invalid;
      case T.Error:
        return errorType;
      case T.Comparable:
        return comparableType;
      case T.Any:
        return anyType;
      case T.Inst: {
        const origin = this.type();
        const args = this.typeList();
        const inst = origin instanceof Named ? instantiateNamed(origin, args) : Typ.invalid;
        this.types.push(inst);
        return inst;
      }
      case T.Named:
        return this.named();
      case T.GenericAlias: {
        const slot = this.types.length;
        this.types.push(Typ.invalid);
        const pkg = this.pkgRef();
        const name = this.str();
        const tn = new TypeName(pkg, name, Typ.invalid, -1);
        tn.isAlias = true;
        const tps = this.typeParams();
        const a = new Alias(tn, Typ.invalid, tps);
        tn.type = a;
        this.types[slot] = a;
        a.rhs = this.type();
        return a;
      }
    }
    const slot = this.types.length;
    this.types.push(Typ.invalid);
    let t: Type;
    switch (tag) {
      case T.Pointer:
        t = new Pointer(this.type());
        break;
      case T.Slice:
        t = new Slice(this.type());
        break;
      case T.Array: {
        const n = this.uint();
        t = new ArrayT(n, this.type());
        break;
      }
      case T.Map: {
        const k = this.type();
        t = new MapT(k, this.type());
        break;
      }
      case T.Chan: {
        const d = chanDirs[this.uint()] ?? "both";
        t = new Chan(d, this.type());
        break;
      }
      case T.Struct: {
        const n = this.uint();
        const fields: Var[] = [];
        const tags: string[] = [];
        for (let i = 0; i < n; i++) {
          const name = this.str();
          const ppath = this.str();
          const embedded = this.uint() === 1;
          const ft = this.type();
          const f = new Var(ppath ? this.packageFor(ppath, "") : this.pkg, name, ft, -1);
          f.isField = true;
          f.embedded = embedded;
          fields.push(f);
          tags.push(this.str());
        }
        t = new Struct(fields, tags);
        break;
      }
      case T.Tuple:
        t = this.tuple();
        break;
      case T.Signature:
        t = this.signature();
        break;
      case T.Interface: {
        const implicit = this.uint() === 1;
        const n = this.uint();
        const methods: Func[] = [];
        const iface = new Interface(methods, []);
        iface.implicit = implicit;
        this.types[slot] = iface;
        for (let i = 0; i < n; i++) {
          const name = this.str();
          const ppath = this.str();
          const sig = this.signature();
          sig.recv = new Var(null, "", iface, -1);
          methods.push(new Func(ppath ? this.packageFor(ppath, "") : this.pkg, name, sig, -1));
        }
        iface.embeddeds.push(...this.typeList());
        t = iface;
        break;
      }
      case T.Union: {
        const n = this.uint();
        const terms = [];
        for (let i = 0; i < n; i++) {
          const tilde = this.uint() === 1;
          terms.push({ tilde, type: this.type() });
        }
        t = new Union(terms);
        break;
      }
      case T.TypeParam: {
        const name = this.str();
        const index = this.uint();
        const tp = new TypeParam(new TypeName(this.pkg, name, Typ.invalid, -1), index, null);
        tp.obj.type = tp;
        this.types[slot] = tp;
        tp.constraint = this.type();
        t = tp;
        break;
      }
      default:
        throw new ExportDataError(`export data for ${this.path}: bad type tag ${tag}`);
    }
    this.types[slot] = t;
    return t;
  }

  /** typeListBody reads what Writer.typeList wrote. */
  typeListBody(): Type[] {
    this.pkg = this.packageFor(this.str(), this.str());
    return this.typeList();
  }

  private typeList(): Type[] {
    const n = this.uint();
    const out: Type[] = [];
    for (let i = 0; i < n; i++) out.push(this.type());
    return out;
  }

  private typeParams(): TypeParam[] {
    const n = this.uint();
    const tps: TypeParam[] = [];
    for (let i = 0; i < n; i++) {
      const tn = new TypeName(this.pkg, this.str(), Typ.invalid, -1);
      const tp = new TypeParam(tn, i, null);
      tn.type = tp;
      this.types.push(tp);
      tps.push(tp);
    }
    for (const tp of tps) tp.constraint = this.type();
    return tps;
  }

  private tuple(): Tuple {
    const n = this.uint();
    const vars: Var[] = [];
    for (let i = 0; i < n; i++) {
      const name = this.str();
      const v = new Var(this.pkg, name, this.type(), -1);
      v.isParam = true;
      vars.push(v);
    }
    return new Tuple(vars);
  }

  private signature(): Signature {
    const tps = this.typeParams();
    const params = this.tuple();
    const results = this.tuple();
    const variadic = this.uint() === 1;
    return new Signature(params, results, variadic, null, tps);
  }

  /** named reads a defined type, reusing the object when the type is already known. */
  private named(): Type {
    const slot = this.types.length;
    this.types.push(Typ.invalid);
    const pkg = this.pkgRef();
    const name = this.str();
    const local = this.str();
    const known = pkg ? knownTypeName(pkg, name, local) : undefined;
    let n: Named;
    let fresh = true;
    if (known && known.type instanceof Named && !known.type.origin) {
      n = known.type;
      fresh = false;
    } else {
      const tn = new TypeName(pkg, name, Typ.invalid, -1);
      tn.decodedLocalKey = local;
      n = new Named(tn, null);
      tn.type = n;
      if (pkg) rememberTypeName(pkg, tn);
    }
    this.types[slot] = n;
    // The definition is read in full even when the type is already known (to advance).
    const tps = this.typeParams();
    const under = this.type();
    const nm = this.uint();
    const methods: Func[] = [];
    for (let i = 0; i < nm; i++) {
      const mname = this.str();
      const ppath = this.str();
      const ptr = this.uint() === 1;
      const recvName = this.str();
      const rtps = this.typeParams();
      const sig = this.signature();
      sig.recvTypeParams = rtps;
      const recvBase: Type = rtps.length > 0 ? instantiateNamed(n, rtps) : n;
      sig.recv = new Var(pkg, recvName, ptr ? new Pointer(recvBase) : recvBase, -1);
      sig.recv.isParam = true;
      const mpkg = ppath ? this.packageFor(ppath, "") : pkg;
      const m = new Func(mpkg, mname, sig, -1);
      m.hasPtrRecv = ptr;
      const ppart = pkg ? pkg.path : "";
      m.fullName = ptr ? `${ppart}.(*${name}).${mname}` : `${ppart}.${name}.${mname}`;
      methods.push(m);
    }
    if (fresh) {
      (n.typeParams as TypeParam[]).push(...tps);
      n.underlying = under;
      n.methods = methods;
    }
    return n;
  }
}

/** knownTypeName finds a named type of pkg by name, and local key for types declared in functions. */
function knownTypeName(pkg: Package, name: string, local: string): TypeName | undefined {
  const o = local ? undefined : pkg.scope.lookup(name);
  if (o instanceof TypeName) return o;
  return typeNames.get(pkg)?.get(name + local);
}

function rememberTypeName(pkg: Package, tn: TypeName): void {
  let m = typeNames.get(pkg);
  if (!m) typeNames.set(pkg, (m = new Map()));
  const key = tn.name + tn.localKey;
  if (!m.has(key)) m.set(key, tn);
}

/**
 * readExportData decodes .rogx bytes into a Package. The importer resolves packages that the
 * data refers to (when it already knows them); others are materialised from the data and
 * shared with later reads through the same importer, so that each named type is one object.
 */
export function readExportData(bytes: Uint8Array, importPath: string, importer: Importer): Package {
  let reg = registries.get(importer);
  if (!reg) registries.set(importer, (reg = new Map()));
  const r = new Reader(bytes, importPath, importer, reg);
  r.header();
  const pkg = r.package();
  reg.set(importPath, pkg);
  return pkg;
}

/**
 * readTypeList decodes writeTypeList's bytes. Types of packages the importer knows resolve to
 * its objects (so they are identical to the importer's types); the others are materialised
 * and shared with later reads through the same importer.
 */
export function readTypeList(bytes: Uint8Array, importer: Importer): Type[] {
  let reg = registries.get(importer);
  if (!reg) registries.set(importer, (reg = new Map()));
  const r = new Reader(bytes, "type list", importer, reg);
  r.header();
  return r.typeListBody();
}
