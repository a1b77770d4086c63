// The `rog` command line: dispatches `rog <command> [args]` to one module per command, each
// loaded on demand so that the per-package actions Ninja runs start quickly.

import { DiagnosticsError, InternalError, UserError } from "../diag.js";

/** Command is what every `cmd_*.ts` module exports as `command`. */
export interface Command {
  /** summary is the one line shown by `rog help`. */
  summary: string;
  /** run executes the command and returns the exit status. */
  run(args: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<{ command: Command }>> = {
  build: () => import("./cmd_build.js"),
  run: () => import("./cmd_run.js"),
  test: () => import("./cmd_test.js"),
  check: () => import("./cmd_check.js"),
  parse: () => import("./cmd_parse.js"),
  action: () => import("./cmd_action.js"),
  gen: () => import("./cmd_gen.js"),
  env: () => import("./cmd_env.js"),
  clean: () => import("./cmd_clean.js"),
  version: () => import("./cmd_version.js"),
};

/** main runs the rog command line and returns the process exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "-h" || name === "--help") {
    await usage(process.stdout);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`rog ${name}: unknown command\nRun 'rog help' for usage.\n`);
    return 2;
  }
  try {
    const { command } = await load();
    return await command.run(rest);
  } catch (e) {
    return reportFailure(e, argv.includes("-v"));
  }
}

/** reportFailure prints an error escaping a command and picks the exit status. */
export function reportFailure(e: unknown, verbose: boolean): number {
  if (e instanceof DiagnosticsError) {
    process.stderr.write(e.message + "\n");
    return 1;
  }
  if (e instanceof UserError) {
    process.stderr.write(e.message + "\n");
    return e.exitCode;
  }
  const msg = e instanceof InternalError ? e.message : `internal compiler error: ${String(e)}`;
  process.stderr.write(msg + "\n");
  if (verbose && e instanceof Error && e.stack) process.stderr.write(e.stack + "\n");
  return 3;
}

async function usage(out: NodeJS.WriteStream): Promise<void> {
  const lines = [
    "rog is a Go compiler built on LLVM.",
    "",
    "Usage:",
    "",
    "\trog <command> [arguments]",
    "",
  ];
  lines.push("The commands are:", "");
  for (const [name, load] of Object.entries(commands)) {
    try {
      const { command } = await load();
      lines.push(`\t${name.padEnd(8)} ${command.summary}`);
    } catch {
      lines.push(`\t${name.padEnd(8)} (not built)`);
    }
  }
  out.write(lines.join("\n") + "\n");
}
