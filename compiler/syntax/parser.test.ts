// The shape of the trees parseFile builds: the details the type checker and MIR builder rely
// on (iota, grouping of names, type switches, range forms, doc comments, directives, offsets).

import { describe, expect, it } from "vitest";
import type * as ast from "./ast.js";
import { parseFile } from "./parser.js";
import { SourceFile } from "./source.js";

function parse(text: string, keepComments = false): ast.File {
  const r = parseFile(SourceFile.fromString("x.go", text), { keepComments });
  expect(r.diagnostics.map((d) => d.message)).toEqual([]);
  return r.file;
}

function body(text: string): ast.Stmt[] {
  const f = parse(`package p\nfunc f() {\n${text}\n}\n`);
  return (f.decls[0] as ast.FuncDecl).body!.list;
}

function expr(text: string): ast.Expr {
  const f = parse(`package p\nvar _ = ${text}\n`);
  return ((f.decls[0] as ast.GenDecl).specs[0] as ast.ValueSpec).values[0];
}

describe("declarations", () => {
  it("numbers const specs with iota and leaves omitted values empty", () => {
    const f = parse("package p\nconst (\n\tA = iota\n\tB\n\tC, D = 1, 2\n\tE\n)\nconst F = 0\n");
    const specs = (f.decls[0] as ast.GenDecl).specs as ast.ValueSpec[];
    expect(specs.map((s) => s.iota)).toEqual([0, 1, 2, 3]);
    expect(specs.map((s) => s.values.length)).toEqual([1, 0, 2, 0]);
    expect(specs[2].names.map((n) => n.name)).toEqual(["C", "D"]);
    expect((f.decls[1] as ast.GenDecl).lparen).toBe(-1);
    expect(((f.decls[1] as ast.GenDecl).specs[0] as ast.ValueSpec).iota).toBe(0);
  });

  it("collects imports with their names", () => {
    const f = parse('package p\nimport (\n\t"fmt"\n\tm "math"\n\t. "os"\n\t_ "embed"\n)\n');
    expect(f.imports.map((i) => [i.name?.name ?? null, i.path.value])).toEqual([
      [null, '"fmt"'],
      ["m", '"math"'],
      [".", '"os"'],
      ["_", '"embed"'],
    ]);
  });

  it("groups parameter names that share a type", () => {
    const f = parse("package p\nfunc f(a, b int, c string, _ ...any) (x, y int) { return }\n");
    const t = (f.decls[0] as ast.FuncDecl).type;
    expect(t.params.list.map((p) => p.names.map((n) => n.name))).toEqual([
      ["a", "b"],
      ["c"],
      ["_"],
    ]);
    expect(t.params.list[2].type.kind).toBe("Ellipsis");
    expect(t.results!.list[0].names.map((n) => n.name)).toEqual(["x", "y"]);
  });

  it("treats a list of bare names as types", () => {
    const f = parse("package p\nvar _ func(int, string) error\n");
    const t = ((f.decls[0] as ast.GenDecl).specs[0] as ast.ValueSpec).type as ast.FuncType;
    expect(t.params.list.map((p) => [p.names.length, (p.type as ast.Ident).name])).toEqual([
      [0, "int"],
      [0, "string"],
    ]);
    expect(t.results!.list[0].type).toMatchObject({ kind: "Ident", name: "error" });
  });

  it("parses generic types, methods on them and constraints", () => {
    const f = parse(
      "package p\ntype List[T any] struct{ next *List[T] }\ntype N interface{ ~int | ~float64; M() }\n" +
        "func (l *List[T]) Len() int { return 0 }\ntype A[P *C,] int\ntype B [N]int\ntype G = map[string]int\n",
    );
    const list = (f.decls[0] as ast.GenDecl).specs[0] as ast.TypeSpec;
    expect(list.typeParams!.list[0].names[0].name).toBe("T");
    const iface = ((f.decls[1] as ast.GenDecl).specs[0] as ast.TypeSpec).type as ast.InterfaceType;
    expect(iface.methods.list[0].type).toMatchObject({ kind: "BinaryExpr", op: "|" });
    expect(iface.methods.list[1].names[0].name).toBe("M");
    const m = f.decls[2] as ast.FuncDecl;
    expect(m.recv!.list[0].type).toMatchObject({ kind: "StarExpr", x: { kind: "IndexExpr" } });
    const a = (f.decls[3] as ast.GenDecl).specs[0] as ast.TypeSpec;
    expect(a.typeParams!.list[0].type.kind).toBe("StarExpr");
    const b = (f.decls[4] as ast.GenDecl).specs[0] as ast.TypeSpec;
    expect(b.typeParams).toBeNull();
    expect(b.type).toMatchObject({ kind: "ArrayType", len: { kind: "Ident", name: "N" } });
    const g = (f.decls[5] as ast.GenDecl).specs[0] as ast.TypeSpec;
    expect(g.assign).toBeGreaterThan(0);
  });

  it("attaches doc comments and directives", () => {
    const src =
      "// Copyright notice.\n\n//go:build linux && go1.22\n\n// Package p is a test.\npackage p\n\n" +
      "// F does things.\n//\n//go:noinline\n//go:linkname F runtime.f\nfunc F() {}\n\n//go:embed x.txt\nvar s string\n";
    const f = parse(src, true);
    expect(f.doc!.list.map((c) => c.text)).toEqual(["// Package p is a test."]);
    expect(f.buildConstraint).toBe("linux && go1.22");
    expect(f.goVersion).toBe("go1.22");
    const fn = f.decls[0] as ast.FuncDecl;
    expect(fn.doc!.list.length).toBe(4);
    expect(fn.directives.map((d) => [d.name, d.args])).toEqual([
      ["go:noinline", ""],
      ["go:linkname", "F runtime.f"],
    ]);
    const v = (f.decls[1] as ast.GenDecl).specs[0] as ast.ValueSpec;
    expect(v.directives.map((d) => d.name)).toEqual(["go:embed"]);
    expect(f.directives.map((d) => d.name)).toEqual([
      "go:build",
      "go:noinline",
      "go:linkname",
      "go:embed",
    ]);
    expect(f.comments.length).toBe(5);
  });

  it('keeps the cgo preamble as the doc of import "C"', () => {
    const f = parse(
      'package p\n\n/*\n#include <stdio.h>\n*/\nimport "C"\n\n//export Go\nfunc Go() {}\n',
    );
    const imp = f.decls[0] as ast.GenDecl;
    expect(imp.doc!.list[0].text).toBe("/*\n#include <stdio.h>\n*/");
    expect(imp.specs[0].doc).toBe(imp.doc);
    expect((f.decls[1] as ast.FuncDecl).directives).toEqual([
      { pos: 48, name: "export", args: "Go", blank: true },
    ]);
  });
});

