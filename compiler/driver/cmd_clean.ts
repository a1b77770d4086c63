// `rog clean`: remove the build directory (and with -cache, the action cache).

import { rmSync } from "node:fs";
import { UsageError } from "../diag.js";
import type { Command } from "./main.js";
import { buildDir } from "../../rules/src/build.js";
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
    rmSync(buildDir(process.cwd()), { recursive: true, force: true });
    if (cache) rmSync(cacheDir(), { recursive: true, force: true });
    return 0;
  },
};
