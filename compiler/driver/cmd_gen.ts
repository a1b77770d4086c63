// `rog gen ninja [packages]`: write build.ninja (and toolchain.id) into the build directory
// without building; `ninja -C <build dir>` then builds it.

import { UsageError, UserError } from "../diag.js";
import type { Command } from "./main.js";
import { parseBuildFlags } from "./cmd_build.js";
import { buildDir, generate, withBuildLock } from "../../rules/src/build.js";

export const command: Command = {
  summary: "generate build files (ninja)",
  async run(args) {
    const [what, ...rest] = args;
    if (what === "bazel") throw new UserError("rog gen bazel: not supported yet");
    if (what !== "ninja") throw new UsageError("usage: rog gen ninja [packages]");
    const { rest: patterns } = parseBuildFlags("rog gen ninja", rest, false);
    const cwd = process.cwd();
    const gen = await withBuildLock(buildDir(cwd), () => generate(patterns, cwd));
    process.stdout.write(`${gen.buildDir}/build.ninja\n`);
    return 0;
  },
};
