// `rog test`: test packages, like `go test`. Each package's test binary is the package built
// with its `_test.go` files, its external `_test` package and a generated main calling the
// real `testing` package (rules/src/testmain.ts); they are more packages of one Ninja build,
// one link per tested package. Each binary runs in its package's directory, and the summary
// lines are go test's: `ok  \tpkg\t0.012s`, `FAIL\tpkg [build failed]`, `?   \tpkg\t[no test files]`.

import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { UsageError, UserError } from "../diag.js";
import type { Command } from "./main.js";
import {
  BuildFailed,
  buildDir,
  generateGraph,
  load,
  runNinja,
  withBuildLock,
} from "../../rules/src/build.js";
import { writeIfChanged, initHashing } from "../../rules/src/cache.js";
import { escapeImportPath } from "../../rules/src/graph.js";
import type { Package, PackageGraph } from "../../rules/src/loader.js";
import { overlayTests } from "../../rules/src/overlay.js";
import {
  scanTestFuncs,
  TESTMAIN_IMPORTS,
  type TestBuild,
  testBuild,
  testMainSource,
} from "../../rules/src/testmain.js";

/** TEST_FLAGS are go test's flags passed to the binary as -test.<name>; true: takes a value. */
const TEST_FLAGS: Record<string, boolean> = {
  run: true,
  skip: true,
  v: false,
  count: true,
  bench: true,
  benchtime: true,
  benchmem: false,
  short: false,
  timeout: true,
  cpu: true,
  failfast: false,
  list: true,
  parallel: true,
  shuffle: true,
};

/** TestArgs is a parsed `rog test` command line. */
export interface TestArgs {
  patterns: string[];
  /** binaryArgs are the -test.* flags (and what follows -args) for every test binary. */
  binaryArgs: string[];
  verbose: boolean;
  bench: boolean;
  commands: boolean;
}

/** parseTestArgs reads go test's command line: flags and packages in any order, then -args. */
export function parseTestArgs(args: string[]): TestArgs {
  const out: TestArgs = {
    patterns: [],
    binaryArgs: [],
    verbose: false,
    bench: false,
    commands: false,
  };
  let timeout = "10m0s";
  const passed: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-args" || a === "--args") {
      passed.push(...args.slice(i + 1));
      break;
    }
    const m = /^--?([A-Za-z][\w.-]*)(?:=(.*))?$/s.exec(a);
    if (!m) {
      out.patterns.push(a);
      continue;
    }
    const name = m[1].replace(/^test\./, "");
    let value = m[2];
    if (name === "x") {
      out.commands = true;
      continue;
    }
    if (!(name in TEST_FLAGS)) {
      throw new UsageError(`rog test: flag provided but not defined: -${m[1]}`);
    }
    if (TEST_FLAGS[name] && value === undefined) {
      value = args[++i];
      if (value === undefined) throw new UsageError(`rog test: flag needs an argument: -${name}`);
    }
    if (name === "v") out.verbose = value === undefined || value === "true";
    if (name === "bench") out.bench = true;
    if (name === "timeout") {
      timeout = value!;
      continue;
    }
    out.binaryArgs.push(value === undefined ? `-test.${name}=true` : `-test.${name}=${value}`);
  }
  out.binaryArgs = ["-test.paniconexit0", `-test.timeout=${timeout}`, ...out.binaryArgs];
  out.binaryArgs.push(...passed);
  return out;
}

/** Plan is the build of every tested package's binary. */
interface Plan {
  graph: PackageGraph;
  /** tested lists the roots in command-line order, each with its test build (null: no tests). */
  tested: { pkg: Package; build: TestBuild | null; setup?: string }[];
}

