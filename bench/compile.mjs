#!/usr/bin/env node
// The compile-speed benchmark: for examples/hello and examples/monorepo, times rog and
// `go build` in three situations:
//   cold  - a fresh copy with empty caches (go: a new GOCACHE, so the standard library is
//           compiled too; rog: a new ROG_CACHE and build directory);
//   edit  - a rebuild of that copy after a one-line edit inside a function body of a library
//           package (hello has none, so its main function is edited);
//   fresh - a build of a second, unedited copy at another path, with the caches the cold build
//           filled (a fresh checkout hitting the cache).
// Writes bench/results/compile.json and compile.md. A compiler that cannot build a project
// gets its first line of output in the results instead of a time. Regenerates README.md's
// benchmark section at the end.
//
//   node bench/compile.mjs [--only hello,monorepo]

import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import * as lib from "./lib.mjs";
import { renderCompileMarkdown } from "./report.mjs";
import { writeReadme } from "./readme.mjs";

const projects = ["hello", "monorepo"];
const scenarios = ["cold", "edit", "fresh"];

const only = process.argv[2] === "--only" ? process.argv[3].split(",") : projects;
const scratch = lib.makeTemp("compile");
const results = [];
for (const name of projects.filter((p) => only.includes(p))) {
  results.push(await measureProject(name));
}
const report = { schema: 1, date: new Date().toISOString(), projects: results };
const resultsDir = join(lib.repoRoot, "bench", "results");
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, "compile.json"), JSON.stringify(report, null, 2) + "\n");
writeFileSync(join(resultsDir, "compile.md"), renderCompileMarkdown(report));
rmSync(scratch, { recursive: true, force: true });
process.stdout.write(renderCompileMarkdown(report));
writeReadme();

/** measureProject runs the three scenarios for one example with both compilers. */
async function measureProject(name) {
  const src = join(lib.examplesDir, name);
  const entry = { name, by: {} };
  if (!existsSync(src)) {
    entry.missing = `examples/${name} does not exist yet`;
    process.stderr.write(`compile: ${entry.missing}\n`);
    return entry;
  }
  for (const compiler of ["gc", "rog"]) {
    const base = join(scratch, `${name}-${compiler}`);
    const caches = {
      GOCACHE: join(base, "gocache"),
      ROG_CACHE: join(base, "rogcache"),
    };
    const copyA = join(base, "a");
    const copyB = join(base, "b");
    lib.copyTree(src, copyA);
    lib.copyTree(src, copyB);

    const times = {};
    times.cold = await timeBuild(compiler, copyA, caches);
    const edited = editLibraryBody(copyA);
    times.edit = edited
      ? { ...(await timeBuild(compiler, copyA, caches)), edited }
      : { ok: false, error: "no function body to edit" };
    times.fresh = await timeBuild(compiler, copyB, caches);
    entry.by[compiler] = times;
    for (const s of scenarios) {
      const t = times[s];
      process.stderr.write(
        `compile: ${name} ${compiler} ${s}: ` +
          (t.ok ? `${(t.ms / 1000).toFixed(2)} s` : `build failed: ${t.error}`) +
          "\n",
      );
    }
  }
  return entry;
}

/** timeBuild builds every main package of the copy into its bin/ and times it. */
async function timeBuild(compiler, dir, caches) {
  const out = join(dir, "bin") + "/";
  mkdirSync(out, { recursive: true });
  const hasMod = existsSync(join(dir, "go.mod"));
  let r;
  if (compiler === "gc") {
    // Without go.mod, go builds a list of files; -o with a trailing slash takes many mains.
    const what = hasMod ? ["./..."] : lib.goFiles(dir);
    const target = hasMod ? out : join(out, "main");
    r = await lib.measuredRun("go", ["build", "-o", target, ...what], {
      cwd: dir,
      env: lib.goEnv({ GOCACHE: caches.GOCACHE }),
    });
  } else {
    r = await lib.measuredRun(
      process.execPath,
      [join(lib.repoRoot, "bin", "rog.js"), "build", "-o", out, "./..."],
      {
        cwd: dir,
        env: {
          ...process.env,
          ROG_CACHE: caches.ROG_CACHE,
          ROG_BUILDDIR: join(dir, ".rog", "build"),
        },
      },
    );
  }
  const built = existsSync(out) && readdirSync(out).length > 0;
  const ok = r.code === 0 && built;
  const first = r.output.split("\n").find((l) => l.trim() !== "") ?? `exit status ${r.code}`;
  const cpuMs = r.cpuMs === undefined ? undefined : Math.round(r.cpuMs);
  return { ok, ms: Math.round(r.ms), cpuMs, error: ok ? undefined : first.trim() };
}

/**
 * editLibraryBody inserts a statement at the top of the first function body of a package other
 * than main (or of main when there is no other) and returns the edited file, relative to dir.
 */
function editLibraryBody(dir) {
  const files = goFilesUnder(dir);
  const isMain = (f) => /^package\s+main\b/m.test(readFileSync(f, "utf8"));
  const ordered = [...files.filter((f) => !isMain(f)), ...files.filter(isMain)];
  for (const file of ordered) {
    const lines = readFileSync(file, "utf8").split("\n");
    const at = lines.findIndex((l) => /^func .*\{\s*$/.test(l));
    if (at < 0) continue;
    lines.splice(at + 1, 0, "\t_ = 1 // bench: one-line body edit");
    writeFileSync(file, lines.join("\n"));
    return relative(dir, file);
  }
  return null;
}

function goFilesUnder(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith(".") && e.name !== "bin" && e.name !== "testdata") {
      out.push(...goFilesUnder(p));
    } else if (e.isFile() && e.name.endsWith(".go") && !e.name.endsWith("_test.go")) {
      out.push(p);
    }
  }
  return out.sort();
}
