// What `rog test` adds to a build (the Go command's "go test" documentation): the test
// functions found in a package's `_test.go` files, the packages of the test binary (the
// package with its tests, the external `_test` package, and variants of every package between
// them and the package under test), and the generated main that hands the tests to the real
// `testing` package.

import { readFileSync } from "node:fs";
import { basename, isAbsolute, join, resolve } from "node:path";
import { UserError } from "../../compiler/diag.js";
import type * as ast from "../../compiler/syntax/ast.js";
import { parseFile } from "../../compiler/syntax/parser.js";
import { SourceFile } from "../../compiler/syntax/source.js";
import { type Package, type PackageGraph } from "./loader.js";

/** TESTMAIN_IMPORTS are the packages the generated main imports besides the tested ones. */
export const TESTMAIN_IMPORTS: readonly string[] = [
  "bufio",
  "internal/testlog",
  "io",
  "os",
  "reflect",
  "regexp",
  "strings",
  "sync",
  "testing",
  "time",
];

/** Example is an example function with an output comment (only those are run). */
export interface Example {
  name: string;
  output: string;
  unordered: boolean;
}

/** TestFuncs are the functions of one test package that the test main calls. */
export interface TestFuncs {
  tests: string[];
  benchmarks: string[];
  fuzzTargets: string[];
  examples: Example[];
  /** testMain is true when the package declares TestMain(*testing.M). */
  testMain: boolean;
}

/**
 * scanTestFuncs finds the tests, benchmarks, fuzz targets and examples of files (in dir), in
 * source order, as `go test` recognises them: `TestXxx(*testing.T)` where Xxx does not start
 * with a lower-case letter, likewise Benchmark/*testing.B and Fuzz/*testing.F, and
 * `ExampleXxx()` with an `Output:` comment at the end of its body.
 */
export function scanTestFuncs(dir: string, files: string[], display: string): TestFuncs {
  const out: TestFuncs = {
    tests: [],
    benchmarks: [],
    fuzzTargets: [],
    examples: [],
    testMain: false,
  };
  for (const f of files) {
    const shown = isAbsolute(f) ? f : join(display, f);
    const src = new SourceFile(shown, readFileSync(resolve(dir, f)));
    const { file } = parseFile(src, { keepComments: true });
    const testing = testingName(file);
    for (const d of file.decls) {
      if (d.kind !== "FuncDecl" || d.recv || d.typeParams || !d.body) continue;
      const name = d.name.name;
      const param = soleParam(d.type, testing);
      if (name === "TestMain" && param === "M") {
        out.testMain = true;
      } else if (param === "T" && isTestName(name, "Test")) out.tests.push(name);
      else if (param === "B" && isTestName(name, "Benchmark")) out.benchmarks.push(name);
      else if (param === "F" && isTestName(name, "Fuzz")) out.fuzzTargets.push(name);
      else if (isTestName(name, "Example") && noSignature(d.type)) {
        const ex = exampleOutput(file, d.body);
        if (ex) out.examples.push({ name, ...ex });
      }
    }
  }
  return out;
}

/** testingName is the name the file imports "testing" under (null: not imported). */
function testingName(file: ast.File): string | null {
  for (const imp of file.imports) {
    if (imp.path.value.slice(1, -1) !== "testing") continue;
    return imp.name ? imp.name.name : "testing";
  }
  return null;
}

/** soleParam is X for a signature `(name *testing.X)` without results, else null. */
function soleParam(t: ast.FuncType, testing: string | null): string | null {
  if (t.results && t.results.list.length > 0) return null;
  const ps = t.params.list;
  if (ps.length !== 1 || ps[0].names.length > 1) return null;
  const ty = ps[0].type;
  if (ty.kind !== "StarExpr") return null;
  const sel = ty.x;
  if (testing === ".") return sel.kind === "Ident" ? sel.name : null;
  if (sel.kind !== "SelectorExpr" || sel.x.kind !== "Ident" || sel.x.name !== testing) return null;
  return sel.sel.name;
}

function noSignature(t: ast.FuncType): boolean {
  return t.params.list.length === 0 && (!t.results || t.results.list.length === 0);
}

/** isTestName: prefix, then nothing or a character that is not a lower-case letter. */
function isTestName(name: string, prefix: string): boolean {
  if (!name.startsWith(prefix)) return false;
  if (name.length === prefix.length) return true;
  const c = name.slice(prefix.length).codePointAt(0)!;
  const ch = String.fromCodePoint(c);
  return !(ch !== ch.toUpperCase() && ch === ch.toLowerCase());
}

