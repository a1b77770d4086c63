// Type strings as reflect spells them (`main.T`, `[]*main.T`, `func(int) string`,
// `struct { a int }`, `interface {}`): the `name` of type descriptors, and, qualified by
// import path, the key of their symbols (ABI.md §6).

import type { Type } from "../../types/type.js";

/** Qualify chooses how a package is written before its type names. */
export type Qualify = (path: string, name: string) => string;

/** byPkgName is reflect's spelling: the package name. */
export const byPkgName: Qualify = (_path, name) => name;
/** byImportPath is unique across a program: the import path. */
export const byImportPath: Qualify = (path) => path;

/** typeStr renders a Go type. */
export function goTypeString(t: Type, q: Qualify = byPkgName): string {
  switch (t.tag) {
    case "Basic":
      return t.kind;
    case "Pointer":
      return "*" + goTypeString(t.elem, q);
    case "Slice":
      return "[]" + goTypeString(t.elem, q);
    case "Array":
      return `[${t.len}]${goTypeString(t.elem, q)}`;
    case "Map":
      return `map[${goTypeString(t.key, q)}]${goTypeString(t.elem, q)}`;
    case "Chan": {
      const e = goTypeString(t.elem, q);
      if (t.dir === "send") return `chan<- ${e}`;
      if (t.dir === "recv") return `<-chan ${e}`;
      return t.elem.tag === "Chan" && t.elem.dir === "recv" ? `chan (${e})` : `chan ${e}`;
    }
    case "Struct": {
      if (t.fields.length === 0) return "struct {}";
      const fs = t.fields.map((f) => {
        const ty = goTypeString(f.type, q);
        const tag = t.tags[t.fields.indexOf(f)];
        const tagS = tag ? ` ${JSON.stringify(tag)}` : "";
        return f.embedded ? `${ty}${tagS}` : `${f.name} ${ty}${tagS}`;
      });
      return `struct { ${fs.join("; ")} }`;
    }
    case "Tuple":
      return `(${t.vars.map((v) => goTypeString(v.type, q)).join(", ")})`;
    case "Signature": {
      const ps = t.params.vars.map((v, i) => {
        const s = goTypeString(v.type, q);
        return t.variadic && i === t.params.vars.length - 1 ? "..." + s.slice(2) : s;
      });
      const rs = t.results.vars.map((v) => goTypeString(v.type, q));
      const res = rs.length === 0 ? "" : rs.length === 1 ? ` ${rs[0]}` : ` (${rs.join(", ")})`;
      return `func(${ps.join(", ")})${res}`;
    }
    case "Interface": {
      const ms = t.methods.map((m) => m.name + goTypeString(m.type, q).slice(4));
      const es = t.embeddeds.map((e) => goTypeString(e, q));
      const all = [...es, ...ms];
      return all.length ? `interface { ${all.join("; ")} }` : "interface {}";
    }
    case "Named": {
      const pkg = t.obj.pkg;
      let s = pkg ? `${q(pkg.path, pkg.name)}.${t.obj.name}` : t.obj.name;
      if (t.typeArgs.length) s += `[${t.typeArgs.map((a) => goTypeString(a, q)).join(",")}]`;
      return s;
    }
    case "Alias":
      return goTypeString(t.rhs, q);
    case "TypeParam":
      return t.obj.name;
    case "Union":
      return t.terms.map((x) => (x.tilde ? "~" : "") + goTypeString(x.type, q)).join(" | ");
  }
}
