// FnBuilder: an imperative builder of one MIR body. The AST lowering uses it, and tests use it
// as a small DSL to write MIR by hand. It tracks a current block; terminators end it, and code
// emitted after a terminator lands in a fresh block that `finish` drops if nothing reaches it.

import { InternalError } from "../diag.js";
import {
  copy,
  place,
  successors,
  type Block,
  type BlockId,
  type Body,
  type Callee,
  type InlineScope,
  type Linkage,
  type LocalId,
  type Operand,
  type PanicKind,
  type Place,
  type Rvalue,
  type Statement,
  type Terminator,
} from "./mir.js";
import { rvalueType } from "./typeof.js";
import { PTR, VOID, type MirType } from "./types.js";

interface OpenBlock {
  stmts: Statement[];
  term: Terminator | null;
  cleanup?: boolean;
}

/** FnOptions are the optional parts of a body's header. */
export interface FnOptions {
  linkage?: Linkage;
  /** withCtx gives the body a local for its closure context. */
  withCtx?: boolean;
  file?: string;
  line?: number;
  paramNames?: string[];
  /** noinline marks a `//go:noinline` function: no pass and no LLVM inliner may inline it. */
  noinline?: boolean;
}

/** FnBuilder builds one Body. */
export class FnBuilder {
  private readonly body: Body;
  private readonly blocks: OpenBlock[] = [];
  /** cur is the block receiving statements. */
  cur: BlockId;

  /** linkage is the body's linkage. */
  get linkage(): Linkage {
    return this.body.linkage;
  }
  /** line is the source line attached to what is emitted next. */
  line = 0;
  /** scope is the Body.scopes index attached to what is emitted next, -1 for the body's own. */
  scope = -1;
  /** unwind is the landing block for calls that may panic, or null (set by defer lowering). */
  unwind: BlockId | null = null;

  constructor(sym: string, params: MirType[], result: MirType, opts: FnOptions = {}) {
    this.body = {
      sym,
      linkage: opts.linkage ?? "external",
      nparams: params.length,
      ctx: -1,
      exc: -1,
      locals: [{ ty: result, name: "" }],
      blocks: [],
      file: opts.file ?? "",
      line: opts.line ?? 0,
    };
    if (opts.noinline) this.body.noinline = true;
    params.forEach((t, i) => this.body.locals.push({ ty: t, name: opts.paramNames?.[i] ?? "" }));
    if (opts.withCtx) this.body.ctx = this.local(PTR, ".ctx");
    this.cur = this.newBlock();
  }

  /** sym is the symbol of the body under construction. */
  get sym(): string {
    return this.body.sym;
  }

  /** ctx is the context local, or -1. */
  get ctx(): LocalId {
    return this.body.ctx;
  }

  /** resultType is the type of the return place. */
  get resultType(): MirType {
    return this.body.locals[0].ty;
  }

  /** param returns the local of parameter i (0-based). */
  param(i: number): LocalId {
    return i + 1;
  }

  /** local adds a local. */
  local(ty: MirType, name = ""): LocalId {
    this.body.locals.push({ ty, name });
    return this.body.locals.length - 1;
  }

  /** localType returns a local's type. */
  localType(l: LocalId): MirType {
    return this.body.locals[l].ty;
  }

  /** rvType is the type of an rvalue in this body. */
  rvType(rv: Rvalue): MirType {
    return rvalueType(this.body, rv);
  }

  /** newCleanupBlock adds a landing block; the exception pointer lands in the returned local. */
  newCleanupBlock(): { block: BlockId; exc: LocalId } {
    if (this.body.exc < 0) this.body.exc = this.local(PTR, ".exc");
    this.blocks.push({ stmts: [], term: null, cleanup: true });
    return { block: this.blocks.length - 1, exc: this.body.exc };
  }

  /** newBlock adds an empty block (not made current). */
  newBlock(): BlockId {
    this.blocks.push({ stmts: [], term: null });
    return this.blocks.length - 1;
  }

  /** setBlock makes b current. */
  setBlock(b: BlockId): void {
    this.cur = b;
  }

  /** terminated reports whether the current block already has its terminator. */
  get terminated(): boolean {
    return this.blocks[this.cur].term !== null;
  }

  /** assign emits `place = rv`. */
  assign(p: Place, rv: Rvalue): void {
    this.open().stmts.push(this.stamp<Statement>({ s: "assign", place: p, rv, line: this.line }));
  }

  /** temp evaluates rv into a fresh temporary and returns a read of it. */
  temp(rv: Rvalue, name = ""): Operand {
    const l = this.local(this.rvType(rv), name);
    this.assign(place(l), rv);
    return copy(place(l));
  }

