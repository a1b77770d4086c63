// Types of places, operands and rvalues, computed from the locals and projections.

import { InternalError } from "../diag.js";
import type { Body, Operand, Place, Projection, Rvalue } from "./mir.js";
import { BOOL, PTR, partTypes, typeStr, type MirType } from "./types.js";

/** projType is the type reached by applying one projection to a value of type t. */
export function projType(t: MirType, p: Projection): MirType {
  switch (p.p) {
    case "field": {
      const parts = partTypes(t);
      if (!parts || p.i < 0 || p.i >= parts.length)
        throw new InternalError(`field ${p.i} of ${typeStr(t)}`);
      return parts[p.i];
    }
    case "index":
      if (t.k !== "array") throw new InternalError(`index of ${typeStr(t)}`);
      return t.elem;
    case "deref":
      if (t.k !== "ptr") throw new InternalError(`deref of ${typeStr(t)}`);
      return p.ty;
  }
}

/** placeType is the type of the value stored at a place. */
export function placeType(body: Body, pl: Place): MirType {
  const l = body.locals[pl.local];
  if (!l) throw new InternalError(`no local _${pl.local} in ${body.sym}`);
  let t = l.ty;
  for (const p of pl.proj) t = projType(t, p);
  return t;
}

/** operandType is the type of an operand. */
export function operandType(body: Body, op: Operand): MirType {
  return op.o === "copy" ? placeType(body, op.place) : op.ty;
}

const COMPARE = new Set(["==", "!=", "<", "<=", ">", ">="]);

/** rvalueType is the type of the value an rvalue computes. */
export function rvalueType(body: Body, rv: Rvalue): MirType {
  switch (rv.r) {
    case "use":
      return operandType(body, rv.op);
    case "bin":
      return COMPARE.has(rv.op) ? BOOL : operandType(body, rv.a);
    case "un":
      return operandType(body, rv.a);
    case "conv":
    case "bitcast":
      return rv.ty;
    case "ref":
    case "offset":
      return PTR;
    case "agg":
      return rv.ty;
  }
}
