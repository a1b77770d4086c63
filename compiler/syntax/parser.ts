// The Go parser's entry point and declarations (spec: "Source file organization",
// "Declarations and scope"): package clause, imports, const/type/var groups, functions and
// methods; plus the attachment of doc comments and directives to declarations.

import type { Diagnostic } from "../diag.js";
import type * as ast from "./ast.js";
import { Bailout, maxErrors } from "./parser_base.js";
import { isTypeElem, unparen } from "./parser_expr.js";
import { StmtParser } from "./parser_stmt.js";
import type { SourceFile } from "./source.js";
import { Tok } from "./tokens.js";
import { buildConstraintGoVersion } from "./constraint.js";

/** ParseOptions tune parseFile. */
export interface ParseOptions {
  /** keepComments fills File.comments with every comment group of the file. */
  keepComments?: boolean;
  /** allErrors reports every error instead of stopping at the tenth (gc's -e). */
  allErrors?: boolean;
}

/**
 * ParseResult is a file's syntax tree and its syntax errors (at most 10, then "too many errors",
 * unless ParseOptions.allErrors).
 */
export interface ParseResult {
  file: ast.File;
  diagnostics: Diagnostic[];
}

/**
 * parseFile parses one Go source file. It always returns a tree: parts that failed to parse
 * become Bad nodes or are left out, and the errors are in diagnostics, in gc's words.
 */
export function parseFile(src: SourceFile, opts: ParseOptions = {}): ParseResult {
  const limit = opts.allErrors === true ? Infinity : maxErrors;
  const p = new Parser(src, limit);
  let file: ast.File;
  try {
    file = p.file();
  } catch (e) {
    if (e instanceof RangeError && /call stack/.test(e.message)) {
      // The recursive descent ran out of stack: only absurdly deep nesting (thousands of
      // levels) gets here, which gc would accept.
      p.diagnostics.push({
        file: src,
        offset: p.offset(),
        message: "not supported yet: nesting this deep",
      });
    } else if (!(e instanceof Bailout)) throw e;
    file = p.partialFile();
  }
  p.finish(file, opts.keepComments === true);
  // gc type-checks a file unless it has syntax errors proper (lexical errors do not stop it),
  // so the held-back checker errors appear under the same condition.
  const syntaxErrors = p.diagnostics.some((d) => d.message.startsWith("syntax error"));
  const found = syntaxErrors
    ? p.diagnostics
    : [...p.diagnostics, ...p.laterErrors()].slice(0, limit);
  // Like gc, report in position order, and after the 10th error give up at its position.
  const diagnostics = [...found].sort((a, b) => a.offset - b.offset);
  if (found.length >= limit) {
    const last = found[found.length - 1];
    diagnostics.push({ file: src, offset: last.offset, message: "too many errors" });
  }
  return { file, diagnostics };
}

type SpecParser = (group: Group | null) => ast.Spec | null;

/** Group collects the specs of one declaration `( ... )` while it is read. */
interface Group {
  index: number;
}

class Parser extends StmtParser {
  private decls: ast.Decl[] = [];
  private imports: ast.ImportSpec[] = [];
  private fileDoc: ast.CommentGroup | null = null;
  private packageName: ast.Ident = { kind: "Ident", pos: 0, end: 0, name: "_" };
  private packagePos = 0;
  /** consumedComments is how many comments have been attached as doc comments. */
  private docEnd = 0;

  constructor(source: SourceFile, errorLimit: number) {
    super(source, errorLimit);
  }

  /** file parses SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } . */
  file(): ast.File {
    const s = this.s;
    this.next();
    this.fileDoc = this.leadComment();
    this.packagePos = s.pos;
    if (!this.got(Tok.Package)) {
      this.syntaxError("package statement must be first");
      return this.partialFile();
    }
    // Directives before the package clause are the file's (gc allows only //go:build there;
    // the checker says so).
    this.takeDirectives(s.pos);
    this.packageName = this.name();
    this.clearDirectives();
    this.want(Tok.Semi);
    if (this.errcnt > 0) return this.partialFile();

    let prev = Tok.Import;
    while (s.tok !== Tok.EOF) {
      if (s.tok === Tok.Import && prev !== Tok.Import) {
        this.syntaxError("imports must appear before other declarations");
      }
      prev = s.tok;
      switch (s.tok) {
        case Tok.Import:
          this.genDecl("import", this.importSpec);
          break;
        case Tok.Const:
          this.genDecl("const", this.constSpec);
          break;
        case Tok.Type:
          this.genDecl("type", this.typeSpec);
          break;
        case Tok.Var:
          this.genDecl("var", this.varSpec);
          break;
        case Tok.Func:
          this.decls.push(this.funcDecl());
          break;
        default: {
          const last = this.decls[this.decls.length - 1];
          if (s.tok === Tok.Lbrace && last?.kind === "FuncDecl" && last.body === null) {
            this.syntaxError("unexpected semicolon or newline before {");
          } else {
            this.syntaxError("non-declaration statement outside function body");
          }
          this.advance(Tok.Import, Tok.Const, Tok.Type, Tok.Var, Tok.Func);
          continue;
        }
      }
      // Directives after a declaration's last token belong to no declaration.
      this.clearDirectives();
      if (s.tok !== Tok.EOF && !this.got(Tok.Semi)) {
        this.syntaxError("after top level declaration");
        this.advance(Tok.Import, Tok.Const, Tok.Type, Tok.Var, Tok.Func);
      }
    }
    this.clearDirectives(); // the ones after the last declaration
    return this.partialFile();
  }

