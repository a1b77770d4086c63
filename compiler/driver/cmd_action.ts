// `rog action check|opt|codegen|link`: runs one build action, the unit Ninja (and later Bazel)
// schedules. Flags name every input and output. The runner consults the action cache, writes
// outputs atomically and leaves an output untouched when its bytes did not change (Ninja's
// restat then cuts the rebuild off there), and records in the build's action log whether the
// action ran or came from the cache.

import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { UsageError } from "../diag.js";
import type { Command } from "./main.js";
import { ROG_VERSION } from "./version.js";
import type * as Actions from "./actions.js";
import {
  ActionCache,
  type CachedOutput,
  digestFile,
  fingerprint,
  initHashing,
  writeIfChanged,
} from "../../rules/src/cache.js";
import { RemoteCache, remoteKey } from "../../rules/src/remote.js";
import { cacheDir } from "../../toolchains/toolchain.js";

type ActionsImpl = Pick<typeof Actions, "runCheck" | "runOpt" | "runCodegen" | "runLink">;

type FlagType = "string" | "bool" | "input" | "inputs" | "output" | "pairs";

interface FlagSpec {
  type: FlagType;
  required?: boolean;
  /** key is false for flags that do not change the outputs (left out of the cache key). */
  key?: boolean;
}

const COMMON: Record<string, FlagSpec> = {
  toolchain: { type: "input" },
  log: { type: "string", key: false },
  "no-cache": { type: "bool", key: false },
};

const BODIES: Record<string, FlagSpec> = {
  importpath: { type: "string", required: true },
  mir: { type: "input", required: true },
  body: { type: "pairs" },
  out: { type: "output", required: true },
};

const SPECS: Record<string, Record<string, FlagSpec>> = {
  check: {
    importpath: { type: "string", required: true },
    go: { type: "string", required: true },
    std: { type: "bool" },
    // A package with no files (a directory of tests only, under test) is named by --name.
    src: { type: "inputs" },
    name: { type: "string" },
    import: { type: "pairs" },
    rogx: { type: "output", required: true },
    rogb: { type: "output", required: true },
    mir: { type: "output", required: true },
  },
  opt: {
    ...BODIES,
    import: { type: "pairs" },
    summary: { type: "pairs" },
    esc: { type: "output", required: true },
  },
  codegen: BODIES,
  link: {
    out: { type: "output", required: true },
    pkg: { type: "pairs", required: true },
    runtime: { type: "input", required: true },
    "thinlto-cache": { type: "string", key: false },
  },
};

/** Flags holds parsed flag values: strings, booleans, path lists and name=path pairs. */
interface Flags {
  strings: Map<string, string>;
  bools: Set<string>;
  lists: Map<string, string[]>;
  pairs: Map<string, [string, string][]>;
}

export const command: Command = {
  summary: "run one build action (called by Ninja and Bazel)",
  async run(args) {
    const [kind, ...rest] = args;
    const spec = kind === undefined ? undefined : SPECS[kind];
    if (!spec) {
      throw new UsageError(
        `usage: rog action check|opt|codegen|link [flags]` +
          (kind ? ` (unknown action ${kind})` : ""),
      );
    }
    const all = { ...COMMON, ...spec };
    const flags = parseFlags(`rog action ${kind}`, all, rest);
    await runAction(kind, all, flags);
    return 0;
  },
};

/** parseFlags reads `--name value` and `--name=value` (one dash works too), as `go` does. */
function parseFlags(who: string, specs: Record<string, FlagSpec>, args: string[]): Flags {
  const f: Flags = { strings: new Map(), bools: new Set(), lists: new Map(), pairs: new Map() };
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([a-z0-9-]+)(?:=(.*))?$/s.exec(args[i]);
    if (!m) throw new UsageError(`${who}: unexpected argument ${JSON.stringify(args[i])}`);
    const [, name, inline] = m;
    const spec = specs[name];
    if (!spec) throw new UsageError(`${who}: flag provided but not defined: -${name}`);
    if (spec.type === "bool") {
      if (inline !== undefined && inline !== "true")
        throw new UsageError(`${who}: -${name} takes no value`);
      f.bools.add(name);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`${who}: flag needs an argument: -${name}`);
    addFlag(who, f, name, spec.type, value);
  }
  for (const [name, spec] of Object.entries(specs)) {
    const present =
      f.strings.has(name) || f.lists.has(name) || f.pairs.has(name) || f.bools.has(name);
    if (spec.required && !present) throw new UsageError(`${who}: missing required flag -${name}`);
  }
  return f;
}

