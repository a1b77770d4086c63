// Built-in functions (Go spec "Built-in functions", "Package unsafe"): append, cap, clear,
// close, complex, copy, delete, imag, len, make, max, min, new, panic, print, println, real,
// recover, and unsafe's Add, Alignof, Offsetof, Sizeof, Slice, SliceData, String, StringData.

import type * as ast from "../syntax/ast.js";
import type { Checker } from "./checker.js";
import * as cv from "./constops.js";
import type { BuiltinName } from "./object.js";
import { Operand, describe, isInvalid, modeOf } from "./operand.js";
import {
  coreType,
  coreString,
  defaultType,
  identical,
  isBasicKind,
  isComplex,
  isFloat,
  isInteger,
  isNumeric,
  isOrdered,
  isString,
  isTypeParam,
  isTyped,
  isUntyped,
  isValid,
  under,
  unalias,
} from "./predicates.js";
import {
  ArrayT,
  Basic,
  Chan,
  Interface,
  MapT,
  Pointer,
  Signature,
  Slice,
  Struct,
  Tuple,
  Typ,
  TypeParam,
  type Type,
} from "./type.js";
import { Var } from "./object.js";
import { typeSetOf } from "./typeset.js";
import { typeString } from "./typestring.js";
import { exprString } from "./exprstring.js";
import {
  convertUntyped,
  expr,
  exprOrType,
  exprWithHint,
  overflow,
  rawExpr,
  updateExprType,
} from "./expr.js";
import { assignment } from "./assign.js";
import { index } from "./indexing.js";
import { typExpr } from "./typexpr.js";
import { alignof, offsetsof, sizeof } from "./sizes.js";
import { lookupFieldOrMethod } from "./lookup.js";
import { emptyInterface } from "./universe.js";

