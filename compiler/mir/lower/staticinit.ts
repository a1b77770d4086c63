// Static initialisation (gc's staticinit): a package variable whose initialiser is known at
// compile time — constants, composite literals of them, the address of such a literal or of a
// package variable, a top-level function — starts out holding its value as initialised data,
// instead of pkg.init computing and storing it. unicode's tables are the reason: as code, their
// init was the largest function of most programs, optimised again at every ThinLTO link.
//
// Only expressions without effects qualify, so the program cannot tell the difference: the
// value is the one pkg.init would have stored, and nothing reads the variable before then
// that could not also have read it under gc, which initialises the same variables statically.

import type * as ast from "../../syntax/ast.js";
import type { Var } from "../../types/object.js";
import type { Type } from "../../types/type.js";
import type { GlobalInit } from "../mir.js";
import { sizeOf, type MirType } from "../types.js";
import { constVal, mirType, under } from "./gotypes.js";
import type { PkgLowerer } from "./package.js";

/** MAX_STATIC_BYTES bounds one literal's data (a larger one stays code, as it would in gc). */
const MAX_STATIC_BYTES = 1 << 20;

/**
 * MAX_BYTE_TABLE bounds a byte array literal's size: its explicit elements are data (at most
 * MAX_STATIC_BYTES of them), the zeros after them cost nothing (test/fixedbugs/issue34395.go
 * has a 100 MiB array holding one byte).
 */
const MAX_BYTE_TABLE = 1 << 30;

/** MAX_ARRAY_PARTS bounds an array literal's length (its data lists every element). */
const MAX_ARRAY_PARTS = 1 << 16;

/** StaticInit turns initialisers into data, adding the globals their literals need. */
export class StaticInit {
  private count = 0;
  /** pure refuses values that point at objects of their own (set by box). */
  private pure = false;

  constructor(private readonly pl: PkgLowerer) {}

  /**
   * box returns read-only data holding e's value of type t, for e converted to an interface
   * inside a function, or null: only values that point at no object of their own qualify,
   * since every evaluation of `&T{}` or `[]T{...}` must make a new one.
   */
  box(e: ast.Expr, t: Type): string | null {
    this.pure = true;
    try {
      const init = this.value(e, t);
      if (!init) return null;
      const sym = `${this.pl.prefix}..stmp_${this.count++}`;
      this.pl.globals.push({ sym, ty: mirType(t), init, linkage: "internal", constant: true });
      return sym;
    } finally {
      this.pure = false;
    }
  }

  /** value is e's value as data of Go type t, or null when it must be computed at run time. */
  value(e: ast.Expr, t: Type): GlobalInit | null {
    const tv = this.pl.info.types.get(e);
    const u = under(t);
    if (tv?.value && tv.value.kind !== "unknown") {
      if (u.tag !== "Basic") return null; // an interface holding a constant: left to code
      const ty = mirType(t);
      if (ty.k === "complex") return null;
      return { g: "const", v: constVal(tv.value, ty) };
    }
    switch (e.kind) {
      case "ParenExpr":
        return this.value(e.x, t);
      case "Ident":
      case "SelectorExpr":
        return this.name(e, u);
      case "CompositeLit":
        return this.composite(e, t);
      case "UnaryExpr": {
        if (e.op !== "&" || u.tag !== "Pointer") return null;
        let x = e.x;
        while (x.kind === "ParenExpr") x = x.x;
        if (x.kind === "CompositeLit") return this.pointerTo(x, u.elem);
        return this.addressOfVar(x);
      }
      default:
        return null;
    }
  }

  /** name handles nil, a top-level function used as a value, and nothing else. */
  private name(e: ast.Ident | ast.SelectorExpr, u: Type): GlobalInit | null {
    const id = e.kind === "Ident" ? e : e.sel;
    const o = this.pl.info.uses.get(id);
    if (!o) return null;
    if (o.tag === "Nil") return { g: "zero" };
    if (o.tag !== "Func" || u.tag !== "Signature") return null;
    if (this.pl.info.instances.get(id) || o.origin) return null;
    const sig = o.type;
    if (sig.tag !== "Signature" || sig.recv) return null;
    const sym = this.pl.closureObject(this.pl.funcObjSym(o));
    return { g: "const", v: { c: "sym", sym, fn: false } };
  }

  /** addressOfVar is &v for a package variable v. */
  private addressOfVar(x: ast.Expr): GlobalInit | null {
    if (x.kind !== "Ident" && x.kind !== "SelectorExpr") return null;
    const o = this.pl.info.uses.get(x.kind === "Ident" ? x : x.sel);
    if (!o || o.tag !== "Var" || !this.pl.isGlobal(o as Var)) return null;
    return { g: "const", v: { c: "sym", sym: this.pl.addressSym(o as Var), fn: false } };
  }

  /** pointerTo is &T{...}: the literal becomes a global of its own. */
  private pointerTo(lit: ast.CompositeLit, t: Type): GlobalInit | null {
    if (this.pure) return null;
    const init = this.composite(lit, t);
    return init && this.global(mirType(t), init);
  }

