// `rog action`: run one build action (called by Ninja and Bazel).

import { UserError } from "../diag.js";
import type { Command } from "./main.js";

export const command: Command = {
  summary: "run one build action (called by Ninja and Bazel)",
  async run() {
    // TODO(driver): implement rog action.
    throw new UserError("rog action: not supported yet");
  },
};
