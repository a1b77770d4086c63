// Type strings as reflect spells them (`main.T`, `[]*main.T`, `func(int) string`,
// `struct { a int }`, `interface {}`): the `name` of type descriptors, and, qualified by
// import path, the key of their symbols (ABI.md §6).

import type { Func } from "../../types/object.js";
import type { Type } from "../../types/type.js";
import { computeTypeSet } from "../../types/typeset.js";

/** Qualify chooses how a package is written before its type names. */
export type Qualify = (path: string, name: string) => string;

/** byPkgName is reflect's spelling: the package name. */
export const byPkgName: Qualify = (_path, name) => name;
/** byImportPath is unique across a program: the import path. */
export const byImportPath: Qualify = (path) => path;

/**
 * symKey spells t uniquely within a program, for symbol names: import paths qualify type names,
 * named types declared inside functions carry their declaration's position (`main.T·37`: two
 * local `T`s are distinct types), and so do unexported field and method names their package
 * (`struct { a int }` declared in two packages is two types).
 */
export function symKey(t: Type): string {
  return goTypeString(t, byImportPath, true);
}

/** goTypeString renders a Go type; unique is symKey's spelling. */
export function goTypeString(t: Type, q: Qualify = byPkgName, unique = false): string {
  const str = (x: Type) => goTypeString(x, q, unique);
  const member = (name: string, pkg: { path: string } | null) =>
    unique && pkg && !isExported(name) ? `${pkg.path}.${name}` : name;
  switch (t.tag) {
    case "Basic":
      return t.kind;
    case "Pointer":
      return "*" + str(t.elem);
    case "Slice":
      return "[]" + str(t.elem);
    case "Array":
      return `[${t.len}]${str(t.elem)}`;
    case "Map":
      return `map[${str(t.key)}]${str(t.elem)}`;
    case "Chan": {
      const e = str(t.elem);
      if (t.dir === "send") return `chan<- ${e}`;
      if (t.dir === "recv") return `<-chan ${e}`;
      return t.elem.tag === "Chan" && t.elem.dir === "recv" ? `chan (${e})` : `chan ${e}`;
    }
    case "Struct": {
      if (t.fields.length === 0) return "struct {}";
      const fs = t.fields.map((f) => {
        const ty = str(f.type);
        const tag = t.tags[t.fields.indexOf(f)];
        const tagS = tag ? ` ${JSON.stringify(tag)}` : "";
        if (!f.embedded) return `${member(f.name, f.pkg)} ${ty}${tagS}`;
        // An embedded field named by an alias (struct{ Int } with Int = int) is not the field
        // its type's name gives (struct{ int }): a symbol names it, or the two types' descriptors
        // would merge into one.
        return unique && f.name !== embeddedName(f.type)
          ? `${f.name}=${ty}${tagS}`
          : `${ty}${tagS}`;
      });
      return `struct { ${fs.join("; ")} }`;
    }
    case "Tuple":
      return `(${t.vars.map((v) => str(v.type)).join(", ")})`;
    case "Signature": {
      const ps = t.params.vars.map((v, i) => {
        const s = str(v.type);
        return t.variadic && i === t.params.vars.length - 1 ? "..." + s.slice(2) : s;
      });
      const rs = t.results.vars.map((v) => str(v.type));
      const res = rs.length === 0 ? "" : rs.length === 1 ? ` ${rs[0]}` : ` (${rs.join(", ")})`;
      return `func(${ps.join(", ")})${res}`;
    }
    case "Interface": {
      const set = computeTypeSet(t);
      if (set.terms === null && !set.comparable) {
        // As gc: the whole method set, exported methods first, then by name; unexported
        // names qualified by their package (its name; the import path when unique).
        const key = (m: Func) => [isExported(m.name) ? 0 : 1, m.name, m.pkg?.path ?? ""];
        const ms = [...set.methods].sort((a, b) => compareKeys(key(a), key(b)));
        const qualified = (m: Func) =>
          m.pkg && !isExported(m.name) ? `${q(m.pkg.path, m.pkg.name)}.${m.name}` : m.name;
        const all = ms.map((m) => qualified(m) + str(m.type).slice(4));
        return all.length ? `interface { ${all.join("; ")} }` : "interface {}";
      }
      const ms = t.methods.map((m) => member(m.name, m.pkg) + str(m.type).slice(4));
      const es = t.embeddeds.map((e) => str(e));
      const all = [...es, ...ms];
      return all.length ? `interface { ${all.join("; ")} }` : "interface {}";
    }
    case "Named": {
      const pkg = t.obj.pkg;
      let s = pkg ? `${q(pkg.path, pkg.name)}.${t.obj.name}` : t.obj.name;
      if (unique) s += t.obj.localKey;
      if (t.typeArgs.length) s += `[${t.typeArgs.map((a) => str(a)).join(",")}]`;
      return s;
    }
    case "Alias":
      return str(t.rhs);
    case "TypeParam":
      return t.obj.name;
    case "Union":
      return t.terms.map((x) => (x.tilde ? "~" : "") + str(x.type)).join(" | ");
  }
}

/** compareKeys orders tuples of numbers and strings element by element. */
function compareKeys(a: (number | string)[], b: (number | string)[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

function isExported(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}

/** embeddedName is the field name a type's own name gives an embedded field of that type. */
function embeddedName(t: Type): string {
  const base = t.tag === "Pointer" ? t.elem : t;
  if (base.tag === "Basic") return base.kind;
  if (base.tag === "Named") return base.obj.name;
  return "";
}
