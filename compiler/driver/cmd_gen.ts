// `rog gen ninja [packages]`: write build.ninja (and toolchain.id) into the build directory
// without building; `ninja -C <build dir>` then builds it. `rog gen bazel [dir]`: write
// BUILD.bazel files, WORKSPACE and .bazelrc for the module holding dir (rules/src/bazelgen.ts).

import { join, relative, resolve } from "node:path";
import { UsageError } from "../diag.js";
import type { Command } from "./main.js";
import { parseBuildFlags } from "./cmd_build.js";
import { buildDir, generate, withBuildLock } from "../../rules/src/build.js";
import { writeBazel } from "../../rules/src/bazelgen.js";
import { goroot, projectRoot } from "../../toolchains/toolchain.js";

export const command: Command = {
  summary: "generate build files (ninja, bazel)",
  async run(args) {
    const [what, ...rest] = args;
    if (what === "bazel") return genBazel(rest);
    if (what !== "ninja")
      throw new UsageError("usage: rog gen ninja [packages] | rog gen bazel [dir]");
    const { rest: patterns } = parseBuildFlags("rog gen ninja", rest, false);
    const cwd = process.cwd();
    const gen = await withBuildLock(buildDir(cwd), () => generate(patterns, cwd));
    process.stdout.write(`${gen.buildDir}/build.ninja\n`);
    return 0;
  },
};

/** genBazel prints each file it wrote, relative to the working directory; none on a rerun. */
function genBazel(args: string[]): number {
  if (args.length > 1 || args[0]?.startsWith("-"))
    throw new UsageError("usage: rog gen bazel [dir]");
  const cwd = process.cwd();
  const root = goroot();
  const r = writeBazel(resolve(cwd, args[0] ?? "."), {
    rogRoot: projectRoot(),
    goroot: root.goroot,
    gorootVersion: root.version,
  });
  const shown = (rel: string) => relative(cwd, join(r.root, rel)) || ".";
  for (const f of r.written) process.stdout.write(`${shown(f)}\n`);
  for (const f of r.foreign) {
    process.stderr.write(
      `rog gen bazel: ${shown(f)} was not written by rog gen bazel: left alone\n`,
    );
  }
  return 0;
}
