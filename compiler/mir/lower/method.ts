// Method values `x.M` and method expressions `T.M` (Go spec "Method values", "Method
// expressions"): closures that bind a receiver, and functions taking it as first argument.

import type * as ast from "../../syntax/ast.js";
import type { Func } from "../../types/object.js";
import type { Interface, Signature, Struct, Type } from "../../types/type.js";
import { FnBuilder } from "../builder.js";
import { copy, place, WRAPPER_FILE, type Operand } from "../mir.js";
import { IFACE, PTR, structType, type MirType } from "../types.js";
import { followPath, funcValue, lowerPlace } from "./expr.js";
import { derefPlace, type FuncLowerer } from "./func.js";
import { mirType, paramTypes, resultType, under } from "./gotypes.js";
import { isIfaceMethod, methodCall } from "./call.js";
import { ifaceMethods } from "./typedesc.js";
import { symKey } from "./typestr.js";

/** methodValue lowers `x.M` used as a value: a closure holding the receiver. */
export function methodValue(fl: FuncLowerer, e: ast.SelectorExpr): Operand {
  const sel = fl.info.selections.get(e)!;
  const m = sel.obj as Func;
  let xt = fl.typeOf(e.x);
  const isIface = under(xt).tag === "Interface" || (sel.index.length > 1 && isIfaceMethod(m));
  if (under(xt).tag === "Interface" && sel.index.length > 1)
    return fl.unsupported(e, "method values through embedded interfaces");
  let recv: Operand;
  let target: string;
  if (isIface) {
    // The interface (x itself, or the embedded interface field that promotes the method) is
    // evaluated and nil-checked when the method value is made.
    let value: Operand;
    if (under(xt).tag === "Interface") value = fl.exprValue(e.x);
    else {
      const path = sel.index.slice(0, -1);
      value = copy(followPath(fl, lowerPlace(fl, e.x), xt, path));
      xt = fieldTypeAt(xt, path);
    }
    const iv = fl.materialise(fl.temp({ r: "use", op: value }));
    fl.nilCheck(copy({ local: iv.local, proj: [...iv.proj, { p: "field", i: 0 }] }));
    recv = copy(iv);
    target = `${symKey(xt)}.${m.name}`;
  } else {
    const mc = methodCall(fl, e);
    recv = mc.recv;
    target = (mc.callee as { sym: string }).sym;
  }
  const recvTy = fl.b.rvType({ r: "use", op: recv });
  const wsym = `${target}-fm`;
  if (!fl.pl.hasBody(wsym)) {
    fl.pl.bodies.push(boundWrapper(fl, wsym, m, recvTy, isIface ? xt : null, target));
  }
  const objTy = structType([PTR, recvTy]);
  const obj = fl.alloc(objTy);
  const bound = recv;
  fl.store(derefPlace(obj, objTy), {
    o: "copy",
    place: fl.materialise(
      fl.temp({
        r: "agg",
        ty: objTy,
        ops: [{ o: "const", ty: PTR, v: { c: "sym", sym: wsym, fn: true } }, bound],
      }),
    ),
  } as Operand);
  return obj;
}

/** fieldTypeAt is the type of the (embedded) field that path selects from t, through pointers. */
function fieldTypeAt(t: Type, path: number[]): Type {
  for (const i of path) {
    const u = under(t);
    const s = under(u.tag === "Pointer" ? u.elem : u) as Struct;
    t = s.fields[i].type;
  }
  return t;
}

