// `rog test`: the generated test main (checked by building it with gc against the real
// testing package), the test binary's package variants, the command line, and rog test itself
// on testdata/testmod (when the runtime is built).

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTestArgs } from "./cmd_test.js";
import { haveRuntime } from "../codegen/runtimelib.js";
import type { Package, PackageGraph } from "../../rules/src/loader.js";
import { scanTestFuncs, testBuild, testMainSource } from "../../rules/src/testmain.js";

const mod = join(import.meta.dirname, "testdata/testmod");
const calc = join(mod, "calc");

const FAIL_OUTPUT = "--- FAIL: TestSub (0.00s)\n    calc_test.go:13: Sub(5, 3) = 8, want 2\nFAIL\n";

describe("test functions", () => {
  it("finds tests and examples with output as go test does", () => {
    expect(scanTestFuncs(calc, ["calc_test.go"], "calc")).toEqual({
      tests: ["TestAdd", "TestSub"],
      benchmarks: [],
      fuzzTargets: [],
      examples: [],
      testMain: false,
    });
    expect(scanTestFuncs(calc, ["example_test.go"], "calc").examples).toEqual([
      { name: "ExampleAdd", output: "3", unordered: false },
    ]);
  });
});

describe("generated test main", () => {
  // The main runs under gc: the in-package test file becomes a plain file of calc, and the
  // external test package a package of its own, which is what rog's build does with them.
  // gc lets only its own test mains import internal/testlog (rog's may, as the go command's
  // import testing/internal/testdeps), so here a package of the module stands in for it.
  const dir = mkdtempSync(join(tmpdir(), "rog-testmain-"));
  const generated = testMainSource(
    "example.com/testmod/calc",
    "example.com/testmod",
    scanTestFuncs(calc, ["calc_test.go"], "calc"),
    scanTestFuncs(calc, ["example_test.go"], "calc"),
  );
  const src = generated.replace('"internal/testlog"', '"example.com/testmod/testlog"');
  for (const d of ["calc", "calc_test", "tm", "testlog"]) mkdirSync(join(dir, d));
  writeFileSync(
    join(dir, "testlog/testlog.go"),
    "package testlog\n\n" +
      "type Interface interface{ Getenv(string); Stat(string); Open(string); Chdir(string) }\n\n" +
      "func SetLogger(Interface)     {}\n" +
      "func SetPanicOnExit0(v bool) {}\n",
  );
  writeFileSync(join(dir, "go.mod"), "module example.com/testmod\n\ngo 1.22\n");
  cpSync(join(calc, "calc.go"), join(dir, "calc/calc.go"));
  cpSync(join(calc, "calc_test.go"), join(dir, "calc/calc_test_in.go"));
  cpSync(join(calc, "example_test.go"), join(dir, "calc_test/example.go"));
  writeFileSync(join(dir, "tm/main.go"), src);
  const exe = join(dir, "tm.bin");
  const run = (...args: string[]) => {
    const r = spawnSync(exe, ["-test.paniconexit0", ...args], { encoding: "utf8" });
    return { code: r.status, out: r.stdout + r.stderr };
  };

  it("builds with gc and runs the real testing package", () => {
    execFileSync("go", ["build", "-o", exe, "./tm"], { cwd: dir, stdio: "pipe" });
    expect(run()).toEqual({ code: 1, out: FAIL_OUTPUT.replace("calc_test.go", "calc_test_in.go") });
  });

  it("runs a skipped test as one that skips with the reason", () => {
    const skipping = testMainSource(
      "example.com/testmod/calc",
      "example.com/testmod",
      scanTestFuncs(calc, ["calc_test.go"], "calc"),
      scanTestFuncs(calc, ["example_test.go"], "calc"),
      { TestAdd: "tests gc's internals" },
    ).replace('"internal/testlog"', '"example.com/testmod/testlog"');
    mkdirSync(join(dir, "tmskip"), { recursive: true });
    writeFileSync(join(dir, "tmskip/main.go"), skipping);
    const skipExe = join(dir, "tmskip.bin");
    execFileSync("go", ["build", "-o", skipExe, "./tmskip"], { cwd: dir, stdio: "pipe" });
    const r = spawnSync(skipExe, ["-test.paniconexit0", "-test.run=TestAdd", "-test.v=true"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^=== RUN {3}TestAdd\n {4}main\.go:\d+: skipped by rog: tests gc's internals\n--- SKIP: TestAdd \(0\.00s\)\nPASS\n$/,
    );
  });

  it("filters with -test.run and reports each test with -test.v", () => {
    expect(run("-test.run=Add", "-test.v=true")).toEqual({
      code: 0,
      out:
        "=== RUN   TestAdd\n--- PASS: TestAdd (0.00s)\n" +
        "=== RUN   ExampleAdd\n--- PASS: ExampleAdd (0.00s)\nPASS\n",
    });
  });
});

describe("test binary packages", () => {
  const pkg = (importPath: string, imports: string[], more: Partial<Package> = {}): Package => ({
    importPath,
    name: importPath,
    dir: `/src/${importPath}`,
    goFiles: [`${importPath}.go`],
    imports,
    importMap: {},
    goVersion: "go1.22",
    isStd: true,
    isMain: false,
    module: null,
    ...more,
  });

  it("rebuilds the importers of the package under test against its test variant", () => {
    const g: PackageGraph = {
      roots: ["a"],
      mainModule: null,
      packages: [
        pkg("a", [], {
          testGoFiles: ["a_test.go"],
          testImports: [],
          xtestGoFiles: ["x_test.go"],
          xtestImports: ["a", "b"],
        }),
        pkg("b", ["a"]),
        pkg("testing", ["b"]),
      ],
    };
    const b = testBuild(g, "a", "/build/tm")!;
    const view = b.packages.map((p) => [p.id, p.importPath, p.goFiles, p.imports, p.importMap]);
    expect(view).toEqual([
      ["a [a.test]", "a", ["a.go", "a_test.go"], [], {}],
      ["b [a.test]", "b", ["b.go"], ["a [a.test]"], { a: "a [a.test]" }],
      ["testing [a.test]", "testing", ["testing.go"], ["b [a.test]"], { b: "b [a.test]" }],
      [
        "a_test [a.test]",
        "a_test",
        ["x_test.go"],
        ["a [a.test]", "b [a.test]"],
        { a: "a [a.test]", b: "b [a.test]" },
      ],
      [
        "a.test",
        "main",
        ["_testmain.go"],
        [
          "a [a.test]",
          "bufio",
          "internal/testlog",
          "io",
          "os",
          "reflect",
          "regexp",
          "strings",
          "sync",
          "testing [a.test]",
          "time",
          "a_test [a.test]",
        ],
        { a: "a [a.test]", testing: "testing [a.test]", a_test: "a_test [a.test]" },
      ],
    ]);
  });

  it("orders an overlay's own and GOROOT's test files by name", () => {
    const g: PackageGraph = {
      roots: ["a"],
      mainModule: null,
      packages: [
        pkg("a", [], {
          goFiles: ["a.go", "z.go"],
          testGoFiles: ["export_test.go", "/goroot/src/a/all_test.go", "/goroot/src/a/y_test.go"],
          testImports: [],
        }),
      ],
    };
    expect(testBuild(g, "a", "/build/tm")!.packages[0].goFiles).toEqual([
      "a.go",
      "/goroot/src/a/all_test.go",
      "export_test.go",
      "/goroot/src/a/y_test.go",
      "z.go",
    ]);
    const dir = mkdtempSync(join(tmpdir(), "rog-scan-"));
    writeFileSync(
      join(dir, "t_test.go"),
      'package a\n\nimport "testing"\n\nfunc TestX(t *testing.T) {}\n',
    );
    expect(scanTestFuncs("/elsewhere", [join(dir, "t_test.go")], "a").tests).toEqual(["TestX"]);
  });

  it("refuses an in-package test importing a package that imports the package", () => {
    const g: PackageGraph = {
      roots: ["a"],
      mainModule: null,
      packages: [pkg("a", [], { testGoFiles: ["a_test.go"], testImports: ["b"] }), pkg("b", ["a"])],
    };
    expect(() => testBuild(g, "a", "/tm")).toThrow(
      "package a (test)\n\timports b\n\timports a: import cycle not allowed in test",
    );
  });

  it("has no binary for a package without test files", () => {
    const g: PackageGraph = { roots: ["a"], mainModule: null, packages: [pkg("a", [])] };
    expect(testBuild(g, "a", "/tm")).toBeNull();
  });
});

describe("rog test command line", () => {
  it("passes go test's flags to the binary as -test.* flags", () => {
    expect(parseTestArgs(["-v", "./...", "-run", "Add", "-count=2", "-bench", "."])).toEqual({
      patterns: ["./..."],
      binaryArgs: [
        "-test.paniconexit0",
        "-test.timeout=10m0s",
        "-test.v=true",
        "-test.run=Add",
        "-test.count=2",
        "-test.bench=.",
      ],
      verbose: true,
      bench: true,
      commands: false,
    });
  });

  it("rejects an unknown flag", () => {
    expect(() => parseTestArgs(["-frob"])).toThrow(
      "rog test: flag provided but not defined: -frob",
    );
  });
});

describe.skipIf(!haveRuntime())("rog test on testdata/testmod", () => {
  const rog = join(import.meta.dirname, "../../bin/rog.js");
  const env = { ...process.env, ROG_BUILDDIR: mkdtempSync(join(tmpdir(), "rog-test-")) };
  const rogTest = (...args: string[]) => {
    const r = spawnSync("node", [rog, "test", ...args], { cwd: mod, env, encoding: "utf8" });
    return { code: r.status, out: r.stdout.replace(/\t\d+\.\d{3}s$/gm, "\t0.000s") };
  };

  it("reports the failing test and the package without tests as go test does", () => {
    expect(rogTest("./...")).toEqual({
      code: 1,
      out:
        FAIL_OUTPUT +
        "FAIL\texample.com/testmod/calc\t0.000s\n" +
        "?   \texample.com/testmod/nodeps\t[no test files]\n" +
        "ok  \texample.com/testmod/onlytests\t0.000s\nFAIL\n",
    });
  }, 600_000);

  it("passes with -run selecting the passing test", () => {
    expect(rogTest("-run", "Add", "./calc")).toEqual({
      code: 0,
      out: "ok  \texample.com/testmod/calc\t0.000s\n",
    });
  }, 600_000);
});
