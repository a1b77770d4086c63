// Thunks for `go` and `defer` (Go spec "Go statements", "Defer statements"): the function value
// and arguments are evaluated at the statement and stored in a closure object; a small wrapper
// body with no parameters and no results makes the call later.

import type * as ast from "../../syntax/ast.js";
import { FnBuilder } from "../builder.js";
import { copy, place, type Callee, type Operand } from "../mir.js";
import { PTR, VOID, structType, type MirType } from "../types.js";
import { prepareCall } from "./call.js";
import { derefPlace, type FuncLowerer } from "./func.js";

/** makeThunk evaluates the call now and returns a closure object that performs it later. */
export function makeThunk(fl: FuncLowerer, call: ast.CallExpr, what: string): Operand {
  const ftv = fl.info.types.get(call.fun);
  if (ftv?.mode === "builtin" || ftv?.mode === "typexpr") {
    return fl.unsupported(call, `${what} of a builtin or conversion`);
  }
  const c = prepareCall(fl, call);

  // Stored values: the callee's dynamic parts, then the arguments.
  const stored: Operand[] = [];
  if (c.callee.c === "closure") stored.push(c.callee.fv);
  if (c.callee.c === "ptr") stored.push(c.callee.fn, c.callee.ctx);
  stored.push(...c.args);
  const types = stored.map((o) => fl.b.rvType({ r: "use", op: o }));
  const objTy = structType([PTR, ...types]);

  const wsym = `${fl.b.sym}.${what}wrap${fl.nextLit()}`;
  fl.pl.bodies.push(thunkBody(wsym, objTy, c.callee, c.retTy, c.args.length));

  const obj = fl.alloc(objTy);
  const code: Operand = { o: "const", ty: PTR, v: { c: "sym", sym: wsym, fn: true } };
  const val = fl.temp({ r: "agg", ty: objTy, ops: [code, ...stored] });
  fl.store(derefPlace(obj, objTy), val);
  return obj;
}

function thunkBody(sym: string, objTy: MirType, callee: Callee, retTy: MirType, nargs: number) {
  const b = new FnBuilder(sym, [], VOID, { linkage: "internal", withCtx: true });
  const fieldOf = (i: number): Operand =>
    copy(place(b.ctx, { p: "deref", ty: objTy }, { p: "field", i }));
  let k = 1;
  let target: Callee = callee;
  if (callee.c === "closure") target = { c: "closure", fv: fieldOf(k++) };
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
