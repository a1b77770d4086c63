// The readable text form of MIR, used by golden tests and `-d=mir/dump`. Deterministic: the
// same MIR always prints the same text.

import type {
  Body,
  Callee,
  ConstVal,
  Global,
  GlobalInit,
  MirPackage,
  Operand,
  Place,
  Rvalue,
  Statement,
  Terminator,
} from "./mir.js";
import { typeStr, type MirType } from "./types.js";

/** printPackage renders a whole package: globals, then bodies in order. */
export function printPackage(pkg: MirPackage): string {
  const out = [`package ${pkg.path}`, ""];
  for (const g of pkg.globals) out.push(printGlobal(g));
  if (pkg.globals.length) out.push("");
  for (const b of pkg.bodies) out.push(printBody(b));
  return out.join("\n");
}

/** printGlobal renders one global on one line. */
export function printGlobal(g: Global): string {
  const kw = g.constant ? "const" : "var";
  return `${kw} ${g.sym}: ${typeStr(g.ty)} [${g.linkage}] = ${printInit(g.init)}`;
}

function printInit(i: GlobalInit): string {
  switch (i.g) {
    case "zero":
      return "zero";
    case "const":
      return printConst(i.v);
    case "agg":
      return `{${i.parts.map(printInit).join(", ")}}`;
    case "bytes":
      return i.size === undefined
        ? `bytes ${quoteBytes(i.v)}`
        : `bytes ${quoteBytes(i.v)} zero-padded to ${i.size}`;
  }
}

/** printBody renders one function. */
export function printBody(b: Body): string {
  const params = [];
  for (let i = 1; i <= b.nparams; i++) params.push(`_${i}: ${typeStr(b.locals[i].ty)}`);
  const ctx = (b.ctx >= 0 ? ` ctx _${b.ctx}` : "") + (b.exc >= 0 ? ` exc _${b.exc}` : "");
  const where = b.file ? ` // ${b.file}:${b.line}` : "";
  const lines = [
    `fn ${b.sym}(${params.join(", ")}) -> ${typeStr(b.locals[0].ty)} [${b.linkage}]${ctx} {${where}`,
  ];
  b.locals.forEach((l, i) => {
    if (i >= 1 && i <= b.nparams) return;
    const name = l.name ? ` // ${l.name}` : "";
    lines.push(`    let _${i}: ${typeStr(l.ty)};${name}`);
  });
  b.blocks.forEach((blk, i) => {
    lines.push(`  bb${i}${blk.cleanup ? " (cleanup)" : ""}: {`);
    for (const s of blk.stmts) lines.push(`    ${printStmt(s)}`);
    lines.push(`    ${printTerm(blk.term)}`);
    lines.push("  }");
  });
  lines.push("}", "");
  return lines.join("\n");
}

/** printStmt renders a statement. */
export function printStmt(s: Statement): string {
  return `${printPlace(s.place)} = ${printRvalue(s.rv)};${lineNote(s.line)}`;
}

function lineNote(line: number): string {
  return line ? ` // L${line}` : "";
}

/** printPlace renders a place: `_3`, `(*_3: i64)`, `_2.1`, `_4[_5]`. */
export function printPlace(p: Place): string {
  let s = `_${p.local}`;
  for (const pr of p.proj) {
    switch (pr.p) {
      case "field":
        s = `${s}.${pr.i}`;
        break;
      case "index":
        s = `${s}[${printOperand(pr.idx)}]`;
        break;
      case "deref":
        s = `(*${s}: ${typeStr(pr.ty)})`;
        break;
    }
  }
  return s;
}

/** printOperand renders an operand. */
export function printOperand(o: Operand): string {
  if (o.o === "copy") return printPlace(o.place);
  return `const ${printConst(o.v)}_${typeStr(o.ty)}`;
}

function printConst(v: ConstVal): string {
  switch (v.c) {
    case "int":
      return v.v.toString();
    case "float":
      return Object.is(v.v, -0) ? "-0.0" : Number.isInteger(v.v) ? `${v.v}.0` : String(v.v);
    case "bool":
      return String(v.v);
    case "str":
      return quoteBytes(v.v);
    case "zero":
      return "zero";
    case "sym":
      return v.fn ? `fn @${v.sym}` : `@${v.sym}`;
  }
}

/** quoteBytes renders bytes as a double-quoted string with Go-style escapes. */
export function quoteBytes(b: Uint8Array): string {
  let s = '"';
  for (const c of b) {
    if (c === 0x22 || c === 0x5c) s += "\\" + String.fromCharCode(c);
    else if (c >= 0x20 && c < 0x7f) s += String.fromCharCode(c);
    else if (c === 10) s += "\\n";
    else s += "\\x" + c.toString(16).padStart(2, "0");
  }
  return s + '"';
}

/** printRvalue renders an rvalue. */
export function printRvalue(r: Rvalue): string {
  switch (r.r) {
    case "use":
      return printOperand(r.op);
    case "bin":
      return `${printOperand(r.a)} ${r.op} ${printOperand(r.b)}`;
    case "un":
      return `${r.op} ${printOperand(r.a)}`;
    case "conv":
      return `conv ${printOperand(r.a)} to ${typeStr(r.ty)}`;
    case "bitcast":
      return `bitcast ${printOperand(r.a)} to ${typeStr(r.ty)}`;
    case "ref":
      return `&${printPlace(r.place)}`;
    case "agg":
      return `${typeStr(r.ty)} {${r.ops.map(printOperand).join(", ")}}`;
    case "offset":
      return `offset ${printOperand(r.ptr)} + ${printOperand(r.idx)} * ${typeStr(r.elem)}`;
  }
}

function printCallee(c: Callee): string {
  switch (c.c) {
    case "fn":
      return c.sym;
    case "rt":
      return `rt ${c.sym}`;
    case "closure":
      return `closure ${printOperand(c.fv)}`;
    case "ptr":
      return `ptr ${printOperand(c.fn)} ctx ${printOperand(c.ctx)}`;
  }
}

/** printTerm renders a terminator. */
export function printTerm(t: Terminator): string {
  const note = lineNote(t.line);
  switch (t.t) {
    case "goto":
      return `goto bb${t.target};${note}`;
    case "switch": {
      const cases = t.cases.map(([v, b]) => `${v}: bb${b}`);
      cases.push(`otherwise: bb${t.otherwise}`);
      return `switch ${printOperand(t.op)} [${cases.join(", ")}];${note}`;
    }
    case "call": {
      const dest = t.dest ? `${printPlace(t.dest)} = ` : "";
      const ret = t.retTy.k === "void" ? "" : `: ${typeStr(t.retTy)}`;
      const next = t.target === null ? "noreturn" : `bb${t.target}`;
      const unwind = t.unwind === null ? "" : ` unwind bb${t.unwind}`;
      const args = t.args.map(printOperand).join(", ");
      return `${dest}call ${printCallee(t.callee)}(${args})${ret} -> ${next}${unwind};${note}`;
    }
    case "assert": {
      const args = t.args.length ? `(${t.args.map(printOperand).join(", ")})` : "";
      const unwind = t.unwind === null ? "" : ` unwind bb${t.unwind}`;
      const cond = `${t.expected ? "" : "!"}${printOperand(t.cond)}`;
      return `assert ${cond} else ${t.kind}${args} -> bb${t.target}${unwind};${note}`;
    }
    case "return":
      return `return;${note}`;
    case "unreachable":
      return `unreachable;${note}`;
  }
}

/** printType is typeStr, re-exported for callers that print MIR. */
export function printType(t: MirType): string {
  return typeStr(t);
}