/** builtinCall checks a call of a builtin function; the result is left in x. */
export function builtinCall(c: Checker, x: Operand, call: ast.CallExpr, id: BuiltinName): void {
  const name = exprString(call.fun);
  let args = call.args;
  let nargs = args.length;
  // f(g()) where g returns several values spreads them over the parameters.
  let spread: Operand[] | null = null;
  if (nargs === 1 && !["make", "new", "Offsetof", "Sizeof", "Alignof", "len", "cap"].includes(id)) {
    const y = new Operand();
    rawExpr(c, y, args[0], null, false);
    if (!isInvalid(y) && y.type.tag === "Tuple") {
      spread = y.type.vars.map((v) => {
        const o = new Operand();
        o.mode = "value";
        o.type = v.type;
        o.expr = args[0];
        return o;
      });
      nargs = spread.length;
      args = spread.map(() => args[0]);
    } else if (!isInvalid(y)) {
      spread = [y];
      if (modeOf(y) === "commaok") y.mode = "value";
    } else {
      x.invalidate();
      return;
    }
  }
  const arity: Record<BuiltinName, [number, boolean]> = {
    append: [1, true],
    cap: [1, false],
    clear: [1, false],
    close: [1, false],
    complex: [2, false],
    copy: [2, false],
    delete: [2, false],
    imag: [1, false],
    len: [1, false],
    make: [1, true],
    max: [1, true],
    min: [1, true],
    new: [1, false],
    panic: [1, false],
    print: [0, true],
    println: [0, true],
    real: [1, false],
    recover: [0, false],
    Add: [2, false],
    Alignof: [1, false],
    Offsetof: [1, false],
    Sizeof: [1, false],
    Slice: [2, false],
    SliceData: [1, false],
    String: [2, false],
    StringData: [1, false],
  };
  const [n, variadic] = arity[id];
  if (call.hasDots && id !== "append") {
    c.error(call, `invalid operation: invalid use of ... with built-in ${name}`);
    if (!spread) for (const a of args) rawExpr(c, new Operand(), a, null, false);
    x.invalidate();
    return;
  }
  if (nargs < n || (!variadic && nargs > n)) {
    const msg = nargs < n ? "not enough" : "too many";
    const at = nargs < n ? call.rparen : args[n];
    c.error(at, `${msg} arguments for ${exprString(call)} (expected ${n}, found ${nargs})`);
    if (id !== "make" && id !== "new")
      if (!spread) for (const a of args) rawExpr(c, new Operand(), a, null, false);
    x.invalidate();
    return;
  }
  // Most builtins evaluate their arguments as values; make, new, Offsetof and the type
  // arguments are special.
  const evalArg = (i: number, hint: Type | null = null): Operand => {
    if (spread) {
      const o = new Operand();
      o.assign(spread[i]);
      if (o.mode === "novalue" || o.mode === "typexpr" || o.mode === "builtin") {
        c.error(
          args[i],
          `${exprString(args[i])} (${o.mode === "novalue" ? "no value" : o.mode === "typexpr" ? "type" : "built-in"}) used as value`,
        );
        o.invalidate();
      }
      return o;
    }
    const y = new Operand();
    if (hint) exprWithHint(c, y, args[i], hint);
    else expr(c, y, args[i]);
    return y;
  };
  x.val = null;
  switch (id) {
    case "len":
    case "cap": {
      const y = evalArg(0);
      if (isInvalid(y)) return x.invalidate();
      lenCap(c, x, y, id, call);
      return;
    }
    case "append": {
      const s = evalArg(0);
      if (isInvalid(s)) {
        for (let i = 1; i < nargs; i++) evalArg(i);
        return x.invalidate();
      }
      const st = s.type;
      let sl = coreType(st);
      if (s.isNil()) {
        c.error(args[0], `first argument to append must be a typed slice; found untyped nil`);
        return x.invalidate();
      }
      if (!(sl instanceof Slice)) {
        const t = isTypeParam(st) ? coreString(st) : null;
        if (!(t instanceof Slice)) {
          c.error(args[0], `invalid argument: ${describe(s, c.qual)} is not a slice`);
          for (let i = 1; i < nargs; i++) evalArg(i);
          return x.invalidate();
        }
        sl = t;
      }
      const elem = (sl as Slice).elem;
      if (call.hasDots) {
        if (nargs !== 2) {
          c.error(call, `can only use ... with final argument in list`);
          for (let i = 1; i < nargs; i++) evalArg(i);
          return x.invalidate();
        }
        const y = evalArg(1);
        if (isInvalid(y)) return x.invalidate();
        // append([]byte, string...) is allowed.
        if (
          isBasicKind(elem, "uint8") &&
          (isString(y.type) || (isUntyped(y.type) && isString(y.type)))
        ) {
          if (isUntyped(y.type)) convertUntyped(c, y, Typ.string);
        } else if (
          coreString(y.type) instanceof Basic &&
          isString(coreString(y.type)!) &&
          isBasicKind(elem, "uint8")
        ) {
          // type parameter whose type set is bytestring
        } else {
          assignment(c, y, new Slice(elem), `argument to append`);
          if (isInvalid(y)) {
            return x.invalidate();
          }
        }
      } else {
        for (let i = 1; i < nargs; i++) {
          const y = evalArg(i, elem);
          assignment(c, y, elem, "argument to append");
        }
      }
      x.mode = "value";
      x.type = st;
      return;
    }
    case "clear": {
      const y = evalArg(0);
      if (isInvalid(y)) return x.invalidate();
      if (!allTypes(y.type, (u) => u instanceof MapT || u instanceof Slice)) {
        c.error(args[0], `invalid argument: ${describe(y, c.qual)} must be a map or slice`);
        return x.invalidate();
      }
      x.mode = "novalue";
      x.type = new Tuple([]);
      return;
    }
    case "close": {
      const y = evalArg(0);
      if (isInvalid(y)) return x.invalidate();
      // Every type in a type parameter's type set must be a channel that may be sent on.
      if (!allTypes(y.type, (u) => u instanceof Chan)) {
        c.error(args[0], `invalid operation: cannot close non-channel ${describe(y, c.qual)}`);
        return x.invalidate();
      }
      if (!allTypes(y.type, (u) => u instanceof Chan && u.dir !== "recv")) {
        c.error(
          args[0],
          `invalid operation: cannot close receive-only channel ${describe(y, c.qual)}`,
        );
        return x.invalidate();
      }
      x.mode = "novalue";
      x.type = new Tuple([]);
      return;
    }
    case "complex": {
      const a = evalArg(0);
      const b = evalArg(1);
      if (isInvalid(a) || isInvalid(b)) return x.invalidate();
      // Untyped operands adopt each other's type, or float.
      if (isUntyped(a.type) && !isUntyped(b.type)) convertUntyped(c, a, b.type);
      else if (isUntyped(b.type) && !isUntyped(a.type)) convertUntyped(c, b, a.type);
      else if (isUntyped(a.type) && isUntyped(b.type)) {
        if (a.mode === "constant" && b.mode === "constant") {
          const toF = (o: Operand) => {
            const r = cv.toRat(o.val!);
            if (r) o.type = Typ["untyped float"];
          };
          toF(a);
          toF(b);
        }
      }
      if (isInvalid(a) || isInvalid(b)) return x.invalidate();
      if (!identical(a.type, b.type)) {
        c.error(
          call,
          `invalid operation: ${exprString(call)} (mismatched types ${typeString(a.type, c.qual)} and ${typeString(b.type, c.qual)})`,
        );
        return x.invalidate();
      }
      const u = under(a.type);
      let res: Type;
      if (isUntyped(a.type)) {
        if (!(cv.toRat(a.val ?? cv.UNKNOWN) && cv.toRat(b.val ?? cv.UNKNOWN))) {
          c.error(
            call,
            `invalid operation: ${exprString(call)} (arguments have type ${typeString(a.type)}, expected floating-point)`,
          );
          return x.invalidate();
        }
        res = Typ["untyped complex"];
      } else if (isBasicKind(u, "float32")) res = Typ.complex64;
      else if (isBasicKind(u, "float64")) res = Typ.complex128;
      else {
        c.error(
          args[0],
          `invalid argument: arguments have type ${typeString(a.type, c.qual)}, expected floating-point`,
        );
        return x.invalidate();
      }
      if (a.mode === "constant" && b.mode === "constant") {
        x.mode = "constant";
        x.val = cv.mkComplex(cv.toRat(a.val!)!, cv.toRat(b.val!)!);
      } else x.mode = "value";
      x.type = res;
      return;
    }
    case "real":
    case "imag": {
      const y = evalArg(0);
      if (isInvalid(y)) return x.invalidate();
      if (isUntyped(y.type)) {
        if (y.mode === "constant") {
          if (isNumeric(y.type)) y.type = Typ["untyped complex"];
        }
      }
      let res: Type;
      const u = under(y.type);
      if (isBasicKind(u, "complex64")) res = Typ.float32;
      else if (isBasicKind(u, "complex128")) res = Typ.float64;
      else if (isBasicKind(u, "untyped complex")) res = Typ["untyped float"];
      else {
        c.error(
          args[0],
          `invalid argument: ${describe(y, c.qual)} must be of complex type`.replace(
            / must be of complex type$/,
            " must be of complex type",
          ),
        );
        return x.invalidate();
      }
      if (y.mode === "constant") {
        const z = cv.toComplex(y.val!);
        x.mode = "constant";
        x.val = z.kind === "complex" ? cv.mkFloat(id === "real" ? z.re : z.im) : cv.UNKNOWN;
      } else x.mode = "value";
      x.type = res;
      return;
    }
    case "copy": {
      const dst = evalArg(0);
      const src = evalArg(1);
      if (isInvalid(dst) || isInvalid(src)) return x.invalidate();
      const d = coreType(dst.type);
      let s = coreString(src.type);
      if (s && isString(s)) s = new Slice(Typ.uint8);
      if (!(d instanceof Slice) || !(s instanceof Slice)) {
        c.error(
          call,
          `invalid argument: copy expects slice arguments; found ${describe(dst, c.qual)} and ${describe(src, c.qual)}`,
        );
        return x.invalidate();
      }
      if (!identical(d.elem, s.elem)) {
        c.error(
          call,
          `invalid argument: arguments to copy ${describe(dst, c.qual)} and ${describe(src, c.qual)} have different element types ${typeString(d.elem, c.qual)} and ${typeString(s.elem, c.qual)}`,
        );
        return x.invalidate();
      }
      if (isUntyped(src.type)) convertUntyped(c, src, Typ.string);
      x.mode = "value";
      x.type = Typ.int;
      return;
    }
    case "delete": {
      const m = evalArg(0);
      if (isInvalid(m)) {
        evalArg(1);
        return x.invalidate();
      }
      // A type parameter's maps must agree on the key type (their values may differ).
      if (!allTypes(m.type, (u) => u instanceof MapT)) {
        c.error(args[0], `invalid argument: ${describe(m, c.qual)} is not a map`);
        evalArg(1);
        return x.invalidate();
      }
      let key: Type | null = null;
      if (
        !allTypes(m.type, (u) => {
          const kt = (u as MapT).key;
          if (key !== null && !identical(key, kt)) return false;
          key = kt;
          return true;
        })
      ) {
        c.error(
          args[0],
          `invalid argument: maps of ${describe(m, c.qual)} must have identical key types`,
        );
        evalArg(1);
        return x.invalidate();
      }
      const k = evalArg(1);
      assignment(c, k, key!, "argument to delete");
      if (isInvalid(k)) return x.invalidate();
      x.mode = "novalue";
      x.type = new Tuple([]);
      return;
    }
    case "make": {
      const T = typExpr(c, args[0]);
      if (!isValid(T)) {
        for (let i = 1; i < nargs; i++) evalArg(i);
        return x.invalidate();
      }
      const ct = coreType(T);
      let min = 1;
      if (ct instanceof Slice) min = 2;
      else if (ct instanceof MapT || ct instanceof Chan) min = 1;
      else {
        c.error(
          args[0],
          `invalid argument: cannot make ${exprString(args[0])}; type must be slice, map, or channel`,
        );
        for (let i = 1; i < nargs; i++) evalArg(i);
        return x.invalidate();
      }
      if (nargs < min || nargs > min + 1 || (!(ct instanceof Slice) && nargs > 2)) {
        if (nargs < min)
          c.error(
            call,
            `invalid operation: ${exprString(call)} expects ${min} or ${min + 1} arguments; found ${nargs}`,
          );
        else
          c.error(
            call,
            `invalid operation: ${exprString(call)} expects ${min} or ${min + 1} arguments; found ${nargs}`,
          );
        return x.invalidate();
      }
      const sizes: (bigint | null)[] = [];
      for (let i = 1; i < nargs; i++) sizes.push(sizeArg(c, args[i]) ?? null);
      if (sizes.length === 2 && sizes[0] !== null && sizes[1] !== null && sizes[0] > sizes[1]) {
        c.error(args[1], `invalid argument: length and capacity swapped`);
      }
      x.mode = "value";
      x.type = T;
      return;
    }
    case "new": {
      // new(T), or new(expr) since Go 1.26: a pointer to a fresh variable holding expr's value.
      const y = new Operand();
      exprOrType(c, y, args[0], false);
      if (isInvalid(y)) return x.invalidate();
      if (y.mode !== "typexpr") {
        if (isUntyped(y.type)) {
          assignment(c, y, null, "argument to new");
          if (isInvalid(y)) return x.invalidate();
        }
        if (c.langMinor() < 26) {
          c.error(call.fun, `new(${exprString(args[0])}) requires go1.26 or later`);
          return x.invalidate();
        }
      }
      x.mode = "value";
      x.type = new Pointer(y.type);
      return;
    }
    case "max":
    case "min": {
      const ops: Operand[] = [];
      for (let i = 0; i < nargs; i++) {
        const y = evalArg(i);
        if (isInvalid(y)) return x.invalidate();
        if (!isOrdered(y.type)) {
          c.error(args[i], `invalid argument: ${describe(y, c.qual)} cannot be ordered`);
          return x.invalidate();
        }
        ops.push(y);
      }
      // Operands must have one type after untyped conversion.
      let typ: Type | null = null;
      for (const o of ops) if (isTyped(o.type)) typ = typ ?? o.type;
      const allConst = ops.every((o) => o.mode === "constant");
      if (typ) {
        for (const o of ops) {
          if (isUntyped(o.type)) convertUntyped(c, o, typ);
          if (isInvalid(o)) return x.invalidate();
          if (!identical(o.type, typ)) {
            c.error(
              o.expr!,
              `invalid argument: mismatched types ${typeString(typ, c.qual)} (previous argument) and ${typeString(o.type, c.qual)} (type of ${exprString(o.expr!)})`,
            );
            return x.invalidate();
          }
        }
      } else {
        // All untyped: the "largest" kind wins.
        const rank = (t: Type) =>
          [
            "untyped int",
            "untyped rune",
            "untyped float",
            "untyped complex",
            "untyped string",
          ].indexOf((t as Basic).kind);
        typ = ops.reduce((a, o) => (rank(o.type) > rank(a) ? o.type : a), ops[0].type);
        if (ops.some((o) => isString(o.type) !== isString(typ!))) {
          c.error(call, `invalid argument: mismatched types in ${exprString(call)}`);
          return x.invalidate();
        }
      }
      if (allConst) {
        let best = ops[0];
        for (const o of ops.slice(1)) {
          const less = cv.compare(o.val!, "<", best.val!);
          if ((id === "min" && less) || (id === "max" && cv.compare(o.val!, ">", best.val!)))
            best = o;
        }
        x.mode = "constant";
        x.val = best.val;
        x.type = typ;
        return;
      }
      x.mode = "value";
      x.type = typ;
      if (isUntyped(typ)) {
        x.type = defaultType(typ);
        for (const o of ops) updateExprType(c, o.expr!, x.type, true);
      }
      return;
    }
    case "panic": {
      const y = evalArg(0);
      if (isInvalid(y)) return x.invalidate();
      assignment(c, y, emptyInterface, "argument to panic");
      if (isInvalid(y)) return x.invalidate();
      x.mode = "novalue";
      x.type = new Tuple([]);
      return;
    }
    case "print":
    case "println": {
      for (let i = 0; i < nargs; i++) {
        const y = evalArg(i);
        if (isInvalid(y)) continue;
        assignment(c, y, null, `argument to built-in ${id}`);
      }
      x.mode = "novalue";
      x.type = new Tuple([]);
      return;
    }
    case "recover":
      x.mode = "value";
      x.type = emptyInterface;
      return;
    case "Add": {
      const p = evalArg(0);
      if (isInvalid(p)) return x.invalidate();
      assignment(c, p, Typ["unsafe.Pointer"], "argument to unsafe.Add");
      const l = evalArg(1);
      if (isInvalid(l)) return x.invalidate();
      if (isUntyped(l.type)) convertUntyped(c, l, Typ.int);
      if (!isInteger(l.type)) {
        c.error(
          args[1],
          `cannot use ${describe(l, c.qual)} as int value in argument to unsafe.Add`,
        );
        return x.invalidate();
      }
      x.mode = "value";
      x.type = Typ["unsafe.Pointer"];
      return;
    }
    case "Alignof":
    case "Sizeof": {
      const y = evalArg(0);
      if (isInvalid(y)) return x.invalidate();
      assignment(c, y, null, `argument to unsafe.${id}`);
      if (isInvalid(y)) return x.invalidate();
      if (hasVarSize(y.type)) {
        x.mode = "value";
        x.type = Typ.uintptr;
        return;
      }
      x.mode = "constant";
      x.val = cv.mkInt(id === "Sizeof" ? sizeof(y.type) : alignof(y.type));
      x.type = Typ.uintptr;
      return;
    }
    case "Offsetof": {
      let arg: ast.Expr = args[0];
      while (arg.kind === "ParenExpr") arg = arg.x;
      if (arg.kind !== "SelectorExpr") {
        c.error(arg, `invalid argument: ${exprString(arg)} is not a selector expression`);
        rawExpr(c, new Operand(), arg, null, false);
        return x.invalidate();
      }
      const base = new Operand();
      expr(c, base, arg.x);
      if (isInvalid(base)) return x.invalidate();
      // p.f with p a pointer to a struct selects through p, not through an embedded pointer.
      let bt = base.type;
      const bu = under(bt);
      if (bu instanceof Pointer && under(bu.elem) instanceof Struct) bt = bu.elem;
      const r = lookupFieldOrMethod(bt, false, c.pkg, arg.sel.name);
      if (!r.obj) {
        c.error(arg, `invalid argument: ${exprString(arg)} has no single field ${arg.sel.name}`);
        return x.invalidate();
      }
      if (r.obj.tag === "Func") {
        c.error(arg, `invalid argument: ${exprString(arg)} is a method value`);
        return x.invalidate();
      }
      if (r.indirect) {
        c.error(
          arg,
          `invalid argument: field ${arg.sel.name} is embedded via a pointer in ${exprString(arg.x)}`,
        );
        return x.invalidate();
      }
      c.recordUse(arg.sel, r.obj);
      c.info.selections.set(arg, {
        kind: "field",
        recv: base.type,
        obj: r.obj,
        index: r.index!,
        indirect: false,
        type: r.obj.type,
      });
      c.recordTypeAndValue(arg, "variable", r.obj.type, null);
      // Sum the offsets along the embedding path.
      let off = 0n;
      let t: Type = base.type;
      for (const i of r.index!) {
        const s = under(t) as Struct;
        if (!(s instanceof Struct)) break;
        off += offsetsof(s)[i];
        t = s.fields[i].type;
      }
      if (hasVarSize(base.type)) {
        x.mode = "value";
        x.type = Typ.uintptr;
        return;
      }
      x.mode = "constant";
      x.val = cv.mkInt(off);
      x.type = Typ.uintptr;
      return;
    }
    case "Slice": {
      const p = evalArg(0);
      if (isInvalid(p)) return x.invalidate();
      const pt = coreType(p.type);
      if (!(pt instanceof Pointer)) {
        c.error(args[0], `invalid argument: ${describe(p, c.qual)} is not a pointer`);
        return x.invalidate();
      }
      if (sizeArg(c, args[1], "length") === undefined) return x.invalidate();
      x.mode = "value";
      x.type = new Slice(pt.elem);
      return;
    }
    case "SliceData": {
      const s = evalArg(0);
      if (isInvalid(s)) return x.invalidate();
      const st = coreType(s.type);
      if (!(st instanceof Slice)) {
        c.error(args[0], `invalid argument: ${describe(s, c.qual)} is not a slice`);
        return x.invalidate();
      }
      x.mode = "value";
      x.type = new Pointer(st.elem);
      return;
    }
    case "String": {
      const p = evalArg(0);
      if (isInvalid(p)) return x.invalidate();
      assignment(c, p, new Pointer(Typ.uint8), "argument to unsafe.String");
      if (isInvalid(p)) return x.invalidate();
      sizeArg(c, args[1], "length");
      x.mode = "value";
      x.type = Typ.string;
      return;
    }
    case "StringData": {
      const s = evalArg(0);
      if (isInvalid(s)) return x.invalidate();
      assignment(c, s, Typ.string, "argument to unsafe.StringData");
      if (isInvalid(s)) return x.invalidate();
      x.mode = "value";
      x.type = new Pointer(Typ.uint8);
      return;
    }
  }
}

