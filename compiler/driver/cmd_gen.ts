// `rog gen ninja [packages]`: write build.ninja (and toolchain.id) into the build directory
// without building; `ninja -C <build dir>` then builds it. `rog gen bazel [dir]`: write
// BUILD.bazel files, WORKSPACE and .bazelrc for the module holding dir (rules/src/bazelgen.ts).
// `rog gen bazel-std DIR RULES`: write the standard library as a Bazel repository into DIR (what
// the rog_std repository rule runs; RULES labels the .bzl file defining rog_std_library).

import { join, relative, resolve } from "node:path";
import { UsageError } from "../diag.js";
import type { Command } from "./main.js";
import { parseBuildFlags } from "./cmd_build.js";
import { buildDir, generate, withBuildLock } from "../../rules/src/build.js";
import { writeBazel } from "../../rules/src/bazelgen.js";
import { writeStdRepository } from "../../rules/src/bazelstd.js";
import { goroot, projectRoot } from "../../toolchains/toolchain.js";

export const command: Command = {
  summary: "generate build files (ninja, bazel)",
  async run(args) {
    const [what, ...rest] = args;
    if (what === "bazel") return genBazel(rest);
    if (what === "bazel-std") return genBazelStd(rest);
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

/** genBazelStd writes the std repository and prints how many packages it describes. */
function genBazelStd(args: string[]): number {
  if (args.length !== 2 || args.some((a) => a.startsWith("-")))
    throw new UsageError("usage: rog gen bazel-std DIR RULES");
  const [dir, rules] = args;
  const root = goroot();
  const n = writeStdRepository(
    resolve(dir),
    {
      cwd: resolve(dir),
      goroot: root.goroot,
      gorootVersion: root.version,
    },
    rules,
  );
  process.stdout.write(`rog gen bazel-std: ${n} std packages in ${dir}\n`);
  return 0;
}
