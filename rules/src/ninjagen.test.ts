// Golden build.ninja files, one per example (rules/testdata/<example>.ninja); UPDATE_GOLDEN=1
// rewrites them. The goldens hold no path of this machine: the build directory is taken to be
// <example>/.rog/build, so sources appear relative to it, and GOROOT becomes <GOROOT>. Actions
// of std packages are left out (their file lists follow the installed Go's patch release).

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { goroot, projectRoot } from "../../toolchains/toolchain.js";
import { buildActionGraph } from "./graph.js";
import { loadPackages } from "./loader.js";
import { renderNinja } from "./ninjagen.js";

const examples = join(projectRoot(), "examples");
const goldens = join(projectRoot(), "rules", "testdata");

/** patternsFor builds a module's packages, or a loose directory's files. */
function patternsFor(dir: string): string[] {
  if (existsSync(join(dir, "go.mod"))) return ["./..."];
  return readdirSync(dir).filter((f) => f.endsWith(".go") && !f.endsWith("_test.go"));
}

function render(dir: string): string {
  const g = goroot();
  const packages = loadPackages(patternsFor(dir), {
    cwd: dir,
    goroot: g.goroot,
    gorootVersion: g.version,
  });
  const std = new Set(packages.packages.filter((p) => p.isStd).map((p) => p.importPath));
  const graph = buildActionGraph(packages, {
    buildDir: join(dir, ".rog", "build"),
    runtimeArchive: "/opt/rog/runtime-rs/librog_runtime.a",
    relativeRoot: dir,
  });
  graph.actions = graph.actions.filter((a) => a.kind === "link" || !std.has(a.target));
  const text = renderNinja(graph, { rogCommand: ["node", "/opt/rog/bin/rog.js"] });
  return text.split(g.goroot).join("<GOROOT>");
}

const names = readdirSync(examples).filter(
  (n) => existsSync(join(examples, n)) && !n.includes("."),
);

describe("golden build.ninja per example", () => {
  for (const name of names) {
    test(name, () => {
      const text = render(join(examples, name));
      const file = join(goldens, `${name}.ninja`);
      if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
        if (process.env.UPDATE_GOLDEN !== "1" && process.env.CI) {
          throw new Error(`missing golden ${file}: run with UPDATE_GOLDEN=1`);
        }
        writeFileSync(file, text);
      }
      expect(text).toBe(readFileSync(file, "utf8"));
      expect(text).not.toContain(projectRoot());
    });
  }
});
