// Maps and channels (Go spec "Map types", "Channel types", "Send statements", "Receive
// operator", "Select statements") on the runtime's entry points (ABI.md §9, §10): keys and
// elements travel by pointer to a temporary.

import type * as ast from "../../syntax/ast.js";
import type { Type } from "../../types/type.js";
import { constBool, constInt, copy, place, type Operand, type Place } from "../mir.js";
import { BOOL, I64, PTR, arrayType, structType, type MirType } from "../types.js";
import { lowerExpr } from "./expr.js";
import { derefPlace, field, type FuncLowerer } from "./func.js";
import { mirType, under } from "./gotypes.js";

const NIL: Operand = { o: "const", ty: PTR, v: { c: "zero" } };

function descOp(fl: FuncLowerer, t: Type): Operand {
  return { o: "const", ty: PTR, v: { c: "sym", sym: fl.pl.types.desc(t), fn: false } };
}

/** addrOfValue stores v in a fresh temporary and returns its address. */
export function addrOfValue(fl: FuncLowerer, v: Operand, ty: MirType): Operand {
  const tmp = place(fl.b.local(ty));
  fl.store(tmp, v);
  return fl.temp({ r: "ref", place: tmp });
}

function mapTypes(t: Type): { key: Type; elem: Type } {
  return under(t) as unknown as { key: Type; elem: Type };
}

/** makeMap lowers make(map[K]V, hint). */
export function makeMap(fl: FuncLowerer, t: Type, hint: Operand | null): Operand {
  const h = hint ?? constInt(I64, 0);
  return fl.b.call({ c: "rt", sym: "rog_makemap" }, [descOp(fl, t), h], PTR)!;
}

/** mapKeyAddr evaluates a key expression, converted to the key type, into memory. */
function mapKeyAddr(fl: FuncLowerer, mt: Type, key: ast.Expr): Operand {
  const kt = mapTypes(mt).key;
  const k = fl.convert(lowerExpr(fl, key), fl.typeOf(key), kt, key);
  return addrOfValue(fl, k, mirType(kt));
}

/** mapIndex lowers a read of m[k]. */
export function mapIndex(fl: FuncLowerer, e: ast.IndexExpr): Operand {
  const mt = fl.typeOf(e.x);
  const m = lowerExpr(fl, e.x);
  const kp = mapKeyAddr(fl, mt, e.index);
  fl.at(e);
  const p = fl.b.call({ c: "rt", sym: "rog_mapaccess1" }, [descOp(fl, mt), m, kp], PTR)!;
  return copy(derefPlace(p, mirType(mapTypes(mt).elem)));
}

/** mapIndexOk lowers `v, ok := m[k]`. */
export function mapIndexOk(fl: FuncLowerer, e: ast.IndexExpr): [Operand, Operand] {
  const mt = fl.typeOf(e.x);
  const m = lowerExpr(fl, e.x);
  const kp = mapKeyAddr(fl, mt, e.index);
  fl.at(e);
  const pair: MirType = structType([PTR, I64]);
  const r = fl.materialise(
    fl.b.call({ c: "rt", sym: "rog_mapaccess2" }, [descOp(fl, mt), m, kp], pair)!,
  );
  const v = fl.temp({
    r: "use",
    op: copy(derefPlace(copy(field(r, 0)), mirType(mapTypes(mt).elem))),
  });
  const ok = fl.temp({ r: "bin", op: "!=", a: copy(field(r, 1)), b: constInt(I64, 0) });
  return [v, ok];
}

/** mapAssignPlace returns the place of m[k] for storing (inserting the key if needed). */
export function mapAssignPlace(fl: FuncLowerer, e: ast.IndexExpr): Place {
  const mt = fl.typeOf(e.x);
  const m = lowerExpr(fl, e.x);
  const kp = mapKeyAddr(fl, mt, e.index);
  fl.at(e);
  const p = fl.b.call({ c: "rt", sym: "rog_mapassign" }, [descOp(fl, mt), m, kp], PTR)!;
  return derefPlace(p, mirType(mapTypes(mt).elem));
}

