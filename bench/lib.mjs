// Shared helpers of the benchmark scripts and the examples test: finding the examples, making
// their quick variants, building them with rog, gc and gccgo, and running them with their
// stdout and stderr merged the way the tests compare them.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { copyFileSync, openSync, closeSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** repoRoot is the checkout holding this file. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** examplesDir is where the example programs live. */
export const examplesDir = join(repoRoot, "examples");

/** pendingFile lists the examples rog cannot build yet, one `name: reason` per line. */
export const pendingFile = join(examplesDir, "rog-pending.txt");

// The size marker: `const size = 2500000 // bench:size quick=200000`.
const markerRe = /^(\s*const\s+size\s*=\s*)([0-9_]+)(\s*\/\/\s*bench:size\s+quick=([0-9_]+).*)$/m;

/**
 * listExamples returns every example, sorted by name: a directory under examples/ with an
 * expected.out, or a module under examples/ whose main packages have one (named
 * `<module dir>/<package dir>`, like `monorepo/cmd/app`). Each has its copyable root `dir`, the
 * package to build relative to it (`pkg`, "." for the root), the directory holding its expected
 * outputs (`outDir`), and its size marker when it is a benchmark.
 */
export function listExamples() {
  const out = [];
  for (const name of readdirSync(examplesDir).sort()) {
    const dir = join(examplesDir, name);
    if (!statSync(dir).isDirectory()) continue;
    if (existsSync(join(dir, "expected.out"))) {
      out.push({ name, dir, pkg: ".", outDir: dir, size: findSizeMarker(dir) });
      continue;
    }
    for (const sub of findExpected(dir, "")) {
      const outDir = join(dir, sub);
      out.push({
        name: `${name}/${sub}`,
        dir,
        pkg: `./${sub}`,
        outDir,
        size: findSizeMarker(outDir),
      });
    }
  }
  return out;
}

/** findExpected lists the subdirectories (relative, depth first, sorted) with an expected.out. */
function findExpected(root, rel) {
  const found = [];
  for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
    if (!e.isDirectory() || e.name.startsWith(".") || e.name === "testdata") continue;
    const sub = rel === "" ? e.name : `${rel}/${e.name}`;
    if (existsSync(join(root, sub, "expected.out"))) found.push(sub);
    found.push(...findExpected(root, sub));
  }
  return found.sort();
}

/** findSizeMarker returns {file, full, quick} for the directory's size marker, or null. */
export function findSizeMarker(dir) {
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".go")) continue;
    const m = markerRe.exec(readFileSync(join(dir, file), "utf8"));
    if (m) return { file, full: toInt(m[2]), quick: toInt(m[4]) };
  }
  return null;
}

function toInt(digits) {
  return Number(digits.replaceAll("_", ""));
}

/** expectedFile is the expected output of a variant ("full" or "quick") of an example. */
export function expectedFile(example, variant) {
  const dir = example.outDir ?? example.dir;
  return join(dir, variant === "quick" ? "expected.quick.out" : "expected.out");
}

/**
 * makeVariant copies an example's directory to dest (replacing it) and, for the quick variant,
 * rewrites the size marker to its quick value. With a nonce, a comment holding it is added so
 * that no build cache can answer for the copy. Returns dest.
 */
export function makeVariant(example, variant, dest, nonce) {
  rmSync(dest, { recursive: true, force: true });
  copyTree(example.dir, dest);
  const marker = example.size;
  const pkgDir = join(dest, example.pkg ?? ".");
  if (marker && variant === "quick") {
    const file = join(pkgDir, marker.file);
    const text = readFileSync(file, "utf8").replace(
      markerRe,
      (_, a, _n, c) => a + marker.quick + c,
    );
    writeFileSync(file, text);
  }
  if (nonce !== undefined) {
    const file = join(pkgDir, marker ? marker.file : "main.go");
    if (existsSync(file))
      writeFileSync(file, readFileSync(file, "utf8") + `\n// bench nonce ${nonce}\n`);
  }
  return dest;
}

/** copyTree copies a directory recursively, leaving out expected outputs and binaries. */
export function copyTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    if (entry.isDirectory()) copyTree(src, join(to, entry.name));
    else if (entry.isFile() && !entry.name.startsWith("expected"))
      copyFileSync(src, join(to, entry.name));
  }
}

/** readPending returns the rog-pending list as a Map from example name to reason. */
export function readPending() {
  const pending = new Map();
  if (!existsSync(pendingFile)) return pending;
  for (const raw of readFileSync(pendingFile, "utf8").split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const colon = line.indexOf(":");
    const name = (colon < 0 ? line : line.slice(0, colon)).trim();
    pending.set(name, colon < 0 ? "" : line.slice(colon + 1).trim());
  }
  return pending;
}

/** makeTemp creates a fresh directory for scratch work under the system temp directory. */
export function makeTemp(label) {
  return mkdtempSync(join(tmpdir(), `rog-${label}-`));
}

/**
 * run runs a command and resolves to {code, signal, output, ms}: output is stdout and stderr
 * merged in the order written (both go to one file), ms the wall-clock time.
 */
