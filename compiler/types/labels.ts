// Labels (Go spec "Label scopes", "Break statements", "Continue statements", "Goto
// statements"): declared-but-unused labels, undefined labels, labelled break/continue targets,
// and gotos that jump over variable declarations or into blocks.

import type * as ast from "../syntax/ast.js";
import type { Checker } from "./checker.js";
import { Label } from "./object.js";
import { Typ } from "./type.js";

interface LabelInfo {
  obj: Label;
  stmt: ast.LabeledStmt;
  /** block is the statement list holding the label, idx its position there. */
  block: ast.Stmt[];
  idx: number;
  used: boolean;
}

interface Goto {
  s: ast.BranchStmt;
  /** blocks is the chain of enclosing statement lists with the index taken in each. */
  path: { block: ast.Stmt[]; idx: number }[];
}

/** checkLabels checks all labels and branch statements with labels in a function body. */
export function checkLabels(c: Checker, body: ast.BlockStmt): void {
  // Only record label objects unless asked to report (the parser reports these errors).
  const report = c.checkBranches;
  const error = (at: ast.Node, msg: string) => report && c.error(at, msg);
  const labels = new Map<string, LabelInfo>();
  const gotos: Goto[] = [];
  const path: { block: ast.Stmt[]; idx: number }[] = [];
  const enclosing: ast.LabeledStmt[] = [];

  const declare = (s: ast.LabeledStmt, block: ast.Stmt[], idx: number) => {
    const name = s.label.name;
    if (name === "_") return;
    const prev = labels.get(name);
    if (prev) {
      error(
        s.label,
        `label ${name} already defined at ${c.file.source.format(prev.stmt.label.pos)}`,
      );
      return;
    }
    const obj = new Label(c.pkg, name, Typ.invalid, s.label.pos, c.file.source.filename);
    c.recordDef(s.label, obj);
    labels.set(name, { obj, stmt: s, block, idx, used: false });
  };

  // First pass: declare all labels (gotos may jump forward).
  const collect = (list: ast.Stmt[]) => {
    list.forEach((s, i) => collectStmt(s, list, i));
  };
  const collectStmt = (s: ast.Stmt, list: ast.Stmt[], i: number): void => {
    switch (s.kind) {
      case "LabeledStmt":
        declare(s, list, i);
        collectStmt(s.stmt, list, i);
        return;
      case "BlockStmt":
        collect(s.list);
        return;
      case "IfStmt":
        collect(s.body.list);
        if (s.else_) collectStmt(s.else_, [s.else_], 0);
        return;
      case "ForStmt":
      case "RangeStmt":
        collect(s.body.list);
        return;
      case "SwitchStmt":
      case "TypeSwitchStmt":
      case "SelectStmt":
        for (const cl of s.body.list)
          if (cl.kind === "CaseClause" || cl.kind === "CommClause") collect(cl.body);
        return;
    }
  };
  collect(body.list);

  // Second pass: resolve branch statements.
  const walkList = (list: ast.Stmt[]) => {
    list.forEach((s, i) => {
      path.push({ block: list, idx: i });
      walk(s);
      path.pop();
    });
  };
  const walk = (s: ast.Stmt): void => {
    switch (s.kind) {
      case "LabeledStmt":
        enclosing.push(s);
        walk(s.stmt);
        enclosing.pop();
        return;
      case "BranchStmt": {
        if (!s.label) return;
        const name = s.label.name;
        const li = labels.get(name);
        if (!li) {
          error(s.label, `label ${name} not defined`);
          return;
        }
        li.used = true;
        c.recordUse(s.label, li.obj);
        if (s.tok === "goto") {
          gotos.push({ s, path: [...path] });
          return;
        }
        const target = enclosing.find((l) => l.label.name === name);
        const kind = target?.stmt.kind;
        const isLoop = kind === "ForStmt" || kind === "RangeStmt";
        if (s.tok === "continue") {
          if (!target || !isLoop) error(s.label, `invalid continue label ${name}`);
        } else if (s.tok === "break") {
          if (
            !target ||
            !(isLoop || kind === "SwitchStmt" || kind === "TypeSwitchStmt" || kind === "SelectStmt")
          ) {
            error(s.label, `invalid break label ${name}`);
          }
        }
        return;
      }
      case "BlockStmt":
        walkList(s.list);
        return;
      case "IfStmt":
        walkList(s.body.list);
        if (s.else_) {
          path.push({ block: [s.else_], idx: 0 });
          walk(s.else_);
          path.pop();
        }
        return;
      case "ForStmt":
      case "RangeStmt":
        walkList(s.body.list);
        return;
      case "SwitchStmt":
      case "TypeSwitchStmt":
      case "SelectStmt":
        for (const cl of s.body.list)
          if (cl.kind === "CaseClause" || cl.kind === "CommClause") walkList(cl.body);
        return;
    }
  };
  walkList(body.list);

  // Gotos: no jumps into blocks, none forward over variable declarations.
  for (const g of gotos) {
    const li = labels.get(g.s.label!.name)!;
    const at = g.path.findIndex((p) => p.block === li.block);
    if (at < 0) {
      error(
        g.s.label!,
        `goto ${li.obj.name} jumps into block starting at ${c.file.source.format(blockStart(li))}`,
      );
      continue;
    }
    const from = g.path[at].idx;
    if (li.idx > from) {
      for (let k = from + 1; k < li.idx; k++) {
        const d = varDeclIn(li.block[k]);
        if (d) {
          error(
            g.s.label!,
            `goto ${li.obj.name} jumps over variable declaration at line ${c.file.source.position(d.pos).line}`,
          );
          break;
        }
      }
    }
  }

  for (const li of labels.values()) {
    if (!li.used && report) c.softError(li.stmt.label, `label ${li.obj.name} defined and not used`);
  }
}

function blockStart(li: LabelInfo): number {
  return li.block[0]?.pos ?? li.stmt.pos;
}

function varDeclIn(s: ast.Stmt): ast.Node | null {
  if (s.kind === "DeclStmt" && s.decl.tok === "var")
    return s.decl.specs[0] && s.decl.specs[0].kind === "ValueSpec" ? s.decl.specs[0].names[0] : s;
  if (s.kind === "AssignStmt" && s.tok === ":=") return s.lhs[0];
  if (s.kind === "LabeledStmt") return varDeclIn(s.stmt);
  return null;
}
