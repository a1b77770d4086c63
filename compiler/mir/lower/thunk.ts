// Thunks for `go` and `defer` (Go spec "Go statements", "Defer statements"): the function value
// and arguments are evaluated at the statement and stored in a closure object; a small wrapper
// body with no parameters and no results makes the call later.

import type * as ast from "../../syntax/ast.js";
import { FnBuilder } from "../builder.js";
import { copy, place, WRAPPER_FILE, type Callee, type Operand } from "../mir.js";
import { PTR, U64, VOID, structType, type MirType } from "../types.js";
import { clearValue, copyValues, prepareCall, printValues } from "./call.js";
import { mapDeleteValue, mapKeyType } from "./mapchan.js";
import { derefPlace, FuncLowerer } from "./func.js";
import { Interface } from "../../types/type.js";

/** makeThunk evaluates the call now and returns a closure object that performs it later. */
export function makeThunk(fl: FuncLowerer, call: ast.CallExpr, what: "go" | "defer"): Operand {
  const ftv = fl.info.types.get(call.fun);
  if (ftv?.mode === "builtin") return builtinThunk(fl, call, what);
  if (ftv?.mode === "typexpr") return fl.unsupported(call, `${what} of a conversion`);
  const c = prepareCall(fl, call);

  // Stored values: the callee's dynamic parts, then the arguments.
  const stored: Operand[] = [];
  if (c.callee.c === "closure") stored.push(c.callee.fv);
  if (c.callee.c === "ptr") stored.push(c.callee.fn, c.callee.ctx);
  stored.push(...c.args);
  const types = stored.map((o) => fl.b.rvType({ r: "use", op: o }));
  const hdr = header(what);
  const objTy = structType([...hdr, ...types]);

  const wsym = fl.nextName(what);
  fl.pl.bodies.push(thunkBody(wsym, objTy, hdr.length, c.callee, c.retTy, c.args.length));
  return buildObject(fl, objTy, what, wsym, stored);
}

/**
 * header lists the closure object's first fields. A go statement's object holds the code only;
 * a defer statement's is also the runtime's defer record (ABI.md §8): code, link, frame and
 * the object's shape, which the runtime needs to move a record out of a frame being unwound.
 */
function header(what: string): MirType[] {
  return what === "defer" ? [PTR, PTR, U64, PTR] : [PTR];
}

/** buildObject allocates the closure object of type objTy: its header with code wsym, then stored. */
function buildObject(
  fl: FuncLowerer,
  objTy: MirType,
  what: string,
  wsym: string,
  stored: Operand[],
): Operand {
  const obj = fl.alloc(objTy);
  const code: Operand = { o: "const", ty: PTR, v: { c: "sym", sym: wsym, fn: true } };
  const zero = (ty: MirType): Operand => ({ o: "const", ty, v: { c: "zero" } });
  const rest = what === "defer" ? [zero(PTR), zero(U64), fl.shapeOf(objTy)] : [];
  const val = fl.temp({ r: "agg", ty: objTy, ops: [code, ...rest, ...stored] });
  fl.store(derefPlace(obj, objTy), val);
  return obj;
}

/** builtinThunk handles `defer println(x)`, `go panic(v)` and the like. */
function builtinThunk(fl: FuncLowerer, call: ast.CallExpr, what: "go" | "defer"): Operand {
  let fun: ast.Expr = call.fun;
  while (fun.kind === "ParenExpr") fun = fun.x;
  const id = fun.kind === "Ident" ? fun : (fun as ast.SelectorExpr).sel;
  const o = fl.info.uses.get(id);
  const name = o && o.tag === "Builtin" ? o.builtin : id.name;
  if (
    !["print", "println", "panic", "recover", "close", "delete", "copy", "clear"].includes(name)
  ) {
    return fl.unsupported(call, `${what} of the ${name} builtin`);
  }
  // Arguments are evaluated now, converted to the parameter type the builtin wants: any for
  // panic, the key type for delete's key.
  const any = new Interface([], []);
  const vals = call.args.map((a, i) => {
    const t = fl.typeOf(a);
    const v = fl.exprValue(a);
    if (name === "panic") return fl.convert(v, t, any, a);
    if (name === "delete" && i === 1) {
      return fl.convert(v, t, mapKeyType(fl.typeOf(call.args[0])), a);
    }
    return v;
  });
  const goTypes = call.args.map((a) => (name === "panic" ? any : fl.typeOf(a)));
  const types = vals.map((v) => fl.b.rvType({ r: "use", op: v }));
  const hdr = header(what);
  const objTy = structType([...hdr, ...types]);

  const wsym = fl.nextName(what);
  const inner = new FuncLowerer(
    fl.pl,
    fl.file,
    wsym,
    null,
    null,
    true,
    new Map(),
    fl.nestedLinkage(),
  );
  inner.b.line = fl.b.line;
  const stored = types.map((_, i) =>
    copy(place(inner.b.ctx, { p: "deref", ty: objTy }, { p: "field", i: i + hdr.length })),
  );
  if (name === "print" || name === "println") {
    const items = stored.map((v, i) => ({ v, t: goTypes[i], at: call.args[i] as { pos: number } }));
    printValues(inner, items, name === "println");
  } else if (name === "panic") {
    const p = inner.materialise(stored[0]);
    const parts = [0, 1].map((i) =>
      copy({ local: p.local, proj: [...p.proj, { p: "field" as const, i }] }),
    );
    inner.b.call({ c: "rt", sym: "rog_gopanic" }, parts, VOID, true);
  } else if (name === "recover") {
    inner.b.call({ c: "rt", sym: "rog_gorecover" }, [], { k: "iface" });
  } else if (name === "delete") {
    mapDeleteValue(inner, goTypes[0], stored[0], stored[1]);
  } else if (name === "copy") {
    copyValues(inner, goTypes[0], stored[0], stored[1]);
  } else if (name === "clear") {
    clearValue(inner, goTypes[0], stored[0]);
  } else {
    inner.b.call({ c: "rt", sym: "rog_closechan" }, [stored[0]]);
  }
  if (!inner.b.terminated) inner.b.ret();
  fl.pl.bodies.push(inner.b.finish());

  return buildObject(fl, objTy, what, wsym, vals);
}

function thunkBody(
  sym: string,
  objTy: MirType,
  hdr: number,
  callee: Callee,
  retTy: MirType,
  nargs: number,
) {
  const b = new FnBuilder(sym, [], VOID, {
    linkage: "internal",
    withCtx: true,
    file: WRAPPER_FILE,
    line: 1,
  });
  b.line = 1;
  const fieldOf = (i: number): Operand =>
    copy(place(b.ctx, { p: "deref", ty: objTy }, { p: "field", i }));
  let k = hdr;
  let target: Callee = callee;
  if (callee.c === "closure") {
    // `defer f()` with a nil f panics when the call runs, as a nil dereference.
    const fv = b.temp({ r: "use", op: fieldOf(k++) });
    b.check(
      b.temp({ r: "bin", op: "!=", a: fv, b: { o: "const", ty: PTR, v: { c: "zero" } } }),
      true,
      "nilderef",
    );
    target = { c: "closure", fv };
  }
  if (callee.c === "ptr") {
    target = { c: "ptr", fn: fieldOf(k), ctx: fieldOf(k + 1) };
    k += 2;
  }
  const args: Operand[] = [];
  for (let i = 0; i < nargs; i++) args.push(fieldOf(k + i));
  b.call(target, args, retTy);
  b.ret();
  return b.finish();
}