function lenCap(c: Checker, x: Operand, y: Operand, id: "len" | "cap", call: ast.CallExpr): void {
  let mode: "constant" | "value" = "value";
  let val: cv.Rat | null = null;
  const t = y.type;
  const check = (u: Type): boolean => {
    u = under(u);
    if (u instanceof Pointer) {
      const a = under(u.elem);
      if (a instanceof ArrayT) u = a;
      else return false;
    }
    if (u instanceof Basic && isString(u) && id === "len") return true;
    return (
      u instanceof ArrayT ||
      u instanceof Slice ||
      u instanceof Chan ||
      (u instanceof MapT && id === "len")
    );
  };
  const tp = unalias(t);
  if (tp instanceof TypeParam) {
    const ts = typeSetOf(tp);
    if (!ts.terms || ts.terms.length === 0 || !ts.terms.every((term) => check(term.type))) {
      c.error(y.expr!, `invalid argument: ${describe(y, c.qual)} for built-in ${id}`);
      return x.invalidate();
    }
  } else {
    if (!check(t)) {
      c.error(y.expr!, `invalid argument: ${describe(y, c.qual)} for built-in ${id}`);
      return x.invalidate();
    }
    const u = under(t);
    if (u instanceof Basic && y.mode === "constant" && y.val?.kind === "string") {
      mode = "constant";
      val = { num: BigInt(y.val.value.length), den: 1n };
    } else {
      const a = u instanceof Pointer ? under(u.elem) : u;
      if (a instanceof ArrayT && !containsCallOrRecv(c, y.expr!)) {
        mode = "constant";
        val = { num: BigInt(a.len), den: 1n };
      }
    }
  }
  if (isUntyped(t) && y.mode === "constant") convertUntyped(c, y, Typ.string);
  x.mode = mode;
  x.type = Typ.int;
  x.val = val ? cv.mkInt(val.num) : null;
  void call;
}

