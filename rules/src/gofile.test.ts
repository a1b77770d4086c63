import { describe, expect, test } from "vitest";
import { GoFileError, scanGoFile } from "./gofile.js";

describe("scanGoFile", () => {
  test("package clause and every import form", () => {
    const info = scanGoFile(
      [
        "// Package p does things.",
        "package p // trailing",
        "",
        'import "fmt"',
        "import (",
        '\t"os"',
        '\tstr "strings" // named',
        '\t. "math"',
        '\t_ "embed"',
        "\t/* block */ `raw/path`",
        ")",
        "import",
        '\t"io"',
        "",
        'var x = "not/an/import"',
        'import "late"', // not Go, but after the imports: never read
      ].join("\n"),
    );
    expect(info.packageName).toBe("p");
    expect(info.imports.map((i) => i.path)).toEqual([
      "fmt",
      "os",
      "strings",
      "math",
      "embed",
      "raw/path",
      "io",
    ]);
    expect(info.constraint).toBeNull();
    expect(info.usesCgo).toBe(false);
  });

  test("positions are 1-based, columns in bytes, at the spec's start", () => {
    const info = scanGoFile('package p\n\nimport (\n\té "fmt"\n\t"os"\n)\n');
    expect(info.imports[0]).toMatchObject({ path: "fmt", line: 4, column: 2 });
    expect(info.imports[1]).toMatchObject({ path: "os", line: 5, column: 2 });
  });

  test("//go:build counts only in the header, before a blank line", () => {
    expect(scanGoFile("//go:build windows\n\npackage p\n").constraint).not.toBeNull();
    expect(scanGoFile("// Copyright\n\n//go:build linux\n\npackage p\n").constraint).toEqual({
      op: "tag",
      tag: "linux",
    });
    // Directly above the package clause it is part of the doc comment: ignored.
    expect(scanGoFile("//go:build windows\npackage p\n").constraint).toBeNull();
    expect(scanGoFile("package p\n\n//go:build windows\n\nvar x int\n").constraint).toBeNull();
    // A //go:build line wins over // +build lines.
    const both = scanGoFile("//go:build linux\n// +build windows\n\npackage p\n");
    expect(both.constraint).toEqual({ op: "tag", tag: "linux" });
    expect(scanGoFile("// +build windows\n\npackage p\n").constraint).not.toBeNull();
  });

  test('import "C" marks a cgo file', () => {
    expect(scanGoFile('package p\n\n// #include <stdio.h>\nimport "C"\n').usesCgo).toBe(true);
  });

  test("bad import paths are left to the compiler, which reports them in gc's words", () => {
    // An invalid path is skipped; a spec that is not a string ends the imports (the parser
    // reports a syntax error there, which stops type checking).
    const bad = scanGoFile('package p\nimport "bad path"\nimport "m\\x61th"\nimport ""\n');
    expect(bad.imports.map((i) => i.path)).toEqual(["math"]);
    const nonString = scanGoFile('package p\nimport "os"\nimport 42\nimport "fmt"\n');
    expect(nonString.imports.map((i) => i.path)).toEqual(["os"]);
  });

  test("errors carry positions", () => {
    expect(() => scanGoFile("func main() {}\n")).toThrow(GoFileError);
    expect(() => scanGoFile("package p\nimport (\n\tfunc\n)\n")).toThrow(/expected import path/);
    expect(() => scanGoFile('package p\nimport "unterminated\n')).toThrow(/not terminated/);
    try {
      scanGoFile("//go:build linux &&\n\npackage p\n");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GoFileError);
      expect((e as GoFileError).line).toBe(1);
      expect((e as Error).message).toMatch(/parsing \/\/go:build line/);
    }
  });
});
