// Range over functions (Go spec "For statements with range clause", Go 1.23): the loop body
// becomes a synthesised yield function `func(K, V) bool` that the iterator calls once per
// element. The body lives in its own MIR function; everything it shares with the enclosing
// function goes through heap cells, as for a function literal:
//
//   - the variables it uses that are declared outside it;
//   - the enclosing function's result variables (a `return` in the body stores them);
//   - #state, which enforces the protocol (a yield called after it returned false, or after
//     the loop ended, panics with gc's runtime error);
//   - #exit, which says what the body did when it returned false: 0 plain break, 1 return
//     from the enclosing function, 2+2k / 3+2k break / continue to enclosing target k.
//
// After the iterator returns, the enclosing function acts on #exit. When the enclosing
// function is itself a loop body, its targets are again blocks that propagate outwards, so
// nesting needs nothing more.

import type * as ast from "../../syntax/ast.js";
import type { Var } from "../../types/object.js";
import { Signature, type Type } from "../../types/type.js";
import { constInt, copy, place, type BlockId, type LocalId, type Operand } from "../mir.js";
import { BOOL, I64, PTR, VOID, type MirType } from "../types.js";
import { lowerExpr } from "./expr.js";
import { derefPlace, FuncLowerer, type Target } from "./func.js";
import { mirType, under } from "./gotypes.js";
import { heapVars, rangeFuncCaptures, walk } from "./scan.js";

/** The states of a range-over-func loop, numbered as gc's abi.RF_State. */
const DONE = 0n;
const READY = 1n;
const PANIC = 2n;
const EXHAUSTED = 3n;
const MISSING_PANIC = 4n;

/** RangeBody is what a FuncLowerer lowering a loop body knows about its loop. */
export interface RangeBody {
  state: LocalId;
  exit: LocalId;
  /** results are the real function's result variables (bound to cells here). */
  results: Var[];
  resultTypes: Type[];
}

/**
 * rangeFunc lowers `for k, v := range f { body }` where f is a function: f(yield), with the
 * body lowered into yield.
 */
export function rangeFunc(
  fl: FuncLowerer,
  s: ast.RangeStmt,
  label: string | null,
  bindVars: (inner: FuncLowerer, params: Operand[]) => void,
): void {
  const iterSig = under(fl.typeOf(s.x)) as Signature;
  const yieldSig = under(iterSig.params.vars[0].type) as Signature;
  checkSupported(fl, s);
  const fv = fl.temp({ r: "use", op: lowerExpr(fl, s.x) });

  const state = cellOf(fl, READY);
  const exit = cellOf(fl, 0n);
  const root = fl.range ?? null;
  const results = root ? root.results : fl.results;
  const resultTypes = root ? root.resultTypes : fl.resultTypes;
  const returns = containsReturn(s.body);
  const resultCaps = returns ? results : [];
  const caps = rangeFuncCaptures(s, fl.info, fl.file.source.filename);

  const sym = fl.nextName("range");
  const linkage = fl.nestedLinkage();
  const inner = new FuncLowerer(fl.pl, fl.file, sym, null, yieldSig, true, fl.subst, linkage);
  inner.b.line = fl.lineOf(s.pos);
  inner.namer = fl.namer;
  inner.heap = heapVars(s.body, fl.info, fl.file.source.filename, inner.byValue);

  // The closure object: {code, #state, #exit, cell of each captured variable and result}.
  const shared = [...caps, ...resultCaps.filter((v) => !caps.includes(v))];
  const objTy: MirType = { k: "struct", fields: [PTR, PTR, PTR, ...shared.map(() => PTR)] };
  const ctxField = (i: number) => {
    const l = inner.b.local(PTR);
    inner.store(place(l), copy(place(inner.b.ctx, { p: "deref", ty: objTy }, { p: "field", i })));
    return l;
  };
  const innerState = ctxField(1);
  const innerExit = ctxField(2);
  shared.forEach((v, i) => {
    inner.slots.set(v, { k: "cell", ptr: ctxField(i + 3), ty: mirType(fl.varType(v)) });
  });
  inner.range = { state: innerState, exit: innerExit, results, resultTypes };

  // Entry: a yield called when the loop is not ready panics; while the body runs the state is
  // PANIC, so that an iterator that recovers a body panic and goes on is caught too.
  panicIf(inner, innerState, "!=", READY, null);
  inner.store(cellPlace(innerState), constInt(I64, PANIC));

  const params = yieldSig.params.vars.map((_, i) => copy(place(inner.b.param(i))));
  bindVars(inner, params);

  // Where the body goes: continue returns true, break returns false, and leaving for an
  // enclosing target returns false with that target's code in #exit.
  const leave = (code: bigint | null, more: boolean): BlockId => {
    const blk = inner.b.newBlock();
    const save = inner.b.cur;
    inner.b.setBlock(blk);
    leaveBody(inner, code, more);
    inner.b.setBlock(save);
    return blk;
  };
  const outerTargets = fl.targets;
  outerTargets.forEach((t, k) => {
    inner.targets.push({
      label: t.label,
      breakTo: leave(BigInt(2 + 2 * k), false),
      continueTo: t.continueTo === null ? null : leave(BigInt(3 + 2 * k), false),
    });
  });
  const cont = leave(null, true);
  inner.targets.push({ label, breakTo: leave(null, false), continueTo: cont });
  inner.lowerRangeBody(s.body, cont);

  // The call: f(yield).
  const obj = fl.alloc(objTy);
  const ops: Operand[] = [
    { o: "const", ty: PTR, v: { c: "sym", sym, fn: true } },
    copy(place(state)),
    copy(place(exit)),
  ];
  for (const v of shared) {
    const slot = fl.slots.get(v);
    if (!slot || slot.k !== "cell") return fl.unsupported(s, `sharing ${v.name || "a result"}`);
    ops.push(copy(place(slot.ptr)));
  }
  fl.b.assign(derefPlace(obj, objTy), { r: "agg", ty: objTy, ops });
  fl.at(s);
  fl.nilCheck(fv);
  fl.b.call({ c: "closure", fv }, [obj]);

  // The iterator returned: it must not have swallowed a body panic; the loop is over.
  panicIf(fl, state, "==", PANIC, MISSING_PANIC);
  fl.store(cellPlace(state), constInt(I64, EXHAUSTED));

  // Act on #exit.
  const done = fl.b.newBlock();
  const ret = fl.b.newBlock();
  const cases: [bigint, BlockId][] = returns ? [[1n, ret]] : [];
  outerTargets.forEach((t: Target, k) => {
    cases.push([BigInt(2 + 2 * k), t.breakTo]);
    if (t.continueTo !== null) cases.push([BigInt(3 + 2 * k), t.continueTo]);
  });
  const code = fl.temp({ r: "use", op: copy(cellPlace(exit)) });
  fl.b.terminate({ t: "switch", op: code, cases, otherwise: done, line: fl.b.line });
  if (returns) {
    fl.b.setBlock(ret);
    fl.returnStored();
  }
  fl.b.setBlock(done);
}

