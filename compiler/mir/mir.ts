// The MIR data structures: per function, a typed control-flow graph of basic blocks over
// locals and places (modelled on Rust's MIR). Statements assign rvalues to places; every
// block ends in one terminator. Calls are terminators so that each may carry an unwind edge.
//
// Conventions: local 0 is the return place (type void when the function has no results, a
// struct of the results when it has several); locals 1..params.length are the parameters.

import type { MirType } from "./types.js";

/** LocalId indexes Body.locals. */
export type LocalId = number;
/** BlockId indexes Body.blocks. */
export type BlockId = number;

/** Local is one variable slot of a function: user variables, temporaries, parameters. */
export interface Local {
  ty: MirType;
  /** name is the Go name for user variables ("" for temporaries); printed and kept for DWARF. */
  name: string;
}

/** Projection is one step from a place to a part of it. */
export type Projection =
  /** field i of a struct, or of the built-in shapes: string {data, len}, slice {data, len, cap}, iface {tab, data}, complex {re, im}. */
  | { p: "field"; i: number }
  /** element idx of an array. */
  | { p: "index"; idx: Operand }
  /** the memory a pointer points at, seen as type ty. */
  | { p: "deref"; ty: MirType };

/** Place is a memory location: a local followed by projections. */
export interface Place {
  local: LocalId;
  proj: Projection[];
}

/** ConstVal is the value of a constant operand. */
export type ConstVal =
  | { c: "int"; v: bigint }
  | { c: "float"; v: number }
  | { c: "bool"; v: boolean }
  /** a string constant's bytes (Go strings are byte sequences, not always UTF-8). */
  | { c: "str"; v: Uint8Array }
  /** the zero value of the operand's type (nil for pointer shapes). */
  | { c: "zero" }
  /** the address of a global (fn false) or of a function's code (fn true). */
  | { c: "sym"; sym: string; fn: boolean };

/** Operand is a value read by an rvalue or terminator. */
export type Operand = { o: "copy"; place: Place } | { o: "const"; ty: MirType; v: ConstVal };

/** BinOp lists Go's binary operators; the operand type selects signed, unsigned or float forms. */
export type BinOp =
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "&"
  | "|"
  | "^"
  | "&^"
  | "<<"
  | ">>"
  | "=="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">=";

/** UnOp lists the unary operators: negation, logical not, bitwise complement. */
export type UnOp = "neg" | "not" | "compl";

/**
 * Rvalue is what a statement computes. Integer arithmetic wraps and division and shifts follow
 * Go's rules for every operand (codegen makes them well defined); the checks that panic
 * (division by zero, negative shift counts) are explicit Assert terminators before them.
 */
export type Rvalue =
  | { r: "use"; op: Operand }
  | { r: "bin"; op: BinOp; a: Operand; b: Operand }
  | { r: "un"; op: UnOp; a: Operand }
  /** a numeric conversion (int↔int, int↔float, float↔float, complex↔complex) to ty. */
  | { r: "conv"; a: Operand; ty: MirType }
  /** a reinterpretation between pointer and uintptr, or same-size shapes. */
  | { r: "bitcast"; a: Operand; ty: MirType }
  /** the address of a place. */
  | { r: "ref"; place: Place }
  /** a value of an aggregate type (struct, array, string, slice, iface, complex) from its parts. */
  | { r: "agg"; ty: MirType; ops: Operand[] }
  /** ptr + idx * sizeof(elem): the address of element idx of an array starting at ptr. */
  | { r: "offset"; ptr: Operand; idx: Operand; elem: MirType };

/**
 * Statement is one step inside a block. `scope`, when set, indexes Body.scopes: the statement
 * came from an inlined body and `line` is a line of that body's file.
 */
export type Statement = { s: "assign"; place: Place; rv: Rvalue; line: number; scope?: number };

/** Callee says what a call invokes. */
export type Callee =
  /** a Go function by symbol: called with a null closure context. */
  | { c: "fn"; sym: string }
  /** a runtime (C ABI) entry point: no closure context. */
  | { c: "rt"; sym: string }
  /** a func value: the closure object's first word is the code; the object is the context. */
  | { c: "closure"; fv: Operand }
  /** a code pointer called with an explicit context (interface method calls). */
  | { c: "ptr"; fn: Operand; ctx: Operand };

