// The .rogb file (DESIGN.md §1): what dependents' opt actions need of a package beyond its
// export data. Today that is the package's generic code: a dependent instantiates another
// package's generic functions and methods (compiler/mir/lower/instantiate.ts) by checking that
// package's source again against its dependencies' export data, so .rogb holds the source
// files of packages that declare generic functions or methods, and nothing for the others
// (their body edits then change no dependent's inputs).
//
// Layout: the line "rogb 2"; then, for a package with generics, one line of JSON (import path,
// language version, std flag, import map, file names and sizes) followed by the files' bytes.

import { UserError } from "../diag.js";

const MAGIC = "rogb 2\n";

/** PackageSource is a package's checked source, as its own check action saw it. */
export interface PackageSource {
  /** path is the import path (the symbol prefix). */
  path: string;
  /** goVersion is the package's language version ("go1.22"). */
  goVersion: string;
  /** std marks GOROOT packages (internal imports and linknames are allowed). */
  std: boolean;
  /** imports maps each import path as spelled in the source to the package's import path. */
  imports: Record<string, string>;
  /** files are the package's files in check order, under their recorded names. */
  files: { name: string; bytes: Uint8Array }[];
}

/** encodeBodies writes .rogb: src's files when the package has generics, else the header alone. */
export function encodeBodies(src: PackageSource | null): Uint8Array {
  const te = new TextEncoder();
  if (!src) return te.encode(MAGIC);
  const head = {
    path: src.path,
    goVersion: src.goVersion,
    std: src.std,
    imports: Object.entries(src.imports).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    files: src.files.map((f) => [f.name, f.bytes.length]),
  };
  const parts = [te.encode(MAGIC + JSON.stringify(head) + "\n"), ...src.files.map((f) => f.bytes)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** decodeBodies reads .rogb; null means the package has no generic code. */
export function decodeBodies(bytes: Uint8Array, what: string): PackageSource | null {
  const text = new TextDecoder().decode(bytes.subarray(0, MAGIC.length));
  if (text !== MAGIC) throw new UserError(`${what}: not a rog .rogb file (rebuild it)`);
  if (bytes.length === MAGIC.length) return null;
  const nl = bytes.indexOf(10, MAGIC.length);
  if (nl < 0) throw new UserError(`${what}: truncated .rogb header`);
  const head = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length, nl))) as {
    path: string;
    goVersion: string;
    std: boolean;
    imports: [string, string][];
    files: [string, number][];
  };
  let at = nl + 1;
  const files = head.files.map(([name, len]) => {
    const f = { name, bytes: bytes.subarray(at, at + len) };
    at += len;
    return f;
  });
  if (at !== bytes.length) throw new UserError(`${what}: .rogb size does not match its header`);
  return {
    path: head.path,
    goVersion: head.goVersion,
    std: head.std,
    imports: Object.fromEntries(head.imports),
    files,
  };
}
