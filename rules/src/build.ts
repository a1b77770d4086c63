// What `rog build`, `rog run` and `rog gen ninja` share: choosing the build directory, loading
// the packages, writing build.ninja and toolchain.id, running Ninja and summarising what ran.

import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fg from "fast-glob";
import { UserError } from "../../compiler/diag.js";
import { ROG_VERSION } from "../../compiler/driver/version.js";
import * as tc from "../../toolchains/toolchain.js";
import { digestBytes, digestFile, initHashing, writeIfChanged } from "./cache.js";
import {
  ACTION_LOG,
  type ActionGraph,
  type ActionKind,
  buildActionGraph,
  TOOLCHAIN_ID,
} from "./graph.js";
import { findModuleRoot, loadPackages, type LoadOptions, type PackageGraph } from "./loader.js";
import { renderNinja } from "./ninjagen.js";
import { prefill } from "./prefill.js";
import { overlayDirs } from "./overlay.js";

/**
 * buildDir is where rog builds: $ROG_BUILDDIR, else `.rog/build` under the root of the module
 * holding cwd, else under cwd. (`rog env` prints it as ROGBUILDDIR.)
 */
export function buildDir(cwd: string): string {
  const env = process.env.ROG_BUILDDIR;
  if (env) return resolve(cwd, env);
  return join(findModuleRoot(cwd) ?? resolve(cwd), ".rog", "build");
}

/** Generated is a loaded package graph and its action graph, written to the build directory. */
export interface Generated {
  packages: PackageGraph;
  actions: ActionGraph;
  buildDir: string;
}

/**
 * generate loads patterns, writes build.ninja and toolchain.id into the build directory, each
 * only when its content changed (so a no-op `rog build` leaves Ninja nothing to do).
 */
export async function generate(patterns: string[], cwd: string): Promise<Generated> {
  return generateGraph(load(patterns, cwd, {}), cwd);
}

/** load loads patterns from cwd against the toolchain's GOROOT with rog's overlays. */
export function load(
  patterns: string[],
  cwd: string,
  more: Pick<LoadOptions, "tests" | "also">,
): PackageGraph {
  const root = tc.goroot();
  return loadPackages(patterns, {
    cwd,
    goroot: root.goroot,
    gorootVersion: root.version,
    overlays: overlayDirs(),
    ...more,
  });
}

/** generateGraph writes build.ninja and toolchain.id for an already loaded package graph. */
export async function generateGraph(packages: PackageGraph, cwd: string): Promise<Generated> {
  const dir = buildDir(cwd);
  const testActions = process.env.ROG_TEST_ACTIONS;
  const actions = buildActionGraph(packages, {
    buildDir: dir,
    runtimeArchive: testActions ? fakeRuntime(dir) : tc.runtimeArchive(),
    relativeRoot: packages.mainModule?.dir ?? cwd,
  });

  mkdirSync(dir, { recursive: true });
  await initHashing();
  writeIfChanged(join(dir, TOOLCHAIN_ID), Buffer.from(toolchainId()));
  // exec setpriv --pdeathsig: an action dies with Ninja. Ninja starts each action (through
  // /bin/sh, which exec replaces) in a process group of its own, so killing the build's group (a
  // test harness's timeout) would otherwise leave the actions running and writing into a build
  // directory that is being removed.
  const setpriv = tc.which("setpriv");
  const guard = setpriv ? ["exec", setpriv, "--pdeathsig", "KILL", "--"] : [];
  const rogCommand = [...guard, process.execPath, join(tc.projectRoot(), "bin", "rog.js")];
  writeIfChanged(join(dir, "build.ninja"), Buffer.from(renderNinja(actions, { rogCommand })));
  return { packages, actions, buildDir: dir };
}

/**
 * fakeRuntime stands in for the Rust runtime when ROG_TEST_ACTIONS selects the fake compiler
 * (rog's own tests of the build machinery), so those tests need no runtime build.
 */
function fakeRuntime(dir: string): string {
  const p = join(dir, "fake-runtime.a");
  mkdirSync(dir, { recursive: true });
  writeIfChanged(p, Buffer.from("fake runtime\n"));
  return p;
}

/**
 * toolchainId names everything besides the inputs that decides the actions' outputs: rog's
 * version and code, clang's version and the target. Every action depends on the file, so a new
 * compiler reruns them all, and its content is part of every cache key. Under the fake compiler
 * of rog's tests, the fake's own code stands in for the compiler's.
 */
function toolchainId(): string {
  const lines = [`rog ${ROG_VERSION}`, "target linux/amd64"];
  const test = process.env.ROG_TEST_ACTIONS;
  if (test) lines.push(`actions test ${digestFile(test)}`);
  else lines.push(`compiler ${compilerDigest()}`, `clang ${tc.clang().version}`);
  return lines.join("\n") + "\n";
}

/** compilerDigest fingerprints rog's compiled code (dist/), sorted by path. */
function compilerDigest(): string {
  const root = tc.projectRoot();
  const files = fg.sync("dist/**/*.js", { cwd: root }).sort();
  const parts: string[] = [];
  for (const f of files) parts.push(f, digestFile(join(root, f)));
  return digestBytes(Buffer.from(parts.join("\n")));
}

/** NinjaRun says how to run Ninja and show its progress. */
export interface NinjaRun {
  /** commands prints each command line (`-x`) instead of progress. */
  commands: boolean;
  /** progress shows `[n/N] description` on stderr, overwriting the line (a terminal). */
  progress: boolean;
}