/**
 * mapAssignLater evaluates the map and key of an assignment target now and returns a function
 * that inserts the key (mapassign) later, after the right-hand sides have been evaluated.
 */
export function mapAssignLater(fl: FuncLowerer, e: ast.IndexExpr): () => Place {
  const mt = fl.typeOf(e.x);
  const m = fl.materialise(fl.temp({ r: "use", op: lowerExpr(fl, e.x) }));
  const kp = mapKeyAddr(fl, mt, e.index);
  return () => {
    const p = fl.b.call({ c: "rt", sym: "rog_mapassign" }, [descOp(fl, mt), copy(m), kp], PTR)!;
    return derefPlace(p, mirType(mapTypes(mt).elem));
  };
}

/** mapDelete lowers delete(m, k). */
export function mapDelete(fl: FuncLowerer, e: ast.CallExpr): void {
  const mt = fl.typeOf(e.args[0]);
  const m = lowerExpr(fl, e.args[0]);
  const kp = mapKeyAddr(fl, mt, e.args[1]);
  fl.b.call({ c: "rt", sym: "rog_mapdelete" }, [descOp(fl, mt), m, kp]);
}

/** mapKeyType is the key type of map type mt (for callers that convert keys themselves). */
export function mapKeyType(mt: Type): Type {
  return mapTypes(mt).key;
}

/** mapDeleteValue lowers delete(m, k) for a key k already converted to the key type. */
export function mapDeleteValue(fl: FuncLowerer, mt: Type, m: Operand, k: Operand): void {
  const kp = addrOfValue(fl, k, mirType(mapTypes(mt).key));
  fl.b.call({ c: "rt", sym: "rog_mapdelete" }, [descOp(fl, mt), m, kp]);
}

/** mapClear lowers clear(m). */
export function mapClear(fl: FuncLowerer, mt: Type, m: Operand): void {
  fl.b.call({ c: "rt", sym: "rog_mapclear" }, [descOp(fl, mt), m]);
}

/** mapLiteral lowers map[K]V{k: v, ...}. */
export function mapLiteral(
  fl: FuncLowerer,
  e: ast.CompositeLit,
  t: Type,
  elemValue: (v: ast.Expr, t: Type) => Operand,
): Operand {
  const { key, elem } = mapTypes(t);
  const m = fl.materialise(makeMap(fl, t, constInt(I64, e.elts.length)));
  for (const elt of e.elts) {
    const kv = elt as ast.KeyValueExpr;
    const k = elemValue(kv.key, key);
    const v = elemValue(kv.value, elem);
    const kp = addrOfValue(fl, k, mirType(key));
    const p = fl.b.call({ c: "rt", sym: "rog_mapassign" }, [descOp(fl, t), copy(m), kp], PTR)!;
    fl.store(derefPlace(p, mirType(elem)), v);
  }
  return copy(m);
}

/**
 * rangeMap lowers `for k, v := range m`: an iterator of 12 words in the frame; word 0 points
 * at the key and word 1 at the value, word 0 null when done.
 */
