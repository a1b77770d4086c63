// Parsing of statements (spec: "Statements"): simple statements, blocks, the headers of if,
// for and switch with their init/condition/post parts, labels, and select and switch clauses.

import type * as ast from "./ast.js";
import { ExprParser, unparen } from "./parser_expr.js";
import { checkBranches } from "./branches.js";
import { nodeString } from "./printer.js";
import { Tok } from "./tokens.js";

/** RangeClause is `lhs := range x` while a for header is being read. */
interface RangeClause {
  kind: "RangeClause";
  pos: number;
  lhs: ast.Expr[] | null;
  def: boolean;
  x: ast.Expr;
}

type SimpleStmt = ast.Stmt | RangeClause;

/** Header is what `header` read after if, for or switch. */
interface Header {
  init: SimpleStmt | null;
  cond: ast.Expr | null;
  post: ast.Stmt | null;
  /** guard is the `x := y.(type)` or `y.(type)` statement of a type switch. */
  guard: ast.Stmt | null;
}

/** StmtParser parses statements; declarations come from the subclass. */
export abstract class StmtParser extends ExprParser {
  /** typeSwitchGuard is the last `x := y.(type)` read by simpleStmt in a switch header. */
  private typeSwitchGuard: ast.Stmt | null = null;
  /** branches counts the labels and branch statements read so far. */
  private branches = 0;

  /** declStmt parses a const, type or var declaration inside a function. */
  protected abstract declStmt(): ast.DeclStmt;

  protected funcBody(): ast.BlockStmt {
    this.fnest++;
    const errors = this.errcnt;
    const branches = this.branches;
    const body = this.blockStmt("");
    this.fnest--;
    // Only labels and branch statements can be misused; most bodies have none.
    if (this.errcnt === errors && this.branches !== branches) {
      checkBranches(body, this.source, (off, msg) => this.report(off, msg));
    }
    return body;
  }

  /** blockStmt parses `{ statements }`; context names the construct for "expected {" errors. */
  protected blockStmt(context: string): ast.BlockStmt {
    const s = this.s;
    const pos = s.pos;
    if (!this.got(Tok.Lbrace)) {
      this.syntaxError("expected { after " + context);
      this.advance(Tok.Name, Tok.Rbrace);
      const rbrace = s.pos;
      if (this.got(Tok.Rbrace))
        return { kind: "BlockStmt", pos, end: this.prevEnd, list: [], rbrace };
    }
    const list = this.stmtList();
    const rbrace = s.pos;
    this.want(Tok.Rbrace);
    return { kind: "BlockStmt", pos, end: this.prevEnd, list, rbrace };
  }

  /** stmtList parses statements up to `}`, `case`, `default` or EOF. */
  protected stmtList(): ast.Stmt[] {
    const s = this.s;
    const list: ast.Stmt[] = [];
    while (
      s.tok !== Tok.EOF &&
      s.tok !== Tok.Rbrace &&
      s.tok !== Tok.Case &&
      s.tok !== Tok.Default
    ) {
      const st = this.stmtOrNil();
      // A directive inside a statement, or after the last one, belongs to no declaration.
      this.clearDirectives();
      if (st === null) break;
      list.push(st);
      if (!this.got(Tok.Semi) && s.tok !== Tok.Rbrace) {
        this.syntaxError("at end of statement");
        this.advance(Tok.Semi, Tok.Rbrace, Tok.Case, Tok.Default);
        this.got(Tok.Semi);
      }
    }
    return list;
  }

