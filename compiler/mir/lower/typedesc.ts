// Type descriptors (ABI.md §6) as MIR globals: the common 64-byte header, the kind-specific
// tail, method tables (`Uncommon`) with their interface-call wrappers, and itabs. Every
// descriptor is linkonce_odr under `type:<type string qualified by import path>`, so each type
// has one descriptor per program.

import { InternalError } from "../../diag.js";
import type { Func } from "../../types/object.js";
import {
  Pointer,
  type Interface,
  type Named,
  type Signature,
  type Type,
} from "../../types/type.js";
import { FnBuilder } from "../builder.js";
import {
  copy,
  place,
  WRAPPER_FILE,
  type Global,
  type GlobalInit,
  type Operand,
  type Place,
  type Projection,
} from "../mir.js";
import { ensureFunc } from "../../types/lazy.js";
import {
  I64,
  PTR,
  STRING,
  U32,
  U8,
  VOID,
  alignOf,
  sizeOf,
  structLayout,
  structType,
  typeStr,
  type MirType,
} from "../types.js";
import { bytesOf, mirType, paramTypes, resultType, under } from "./gotypes.js";
import type { PkgLowerer } from "./package.js";
import { byImportPath, goTypeString, symKey } from "./typestr.js";

const KIND: Record<string, number> = {
  bool: 1,
  int: 2,
  int8: 3,
  int16: 4,
  int32: 5,
  int64: 6,
  uint: 7,
  uint8: 8,
  uint16: 9,
  uint32: 10,
  uint64: 11,
  uintptr: 12,
  float32: 13,
  float64: 14,
  complex64: 15,
  complex128: 16,
  string: 24,
  "unsafe.Pointer": 26,
};
const K_ARRAY = 17;
const K_CHAN = 18;
const K_FUNC = 19;
const K_IFACE = 20;
const K_MAP = 21;
const K_PTR = 22;
const K_SLICE = 23;
const K_STRUCT = 25;

const TF_NAMED = 1;
const TF_REGULAR = 2;
const TF_DIRECT = 4;
/** TF_RUNTIME marks descriptors made at run time (reflect's SliceOf, PointerTo); never set here. */
export const TF_RUNTIME = 8;

/**
 * TYPELINK_KINDS are the unnamed types whose descriptors go into the typelinks table (ABI.md
 * §6): those reflect can make at run time (SliceOf, ArrayOf, ChanOf, MapOf, FuncOf, StructOf,
 * PointerTo), which must then return the compiler's descriptor when the program has one.
 */
const TYPELINK_KINDS: ReadonlySet<string> = new Set([
  "Pointer",
  "Slice",
  "Array",
  "Chan",
  "Map",
  "Signature",
  "Struct",
]);

/**
 * isTypelink reports the types of TYPELINK_KINDS but pointers to defined types, which reflect's
 * PointerTo finds through the defined type's ptrtothis: listed, they would keep alive every
 * defined type's pointer type and its methods' code, used or not.
 */
function isTypelink(t: Type): boolean {
  if (!TYPELINK_KINDS.has(t.tag)) return false;
  if (t.tag !== "Pointer") return true;
  let e = t.elem;
  while (e.tag === "Alias") e = e.rhs;
  return e.tag !== "Named";
}

/** HEADER is the MIR shape of the common descriptor header. */
export const HEADER: MirType = structType([I64, I64, U32, U8, U8, U8, U8, PTR, PTR, STRING, PTR]);

const int = (v: number | bigint): GlobalInit => ({ g: "const", v: { c: "int", v: BigInt(v) } });
const str = (s: string): GlobalInit => ({
  g: "const",
  v: { c: "str", v: new TextEncoder().encode(s) },
});
const sym = (s: string, fn = false): GlobalInit => ({ g: "const", v: { c: "sym", sym: s, fn } });
const NULL: GlobalInit = { g: "zero" };

/** fnv1a32 hashes a type string (the header's hash field). */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * isDirectIface reports pointer-shaped types, whose interface data word is the value itself:
 * pointers, maps, channels, funcs, unsafe.Pointer, and, as with gc, an array of one and a
 * struct of one field of such a type (`[1]*T`, `struct{ p *T }`), whose word is that pointer.
 */
export function isDirectIface(t: Type): boolean {
  const u = under(t);
  switch (u.tag) {
    case "Pointer":
    case "Map":
    case "Chan":
    case "Signature":
      return true;
    case "Basic":
      return u.kind === "unsafe.Pointer";
    case "Array":
      return u.len === 1 && isDirectIface(u.elem);
    case "Struct":
      return u.fields.length === 1 && isDirectIface(u.fields[0].type);
    default:
      return false;
  }
}

