// Every bodyless function (declared without a body: assembly-backed or provided through
// //go:linkname) of the std packages that common programs import must get a body from rog: Go
// code in a loaded package (usually a push linkname in the runtime overlay), an entry of
// overlay.ts's BODIES (alias or LLVM intrinsic), or a Rust entry point listed in
// runtime-rs/overlay/README.md. `ROG_BODYLESS=list` prints the whole table.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseFile } from "../../compiler/syntax/parser.js";
import { SourceFile } from "../../compiler/syntax/source.js";
import type * as ast from "../../compiler/syntax/ast.js";
import { goroot, projectRoot } from "../../toolchains/toolchain.js";
import { loadPackages, type Package } from "./loader.js";
import { BODIES, OVERLAY_DIR, OVERLAYS, overlayDirs } from "./overlay.js";

/** ROOTS are the packages whose transitive std imports the test covers (issue 7). */
const ROOTS = [
  "fmt",
  "strings",
  "strconv",
  "sort",
  "os",
  "time",
  "sync",
  "errors",
  "math",
  "bytes",
  "bufio",
  "unicode",
  "encoding/json",
  // The rest of issue 7's list of packages whose own tests rog runs, and testing itself.
  "hash/crc32",
  "maps",
  "slices",
  "regexp",
  "reflect",
  "path",
  "text/tabwriter",
  "encoding/base64",
  "encoding/binary",
  "encoding/hex",
  "container/heap",
  "container/list",
  "container/ring",
  "unicode/utf16",
  "testing",
];

/** Bodyless is one function declared without a body. */
interface Bodyless {
  pkg: string;
  file: string;
  name: string;
  /** symbol is the linker name: the linkname target, else `pkg.name` (ABI.md §3). */
  symbol: string;
}

interface Scan {
  packages: Package[];
  bodyless: Bodyless[];
  /** defined holds the symbols of every function with a body. */
  defined: Set<string>;
}

/** scan loads ROOTS with the given overlays and collects bodyless and defined functions. */
function scan(overlays: Record<string, string>): Scan {
  const g = goroot();
  const graph = loadPackages(ROOTS, {
    cwd: projectRoot(),
    goroot: g.goroot,
    gorootVersion: g.version,
    overlays,
  });
  const bodyless: Bodyless[] = [];
  const defined = new Set<string>();
  for (const p of graph.packages) {
    if (p.importPath === "unsafe") continue; // the compiler's own pseudo-package
    for (const f of p.goFiles) {
      const file = parseFile(new SourceFile(f, readFileSync(join(p.dir, f)))).file;
      const links = linknames(file);
      for (const d of file.decls) {
        if (d.kind !== "FuncDecl" || d.recv) continue;
        const name = d.name.name;
        const symbol = links.get(name) ?? `${p.importPath}.${name}`;
        if (d.body) defined.add(symbol);
        else bodyless.push({ pkg: p.importPath, file: f, name, symbol });
      }
    }
  }
  return { packages: graph.packages, bodyless, defined };
}

/** linknames maps local names to their //go:linkname targets (anywhere in the file). */
function linknames(file: ast.File): Map<string, string> {
  const m = new Map<string, string>();
  for (const d of file.directives) {
    if (d.name !== "go:linkname") continue;
    const [local, target] = d.args.split(/\s+/);
    if (local && target) m.set(local, target);
  }
  return m;
}

/** rustEntries reads the rog_ names of the README's Rust entry table. */
function rustEntries(): Set<string> {
  const text = readFileSync(join(projectRoot(), OVERLAY_DIR, "README.md"), "utf8");
  return new Set([...text.matchAll(/^\| `(rog_[a-z0-9_]+)`/gm)].map((m) => m[1]));
}

/** rustDefined lists the rog_ functions runtime-rs/src defines today. */
function rustDefined(): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".rs")) {
        for (const m of readFileSync(p, "utf8").matchAll(/\bfn (rog_[a-z0-9_]+)/g)) out.add(m[1]);
      }
    }
  };
  walk(join(projectRoot(), "runtime-rs", "src"));
  return out;
}

/** provider says how a bodyless function gets its body, or null when nothing provides one. */
function provider(b: Bodyless, s: Scan, rust: Set<string>): string | null {
  if (b.symbol.startsWith("rog_")) return rust.has(b.symbol) ? `rust ${b.symbol}` : null;
  if (s.defined.has(b.symbol)) return "go";
  const body = BODIES[b.symbol];
  if (body?.kind === "intrinsic") return `intrinsic ${body.name}`;
  if (body?.kind === "alias" && s.defined.has(body.target)) return `alias ${body.target}`;
  return null;
}

describe("bodyless functions of the std packages rog builds", () => {
  const after = scan(overlayDirs());
  const rust = rustEntries();

  test("every one has a body", () => {
    const before = scan({});
    const rows = after.bodyless.map((b) => ({ b, how: provider(b, after, rust) }));
    const missing = rows.filter((r) => r.how === null).map((r) => `${r.b.pkg}.${r.b.name}`);
    const rustCount = rows.filter((r) => r.how?.startsWith("rust")).length;
    process.stdout.write(
      `bodyless functions in ${ROOTS.length} roots' std imports: ${before.bodyless.length} ` +
        `without overlays (${before.packages.length} packages); with overlays ` +
        `${after.bodyless.length} (${after.packages.length} packages), ${rustCount} bound to ` +
        `Rust, ${missing.length} without a body\n`,
    );
    if (process.env.ROG_BODYLESS === "list") {
      for (const r of rows) {
        process.stdout.write(`${r.b.pkg}\t${r.b.file}\t${r.b.name}\t${r.b.symbol}\t${r.how}\n`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("every overlay is loaded", () => {
    const loaded = new Map(after.packages.map((p) => [p.importPath, p.dir]));
    for (const o of OVERLAYS) {
      const dir = loaded.get(o.path);
      if (dir) expect(dir).toBe(join(projectRoot(), OVERLAY_DIR, o.path));
    }
  });

  test("every skipped test of an overlay is one of GOROOT's test functions", () => {
    for (const o of OVERLAYS) {
      const dir = join(goroot().goroot, "src", o.path);
      const declared = new Set(
        readdirSync(dir)
          .filter((f) => f.endsWith("_test.go"))
          .flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(/^func (Test\w*)\(/gm)])
          .map((m) => m[1]),
      );
      for (const name of Object.keys(o.tests?.skipped ?? {})) expect(declared).toContain(name);
    }
  });

  test("BODIES aliases stay in their package", () => {
    for (const [sym, body] of Object.entries(BODIES)) {
      if (body.kind !== "alias") continue;
      expect(body.target.slice(0, body.target.lastIndexOf("."))).toBe(
        sym.slice(0, sym.lastIndexOf(".")),
      );
    }
  });

  test("the Rust entry table names what the runtime still lacks", () => {
    const have = rustDefined();
    const lacking = [...rust].filter((r) => !have.has(r)).sort();
    process.stdout.write(
      `Rust entries in the README table not yet in runtime-rs/src: ` +
        `${lacking.length} of ${rust.size}: ${lacking.join(" ")}\n`,
    );
    expect(rust.size).toBeGreaterThan(0);
  });
});