  private stmtOrNil(): ast.Stmt | null {
    const s = this.s;
    const pos = s.pos;
    // Only declarations take the directives above them.
    if (s.tok !== Tok.Var && s.tok !== Tok.Const && s.tok !== Tok.Type) this.clearDirectives();
    switch (s.tok) {
      case Tok.Name: {
        const lhs = this.exprList();
        if (lhs.length === 1 && lhs[0].kind === "Ident" && s.tok === Tok.Colon) {
          return this.labeledStmt(lhs[0]);
        }
        return this.simpleStmt(lhs, 0) as ast.Stmt;
      }
      case Tok.Var:
      case Tok.Const:
      case Tok.Type:
        return this.declStmt();
      case Tok.Lbrace:
        return this.blockStmt("");
      case Tok.Operator:
      case Tok.Star:
        switch (s.op) {
          case "+":
          case "-":
          case "*":
          case "&":
          case "^":
          case "!":
            return this.simpleStmt(null, 0) as ast.Stmt;
        }
        return null;
      case Tok.Literal:
      case Tok.Func:
      case Tok.Lparen:
      case Tok.Lbrack:
      case Tok.Struct:
      case Tok.Map:
      case Tok.Chan:
      case Tok.Interface:
      case Tok.Arrow:
        return this.simpleStmt(null, 0) as ast.Stmt;
      case Tok.For:
        return this.forStmt();
      case Tok.Switch:
        return this.switchStmt();
      case Tok.Select:
        return this.selectStmt();
      case Tok.If:
        return this.ifStmt();
      case Tok.Fallthrough:
        this.branches++;
        this.next();
        return { kind: "BranchStmt", pos, end: this.prevEnd, tok: "fallthrough", label: null };
      case Tok.Break:
      case Tok.Continue: {
        this.branches++;
        const tok = s.tok === Tok.Break ? "break" : "continue";
        this.next();
        const label = s.tok === Tok.Name ? this.name() : null;
        return { kind: "BranchStmt", pos, end: this.prevEnd, tok, label };
      }
      case Tok.Go:
      case Tok.Defer:
        return this.callStmt();
      case Tok.Goto: {
        this.branches++;
        this.next();
        const label = this.name();
        return { kind: "BranchStmt", pos, end: this.prevEnd, tok: "goto", label };
      }
      case Tok.Return: {
        this.next();
        const results = s.tok !== Tok.Semi && s.tok !== Tok.Rbrace ? this.exprList() : [];
        return { kind: "ReturnStmt", pos, end: this.prevEnd, results };
      }
      case Tok.Semi: {
        const end = s.lit === "semicolon" ? pos + 1 : pos;
        return { kind: "EmptyStmt", pos, end, implicit: false };
      }
    }
    return null;
  }

  private labeledStmt(label: ast.Ident): ast.Stmt | null {
    const s = this.s;
    this.branches++;
    const colon = s.pos;
    this.want(Tok.Colon);
    if (s.tok === Tok.Rbrace) {
      // A label at the end of a block labels an implied empty statement.
      const empty: ast.EmptyStmt = { kind: "EmptyStmt", pos: s.pos, end: s.pos, implicit: true };
      return { kind: "LabeledStmt", pos: label.pos, end: this.prevEnd, label, stmt: empty };
    }
    const stmt = this.stmtOrNil();
    if (stmt !== null) return { kind: "LabeledStmt", pos: label.pos, end: stmt.end, label, stmt };
    this.syntaxErrorAt(colon, "missing statement after label");
    return null;
  }

  private callStmt(): ast.Stmt {
    const s = this.s;
    const pos = s.pos;
    const what = s.tok === Tok.Go ? "go" : "defer";
    this.next();
    let x = this.pexpr(null);
    const t = unparen(x);
    if (t !== x) {
      this.errorAt(x.pos, `expression in ${what} must not be parenthesized`);
      x = t;
    }
    if (x.kind !== "CallExpr") {
      this.laterError(x.pos, `expression in ${what} must be function call`);
      return { kind: "BadStmt", pos, end: this.prevEnd };
    }
    if (what === "go") return { kind: "GoStmt", pos, end: x.end, call: x };
    return { kind: "DeferStmt", pos, end: x.end, call: x };
  }

