// Export data tests: round trips are byte-identical, and body edits leave .rogx unchanged.

import { describe, expect, it } from "vitest";
import { parseFile } from "../syntax/parser.js";
import { SourceFile } from "../syntax/source.js";
import { checkPackage, readExportData, writeExportData, type Package } from "./index.js";

function check(path: string, src: string, deps: Map<string, Package> = new Map()): Package {
  const { file, diagnostics } = parseFile(SourceFile.fromString(`${path}.go`, src));
  expect(diagnostics).toEqual([]);
  const r = checkPackage(path, [file], (p) => deps.get(p) ?? null, {
    goVersion: "go1.26",
    std: false,
  });
  expect(r.diagnostics.map((d) => d.message)).toEqual([]);
  return r.pkg;
}

const lib = `package lib

import "unsafe"

// Constants of every kind.
const (
	A = 1 << 70
	B float64 = 1.5
	C = "héllo\\xff"
	D = 2i
	E, G = true, 'x'
)

type T struct {
	X, y int
	*T
	Inner
	tagged string \`json:"t"\`
}

type Inner struct{ Z [4]byte }

func (t *T) M(a int, b ...string) (int, error) { return a, nil }
func (t T) m() unsafe.Pointer                 { return nil }
func (t T) fmt() string                       { return "" }

type I interface {
	M(int, ...string) (int, error)
	fmt() string
}

type List[E any] struct {
	next *List[E]
	val  E
}

func (l *List[E]) Push(v E) *List[E] { return &List[E]{l, v} }

type Number interface{ ~int | ~float64 }

func Sum[N Number](xs ...N) (s N) {
	for _, x := range xs {
		s += x
	}
	return
}

var V = map[string][]chan<- *T{}

type Alias = List[int]

func hidden() hiddenT { return 0 }

type hiddenT int

func F() hiddenT { return hidden() }
`;

describe("export data", () => {
  it("round-trips byte-identically", () => {
    const pkg = check("example.com/lib", lib);
    const a = writeExportData(pkg);
    const read = readExportData(a, "example.com/lib", () => null);
    const b = writeExportData(read);
    expect(Buffer.from(b).toString("hex")).toBe(Buffer.from(a).toString("hex"));
    expect(new TextDecoder().decode(a.subarray(0, 4))).toBe("rogx");
  });

  it("is unchanged by body edits and unexported additions", () => {
    const edited = lib
      .replace("return a, nil", "x := a * 2\n\tx++\n\treturn x, nil")
      .replace("func hidden()", "func helper() {}\n\nfunc hidden()");
    const a = writeExportData(check("example.com/lib", lib));
    const b = writeExportData(check("example.com/lib", edited));
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });

  it("lets a dependent check against the read package", () => {
    const data = writeExportData(check("example.com/lib", lib));
    const lib2 = readExportData(data, "example.com/lib", () => null);
    const deps = new Map([["example.com/lib", lib2]]);
    check(
      "example.com/main",
      `package main

import "example.com/lib"

func main() {
	var t lib.T
	n, err := t.M(1, "a", "b")
	_, _ = n, err
	var i lib.I = &t
	_ = i
	l := (&lib.List[string]{}).Push("x")
	_ = l
	s := lib.Sum(1.5, 2)
	var f float64 = s
	_ = f
	const big = lib.A >> 60
	var arr [big]int
	_ = arr
	println(t.Z[0], lib.C, lib.F() + 1)
	var a lib.Alias
	a.Push(3)
}
`,
      deps,
    );
  });

  it("rejects other versions", () => {
    const data = writeExportData(check("example.com/lib", lib));
    data[4] = 99;
    expect(() => readExportData(data, "example.com/lib", () => null)).toThrow(/version 99/);
  });
});