/** exampleOutput reads the `// Output:` (or `// Unordered output:`) comment ending body. */
function exampleOutput(
  file: ast.File,
  body: ast.BlockStmt,
): { output: string; unordered: boolean } | null {
  const groups = (file.comments ?? []).filter((g) => g.pos > body.pos && g.end <= body.end);
  const last = groups[groups.length - 1];
  if (!last) return null;
  const text = commentText(last);
  const m = /^\s*(unordered )?output:/i.exec(text);
  if (!m) return null;
  return { output: text.slice(m[0].length).trim(), unordered: m[1] !== undefined };
}

/** commentText is a comment group's text without comment markers, as go/ast's Text. */
function commentText(g: ast.CommentGroup): string {
  const lines: string[] = [];
  for (const c of g.list) {
    if (c.text.startsWith("//")) {
      lines.push(c.text.slice(2).replace(/^ /, ""));
    } else {
      lines.push(...c.text.slice(2, -2).split("\n"));
    }
  }
  return lines.map((l) => l.replace(/\s+$/, "")).join("\n");
}

/** TestBuild is what one package's test binary adds to the package graph. */
export interface TestBuild {
  /** pkg is the import path of the package under test. */
  pkg: string;
  /** mainId is the graph id of the generated main package. */
  mainId: string;
  /** packages are the added packages, dependencies first. */
  packages: Package[];
  /** internal and external are the ids of the test packages the main imports (null: none). */
  internal: string | null;
  external: string | null;
}

/**
 * testBuild makes the packages of the test binary of root, whose generated main lives in
 * mainDir. As `go test` does, the package is rebuilt with its in-package test files, and every
 * package of the binary that imports it (directly or not) is rebuilt against that version; the
 * variants are named `path [root.test]`.
 */
export function testBuild(g: PackageGraph, root: string, mainDir: string): TestBuild | null {
  const byPath = new Map(g.packages.map((p) => [p.importPath, p]));
  const p = byPath.get(root)!;
  const testFiles = p.testGoFiles ?? [];
  const xtestFiles = p.xtestGoFiles ?? [];
  if (testFiles.length === 0 && xtestFiles.length === 0) return null;

  const suffix = ` [${root}.test]`;
  const ptestId = testFiles.length > 0 ? root + suffix : root;
  // recompile: the package imports root (directly or not), so the binary needs its variant.
  const recompile = new Map<string, boolean>();
  for (const q of g.packages) {
    const r =
      testFiles.length > 0 &&
      q.importPath !== root &&
      q.imports.some((d) => d === root || recompile.get(d) === true);
    recompile.set(q.importPath, r);
  }
  const mapped = (d: string) => (d === root ? ptestId : recompile.get(d) ? d + suffix : d);
  const remap = (imports: string[], importMap: Record<string, string>) => {
    const spelledOf = new Map(Object.entries(importMap).map(([s, r]) => [r, s]));
    const out: Record<string, string> = {};
    for (const d of imports) {
      const spelled = spelledOf.get(d) ?? d;
      if (mapped(d) !== spelled) out[spelled] = mapped(d);
    }
    return { imports: imports.map(mapped), importMap: out };
  };

  const cyclic = (p.testImports ?? []).find((d) => d === root || recompile.get(d));
  if (cyclic !== undefined) {
    throw new UserError(
      `package ${root} (test)\n\timports ${cyclic}\n\timports ${root}: ` +
        `import cycle not allowed in test`,
    );
  }

  const added: Package[] = [];
  if (testFiles.length > 0) {
    const imports = [...new Set([...p.imports, ...(p.testImports ?? [])])].sort();
    added.push({
      ...p,
      id: ptestId,
      goFiles: byBaseName([...p.goFiles, ...testFiles]),
      ...remap(imports, p.importMap),
    });
    for (const q of g.packages) {
      if (recompile.get(q.importPath)) {
        added.push({ ...q, id: q.importPath + suffix, ...remap(q.imports, q.importMap) });
      }
    }
  }
  let external: string | null = null;
  if (xtestFiles.length > 0) {
    external = `${root}_test${suffix}`;
    added.push({
      ...p,
      id: external,
      importPath: `${root}_test`,
      name: `${p.name}_test`,
      goFiles: xtestFiles,
      isMain: false,
      ...remap(p.xtestImports ?? [], p.importMap),
    });
  }
  const mainImports = [...TESTMAIN_IMPORTS];
  const internal = testFiles.length > 0 ? ptestId : null;
  if (internal) mainImports.push(root);
  const mainMap = remap([...new Set(mainImports)].sort(), {});
  if (external) {
    mainMap.imports.push(external);
    mainMap.importMap[`${root}_test`] = external;
  }
  const mainId = `${root}.test`;
  added.push({
    importPath: "main",
    id: mainId,
    name: "main",
    dir: mainDir,
    goFiles: ["_testmain.go"],
    ...mainMap,
    goVersion: p.goVersion,
    isStd: false,
    isMain: true,
    module: null,
  });
  return { pkg: root, mainId, packages: added, internal, external };
}

