// `rog parse`: walking directories, sorted diagnostics, exit statuses and --stats.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { command } from "../driver/cmd_parse.js";
import { UsageError } from "../diag.js";

const dir = mkdtempSync(path.join(tmpdir(), "rog-parse-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await command.run(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe("rog parse", () => {
  write("ok/a.go", "package a\n\nfunc A() {}\n");
  write("ok/testdata/bad.go", "package\n");
  write("ok/_skip/bad.go", "package\n");
  write("ok/notes.txt", "not go\n");
  write("bad/z.go", "package z\nvar = 1\n");
  write("bad/a.go", "package a\nfunc f() {\n\tx :=\n}\n");

  it("is silent and succeeds on good files, skipping testdata and non-Go files", async () => {
    expect(await run([path.join(dir, "ok")])).toEqual({ code: 0, out: "", err: "" });
  });

  it("reports errors in file order and exits 1", async () => {
    const r = await run([path.join(dir, "bad")]);
    expect(r.code).toBe(1);
    const lines = r.err.trimEnd().split("\n");
    expect(lines.map((l) => l.replace(/^.*\//, ""))).toEqual([
      "a.go:4:1: syntax error: unexpected }, expected expression",
      "z.go:2:5: syntax error: unexpected =, expected name",
    ]);
  });

  it("prints statistics", async () => {
    const r = await run(["--stats", path.join(dir, "ok")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1 files, 3 lines, \d+ ms\n$/);
  });

  it("rejects bad flags as a usage error", async () => {
    await expect(run(["--nope"])).rejects.toBeInstanceOf(UsageError);
    await expect(run([])).rejects.toMatchObject({ exitCode: 2 });
  });
});
