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

  test("byte tables become raw data, however long", () => {
    const n = 70000; // over MAX_ARRAY_PARTS, as nistec's 88,064-byte table
    const elems = Array.from({ length: n }, (_, i) => String(i % 251)).join(", ");
    const big = lower(`package main

var table = [...]byte{${elems}}
var holes = [6]int8{1: -1, 4: -128}
var slice = []byte{'a', 0xff, 7}
var sparse = [1 << 24]byte{1: 7}

func main() {}
`);
    const table = initOf(big, "main.table");
    expect(table.g === "bytes" && table.v.length).toBe(n);
    expect(table.g === "bytes" && [...table.v.slice(250, 253)]).toEqual([250, 0, 1]);
    expect(initOf(big, "main.holes")).toEqual({
      g: "bytes",
      v: Uint8Array.from([0, 255, 0, 0, 128, 0]),
    });
    const slice = initOf(big, "main.slice");
    const backing =
      slice.g === "agg" && slice.parts[0].g === "const" && slice.parts[0].v.c === "sym"
        ? slice.parts[0].v.sym
        : "";
    expect(initOf(big, backing)).toEqual({ g: "bytes", v: Uint8Array.from([97, 255, 7]) });
    // The zeros after the last element are not data.
    expect(initOf(big, "main.sparse")).toEqual({
      g: "bytes",
      v: Uint8Array.from([0, 7]),
      size: 1 << 24,
    });
    // pkg.init stores nothing: no statement per byte.
    const stmts = big.bodies
      .filter((b) => b.sym === "main.init")
      .flatMap((b) => b.blocks.flatMap((bl) => bl.stmts));
    expect(stmts.length).toBeLessThan(10);
  });
});
