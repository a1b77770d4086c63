// The rog command line as a user meets it: help, unknown commands, env, version and check.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const rog = join(import.meta.dirname, "../../bin/rog.js");

function run(...args: string[]) {
  const r = spawnSync("node", [rog, ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("rog command line", () => {
  it("rejects an unknown command with exit status 2 and one line", () => {
    const r = run("frobnicate");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("rog frobnicate: unknown command\nRun 'rog help' for usage.\n");
  });

  it("prints usage with exit status 2 when no command is given", () => {
    const r = run();
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("\tbuild    compile packages and dependencies");
  });

  it("reports the version", () => {
    expect(run("version").stdout).toMatch(/^rog version \S+ linux\/amd64\n$/);
  });

  it("env shows clang 22, ld.lld 22 and a rustc built on LLVM 22", () => {
    const r = run("env");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^CLANG='\S*clang-22 22\.\d+\.\d+'$/m);
    expect(r.stdout).toMatch(/^LLD='\S*ld\.lld-22 22\.\d+\.\d+'$/m);
    expect(r.stdout).toMatch(/^RUSTC='\S*rustc \S+ LLVM 22\.\d+\.\d+'$/m);
    const goroot = execFileSync("go", ["env", "GOROOT"], { encoding: "utf8" }).trim();
    expect(r.stdout).toContain(`GOROOT='${goroot}'`);
  });

  it("env refuses a GOROOT that is not a Go installation", () => {
    const r = spawnSync("node", [rog, "env"], {
      encoding: "utf8",
      env: { ...process.env, ROG_GOROOT: "/nonexistent/go" },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      "GOROOT='' # rog: /nonexistent/go is not a Go installation (no src/)",
    );
  });

  it("checks the std packages that need the gc tag or rog's overlays clean", () => {
    // go/build and internal/goroot have only gc and gccgo variants; x/sys/cpu's cpuid is
    // declared by a gc file; the rest use overlay names (internal/abi, reflect, unique).
    const r = run(
      "check",
      "go/build",
      "internal/goroot",
      "vendor/golang.org/x/sys/cpu",
      "unique",
      "debug/gosym",
      "text/template",
      "internal/runtime/maps",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("check reports every error; --limit stops at gc's ten with too many errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "rog-cli-"));
    try {
      const body = Array.from({ length: 12 }, (_, i) => `\tvar _ int = "s${i}"`).join("\n");
      writeFileSync(join(dir, "e.go"), `package p\n\nfunc f() {\n${body}\n}\n`);
      const want = (i: number) =>
        `./e.go:${i + 4}:14: cannot use "s${i}" (untyped string constant) as int value in variable declaration`;
      const all = spawnSync("node", [rog, "check", "./e.go"], { cwd: dir, encoding: "utf8" });
      expect(all.status).toBe(1);
      const head = "# command-line-arguments\n";
      expect(all.stderr).toBe(head + Array.from({ length: 12 }, (_, i) => want(i) + "\n").join(""));
      const lim = spawnSync("node", [rog, "check", "--limit", "./e.go"], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(lim.status).toBe(1);
      const ten = Array.from({ length: 10 }, (_, i) => want(i) + "\n").join("");
      expect(lim.stderr).toBe(head + ten + "./e.go:13:14: too many errors\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("check puts operator errors where gc does (testdata/checkpos/gc.out is gc's -e output)", () => {
    const dir = join(import.meta.dirname, "testdata/checkpos");
    const r = spawnSync("node", [rog, "check", "./p.go"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(1);
    const gc = readFileSync(join(dir, "gc.out"), "utf8");
    expect(r.stderr).toBe("# command-line-arguments\n" + gc);
  });
});