/** boundWrapper builds `T.M-fm(ctx, args...)`: load the receiver from ctx and call the method. */
function boundWrapper(
  fl: FuncLowerer,
  wsym: string,
  m: Func,
  recvTy: MirType,
  iface: Type | null,
  target: string,
): ReturnType<FnBuilder["finish"]> {
  // In a generic body the method's signature may mention the body's type parameters.
  const sig = fl.sub(m.sig) as Signature;
  const params = paramTypes(sig, false);
  const res = resultType(sig);
  const b = new FnBuilder(wsym, params, res, {
    linkage: "linkonce_odr",
    withCtx: true,
    file: WRAPPER_FILE,
    line: 1,
  });
  b.line = 1;
  const objTy = structType([PTR, iface ? IFACE : recvTy]);
  const held = copy(place(b.ctx, { p: "deref", ty: objTy }, { p: "field", i: 1 }));
  const args = params.map((_, i) => copy(place(i + 1)));
  let r: Operand | null;
  if (iface) {
    const ms = ifaceMethods(under(iface) as Interface);
    const idx = ms.findIndex((x) => x.name === m.name);
    const iv = b.temp({ r: "use", op: held });
    const ivp = (iv as { place: ReturnType<typeof place> }).place;
    const tab = b.temp({ r: "use", op: copy({ local: ivp.local, proj: [{ p: "field", i: 0 }] }) });
    const tabP = (tab as { place: ReturnType<typeof place> }).place;
    const itabTy = structType([
      PTR,
      PTR,
      { k: "int", bits: 32, signed: false },
      { k: "int", bits: 32, signed: false },
      { k: "array", len: ms.length, elem: PTR },
    ]);
    const fn = copy({
      local: tabP.local,
      proj: [
        { p: "deref", ty: itabTy },
        { p: "field", i: 4 },
        {
          p: "index",
          idx: {
            o: "const",
            ty: { k: "int", bits: 64, signed: true },
            v: { c: "int", v: BigInt(idx) },
          },
        },
      ],
    });
    const data = copy({ local: ivp.local, proj: [{ p: "field", i: 1 }] });
    r = b.call(
      { c: "ptr", fn, ctx: { o: "const", ty: PTR, v: { c: "zero" } } },
      [data, ...args],
      res,
    );
  } else {
    r = b.call({ c: "fn", sym: target }, [held, ...args], res);
  }
  if (r) b.assign(place(0), { r: "use", op: r });
  b.ret();
  return b.finish();
}

/** ifaceMethodExpr emits `I.M(i I, args...)`: the method called through i's itab. */
function ifaceMethodExpr(fl: FuncLowerer, T: Type, m: Func): string {
  const wsym = `${symKey(T)}.${m.name}`;
  if (fl.pl.hasBody(wsym)) return wsym;
  const params = paramTypes(m.sig, false);
  const res = resultType(m.sig);
  const b = new FnBuilder(wsym, [IFACE, ...params], res, {
    linkage: "linkonce_odr",
    file: WRAPPER_FILE,
    line: 1,
  });
  b.line = 1;
  const ms = ifaceMethods(under(T) as Interface);
  const idx = ms.findIndex((x) => x.name === m.name);
  const tab = b.temp({ r: "use", op: copy(place(1, { p: "field", i: 0 })) });
  const tabP = (tab as { place: ReturnType<typeof place> }).place;
  b.check(
    b.temp({ r: "bin", op: "!=", a: tab, b: { o: "const", ty: PTR, v: { c: "zero" } } }),
    true,
    "nilderef",
  );
  const u32: MirType = { k: "int", bits: 32, signed: false };
  const itabTy = structType([PTR, PTR, u32, u32, { k: "array", len: ms.length, elem: PTR }]);
  const i64: MirType = { k: "int", bits: 64, signed: true };
  const fn = copy({
    local: tabP.local,
    proj: [
      { p: "deref", ty: itabTy },
      { p: "field", i: 4 },
      { p: "index", idx: { o: "const", ty: i64, v: { c: "int", v: BigInt(idx) } } },
    ],
  });
  const args = [copy(place(1, { p: "field", i: 1 })), ...params.map((_, i) => copy(place(i + 2)))];
  const r = b.call({ c: "ptr", fn, ctx: { o: "const", ty: PTR, v: { c: "zero" } } }, args, res);
  if (r) b.assign(place(0), { r: "use", op: r });
  b.ret();
  fl.pl.bodies.push(b.finish());
  return wsym;
}

/** methodExpr lowers `T.M` / `(*T).M` used as a value: a function taking the receiver first. */
export function methodExpr(fl: FuncLowerer, e: ast.SelectorExpr): Operand {
  const sel = fl.info.selections.get(e)!;
  const m = sel.obj as Func;
  const T = fl.typeOf(e.x);
  if (under(T).tag === "Interface") return funcValue(fl, ifaceMethodExpr(fl, T, m));
  // S.M for a type parameter S names its constraint's method; in an instance it is the
  // method of S's type argument.
  if (fl.info.types.get(e.x)?.type.tag === "TypeParam") {
    return funcValue(fl, fl.pl.types.promotedMethodExpr(T, m.name));
  }
  // A promoted method: the method set's wrapper that walks to the embedded field.
  if (sel.index.length > 1) return funcValue(fl, fl.pl.types.promotedMethodExpr(T, m.name));
  const sym = fl.pl.funcObjSym(m, (t) => fl.sub(t));
  if (T.tag === "Pointer" && !m.hasPtrRecv) return funcValue(fl, fl.pl.types.derefWrapper(m, sym));
  void mirType;
  return funcValue(fl, sym);
}