/** plan loads the packages with their tests and writes each binary's generated main. */
function plan(patterns: string[], cwd: string): Plan {
  const g = load(patterns, cwd, { tests: true, also: TESTMAIN_IMPORTS });
  const byPath = new Map(g.packages.map((p) => [p.importPath, p]));
  const dir = buildDir(cwd);
  const added: Package[] = [];
  const tested: Plan["tested"] = [];
  for (const root of g.roots) {
    const pkg = byPath.get(root)!;
    const mainDir = join(dir, "testmain", `${escapeImportPath(root)}@`);
    let build: TestBuild | null;
    try {
      build = testBuild(g, root, mainDir);
    } catch (e) {
      // An import cycle through the tests fails this package only, as with go test.
      if (!(e instanceof UserError)) throw e;
      tested.push({ pkg, build: null, setup: e.message });
      continue;
    }
    tested.push({ pkg, build });
    if (!build) continue;
    const display = relative(cwd, pkg.dir) || ".";
    const scan = (files: string[] | undefined) =>
      files && files.length > 0 ? scanTestFuncs(pkg.dir, files, display) : null;
    const src = testMainSource(
      root,
      pkg.module ?? "",
      build.internal ? scan(pkg.testGoFiles) : null,
      build.external ? scan(pkg.xtestGoFiles) : null,
      overlayTests()[root]?.skipped,
    );
    mkdirSync(mainDir, { recursive: true });
    writeIfChanged(join(mainDir, "_testmain.go"), Buffer.from(src));
    added.push(...build.packages);
  }
  const roots = tested.flatMap((t) => (t.build ? [t.build.mainId] : []));
  return {
    graph: { roots, packages: [...g.packages, ...added], mainModule: g.mainModule },
    tested,
  };
}

/** runBinary runs a test binary in dir; shown output streams to stdout, the rest is kept. */
function runBinary(
  exe: string,
  args: string[],
  dir: string,
  stream: boolean,
): Promise<{ code: number; output: string; seconds: number }> {
  const start = process.hrtime.bigint();
  return new Promise((done, fail) => {
    // One pipe for stdout and stderr keeps their order, as go test does.
    const child = spawn("/bin/sh", ["-c", 'exec "$0" "$@" 2>&1', exe, ...args], {
      cwd: dir,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      if (stream) process.stdout.write(s);
      else output += s;
    });
    child.on("error", fail);
    child.on("close", (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      done({ code: signal ? 2 : (code ?? 1), output, seconds });
    });
  });
}

export const command: Command = {
  summary: "test packages",
  async run(args) {
    const t = parseTestArgs(args);
    const cwd = process.cwd();
    let failed = false;
    await withBuildLock(buildDir(cwd), async () => {
      await initHashing();
      const p = plan(t.patterns, cwd);
      const gen = await generateGraph(p.graph, cwd);
      for (const { pkg, build, setup } of p.tested) {
        const path = pkg.importPath;
        if (setup) {
          process.stderr.write(`# ${path}\n${setup}\n`);
          process.stdout.write(`FAIL\t${path} [setup failed]\n`);
          failed = true;
          continue;
        }
        if (!build) {
          process.stdout.write(`?   \t${path}\t[no test files]\n`);
          continue;
        }
        const bin = gen.actions.binaries.find((b) => b.importPath === build.mainId)!;
        try {
          const one = { ...gen, actions: { ...gen.actions, targets: [bin.path] } };
          await runNinja(one, { commands: t.commands, progress: process.stderr.isTTY }, cwd);
        } catch (e) {
          if (!(e instanceof BuildFailed)) throw e;
          process.stdout.write(`FAIL\t${path} [build failed]\n`);
          failed = true;
          continue;
        }
        const show = t.verbose || t.bench;
        const exe = join(gen.buildDir, bin.path);
        const r = await runBinary(exe, t.binaryArgs, pkg.dir, show);
        const secs = `${r.seconds.toFixed(3)}s`;
        if (r.code === 0) {
          process.stdout.write(`ok  \t${path}\t${secs}\n`);
        } else {
          failed = true;
          process.stdout.write(r.output);
          process.stdout.write(`FAIL\t${path}\t${secs}\n`);
        }
      }
    });
    if (failed) process.stdout.write("FAIL\n");
    return failed ? 1 : 0;
  },
};
