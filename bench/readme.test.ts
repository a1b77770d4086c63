// The README's benchmark section must be exactly what bench/readme.mjs generates from the
// committed results, so that no figure in it is typed by hand or left stale.

import { expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
// @ts-expect-error: readme.mjs is plain JavaScript shared with the bench scripts.
import { updatedReadme } from "./readme.mjs";

test("README.md's benchmark section matches bench/results", () => {
  const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
  expect(readme, "run node bench/readme.mjs").toBe(updatedReadme());
});