describe("statements", () => {
  it("recognises type switches with and without a binding", () => {
    const [a, b] = body("switch x := y.(type) {\ncase int:\n}\nswitch y.(type) {\ndefault:\n}");
    expect(a).toMatchObject({ kind: "TypeSwitchStmt", assign: { kind: "AssignStmt", tok: ":=" } });
    expect(b).toMatchObject({ kind: "TypeSwitchStmt", assign: { kind: "ExprStmt" } });
    const cc = (a as ast.TypeSwitchStmt).body.list[0] as ast.CaseClause;
    expect(cc.list![0]).toMatchObject({ kind: "Ident", name: "int" });
  });

  it("parses the range forms", () => {
    const [a, b, c] = body("for range 10 {}\nfor i := range n {}\nfor k, v = range m {}");
    expect(a).toMatchObject({ kind: "RangeStmt", key: null, value: null, tok: null });
    expect(b).toMatchObject({ kind: "RangeStmt", key: { name: "i" }, value: null, tok: ":=" });
    expect(c).toMatchObject({
      kind: "RangeStmt",
      key: { name: "k" },
      value: { name: "v" },
      tok: "=",
    });
  });

  it("parses for headers", () => {
    const [a, b, c] = body("for {}\nfor x < 1 {}\nfor i := 0; i < n; i++ {}");
    expect(a).toMatchObject({ kind: "ForStmt", init: null, cond: null, post: null });
    expect(b).toMatchObject({ kind: "ForStmt", init: null, cond: { kind: "BinaryExpr", op: "<" } });
    expect(c).toMatchObject({
      init: { kind: "AssignStmt" },
      post: { kind: "IncDecStmt", tok: "++" },
    });
  });

  it("does not take `T{` in an if header as a composite literal", () => {
    const [a, b] = body("if x == y {\n}\nif x == (T{}) {\n}");
    expect((a as ast.IfStmt).cond).toMatchObject({
      kind: "BinaryExpr",
      y: { kind: "Ident", name: "y" },
    });
    expect((b as ast.IfStmt).cond).toMatchObject({
      y: { kind: "ParenExpr", x: { kind: "CompositeLit" } },
    });
  });

  it("parses labels, branches, select and send", () => {
    const [l, s] = body(
      "L:\n\tfor {\n\t\tbreak L\n\t}\nselect {\ncase v := <-ch:\n\t_ = v\ncase ch <- 1:\ndefault:\n}",
    );
    expect(l).toMatchObject({
      kind: "LabeledStmt",
      label: { name: "L" },
      stmt: { kind: "ForStmt" },
    });
    const clauses = (s as ast.SelectStmt).body.list as ast.CommClause[];
    expect(clauses.map((c) => c.comm?.kind ?? null)).toEqual(["AssignStmt", "SendStmt", null]);
  });

  it("records rbrace and positions in bytes", () => {
    const f = parse('package p\nfunc f() {\n\t_ = "é" + x\n}\n');
    const fn = f.decls[0] as ast.FuncDecl;
    const as = fn.body!.list[0] as ast.AssignStmt;
    const bin = as.rhs[0] as ast.BinaryExpr;
    expect(f.source.format(bin.y.pos)).toBe("x.go:3:13");
    expect(f.source.format(bin.opPos)).toBe("x.go:3:11");
    expect(f.source.format(fn.body!.rbrace)).toBe("x.go:4:1");
  });
});

