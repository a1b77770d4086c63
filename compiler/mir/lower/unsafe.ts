// The unsafe package's function-like builtins (Go spec "Package unsafe"): Add, Slice, String,
// SliceData and StringData; and Sizeof, Alignof and Offsetof where the checker could not fold
// them: in generic code whose operand's type depends on a type parameter, they are constants of
// each instance (computed from the substituted type with gc's amd64 layout, types/sizes.ts).

import type * as ast from "../../syntax/ast.js";
import { constInt, copy, type Operand } from "../mir.js";
import { alignof, offsetsof, sizeof } from "../../types/sizes.js";
import { I64, SLICE, STRING, U8, type MirType } from "../types.js";

const UINTPTR: MirType = { k: "int", bits: 64, signed: false };
import { under } from "./gotypes.js";
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
    case "Sizeof":
      return constInt(UINTPTR, sizeof(fl.typeOf(e.args[0])));
    case "Alignof":
      return constInt(UINTPTR, alignof(fl.typeOf(e.args[0])));
    case "Offsetof":
      return constInt(UINTPTR, offsetOf(fl, e.args[0]));
  }
  return undefined;
}

/** offsetOf is the offset of the selected field x.f within the struct x denotes. */
function offsetOf(fl: FuncLowerer, arg: ast.Expr): bigint {
  while (arg.kind === "ParenExpr") arg = arg.x;
  const sel = arg.kind === "SelectorExpr" ? fl.info.selections.get(arg) : undefined;
  // Through embedded fields the offset is the sum along the path (no pointer indirections:
  // the checker rejects those).
  if (!sel || arg.kind !== "SelectorExpr") return fl.unsupported(arg, "this Offsetof operand");
  let t = fl.typeOf(arg.x);
  let off = 0n;
  for (const i of sel.index) {
    const u = under(t);
    if (u.tag !== "Struct") return fl.unsupported(arg, "Offsetof through a pointer");
    off += offsetsof(u)[i];
    t = u.fields[i].type;
  }
  return off;
}
