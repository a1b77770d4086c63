// `rog gen`: generate build files (ninja, bazel).

import { UserError } from "../diag.js";
import type { Command } from "./main.js";

export const command: Command = {
  summary: "generate build files (ninja, bazel)",
  async run() {
    // TODO(driver): implement rog gen.
    throw new UserError("rog gen: not supported yet");
  },
};
