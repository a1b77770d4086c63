// The back half of the pipeline on hand-built MIR: build, verify, round-trip through pkg.mir,
// emit LLVM, compile to ThinLTO bitcode, link with a stand-in runtime, run, compare output.

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FnBuilder } from "../mir/builder.js";
import { constInt, constStr, copy, place, type MirPackage } from "../mir/mir.js";
import { printPackage } from "../mir/print.js";
import { deserializeMir, serializeMir } from "../mir/serialize.js";
import { I64, BOOL, VOID, STRING } from "../mir/types.js";
import { verifyPackage } from "../mir/verify.js";
import { emitLLVM } from "./module.js";
import { buildAndRun, haveRuntime } from "./testutil.js";
import { CLANG, compileToBitcode, link } from "./toolchain.js";

const FAKE_RT = join(import.meta.dirname, "testdata", "fake_runtime.c");

function handBuilt(): MirPackage {
  // func add(a, b int) int { return a + b }
  const add = new FnBuilder("main.add", [I64, I64], I64, { file: "main.go", line: 3 });
  add.assign(place(0), { r: "bin", op: "+", a: copy(place(1)), b: copy(place(2)) });
  add.ret();

  // func main() { s := 0; for i := 0; i < 5; i++ { s += i }; println("hello", add(40, s-8), 7 > 3) }
  const m = new FnBuilder("main.main", [], VOID, { file: "main.go", line: 5 });
  m.line = 6;
  const s = m.local(STRING, "s");
  m.assign(place(s), { r: "use", op: constStr("hello") });
  const acc = m.local(I64, "s");
  const i = m.local(I64, "i");
  m.assign(place(acc), { r: "use", op: constInt(I64, 0) });
  m.assign(place(i), { r: "use", op: constInt(I64, 0) });
  const head = m.newBlock();
  const body = m.newBlock();
  const exit = m.newBlock();
  m.goto(head);
  m.setBlock(head);
  m.branch(m.temp({ r: "bin", op: "<", a: copy(place(i)), b: constInt(I64, 5) }), body, exit);
  m.setBlock(body);
  m.assign(place(acc), { r: "bin", op: "+", a: copy(place(acc)), b: copy(place(i)) });
  m.assign(place(i), { r: "bin", op: "+", a: copy(place(i)), b: constInt(I64, 1) });
  m.goto(head);
  m.setBlock(exit);
  const arg = m.temp({ r: "bin", op: "-", a: copy(place(acc)), b: constInt(I64, 8) });
  const sum = m.call({ c: "fn", sym: "main.add" }, [constInt(I64, 40), arg], I64)!;
  const gt = m.temp({ r: "bin", op: ">", a: constInt(I64, 7), b: constInt(I64, 3) });
  m.call({ c: "rt", sym: "rog_printlock" }, []);
  m.call({ c: "rt", sym: "rog_printstring" }, [
    copy(place(s, { p: "field", i: 0 })),
    copy(place(s, { p: "field", i: 1 })),
  ]);
  m.call({ c: "rt", sym: "rog_printsp" }, []);
  m.call({ c: "rt", sym: "rog_printint" }, [sum]);
  m.call({ c: "rt", sym: "rog_printsp" }, []);
  m.call({ c: "rt", sym: "rog_printbool" }, [gt]);
  m.call({ c: "rt", sym: "rog_printnl" }, []);
  m.call({ c: "rt", sym: "rog_printunlock" }, []);
  m.ret();

  const init = new FnBuilder("main.init", [], VOID);
  init.ret();
  void BOOL;
  return { path: "main", globals: [], bodies: [add.finish(), m.finish(), init.finish()] };
}

describe("hand-built MIR", () => {
  it("verifies, prints and round-trips through pkg.mir", () => {
    const pkg = handBuilt();
    verifyPackage(pkg);
    const bytes = serializeMir(pkg);
    const back = deserializeMir(bytes);
    expect(printPackage(back)).toBe(printPackage(pkg));
    expect(serializeMir(back)).toEqual(bytes);
    expect(printPackage(pkg)).toContain("_0 = _1 + _2;");
  });

  it("puts a safepoint on the loop back-edge", () => {
    const ll = emitLLVM(handBuilt());
    // One poll per iteration, and a slow path that preserves every register.
    expect(ll.match(/load atomic i32, ptr @rog_preempt_requested monotonic/g)).toHaveLength(1);
    expect(ll).toContain('call preserve_allcc void @"rog.preempt_slow"()');
    expect(ll).toContain("call void @rog_preempt()");
  });

  it("compiles, links and runs", () => {
    const dir = mkdtempSync(join(tmpdir(), "rog-cg-"));
    const ll = emitLLVM(handBuilt());
    expect(emitLLVM(handBuilt())).toBe(ll);
    const bc = join(dir, "main.bc");
    writeFileSync(bc, compileToBitcode(ll));
    const rt = join(dir, "rt.o");
    const cc = spawnSync(CLANG, ["-c", "-O2", "-flto=thin", FAKE_RT, "-o", rt]);
    expect(cc.status, cc.stderr?.toString()).toBe(0);
    const exe = join(dir, "a.out");
    link({
      out: exe,
      bitcode: [bc],
      initOrder: ["main"],
      runtime: "",
      thinltoCache: "",
      extra: [rt],
    });
    const r = spawnSync(exe);
    expect(r.stderr.toString()).toBe("hello 42 true\n");
    expect(r.status).toBe(0);
  });

  it.skipIf(!haveRuntime())("runs with the Rust runtime", () => {
    const r = buildAndRun([handBuilt()]);
    expect(r.stderr).toBe("hello 42 true\n");
    expect(r.status).toBe(0);
  });
});
