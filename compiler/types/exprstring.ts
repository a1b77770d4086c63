// Printing expressions in the short form gc uses inside messages: `x.f`, `a[i]`, `f(x)`,
// `func(...) {…}`, `T{…}`.

import type * as ast from "../syntax/ast.js";

/** exprString renders an expression for diagnostics. */
export function exprString(e: ast.Expr): string {
  const out: string[] = [];
  write(out, e);
  return out.join("");
}

function write(o: string[], e: ast.Expr | null): void {
  if (!e) return;
  switch (e.kind) {
    case "BadExpr":
      o.push("_");
      return;
    case "Ident":
      o.push(e.name);
      return;
    case "BasicLit":
      o.push(e.value);
      return;
    case "CompositeLit":
      write(o, e.type);
      o.push(e.elts.length > 0 ? "{…}" : "{}");
      return;
    case "FuncLit":
      o.push("func literal");
      return;
    case "ParenExpr":
      o.push("(");
      write(o, e.x);
      o.push(")");
      return;
    case "SelectorExpr":
      write(o, e.x);
      o.push(".", e.sel.name);
      return;
    case "IndexExpr":
      write(o, e.x);
      o.push("[");
      write(o, e.index);
      o.push("]");
      return;
    case "IndexListExpr":
      write(o, e.x);
      o.push("[");
      e.indices.forEach((x, i) => {
        if (i > 0) o.push(", ");
        write(o, x);
      });
      o.push("]");
      return;
    case "SliceExpr":
      write(o, e.x);
      o.push("[");
      write(o, e.low);
      o.push(":");
      write(o, e.high);
      if (e.slice3) {
        o.push(":");
        write(o, e.max);
      }
      o.push("]");
      return;
    case "TypeAssertExpr":
      write(o, e.x);
      o.push(".(");
      if (e.type) write(o, e.type);
      else o.push("type");
      o.push(")");
      return;
    case "CallExpr":
      write(o, e.fun);
      o.push("(");
      e.args.forEach((x, i) => {
        if (i > 0) o.push(", ");
        write(o, x);
      });
      if (e.hasDots) o.push("...");
      o.push(")");
      return;
    case "StarExpr":
      o.push("*");
      write(o, e.x);
      return;
    case "UnaryExpr":
      o.push(e.op);
      write(o, e.x);
      return;
    case "BinaryExpr":
      write(o, e.x);
      o.push(" ", e.op, " ");
      write(o, e.y);
      return;
    case "KeyValueExpr":
      write(o, e.key);
      o.push(": ");
      write(o, e.value);
      return;
    case "Ellipsis":
      o.push("...");
      write(o, e.elt);
      return;
    case "ArrayType":
      o.push("[");
      write(o, e.len);
      o.push("]");
      write(o, e.elt);
      return;
    case "StructType":
      o.push("struct{");
      fields(o, e.fields.list, "; ");
      o.push("}");
      return;
    case "FuncType":
      o.push("func");
      signature(o, e);
      return;
    case "InterfaceType":
      o.push("interface{");
      e.methods.list.forEach((f, i) => {
        if (i > 0) o.push("; ");
        if (f.names.length > 0 && f.type.kind === "FuncType") {
          o.push(f.names[0].name);
          signature(o, f.type);
        } else write(o, f.type);
      });
      o.push("}");
      return;
    case "MapType":
      o.push("map[");
      write(o, e.key);
      o.push("]");
      write(o, e.value);
      return;
    case "ChanType":
      o.push(e.dir === "recv" ? "<-chan " : e.dir === "send" ? "chan<- " : "chan ");
      write(o, e.value);
      return;
  }
}

function fields(o: string[], list: ast.Field[], sep: string): void {
  list.forEach((f, i) => {
    if (i > 0) o.push(sep);
    if (f.names.length > 0) {
      o.push(f.names.map((n) => n.name).join(", "), " ");
    }
    write(o, f.type);
  });
}

function signature(o: string[], t: ast.FuncType): void {
  o.push("(");
  fields(o, t.params.list, ", ");
  o.push(")");
  if (!t.results || t.results.list.length === 0) return;
  o.push(" ");
  const r = t.results.list;
  if (r.length === 1 && r[0].names.length === 0) {
    write(o, r[0].type);
    return;
  }
  o.push("(");
  fields(o, r, ", ");
  o.push(")");
}
