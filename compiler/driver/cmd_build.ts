// `rog build`: compile packages and dependencies.

import { UserError } from "../diag.js";
import type { Command } from "./main.js";

export const command: Command = {
  summary: "compile packages and dependencies",
  async run() {
    // TODO(driver): implement rog build.
    throw new UserError("rog build: not supported yet");
  },
};
