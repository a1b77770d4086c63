// The AST printer: turns a syntax tree back into Go source that parses to the same tree (the
// round-trip property the tests check), formatted close to gofmt's layout. `nodeString` gives
// the one-line form that error messages quote, with function bodies and composite literal
// elements shortened to `…` as gc does.

import type * as ast from "./ast.js";

/** printFile renders a whole file as Go source. */
export function printFile(file: ast.File): string {
  const p = new Printer(false);
  p.file(file);
  return p.text();
}

/** printNode renders any node as Go source (statements and declarations on several lines). */
export function printNode(node: ast.Node): string {
  const p = new Printer(false);
  p.node(node);
  return p.text();
}

/** nodeString renders an expression or simple statement on one line, as gc quotes it in errors. */
export function nodeString(node: ast.Node | { kind: "RangeClause" }): string {
  const p = new Printer(true);
  if (node.kind === "RangeClause") return "range clause";
  p.node(node);
  return p.text();
}

const binaryPrec: Record<ast.BinaryOp, number> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 3,
  "<=": 3,
  ">": 3,
  ">=": 3,
  "+": 4,
  "-": 4,
  "|": 4,
  "^": 4,
  "*": 5,
  "/": 5,
  "%": 5,
  "<<": 5,
  ">>": 5,
  "&": 5,
  "&^": 5,
};

class Printer {
  private out: string[] = [];
  private indent = 0;

  constructor(private readonly short: boolean) {}

  text(): string {
    return this.out.join("");
  }

  private w(s: string): void {
    this.out.push(s);
  }

  private nl(): void {
    this.out.push("\n" + "\t".repeat(this.indent));
  }