/** byBaseName sorts files by name, wherever they are (an overlay's tests are partly GOROOT's). */
function byBaseName(files: string[]): string[] {
  const key = (f: string) => basename(f);
  return files.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * testMainSource is the generated main of a test binary: a testDeps for the testing package
 * (matching with regexp; profiles, fuzzing and coverage report that rog does not do them) and
 * the tables of both test packages' functions. The tests named in skipped (an overlay's tests
 * of gc's internals, rules/src/overlay.ts) run as tests that skip, giving the reason.
 */
export function testMainSource(
  root: string,
  modulePath: string,
  internal: TestFuncs | null,
  external: TestFuncs | null,
  skipped: Readonly<Record<string, string>> = {},
): string {
  const L: string[] = [];
  L.push("// Code generated by rog test. DO NOT EDIT.", "", "package main", "", "import (");
  for (const imp of TESTMAIN_IMPORTS) L.push(`\t${JSON.stringify(imp)}`);
  const used = (f: TestFuncs | null) =>
    f !== null &&
    (f.testMain ||
      f.tests.length + f.benchmarks.length + f.fuzzTargets.length + f.examples.length > 0);
  if (internal && used(internal)) L.push(`\t_test ${JSON.stringify(root)}`);
  else if (internal) L.push(`\t_ ${JSON.stringify(root)}`);
  if (external && used(external)) L.push(`\t_xtest ${JSON.stringify(root + "_test")}`);
  else if (external) L.push(`\t_ ${JSON.stringify(root + "_test")}`);
  L.push(")", "");
  L.push(
    "type corpusEntry = struct {",
    "\tParent     string",
    "\tPath       string",
    "\tData       []byte",
    "\tValues     []any",
    "\tGeneration int",
    "\tIsSeed     bool",
    "}",
    "",
    "type deps struct{}",
    "",
    "var errUnsupported = &unsupported{}",
    "",
    "type unsupported struct{}",
    "",
    'func (*unsupported) Error() string { return "not supported yet by rog test" }',
    "",
    "var matchPat string",
    "var matchRe *regexp.Regexp",
    "",
    "func (deps) MatchString(pat, str string) (bool, error) {",
    "\tif matchRe == nil || matchPat != pat {",
    "\t\tre, err := regexp.Compile(pat)",
    "\t\tif err != nil {",
    "\t\t\treturn false, err",
    "\t\t}",
    "\t\tmatchPat, matchRe = pat, re",
    "\t}",
    "\treturn matchRe.MatchString(str), nil",
    "}",
    "",
    `func (deps) ImportPath() string { return ${JSON.stringify(root)} }`,
    `func (deps) ModulePath() string { return ${JSON.stringify(modulePath)} }`,
    "func (deps) SetPanicOnExit0(v bool) { testlog.SetPanicOnExit0(v) }",
    "func (deps) StartCPUProfile(io.Writer) error { return errUnsupported }",
    "func (deps) StopCPUProfile() {}",
    // -test.testlogfile: what the test opened, stat'ed, read from the environment and changed
    // directory to, as testing/internal/testdeps writes it for the go command.
    "type testLog struct {",
    "\tmu  sync.Mutex",
    "\tw   *bufio.Writer",
    "\tset bool",
    "}",
    "",
    "var tlog testLog",
    "",
    'func (l *testLog) Getenv(key string) { l.add("getenv", key) }',
    'func (l *testLog) Open(name string)  { l.add("open", name) }',
    'func (l *testLog) Stat(name string)  { l.add("stat", name) }',
    'func (l *testLog) Chdir(name string) { l.add("chdir", name) }',
    "",
    "func (l *testLog) add(op, name string) {",
    '\tif strings.Contains(name, "\\n") || name == "" {',
    "\t\treturn",
    "\t}",
    "\tl.mu.Lock()",
    "\tdefer l.mu.Unlock()",
    "\tif l.w == nil {",
    "\t\treturn",
    "\t}",
    "\tl.w.WriteString(op)",
    "\tl.w.WriteByte(' ')",
    "\tl.w.WriteString(name)",
    "\tl.w.WriteByte('\\n')",
    "}",
    "",
    "func (deps) StartTestLog(w io.Writer) {",
    "\ttlog.mu.Lock()",
    "\ttlog.w = bufio.NewWriter(w)",
    "\tif !tlog.set {",
    "\t\ttlog.set = true",
    "\t\ttestlog.SetLogger(&tlog)",
    '\t\ttlog.w.WriteString("# test log\\n")',
    "\t}",
    "\ttlog.mu.Unlock()",
    "}",
    "",
    "func (deps) StopTestLog() error {",
    "\ttlog.mu.Lock()",
    "\tdefer tlog.mu.Unlock()",
    "\terr := tlog.w.Flush()",
    "\ttlog.w = nil",
    "\treturn err",
    "}",
    "",
    "func (deps) WriteProfileTo(string, io.Writer, int) error { return errUnsupported }",
    "func (deps) CoordinateFuzzing(time.Duration, int64, time.Duration, int64, int, []corpusEntry, []reflect.Type, string, string) error {",
    "\treturn errUnsupported",
    "}",
    "func (deps) RunFuzzWorker(func(corpusEntry) error) error { return errUnsupported }",
    "func (deps) ReadCorpus(string, []reflect.Type) ([]corpusEntry, error) { return nil, nil }",
    "func (deps) CheckCorpus([]any, []reflect.Type) error { return nil }",
    "func (deps) ResetCoverage() {}",
    "func (deps) SnapshotCoverage() {}",
    "func (deps) InitRuntimeCoverage() (string, func(string, string) (string, error), func() float64) {",
    '\treturn "", nil, nil',
    "}",
    "",
  );
  const table = (
    name: string,
    type: string,
    pick: (f: TestFuncs) => string[],
    row: (q: string, n: string) => string,
  ) => {
    L.push(`var ${name} = []testing.${type}{`);
    for (const [q, f] of [
      ["_test", internal],
      ["_xtest", external],
    ] as const) {
      if (f) for (const n of pick(f)) L.push(`\t${row(q, n)},`);
    }
    L.push("}", "");
  };
  table(
    "tests",
    "InternalTest",
    (f) => f.tests,
    (q, n) =>
      Object.hasOwn(skipped, n)
        ? `{${JSON.stringify(n)}, func(t *testing.T) { t.Skip(${JSON.stringify(`skipped by rog: ${skipped[n]}`)}) }}`
        : `{${JSON.stringify(n)}, ${q}.${n}}`,
  );
  table(
    "benchmarks",
    "InternalBenchmark",
    (f) => f.benchmarks,
    (q, n) => `{${JSON.stringify(n)}, ${q}.${n}}`,
  );
  table(
    "fuzzTargets",
    "InternalFuzzTarget",
    (f) => f.fuzzTargets,
    (q, n) => `{${JSON.stringify(n)}, ${q}.${n}}`,
  );
  L.push("var examples = []testing.InternalExample{");
  for (const [q, f] of [
    ["_test", internal],
    ["_xtest", external],
  ] as const) {
    for (const e of f?.examples ?? []) {
      L.push(
        `\t{${JSON.stringify(e.name)}, ${q}.${e.name}, ${JSON.stringify(e.output)}, ${e.unordered}},`,
      );
    }
  }
  L.push("}", "");
  const testMain = internal?.testMain ? "_test" : external?.testMain ? "_xtest" : null;
  L.push("func main() {");
  L.push("\tm := testing.MainStart(deps{}, tests, benchmarks, fuzzTargets, examples)");
  if (testMain) {
    // As with go test: when TestMain returns, the exit code is the one m.Run recorded.
    L.push(`\t${testMain}.TestMain(m)`);
    L.push('\tos.Exit(int(reflect.ValueOf(m).Elem().FieldByName("exitCode").Int()))');
  } else L.push("\tos.Exit(m.Run())");
  L.push("}", "");
  return L.join("\n");
}
