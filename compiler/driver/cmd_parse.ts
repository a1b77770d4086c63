// `rog parse`: parse Go files and report syntax errors.

import { UserError } from "../diag.js";
import type { Command } from "./main.js";

export const command: Command = {
  summary: "parse Go files and report syntax errors",
  async run() {
    // TODO(driver): implement rog parse.
    throw new UserError("rog parse: not supported yet");
  },
};
