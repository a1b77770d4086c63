// Static initialisation: which package variables become data, and what stays code in pkg.init.
// testdata/run/staticinit.go checks the values against gc's output.

import { describe, expect, test } from "vitest";
import { compileSources } from "./frontend.js";
import type { Body, GlobalInit, MirPackage } from "../mir.js";

function lower(src: string): MirPackage {
  return compileSources("main", [{ name: "x.go", text: src }]);
}

function initOf(pkg: MirPackage, sym: string): GlobalInit {
  const g = pkg.globals.find((x) => x.sym === sym);
  if (!g) throw new Error(`no global ${sym}`);
  return g.init;
}

/** calls lists the functions and runtime entry points a body calls. */
function calls(b: Body): string[] {
  return b.blocks.flatMap((bl) => {
    const c = bl.term.t === "call" ? bl.term.callee : null;
    return c && (c.c === "fn" || c.c === "rt") ? [c.sym] : [];
  });
}

describe("static initialisation", () => {
  const pkg = lower(`package main

type R struct{ Lo, Hi uint16 }
type T struct {
	R     []R
	N     int
	S     string
	next  *T
}

var v = 3
var table = &T{R: []R{{1, 2}, {3, 4}}, N: 2, S: "s", next: &T{N: 1}}
var addr = &v
var f = g
var dynamic = g()
var viaIface any = 1
var m = map[string]int{"a": 1}

func g() int { return 1 }

func main() {}
`);
  const init = pkg.bodies.find((b) => b.sym === "main.init")!;

  test("constants, literals, addresses and functions become data", () => {
    expect(initOf(pkg, "main.v")).toEqual({ g: "const", v: { c: "int", v: 3n } });
    expect(initOf(pkg, "main.addr")).toEqual({
      g: "const",
      v: { c: "sym", sym: "main.v", fn: false },
    });
    expect(initOf(pkg, "main.f")).toEqual({
      g: "const",
      v: { c: "sym", sym: "main.g·f", fn: false },
    });
    const table = initOf(pkg, "main.table");
    expect(table.g).toBe("const");
    const sym = table.g === "const" && table.v.c === "sym" ? table.v.sym : "";
    const t = initOf(pkg, sym);
    expect(t.g === "agg" && t.parts.length).toBe(4);
    // The slice points at a backing array of its own, with len and cap 2.
    const slice = t.g === "agg" ? t.parts[0] : null;
    expect(slice?.g === "agg" && slice.parts.slice(1)).toEqual([
      { g: "const", v: { c: "int", v: 2n } },
      { g: "const", v: { c: "int", v: 2n } },
    ]);
  });

  test("calls, interfaces and maps stay in pkg.init", () => {
    expect(initOf(pkg, "main.dynamic")).toEqual({ g: "zero" });
    expect(initOf(pkg, "main.viaIface")).toEqual({ g: "zero" });
    expect(initOf(pkg, "main.m")).toEqual({ g: "zero" });
    expect(calls(init)).toContain("main.g");
    expect(calls(init)).not.toContain("rog_alloc");
  });
});
