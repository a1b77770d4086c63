// `rog test`: test packages.

import { UserError } from "../diag.js";
import type { Command } from "./main.js";

export const command: Command = {
  summary: "test packages",
  async run() {
    // TODO(driver): implement rog test.
    throw new UserError("rog test: not supported yet");
  },
};
