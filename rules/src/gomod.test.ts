import { describe, expect, test } from "vitest";
import { parseGoMod } from "./gomod.js";

describe("parseGoMod", () => {
  test("module, go, require and replace, single and in blocks", () => {
    const m = parseGoMod(
      "/w/m/go.mod",
      [
        "// comment",
        "module example.com/m // trailing",
        "",
        "go 1.22.3",
        "toolchain go1.26.1",
        "require example.com/a v1.0.0",
        "require (",
        "\texample.com/b v1.2.0 // indirect",
        '\t"example.com/c" v0.1.0',
        ")",
        "replace example.com/a => ../a",
        "replace (",
        "\texample.com/b v1.2.0 => example.com/fork v1.3.0",
        "\texample.com/c => /abs/c",
        ")",
        "exclude example.com/d v1.0.0",
      ].join("\n"),
    );
    expect(m.path).toBe("example.com/m");
    expect(m.dir).toBe("/w/m");
    expect(m.goVersion).toBe("go1.22");
    expect(m.requires.map((r) => r.path)).toEqual([
      "example.com/a",
      "example.com/b",
      "example.com/c",
    ]);
    expect(m.replaces.map((r) => [r.path, r.version, r.dir])).toEqual([
      ["example.com/a", "", "/w/a"],
      ["example.com/b", "v1.2.0", null],
      ["example.com/c", "", "/abs/c"],
    ]);
  });

  test("a go.mod without a go line means go 1.16", () => {
    expect(parseGoMod("/m/go.mod", "module m\n").goVersion).toBe("go1.16");
  });

  test("errors name the file and line", () => {
    expect(() => parseGoMod("/m/go.mod", "module m\nfrobnicate x\n")).toThrow(
      "/m/go.mod:2: unknown directive: frobnicate",
    );
    expect(() => parseGoMod("/m/go.mod", "module m\ngo banana\n")).toThrow(/go.mod:2: invalid go/);
    expect(() => parseGoMod("/m/go.mod", "go 1.22\n")).toThrow(/no module declaration/);
    expect(() => parseGoMod("/m/go.mod", "module m\nrequire (\n")).toThrow(/missing \)/);
    expect(() => parseGoMod("/m/go.mod", "module m\nreplace a => ./x v1.0.0\n")).toThrow(
      /cannot have version/,
    );
  });
});