  /** offset is the position of the current token. */
  offset(): number {
    return this.s.pos;
  }

  /** laterErrors returns the errors held back until the file proved free of syntax errors. */
  laterErrors(): Diagnostic[] {
    return this.later.slice(0, this.errorLimit);
  }

  /** partialFile wraps whatever has been parsed so far into a File. */
  partialFile(): ast.File {
    return {
      kind: "File",
      pos: 0,
      end: this.source.bytes.length,
      source: this.source,
      doc: this.fileDoc,
      packagePos: this.packagePos,
      name: this.packageName,
      imports: this.imports,
      decls: this.decls,
      buildConstraint: null,
      directives: [],
      comments: [],
      goVersion: null,
    };
  }

  /** finish fills in the file-level comment information once parsing is over. */
  finish(file: ast.File, keepComments: boolean): void {
    file.directives = this.s.directives;
    for (const d of file.directives) {
      if (d.name === "go:build" && d.pos < this.packagePos) {
        file.buildConstraint = d.args;
        file.goVersion = buildConstraintGoVersion(d.args);
        break;
      }
    }
    if (keepComments) file.comments = this.allCommentGroups();
  }

  // ------------------------------------------------------------------------------------------
  // Comments and directives

  private comment(i: number): ast.Comment {
    const c = this.s.comments;
    const pos = c[2 * i];
    const end = c[2 * i + 1];
    const text = new TextDecoder().decode(this.source.bytes.subarray(pos, end));
    return { kind: "Comment", pos, end, text };
  }

