// End-to-end tests of the build machinery: `rog build`, `rog run`, `rog clean` and `rog action`
// through Ninja, the action cache and early cutoff, on copies of examples/monorepo. They use the
// fake compiler (rules/src/testing/fake_actions.ts, picked by the test-only ROG_TEST_ACTIONS) so
// they test the machinery alone; the last test repeats the determinism check with the real one.

import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { goroot, projectRoot, runtimeArchive, which } from "../../toolchains/toolchain.js";

const repo = projectRoot();
const rogJs = join(repo, "bin", "rog.js");
const fake = join(repo, "dist", "rules", "src", "testing", "fake_actions.js");
const built =
  existsSync(join(repo, "dist", "compiler", "driver", "cmd_build.js")) && existsSync(fake);
const root = mkdtempSync(join(tmpdir(), "rog-build-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let serial = 0;
/** copy makes a fresh copy of examples/monorepo and returns its directory. */
function copy(): string {
  const dir = join(root, `m${serial++}`);
  // Leave out whatever someone built in the example itself (.rog/, the program).
  const src = join(repo, "examples", "monorepo");
  const skip = new Set([join(src, ".rog"), join(src, "app")]);
  cpSync(src, dir, { recursive: true, filter: (p) => !skip.has(p) });
  return dir;
}

function newCache(): string {
  return join(root, `cache${serial++}`);
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function env(cache: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    ROG_TEST_ACTIONS: fake,
    ROG_CACHE: cache,
    ...extra,
  };
  delete e.ROG_BUILDDIR;
  return e;
}

function rog(
  cwd: string,
  cache: string,
  args: string[],
  extra: Record<string, string> = {},
): Result {
  const r = spawnSync(process.execPath, [rogJs, ...args], {
    cwd,
    env: env(cache, extra),
    encoding: "utf8",
  });
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

function rogAsync(cwd: string, cache: string, args: string[]): Promise<Result> {
  return new Promise((done) => {
    const p = spawn(process.execPath, [rogJs, ...args], { cwd, env: env(cache) });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("close", (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

const lines = (s: string) => s.split("\n").filter((l) => l !== "");
const last = (r: Result) => lines(r.stdout).at(-1);
/** ran lists the actions a -v build ran (not those from the cache), sorted. */
const ran = (r: Result) =>
  lines(r.stdout)
    .filter((l) => !l.startsWith("actions:") && !l.endsWith("(cached)"))
    .sort();

const LEAF = "example.com/monorepo/lib/leaf";
const MID = "example.com/monorepo/lib/mid";
const APP = "example.com/monorepo/cmd/app";

/** buildFiles maps every file under the build directory's pkg/ and exe/ to its bytes. */
function buildFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const base = join(dir, ".rog", "build");
  for (const top of ["pkg", "exe"]) {
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else out.set(relative(base, p), readFileSync(p).toString("base64"));
      }
    };
    walk(join(base, top));
  }
  return out;
}

describe.skipIf(!built)("rog build with the fake compiler (needs `npm run build`)", () => {
  const dir = copy();
  const cache = newCache();
  const exe = join(root, "app");

  test("a fresh build runs every action and -o writes the program", () => {
    const r = rog(dir, cache, ["build", "-v", "-o", exe, "./cmd/app"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(ran(r)).toEqual(
      [LEAF, MID, APP]
        .flatMap((p) => ["check", "opt", "codegen"].map((k) => `${k} ${p}`))
        .concat(`link ${APP}`)
        .sort(),
    );
    expect(last(r)).toBe("actions: 10 run, 0 from cache, 0 up to date");
    expect(spawnSync(exe, { encoding: "utf8" }).stdout).toBe("monorepo app\n");
  });

  test("the next build has nothing to do", () => {
    const r = rog(dir, cache, ["build", "-v", "-o", exe, "./cmd/app"]);
    expect(r.stdout).toBe("actions: 0 run, 0 from cache, 10 up to date\n");
  });

  test("after rog clean, every action comes from the cache", () => {
    const before = readFileSync(exe);
    expect(rog(dir, cache, ["clean"]).code).toBe(0);
    expect(existsSync(join(dir, ".rog", "build"))).toBe(false);
    const r = rog(dir, cache, ["build", "-v", "-o", exe, "./cmd/app"]);
    expect(last(r)).toBe("actions: 0 run, 10 from cache, 0 up to date");
    expect(readFileSync(exe).equals(before)).toBe(true);
  });

  test("actions restored in-process before Ninja ran are up to date for Ninja", () => {
    // The cleaned directory had no .ninja_log, so the build above restored every action itself
    // (rules/src/prefill.ts) and wrote Ninja's log for them.
    const log = readFileSync(join(dir, ".rog", "build", ".ninja_log"), "utf8");
    expect(log.split("\n")[0]).toBe("# ninja log v5");
    const r = rog(dir, cache, ["build", "-v", "-o", exe, "./cmd/app"]);
    expect(r.stdout).toBe("actions: 0 run, 0 from cache, 10 up to date\n");
  });

  test("a body edit in lib/leaf checks lib/leaf only, then its later actions and the link", () => {
    const leaf = join(dir, "lib", "leaf", "leaf.go");
    writeFileSync(leaf, readFileSync(leaf, "utf8").replace("6 * 7", "6 * 9"));
    const r = rog(dir, cache, ["build", "-v", "./cmd/app"]);
    expect(ran(r)).toEqual(
      [`codegen ${LEAF}`, `link ${APP}`, `check ${LEAF}`, `opt ${LEAF}`].sort(),
    );
    expect(last(r)).toBe("actions: 4 run, 0 from cache, 6 up to date");
    // Without -o, a single main package is written to the working directory, as go build does.
    expect(existsSync(join(dir, "app"))).toBe(true);
  });

  test("an API edit in lib/leaf rechecks lib/mid; cmd/app stops at mid's unchanged .rogx", () => {
    writeFileSync(
      join(dir, "lib", "leaf", "extra.go"),
      "package leaf\n\nfunc Extra() int {\n\treturn 1\n}\n",
    );
    const r = rog(dir, cache, ["build", "-v", "./cmd/app"]);
    const checks = ran(r).filter((l) => l.startsWith("check "));
    expect(checks).toEqual([`check ${LEAF}`, `check ${MID}`]);
  });

  test("--trace writes one Chrome trace event per action", () => {
    const d = copy();
    const trace = join(root, "trace.json");
    const r = rog(d, newCache(), ["build", "--trace", trace, "./cmd/app"]);
    expect(r.code).toBe(0);
    const events = (
      JSON.parse(readFileSync(trace, "utf8")) as { traceEvents: { name: string; ph: string }[] }
    ).traceEvents;
    expect(events.length).toBe(10);
    expect(events.map((e) => e.name)).toContain(`check ${LEAF}`);
    expect(events.every((e) => e.ph === "X")).toBe(true);
  });
});

describe.skipIf(!built)("determinism and the shared cache", () => {
  test("the same sources in two directories give byte-identical outputs", () => {
    const a = copy();
    const b = copy();
    expect(rog(a, newCache(), ["build", "./cmd/app"]).code).toBe(0);
    expect(rog(b, newCache(), ["build", "./cmd/app"]).code).toBe(0);
    const fa = buildFiles(a);
    const fb = buildFiles(b);
    expect(fa.size).toBe(19);
    expect([...fb.keys()].sort()).toEqual([...fa.keys()].sort());
    expect([...fa.keys()].filter((k) => fa.get(k) !== fb.get(k))).toEqual([]);
  });

  test("concurrent builds sharing a cache both succeed; a third build takes all from it", async () => {
    const cache = newCache();
    const [a, b] = await Promise.all([
      rogAsync(copy(), cache, ["build", "-v", "./cmd/app"]),
      rogAsync(copy(), cache, ["build", "-v", "./cmd/app"]),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(last(rog(copy(), cache, ["build", "-v", "./cmd/app"]))).toBe(
      "actions: 0 run, 10 from cache, 0 up to date",
    );
  });

  test("concurrent builds in one build directory take turns", async () => {
    const d = copy();
    const cache = newCache();
    const results = await Promise.all([
      rogAsync(d, cache, ["build", "-v", "./cmd/app"]),
      rogAsync(d, cache, ["build", "-v", "./cmd/app"]),
    ]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const summaries = results.map((r) => last(r)).sort();
    expect(summaries).toEqual([
      "actions: 0 run, 0 from cache, 10 up to date",
      "actions: 10 run, 0 from cache, 0 up to date",
    ]);
    expect(existsSync(join(d, ".rog", "build", ".rog-lock"))).toBe(false);
  });

  test("damaged cache entries are detected, rebuilt and repaired", () => {
    const cache = newCache();
    expect(rog(copy(), cache, ["build", "./cmd/app"]).code).toBe(0);
    const cas = join(cache, "v1", "cas");
    for (const d of readdirSync(cas))
      for (const f of readdirSync(join(cas, d))) truncateSync(join(cas, d, f), 1);
    const d = copy();
    const r = rog(d, cache, ["build", "-v", "./cmd/app"]);
    expect(last(r)).toBe("actions: 10 run, 0 from cache, 0 up to date");
    expect(spawnSync(join(d, "app"), { encoding: "utf8" }).stdout).toBe("monorepo app\n");
    const again = rog(copy(), cache, ["build", "-v", "./cmd/app"]);
    expect(again.stderr).toBe("");
    expect(last(again)).toBe("actions: 0 run, 10 from cache, 0 up to date");
  });
});

describe.skipIf(!built)("rog run and errors", () => {
  const cache = newCache();

  test("rog run passes arguments and exits with the program's status", () => {
    const d = copy();
    const main = join(d, "cmd", "app", "main.go");
    writeFileSync(main, readFileSync(main, "utf8") + "\n// fake-exit 3\n");
    const r = rog(d, cache, ["run", "./cmd/app", "arg1"]);
    expect(r).toMatchObject({ code: 3, stdout: "monorepo app\n", stderr: "" });
  });

  test("a compile error shows the diagnostic alone, relative to the working directory", () => {
    const d = copy();
    writeFileSync(join(d, "lib", "mid", "bad.go"), "package mid\n\nFAKE_ERROR\n");
    const r = rog(d, cache, ["build", "./cmd/app"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("lib/mid/bad.go:3:1: fake compile error\n");
  });

  const oneLine = (r: Result, code: number, re: RegExp) => {
    expect(r.code).toBe(code);
    expect(lines(r.stderr).length, r.stderr).toBe(1);
    expect(r.stderr.trimEnd()).toMatch(re);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };

  test("bad invocations and bad packages: one line, exit 2 or 1", () => {
    const d = copy();
    oneLine(
      rog(d, cache, ["build", "-bogus"]),
      2,
      /^rog build: flag provided but not defined: -bogus$/m,
    );
    oneLine(rog(d, cache, ["build", "-o"]), 2, /flag needs an argument: -o/);
    oneLine(rog(d, cache, ["clean", "-x"]), 2, /flag provided but not defined/);
    oneLine(rog(d, cache, ["action", "check"]), 2, /missing required flag -importpath/);
    oneLine(rog(d, cache, ["action", "frob"]), 2, /unknown action frob/);
    oneLine(rog(d, cache, ["gen", "ninja", "-zz"]), 2, /flag provided but not defined: -zz/);
    oneLine(rog(d, cache, ["build", "./nope"]), 1, /directory not found/);
    oneLine(
      rog(d, cache, ["build", "example.com/monorepo/nope"]),
      1,
      /no required module provides package/,
    );
    oneLine(rog(root, cache, ["build", "."]), 1, /outside any module/);

    writeFileSync(
      join(d, "lib", "leaf", "cycle.go"),
      'package leaf\n\nimport _ "example.com/monorepo/lib/mid"\n',
    );
    oneLine(
      rog(d, cache, ["build", "./cmd/app"]),
      1,
      /^package example.com\/monorepo\/cmd\/app imports example.com\/monorepo\/lib\/mid imports example.com\/monorepo\/lib\/leaf imports example.com\/monorepo\/lib\/mid: import cycle not allowed$/,
    );
  });

  test("a missing tool: one line, exit 1", () => {
    // toolchains/toolchain.ts runs `head` to read GOROOT/VERSION: keep it, and nothing else.
    const bin = join(root, "bin-without-ninja");
    mkdirSync(bin, { recursive: true });
    symlinkSync(which("head")!, join(bin, "head"));
    const r = rog(copy(), cache, ["build", "./cmd/app"], {
      PATH: bin,
      ROG_GOROOT: goroot().goroot,
    });
    oneLine(r, 1, /^rog: ninja not found: install ninja-build/);
  });

  test("rog gen ninja writes the manifest only", () => {
    const d = copy();
    const r = rog(d, cache, ["gen", "ninja", "./cmd/app"]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(d, ".rog", "build", "build.ninja"), "utf8")).toContain(
      `description = check $target`,
    );
    expect(existsSync(join(d, ".rog", "build", "exe"))).toBe(false);
  });
});

describe.skipIf(!built)("determinism with the real compiler", () => {
  let reason = "";
  const realBuild = (d: string) =>
    spawnSync(process.execPath, [rogJs, "build", "./cmd/app"], {
      cwd: d,
      env: { ...process.env, ROG_CACHE: newCache(), ROG_TEST_ACTIONS: "" },
      encoding: "utf8",
    });
  beforeAll(() => {
    const r = realBuild(copy());
    if (r.status !== 0 && /not supported yet|is not built/.test(r.stderr)) reason = r.stderr.trim();
  });

  test("two directories give byte-identical .rogx, .mir, .bc and executable", (ctx) => {
    if (reason) ctx.skip(`the real compiler cannot build the monorepo yet: ${reason}`);
    // Someone may rebuild rog (dist/) or the runtime between the two builds in a shared
    // checkout: retry until both were made by the same compiler and runtime.
    let a = "";
    let b = "";
    const id = (d: string) => readFileSync(join(d, ".rog", "build", "toolchain.id"), "utf8");
    const runtime = () => {
      const st = statSync(runtimeArchive());
      return `${st.size} ${st.mtimeMs}`;
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      a = copy();
      b = copy();
      const before = runtime();
      const ra = realBuild(a);
      const rb = realBuild(b);
      expect(ra.status, ra.stderr).toBe(0);
      expect(rb.status, rb.stderr).toBe(0);
      if (id(a) === id(b) && runtime() === before) break;
    }
    const fa = buildFiles(a);
    const fb = buildFiles(b);
    expect([...fb.keys()].sort()).toEqual([...fa.keys()].sort());
    const differing = [...fa.keys()].filter((k) => fa.get(k) !== fb.get(k));
    expect(differing).toEqual([]);
    const out = spawnSync(join(a, "app"), { encoding: "utf8" });
    expect(out.stdout + out.stderr).toBe(
      readFileSync(join(repo, "examples/monorepo/cmd/app/expected.out"), "utf8"),
    );
  });
});