  /**
   * simpleStmt parses an expression statement, send, inc/dec, assignment or short variable
   * declaration; lhs is an expression list already read. In a for header (keyword For) it
   * also accepts a range clause; in a switch header, a type switch guard.
   */
  protected simpleStmt(lhs: ast.Expr[] | null, keyword: Tok | 0): SimpleStmt {
    const s = this.s;
    if (keyword === Tok.For && s.tok === Tok.Range) return this.rangeClause(null, false);
    if (lhs === null) lhs = this.exprList();
    const x = lhs[0];

    if (lhs.length === 1 && s.tok !== Tok.Assign && s.tok !== Tok.Define) {
      const tokPos = s.pos;
      switch (s.tok) {
        case Tok.AssignOp: {
          const tok = (s.op + "=") as ast.AssignOp;
          this.next();
          const y = this.expr();
          return { kind: "AssignStmt", pos: x.pos, end: y.end, lhs, tokPos, tok, rhs: [y] };
        }
        case Tok.IncOp: {
          const tok = s.op === "+" ? "++" : "--";
          this.next();
          return { kind: "IncDecStmt", pos: x.pos, end: this.prevEnd, x, tok };
        }
        case Tok.Arrow: {
          this.next();
          const value = this.expr();
          return { kind: "SendStmt", pos: x.pos, end: value.end, chan: x, value };
        }
        default:
          return { kind: "ExprStmt", pos: x.pos, end: x.end, x };
      }
    }

    if (s.tok === Tok.Assign || s.tok === Tok.Define) {
      const tokPos = s.pos;
      const def = s.tok === Tok.Define;
      this.next();
      if (keyword === Tok.For && s.tok === Tok.Range) return this.rangeClause(lhs, def);
      const rhs = this.exprList();
      const st: ast.AssignStmt = {
        kind: "AssignStmt",
        pos: x.pos,
        end: rhs[rhs.length - 1].end,
        lhs,
        tokPos,
        tok: def ? ":=" : "=",
        rhs,
      };
      const r = rhs[0];
      if (
        keyword === Tok.Switch &&
        def &&
        rhs.length === 1 &&
        lhs.length === 1 &&
        x.kind === "Ident" &&
        r.kind === "TypeAssertExpr" &&
        r.type === null
      ) {
        this.typeSwitchGuard = st;
      }
      return st;
    }

    this.syntaxError("expected := or = or comma");
    this.advance(Tok.Semi, Tok.Rbrace);
    return { kind: "ExprStmt", pos: x.pos, end: x.end, x };
  }

  private rangeClause(lhs: ast.Expr[] | null, def: boolean): RangeClause {
    const pos = this.s.pos;
    this.next(); // range
    return { kind: "RangeClause", pos, lhs, def, x: this.expr() };
  }

