// Inlining: which calls are replaced, what the inlined code becomes, what a package exports for
// its dependents. Programs built with the pass are checked against gc's output by
// compiler/mir/testdata/runmod/inlinealloc.

import { describe, expect, test } from "vitest";
import { optimize } from "../compile.js";
import { compileSources } from "../lower/frontend.js";
import type { Body, MirPackage } from "../mir.js";
import { decodeInline, newImported, splitEsc } from "./inline.js";

function build(src: string, imported = newImported()): { pkg: MirPackage; inline: Uint8Array } {
  let inline = new Uint8Array();
  const pkg = optimize(compileSources("p", [{ name: "x.go", text: src }]), new Map(), {
    verify: true,
    imported,
    inlineOut: (b) => (inline = b),
  });
  return { pkg, inline };
}

function body(pkg: MirPackage, sym: string): Body {
  const b = pkg.bodies.find((x) => x.sym === sym);
  if (!b) throw new Error(`no body ${sym}`);
  return b;
}

/** calls lists the Go functions and runtime entries a body calls. */
function calls(b: Body): string[] {
  return b.blocks.flatMap((blk) =>
    blk.term.t === "call" && blk.term.callee.c !== "closure" && blk.term.callee.c !== "ptr"
      ? [blk.term.callee.sym]
      : [],
  );
}

const SRC = `package p

type T struct {
	a, b int
	next *T
}

func NewT(a int) *T { return &T{a, a + 1, nil} }

func Wrap(a int) *T { return NewT(a * 2) }

//go:noinline
func Kept(a int) *T { return &T{a, a, nil} }

func Plain(a int) int { return a + 1 }

func Use(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += NewT(i).b + Wrap(i).a + Kept(i).a + Plain(i)
	}
	return s
}
`;

describe("inlining", () => {
  const { pkg, inline } = build(SRC);

  test("small allocating callees are inlined, and their allocations then stay in the frame", () => {
    const use = body(pkg, "p.Use");
    // No rog_alloc is left: escape analysis gave the inlined allocations frame slots.
    expect(calls(use).sort()).toEqual(["p.Kept", "p.Plain"]);
    expect(use.scopes?.map((s) => s.sym).sort()).toEqual(["p.NewT", "p.NewT", "p.Wrap"]);
    // Wrap's NewT is a scope nested in Wrap's.
    const nested = use.scopes!.find((s) => s.parent >= 0)!;
    expect(use.scopes![nested.parent].sym).toBe("p.Wrap");
  });

  test("//go:noinline bodies and bodies without allocations are called", () => {
    expect(body(pkg, "p.Kept").noinline).toBe(true);
    expect(calls(body(pkg, "p.Kept"))).toEqual(["rog_alloc"]);
  });

  test("the package exports its candidates, and a dependent inlines them", () => {
    const [sums, section] = splitEsc(
      new Uint8Array([...new TextEncoder().encode("rogesc 4\n"), ...inline]),
    );
    expect(new TextDecoder().decode(sums)).toBe("rogesc 4\n");
    const imported = newImported();
    decodeInline(section!, imported);
    expect([...imported.bodies.keys()].sort()).toEqual(["p.NewT", "p.Wrap"]);
    // q calls p.NewT by its symbol (a linkname stands in for the import).
    const dep = optimize(
      compileSources("q", [
        {
          name: "y.go",
          text: `package q

import _ "unsafe"

//go:linkname newT p.NewT
func newT(a int) *struct {
	a, b int
	next *int
}

func F() int { return newT(1).b }
`,
        },
      ]),
      new Map(),
      { verify: true, imported },
    );
    expect(calls(body(dep, "q.F"))).toEqual([]);
    expect(body(dep, "q.F").scopes?.map((s) => s.sym)).toEqual(["p.NewT"]);
    // The allocation's descriptor (and the pointer bitmap it names) travel with NewT.
    expect(dep.globals.map((g) => `${g.sym} ${g.linkage}`).sort()).toEqual([
      "gcbits:04 linkonce_odr",
      "type:.shape.{i64, i64, ptr} linkonce_odr",
    ]);
  });
});