/** LogEntry is one line of the action log: an action that ran or came from the cache. */
export interface LogEntry {
  kind: ActionKind;
  target: string;
  status: "run" | "cache";
  start: number;
  end: number;
}

/** runNinja builds g's targets and returns the actions that ran or came from the cache. */
export async function runNinja(gen: Generated, how: NinjaRun, cwd: string): Promise<LogEntry[]> {
  const logPath = join(gen.buildDir, ACTION_LOG);
  rmSync(logPath, { force: true });
  const ninja = tc.ninja();
  await prefill(gen.actions, gen.buildDir, ninja);
  const args = ["-C", gen.buildDir];
  if (how.commands) args.push("-v");
  args.push(...gen.actions.targets);

  const env = { ...process.env, ROG_WORKDIR: resolve(cwd), NINJA_STATUS: "[%f/%t] " };
  const code = await new Promise<number>((done, fail) => {
    const child = spawn(ninja.path, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    // A signal that stops rog (a timeout, ^C) goes on to Ninja, which stops the running
    // actions and their clang processes (each command is a process group of its own); without
    // this they would run on, orphaned, after rog is gone.
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
    const forward = (sig: NodeJS.Signals) => {
      child.kill(sig);
      process.exitCode = 128 + (sig === "SIGINT" ? 2 : sig === "SIGTERM" ? 15 : 1);
    };
    for (const sig of signals) process.on(sig, forward);
    const filter = new OutputFilter(how);
    child.stdout.setEncoding("utf8").on("data", (s: string) => filter.feed(s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => filter.feed(s));
    child.on("error", fail);
    child.on("close", (c) => {
      for (const sig of signals) process.off(sig, forward);
      filter.end(c === 0);
      done(c ?? 1);
    });
  });
  const entries = readActionLog(logPath);
  if (code !== 0) throw new BuildFailed(entries);
  return entries;
}

/** BuildFailed is thrown after Ninja failed; the failing actions' messages are already out. */
export class BuildFailed extends UserError {
  constructor(readonly entries: LogEntry[]) {
    super("");
  }
}

/** readActionLog parses the action log; a missing log means nothing ran. */
export function readActionLog(path: string): LogEntry[] {
  if (!existsSync(path)) return [];
  const out: LogEntry[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const [kind, target, status, start, end] = line.split("\t");
    if (!end) continue;
    out.push({
      kind: kind as ActionKind,
      target,
      status: status as "run" | "cache",
      start: Number(start),
      end: Number(end),
    });
  }
  return out;
}

/** summary is the last line of `rog build -v`. */
export function summary(entries: LogEntry[], total: number): string {
  const run = entries.filter((e) => e.status === "run").length;
  const cached = entries.filter((e) => e.status === "cache").length;
  return `actions: ${run} run, ${cached} from cache, ${Math.max(0, total - run - cached)} up to date`;
}

/**
 * OutputFilter turns Ninja's output into rog's: progress lines become an overwritten status
 * line on a terminal (and vanish otherwise, as a good `go build` prints nothing), Ninja's own
 * chatter is dropped, and what the actions print (diagnostics) passes through to stderr.
 */
class OutputFilter {
  private buf = "";
  private skipCommand = false;
  private statusShown = false;
  private readonly passed: string[] = [];
  private readonly raw: string[] = [];

  constructor(private readonly how: NinjaRun) {}

  feed(s: string): void {
    this.buf += s;
    for (let nl = this.buf.indexOf("\n"); nl >= 0; nl = this.buf.indexOf("\n")) {
      this.line(this.buf.slice(0, nl));
      this.buf = this.buf.slice(nl + 1);
    }
  }

  end(ok: boolean): void {
    if (this.buf) this.line(this.buf);
    this.clearStatus();
    // If Ninja failed without any action output (a broken manifest), show what it said.
    if (!ok && this.passed.length === 0) for (const l of this.raw) process.stderr.write(l + "\n");
  }

  private line(l: string): void {
    this.raw.push(l);
    const status = /^\[\d+\/\d+\] (.*)$/.exec(l);
    if (status) {
      if (this.how.commands) this.write(status[1]);
      else if (this.how.progress) {
        process.stderr.write(`\r\x1b[K${l}`);
        this.statusShown = true;
      }
      return;
    }
    if (this.skipCommand) {
      this.skipCommand = false;
      if (!this.how.commands) return;
    }
    if (l.startsWith("FAILED: ")) {
      this.skipCommand = true;
      if (!this.how.commands) return;
    }
    if (/^ninja: (no work to do|Entering directory|build stopped)/.test(l)) return;
    this.passed.push(l);
    this.write(l);
  }

  private write(l: string): void {
    this.clearStatus();
    process.stderr.write(l + "\n");
  }

  private clearStatus(): void {
    if (!this.statusShown) return;
    process.stderr.write("\r\x1b[K");
    this.statusShown = false;
  }
}

/** isDir reports whether p names an existing directory. */
export function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * withBuildLock runs fn while holding the build directory's lock, so two rog processes never
 * rewrite build.ninja or run Ninja in one directory at once (Ninja's logs are not made for it).
 * The lock is a directory (mkdir is atomic) holding the owner's pid; a lock whose owner died is
 * taken over.
 */
export async function withBuildLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, ".rog-lock");
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      if (lockOwnerGone(lock)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function lockOwnerGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, "pid"), "utf8"));
  } catch {
    // Just created, pid not written yet; or removed meanwhile. Give the owner a moment.
    try {
      return Date.now() - statSync(lock).mtimeMs > 5000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}