function addFlag(who: string, f: Flags, name: string, type: FlagType, value: string): void {
  if (type === "inputs") {
    f.lists.set(name, [...(f.lists.get(name) ?? []), value]);
  } else if (type === "pairs") {
    const eq = value.indexOf("=");
    if (eq <= 0) throw new UsageError(`${who}: -${name} wants importpath=file, not ${value}`);
    f.pairs.set(name, [...(f.pairs.get(name) ?? []), [value.slice(0, eq), value.slice(eq + 1)]]);
  } else {
    if (f.strings.has(name)) throw new UsageError(`${who}: flag -${name} given twice`);
    f.strings.set(name, value);
  }
}

/** keyMaterial describes the action by roles and contents, never by paths. */
function keyMaterial(kind: string, specs: Record<string, FlagSpec>, f: Flags, impl: string) {
  const flags: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.key === false || spec.type === "output") continue;
    if (spec.type === "bool") flags[name] = f.bools.has(name);
    else if (spec.type === "string") flags[name] = f.strings.get(name);
    else if (spec.type === "input") {
      const p = f.strings.get(name);
      flags[name] = p === undefined ? undefined : digestFile(p);
    } else if (spec.type === "inputs") {
      // A source file's name shows in positions, so it is part of the key; its directory is not.
      flags[name] = (f.lists.get(name) ?? []).map((p) => [basename(p), digestFile(p)]);
    } else {
      flags[name] = (f.pairs.get(name) ?? []).map(([k, p]) => [k, digestFile(p)]);
    }
  }
  return { rog: ROG_VERSION, impl, kind, flags };
}

async function runAction(kind: string, specs: Record<string, FlagSpec>, f: Flags): Promise<void> {
  const start = Date.now();
  absolutize(specs, f);
  await initHashing();
  const id = actionsId();

  const outputs = outputRoles(specs, f);
  const useCache = f.strings.has("toolchain") && !f.bools.has("no-cache");
  const cache = useCache ? new ActionCache(cacheDir()) : null;
  const key = cache ? fingerprint(keyMaterial(kind, specs, f, id)) : "";

  if (cache && restore(cache, key, outputs, f, kind, start)) return;

  // The remote cache (ROG_REMOTE_CACHE, set by `rog build --remote-cache URL`) is asked after
  // a local miss; its hits also fill the local cache.
  const remoteURL = process.env.ROG_REMOTE_CACHE;
  const remote = cache && remoteURL ? new RemoteCache(remoteURL) : null;
  const rkey = remote ? remoteKey(keyMaterial(kind, specs, f, id)) : "";
  const rhit = remote ? await tryRemote(() => remote.get(rkey)) : null;
  if (rhit && sameRoles(rhit, outputs)) {
    for (const o of rhit) writeIfChanged(outputs.get(o.role)!, o.data, o.mode);
    tryCache(() => cache!.put(key, rhit));
    logAction(f, kind, start, "cache");
    return;
  }

  const produced = await execute(kind, await loadActions(), f);
  for (const o of produced) writeIfChanged(outputs.get(o.role)!, o.data, o.mode);
  if (cache) tryCache(() => cache.put(key, produced));
  if (remote) await tryRemote(() => remote.put(rkey, produced));
  logAction(f, kind, start, "run");
}

/** tryRemote runs a remote cache operation; a failure is a warning and costs a rebuild. */
async function tryRemote<T>(op: () => Promise<T>): Promise<T | null> {
  try {
    return await op();
  } catch (e) {
    process.stderr.write(`rog: warning: remote cache: ${e instanceof Error ? e.message : e}\n`);
    return null;
  }
}