  // newlinesBetween counts the newlines in src[from:to], or returns -1 if something other
  // than white space lies there.
  private newlinesBetween(from: number, to: number): number {
    const b = this.source.bytes;
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = b[i];
      if (c === 10) n++;
      else if (c !== 32 && c !== 9 && c !== 13) return -1;
    }
    return n;
  }

  /**
   * leadComment returns the comment group that ends on the line just before the current token
   * (or on its line) and does not trail the previous token: a doc comment.
   */
  protected leadComment(): ast.CommentGroup | null {
    const c = this.s.comments;
    let last = c.length / 2 - 1;
    if (last < this.docEnd) return null;
    const tokPos = this.s.pos;
    // The scanner is one token ahead at most, so every comment read lies before the token.
    if (c[2 * last + 1] > tokPos) return null;
    const gap = this.newlinesBetween(c[2 * last + 1], tokPos);
    if (gap < 0 || gap > 1) return null;
    let first = last;
    while (first > this.docEnd) {
      const g = this.newlinesBetween(c[2 * first - 1], c[2 * first]);
      if (g < 0 || g > 1) break;
      first--;
    }
    // A comment on the same line as the previous token belongs to that token.
    while (
      first <= last &&
      this.prevEnd > 0 &&
      this.newlinesBetween(this.prevEnd, c[2 * first]) === 0
    )
      first++;
    if (first > last) return null;
    this.docEnd = last + 1;
    const list: ast.Comment[] = [];
    for (let i = first; i <= last; i++) list.push(this.comment(i));
    return { kind: "CommentGroup", pos: list[0].pos, end: list[list.length - 1].end, list };
  }

  private allCommentGroups(): ast.CommentGroup[] {
    const c = this.s.comments;
    const groups: ast.CommentGroup[] = [];
    let cur: ast.Comment[] = [];
    for (let i = 0; i < c.length / 2; i++) {
      if (cur.length > 0) {
        const g = this.newlinesBetween(cur[cur.length - 1].end, c[2 * i]);
        if (g < 0 || g > 1) {
          groups.push({
            kind: "CommentGroup",
            pos: cur[0].pos,
            end: cur[cur.length - 1].end,
            list: cur,
          });
          cur = [];
        }
      }
      cur.push(this.comment(i));
    }
    if (cur.length > 0)
      groups.push({
        kind: "CommentGroup",
        pos: cur[0].pos,
        end: cur[cur.length - 1].end,
        list: cur,
      });
    return groups;
  }

  // ------------------------------------------------------------------------------------------
  // Declarations

  // genDecl parses `keyword spec` or `keyword ( spec; ... )` and appends it to the file.
  private genDecl(tok: ast.GenDecl["tok"], spec: SpecParser): void {
    const d = this.genDeclAt(tok, spec);
    this.decls.push(d);
    if (tok === "import") for (const sp of d.specs) this.imports.push(sp as ast.ImportSpec);
  }

  private genDeclAt(tok: ast.GenDecl["tok"], spec: SpecParser): ast.GenDecl {
    const s = this.s;
    const pos = s.pos;
    const doc = this.leadComment();
    this.next(); // keyword
    const d: ast.GenDecl = { kind: "GenDecl", pos, end: pos, doc, tok, lparen: -1, specs: [] };
    if (s.tok === Tok.Lparen) {
      d.lparen = s.pos;
      this.clearDirectives();
      this.next();
      const group: Group = { index: 0 };
      this.list("grouped declaration", Tok.Semi, Tok.Rparen, () => {
        const sp = spec.call(this, group);
        if (sp !== null) d.specs.push(sp);
        group.index++;
        return false;
      });
    } else {
      const sp = spec.call(this, null);
      if (sp !== null) {
        if (sp.doc === null) sp.doc = doc;
        d.specs.push(sp);
      }
    }
    d.end = this.prevEnd;
    return d;
  }

  /** declStmt parses a const, type or var declaration as a statement. */
  protected declStmt(): ast.DeclStmt {
    const s = this.s;
    let decl: ast.GenDecl;
    if (s.tok === Tok.Var) decl = this.genDeclAt("var", this.varSpec);
    else if (s.tok === Tok.Const) decl = this.genDeclAt("const", this.constSpec);
    else decl = this.genDeclAt("type", this.typeSpec);
    return { kind: "DeclStmt", pos: decl.pos, end: decl.end, decl };
  }

  private importSpec(group: Group | null): ast.Spec | null {
    const s = this.s;
    const pos = s.pos;
    const doc = group ? this.leadComment() : null;
    const directives = this.takeDirectives(pos);
    let name: ast.Ident | null = null;
    if (s.tok === Tok.Name) name = this.name();
    else if (s.tok === Tok.Dot) {
      name = { kind: "Ident", pos: s.pos, end: s.end, name: "." };
      this.next();
    }
    const path = this.literal();
    if (path === null) {
      this.syntaxError("missing import path");
      this.advance(Tok.Semi, Tok.Rparen);
      return null;
    }
    if (!this.s.bad && path.litKind !== "STRING") {
      this.syntaxErrorAt(path.pos, "import path must be a string");
    }
    return { kind: "ImportSpec", pos, end: path.end, doc, name, path, directives };
  }

  private valueSpec(
    pos: number,
    doc: ast.CommentGroup | null,
    names: ast.Ident[],
    type: ast.Expr | null,
    values: ast.Expr[],
    iota: number,
    directives: ast.Directive[],
  ): ast.ValueSpec {
    const last = values.length > 0 ? values[values.length - 1] : (type ?? names[names.length - 1]);
    return { kind: "ValueSpec", pos, end: last.end, doc, names, type, values, iota, directives };
  }

  private nameList(): ast.Ident[] {
    const names = [this.name()];
    while (this.got(Tok.Comma)) names.push(this.name());
    return names;
  }

  private constSpec(group: Group | null): ast.Spec | null {
    const s = this.s;
    const pos = s.pos;
    const doc = group ? this.leadComment() : null;
    const directives = this.takeDirectives(pos);
    const names = this.nameList();
    let type: ast.Expr | null = null;
    let values: ast.Expr[] = [];
    if (s.tok !== Tok.EOF && s.tok !== Tok.Semi && s.tok !== Tok.Rparen) {
      type = this.typeOrNil();
      if (this.gotAssign()) values = this.exprList();
    }
    return this.valueSpec(pos, doc, names, type, values, group?.index ?? 0, directives);
  }

  private varSpec(group: Group | null): ast.Spec | null {
    const pos = this.s.pos;
    const doc = group ? this.leadComment() : null;
    const directives = this.takeDirectives(pos);
    const names = this.nameList();
    let type: ast.Expr | null = null;
    let values: ast.Expr[] = [];
    if (this.gotAssign()) values = this.exprList();
    else {
      type = this.type_();
      if (this.gotAssign()) values = this.exprList();
    }
    return this.valueSpec(pos, doc, names, type, values, 0, directives);
  }

  private typeSpec(group: Group | null): ast.Spec | null {
    const s = this.s;
    const pos = s.pos;
    const doc = group ? this.leadComment() : null;
    const directives = this.takeDirectives(pos);
    const name = this.name();
    let typeParams: ast.FieldList | null = null;
    let assign = -1;
    let type: ast.Expr | null;

    if (s.tok === Tok.Lbrack) {
      // `type T[P C] ...` declares a generic type; `type T [N]E` an array type. The two are
      // told apart by what follows the first name inside the brackets.
      const lbrack = s.pos;
      this.next();
      if (s.tok === Tok.Name) {
        let x: ast.Expr = this.name();
        if (s.tok !== Tok.Lbrack) {
          this.xnest++;
          x = this.binaryExpr(this.pexpr(x), 0);
          this.xnest--;
        }
        const [pname, ptype] = extractName(x, s.tok === Tok.Comma);
        if (pname !== null && (ptype !== null || s.tok !== Tok.Rbrack)) {
          typeParams = this.paramList(lbrack, pname, ptype, Tok.Rbrack, true, false);
          if (s.tok === Tok.Assign || s.tok === Tok.Define) assign = s.pos;
          if (!this.gotAssign()) assign = -1;
          type = this.typeOrNil();
        } else type = this.arrayType(lbrack, x);
      } else if (this.got(Tok.Rbrack)) type = this.sliceType(lbrack);
      else type = this.arrayType(lbrack, null);
    } else {
      if (s.tok === Tok.Assign || s.tok === Tok.Define) assign = s.pos;
      if (!this.gotAssign()) assign = -1;
      type = this.typeOrNil();
    }

    if (type === null) {
      type = this.badExpr();
      this.syntaxError("in type declaration");
      this.advance(Tok.Semi, Tok.Rparen);
    }
    return {
      kind: "TypeSpec",
      pos,
      end: type.end,
      doc,
      name,
      typeParams,
      assign,
      type,
      directives,
    };
  }

  private funcDecl(): ast.FuncDecl {
    const s = this.s;
    const pos = s.pos;
    const doc = this.leadComment();
    const directives = this.takeDirectives(pos);
    this.next(); // func

    let recv: ast.FieldList | null = null;
    let context = "";
    if (s.tok === Tok.Lparen) {
      const lparen = s.pos;
      this.next();
      context = "method";
      recv = this.paramList(lparen, null, null, Tok.Rparen, false, false);
      let n = 0;
      for (const f of recv.list) n += Math.max(1, f.names.length);
      if (n === 0) this.error("method has no receiver");
      else if (n > 1) this.error("method has multiple receivers");
    }

    let name: ast.Ident;
    let typeParams: ast.FieldList | null = null;
    let type: ast.FuncType;
    if (s.tok === Tok.Name) {
      name = this.name();
      ({ typeParams, type } = this.funcType(pos, context));
    } else {
      name = { kind: "Ident", pos: s.pos, end: s.pos, name: "_" };
      const empty: ast.FieldList = { kind: "FieldList", pos: s.pos, end: s.pos, list: [] };
      type = { kind: "FuncType", pos, end: s.pos, typeParams: null, params: empty, results: null };
      this.syntaxError(context !== "" ? "expected name" : "expected name or (");
      this.advance(Tok.Lbrace, Tok.Semi);
    }
    const body = s.tok === Tok.Lbrace ? this.funcBody() : null;
    this.clearDirectives();
    return {
      kind: "FuncDecl",
      pos,
      end: this.prevEnd,
      doc,
      recv,
      name,
      typeParams,
      type,
      body,
      directives,
    };
  }
}