/**
 * wordPath is the way from a value of pointer-shaped type t to its one pointer: [] for a
 * pointer itself, element 0 of an array, field 0 of a struct.
 */
export function wordPath(t: Type): Projection[] {
  const out: Projection[] = [];
  for (let u = under(t); ;) {
    if (u.tag === "Array") {
      out.push({ p: "index", idx: { o: "const", ty: I64, v: { c: "int", v: 0n } } });
      u = under(u.elem);
    } else if (u.tag === "Struct") {
      out.push({ p: "field", i: 0 });
      u = under(u.fields[0].type);
    } else {
      return out;
    }
  }
}

/** comparable reports whether == is defined on values of t. */
function comparable(t: Type): boolean {
  const u = under(t);
  switch (u.tag) {
    case "Slice":
    case "Map":
    case "Signature":
      return false;
    case "Array":
      return comparable(u.elem);
    case "Struct":
      return u.fields.every((f) => comparable(f.type));
    default:
      return true;
  }
}

/** regularMemory reports types whose == is a byte comparison (no floats, strings, padding...). */
function regularMemory(t: Type): boolean {
  const u = under(t);
  switch (u.tag) {
    case "Basic":
      return !/float|complex|string/.test(u.kind);
    case "Pointer":
    case "Chan":
      return true;
    case "Array":
      // An empty array of comparable elements has no bytes to compare (gc: [0]struct{ _ S }).
      return regularMemory(u.elem) || (u.len === 0 && comparable(u.elem));
    case "Struct": {
      const m = mirType(u);
      if (m.k !== "struct") return false;
      const lay = structLayout(m.fields);
      let end = 0;
      for (let i = 0; i < m.fields.length; i++) {
        if (lay.offsets[i] !== end || u.fields[i].name === "_") return false;
        end += sizeOf(m.fields[i]);
        if (!regularMemory(u.fields[i].type)) return false;
      }
      return end === lay.size;
    }
    default:
      return false;
  }
}

/** pointerWords lists the 8-byte words of a value of type t that hold pointers. */
export function pointerWords(t: MirType, base = 0, out: number[] = []): number[] {
  switch (t.k) {
    case "ptr":
    case "string":
    case "slice":
      out.push(base / 8);
      break;
    case "iface":
      out.push(base / 8, base / 8 + 1);
      break;
    case "array":
      for (let i = 0; i < t.len; i++) pointerWords(t.elem, base + i * sizeOf(t.elem), out);
      break;
    case "struct": {
      const lay = structLayout(t.fields);
      t.fields.forEach((f, i) => pointerWords(f, base + lay.offsets[i], out));
      break;
    }
  }
  return out;
}

/** TypeDescs emits the descriptors a package needs. */
export class TypeDescs {
  private readonly done = new Map<string, string>();

  constructor(private readonly pl: PkgLowerer) {}

  /** symName is the descriptor symbol of t. */
  symName(t: Type): string {
    return `type:${symKey(t)}`;
  }

  /** desc returns the symbol of t's descriptor, emitting it (and what it refers to) once. */
  desc(t: Type): string {
    while (t.tag === "Alias") t = t.rhs;
    const name = this.symName(t);
    if (this.done.has(name)) return name;
    this.done.set(name, name);
    const g: Global = {
      sym: name,
      ty: HEADER,
      init: NULL,
      linkage: "linkonce_odr",
      constant: true,
    };
    if (isTypelink(t)) g.typelink = true;
    this.pl.globals.push(g);
    const [ty, init] = this.build(t);
    g.ty = ty;
    g.init = init;
    return name;
  }

  private build(t: Type): [MirType, GlobalInit] {
    const u = under(t);
    const [hdr, hdrInit] = this.header(t);
    const tail: [MirType, GlobalInit][] = [];
    switch (u.tag) {
      case "Pointer":
      case "Slice":
        tail.push([PTR, sym(this.desc(u.elem))]);
        break;
      case "Array":
        tail.push([PTR, sym(this.desc(u.elem))], [PTR, NULL], [I64, int(u.len)]);
        break;
      case "Chan":
        tail.push(
          [PTR, sym(this.desc(u.elem))],
          [I64, int(u.dir === "recv" ? 1 : u.dir === "send" ? 2 : 3)],
        );
        break;
      case "Map":
        tail.push([PTR, sym(this.desc(u.key))], [PTR, sym(this.desc(u.elem))]);
        break;
      case "Signature":
        tail.push(...this.funcTail(u));
        break;
      case "Interface":
        tail.push(...this.ifaceTail(u));
        break;
      case "Struct":
        tail.push(...this.structTail(t, u));
        break;
    }
    const ty = structType([hdr, ...tail.map((x) => x[0])]);
    return [ty, { g: "agg", parts: [hdrInit, ...tail.map((x) => x[1])] }];
  }