/**
 * absolutize resolves every path flag against dir, by default the working directory (the build
 * directory, where Ninja runs the action).
 */
function absolutize(specs: Record<string, FlagSpec>, f: Flags, dir = "."): void {
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.type === "input" || spec.type === "output") {
      const v = f.strings.get(name);
      if (v !== undefined) f.strings.set(name, resolve(dir, v));
    } else if (spec.type === "inputs") {
      f.lists.set(
        name,
        (f.lists.get(name) ?? []).map((p) => resolve(dir, p)),
      );
    } else if (spec.type === "pairs") {
      f.pairs.set(
        name,
        (f.pairs.get(name) ?? []).map(([k, p]) => [k, resolve(dir, p)]),
      );
    }
  }
  const log = f.strings.get("log");
  if (log !== undefined) f.strings.set("log", resolve(dir, log));
}

/**
 * fromCache is the cache-hit path of `rog action <kind> <args>` run in-process, in build
 * directory dir (rules/src/prefill.ts): it restores the action's outputs from the local cache
 * and logs it as the action would, or returns false having written nothing.
 */
export async function fromCache(kind: string, args: string[], dir: string): Promise<boolean> {
  const spec = SPECS[kind];
  if (!spec) return false;
  const all = { ...COMMON, ...spec };
  const f = parseFlags(`rog action ${kind}`, all, args);
  absolutize(all, f, dir);
  if (!f.strings.has("toolchain") || f.bools.has("no-cache")) return false;
  const start = Date.now();
  await initHashing();
  const key = fingerprint(keyMaterial(kind, all, f, actionsId()));
  return restore(new ActionCache(cacheDir()), key, outputRoles(all, f), f, kind, start);
}

/** restore writes a local cache hit's outputs and logs the action; false on a miss. */
function restore(
  cache: ActionCache,
  key: string,
  outputs: Map<string, string>,
  f: Flags,
  kind: string,
  start: number,
): boolean {
  const hit = tryCache(() => cache.get(key));
  if (!hit || !sameRoles(hit, outputs)) return false;
  for (const o of hit) writeIfChanged(outputs.get(o.role)!, o.data, o.mode);
  logAction(f, kind, start, "cache");
  return true;
}

function outputRoles(specs: Record<string, FlagSpec>, f: Flags): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.type === "output") out.set(name, f.strings.get(name)!);
  }
  return out;
}

function sameRoles(hit: CachedOutput[], outputs: Map<string, string>): boolean {
  return hit.length === outputs.size && hit.every((o) => outputs.has(o.role));
}

/** tryCache runs a cache operation; a cache that fails to read or write only costs a rebuild. */
function tryCache<T>(op: () => T): T | null {
  try {
    return op();
  } catch (e) {
    process.stderr.write(`rog: warning: action cache: ${e instanceof Error ? e.message : e}\n`);
    return null;
  }
}

/**
 * actionsId names the action implementations for the cache key: compiler/driver/actions.ts, or,
 * for rog's own tests only, the module named by ROG_TEST_ACTIONS (a fake compiler that lets the
 * build machinery be tested on its own).
 */
function actionsId(): string {
  const testModule = process.env.ROG_TEST_ACTIONS;
  return testModule ? `test:${digestFile(testModule)}` : "rog";
}

/** loadActions imports the implementations; only a cache miss pays for loading the compiler. */
async function loadActions(): Promise<ActionsImpl> {
  const testModule = process.env.ROG_TEST_ACTIONS;
  if (testModule) return (await import(pathToFileURL(resolve(testModule)).href)) as ActionsImpl;
  return await import("./actions.js");
}