/** containsCallOrRecv reports whether e has a (non-constant) call or a receive. */
function containsCallOrRecv(c: Checker, e: ast.Expr): boolean {
  let found = false;
  const visit = (n: ast.Expr | null): void => {
    if (!n || found) return;
    switch (n.kind) {
      case "CallExpr": {
        // Conversions and constant builtin calls do not count.
        const f = c.info.types.get(n.fun);
        const r = c.info.types.get(n);
        if (f?.mode === "typexpr" || r?.mode === "constant") {
          for (const a of n.args) visit(a);
          return;
        }
        found = true;
        return;
      }
      case "UnaryExpr":
        if (n.op === "<-") {
          found = true;
          return;
        }
        visit(n.x);
        return;
      case "ParenExpr":
      case "StarExpr":
        visit(n.x);
        return;
      case "SelectorExpr":
        visit(n.x);
        return;
      case "IndexExpr":
        visit(n.x);
        visit(n.index);
        return;
      case "BinaryExpr":
        visit(n.x);
        visit(n.y);
        return;
      case "CompositeLit":
        for (const el of n.elts) visit(el);
        return;
      case "KeyValueExpr":
        visit(n.key);
        visit(n.value);
        return;
      case "SliceExpr":
        visit(n.x);
        visit(n.low);
        visit(n.high);
        visit(n.max);
        return;
      case "TypeAssertExpr":
        visit(n.x);
        return;
    }
  };
  visit(e);
  return found;
}

