// `rog clean`: remove the build directory (and with -cache, the action cache).

import { existsSync, rmSync } from "node:fs";
import { UsageError } from "../diag.js";
import type { Command } from "./main.js";
import { buildDir, withBuildLock } from "../../rules/src/build.js";
import { cacheDir } from "../../toolchains/toolchain.js";

export const command: Command = {
  summary: "remove the build directory (-cache: the action cache too)",
  async run(args) {
    let cache = false;
    for (const a of args) {
      if (a === "-cache" || a === "--cache") cache = true;
      else if (a.startsWith("-"))
        throw new UsageError(`rog clean: flag provided but not defined: ${a}`);
      else throw new UsageError(`rog clean: unexpected argument ${a}: clean takes no packages`);
    }
    // Wait for a build running in the directory to finish rather than pull it from under it.
    const dir = buildDir(process.cwd());
    if (existsSync(dir))
      await withBuildLock(dir, async () => rmSync(dir, { recursive: true, force: true }));
    if (cache) rmSync(cacheDir(), { recursive: true, force: true });
    return 0;
  },
};