  private header(t: Type): [MirType, GlobalInit] {
    const u = under(t);
    const m = mirType(t);
    const name = goTypeString(t);
    const words = pointerWords(m);
    const ptrdata = words.length ? (Math.max(...words) + 1) * 8 : 0;
    let flags = 0;
    // Predeclared types are named too (gc's reflect: int8's Name is "int8", and int is not
    // assignable to a defined type over int).
    if (t.tag === "Named" || t.tag === "Basic") flags |= TF_NAMED;
    if (comparable(t) && regularMemory(t)) flags |= TF_REGULAR;
    if (isDirectIface(t)) flags |= TF_DIRECT;
    const kind = this.kindOf(u);
    let equal: GlobalInit = NULL;
    if (comparable(t)) {
      if (flags & TF_REGULAR) equal = sym("rog_memequal", true);
      else if (u.tag === "Basic" && u.kind === "string") equal = sym("rog_strequal", true);
      else equal = sym("rog_typeequal", true);
    }
    const gcdata = ptrdata ? sym(this.gcbits(words)) : NULL;
    const uncommon = this.uncommon(t);
    const parts = [
      int(sizeOf(m)),
      int(ptrdata),
      int(typeHash(t)),
      int(flags),
      int(alignOf(m)),
      int(alignOf(m)),
      int(kind),
      equal,
      gcdata,
      str(name),
      uncommon,
    ];
    return [HEADER, { g: "agg", parts }];
  }

  private kindOf(u: Type): number {
    switch (u.tag) {
      case "Basic":
        return KIND[u.kind] ?? 0;
      case "Array":
        return K_ARRAY;
      case "Chan":
        return K_CHAN;
      case "Signature":
        return K_FUNC;
      case "Interface":
        return K_IFACE;
      case "Map":
        return K_MAP;
      case "Pointer":
        return K_PTR;
      case "Slice":
        return K_SLICE;
      case "Struct":
        return K_STRUCT;
      default:
        return 0;
    }
  }

