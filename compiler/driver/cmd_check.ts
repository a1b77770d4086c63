// `rog check`: type-check packages.

import { UserError } from "../diag.js";
import type { Command } from "./main.js";

export const command: Command = {
  summary: "type-check packages",
  async run() {
    // TODO(driver): implement rog check.
    throw new UserError("rog check: not supported yet");
  },
};