/**
 * extractName splits `P C` read as an expression inside `type T[...` into the type parameter
 * name P and its constraint C, when x has such a shape (`P *C`, `P ~int | string`, `P(C)`);
 * otherwise x is an array length and the name is null. force says a comma followed, which
 * makes a type parameter list certain.
 */
function extractName(x: ast.Expr, force: boolean): [ast.Ident | null, ast.Expr | null] {
  switch (x.kind) {
    case "Ident":
      return [x, null];
    case "BinaryExpr":
      if (x.op === "*" && x.x.kind === "Ident" && (force || isTypeElem(x.y))) {
        return [x.x, { kind: "StarExpr", pos: x.opPos, end: x.y.end, x: x.y }];
      }
      if (x.op === "|") {
        const [name, lhs] = extractName(x.x, force || isTypeElem(x.y));
        if (name !== null && lhs !== null) {
          return [
            name,
            {
              kind: "BinaryExpr",
              pos: lhs.pos,
              end: x.end,
              opPos: x.opPos,
              op: "|",
              x: lhs,
              y: x.y,
            },
          ];
        }
      }
      break;
    case "CallExpr":
      if (
        x.fun.kind === "Ident" &&
        x.args.length === 1 &&
        !x.hasDots &&
        (force || isTypeElem(x.args[0]))
      ) {
        return [x.fun, unparen(x.args[0])];
      }
      break;
  }
  return [null, x];
}