export function rangeMap(
  fl: FuncLowerer,
  s: ast.RangeStmt,
  bind: (key: () => Operand, value: () => Operand) => void,
  body: (post: number, exit: number) => void,
): void {
  const mt = fl.typeOf(s.x);
  const { key, elem } = mapTypes(mt);
  const m = lowerExpr(fl, s.x);
  const it = place(fl.b.local(arrayType(12, PTR)));
  fl.store(it, { o: "const", ty: arrayType(12, PTR), v: { c: "zero" } });
  const itp = fl.temp({ r: "ref", place: it });
  fl.b.call({ c: "rt", sym: "rog_mapiterinit" }, [descOp(fl, mt), m, itp]);
  const head = fl.b.newBlock();
  const bodyB = fl.b.newBlock();
  const post = fl.b.newBlock();
  const exit = fl.b.newBlock();
  fl.b.goto(head);
  fl.b.setBlock(head);
  const word = (i: number) =>
    copy({ local: it.local, proj: [{ p: "index", idx: constInt(I64, i) }] });
  const kp = fl.temp({ r: "use", op: word(0) });
  const more = fl.temp({ r: "bin", op: "!=", a: kp, b: NIL });
  fl.b.branch(more, bodyB, exit);
  fl.b.setBlock(bodyB);
  bind(
    () => copy(derefPlace(fl.temp({ r: "use", op: word(0) }), mirType(key))),
    () => copy(derefPlace(fl.temp({ r: "use", op: word(1) }), mirType(elem))),
  );
  body(post, exit);
  fl.b.setBlock(post);
  fl.b.call({ c: "rt", sym: "rog_mapiternext" }, [itp]);
  fl.b.goto(head);
  fl.b.setBlock(exit);
}

// ---- channels

function chanElem(t: Type): Type {
  return (under(t) as unknown as { elem: Type }).elem;
}

/** makeChan lowers make(chan T, size). */
export function makeChan(fl: FuncLowerer, t: Type, size: Operand | null): Operand {
  return fl.b.call(
    { c: "rt", sym: "rog_makechan" },
    [descOp(fl, t), size ?? constInt(I64, 0)],
    PTR,
  )!;
}

/** chanSend lowers `ch <- v`. */
export function chanSend(fl: FuncLowerer, s: ast.SendStmt): void {
  const ct = fl.typeOf(s.chan);
  const c = lowerExpr(fl, s.chan);
  const et = chanElem(ct);
  const v = fl.convert(lowerExpr(fl, s.value), fl.typeOf(s.value), et, s.value);
  const p = addrOfValue(fl, v, mirType(et));
  fl.at(s);
  fl.b.call({ c: "rt", sym: "rog_chansend" }, [c, p]);
}

/** chanRecv lowers `<-ch`, returning [value, ok]. */
export function chanRecv(fl: FuncLowerer, e: ast.UnaryExpr): [Operand, Operand] {
  const ct = fl.typeOf(e.x);
  const c = lowerExpr(fl, e.x);
  const et = mirType(chanElem(ct));
  const tmp = place(fl.b.local(et));
  fl.store(tmp, { o: "const", ty: et, v: { c: "zero" } });
  const p = fl.temp({ r: "ref", place: tmp });
  fl.at(e);
  const ok = fl.b.call({ c: "rt", sym: "rog_chanrecv" }, [c, p], BOOL)!;
  return [copy(tmp), ok];
}

/** rangeChan lowers `for v := range ch`. */
export function rangeChan(
  fl: FuncLowerer,
  s: ast.RangeStmt,
  bind: (value: () => Operand) => void,
  body: (post: number, exit: number) => void,
): void {
  const ct = fl.typeOf(s.x);
  const c = fl.materialise(lowerExpr(fl, s.x));
  const et = mirType(chanElem(ct));
  const tmp = place(fl.b.local(et));
  const p = fl.temp({ r: "ref", place: tmp });
  const head = fl.b.newBlock();
  const bodyB = fl.b.newBlock();
  const exit = fl.b.newBlock();
  fl.b.goto(head);
  fl.b.setBlock(head);
  fl.store(tmp, { o: "const", ty: et, v: { c: "zero" } });
  const ok = fl.b.call({ c: "rt", sym: "rog_chanrecv" }, [copy(c), p], BOOL)!;
  fl.b.branch(ok, bodyB, exit);
  fl.b.setBlock(bodyB);
  bind(() => copy(tmp));
  body(head, exit);
  fl.b.setBlock(exit);
}