/** execute runs the compiler for the action and returns its outputs by role. */
async function execute(kind: string, impl: ActionsImpl, f: Flags): Promise<CachedOutput[]> {
  const s = (n: string) => f.strings.get(n)!;
  const pairs = (n: string) => Object.fromEntries(f.pairs.get(n) ?? []);
  const file = (role: string, data: Uint8Array, mode = 0o644) => ({ role, data, mode });

  switch (kind) {
    case "check": {
      const srcs = displayPaths(f.lists.get("src") ?? []);
      const name = f.strings.get("name");
      if (srcs.length === 0 && name === undefined) {
        throw new UsageError("rog action check: missing required flag -src (or -name)");
      }
      const r = await impl.runCheck({
        importPath: s("importpath"),
        goVersion: s("go"),
        srcs,
        imports: pairs("import"),
        std: f.bools.has("std"),
        name,
      });
      return [file("rogx", r.rogx), file("rogb", r.rogb), file("mir", r.mir)];
    }
    case "opt": {
      const r = await impl.runOpt({
        importPath: s("importpath"),
        mir: s("mir"),
        bodies: pairs("body"),
        imports: pairs("import"),
        summaries: pairs("summary"),
      });
      return [file("out", r.mir), file("esc", r.esc)];
    }
    case "codegen": {
      const req = { importPath: s("importpath"), mir: s("mir"), bodies: pairs("body") };
      return [file("out", await impl.runCodegen(req))];
    }
    default:
      return [file("out", await link(impl, f), 0o755)];
  }
}

async function link(impl: ActionsImpl, f: Flags): Promise<Uint8Array> {
  const out = f.strings.get("out")!;
  const tmp = join(dirname(out), `.${basename(out)}.link-${process.pid}`);
  const pkgs = f.pairs.get("pkg") ?? [];
  const thinlto =
    f.strings.get("thinlto-cache") ?? (f.bools.has("no-cache") ? "" : join(cacheDir(), "thinlto"));
  // lld names the runtime archive's bitcode modules after the archive path it is given, and
  // ThinLTO derives the names of the runtime's promoted symbols from those module names (the
  // Rust bitcode has no module hash). The link therefore runs in a scratch directory holding
  // the archive under a fixed relative name, so that a build directory, a Bazel sandbox and
  // another checkout all produce the same executable. Every other path is absolute by now.
  const stage = `${tmp}.d`;
  const cwd = process.cwd();
  try {
    mkdirSync(stage, { recursive: true });
    symlinkSync(f.strings.get("runtime")!, join(stage, STAGED_RUNTIME));
    process.chdir(stage);
    await impl.runLink({
      out: tmp,
      bitcode: pkgs.map(([, p]) => p),
      initOrder: pkgs.map(([p]) => p),
      runtime: STAGED_RUNTIME,
      thinltoCache: thinlto,
    });
    return readFileSync(tmp);
  } finally {
    process.chdir(cwd);
    rmSync(stage, { recursive: true, force: true });
    rmSync(tmp, { force: true });
  }
}

/** STAGED_RUNTIME is the name the link gives the runtime archive (see link). */
const STAGED_RUNTIME = "librog_runtime.a";

/**
 * displayPaths names source files the way diagnostics should show them. `rog build` passes its
 * working directory in ROG_WORKDIR; the action moves there (all other paths are absolute by now)
 * so that positions read `lib/leaf/leaf.go:3:2` as with `go build`. Outputs never depend on it.
 */
function displayPaths(srcs: string[]): string[] {
  const workdir = process.env.ROG_WORKDIR;
  if (workdir && isAbsolute(workdir)) {
    try {
      process.chdir(workdir);
    } catch {
      return srcs;
    }
  }
  const cwd = process.cwd();
  return srcs.map((p) => {
    const rel = relative(cwd, p);
    return rel.length < p.length ? rel : p;
  });
}

/** logAction appends `kind target status start end` to the build's action log, if it has one. */
function logAction(f: Flags, kind: string, start: number, status: "run" | "cache"): void {
  const log = f.strings.get("log");
  if (!log) return;
  const pkgs = f.pairs.get("pkg");
  const target = kind === "link" ? pkgs![pkgs!.length - 1][0] : f.strings.get("importpath")!;
  appendFileSync(log, `${kind}\t${target}\t${status}\t${start}\t${Date.now()}\n`);
}