  /** terminate ends the current block with t and opens a fresh (so far unreachable) block. */
  terminate(t: Terminator): void {
    this.open().term = this.stamp(t);
    this.cur = this.newBlock();
  }

  /** goto ends the block with a jump to b. */
  goto(b: BlockId): void {
    this.terminate({ t: "goto", target: b, line: this.line });
  }

  /** branch jumps to yes when cond is true, else to no. */
  branch(cond: Operand, yes: BlockId, no: BlockId): void {
    this.terminate({ t: "switch", op: cond, cases: [[0n, no]], otherwise: yes, line: this.line });
  }

  /** ret returns from the function. */
  ret(): void {
    this.terminate({ t: "return", line: this.line });
  }

  /**
   * call emits a call and continues in a new block; it returns the result (null for void).
   * noreturn calls end control flow instead.
   */
  call(callee: Callee, args: Operand[], retTy: MirType = VOID, noreturn = false): Operand | null {
    const dest = retTy.k === "void" ? null : place(this.local(retTy));
    const next = noreturn ? null : this.newBlock();
    this.open().term = this.stamp<Terminator>({
      t: "call",
      callee,
      args,
      retTy,
      dest,
      target: next,
      unwind: this.unwind,
      line: this.line,
    });
    this.cur = next ?? this.newBlock();
    return dest ? copy(dest) : null;
  }

  /** callInto emits a call storing its result in dest. */
  callInto(callee: Callee, args: Operand[], retTy: MirType, dest: Place): void {
    const next = this.newBlock();
    this.open().term = this.stamp<Terminator>({
      t: "call",
      callee,
      args,
      retTy,
      dest,
      target: next,
      unwind: this.unwind,
      line: this.line,
    });
    this.cur = next;
  }

  /** check continues only when cond equals expected, else raises the runtime error kind. */
  check(cond: Operand, expected: boolean, kind: PanicKind, args: Operand[] = []): void {
    const next = this.newBlock();
    this.open().term = this.stamp<Terminator>({
      t: "assert",
      cond,
      expected,
      kind,
      args,
      target: next,
      unwind: this.unwind,
      line: this.line,
    });
    this.cur = next;
  }

  /** addScope adds an inline or lexical scope to the body and returns its index. */
  addScope(sc: InlineScope): number {
    const scopes = (this.body.scopes ??= []);
    scopes.push(sc);
    return scopes.length - 1;
  }

  /** stamp gives a statement or terminator the current scope. */
  private stamp<T extends { scope?: number }>(x: T): T {
    if (this.scope >= 0) x.scope = this.scope;
    return x;
  }

  private open(): OpenBlock {
    const b = this.blocks[this.cur];
    if (b.term !== null) throw new InternalError(`${this.body.sym}: bb${this.cur} already ended`);
    return b;
  }

  /**
   * finish drops blocks unreachable from the entry, renumbers the rest in creation order and
   * returns the body. A reachable block without terminator is an error unless fallthrough is
   * given, which then ends it (a `return` for functions that may fall off their end).
   */
  finish(fallthrough: Terminator | null = null): Body {
    const reach = new Set<BlockId>();
    const work = [0];
    while (work.length) {
      const b = work.pop()!;
      if (reach.has(b)) continue;
      reach.add(b);
      const blk = this.blocks[b];
      if (blk.term === null) {
        if (!fallthrough) throw new InternalError(`${this.body.sym}: bb${b} has no terminator`);
        blk.term = { ...fallthrough };
      }
      work.push(...successors(blk.term));
    }
    const renum = new Map<BlockId, BlockId>();
    this.blocks.forEach((_, i) => reach.has(i) && renum.set(i, renum.size));
    const r = (b: BlockId) => renum.get(b)!;
    for (const [i, blk] of this.blocks.entries()) {
      if (!reach.has(i)) continue;
      const out: Block = { stmts: blk.stmts, term: renumberTerm(blk.term!, r) };
      if (blk.cleanup) out.cleanup = true;
      this.body.blocks.push(out);
    }
    return this.body;
  }
}

/** renumberTerm rewrites the block ids of a terminator. */
export function renumberTerm(t: Terminator, r: (b: BlockId) => BlockId): Terminator {
  switch (t.t) {
    case "goto":
      return { ...t, target: r(t.target) };
    case "switch":
      return { ...t, cases: t.cases.map(([v, b]) => [v, r(b)]), otherwise: r(t.otherwise) };
    case "call":
      return {
        ...t,
        target: t.target === null ? null : r(t.target),
        unwind: t.unwind === null ? null : r(t.unwind),
      };
    case "assert":
      return { ...t, target: r(t.target), unwind: t.unwind === null ? null : r(t.unwind) };
    default:
      return t;
  }
}
