// The Bazel rules under a real Bazel (Debian's 4.2), analysis only: `rog gen bazel` on
// rules/bazel/testdata/stdmod, then `bazel aquery` of its program. Bazel's actions must be
// Ninja's: a RogCheck/RogOpt/RogCodegen per package the loader finds (std packages from
// @rog_std, overlays included), opt reading every transitive dependency's export data, and the
// runtime archive from its cargo action. Building and running everything (and the remote cache)
// takes minutes and is left to rules/bazel/scripts/e2e.sh.

import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { goroot, projectRoot } from "../../toolchains/toolchain.js";
import { writeBazel } from "./bazelgen.js";
import { loadPackages } from "./loader.js";

const repo = projectRoot();
const haveBazel = spawnSync("bazel", ["--version"], { encoding: "utf8" }).status === 0;
const tmp = mkdtempSync(join(tmpdir(), "rog-bazel-"));
const ws = join(tmp, "stdmod");
const bazel = (...args: string[]) =>
  spawnSync("bazel", [`--output_base=${join(tmp, "base")}`, ...args], {
    cwd: ws,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
afterAll(() => {
  if (haveBazel) bazel("shutdown");
  rmSync(tmp, { recursive: true, force: true });
});

interface Action {
  mnemonic: string;
  arguments: string[];
}

describe.skipIf(!haveBazel)("the Bazel rules (analysis)", () => {
  test("a std-importing program: Bazel plans the actions Ninja runs", () => {
    cpSync(join(repo, "rules", "bazel", "testdata", "stdmod"), ws, { recursive: true });
    const g = goroot();
    writeBazel(ws, { rogRoot: repo, goroot: g.goroot, gorootVersion: g.version });
    const r = bazel("aquery", "--output=jsonproto", "deps(//cmd/stdprog:stdprog)");
    expect(r.status, r.stderr).toBe(0);
    const actions: Action[] = JSON.parse(r.stdout).actions;
    const flag = (a: Action, name: string) =>
      a.arguments.flatMap((x, i) => (a.arguments[i - 1] === name ? [x] : []));
    const targets = (mnemonic: string) =>
      actions
        .filter((a) => a.mnemonic === mnemonic)
        .map((a) => flag(a, "--importpath")[0])
        .sort();

    const graph = loadPackages(["./cmd/stdprog"], {
      cwd: ws,
      goroot: g.goroot,
      gorootVersion: g.version,
    });
    const packages = graph.packages.map((p) => p.importPath).filter((p) => p !== "unsafe");
    expect(targets("RogCheck")).toEqual([...packages].sort());
    expect(targets("RogOpt")).toEqual([...packages].sort());
    expect(targets("RogCodegen")).toEqual([...packages].sort());

    // Std packages are checked as std, user packages are not.
    const check = (p: string) =>
      actions.find((a) => a.mnemonic === "RogCheck" && flag(a, "--importpath")[0] === p)!;
    expect(check("errors").arguments).toContain("--std");
    expect(check("example.com/stdmod/lib/count").arguments).not.toContain("--std");
    // internal/abi is an overlay package: its sources are runtime-rs/overlay's, linked from
    // the std repository.
    const abi = flag(check("internal/abi"), "--src");
    expect(abi.length).toBeGreaterThan(0);
    for (const src of abi) expect(src).toMatch(/^external\/rog_std\/internal\/abi\/[^/]+\.go$/);
    const overlay = join(repo, "runtime-rs", "overlay", "internal", "abi");
    expect(readdirSync(overlay).filter((f) => f.endsWith(".go"))).toEqual(
      expect.arrayContaining(abi.map((s) => s.split("/").pop())),
    );

    // opt reads every transitive dependency's bodies and export data; the link takes the
    // packages in the loader's order, main last, and the archive the cargo action builds.
    const opt = actions.find(
      (a) =>
        a.mnemonic === "RogOpt" && flag(a, "--importpath")[0] === "example.com/stdmod/lib/count",
    )!;
    const below = graph.packages.filter((p) =>
      ["errors", "internal/abi", "sync/atomic", "unicode/utf8"].includes(p.importPath),
    );
    expect(below.length).toBe(4);
    for (const p of below) {
      expect(flag(opt, "--import").some((x) => x.startsWith(`${p.importPath}=`))).toBe(true);
      expect(flag(opt, "--body").some((x) => x.startsWith(`${p.importPath}=`))).toBe(true);
    }
    const link = actions.find((a) => a.mnemonic === "RogLink")!;
    expect(flag(link, "--pkg").map((x) => x.split("=")[0])).toEqual(packages);
    expect(flag(link, "--runtime")[0]).toMatch(/\/rules\/bazel\/runtime\/librog_runtime\.a$/);
    const runtime = actions.filter((a) => a.mnemonic === "RogRuntime");
    expect(runtime.length).toBe(1);
    expect(runtime[0].arguments[0]).toMatch(/toolchains\/build-runtime\.sh$/);
  }, 600_000);
});