/** PanicKind names a runtime error an Assert raises; its args follow the runtime entry. */
export type PanicKind =
  | "index" // args: index, length
  | "bounds" // args: x, y, code (i32: gc's BoundsErrorCode, +0x100 when x is signed)
  | "nilderef"
  | "divide"
  | "shift" // negative shift amount
  | "unreachable";

/**
 * Terminator ends a block. `line` is the source line for debug info (0 if none); `scope`, as
 * for statements, names the inlined body the line belongs to.
 */
export type Terminator = (
  | { t: "goto"; target: BlockId; line: number }
  /** jump to the target whose value equals op, else to otherwise (bool operands compare as 0/1). */
  | { t: "switch"; op: Operand; cases: [bigint, BlockId][]; otherwise: BlockId; line: number }
  /**
   * a call; dest receives the result (null to drop it); target is where control continues, or
   * null when the callee never returns; unwind is the landing block when the callee panics.
   */
  | {
      t: "call";
      callee: Callee;
      args: Operand[];
      /** retTy is the callee's result type (void when none); dest, if set, must have it. */
      retTy: MirType;
      dest: Place | null;
      target: BlockId | null;
      unwind: BlockId | null;
      line: number;
    }
  /** continue at target when cond equals expected; otherwise raise the runtime error. */
  | {
      t: "assert";
      cond: Operand;
      expected: boolean;
      kind: PanicKind;
      args: Operand[];
      target: BlockId;
      unwind: BlockId | null;
      line: number;
    }
  | { t: "return"; line: number }
  | { t: "unreachable"; line: number }
) & { scope?: number };

/** Block is a basic block: statements then one terminator. */
export interface Block {
  stmts: Statement[];
  term: Terminator;
  /**
   * cleanup marks a landing block: entered only through unwind edges, it first stores the
   * in-flight exception pointer into Body.exc (ABI.md §8).
   */
  cleanup?: boolean;
}

/** Linkage is how a symbol is visible to the linker. */
export type Linkage = "external" | "internal" | "linkonce_odr";

/**
 * InlineScope is one body inlined into another (passes/inline.ts), for debug information: its
 * statements carry its index as their scope, so that DWARF describes the inlined frame and
 * runtime.Callers sees it as gc's inline tree does.
 */
export interface InlineScope {
  /** sym, file and line name the inlined function and its declaration. */
  sym: string;
  file: string;
  line: number;
  /** parent is the scope of the call (-1: the body itself); callLine its line there. */
  parent: number;
  callLine: number;
  /**
   * lexical marks a scope that is no call: code of the parent scope's own function written in
   * another file (pkg.init runs the variable initialisers of every file). DWARF gives it the file
   * (a lexical block file), and no frame of its own; sym and callLine are unused.
   */
  lexical?: boolean;
}

/** Body is one function's MIR. */
export interface Body {
  /** sym is the symbol name (ABI.md §3): main.main, pkg.(*T).M, pkg.F.func1. */
  sym: string;
  linkage: Linkage;
  /** nparams is the number of parameters; they are locals 1..nparams. */
  nparams: number;
  /** ctx is the local holding the closure context pointer, or -1 when the body ignores it. */
  ctx: LocalId;
  /** exc is the ptr local that cleanup blocks store the exception pointer in, or -1. */
  exc: LocalId;
  locals: Local[];
  blocks: Block[];
  /**
   * file is the source file name (relative, as diagnostics print it), "" if none, WRAPPER_FILE
   * for a compiler-generated wrapper (gc's `<autogenerated>`).
   */
  file: string;
  /** line is the line of the declaration, 0 if none. */
  line: number;
  /** scopes lists the bodies inlined into this one that have debug information. */
  scopes?: InlineScope[];
  /** noinline: the function is `//go:noinline`; it is never inlined, by rog or by LLVM. */
  noinline?: boolean;
}

/**
 * WRAPPER_FILE is the file of compiler-generated wrappers (go/defer thunks, method wrappers):
 * they get debug information, so that what is inlined into them keeps its frames, but marked
 * artificial, so that runtime.Callers leaves them out, as gc leaves out its wrappers.
 */
export const WRAPPER_FILE = "<autogenerated>";

