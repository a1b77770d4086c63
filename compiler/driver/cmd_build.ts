// `rog build`: compile packages and dependencies. Loads the packages, writes build.ninja into
// the build directory and runs Ninja; then copies the executable out, as `go build` does.

import {
  chmodSync,
  copyFileSync,
  existsSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { UsageError, UserError } from "../diag.js";
import type { Command } from "./main.js";
import {
  BuildFailed,
  buildDir,
  generate,
  type Generated,
  isDir,
  type LogEntry,
  runNinja,
  summary,
  withBuildLock,
} from "../../rules/src/build.js";
import { chromeTrace, markNinjaLog } from "../../rules/src/trace.js";

/** BuildFlags are the flags `rog build` and `rog run` share. */
export interface BuildFlags {
  output?: string;
  verbose: boolean;
  commands: boolean;
  trace?: string;
  /** remoteCache is the URL of an HTTP remote cache (Bazel's protocol) the actions share. */
  remoteCache?: string;
}

/**
 * parseBuildFlags reads leading flags (one or two dashes, `-f v` or `-f=v`) up to the first
 * argument that is not a flag, or `--`. withOutput allows -o.
 */
export function parseBuildFlags(
  who: string,
  args: string[],
  withOutput: boolean,
): { flags: BuildFlags; rest: string[] } {
  const flags: BuildFlags = { verbose: false, commands: false };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      i++;
      break;
    }
    const m = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/s.exec(a);
    if (!m) break;
    const [, name, inline] = m;
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${who}: flag needs an argument: -${name}`);
      return v;
    };
    if (name === "v" || name === "x") {
      if (inline !== undefined) throw new UsageError(`${who}: -${name} takes no value`);
      if (name === "v") flags.verbose = true;
      else flags.commands = true;
    } else if (name === "o" && withOutput) flags.output = value();
    else if (name === "trace") flags.trace = value();
    else if (name === "remote-cache") {
      flags.remoteCache = value();
      if (!/^https?:\/\/[^/]/.test(flags.remoteCache)) {
        throw new UsageError(
          `${who}: -remote-cache wants an http:// URL, not ${flags.remoteCache}`,
        );
      }
    } else throw new UsageError(`${who}: flag provided but not defined: -${name}`);
  }
  return { flags, rest: args.slice(i) };
}

/** Built is a finished build: its graph and the actions that ran or came from the cache. */
export interface Built {
  gen: Generated;
  entries: LogEntry[];
}

/**
 * build generates and runs the build for patterns, holding the build directory's lock, and
 * calls then before releasing it. With -v it prints each action that ran (`<kind> <target>`,
 * cache hits marked) and the closing `actions:` line.
 */
export async function build(
  patterns: string[],
  flags: BuildFlags,
  cwd: string,
  then?: (b: Built) => void,
): Promise<Built> {
  return withBuildLock(buildDir(cwd), async () => {
    const b = await buildLocked(patterns, flags, cwd);
    then?.(b);
    return b;
  });
}

async function buildLocked(patterns: string[], flags: BuildFlags, cwd: string): Promise<Built> {
  // The actions read the remote cache's URL from their environment, which Ninja passes on; it
  // stays out of build.ninja, so switching caches regenerates nothing.
  if (flags.remoteCache) process.env.ROG_REMOTE_CACHE = flags.remoteCache;
  const gen = await generate(patterns, cwd);
  const logPath = join(gen.buildDir, ".ninja_log");
  const mark = markNinjaLog(logPath);
  if (flags.commands) process.stderr.write(`cd ${gen.buildDir}\n`);

  let entries: LogEntry[] = [];
  let failed: BuildFailed | null = null;
  try {
    entries = await runNinja(
      gen,
      { commands: flags.commands, progress: process.stderr.isTTY },
      cwd,
    );
  } catch (e) {
    if (!(e instanceof BuildFailed)) throw e;
    failed = e;
    entries = e.entries;
  }

  if (flags.verbose) {
    const lines = entries.map(
      (e) => `${e.kind} ${e.target}${e.status === "cache" ? " (cached)" : ""}`,
    );
    lines.push(summary(entries, gen.actions.actions.length));
    process.stdout.write(lines.join("\n") + "\n");
  }
  if (flags.trace)
    writeFileSync(resolve(cwd, flags.trace), chromeTrace(gen.actions, logPath, mark));
  if (failed) throw failed;
  return { gen, entries };
}

/**
 * installExecutable copies a built program to dst, replacing a regular file atomically. A dst
 * that exists but is no regular file (`-o /dev/null`, a pipe) is written into, never replaced.
 */
export function installExecutable(src: string, dst: string): void {
  if (existsSync(dst) && !statSync(dst).isFile()) {
    copyFileSync(src, dst);
    return;
  }
  const tmp = `${dst}.rog-tmp-${process.pid}`;
  try {
    copyFileSync(src, tmp);
    chmodSync(tmp, 0o755);
    renameSync(tmp, dst);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError(`rog: writing ${dst}: ${e instanceof Error ? e.message : e}`);
  }
}

/** writeOutputs puts the executables where -o (or go build's default) says. */
function writeOutputs(built: Built, output: string | undefined, cwd: string): void {
  const bins = built.gen.actions.binaries;
  const roots = built.gen.packages.roots;
  const from = (p: string) => join(built.gen.buildDir, p);

  if (output === undefined) {
    // go build writes a program only when it builds exactly one main package.
    if (roots.length !== 1 || bins.length !== 1) return;
    const dst = resolve(cwd, bins[0].name);
    if (isDir(dst)) {
      throw new UserError(
        `rog build: build output "${bins[0].name}" already exists and is a directory`,
      );
    }
    installExecutable(from(bins[0].path), dst);
    return;
  }

  const dst = resolve(cwd, output);
  if (isDir(dst) || output.endsWith("/")) {
    for (const b of bins) installExecutable(from(b.path), join(dst, b.name));
    return;
  }
  if (roots.length > 1) {
    throw new UserError(`rog build: cannot write multiple packages to non-directory ${output}`);
  }
  if (bins.length === 1) installExecutable(from(bins[0].path), dst);
}

export const command: Command = {
  summary: "compile packages and dependencies",
  async run(args) {
    const { flags, rest } = parseBuildFlags("rog build", args, true);
    const cwd = process.cwd();
    try {
      await build(rest, flags, cwd, (built) => writeOutputs(built, flags.output, cwd));
    } catch (e) {
      if (e instanceof BuildFailed) return 1;
      throw e;
    }
    return 0;
  },
};