  private composite(e: ast.CompositeLit, t: Type): GlobalInit | null {
    const u = under(t);
    if (u.tag === "Pointer") return this.pointerTo(e, u.elem); // an elided &T in a literal
    if (u.tag !== "Struct" && u.tag !== "Array" && u.tag !== "Slice") return null;
    if (u.tag !== "Struct") {
      const et = mirType(u.elem);
      if (et.k === "int" && et.bits === 8) {
        const init = this.byteComposite(e, et, u.tag === "Array" ? u.len : -1);
        if (init !== undefined) return init;
      }
    }
    if (sizeOf(mirType(u.tag === "Slice" ? u.elem : t)) > MAX_STATIC_BYTES) return null;
    if (u.tag === "Array" && u.len > MAX_ARRAY_PARTS) return null;
    if (u.tag === "Struct") {
      const parts: GlobalInit[] = u.fields.map(() => ({ g: "zero" }));
      for (let i = 0; i < e.elts.length; i++) {
        let elt = e.elts[i];
        let idx = i;
        if (elt.kind === "KeyValueExpr") {
          const name = (elt.key as ast.Ident).name;
          idx = u.fields.findIndex((f) => f.name === name);
          elt = elt.value;
        }
        const v = this.value(elt, u.fields[idx].type);
        if (!v) return null;
        parts[idx] = v;
      }
      return e.elts.length ? { g: "agg", parts } : { g: "zero" };
    }
    const elems = this.elements(e, u.elem);
    if (!elems) return null;
    if (u.tag === "Array") {
      if (elems.length === 0) return { g: "zero" };
      const parts: GlobalInit[] = Array.from({ length: u.len }, () => ({ g: "zero" }));
      elems.forEach((v, i) => (parts[i] = v));
      return { g: "agg", parts };
    }
    if (this.pure || elems.length * sizeOf(mirType(u.elem)) > MAX_STATIC_BYTES) return null;
    return this.slice(mirType(u.elem), elems.length, { g: "agg", parts: elems });
  }

  /**
   * byteComposite is a literal of bytes (elem: an 8-bit integer type; an array of length n, a
   * slice when n < 0) as raw data: a table such as crypto/internal/fips140/nistec's 88,064-byte
   * p256PrecomputedEmbed costs its length, not a part per element, and is not limited to
   * MAX_ARRAY_PARTS elements. undefined leaves the literal to the general path (an empty one);
   * null: it is not static.
   */
  private byteComposite(
    e: ast.CompositeLit,
    elem: MirType,
    n: number,
  ): GlobalInit | null | undefined {
    if (e.elts.length === 0) return undefined;
    const elts = this.indexed(e);
    if (!elts) return null;
    const vals: [number, number][] = [];
    let len = 0;
    for (const [i, val] of elts) {
      const c = this.pl.info.types.get(val)?.value;
      let v: bigint;
      if (c?.kind === "int") v = c.value;
      else if (c?.kind === "float" && c.num % c.den === 0n) v = c.num / c.den;
      else return null;
      vals.push([i, Number(BigInt.asUintN(8, v))]);
      len = Math.max(len, i + 1);
    }
    const size = n < 0 ? len : n;
    if (len > MAX_STATIC_BYTES || size > MAX_BYTE_TABLE) return null;
    // Zeros after the last element are not data (`var buf = [100 << 20]byte{42}`); a short
    // tail stays in the data.
    const pad = size - len >= 64;
    const data = new Uint8Array(pad ? len : size);
    for (const [k, v] of vals) data[k] = v;
    const init: GlobalInit = pad ? { g: "bytes", v: data, size } : { g: "bytes", v: data };
    if (n >= 0) return init;
    return this.pure ? null : this.slice(elem, size, init);
  }

  /** slice is a slice of n elements of type elem whose backing array holds init. */
  private slice(elem: MirType, n: number, init: GlobalInit): GlobalInit {
    const backing = this.global({ k: "array", len: n, elem }, init);
    const len: GlobalInit = { g: "const", v: { c: "int", v: BigInt(n) } };
    return { g: "agg", parts: [backing, len, len] };
  }

  /** indexed lists a literal's elements with their indices; null if a key is not a constant. */
  private indexed(e: ast.CompositeLit): [number, ast.Expr][] | null {
    const out: [number, ast.Expr][] = [];
    let i = 0;
    for (const elt of e.elts) {
      let val = elt;
      if (elt.kind === "KeyValueExpr") {
        const k = this.pl.info.types.get(elt.key)?.value;
        if (!k || k.kind !== "int") return null;
        i = Number(k.value);
        val = elt.value;
      }
      out.push([i++, val]);
    }
    return out;
  }

  /** elements lists an array or slice literal's values by index, holes zero; null if any is not static. */
  private elements(e: ast.CompositeLit, elem: Type): GlobalInit[] | null {
    const elts = this.indexed(e);
    if (!elts) return null;
    const out: GlobalInit[] = [];
    for (const [i, val] of elts) {
      if (i >= MAX_ARRAY_PARTS) return null;
      const v = this.value(val, elem);
      if (!v) return null;
      while (out.length < i) out.push({ g: "zero" });
      out[i] = v;
    }
    return out;
  }

  /** global adds a writable global holding init and returns its address. */
  private global(ty: MirType, init: GlobalInit): GlobalInit {
    const sym = `${this.pl.prefix}..stmp_${this.count++}`;
    this.pl.globals.push({ sym, ty, init, linkage: "internal", constant: false });
    return { g: "const", v: { c: "sym", sym, fn: false } };
  }
}
