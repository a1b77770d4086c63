// Checks of labels and branch statements in one function body (spec: "Label scopes", "Break
// statements", "Continue statements", "Goto statements", "Fallthrough statements"). gc does
// these in its syntax package, right after parsing a body, with the messages used here.

import type * as ast from "./ast.js";
import type { SourceFile } from "./source.js";
import { nodeString } from "./printer.js";

type Report = (offset: number, message: string) => void;

/** Block is a statement list being checked, linked to its enclosing one. */
interface Block {
  parent: Block | null;
  /** start is the offset where the block starts (named in "jumps into block" errors). */
  start: number;
  /** label is the labeled statement whose statement owns this block, if any. */
  label: ast.LabeledStmt | null;
}

interface Label {
  block: Block;
  stmt: ast.LabeledStmt;
  used: boolean;
}

/** Targets are what unlabeled break, continue and fallthrough refer to at some point. */
interface Targets {
  breaks: ast.Stmt | null;
  continues: ast.Stmt | null;
  /** caseIndex is the index of the enclosing switch case clause, or -1. */
  caseIndex: number;
}

/** checkBranches reports misuse of labels, break, continue, goto and fallthrough in body. */
export function checkBranches(body: ast.BlockStmt, source: SourceFile, report: Report): void {
  new BranchChecker(source, report).check(body);
}

const invalidTarget: ast.LabeledStmt = {
  kind: "LabeledStmt",
  pos: -1,
  end: -1,
  label: { kind: "Ident", pos: -1, end: -1, name: "" },
  stmt: { kind: "EmptyStmt", pos: -1, end: -1, implicit: true },
};

class BranchChecker {
  private labels = new Map<string, Label>();

  constructor(
    private readonly source: SourceFile,
    private readonly report: Report,
  ) {}

  check(body: ast.BlockStmt): void {
    const noTargets: Targets = { breaks: null, continues: null, caseIndex: -1 };
    const forward = this.block(null, noTargets, null, body.pos, body.list);
    for (const g of forward) {
      const name = g.label!.name;
      const l = this.labels.get(name);
      if (l !== undefined) {
        l.used = true;
        const start = this.source.format(l.block.start);
        this.report(g.label!.pos, `goto ${name} jumps into block starting at ${start}`);
      } else this.report(g.label!.pos, `label ${name} not defined`);
    }
    for (const l of this.labels.values()) {
      if (!l.used) this.report(l.stmt.label.pos, `label ${l.stmt.label.name} defined and not used`);
    }
  }

  private declare(b: Block, s: ast.LabeledStmt): Label {
    const name = s.label.name;
    const alt = this.labels.get(name);
    if (alt !== undefined) {
      const at = this.source.format(alt.stmt.label.pos);
      this.report(s.label.pos, `label ${name} already defined at ${at}`);
      return alt;
    }
    const l: Label = { block: b, stmt: s, used: false };
    this.labels.set(name, l);
    return l;
  }

  // gotoTarget finds a label declared in b or an enclosing block (a backward goto).
  private gotoTarget(b: Block | null, name: string): ast.LabeledStmt | null {
    const l = this.labels.get(name);
    if (l === undefined) return null;
    l.used = true;
    for (; b !== null; b = b.parent) if (l.block === b) return l.stmt;
    return null;
  }

  // enclosingTarget finds the labeled statement enclosing b named name, for labeled break
  // and continue; invalidTarget when the label exists but does not enclose b.
  private enclosingTarget(b: Block | null, name: string): ast.LabeledStmt | null {
    const l = this.labels.get(name);
    if (l === undefined) return null;
    l.used = true;
    for (; b !== null; b = b.parent) if (l.stmt === b.label) return l.stmt;
    return invalidTarget;
  }

