// Tests of `rog gen bazel` (bazelgen.ts): golden BUILD files for examples/monorepo, idempotence
// (a second run writes nothing), hand-written files left alone, test targets from _test.go
// files, and the error for imports from outside the module. The Bazel build itself is checked by
// rules/bazel/scripts/e2e.sh (too slow for this suite).

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { goroot, projectRoot } from "../../toolchains/toolchain.js";
import {
  generateBazel,
  GENERATED_HEADER,
  sortLabels,
  workspaceName,
  writeBazel,
} from "./bazelgen.js";

const repo = projectRoot();
const goldenDir = join(repo, "rules", "testdata", "bazel");
const tmp = mkdtempSync(join(tmpdir(), "rog-bazelgen-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function opts() {
  const g = goroot();
  return { rogRoot: repo, goroot: g.goroot, gorootVersion: g.version };
}

/** module writes a small module of the given files into a fresh directory. */
function module(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("rog gen bazel", () => {
  test("examples/monorepo matches the goldens", () => {
    const files = generateBazel(join(repo, "examples", "monorepo"), opts());
    expect([...files.keys()]).toEqual([
      ".bazelrc",
      "WORKSPACE",
      "cmd/app/BUILD.bazel",
      "lib/leaf/BUILD.bazel",
      "lib/mid/BUILD.bazel",
    ]);
    for (const [path, content] of files) {
      const golden = join(goldenDir, "monorepo", path);
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(join(golden, ".."), { recursive: true });
        writeFileSync(golden, content);
      }
      expect(content, path).toBe(readFileSync(golden, "utf8"));
    }
  });

  test("a second run writes nothing; hand-written files are left alone", () => {
    const dir = join(tmp, "mono");
    cpSync(join(repo, "examples", "monorepo"), dir, {
      recursive: true,
      filter: (p) => !p.includes("/.rog"),
    });
    writeFileSync(join(dir, ".bazelrc"), "build --jobs=1\n");
    const first = writeBazel(dir, opts());
    expect(first.written).toEqual([
      "WORKSPACE",
      "cmd/app/BUILD.bazel",
      "lib/leaf/BUILD.bazel",
      "lib/mid/BUILD.bazel",
    ]);
    expect(first.foreign).toEqual([".bazelrc"]);
    const second = writeBazel(join(dir, "lib"), opts());
    expect(second.written).toEqual([]);
    expect(second.unchanged.length).toBe(4);
    expect(readFileSync(join(dir, ".bazelrc"), "utf8")).toBe("build --jobs=1\n");
    // The checkout lies outside the copy, so the WORKSPACE names it by its absolute path.
    expect(readFileSync(join(dir, "WORKSPACE"), "utf8")).toContain(
      `path = ${JSON.stringify(repo)}`,
    );
  });

  test("tests: a program with expected.out, internal and external _test.go files", () => {
    const dir = module("withtests", {
      "go.mod": "module example.com/t\n\ngo 1.21\n",
      "cmd/tool/main.go": 'package main\n\nimport "example.com/t/pkg/a"\n\nfunc main() { a.F() }\n',
      "cmd/tool/expected.out": "",
      "pkg/a/a.go": "package a\n\nfunc F() {}\n",
      "pkg/a/a_test.go": 'package a\n\nimport "testing"\n\nfunc TestF(t *testing.T) { F() }\n',
      "pkg/a/x_test.go": 'package a_test\n\nimport "example.com/t/pkg/a"\n\nvar _ = a.F\n',
      "pkg/a/skip_windows_test.go": "package a\n",
    });
    const files = generateBazel(dir, opts());
    const tool = files.get("cmd/tool/BUILD.bazel")!;
    expect(tool).toContain('rog_binary(\n    name = "tool",');
    expect(tool).toContain('    deps = ["//pkg/a"],');
    expect(tool).toContain(
      'rog_test(\n    name = "tool_test",\n    embed = [":tool"],\n    expected_output = "expected.out",\n)',
    );
    const a = files.get("pkg/a/BUILD.bazel")!;
    expect(a).toContain('    name = "a_test",\n    srcs = ["a_test.go"],\n    embed = [":a"],');
    expect(a).toContain('    name = "a_external_test",\n    srcs = ["x_test.go"],');
    expect(a).toContain('importpath = "example.com/t/pkg/a_test"');
    expect(a).toContain('    deps = [":a"],');
    expect(a).not.toContain("skip_windows_test.go");
    expect(a.match(/tags = \["manual"\]/g)?.length).toBe(2);
    expect(a.startsWith(GENERATED_HEADER)).toBe(true);
  });

  test("std imports are targets of @rog_std, sorted as buildifier sorts labels", () => {
    const dir = module("usesstd", {
      "go.mod": "module example.com/s\n\ngo 1.22\n",
      "lib/lib.go": "package lib\n",
      "main.go":
        'package main\n\nimport (\n\t"errors"\n\t"math/bits"\n\n\t"example.com/s/lib"\n)\n\n' +
        "var _, _ = errors.New, bits.Len\n\nfunc main() { _ = lib.X }\n",
      "main_test.go": 'package main\n\nimport (\n\t"strings"\n\t"testing"\n)\n',
    });
    const build = generateBazel(dir, opts()).get("BUILD.bazel")!;
    expect(build).toContain(
      '    deps = [\n        "//lib",\n        "@rog_std//errors",\n        "@rog_std//math/bits",\n    ],\n',
    );
    expect(build).toContain(
      "# Go tests need a generated test main (rog test): not supported yet, so this target is manual.\n",
    );
    expect(build).toContain(
      '    deps = [\n        "@rog_std//strings",\n        "@rog_std//testing",\n    ],\n',
    );
  });

  test("labels sort as buildifier sorts them", () => {
    expect(
      sortLabels(["@r//math/bits", "//lib/count", ":b", "@r//math", "//lib:c", "@r//errors"]),
    ).toEqual([":b", "//lib:c", "//lib/count", "@r//errors", "@r//math", "@r//math/bits"]);
  });

  test("workspace names", () => {
    expect(workspaceName("example.com/monorepo")).toBe("example.com_monorepo");
    expect(workspaceName("1x/y")).toBe("m_1x_y");
  });
});
