// `rog clean`: remove the build directory.

import { UserError } from "../diag.js";
import type { Command } from "./main.js";

export const command: Command = {
  summary: "remove the build directory",
  async run() {
    // TODO(driver): implement rog clean.
    throw new UserError("rog clean: not supported yet");
  },
};
