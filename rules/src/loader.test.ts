import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { goroot } from "../../toolchains/toolchain.js";
import { loadPackages, loadStd, type PackageGraph } from "./loader.js";

const root = mkdtempSync(join(tmpdir(), "rog-loader-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let serial = 0;

/** tree writes files (path -> content) into a fresh directory and returns it. */
function tree(files: Record<string, string>): string {
  const dir = join(root, `t${serial++}`);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

function load(cwd: string, ...patterns: string[]): PackageGraph {
  const g = goroot();
  return loadPackages(patterns, { cwd, goroot: g.goroot, gorootVersion: g.version });
}

function loadError(cwd: string, ...patterns: string[]): string {
  try {
    load(cwd, ...patterns);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("load succeeded");
}

const paths = (g: PackageGraph) => g.packages.map((p) => p.importPath);
const mod = (path: string, go = "1.22") => `module ${path}\n\ngo ${go}\n`;

const chain = {
  "go.mod": mod("example.com/m"),
  "cmd/app/main.go": 'package main\n\nimport "example.com/m/lib/mid"\n\nfunc main() { mid.F() }\n',
  "lib/mid/mid.go": 'package mid\n\nimport "example.com/m/lib/leaf"\n\nfunc F() { leaf.G() }\n',
  "lib/leaf/leaf.go": "package leaf\n\nfunc G() {}\n",
  "lib/leaf/leaf_test.go": 'package leaf\n\nimport "testing"\n',
  "testdata/x/x.go": "package x\n",
  "_hidden/h.go": "package h\n",
};

describe("patterns", () => {
  test("a directory: dependencies come first, in a fixed order", () => {
    const dir = tree(chain);
    const g = load(dir, "./cmd/app");
    expect(g.roots).toEqual(["example.com/m/cmd/app"]);
    expect(paths(g)).toEqual([
      "example.com/m/lib/leaf",
      "example.com/m/lib/mid",
      "example.com/m/cmd/app",
    ]);
    const app = g.packages[2];
    expect(app).toMatchObject({
      isMain: true,
      isStd: false,
      goVersion: "go1.22",
      module: "example.com/m",
    });
    expect(app.goFiles).toEqual(["main.go"]);
    expect(g.packages[0].goFiles).toEqual(["leaf.go"]);
  });

  test("./... skips testdata and _dirs; relative to a subdirectory; . and import paths", () => {
    const dir = tree(chain);
    expect(load(dir, "./...").roots).toEqual([
      "example.com/m/cmd/app",
      "example.com/m/lib/leaf",
      "example.com/m/lib/mid",
    ]);
    expect(load(join(dir, "lib"), "./...").roots).toEqual([
      "example.com/m/lib/leaf",
      "example.com/m/lib/mid",
    ]);
    expect(load(join(dir, "lib/mid"), ".").roots).toEqual(["example.com/m/lib/mid"]);
    expect(load(dir, "example.com/m/lib/...").roots).toEqual([
      "example.com/m/lib/leaf",
      "example.com/m/lib/mid",
    ]);
    expect(load(dir, "example.com/m/lib/leaf").roots).toEqual(["example.com/m/lib/leaf"]);
  });

  test("a directory pattern finds its own module from any working directory", () => {
    const dir = tree(chain);
    expect(load(root, join(dir, "cmd/app")).roots).toEqual(["example.com/m/cmd/app"]);
  });

  test("std packages and std patterns", () => {
    const dir = tree(chain);
    const g = load(dir, "unicode/...");
    expect(g.roots).toEqual(["unicode", "unicode/utf16", "unicode/utf8"]);
    expect(
      g.packages.every((p) => p.isStd && p.goVersion === goroot().version.replace(/\.\d+$/, "")),
    ).toBe(true);
    expect(load(dir, "errors").packages.map((p) => p.importPath)).toContain("internal/reflectlite");
  });

  test("std imports of golang.org/x resolve to GOROOT's vendor directory", () => {
    const g = load(root, "vendor/golang.org/x/text/secure/bidirule");
    const p = g.packages.find((x) => x.importPath === "vendor/golang.org/x/text/secure/bidirule")!;
    expect(p.importMap).toEqual({
      "golang.org/x/text/transform": "vendor/golang.org/x/text/transform",
      "golang.org/x/text/unicode/bidi": "vendor/golang.org/x/text/unicode/bidi",
    });
    expect(p.imports).toContain("vendor/golang.org/x/text/transform");
  });

  test("named .go files make command-line-arguments, ignoring build constraints", () => {
    const dir = tree({
      "a.go": "package main\n\nfunc main() { b() }\n",
      "b_windows.go": "//go:build windows\n\npackage main\n\nfunc b() {}\n",
      "x/c.go": "package main\n",
    });
    const g = load(dir, "a.go", "b_windows.go");
    expect(g.roots).toEqual(["command-line-arguments"]);
    expect(g.packages[0].goFiles).toEqual(["a.go", "b_windows.go"]);
    expect(g.packages[0].goVersion).toBe("go1." + goroot().version.split(".")[1]);
    expect(loadError(root, join(dir, "a.go"), join(dir, "x/c.go"))).toMatch(
      /named files must all be in one directory/,
    );
  });
});

describe("build constraints", () => {
  test("file names, //go:build lines, tests and cgo files", () => {
    const dir = tree({
      "go.mod": mod("m"),
      "p/a.go": "package p\n",
      "p/a_linux.go": "package p\n",
      "p/a_windows.go": "package p\n",
      "p/a_arm64.go": "package p\n",
      "p/b.go": "//go:build linux && (amd64 || arm64)\n\npackage p\n",
      "p/c.go": "//go:build gc\n\npackage p\n",
      "p/c_asm.go": "//go:build gc && !purego\n\npackage p\n",
      "p/d.go": "//go:build !gc || purego\n\npackage p\n",
      "p/e.go": "//go:build ignore\n\npackage main\n",
      "p/f.go": 'package p\n\nimport "C"\n',
      "p/p_test.go": "package p\n",
    });
    expect(load(dir, "./p").packages[0].goFiles).toEqual([
      "a.go",
      "a_linux.go",
      "b.go",
      "c.go",
      "d.go",
    ]);
  });

  test("a package whose files are all excluded, or only tests, or none", () => {
    const dir = tree({
      "go.mod": mod("m"),
      "w/w.go": "//go:build windows\n\npackage w\n",
      "t/t_test.go": "package t\n",
      "e/README": "",
      "ok/ok.go": "package ok\n",
    });
    expect(loadError(dir, "./w")).toBe(
      `package m/w: build constraints exclude all Go files in ${dir}/w`,
    );
    expect(loadError(dir, "./t")).toBe(`m/t: no non-test Go files in ${dir}/t`);
    expect(loadError(dir, "./e")).toBe(`no Go files in ${dir}/e`);
    // ./... quietly skips them, as go does.
    expect(load(dir, "./...").roots).toEqual(["m/ok"]);
  });

  test("a directory of tests only is a package to test", () => {
    const dir = tree({
      "go.mod": mod("m"),
      "t/t_test.go": 'package t\n\nimport "testing"\n',
      "x/x_test.go": 'package x_test\n\nimport "testing"\n',
      "ok/ok.go": "package ok\n",
    });
    const g = goroot();
    const opts = { cwd: dir, goroot: g.goroot, gorootVersion: g.version, tests: true };
    // As go test: ./... takes them, each an empty package under its tests.
    const all = loadPackages(["./..."], opts);
    expect(all.roots).toEqual(["m/ok", "m/t", "m/x"]);
    const pkg = (p: string) => all.packages.find((x) => x.importPath === p)!;
    expect([pkg("m/t").name, pkg("m/t").goFiles, pkg("m/t").testGoFiles]).toEqual([
      "t",
      [],
      ["t_test.go"],
    ]);
    expect([pkg("m/x").name, pkg("m/x").goFiles, pkg("m/x").xtestGoFiles]).toEqual([
      "x",
      [],
      ["x_test.go"],
    ]);
  });

  test("two package names in one directory", () => {
    const dir = tree({ "go.mod": mod("m"), "x/a.go": "package x\n", "x/b.go": "package y\n" });
    expect(loadError(dir, "./x")).toBe(`found packages x (a.go) and y (b.go) in ${dir}/x`);
  });
});

describe("go.mod", () => {
  test("the go line sets the language version; local replacements provide packages", () => {
    const dir = tree({
      "main/go.mod":
        mod("example.com/main", "1.21") +
        "\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n",
      "main/main.go": 'package main\n\nimport "example.com/dep/util"\n\nfunc main() { util.F() }\n',
      "dep/go.mod": mod("example.com/dep", "1.23"),
      "dep/util/util.go": "package util\n\nfunc F() {}\n",
    });
    const g = load(join(dir, "main"), ".");
    expect(g.packages.map((p) => [p.importPath, p.goVersion, p.module])).toEqual([
      ["example.com/dep/util", "go1.23", "example.com/dep"],
      ["example.com/main", "go1.21", "example.com/main"],
    ]);
    expect(g.packages[0].dir).toBe(join(dir, "dep/util"));
  });

  test("a required module without a local replacement is not supported yet", () => {
    const dir = tree({
      "go.mod": mod("example.com/m") + "\nrequire golang.org/x/tools v0.30.0\n",
      "main.go": 'package main\n\nimport "golang.org/x/tools/cover"\n',
    });
    expect(loadError(dir, ".")).toBe(
      "main.go:3:8: package golang.org/x/tools/cover: not supported yet: module dependencies " +
        "(require golang.org/x/tools v0.30.0 at go.mod:5; only a replace by a local directory provides packages)",
    );
  });

  test("a package outside any module", () => {
    const dir = tree({ "loose/main.go": "package main\n\nfunc main() {}\n" });
    expect(loadError(dir, "./loose")).toMatch(
      /^directory loose is outside any module: add a go.mod/,
    );
  });

  test("a malformed go.mod", () => {
    const dir = tree({ "go.mod": "module m\nbogus line\n", "a.go": "package a\n" });
    expect(loadError(dir, ".")).toBe(`rog: ${dir}/go.mod:2: unknown directive: bogus`);
  });
});

describe("errors", () => {
  test("an import cycle, reported as gc does", () => {
    const dir = tree({
      "go.mod": mod("example.com/m"),
      "a/a.go": 'package a\n\nimport "example.com/m/b"\n',
      "b/b.go": 'package b\n\nimport "example.com/m/c"\n',
      "c/c.go": 'package c\n\nimport "example.com/m/a"\n',
    });
    expect(loadError(dir, "./a")).toBe(
      "package example.com/m/a imports example.com/m/b imports example.com/m/c imports example.com/m/a: " +
        "import cycle not allowed",
    );
  });

  test("missing packages, at the import's position", () => {
    const dir = tree({
      "go.mod": mod("example.com/m"),
      "c/c.go":
        'package c\n\nimport (\n\t"example.com/m/nope"\n\t"foo/bar"\n\t"example.org/q"\n)\n',
    });
    const g = goroot().goroot;
    expect(loadError(dir, "./c").split("\n")).toEqual([
      "c/c.go:4:2: no required module provides package example.com/m/nope",
      `c/c.go:5:2: package foo/bar is not in std (${g}/src/foo/bar)`,
      "c/c.go:6:2: no required module provides package example.org/q",
    ]);
    expect(loadError(dir, "foo/bar")).toBe(`package foo/bar is not in std (${g}/src/foo/bar)`);
    expect(loadError(dir, "./nowhere")).toBe(`stat ${dir}/nowhere: directory not found`);
  });

  test("internal packages", () => {
    const dir = tree({
      "go.mod": mod("example.com/m"),
      "a/internal/x/x.go": "package x\n",
      "a/b/b.go": 'package b\n\nimport "example.com/m/a/internal/x"\n',
      "c/c.go": 'package c\n\nimport "example.com/m/a/internal/x"\n',
      "d/d.go": 'package d\n\nimport "internal/abi"\n',
    });
    expect(paths(load(dir, "./a/b"))).toEqual(["example.com/m/a/internal/x", "example.com/m/a/b"]);
    expect(loadError(dir, "./c")).toBe(
      "c/c.go:3:8: use of internal package example.com/m/a/internal/x not allowed",
    );
    expect(loadError(dir, "./d")).toBe(
      "d/d.go:3:8: use of internal package internal/abi not allowed",
    );
  });

  test("importing a program", () => {
    const dir = tree({
      "go.mod": mod("m"),
      "cmd/tool/main.go": "package main\n\nfunc main() {}\n",
      "lib/lib.go": 'package lib\n\nimport "m/cmd/tool"\n',
    });
    expect(loadError(dir, "./lib")).toBe(
      'lib/lib.go:3:8: import "m/cmd/tool" is a program, not an importable package',
    );
  });

  test("unsupported patterns and packages from two modules", () => {
    const dir = tree({
      "a/go.mod": mod("a"),
      "a/a.go": "package a\n",
      "b/go.mod": mod("b"),
      "b/b.go": "package b\n",
    });
    expect(loadError(dir, "cmd/go")).toBe("pattern cmd/go: not supported yet");
    expect(loadError(dir, "./a", "./b")).toMatch(
      /^rog: packages from more than one module: a \(a\) and b \(b\)$/,
    );
  });
});

describe("loadStd", () => {
  test("every std package on its own: broken ones and their importers are reported, not thrown", () => {
    const src = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).map(([p, t]) => [`src/${p}`, t]));
    const fake = tree({
      VERSION: "go1.26.8\n",
      ...src({
        "a/a.go": "package a\n",
        "b/b.go": 'package b\n\nimport "a"\n',
        "bad/bad.go": "//go:build windows\n\npackage bad\n",
        "c/c.go": 'package c\n\nimport "bad"\n',
        "d/d.go": 'package d\n\nimport "c"\n',
        "e/e.go": 'package e\n\nimport "golang.org/x/y"\n',
        "vendor/golang.org/x/y/y.go": "package y\n",
      }),
    });
    const std = loadStd({ cwd: fake, goroot: fake, gorootVersion: "go1.26.8", overlays: {} });
    expect(std.packages.map((p) => p.importPath)).toEqual(["a", "b", "vendor/golang.org/x/y", "e"]);
    const e = std.packages[3];
    expect(e.importMap).toEqual({ "golang.org/x/y": "vendor/golang.org/x/y" });
    expect(e).toMatchObject({ isStd: true, goVersion: "go1.26" });
    const bad = `package bad: build constraints exclude all Go files in ${join(fake, "src", "bad")}`;
    expect(Object.fromEntries(std.broken)).toEqual({
      bad: `src/c/c.go:3:8: ${bad}`,
      c: `package c imports bad: src/c/c.go:3:8: ${bad}`,
      d: `package d imports bad (through c): src/c/c.go:3:8: ${bad}`,
    });
  });
});

describe("overlay tests", () => {
  test("an overlay taking GOROOT's tests gets them but the replaced and excluded ones", () => {
    const fake = tree({
      VERSION: "go1.26.8\n",
      "src/p/p.go": "package p\n",
      "src/p/p_test.go": 'package p\n\nimport "q"\n',
      "src/p/export_test.go": "package p\n\nvar GcInternal = 1\n",
      "src/p/gc_test.go": "package p_test\n",
      "src/p/x_test.go": 'package p_test\n\nimport "p"\n',
      "src/p/cgo_test.go": "//go:build cgo\n\npackage p\n",
      "src/q/q.go": "package q\n",
      "overlay/p/p.go": "package p\n",
      "overlay/p/export_test.go": "package p\n",
    });
    const opts = {
      cwd: fake,
      goroot: fake,
      gorootVersion: "go1.26.8",
      overlays: { p: join(fake, "overlay/p") },
      tests: true,
    };
    const taken = { replaced: { "export_test.go": "gc" }, excluded: { "gc_test.go": "gc" } };
    const g = loadPackages(["p"], { ...opts, overlayTests: { p: taken } });
    const p = g.packages.find((x) => x.importPath === "p")!;
    expect(p.dir).toBe(join(fake, "overlay/p"));
    expect(p.goFiles).toEqual(["p.go"]);
    expect(p.testGoFiles).toEqual(["export_test.go", join(fake, "src/p/p_test.go")]);
    expect(p.xtestGoFiles).toEqual([join(fake, "src/p/x_test.go")]);
    expect(p.testImports).toEqual(["q"]);
    expect(paths(g)).toContain("q");

    // Without an entry the overlay has only its own tests.
    const own = loadPackages(["p"], { ...opts, overlayTests: {} });
    expect(own.packages.find((x) => x.importPath === "p")!.testGoFiles).toEqual(["export_test.go"]);

    // A replaced file the overlay lacks is a load error.
    const missing = { replaced: { "other_test.go": "gc" }, excluded: {} };
    expect(() => loadPackages(["p"], { ...opts, overlayTests: { p: missing } })).toThrow(
      /overlay\/p\/other_test.go: missing: it replaces GOROOT's other_test.go/,
    );
  });
});