/** sizeArg checks a make or unsafe size argument; returns its constant value or null. */
function sizeArg(c: Checker, e: ast.Expr, what = "index"): bigint | null | undefined {
  const x = new Operand();
  expr(c, x, e);
  if (isInvalid(x)) return undefined;
  if (isUntyped(x.type)) {
    if (x.mode === "constant") {
      const v = cv.toInt(x.val!);
      if (v.kind !== "int") {
        c.error(e, `${exprString(e)} (${typeString(x.type)} constant) truncated to int`);
        return undefined;
      }
    }
    convertUntyped(c, x, Typ.int);
    if (isInvalid(x)) return undefined;
  }
  if (!isInteger(x.type)) {
    c.error(
      e,
      `cannot convert ${describe(x, c.qual)} to type int`
        .replace(/^cannot convert/, `invalid argument: ${what}`)
        .replace(/ to type int$/, " must be integer"),
    );
    return undefined;
  }
  if (x.mode === "constant" && x.val!.kind === "int") {
    if (x.val!.value < 0n) {
      c.error(e, `invalid argument: ${what} ${describe(x, c.qual)} must not be negative`);
      return undefined;
    }
    // Spec "Making slices, maps and channels": a constant size must be representable by int.
    if (x.val!.value > MAX_INT) {
      c.error(e, `invalid argument: ${what} ${describe(x, c.qual)} overflows int`);
      return undefined;
    }
    return x.val!.value;
  }
  return null;
}

/** MAX_INT is the largest int on amd64. */
const MAX_INT = (1n << 63n) - 1n;

/** hasVarSize reports whether t's size depends on a type parameter. */
function hasVarSize(t: Type, seen = new Set<Type>()): boolean {
  if (seen.has(t)) return false;
  seen.add(t);
  const tp = unalias(t);
  if (tp instanceof TypeParam) return true;
  const u = under(t);
  if (u instanceof ArrayT) return hasVarSize(u.elem, seen);
  if (u instanceof Struct) return u.fields.some((f) => hasVarSize(f.type, seen));
  return false;
}

function allTypes(t: Type, pred: (u: Type) => boolean): boolean {
  const tp = unalias(t);
  if (tp instanceof TypeParam) {
    const ts = typeSetOf(tp);
    if (!ts.terms || ts.terms.length === 0) return false;
    return ts.terms.every((term) => pred(under(term.type)));
  }
  return pred(under(t));
}

export { overflow, isFloat, isComplex, Interface, Signature, Var, index };