/** GlobalInit is a static initial value of a global. */
export type GlobalInit =
  | { g: "zero" }
  | { g: "const"; v: ConstVal }
  | { g: "agg"; parts: GlobalInit[] }
  /**
   * raw bytes (string data, byte tables); size, when larger than v, pads v with zeros to size
   * bytes (`var buf = [100 << 20]byte{42}` keeps one byte of data).
   */
  | { g: "bytes"; v: Uint8Array; size?: number };

/** Global is a package-level variable or constant data (type descriptors, closure objects). */
export interface Global {
  sym: string;
  ty: MirType;
  init: GlobalInit;
  linkage: Linkage;
  /** constant data is emitted read-only. */
  constant: boolean;
  /**
   * typelink marks the descriptor of an unnamed composite type (slice, array, chan, map, func,
   * struct, pointer): the module lists it in its typelinks table (ABI.md §6, "Typelinks"),
   * where reflect's SliceOf, MapOf, FuncOf, ... find the compiler's descriptor of a type.
   */
  typelink?: boolean;
}

/**
 * ExternInstance asks for an instance of a generic function, or of a method of a generic type,
 * declared in another package: the check action cannot lower it (the generic body is in that
 * package's .rogb), so the opt action instantiates it (compiler/mir/lower/instantiate.ts).
 */
export interface ExternInstance {
  /** sym is the instance's symbol, as the package's MIR calls it. */
  sym: string;
  /** pkg is the import path of the package declaring the generic function or type. */
  pkg: string;
  /** recv names the generic type for a method, "" for a function. */
  recv: string;
  /** name is the function's or method's name. */
  name: string;
  /** targs holds the type arguments in export-data form (types/exportdata.ts writeTypeList). */
  targs: Uint8Array;
}

/** MirPackage is one package's MIR: what pkg.mir holds. */
export interface MirPackage {
  path: string;
  globals: Global[];
  bodies: Body[];
  /** externs lists the instances of other packages' generics the bodies use (check's output). */
  externs?: ExternInstance[];
}

/** place builds a place. */
export function place(local: LocalId, ...proj: Projection[]): Place {
  return { local, proj };
}

/** copy reads a place. */
export function copy(p: Place): Operand {
  return { o: "copy", place: p };
}

/** constInt is an integer constant of type ty. */
export function constInt(ty: MirType, v: bigint | number): Operand {
  return { o: "const", ty, v: { c: "int", v: BigInt(v) } };
}

/** constBool is a bool constant. */
export function constBool(v: boolean): Operand {
  return { o: "const", ty: { k: "bool" }, v: { c: "bool", v } };
}

/** constStr is a string constant from JS text (UTF-8 encoded) or bytes. */
export function constStr(v: string | Uint8Array): Operand {
  const bytes = typeof v === "string" ? new TextEncoder().encode(v) : v;
  return { o: "const", ty: { k: "string" }, v: { c: "str", v: bytes } };
}

/** constZero is the zero value of ty. */
export function constZero(ty: MirType): Operand {
  return { o: "const", ty, v: { c: "zero" } };
}

/** successors lists the blocks a terminator may transfer control to. */
export function successors(t: Terminator): BlockId[] {
  switch (t.t) {
    case "goto":
      return [t.target];
    case "switch":
      return [...t.cases.map((c) => c[1]), t.otherwise];
    case "call":
    case "assert": {
      const out: BlockId[] = [];
      if (t.target !== null) out.push(t.target);
      if (t.unwind !== null) out.push(t.unwind);
      return out;
    }
    case "return":
    case "unreachable":
      return [];
  }
}

/** rvalueOperands lists the operands an rvalue reads (a `ref`'s place is addressed, not read). */
export function rvalueOperands(r: Rvalue): Operand[] {
  switch (r.r) {
    case "use":
      return [r.op];
    case "bin":
      return [r.a, r.b];
    case "un":
    case "conv":
    case "bitcast":
      return [r.a];
    case "ref":
      return [];
    case "agg":
      return r.ops;
    case "offset":
      return [r.ptr, r.idx];
  }
}

/** termOperands lists the operands a terminator reads (a call's destination is written, not read). */
export function termOperands(t: Terminator): Operand[] {
  switch (t.t) {
    case "switch":
      return [t.op];
    case "assert":
      return [t.cond, ...t.args];
    case "call": {
      const c = t.callee;
      const callee = c.c === "closure" ? [c.fv] : c.c === "ptr" ? [c.fn, c.ctx] : [];
      return [...t.args, ...callee];
    }
    default:
      return [];
  }
}