  /** header parses what follows if, for or switch, up to the `{` of the body. */
  private header(keyword: Tok): Header {
    const s = this.s;
    const h: Header = { init: null, cond: null, post: null, guard: null };
    this.want(keyword);
    if (s.tok === Tok.Lbrace) {
      if (keyword === Tok.If) {
        this.syntaxError("missing condition in if statement");
        h.cond = this.badExpr();
      }
      return h;
    }

    const outer = this.xnest;
    this.xnest = -1;
    this.typeSwitchGuard = null;
    if (s.tok !== Tok.Semi) {
      // accept potential var declaration but complain
      if (this.got(Tok.Var)) {
        this.syntaxError(`var declaration not allowed in ${this.describeTok(keyword)} initializer`);
      }
      h.init = this.simpleStmt(null, keyword);
      if (h.init.kind === "RangeClause") {
        this.xnest = outer;
        return h;
      }
    }

    let condStmt: SimpleStmt | null = null;
    let semiPos = -1;
    let semiLit = "";
    if (s.tok !== Tok.Lbrace) {
      if (s.tok === Tok.Semi) {
        semiPos = s.pos;
        semiLit = s.lit;
        this.next();
      } else {
        // asking for a '{' rather than a ';' here leads to a better error message
        this.want(Tok.Lbrace);
        if (s.tok !== Tok.Lbrace) this.advance(Tok.Lbrace, Tok.Rbrace);
      }
      if (keyword === Tok.For) {
        let missingCond = false;
        if (s.tok !== Tok.Semi) {
          if (s.tok === Tok.Lbrace) {
            this.syntaxError("expected for loop condition");
            missingCond = true;
          } else condStmt = this.simpleStmt(null, 0);
        }
        if (!missingCond) {
          this.want(Tok.Semi);
          if (s.tok !== Tok.Lbrace) {
            const post = this.simpleStmt(null, 0) as ast.Stmt;
            if (post.kind === "AssignStmt" && post.tok === ":=") {
              this.syntaxErrorAt(post.tokPos, "cannot declare in post statement of for loop");
            }
            h.post = post;
          }
        }
      } else if (s.tok !== Tok.Lbrace) {
        condStmt = this.simpleStmt(null, keyword);
      }
    } else {
      condStmt = h.init;
      h.init = null;
    }

    if (condStmt === null) {
      if (keyword === Tok.If && semiPos >= 0) {
        if (semiLit !== "semicolon") {
          this.syntaxErrorAt(semiPos, `unexpected ${semiLit}, expected { after if clause`);
        } else this.syntaxErrorAt(semiPos, "missing condition in if statement");
        h.cond = this.badExpr(semiPos);
      }
    } else if (condStmt.kind === "ExprStmt") {
      const c = condStmt.x;
      if (keyword === Tok.Switch && c.kind === "TypeAssertExpr" && c.type === null)
        h.guard = condStmt;
      else h.cond = c;
    } else if (condStmt === this.typeSwitchGuard) {
      h.guard = condStmt as ast.Stmt;
    } else {
      this.syntaxErrorAt(
        stmtOpPos(this.source.bytes, condStmt),
        `cannot use ${this.asValue(condStmt)} as value`,
      );
    }
    this.xnest = outer;
    return h;
  }

  private asValue(st: SimpleStmt): string {
    if (st.kind === "AssignStmt" && st.tok === "=") {
      const side = (l: ast.Expr[]) =>
        l.map((e) => (e.kind === "BinaryExpr" ? `(${nodeString(e)})` : nodeString(e))).join(", ");
      return `assignment ${side(st.lhs)} = ${side(st.rhs)}`;
    }
    if (st.kind === "RangeClause") return "range clause";
    return nodeString(st);
  }

  private ifStmt(): ast.IfStmt {
    const s = this.s;
    const pos = s.pos;
    const h = this.header(Tok.If);
    const body = this.blockStmt("if clause");
    let else_: ast.Stmt | null = null;
    if (this.got(Tok.Else)) {
      if (s.tok === Tok.If) else_ = this.ifStmt();
      else if (s.tok === Tok.Lbrace) else_ = this.blockStmt("");
      else {
        this.syntaxError("else must be followed by if or statement block");
        this.advance(Tok.Name, Tok.Rbrace);
      }
    }
    const cond = h.cond ?? this.badExpr(body.pos);
    return {
      kind: "IfStmt",
      pos,
      end: this.prevEnd,
      init: h.init as ast.Stmt | null,
      cond,
      body,
      else_,
    };
  }

  private forStmt(): ast.Stmt {
    const pos = this.s.pos;
    const h = this.header(Tok.For);
    const init = h.init;
    if (init !== null && init.kind === "RangeClause") {
      const body = this.blockStmt("for clause");
      const lhs = init.lhs ?? [];
      if (lhs.length > 2)
        this.errorAt(lhs[2].pos, "range clause permits at most two iteration variables");
      const tok = init.lhs === null ? null : init.def ? ":=" : "=";
      return {
        kind: "RangeStmt",
        pos,
        end: body.end,
        key: lhs[0] ?? null,
        value: lhs[1] ?? null,
        tok,
        x: init.x,
        body,
      };
    }
    const body = this.blockStmt("for clause");
    return { kind: "ForStmt", pos, end: body.end, init, cond: h.cond, post: h.post, body };
  }

