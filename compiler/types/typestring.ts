// Printing types the way gc spells them in diagnostics and in runtime type names:
// `*pkg.T`, `[]int`, `map[string]int`, `func(x int) (int, error)`, `interface{M()}`.

import type { Package } from "./object.js";
import { constString } from "./constops.js";
import type { ConstValue } from "./constant.js";
import { anyType } from "./universe.js";
import type { Signature, Term, Tuple, Type } from "./type.js";

/** Qualifier decides how a package is written before a type name ("" omits it). */
export type Qualifier = (pkg: Package) => string;

/** byName qualifies every package-level type with its package name (reflect's spelling). */
export const byName: Qualifier = (p) => p.name;

/** byPath qualifies with the full import path (unique; linker-style names). */
export const byPath: Qualifier = (p) => p.path;

/** relativeTo omits the package itself and qualifies others by name (gc's error messages). */
export function relativeTo(pkg: Package | null): Qualifier {
  return (p) => (p === pkg ? "" : p.name);
}

/** typeString renders t; the qualifier defaults to package names. */
export function typeString(t: Type, q: Qualifier = byName): string {
  const w = new Writer(q);
  w.type(t);
  return w.out;
}

/** signatureString renders a signature without the leading "func". */
export function signatureString(s: Signature, q: Qualifier = byName): string {
  const w = new Writer(q);
  w.signature(s);
  return w.out;
}

/** valueString renders a constant value for messages. */
export function valueString(v: ConstValue): string {
  return constString(v);
}

class Writer {
  out = "";
  private seen = new Set<Type>();
  constructor(private readonly q: Qualifier) {}

  type(t: Type): void {
    switch (t.tag) {
      case "Basic":
        this.out += t.name;
        return;
      case "Pointer":
        this.out += "*";
        this.type(t.elem);
        return;
      case "Slice":
        this.out += "[]";
        this.type(t.elem);
        return;
      case "Array":
        this.out += `[${t.len < 0 ? "?" : t.len}]`;
        this.type(t.elem);
        return;
      case "Map":
        this.out += "map[";
        this.type(t.key);
        this.out += "]";
        this.type(t.elem);
        return;
      case "Chan": {
        let paren = false;
        if (t.dir === "both") {
          this.out += "chan ";
          // chan (<-chan T) needs parentheses.
          paren = t.elem.tag === "Chan" && t.elem.dir === "recv";
        } else this.out += t.dir === "send" ? "chan<- " : "<-chan ";
        if (paren) this.out += "(";
        this.type(t.elem);
        if (paren) this.out += ")";
        return;
      }
      case "Struct": {
        this.out += "struct{";
        t.fields.forEach((f, i) => {
          if (i > 0) this.out += "; ";
          if (!f.embedded) this.out += f.name + " ";
          this.type(f.type);
          const tag = t.tags[i];
          if (tag) this.out += " " + JSON.stringify(tag);
        });
        this.out += "}";
        return;
      }
      case "Tuple":
        this.tuple(t, false);
        return;
      case "Signature":
        this.out += "func";
        this.signature(t);
        return;
      case "Interface": {
        if (t === anyType) {
          this.out += "any";
          return;
        }
        if (this.seen.has(t)) {
          this.out += "interface{...}";
          return;
        }
        this.seen.add(t);
        if (t.implicit && t.methods.length === 0 && t.embeddeds.length === 1) {
          this.type(t.embeddeds[0]);
          this.seen.delete(t);
          return;
        }
        this.out += "interface{";
        let first = true;
        for (const m of t.methods) {
          if (!first) this.out += "; ";
          first = false;
          this.out += m.name;
          this.signature(m.type as Signature);
        }
        for (const e of t.embeddeds) {
          if (!first) this.out += "; ";
          first = false;
          this.type(e);
        }
        this.out += "}";
        this.seen.delete(t);
        return;
      }
      case "Named": {
        const obj = t.obj;
        if (obj.pkg) {
          const p = this.q(obj.pkg);
          if (p) this.out += p + ".";
        }
        this.out += obj.name;
        if (t.typeArgs.length > 0) this.typeList(t.typeArgs);
        return;
      }
      case "TypeParam":
        this.out += t.obj.name;
        return;
      case "Union":
        this.terms(t.terms);
        return;
      case "Alias": {
        const obj = t.obj;
        if (obj.pkg) {
          const p = this.q(obj.pkg);
          if (p) this.out += p + ".";
        }
        this.out += obj.name;
        if (t.typeArgs.length > 0) this.typeList(t.typeArgs);
        return;
      }
    }
  }

  private typeList(ts: Type[]): void {
    this.out += "[";
    ts.forEach((a, i) => {
      if (i > 0) this.out += ",";
      this.type(a);
    });
    this.out += "]";
  }

  private terms(ts: Term[]): void {
    ts.forEach((term, i) => {
      if (i > 0) this.out += " | ";
      if (term.tilde) this.out += "~";
      this.type(term.type);
    });
  }

  tuple(t: Tuple, variadic: boolean): void {
    this.out += "(";
    t.vars.forEach((v, i) => {
      if (i > 0) this.out += ", ";
      if (v.name && v.name !== "_") this.out += v.name + " ";
      if (variadic && i === t.vars.length - 1 && v.type.tag === "Slice") {
        this.out += "...";
        this.type(v.type.elem);
      } else this.type(v.type);
    });
    this.out += ")";
  }

  signature(s: Signature): void {
    if (s.typeParams.length > 0) {
      this.out += "[";
      s.typeParams.forEach((tp, i) => {
        if (i > 0) this.out += ", ";
        this.out += tp.obj.name + " ";
        this.type(tp.constraint);
      });
      this.out += "]";
    }
    this.tuple(s.params, s.variadic);
    const r = s.results.vars;
    if (r.length === 0) return;
    this.out += " ";
    if (r.length === 1 && (r[0].name === "" || r[0].name === "_")) {
      this.type(r[0].type);
      return;
    }
    this.tuple(s.results, false);
  }
}
