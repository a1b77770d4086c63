// `rog run`: compile and run a Go program, passing it the remaining arguments and exiting with
// its exit status.

import { spawn } from "node:child_process";
import { constants } from "node:os";
import { join } from "node:path";
import { UsageError, UserError } from "../diag.js";
import type { Command } from "./main.js";
import { build, parseBuildFlags } from "./cmd_build.js";
import { BuildFailed } from "../../rules/src/build.js";

/**
 * splitProgram separates what to build from the program's arguments: a run of .go files, or
 * one package; everything after (or after `--`) belongs to the program.
 */
function splitProgram(rest: string[]): { patterns: string[]; programArgs: string[] } {
  if (rest.length === 0) throw new UsageError("rog run: no go files listed");
  let n = 0;
  while (n < rest.length && rest[n].endsWith(".go")) n++;
  if (n === 0) n = 1;
  const programArgs = rest.slice(n);
  if (programArgs[0] === "--") programArgs.shift();
  return { patterns: rest.slice(0, n), programArgs };
}

export const command: Command = {
  summary: "compile and run a Go program",
  async run(args) {
    const { flags, rest } = parseBuildFlags("rog run", args, false);
    const { patterns, programArgs } = splitProgram(rest);
    const cwd = process.cwd();

    let exe: string;
    try {
      const built = await build(patterns, flags, cwd);
      const bins = built.gen.actions.binaries;
      if (bins.length !== 1) {
        const root = built.gen.packages.roots[0];
        throw new UserError(`package ${root} is not in package main`);
      }
      exe = join(built.gen.buildDir, bins[0].path);
    } catch (e) {
      if (e instanceof BuildFailed) return 1;
      throw e;
    }
    return runProgram(exe, programArgs);
  },
};

/** runProgram runs exe with the terminal and returns its exit status (128+n for signal n). */
function runProgram(exe: string, args: string[]): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(exe, args, { stdio: "inherit" });
    const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
    const onInt = forward("SIGINT");
    const onTerm = forward("SIGTERM");
    process.on("SIGINT", onInt).on("SIGTERM", onTerm);
    child.on("error", (e) => fail(new UserError(`rog run: ${exe}: ${e.message}`)));
    child.on("close", (code, signal) => {
      process.off("SIGINT", onInt).off("SIGTERM", onTerm);
      if (signal) done(128 + (constants.signals[signal] ?? 0));
      else done(code ?? 1);
    });
  });
}