export function run(cmd, args, { cwd, env, timeoutMs = 600_000 } = {}) {
  const scratch = makeTemp("out");
  const file = join(scratch, "output");
  const fd = openSync(file, "w");
  const start = process.hrtime.bigint();
  return new Promise((resolvePromise) => {
    // detached: the command leads its own process group, so a timeout kills its children too.
    const child = spawn(cmd, args, {
      cwd,
      env: env ?? process.env,
      detached: true,
      // stdin is an empty pipe rather than "ignore", which would need /dev/null.
      stdio: ["pipe", fd, fd],
    });
    child.stdin?.end();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    const finish = (code, signal, error) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      closeSync(fd);
      let output = readFileSync(file, "utf8");
      rmSync(scratch, { recursive: true, force: true });
      if (error) output += `${cmd}: ${error.message}\n`;
      resolvePromise({ code: error ? 127 : code, signal, output, ms });
    };
    child.on("error", (e) => finish(null, null, e));
    child.on("exit", (code, signal) => finish(code, signal));
  });
}

let rusagePath; // undefined: not tried yet; null: no C compiler

/**
 * rusageHelper compiles bench/rusage.c once per process (into a temporary directory removed at
 * exit) and returns its path, or null when there is no C compiler.
 */
export async function rusageHelper() {
  if (rusagePath !== undefined) return rusagePath;
  rusagePath = null;
  const cc = ["cc", "gcc", "clang-22"].find((c) => hasCommand(c));
  if (!cc) return null;
  const dir = makeTemp("rusage");
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const exe = join(dir, "rusage");
  const r = await run(cc, ["-O2", "-o", exe, join(repoRoot, "bench", "rusage.c")]);
  if (r.code === 0) rusagePath = exe;
  return rusagePath;
}

/**
 * measuredRun is run plus what wait4 measured: ms (wall), cpuMs (user + system of the command
 * and every descendant it waited for) and rssKB (peak RSS of the largest of them). Without the
 * helper, cpuMs and rssKB are undefined.
 */
export async function measuredRun(cmd, args, opts = {}) {
  const helper = await rusageHelper();
  if (!helper) return run(cmd, args, opts);
  const dir = makeTemp("measure");
  const file = join(dir, "rusage.out");
  const r = await run(helper, [file, cmd, ...args], opts);
  try {
    const [wall, user, sys, kb] = readFileSync(file, "utf8").trim().split(/\s+/).map(Number);
    return { ...r, ms: wall / 1000, cpuMs: (user + sys) / 1000, rssKB: kb };
  } catch {
    return r; // killed before the helper wrote its line
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** hasCommand reports whether a command can be found on PATH (or is an existing path). */
export function hasCommand(cmd) {
  if (cmd.includes("/")) return existsSync(cmd);
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "pipe" }).status === 0;
}

/** goEnv is the environment for go commands: no workspace, no toolchain download. */
export function goEnv(extra = {}) {
  return { ...process.env, GOWORK: "off", GOTOOLCHAIN: "local", GOFLAGS: "", ...extra };
}

/** compilers names the three compilers in the order they are reported. */
export const compilers = ["gc", "rog", "gccgo"];

/**
 * build builds the Go program in srcDir to out with one compiler and resolves to
 * {ok, ms, cpuMs, error}: error is the compiler's first line of output when the build failed. pkg is
 * the package directory relative to srcDir (a module root); goFlags are extra `go build` flags.
 */
export async function build(
  compiler,
  srcDir,
  out,
  { env, goFlags = [], pkg = ".", timeoutMs = 600_000 } = {},
) {
  let r;
  if (compiler === "gc") {
    // A directory without go.mod is built as a list of files, as `go run *.go` would.
    const what = existsSync(join(srcDir, "go.mod"))
      ? [pkg]
      : goFiles(join(srcDir, pkg)).map((f) => join(pkg, f));
    r = await measuredRun("go", ["build", ...goFlags, "-o", out, ...what], {
      cwd: srcDir,
      env: goEnv(env),
    });
  } else if (compiler === "rog") {
    const target = join(srcDir, pkg);
    r = await measuredRun(
      process.execPath,
      [join(repoRoot, "bin", "rog.js"), "build", "-o", out, target],
      {
        cwd: repoRoot,
        env: { ...process.env, ...env },
        timeoutMs,
      },
    );
  } else if (compiler === "gccgo") {
    if (!hasCommand("gccgo-12")) return { ok: false, ms: 0, error: "gccgo-12 not installed" };
    // gccgo builds one package from its files: enough for the single-package benchmarks.
    const dir = join(srcDir, pkg);
    r = await measuredRun("gccgo-12", ["-O2", "-o", out, ...goFiles(dir)], { cwd: dir, timeoutMs });
  } else {
    throw new Error(`unknown compiler ${compiler}`);
  }
  const ok = r.code === 0 && existsSync(out);
  let first = r.output.split("\n").find((l) => l.trim() !== "") ?? `exit status ${r.code}`;
  if (r.signal === "SIGKILL") first = `timed out after ${timeoutMs / 1000} s`;
  return { ok, ms: r.ms, cpuMs: r.cpuMs, error: ok ? undefined : first.trim() };
}

/** goFiles lists the non-test Go files directly in dir, sorted. */
export function goFiles(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".go") && !f.endsWith("_test.go"))
    .sort();
}