describe("expressions", () => {
  it("respects precedence", () => {
    expect(expr("a + b*c == d && !e")).toMatchObject({
      op: "&&",
      x: { op: "==", x: { op: "+", y: { op: "*" } } },
      y: { kind: "UnaryExpr", op: "!" },
    });
  });

  it("parses instantiations, slices, assertions and calls", () => {
    expect(expr("f[int, string](x)")).toMatchObject({
      kind: "CallExpr",
      fun: { kind: "IndexListExpr" },
    });
    expect(expr("s[1:2:3]")).toMatchObject({ kind: "SliceExpr", slice3: true });
    expect(expr("x.(T)")).toMatchObject({ kind: "TypeAssertExpr", type: { name: "T" } });
    expect(expr("append(a, b...)")).toMatchObject({ kind: "CallExpr", hasDots: true });
  });

  it("turns <-chan into a receive-only channel type", () => {
    expect(expr("(<-chan int)(nil)")).toMatchObject({
      fun: { x: { kind: "ChanType", dir: "recv" } },
    });
    expect(expr("<-ch")).toMatchObject({ kind: "UnaryExpr", op: "<-" });
  });

  it("parses composite literals with elided types and keys", () => {
    expect(expr("[]T{{1, 2}, {X: 3}}")).toMatchObject({
      kind: "CompositeLit",
      elts: [{ kind: "CompositeLit", type: null }, { elts: [{ kind: "KeyValueExpr" }] }],
    });
  });

  it("keeps literal text as written", () => {
    expect(expr("0x1p-2")).toMatchObject({ kind: "BasicLit", litKind: "FLOAT", value: "0x1p-2" });
    expect(expr("'\\n'")).toMatchObject({ litKind: "CHAR", value: "'\\n'" });
    expect(expr("1_000i")).toMatchObject({ litKind: "IMAG" });
  });
});

describe("error limit", () => {
  const src = "package p\nfunc f() {\n" + "\t_ = s[::]\n".repeat(12) + "}\n";
  const messages = (allErrors: boolean) =>
    parseFile(SourceFile.fromString("x.go", src), { allErrors }).diagnostics.map((d) => d.message);

  it("stops at the tenth error with too many errors, as gc does", () => {
    const m = messages(false);
    expect(m.length).toBe(11);
    expect(m[10]).toBe("too many errors");
  });

  it("reports every error with allErrors, as gc -e does", () => {
    const m = messages(true);
    expect(m.length).toBe(24);
    expect(new Set(m)).toEqual(
      new Set(["middle index required in 3-index slice", "final index required in 3-index slice"]),
    );
  });
});
