// The unsafe package's function-like builtins (Go spec "Package unsafe"): Add, Slice, String,
// SliceData and StringData. Sizeof, Alignof and Offsetof are constants the checker folds.

import type * as ast from "../../syntax/ast.js";
import { copy, type Operand } from "../mir.js";
import { I64, SLICE, STRING, U8 } from "../types.js";
import { coerce, lowerExpr } from "./expr.js";
import { field, type FuncLowerer } from "./func.js";

/** unsafeBuiltin lowers a call of an unsafe builtin, or returns undefined for other names. */
export function unsafeBuiltin(fl: FuncLowerer, e: ast.CallExpr, name: string): Operand | undefined {
  switch (name) {
    case "Add": {
      const p = lowerExpr(fl, e.args[0]);
      const n = coerce(fl, lowerExpr(fl, e.args[1]), I64);
      return fl.temp({ r: "offset", ptr: p, idx: n, elem: U8 });
    }
    case "Slice":
    case "String": {
      // TODO(mir): gc's panics for a negative length and for nil with a non-zero length.
      const p = lowerExpr(fl, e.args[0]);
      const n = coerce(fl, lowerExpr(fl, e.args[1]), I64);
      if (name === "String") return fl.temp({ r: "agg", ty: STRING, ops: [p, n] });
      return fl.temp({ r: "agg", ty: SLICE, ops: [p, n, n] });
    }
    case "SliceData":
    case "StringData": {
      const v = fl.materialise(lowerExpr(fl, e.args[0]));
      return fl.temp({ r: "use", op: copy(field(v, 0)) });
    }
  }
  return undefined;
}
