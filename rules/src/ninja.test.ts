import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { escapePath, escapeValue, NinjaWriter, shellJoin, shellQuote } from "./ninja.js";

describe("escaping", () => {
  test("paths: $, space, colon and newline are special; | goes through a variable", () => {
    expect(escapePath("a b")).toBe("a$ b");
    expect(escapePath("c:d")).toBe("c$:d");
    expect(escapePath("$x")).toBe("$$x");
    expect(escapePath("p|q")).toBe("p${rog_pipe}q");
    expect(escapePath("plain/path-1.go")).toBe("plain/path-1.go");
    expect(() => escapePath("a\nb")).toThrow();
  });

  test("values: only $ and leading spaces", () => {
    expect(escapeValue("a b: c")).toBe("a b: c");
    expect(escapeValue("$in")).toBe("$$in");
    expect(escapeValue("  x")).toBe("$ $ x");
    expect(() => escapeValue("a\nb")).toThrow();
  });

  test("shell quoting", () => {
    expect(shellQuote("pkg/a@.rogx")).toBe("pkg/a@.rogx");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote("$HOME")).toBe("'$HOME'");
    expect(shellQuote("")).toBe("''");
    expect(shellJoin(["--src", "x y.go"])).toBe("--src 'x y.go'");
  });
});

describe("NinjaWriter", () => {
  test("pools, rules, implicit outputs, implicit and order-only inputs, restat", () => {
    const w = new NinjaWriter();
    w.comment("header").variable("v", "1 $x").pool("link_pool", 1);
    w.rule("cc", {
      command: "cc $flags",
      description: "cc $target",
      restat: true,
      pool: "link_pool",
    });
    w.build({
      rule: "cc",
      outputs: ["out 1.o"],
      implicitOutputs: ["out.d", "c:x"],
      inputs: ["in.c"],
      implicit: ["dep.h"],
      orderOnly: ["gen"],
      vars: { flags: "-o 'out 1.o'", target: "t$" },
    });
    w.defaults(["out 1.o"]);
    expect(w.toString()).toBe(
      [
        "# header",
        "v = 1 $$x",
        "pool link_pool",
        "  depth = 1",
        "rule cc",
        "  command = cc $flags",
        "  description = cc $target",
        "  pool = link_pool",
        "  restat = 1",
        "build out$ 1.o | out.d c$:x: cc in.c | dep.h || gen",
        "  flags = -o 'out 1.o'",
        "  target = t$$",
        "default out$ 1.o",
        "",
      ].join("\n"),
    );
  });

  test("names are checked", () => {
    expect(() => new NinjaWriter().rule("bad name", { command: "x" })).toThrow();
    expect(() => new NinjaWriter().pool("p", -1)).toThrow();
    expect(() => new NinjaWriter().build({ rule: "r", outputs: [] })).toThrow();
  });
});

describe("ninja reads what the writer writes", () => {
  const dir = mkdtempSync(join(tmpdir(), "rog-ninja-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("paths with spaces, $, : and | build and stay up to date", () => {
    const names = ["plain", "with space", "dollar$sign", "co:lon", "pi|pe", "all $: |"];
    const w = new NinjaWriter().comment("test");
    w.rule("copy", { command: "cp $flags", description: "copy $target", restat: true });
    w.pool("one", 1);
    for (const n of names) {
      writeFileSync(join(dir, `${n}.in`), n);
      w.build({
        rule: "copy",
        outputs: [`${n}.out`],
        inputs: [`${n}.in`],
        vars: { flags: shellJoin([`${n}.in`, `${n}.out`]), target: n },
      });
    }
    writeFileSync(join(dir, "build.ninja"), w.toString());

    const targets = execFileSync("ninja", ["-C", dir, "-t", "targets", "all"], {
      encoding: "utf8",
    });
    for (const n of names) expect(targets).toContain(`${n}.out: copy`);
    execFileSync("ninja", ["-C", dir], { encoding: "utf8" });
    for (const n of names) expect(readFileSync(join(dir, `${n}.out`), "utf8")).toBe(n);
    const again = execFileSync("ninja", ["-C", dir], { encoding: "utf8" });
    expect(again).toContain("no work to do");
  });
});