  /** block checks one statement list and returns the gotos still looking for their label. */
  private block(
    parent: Block | null,
    ctxt: Targets,
    lstmt: ast.LabeledStmt | null,
    start: number,
    body: ast.Stmt[],
  ): ast.BranchStmt[] {
    const b: Block = { parent, start, label: lstmt };
    let fwd: ast.BranchStmt[] = [];
    // The last variable declaration seen, and the forward gotos it lies after.
    let varPos = -1;
    let varName = "";
    let jumpedOver: ast.BranchStmt[] = [];
    const recordVar = (pos: number, name: string) => {
      varPos = pos;
      varName = name;
      jumpedOver = [...fwd];
    };
    const inner = (t: Targets, at: number, list: ast.Stmt[]) => {
      fwd.push(...this.block(b, t, lstmt, at, list));
    };

    const list = trimTrailingEmpty(body);
    list.forEach((stmt0, index) => {
      lstmt = null;
      let stmt = stmt0;
      while (stmt.kind === "LabeledStmt") {
        const s = stmt;
        if (s.label.name !== "_") {
          const l = this.declare(b, s);
          fwd = fwd.filter((g) => {
            if (g.label!.name !== s.label.name) return true;
            l.used = true;
            if (varPos >= 0 && jumpedOver.includes(g)) {
              const at = this.source.format(varPos);
              this.report(
                g.label!.pos,
                `goto ${s.label.name} jumps over declaration of ${varName} at ${at}`,
              );
            }
            return false;
          });
          lstmt = s;
        }
        stmt = s.stmt;
      }

      switch (stmt.kind) {
        case "DeclStmt":
          if (stmt.decl.tok === "var" && stmt.decl.specs.length > 0) {
            const spec = stmt.decl.specs[0] as ast.ValueSpec;
            recordVar(spec.pos, spec.names[0].name);
          }
          break;
        case "BranchStmt":
          this.branch(stmt, b, ctxt, index, list.length, (g) => fwd.push(g));
          break;
        case "AssignStmt":
          if (stmt.tok === ":=")
            recordVar(stmt.tokPos, stmt.lhs.map((e) => nodeString(e)).join(", "));
          break;
        case "BlockStmt":
          inner({ ...ctxt, caseIndex: -1 }, stmt.pos, stmt.list);
          break;
        case "IfStmt": {
          const t = { ...ctxt, caseIndex: -1 };
          inner(t, stmt.body.pos, stmt.body.list);
          if (stmt.else_ !== null) inner(t, stmt.else_.pos, [stmt.else_]);
          break;
        }
        case "ForStmt":
        case "RangeStmt":
          inner({ breaks: stmt, continues: stmt, caseIndex: -1 }, stmt.body.pos, stmt.body.list);
          break;
        case "SwitchStmt":
        case "TypeSwitchStmt":
        case "SelectStmt": {
          const clauses = stmt.body.list as (ast.CaseClause | ast.CommClause)[];
          clauses.forEach((cc, i) => {
            const t = {
              breaks: stmt,
              continues: ctxt.continues,
              caseIndex: stmt.kind === "SelectStmt" ? -1 : i,
            };
            inner(t, cc.pos, cc.body);
          });
          break;
        }
      }
    });
    return fwd;
  }

  private branch(
    s: ast.BranchStmt,
    b: Block,
    ctxt: Targets,
    index: number,
    count: number,
    forward: (g: ast.BranchStmt) => void,
  ): void {
    if (s.label === null) {
      switch (s.tok) {
        case "break":
          if (ctxt.breaks === null) this.report(s.pos, "break is not in a loop, switch, or select");
          return;
        case "continue":
          if (ctxt.continues === null) this.report(s.pos, "continue is not in a loop");
          return;
        case "fallthrough": {
          let msg = "fallthrough statement out of place";
          const t = ctxt.breaks;
          if (t !== null && t.kind === "TypeSwitchStmt") msg = "cannot fallthrough in type switch";
          else if (
            t !== null &&
            t.kind === "SwitchStmt" &&
            ctxt.caseIndex >= 0 &&
            index + 1 === count
          ) {
            if (ctxt.caseIndex + 1 === t.body.list.length)
              msg = "cannot fallthrough final case in switch";
            else return; // a proper fallthrough
          }
          this.report(s.pos, msg);
          return;
        }
      }
      return;
    }
    const name = s.label.name;
    switch (s.tok) {
      case "break": {
        const t = this.enclosingTarget(b, name);
        if (t === null) this.report(s.label.pos, `break label not defined: ${name}`);
        else if (!isBreakTarget(t.stmt)) this.report(s.label.pos, `invalid break label ${name}`);
        return;
      }
      case "continue": {
        const t = this.enclosingTarget(b, name);
        if (t === null) this.report(s.label.pos, `continue label not defined: ${name}`);
        else if (t.stmt.kind !== "ForStmt" && t.stmt.kind !== "RangeStmt") {
          this.report(s.label.pos, `invalid continue label ${name}`);
        }
        return;
      }
      case "goto":
        if (this.gotoTarget(b, name) === null) forward(s);
        return;
    }
  }
}

function isBreakTarget(s: ast.Stmt): boolean {
  switch (s.kind) {
    case "SwitchStmt":
    case "TypeSwitchStmt":
    case "SelectStmt":
    case "ForStmt":
    case "RangeStmt":
      return true;
  }
  return false;
}

function trimTrailingEmpty(list: ast.Stmt[]): ast.Stmt[] {
  let n = list.length;
  while (n > 0 && list[n - 1].kind === "EmptyStmt") n--;
  return n === list.length ? list : list.slice(0, n);
}
