// The expected-failures files (conformance/expected-failures/<suite>.txt): one failing test per
// line, `name  # status: reason`, written by conformance/run.mjs --update.

import { existsSync, readFileSync } from "node:fs";

/** readExpected maps each listed test to its `status: reason` text. */
export function readExpected(file) {
  const m = new Map();
  if (!existsSync(file)) return m;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const s = line.trim();
    if (!s || s.startsWith("#")) continue;
    const [name, ...rest] = s.split(/\s+#\s*/);
    m.set(name.trim(), rest.join(" # "));
  }
  return m;
}