  node(n: ast.Node): void {
    switch (n.kind) {
      case "File":
        return this.file(n);
      case "GenDecl":
      case "FuncDecl":
      case "BadDecl":
        return this.decl(n);
      case "ImportSpec":
      case "ValueSpec":
      case "TypeSpec":
        return this.spec(n);
      case "Field":
        return this.field(n);
      case "FieldList":
        return this.fields(n.list, ", ");
      case "Comment":
        return this.w(n.text);
      case "CommentGroup":
        return this.doc(n);
      default:
        if (isStmt(n)) return this.stmt(n);
        return this.expr(n);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Files and declarations

  file(f: ast.File): void {
    if (
      f.buildConstraint !== null &&
      (f.doc === null || !f.doc.list.some((c) => c.text.startsWith("//go:build")))
    ) {
      this.w(`//go:build ${f.buildConstraint}\n\n`);
    }
    this.doc(f.doc);
    this.w(`package ${f.name.name}\n`);
    for (const d of f.decls) {
      this.w("\n");
      this.decl(d);
      this.w("\n");
    }
  }

  private doc(g: ast.CommentGroup | null): void {
    if (g === null || this.short) return;
    for (const c of g.list) {
      this.w(c.text);
      this.nl();
    }
  }

  private decl(d: ast.Decl): void {
    switch (d.kind) {
      case "BadDecl":
        this.w("/* bad declaration */");
        return;
      case "FuncDecl":
        return this.funcDecl(d);
      case "GenDecl":
        return this.genDecl(d);
    }
  }

  private genDecl(d: ast.GenDecl): void {
    this.doc(d.doc);
    this.w(d.tok + " ");
    if (d.lparen < 0 && d.specs.length === 1) {
      this.spec(d.specs[0]);
      return;
    }
    this.w("(");
    this.indent++;
    for (const s of d.specs) {
      this.nl();
      this.doc(s.doc);
      this.spec(s);
    }
    this.indent--;
    this.nl();
    this.w(")");
  }

  private spec(s: ast.Spec): void {
    switch (s.kind) {
      case "ImportSpec":
        if (s.name !== null) this.w(s.name.name + " ");
        this.w(s.path.value);
        return;
      case "ValueSpec":
        this.identList(s.names);
        if (s.type !== null) {
          this.w(" ");
          this.expr(s.type);
        }
        if (s.values.length > 0) {
          this.w(" = ");
          this.exprList(s.values);
        }
        return;
      case "TypeSpec":
        this.w(s.name.name);
        if (s.typeParams !== null) this.typeParams(s.typeParams, true);
        this.w(s.assign >= 0 ? " = " : " ");
        this.expr(s.type);
        return;
    }
  }

  // typeParams prints `[P C, ...]`. In a type declaration a single parameter whose constraint
  // is an expression like `*C` gets a trailing comma, without which `[P *C]` reads as an array
  // length.
  private typeParams(l: ast.FieldList, inTypeDecl: boolean): void {
    this.w("[");
    this.fields(l.list, ", ");
    if (inTypeDecl && l.list.length === 1 && l.list[0].names.length === 1) {
      const k = l.list[0].type.kind;
      if (
        k !== "Ident" &&
        k !== "SelectorExpr" &&
        k !== "IndexExpr" &&
        k !== "IndexListExpr" &&
        k !== "InterfaceType"
      ) {
        this.w(",");
      }
    }
    this.w("]");
  }

  private funcDecl(d: ast.FuncDecl): void {
    this.doc(d.doc);
    this.w("func ");
    if (d.recv !== null) {
      this.w("(");
      this.fields(d.recv.list, ", ");
      this.w(") ");
    }
    this.w(d.name.name);
    const tp = d.typeParams ?? d.type.typeParams;
    if (tp !== null) this.typeParams(tp, false);
    this.signature(d.type);
    if (d.body !== null) {
      this.w(" ");
      this.block(d.body);
    }
  }

  private signature(t: ast.FuncType): void {
    this.w("(");
    this.fields(t.params.list, ", ");
    this.w(")");
    const r = t.results;
    if (r === null || r.list.length === 0) return;
    this.w(" ");
    if (r.list.length === 1 && r.list[0].names.length === 0) {
      this.expr(r.list[0].type);
      return;
    }
    this.w("(");
    this.fields(r.list, ", ");
    this.w(")");
  }

  private fields(list: ast.Field[], sep: string): void {
    list.forEach((f, i) => {
      if (i > 0) this.w(sep);
      this.field(f);
    });
  }

  private field(f: ast.Field): void {
    if (f.names.length > 0) {
      this.identList(f.names);
      this.w(" ");
    }
    this.expr(f.type);
    if (f.tag !== null) {
      this.w(" ");
      this.w(f.tag.value);
    }
  }

  private identList(names: ast.Ident[]): void {
    this.w(names.map((n) => n.name).join(", "));
  }

  // ------------------------------------------------------------------------------------------
  // Statements

  private block(b: ast.BlockStmt): void {
    if (this.short) {
      this.w("{…}");
      return;
    }
    this.w("{");
    this.indent++;
    this.stmtList(b.list);
    this.indent--;
    this.nl();
    this.w("}");
  }

  private stmtList(list: ast.Stmt[]): void {
    for (const s of list) {
      if (s.kind === "EmptyStmt" && s.implicit) continue;
      this.nl();
      this.stmt(s);
    }
  }

  private stmt(s: ast.Stmt): void {
    switch (s.kind) {
      case "BadStmt":
        this.w("/* bad statement */");
        return;
      case "DeclStmt":
        return this.genDecl(s.decl);
      case "EmptyStmt":
        if (!s.implicit) this.w(";");
        return;
      case "LabeledStmt":
        this.w(s.label.name + ":");
        if (s.stmt.kind === "EmptyStmt") {
          if (!s.stmt.implicit) this.w(" ;");
          return;
        }
        this.nl();
        this.stmt(s.stmt);
        return;
      case "ExprStmt":
        return this.expr(s.x);
      case "SendStmt":
        this.expr(s.chan);
        this.w(" <- ");
        this.expr(s.value);
        return;
      case "IncDecStmt":
        this.expr(s.x);
        this.w(s.tok);
        return;
      case "AssignStmt":
        this.exprList(s.lhs);
        this.w(` ${s.tok} `);
        this.exprList(s.rhs);
        return;
      case "GoStmt":
      case "DeferStmt":
        this.w(s.kind === "GoStmt" ? "go " : "defer ");
        this.expr(s.call);
        return;
      case "ReturnStmt":
        this.w("return");
        if (s.results.length > 0) {
          this.w(" ");
          this.exprList(s.results);
        }
        return;
      case "BranchStmt":
        this.w(s.tok);
        if (s.label !== null) this.w(" " + s.label.name);
        return;
      case "BlockStmt":
        return this.block(s);
      case "IfStmt":
        return this.ifStmt(s);
      case "CaseClause":
        if (s.list === null) this.w("default:");
        else {
          this.w("case ");
          this.exprList(s.list);
          this.w(":");
        }
        this.indent++;
        this.stmtList(s.body);
        this.indent--;
        return;
      case "SwitchStmt":
      case "TypeSwitchStmt":
        this.w("switch ");
        if (s.init !== null) {
          this.stmt(s.init);
          this.w("; ");
        }
        if (s.kind === "SwitchStmt") {
          if (s.tag !== null) {
            this.expr(s.tag);
            this.w(" ");
          }
        } else {
          this.stmt(s.assign);
          this.w(" ");
        }
        return this.clauses(s.body);
      case "CommClause":
        if (s.comm === null) this.w("default:");
        else {
          this.w("case ");
          this.stmt(s.comm);
          this.w(":");
        }
        this.indent++;
        this.stmtList(s.body);
        this.indent--;
        return;
      case "SelectStmt":
        this.w("select ");
        return this.clauses(s.body);
      case "ForStmt":
        this.w("for ");
        if (s.init !== null || s.post !== null) {
          if (s.init !== null) this.stmt(s.init);
          this.w("; ");
          if (s.cond !== null) this.expr(s.cond);
          this.w("; ");
          if (s.post !== null) this.stmt(s.post);
          this.w(" ");
        } else if (s.cond !== null) {
          this.expr(s.cond);
          this.w(" ");
        }
        return this.block(s.body);
      case "RangeStmt":
        this.w("for ");
        if (s.key !== null) {
          this.expr(s.key);
          if (s.value !== null) {
            this.w(", ");
            this.expr(s.value);
          }
          this.w(` ${s.tok ?? ":="} `);
        }
        this.w("range ");
        this.expr(s.x);
        this.w(" ");
        return this.block(s.body);
    }
  }

  private clauses(b: ast.BlockStmt): void {
    if (this.short) {
      this.w("{…}");
      return;
    }
    this.w("{");
    for (const c of b.list) {
      this.nl();
      this.stmt(c);
    }
    this.nl();
    this.w("}");
  }

  private ifStmt(s: ast.IfStmt): void {
    this.w("if ");
    if (s.init !== null) {
      this.stmt(s.init);
      this.w("; ");
    }
    this.expr(s.cond);
    this.w(" ");
    this.block(s.body);
    if (s.else_ !== null) {
      this.w(" else ");
      this.stmt(s.else_);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Expressions

  private exprList(list: ast.Expr[]): void {
    list.forEach((e, i) => {
      if (i > 0) this.w(", ");
      this.expr(e);
    });
  }

  private expr(x: ast.Expr, prec = 0): void {
    switch (x.kind) {
      case "BadExpr":
        this.w("BadExpr");
        return;
      case "Ident":
        this.w(x.name);
        return;
      case "BasicLit":
        this.w(x.value);
        return;
      case "CompositeLit":
        if (x.type !== null) this.expr(x.type);
        if (this.short && x.elts.length > 0) {
          this.w("{…}");
          return;
        }
        this.w("{");
        this.exprList(x.elts);
        this.w("}");
        return;
      case "FuncLit":
        this.w("func");
        this.signature(x.type);
        this.w(" ");
        this.block(x.body);
        return;
      case "ParenExpr":
        this.w("(");
        this.expr(x.x);
        this.w(")");
        return;
      case "SelectorExpr":
        this.expr(x.x, 7);
        this.w("." + x.sel.name);
        return;
      case "IndexExpr":
        this.expr(x.x, 7);
        this.w("[");
        this.expr(x.index);
        this.w("]");
        return;
      case "IndexListExpr":
        this.expr(x.x, 7);
        this.w("[");
        this.exprList(x.indices);
        this.w("]");
        return;
      case "SliceExpr":
        this.expr(x.x, 7);
        this.w("[");
        if (x.low !== null) this.expr(x.low);
        this.w(":");
        if (x.high !== null) this.expr(x.high);
        if (x.slice3) {
          this.w(":");
          if (x.max !== null) this.expr(x.max);
        }
        this.w("]");
        return;
      case "TypeAssertExpr":
        this.expr(x.x, 7);
        this.w(".(");
        if (x.type === null) this.w("type");
        else this.expr(x.type);
        this.w(")");
        return;
      case "CallExpr":
        this.expr(x.fun, 7);
        this.w("(");
        this.exprList(x.args);
        if (x.hasDots) {
          // `10...` would scan as the float `10.` followed by `..`.
          const last = x.args[x.args.length - 1];
          this.w(last?.kind === "BasicLit" && last.litKind === "INT" ? " ..." : "...");
        }
        this.w(")");
        return;
      case "StarExpr":
      case "UnaryExpr": {
        const op = x.kind === "StarExpr" ? "*" : x.op;
        const paren = prec >= 7;
        if (paren) this.w("(");
        this.w(op);
        // Keep `- -x` and `& &x` from fusing into `--x` or `&&x`.
        if (x.x.kind === "UnaryExpr" || x.x.kind === "StarExpr") this.w(" ");
        this.expr(x.x, 6);
        if (paren) this.w(")");
        return;
      }
      case "BinaryExpr": {
        const p = binaryPrec[x.op];
        const paren = p < prec;
        if (paren) this.w("(");
        this.expr(x.x, p);
        this.w(` ${x.op} `);
        this.expr(x.y, p + 1);
        if (paren) this.w(")");
        return;
      }
      case "KeyValueExpr":
        this.expr(x.key);
        this.w(": ");
        this.expr(x.value);
        return;
      case "Ellipsis":
        this.w("...");
        if (x.elt !== null) this.expr(x.elt);
        return;
      case "ArrayType":
        this.w("[");
        if (x.len !== null) this.expr(x.len);
        this.w("]");
        this.expr(x.elt);
        return;
      case "StructType":
        this.w("struct{");
        if (x.fields.list.length > 0) {
          this.w(" ");
          this.fields(x.fields.list, "; ");
          this.w(" ");
        }
        this.w("}");
        return;
      case "FuncType":
        this.w("func");
        if (x.typeParams !== null) this.typeParams(x.typeParams, false);
        this.signature(x);
        return;
      case "InterfaceType":
        this.w("interface{");
        if (x.methods.list.length > 0) {
          this.w(" ");
          x.methods.list.forEach((f, i) => {
            if (i > 0) this.w("; ");
            if (f.names.length > 0 && f.type.kind === "FuncType") {
              this.w(f.names[0].name);
              this.signature(f.type);
            } else this.expr(f.type);
          });
          this.w(" ");
        }
        this.w("}");
        return;
      case "MapType":
        this.w("map[");
        this.expr(x.key);
        this.w("]");
        this.expr(x.value);
        return;
      case "ChanType": {
        this.w(x.dir === "recv" ? "<-chan " : x.dir === "send" ? "chan<- " : "chan ");
        // `chan <-chan T` would read as `chan<- (chan T)`.
        const paren = x.dir === "both" && x.value.kind === "ChanType" && x.value.dir === "recv";
        if (paren) this.w("(");
        this.expr(x.value);
        if (paren) this.w(")");
        return;
      }
    }
  }
}

function isStmt(n: ast.Node): n is ast.Stmt {
  switch (n.kind) {
    case "BadStmt":
    case "DeclStmt":
    case "EmptyStmt":
    case "LabeledStmt":
    case "ExprStmt":
    case "SendStmt":
    case "IncDecStmt":
    case "AssignStmt":
    case "GoStmt":
    case "DeferStmt":
    case "ReturnStmt":
    case "BranchStmt":
    case "BlockStmt":
    case "IfStmt":
    case "CaseClause":
    case "SwitchStmt":
    case "TypeSwitchStmt":
    case "CommClause":
    case "SelectStmt":
    case "ForStmt":
    case "RangeStmt":
      return true;
  }
  return false;
}