/** selectStmt lowers a select statement through rog_selectgo. */
export function selectStmt(
  fl: FuncLowerer,
  s: ast.SelectStmt,
  lowerClause: (c: ast.CommClause, exit: number) => void,
  assignRecv: (lhs: ast.Expr[], tok: string, vals: Operand[]) => void,
): void {
  const clauses = s.body.list as ast.CommClause[];
  const cases = clauses.filter((c) => c.comm !== null);
  const hasDefault = cases.length !== clauses.length;
  if (clauses.length === 0) {
    fl.b.call({ c: "rt", sym: "rog_block" }, [], { k: "void" }, true);
    return;
  }
  const caseTy = structType([PTR, PTR, I64]);
  const arr = place(fl.b.local(arrayType(Math.max(cases.length, 1), caseTy)));
  const recvTmps: (Place | null)[] = [];

  // Evaluate channels and sent values in source order (Go spec "Select statements").
  cases.forEach((c, i) => {
    const slot: Place = { local: arr.local, proj: [{ p: "index", idx: constInt(I64, i) }] };
    const comm = c.comm!;
    if (comm.kind === "SendStmt") {
      const ct = fl.typeOf(comm.chan);
      const ch = lowerExpr(fl, comm.chan);
      const et = chanElem(ct);
      const v = fl.convert(lowerExpr(fl, comm.value), fl.typeOf(comm.value), et, comm.value);
      const p = addrOfValue(fl, v, mirType(et));
      fl.store(slot, fl.temp({ r: "agg", ty: caseTy, ops: [ch, p, constInt(I64, 1)] }));
      recvTmps.push(null);
    } else {
      const rx = recvExpr(comm);
      const ct = fl.typeOf(rx.x);
      const ch = lowerExpr(fl, rx.x);
      const et = mirType(chanElem(ct));
      const tmp = place(fl.b.local(et));
      fl.store(tmp, { o: "const", ty: et, v: { c: "zero" } });
      const p = fl.temp({ r: "ref", place: tmp });
      fl.store(slot, fl.temp({ r: "agg", ty: caseTy, ops: [ch, p, constInt(I64, 2)] }));
      recvTmps.push(tmp);
    }
  });
  fl.at(s);
  const ap = fl.temp({ r: "ref", place: arr });
  const pair = structType([I64, I64]);
  const res = fl.materialise(
    fl.b.call(
      { c: "rt", sym: "rog_selectgo" },
      [ap, constInt(I64, cases.length), constBool(!hasDefault)],
      pair,
    )!,
  );
  const exit = fl.b.newBlock();
  const targets = clauses.map(() => fl.b.newBlock());
  const caseIdx: [bigint, number][] = [];
  let dflt = exit;
  let k = 0;
  clauses.forEach((c, i) => {
    if (c.comm === null) dflt = targets[i];
    else caseIdx.push([BigInt(k++), targets[i]]);
  });
  fl.b.terminate({
    t: "switch",
    op: copy(field(res, 0)),
    cases: caseIdx,
    otherwise: dflt,
    line: fl.b.line,
  });
  k = 0;
  clauses.forEach((c, i) => {
    fl.b.setBlock(targets[i]);
    if (c.comm && c.comm.kind !== "SendStmt") {
      const tmp = recvTmps[k];
      const comm = c.comm;
      if (comm.kind === "AssignStmt" && tmp) {
        const ok = fl.temp({ r: "bin", op: "!=", a: copy(field(res, 1)), b: constInt(I64, 0) });
        assignRecv(comm.lhs, comm.tok, [copy(tmp), ok]);
      }
    }
    if (c.comm) k++;
    lowerClause(c, exit);
  });
  fl.b.setBlock(exit);
}

function recvExpr(comm: ast.Stmt): ast.UnaryExpr {
  let e: ast.Expr;
  if (comm.kind === "ExprStmt") e = comm.x;
  else if (comm.kind === "AssignStmt") e = comm.rhs[0];
  else throw new Error("bad select case");
  while (e.kind === "ParenExpr") e = e.x;
  return e as ast.UnaryExpr;
}
