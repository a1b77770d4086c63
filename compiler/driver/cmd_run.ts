// `rog run`: compile and run a Go program.

import { UserError } from "../diag.js";
import type { Command } from "./main.js";

export const command: Command = {
  summary: "compile and run a Go program",
  async run() {
    // TODO(driver): implement rog run.
    throw new UserError("rog run: not supported yet");
  },
};