  private gcbits(words: number[]): string {
    const n = Math.max(...words) + 1;
    const bytes = new Uint8Array(Math.ceil(n / 8));
    for (const w of words) bytes[w >> 3] |= 1 << (w & 7);
    const name = `gcbits:${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
    if (!this.done.has(name)) {
      this.done.set(name, name);
      this.pl.globals.push({
        sym: name,
        ty: { k: "array", len: bytes.length, elem: U8 },
        init: { g: "bytes", v: bytes },
        linkage: "linkonce_odr",
        constant: true,
      });
    }
    return name;
  }

  private array(name: string, elem: MirType, items: GlobalInit[]): GlobalInit {
    if (items.length === 0) return NULL;
    if (!this.done.has(name)) {
      this.done.set(name, name);
      this.pl.globals.push({
        sym: name,
        ty: { k: "array", len: items.length, elem },
        init: { g: "agg", parts: items },
        linkage: "linkonce_odr",
        constant: true,
      });
    }
    return sym(name);
  }

  private funcTail(s: Signature): [MirType, GlobalInit][] {
    const ins = s.params.vars.map((v) => sym(this.desc(v.type)));
    const outs = s.results.vars.map((v) => sym(this.desc(v.type)));
    const counts = (BigInt(outs.length) | (s.variadic ? 0x8000n : 0n)) << 16n;
    const packed = BigInt(ins.length) | counts;
    const base = this.symName(s);
    return [
      [I64, int(packed)],
      [PTR, this.array(`${base}·params`, PTR, [...ins, ...outs])],
      [PTR, sym(this.reflectCall(s), true)],
      [PTR, sym(this.reflectStub(s), true)],
    ];
  }

  /**
   * reflectStub emits `go:rstub.<signature>`, the code of the functions reflect makes
   * (MakeFunc, method values turned into func values; ABI.md §6): its closure object is
   * {code, handler, ...}; it stores its parameters in a frame (a struct of them), calls the
   * func value handler(args, results ptr), and returns what handler stored at results.
   */
  private reflectStub(s: Signature): string {
    const name = `go:rstub.${symKey(withoutRecv(s))}`;
    if (this.done.has(name)) return name;
    this.done.set(name, name);
    const params = paramTypes(s, false);
    const res = resultType(s);
    const b = new FnBuilder(name, params, res, {
      linkage: "linkonce_odr",
      file: WRAPPER_FILE,
      line: 1,
      withCtx: true,
    });
    b.line = 1;
    const frame = b.local(structType(params));
    params.forEach((_, i) =>
      b.assign(place(frame, { p: "field", i }), { r: "use", op: copy(place(i + 1)) }),
    );
    const out = res.k === "void" ? b.local(I64) : 0;
    const obj = structType([PTR, PTR]);
    const handler = copy(place(b.ctx, { p: "deref", ty: obj }, { p: "field", i: 1 }));
    const ref = (l: number): Operand => b.temp({ r: "ref", place: place(l) });
    b.call({ c: "closure", fv: handler }, [ref(frame), ref(out)], VOID);
    b.ret();
    this.pl.bodies.push(b.finish());
    return name;
  }

  /**
   * reflectCall emits `go:rcall.<signature>`, reflect's way to call a function of type s
   * (ABI.md §6): rcall(code, ctx, recv, args, results) loads the parameters from the frame at
   * args (a struct of them, gc's layout), calls code — with closure context ctx, or, when ctx
   * is nil, with recv (which may be nil) as first parameter, as itabs call methods — and
   * stores the results (one value, or a struct of them) at results.
   */
  private reflectCall(s: Signature): string {
    const name = `go:rcall.${symKey(withoutRecv(s))}`;
    if (this.done.has(name)) return name;
    this.done.set(name, name);
    const params = paramTypes(s, false);
    const res = resultType(s);
    const b = new FnBuilder(name, [PTR, PTR, PTR, PTR, PTR], VOID, {
      linkage: "linkonce_odr",
      file: WRAPPER_FILE,
      line: 1,
    });
    b.line = 1;
    const frame = structType(params);
    const args = () =>
      params.map((_, i) => copy(place(4, { p: "deref", ty: frame }, { p: "field", i })));
    const store = (r: Operand | null) => {
      if (r) b.assign(place(5, { p: "deref", ty: res }), { r: "use", op: r });
    };
    const nil: Operand = { o: "const", ty: PTR, v: { c: "zero" } };
    const method = b.newBlock();
    const closure = b.newBlock();
    const done = b.newBlock();
    b.branch(b.temp({ r: "bin", op: "!=", a: copy(place(2)), b: nil }), closure, method);
    b.setBlock(method);
    store(b.call({ c: "ptr", fn: copy(place(1)), ctx: nil }, [copy(place(3)), ...args()], res));
    b.goto(done);
    b.setBlock(closure);
    store(b.call({ c: "ptr", fn: copy(place(1)), ctx: copy(place(2)) }, args(), res));
    b.goto(done);
    b.setBlock(done);
    b.ret();
    this.pl.bodies.push(b.finish());
    return name;
  }

  private ifaceTail(it: Interface): [MirType, GlobalInit][] {
    const ms = ifaceMethods(it);
    const entry = structType([STRING, PTR]);
    const items = ms.map((m): GlobalInit => ({
      g: "agg",
      parts: [str(methodName(m)), sym(this.desc(withoutRecv(m.sig)))],
    }));
    const base = this.symName(it);
    return [
      [STRING, str("")],
      [PTR, this.array(`${base}·methods`, entry, items)],
      [I64, int(ms.length)],
    ];
  }

  private structTail(t: Type, st: Type & { tag: "Struct" }): [MirType, GlobalInit][] {
    const m = mirType(st);
    const lay = structLayout(m.k === "struct" ? m.fields : []);
    const entry = structType([STRING, PTR, I64, I64]);
    const items = st.fields.map((f, i): GlobalInit => ({
      g: "agg",
      parts: [str(f.name), sym(this.desc(f.type)), int(lay.offsets[i]), int(f.embedded ? 1 : 0)],
    }));
    const pkgPath = st.fields.find((f) => !f.exported && f.pkg)?.pkg?.path ?? "";
    // The tags, one string per field, or null when no field has one (reflect's StructTag). The
    // checker keeps a tag as its bytes, one JS char each, so it is not UTF-8-encoded again.
    const tagBytes = (s: string): GlobalInit => ({ g: "const", v: { c: "str", v: bytesOf(s) } });
    const tags = st.tags.some((x) => x !== "")
      ? this.array(`${this.symName(t)}·tags`, STRING, st.tags.map(tagBytes))
      : ({ g: "zero" } as GlobalInit);
    return [
      [STRING, str(pkgPath)],
      [PTR, this.array(`${this.symName(t)}·fields`, entry, items)],
      [I64, int(st.fields.length)],
      [PTR, tags],
    ];
  }

  /** uncommon builds the method table of a named type or pointer to one. */
  private uncommon(t: Type): GlobalInit {
    const sels = fullMethodSet(t);
    const ms = sels.map((x) => x.m);
    const named =
      t.tag === "Named" ? t : t.tag === "Pointer" && t.elem.tag === "Named" ? t.elem : null;
    // A defined type always has one (its package path); another type when it has methods: a
    // struct literal type promotes the methods of its embedded fields; or when its pointer type
    // has some (`struct{ T }` with pointer methods of T), to link that type (ptrtothis).
    const ptrHasMethods = t.tag === "Struct" && fullMethodSet(new Pointer(t)).length > 0;
    if (ms.length === 0 && t.tag !== "Named" && !ptrHasMethods) return NULL;
    const entry = structType([STRING, PTR, PTR, PTR]);
    const items = sels.map(({ m }, k): GlobalInit => {
      const [ifn, tfn] = this.methodCode(t, sels[k]);
      return {
        g: "agg",
        parts: [
          str(methodName(m)),
          sym(this.desc(withoutRecv(m.sig))),
          sym(ifn, true),
          sym(tfn, true),
        ],
      };
    });
    const base = this.symName(t);
    const xcount = ms.filter((m) => m.exported).length;
    const ty = structType([STRING, PTR, U32, U32, PTR]);
    const name = `${base}·uncommon`;
    if (!this.done.has(name)) {
      this.done.set(name, name);
      // A defined type brings *T along, as under gc: reflect's PointerTo (and Value.Addr) must
      // find *T's methods (encoding/json calls a pointer receiver's UnmarshalJSON that way).
      // So does a type whose pointer type has methods, as under gc.
      const ptrToThis = t.tag === "Named" || ptrHasMethods ? sym(this.desc(new Pointer(t))) : NULL;
      this.pl.globals.push({
        sym: name,
        ty,
        init: {
          g: "agg",
          parts: [
            str(named?.obj.pkg?.path ?? ""),
            this.array(`${base}·methods`, entry, items),
            int(ms.length),
            int(xcount),
            ptrToThis,
          ],
        },
        linkage: "linkonce_odr",
        constant: true,
      });
    }
    return sym(name);
  }

  /** promotedMethodExpr is the function for the method expression `T.M` of a promoted method. */
  promotedMethodExpr(t: Type, name: string): string {
    const sel = fullMethodSet(t).find((x) => x.m.name === name);
    if (!sel) throw new InternalError(`no method ${name} in the method set of ${this.symName(t)}`);
    return this.methodCode(t, sel)[1];
  }

  /**
   * methodCode returns [ifn, tfn] for method m in the method set of t: ifn receives the
   * interface data word; for a value method of a boxed (not pointer-shaped) type that is a
   * wrapper loading the receiver from the box.
   */
  private methodCode(t: Type, sel: MethodSel): [string, string] {
    const m = sel.m;
    if (sel.path.length) return this.promotedCode(t, sel);
    const direct = this.pl.funcObjSym(m);
    const isPtrSet = t.tag === "Pointer";
    if (m.hasPtrRecv) return [direct, direct];
    if (!isPtrSet && isDirectIface(t)) {
      return [this.wordWrapper(t, m.sig, direct, `${direct}·word`), direct];
    }
    const wrapper = this.derefWrapper(m, direct);
    return isPtrSet ? [wrapper, wrapper] : [wrapper, direct];
  }

  /**
   * promotedCode returns [ifn, tfn] for a promoted method: wrappers `pkg.(*T).M` (pointer
   * receiver, also the interface entry of a boxed T) and `pkg.T.M` (value receiver).
   */
  private promotedCode(t: Type, sel: MethodSel): [string, string] {
    const base = t.tag === "Pointer" ? t.elem : t;
    const ptrW = this.promotedWrapper(base, sel, true);
    if (t.tag === "Pointer") return [ptrW, ptrW];
    const valW = this.promotedWrapper(base, sel, false);
    if (!isDirectIface(base)) return [ptrW, valW];
    return [this.wordWrapper(base, sel.m.sig, valW, `${valW}·word`), valW];
  }

  /**
   * wordWrapper returns the interface-call entry (ABI.md §6, `ifn`) of target, a value method
   * (or promoted-method wrapper) of pointer-shaped type t with signature sig: target itself
   * when t is a pointer; for `[1]*T` or `struct{ p *T }` a wrapper `name` that rebuilds the
   * value from the interface's data word, its one pointer, and calls target.
   */
  private wordWrapper(t: Type, sig: Signature, target: string, name: string): string {
    if (wordPath(t).length === 0) return target;
    return this.forwarder(name, sig, target, (b) => fromWord(b, copy(place(1)), t));
  }

  /** promotedWrapper emits the wrapper that forwards base's promoted method to its field. */
  private promotedWrapper(base: Type, sel: MethodSel, ptrRecv: boolean): string {
    const m = sel.m;
    const tname = base.tag === "Named" ? symKey(base) : this.symName(base);
    const qual = base.tag === "Named" && base.obj.pkg ? `${base.obj.pkg.path}.` : "";
    const short = tname.slice(qual.length);
    const wsym = ptrRecv ? `${qual}(*${short}).${m.name}` : `${qual}${short}.${m.name}`;
    if (this.done.has(wsym)) return wsym;
    this.done.set(wsym, wsym);
    const params = paramTypes(m.sig, false);
    const res = resultType(m.sig);
    const bt = mirType(base);
    const b = new FnBuilder(wsym, [ptrRecv ? PTR : bt, ...params], res, {
      linkage: "linkonce_odr",
      file: WRAPPER_FILE,
      line: 1,
    });
    b.line = 1;

    // Walk the embedded fields, dereferencing embedded pointers.
    let p: Place = ptrRecv ? place(1, { p: "deref", ty: bt }) : place(1);
    let T: Type = base;
    for (let k = 0; k < sel.path.length; k++) {
      const st = under(T) as { fields: { type: Type }[] };
      const f = st.fields[sel.path[k]];
      p = { local: p.local, proj: [...p.proj, { p: "field", i: sel.path[k] }] };
      T = f.type;
      const last = k === sel.path.length - 1;
      if (under(T).tag === "Pointer" && (!last || !(sel.m.hasPtrRecv && !sel.iface))) {
        const ptr = b.temp({ r: "use", op: copy(p) });
        T = (under(T) as { elem: Type }).elem;
        p = { ...(ptr as { place: Place }).place, proj: [{ p: "deref", ty: mirType(T) }] };
      }
    }
    const args = params.map((_, i) => copy(place(i + 2)));
    let r: Operand | null;
    if (sel.iface) {
      const ms = ifaceMethods(under(T) as Interface);
      const idx = ms.findIndex((x) => x.name === m.name);
      const itabTy = structType([PTR, PTR, U32, U32, { k: "array", len: ms.length, elem: PTR }]);
      const tab = b.temp({
        r: "use",
        op: copy({ local: p.local, proj: [...p.proj, { p: "field", i: 0 }] }),
      });
      const tp = (tab as { place: Place }).place;
      const idxOp: Operand = { o: "const", ty: I64, v: { c: "int", v: BigInt(idx) } };
      const fn = copy({
        local: tp.local,
        proj: [
          { p: "deref", ty: itabTy },
          { p: "field", i: 4 },
          { p: "index", idx: idxOp },
        ],
      });
      const data = copy({ local: p.local, proj: [...p.proj, { p: "field", i: 1 }] });
      r = b.call(
        { c: "ptr", fn, ctx: { o: "const", ty: PTR, v: { c: "zero" } } },
        [data, ...args],
        res,
      );
    } else {
      const target = this.pl.funcObjSym(m);
      let recv: Operand;
      if (m.hasPtrRecv) {
        recv = under(T).tag === "Pointer" ? copy(p) : b.temp({ r: "ref", place: p });
      } else {
        recv = copy(p);
      }
      r = b.call({ c: "fn", sym: target }, [recv, ...args], res);
    }
    if (r) b.assign(place(0), { r: "use", op: r });
    b.ret();
    this.pl.bodies.push(b.finish());
    return wsym;
  }

  /** derefWrapper emits `pkg.(*T).M`, calling the value method T.M on *p. */
  derefWrapper(m: Func, target: string): string {
    const recvT = m.sig.recv!.type;
    const targs =
      recvT.tag === "Named" && recvT.typeArgs.length
        ? `[${recvT.typeArgs.map((a) => symKey(a)).join(",")}]`
        : "";
    const name = recvT.tag === "Named" ? recvT.obj.name + targs : "?";
    const wsym = `${m.pkg?.path ?? ""}.(*${name}).${m.name}`;
    const rt = mirType(recvT);
    return this.forwarder(wsym, m.sig, target, () => copy(place(1, { p: "deref", ty: rt })));
  }

  /**
   * forwarder emits `name` once: a function of a pointer word and sig's parameters that calls
   * target with the receiver recv makes of the word (parameter 1), then the parameters.
   */
  private forwarder(
    name: string,
    sig: Signature,
    target: string,
    recv: (b: FnBuilder) => Operand,
  ): string {
    if (this.done.has(name)) return name;
    this.done.set(name, name);
    const params = paramTypes(sig, false);
    const res = resultType(sig);
    const b = new FnBuilder(name, [PTR, ...params], res, {
      linkage: "linkonce_odr",
      file: WRAPPER_FILE,
      line: 1,
    });
    b.line = 1;
    const args = [recv(b), ...params.map((_, i) => copy(place(i + 2)))];
    const r = b.call({ c: "fn", sym: target }, args, res);
    if (r) b.assign(place(0), { r: "use", op: r });
    b.ret();
    this.pl.bodies.push(b.finish());
    return name;
  }

  /**
   * shape returns a header-only descriptor for memory of MIR type t (closure objects, backing
   * arrays): all the collector needs is the size and the pointer bitmap.
   */
  shape(t: MirType): string {
    const name = `type:.shape.${typeStr(t)}`;
    if (this.done.has(name)) return name;
    this.done.set(name, name);
    const words = pointerWords(t);
    const ptrdata = words.length ? (Math.max(...words) + 1) * 8 : 0;
    const parts = [
      int(sizeOf(t)),
      int(ptrdata),
      int(fnv1a32(name)),
      int(0),
      int(alignOf(t)),
      int(alignOf(t)),
      int(0),
      NULL,
      ptrdata ? sym(this.gcbits(words)) : NULL,
      str(name.slice(5)),
      NULL,
    ];
    this.pl.globals.push({
      sym: name,
      ty: HEADER,
      init: { g: "agg", parts },
      linkage: "linkonce_odr",
      constant: true,
    });
    return name;
  }

  /** itab returns the symbol of the constant itab for concrete type t and interface it. */
  itab(t: Type, iface: Type): string {
    const name = `go:itab.${symKey(t)},${symKey(iface)}`;
    if (this.done.has(name)) return name;
    this.done.set(name, name);
    const it = under(iface) as Interface;
    const ms = ifaceMethods(it);
    const set = fullMethodSet(t);
    const funs = ms.map((im) => {
      const m = set.find((x) => methodName(x.m) === methodName(im));
      if (!m) return NULL;
      return sym(this.methodCode(t, m)[0], true);
    });
    const parts: GlobalInit[] = [
      sym(this.desc(iface)),
      sym(this.desc(t)),
      int(typeHash(t)),
      int(0),
      ...funs,
    ];
    const ty = structType([PTR, PTR, U32, U32, ...funs.map(() => PTR)]);
    this.pl.globals.push({
      sym: name,
      ty,
      init: { g: "agg", parts },
      linkage: "linkonce_odr",
      constant: true,
    });
    return name;
  }
}

/**
 * fromWord rebuilds a value of pointer-shaped type t from an interface's data word: the word
 * itself, or the one-element array or one-field struct (nested as t is) holding it.
 */
export function fromWord(b: FnBuilder, word: Operand, t: Type): Operand {
  const u = under(t);
  if (u.tag !== "Array" && u.tag !== "Struct") return word;
  const inner = fromWord(b, word, u.tag === "Array" ? u.elem : u.fields[0].type);
  return b.temp({ r: "agg", ty: mirType(t), ops: [inner] });
}

/**
 * typeHash is the header's hash: of the type string reflect shows, which the runtime's own
 * descriptors and reflect's also hash, so that same_type can match them with the compiler's;
 * of symKey when that string is ambiguous (local types, unexported fields of two packages), so
 * that same_type tells such types apart.
 */
function typeHash(t: Type): number {
  const key = symKey(t);
  return fnv1a32(key === goTypeString(t, byImportPath) ? goTypeString(t) : key);
}

/** methodName is the name as method tables spell it (unexported: qualified by package path). */
export function methodName(m: Func): string {
  return m.exported ? m.name : `${m.pkg?.path ?? ""}.${m.name}`;
}

function withoutRecv(s: Signature): Signature {
  return { ...s, recv: null } as Signature;
}

/**
 * byName orders methods as gc does (ABI.md §6): exported ones first (an upper-case first
 * letter, `Φ` too), then by name in byte order, then unexported ones of the same name by
 * package path.
 */
function byName(a: Func, b: Func): number {
  if (a.exported !== b.exported) return a.exported ? -1 : 1;
  return compareBytes(a.name, b.name) || compareBytes(a.pkg?.path ?? "", b.pkg?.path ?? "");
}

/** compareBytes compares two strings in UTF-8 byte order, which is code point order. */
function compareBytes(x: string, y: string): number {
  if (x === y) return 0;
  const a = [...x];
  const b = [...y];
  for (let i = 0; i < a.length && i < b.length; i++) {
    const d = a[i].codePointAt(0)! - b[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** ifaceMethods is the full method list of an interface (embedded ones included), sorted. */
export function ifaceMethods(it: Interface): Func[] {
  const out: Func[] = [];
  const seen = new Set<string>();
  const add = (i: Interface) => {
    for (const m of i.methods) {
      if (!seen.has(m.name)) {
        seen.add(m.name);
        out.push(m);
      }
    }
    for (const e of i.embeddeds) {
      const u = under(e);
      if (u.tag === "Interface") add(u);
    }
  };
  add(it);
  return out.sort(byName);
}

/** MethodSel is one method of a method set: the method and the embedded-field path to it. */
export interface MethodSel {
  m: Func;
  /** path lists embedded field indices from the receiver's base struct ([] for own methods). */
  path: number[];
  /** iface is true when the method comes from an embedded interface field. */
  iface: boolean;
}

/**
 * fullMethodSet is the method set of t (Go spec "Method sets", "Selectors"): own methods and
 * those promoted through embedded fields, the shallowest depth winning and ambiguous names
 * dropped; value receivers only for T, unless reached through an embedded pointer.
 */
export function fullMethodSet(t: Type): MethodSel[] {
  const isPtr = t.tag === "Pointer";
  const base = isPtr ? (t as { elem: Type }).elem : t;
  if (under(base).tag === "Interface") return [];
  const found = new Map<string, MethodSel | null>();
  let level: { t: Type; path: number[]; viaPtr: boolean }[] = [
    { t: base, path: [], viaPtr: isPtr },
  ];
  const seen = new Set<Type>();
  for (let depth = 0; level.length && depth < 16; depth++) {
    const here = new Map<string, { sel: MethodSel | null; n: number }>();
    const note = (name: string, sel: MethodSel | null) => {
      const h = here.get(name);
      here.set(name, h ? { sel: h.sel, n: h.n + 1 } : { sel, n: 1 });
    };
    const next: typeof level = [];
    for (const e of level) {
      let T = e.t;
      while (T.tag === "Alias") T = T.rhs;
      if (T.tag === "Named") {
        if (seen.has(T)) continue;
        seen.add(T);
        for (const m0 of T.methods) {
          const m = ensureFunc(m0);
          // A method named _ cannot be called or satisfy an interface; it has no body either.
          if (m.name === "_") continue;
          const ok = !m.hasPtrRecv || e.viaPtr;
          note(methodName(m), ok ? { m, path: e.path, iface: false } : null);
        }
      }
      const u = under(T);
      if (u.tag === "Struct") {
        u.fields.forEach((f, i) => {
          if (depth > 0) note(f.name, null);
          if (!f.embedded) return;
          const p =
            f.type.tag === "Pointer" || (f.type.tag !== "Named" && under(f.type).tag === "Pointer");
          const ft = f.type.tag === "Pointer" ? f.type.elem : f.type;
          next.push({ t: ft, path: [...e.path, i], viaPtr: e.viaPtr || p });
        });
      } else if (u.tag === "Interface" && depth > 0) {
        for (const m of ifaceMethods(u)) note(methodName(m), { m, path: e.path, iface: true });
      }
    }
    for (const [name, h] of here) if (!found.has(name)) found.set(name, h.n === 1 ? h.sel : null);
    level = next;
  }
  const out: MethodSel[] = [];
  for (const sel of found.values()) if (sel) out.push(sel);
  return out.sort((a, b) => byName(a.m, b.m));
}

/** methodSet lists the methods of fullMethodSet(t). */
export function methodSet(t: Type): Func[] {
  return fullMethodSet(t).map((s) => s.m);
}

/** hasPromotedMethods reports struct types whose embedded fields bring methods. */
export function hasPromotedMethods(t: Type): boolean {
  const base = t.tag === "Pointer" ? t.elem : t;
  const u = under(base);
  if (u.tag !== "Struct") return false;
  return u.fields.some((f) => {
    if (!f.embedded) return false;
    const ft = f.type.tag === "Pointer" ? f.type.elem : f.type;
    return (
      (ft.tag === "Named" && ft.methods.length > 0) ||
      under(ft).tag === "Interface" ||
      hasPromotedMethods(ft)
    );
  });
}
