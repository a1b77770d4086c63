// `rog version`: the compiler version, which also keys the action cache.

import type { Command } from "./main.js";
import { ROG_VERSION } from "./version.js";

export const command: Command = {
  summary: "print rog version",
  async run() {
    process.stdout.write(`rog version ${ROG_VERSION} linux/amd64\n`);
    return 0;
  },
};