  private switchStmt(): ast.Stmt {
    const s = this.s;
    const pos = s.pos;
    const h = this.header(Tok.Switch);
    const lbrace = s.pos;
    if (!this.got(Tok.Lbrace)) {
      this.syntaxError("missing { after switch clause");
      this.advance(Tok.Case, Tok.Default, Tok.Rbrace);
    }
    const list: ast.Stmt[] = [];
    while (s.tok !== Tok.EOF && s.tok !== Tok.Rbrace) list.push(this.caseClause());
    const rbrace = s.pos;
    this.want(Tok.Rbrace);
    const body: ast.BlockStmt = { kind: "BlockStmt", pos: lbrace, end: this.prevEnd, list, rbrace };
    const init = h.init as ast.Stmt | null;
    if (h.guard !== null)
      return { kind: "TypeSwitchStmt", pos, end: body.end, init, assign: h.guard, body };
    return { kind: "SwitchStmt", pos, end: body.end, init, tag: h.cond, body };
  }

  private selectStmt(): ast.SelectStmt {
    const s = this.s;
    const pos = s.pos;
    this.want(Tok.Select);
    const lbrace = s.pos;
    if (!this.got(Tok.Lbrace)) {
      this.syntaxError("missing { after select clause");
      this.advance(Tok.Case, Tok.Default, Tok.Rbrace);
    }
    const list: ast.Stmt[] = [];
    while (s.tok !== Tok.EOF && s.tok !== Tok.Rbrace) list.push(this.commClause());
    const rbrace = s.pos;
    this.want(Tok.Rbrace);
    const body: ast.BlockStmt = { kind: "BlockStmt", pos: lbrace, end: this.prevEnd, list, rbrace };
    return { kind: "SelectStmt", pos, end: body.end, body };
  }

  private caseClause(): ast.CaseClause {
    const s = this.s;
    const pos = s.pos;
    let list: ast.Expr[] | null = null;
    if (s.tok === Tok.Case) {
      this.next();
      list = this.exprList();
    } else if (s.tok === Tok.Default) {
      this.next();
    } else {
      this.syntaxError("expected case or default or }");
      this.advance(Tok.Colon, Tok.Case, Tok.Default, Tok.Rbrace);
    }
    const colon = s.pos;
    this.want(Tok.Colon);
    const body = this.stmtList();
    return { kind: "CaseClause", pos, end: this.prevEnd, list, colon, body };
  }

  private commClause(): ast.CommClause {
    const s = this.s;
    const pos = s.pos;
    let comm: ast.Stmt | null = null;
    if (s.tok === Tok.Case) {
      this.next();
      comm = this.simpleStmt(null, 0) as ast.Stmt;
    } else if (s.tok === Tok.Default) {
      this.next();
    } else {
      this.syntaxError("expected case or default or }");
      this.advance(Tok.Colon, Tok.Case, Tok.Default, Tok.Rbrace);
    }
    const colon = s.pos;
    this.want(Tok.Colon);
    const body = this.stmtList();
    return { kind: "CommClause", pos, end: this.prevEnd, comm, colon, body };
  }
}

// stmtOpPos is where gc places a simple statement in errors: at its operator (`=`, `:=`,
// `<-`, `++`), or at the start for expression statements.
function stmtOpPos(src: Uint8Array, st: SimpleStmt): number {
  switch (st.kind) {
    case "AssignStmt":
      return st.tokPos;
    case "SendStmt":
    case "IncDecStmt": {
      let i = (st.kind === "SendStmt" ? st.chan : st.x).end;
      while (i < src.length && (src[i] === 32 || src[i] === 9)) i++;
      return i;
    }
    default:
      return st.pos;
  }
}