/**
 * leaveBody returns from a loop body's function: true to go on (the loop is READY again), or
 * false with code, if any, in #exit (the loop is DONE).
 */
export function leaveBody(fl: FuncLowerer, code: bigint | null, more: boolean): void {
  const r = fl.range!;
  if (code !== null) fl.store(cellPlace(r.exit), constInt(I64, code));
  fl.store(cellPlace(r.state), constInt(I64, more ? READY : DONE));
  fl.store(place(0), { o: "const", ty: BOOL, v: { c: "bool", v: more } });
  fl.b.ret();
}

/**
 * panicIf raises the range-state runtime error when the state cell compares (op) to v: with
 * code as the state it reports, or the state itself when code is null.
 */
function panicIf(fl: FuncLowerer, cell: LocalId, op: "==" | "!=", v: bigint, code: bigint | null) {
  const st = fl.temp({ r: "use", op: copy(cellPlace(cell)) });
  const bad = fl.temp({ r: "bin", op, a: st, b: constInt(I64, v) });
  const yes = fl.b.newBlock();
  const no = fl.b.newBlock();
  fl.b.branch(bad, yes, no);
  fl.b.setBlock(yes);
  const arg = code === null ? st : constInt(I64, code);
  fl.b.call({ c: "rt", sym: "rog_panic_rangestate" }, [arg], VOID, true);
  fl.b.setBlock(no);
}

/** cellOf allocates a heap cell holding an int and returns the local pointing at it. */
function cellOf(fl: FuncLowerer, init: bigint): LocalId {
  const l = fl.b.local(PTR);
  fl.store(place(l), fl.alloc(I64));
  fl.store(cellPlace(l), constInt(I64, init));
  return l;
}

/** cellPlace is the int cell a local points at. */
function cellPlace(l: LocalId) {
  return place(l, { p: "deref", ty: I64 });
}

/** containsReturn reports a return statement in the body, outside function literals. */
function containsReturn(body: ast.BlockStmt): boolean {
  let found = false;
  walk(body, (n) => {
    if (n.kind === "ReturnStmt") found = true;
    return !found && n.kind !== "FuncLit";
  });
  return found;
}

/** checkSupported reports the constructs a loop body cannot have yet. */
function checkSupported(fl: FuncLowerer, s: ast.RangeStmt): void {
  const labels = new Set<string>();
  walk(s.body, (n) => {
    if (n.kind === "LabeledStmt") labels.add(n.label.name);
    return n.kind !== "FuncLit";
  });
  walk(s.body, (n) => {
    if (n.kind === "FuncLit") return false;
    if (n.kind === "DeferStmt") fl.unsupported(n, "defer in the body of a range-over-func loop");
    if (n.kind === "BranchStmt" && n.tok === "goto" && n.label && !labels.has(n.label.name))
      fl.unsupported(n, "goto out of the body of a range-over-func loop");
  });
}
