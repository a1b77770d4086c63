// Escape analysis: which allocations move to the stack, and the summaries callers see. The
// programs' behaviour with the pass on is checked against gc's output by
// compiler/mir/testdata/run/escape.go.

import { describe, expect, test } from "vitest";
import { optimize } from "../compile.js";
import { compileSources } from "../lower/frontend.js";
import type { MirPackage } from "../mir.js";
import { escapePackage } from "./escape.js";

function heapAllocs(pkg: MirPackage, sym: string): number {
  const body = pkg.bodies.find((b) => b.sym === sym);
  if (!body) throw new Error(`no body ${sym}`);
  return body.blocks.filter(
    (b) => b.term.t === "call" && b.term.callee.c === "rt" && b.term.callee.sym === "rog_alloc",
  ).length;
}

function build(src: string): MirPackage {
  return optimize(compileSources("main", [{ name: "x.go", text: src }]), new Map(), {
    verify: true,
  });
}

describe("allocations", () => {
  const pkg = build(`package main

type T struct{ a, b int; p *int }

var global *int
var sink *T

func sum(p *T) int { return p.a + p.b }
func keep(p *int) { global = p }
func id(p *int) *int { return p }
func set(dst **int, v *int) { *dst = v }
func load(pp **int) int { return **pp }

// Stays: a local used in place, a composite literal read by a callee, an array sliced locally.
func local() int {
	x := 5
	q := &x
	*q = 7
	t := &T{a: 1, b: 2}
	var buf [64]byte
	b := buf[:0]
	b = append(b, 'x')
	return sum(t) + x + len(b)
}

// Escapes: stored in a global, returned, kept by a callee, stored through a parameter.
func escapes(dst **int) *T {
	a, b, c := 1, 2, 3
	global = &a
	keep(&b)
	set(dst, &c)
	return &T{}
}

// Returned through an identity function: escapes; loaded through a pointer to a pointer: stays.
func through() *int {
	x, y := 1, 2
	p := &y
	_ = load(&p)
	return id(&x)
}

// In a loop: a fresh object each iteration that nothing keeps may reuse one slot; one that a
// list built across iterations keeps may not.
type node struct{ next *node; v int }

func loops(n int) (int, *node) {
	total := 0
	for i := 0; i < n; i++ {
		t := &T{a: i}
		total += sum(t)
	}
	var head *node
	for i := 0; i < n; i++ {
		head = &node{next: head, v: i}
	}
	var list [4]*int
	for i := range list {
		v := i
		list[i] = &v
	}
	return total + *list[0], head
}

// A pointer stored into a stack object that escapes escapes with it.
func nested() {
	x := 1
	t := &T{p: &x}
	sink = t
}

// Calling a func value lets go of what the closure holds, not of the closure object.
var saved func()

//go:noinline
func call(f func()) { f() }
func save(f func()) { saved = f }
func callInline(f func()) { f() }

func callsStay() {
	y := 2
	call(func() { println(y) })
}

func keptEscapes() {
	y := 2
	save(func() { println(y) })
}

func cellWritten() {
	y := 2
	call(func() { y++ })
}

func cellLeaks() {
	y := 2
	call(func() { global = &y })
}

// callInline is inlined (it calls its func parameter): the closure is called directly, and
// neither it nor y's cell is left on the heap.
func callsInlined() {
	y := 2
	callInline(func() { y++ })
	println(y)
}

// A deferred call's closure object is its defer record: the frame keeps it unless the defer
// runs in a loop (every iteration's call stays pending until the function returns).
type mutex struct{ n int }

func (m *mutex) unlock() { m.n-- }

func deferOnce(m *mutex) {
	m.n++
	defer m.unlock()
}

func deferLoop(m *mutex) {
	for i := 0; i < 3; i++ {
		defer m.unlock()
	}
}

func main() {
	var p *int
	var m mutex
	deferOnce(&m)
	deferLoop(&m)
	callsStay()
	callsInlined()
	keptEscapes()
	cellWritten()
	cellLeaks()
	println(local(), escapes(&p) != nil, *through())
	t, h := loops(3)
	println(t, h.v)
	nested()
}
`);

  test.each([
    ["main.local", 0],
    ["main.escapes", 4],
    ["main.through", 1],
    // the T in the first loop moves; each node and each v in list stays on the heap.
    ["main.loops", 2],
    ["main.nested", 2],
    // Closures copy variables that never change (callsStay, keptEscapes) and share the others
    // in cells. A call of a func value lets go of the cell only if the closure's code does
    // (cellLeaks), as its maker sees from the code's summary; the closure object stays unless
    // a global keeps it (keptEscapes: only the object goes, holding y's value).
    ["main.callsStay", 0],
    ["main.keptEscapes", 1],
    ["main.cellWritten", 0],
    ["main.cellLeaks", 1],
    ["main.callsInlined", 0],
    ["main.deferOnce", 0],
    ["main.deferLoop", 1],
  ])("%s keeps %i on the heap", (sym, n) => {
    expect(heapAllocs(pkg, sym)).toBe(n);
  });
});

describe("summaries", () => {
  test("tags say where each parameter goes", () => {
    const pkg = compileSources("main", [
      {
        name: "x.go",
        text: `package main

var g *int

func none(p *int) int { return *p }
func heap(p *int) { g = p }
func result(p *int) *int { return p }
func resultBelow(pp **int) *int { return *pp }
func content(pp **int) { g = *pp }
func written(pp **int) { *pp = new(int) }
type node struct{ next *node; buf []byte }
func shrink(n *node) { n.buf = n.buf[1:] }
func self(n *node) { n.next = n }
var gs []*int
func copied(x []*int) { copy(gs, x) }
func main() {}
`,
      },
    ]);
    const s = escapePackage(pkg);
    const tag = (sym: string) => {
      const t = s.get(sym)![0];
      return [t.heap, t.content, t.result, t.resultTop, t.written, t.writtenTop]
        .map((b) => (b ? 1 : 0))
        .join("");
    };
    expect(tag("main.none")).toBe("000000");
    expect(tag("main.heap")).toBe("110000");
    expect(tag("main.result")).toBe("001100");
    expect(tag("main.resultBelow")).toBe("001000");
    expect(tag("main.content")).toBe("010000");
    expect(tag("main.written")).toBe("000010");
    // Storing back what the argument reaches below it rearranges objects within what the
    // caller sees the argument reach: not written (strconv's dboxDigits, `d.d = d.d[i:]`).
    // Storing the argument itself is.
    expect(tag("main.shrink")).toBe("000000");
    expect(tag("main.self")).toBe("000011");
    // A local that holds a pointer to the heap (here a global's array) takes what is copied in.
    expect(tag("main.copied")).toBe("010000");
  });
});
