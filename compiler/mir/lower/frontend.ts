// A one-package front end for tests and single-file builds: parse, type-check (no imports),
// lower to MIR. Real builds go through the check action instead.

import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { DiagnosticsError, sortDiagnostics } from "../../diag.js";
import { parseFile } from "../../syntax/parser.js";
import { SourceFile } from "../../syntax/source.js";
import { Checker } from "../../types/checker.js";
import type { MirPackage } from "../mir.js";
import { lowerPackage } from "./package.js";

/** compileSources checks and lowers the given files as package `path` (no imports). */
export function compileSources(
  path: string,
  srcs: { name: string; text: string }[],
  goVersion = "go1.26",
): MirPackage {
  const files = srcs.map((s) => {
    const r = parseFile(SourceFile.fromString(s.name, s.text));
    if (r.diagnostics.length) throw new DiagnosticsError(sortDiagnostics(r.diagnostics));
    return r.file;
  });
  const c = new Checker(path, files, () => null, { goVersion, std: false });
  c.run();
  if (c.diagnostics.length) throw new DiagnosticsError(sortDiagnostics(c.diagnostics));
  return lowerPackage(c.pkg, files, c.info, { goVersion });
}

/** compileFile is compileSources for one file on disk, named relative to the working directory. */
export function compileFile(file: string, path = "main"): MirPackage {
  return compileSources(path, [
    { name: relative(process.cwd(), file), text: readFileSync(file, "utf8") },
  ]);
}
