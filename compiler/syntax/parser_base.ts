// The parser's token handling, error reporting and recovery, shared by the expression,
// statement and declaration parsers. Errors follow gc: "syntax error: unexpected X, expected Y",
// one syntax error per line, and at most 10 errors per file.

import type { Diagnostic } from "../diag.js";
import type * as ast from "./ast.js";
import { Scanner } from "./scanner.js";
import type { SourceFile } from "./source.js";
import { tokDescription, tokName, Tok } from "./tokens.js";

/** maxErrors is how many errors a file reports before gc gives up with "too many errors". */
export const maxErrors = 10;

/** Bailout unwinds the parser once a file has too many errors. */
export class Bailout extends Error {}

// Tokens that start a statement: safe places to resume after an error inside a function body.
const stopTokens: readonly Tok[] = [
  Tok.Break,
  Tok.Const,
  Tok.Continue,
  Tok.Defer,
  Tok.Fallthrough,
  Tok.For,
  Tok.Go,
  Tok.Goto,
  Tok.If,
  Tok.Return,
  Tok.Select,
  Tok.Switch,
  Tok.Type,
  Tok.Var,
];

/** ParserBase holds the token stream and the error machinery. */
export abstract class ParserBase {
  protected readonly s: Scanner;
  readonly diagnostics: Diagnostic[] = [];
  /** prevEnd is the end offset of the last token consumed; nodes end there. */
  protected prevEnd = 0;
  /** fnest counts enclosing function bodies (recovery may stop at statement keywords there). */
  protected fnest = 0;
  /**
   * xnest is the expression nesting level: negative in the header of an if, for or switch,
   * where `T{` cannot start a composite literal (spec: "Composite literals", parsing ambiguity).
   */
  protected xnest = 0;

  private lastSyntaxLine = -1;
  private lastOther: { line: number; msg: string } = { line: -1, msg: "" };

  constructor(readonly source: SourceFile) {
    this.s = new Scanner(source.bytes, (off, msg) => this.errorAt(off, msg));
  }

  // ------------------------------------------------------------------------------------------
  // Tokens

  protected get tok(): Tok {
    return this.s.tok;
  }

  /** pos is the offset of the current token. */
  protected get pos(): number {
    return this.s.pos;
  }

  protected next(): void {
    this.prevEnd = this.s.end;
    this.s.next();
  }

  /** got consumes the current token if it is tok. */
  protected got(tok: Tok): boolean {
    if (this.s.tok === tok) {
      this.next();
      return true;
    }
    return false;
  }

  /** want consumes tok or reports it missing and skips one token. */
  protected want(tok: Tok): void {
    if (!this.got(tok)) {
      this.syntaxError("expected " + tokDescription(tok));
      this.advance();
    }
  }

  /** gotAssign accepts `=`, and also `:=` with an error, for better recovery. */
  protected gotAssign(): boolean {
    if (this.s.tok === Tok.Define) this.syntaxError("expected =");
    if (this.s.tok === Tok.Define || this.s.tok === Tok.Assign) {
      this.next();
      return true;
    }
    return false;
  }

  /** isOp reports whether the current token is the Operator op (e.g. "|" or "~"). */
  protected isOp(op: string): boolean {
    return this.s.tok === Tok.Operator && this.s.op === op;
  }

  // ------------------------------------------------------------------------------------------
  // Errors

  /** errorAt reports msg at offset, dropping the follow-ups gc drops. */
  errorAt(offset: number, msg: string): void {
    const line = this.source.position(offset).line;
    if (msg.startsWith("syntax error")) {
      // Only one syntax error per line: the later ones are nearly always consequences.
      if (line === this.lastSyntaxLine) return;
      this.lastSyntaxLine = line;
    } else {
      if (line === this.lastOther.line && msg === this.lastOther.msg) return;
      this.lastOther = { line, msg };
    }
    this.diagnostics.push({ file: this.source, offset, message: msg });
    if (this.diagnostics.length >= maxErrors) throw new Bailout();
  }

  protected error(msg: string): void {
    this.errorAt(this.s.pos, msg);
  }

  /**
   * syntaxErrorAt reports a syntax error. A message starting with "in", "at" or "after" or
   * "expected" is prefixed with the current token ("unexpected X"), as gc does.
   */
  protected syntaxErrorAt(offset: number, msg: string): void {
    if (this.s.tok === Tok.EOF && this.diagnostics.length > 0) return;
    if (msg.startsWith("in ") || msg.startsWith("at ") || msg.startsWith("after ")) msg = " " + msg;
    else if (msg.startsWith("expected ")) msg = ", " + msg;
    else if (msg !== "") {
      this.errorAt(offset, "syntax error: " + msg);
      return;
    }
    this.errorAt(offset, "syntax error: unexpected " + this.tokenText() + msg);
  }

  protected syntaxError(msg: string): void {
    this.syntaxErrorAt(this.s.pos, msg);
  }

  /** tokenText names the current token in an error: "name x", "literal 1", "newline", "+=". */
  protected tokenText(): string {
    const s = this.s;
    switch (s.tok) {
      case Tok.Name:
        return "name " + s.lit;
      case Tok.Semi:
        return s.lit;
      case Tok.Literal:
        return "literal " + s.lit;
      case Tok.Operator:
      case Tok.Star:
        return s.op;
      case Tok.AssignOp:
        return s.op + "=";
      case Tok.IncOp:
        return s.op + s.op;
      default:
        return tokDescription(s.tok);
    }
  }

  /**
   * advance skips tokens until one in follow (or a statement keyword, inside a function body);
   * with no follow tokens it skips exactly one token. It never skips EOF.
   */
  protected advance(...follow: Tok[]): void {
    if (follow.length === 0) {
      if (this.s.tok !== Tok.EOF) this.next();
      return;
    }
    const inBody = this.fnest > 0;
    for (;;) {
      const t = this.s.tok;
      if (t === Tok.EOF || follow.includes(t) || (inBody && stopTokens.includes(t))) return;
      this.next();
    }
  }

  /**
   * list parses `[ f { sep f } [sep] ] close` after the opening token; f returns true to stop
   * accepting elements. It returns the offset of the closing token.
   */
  protected list(context: string, sep: Tok, close: Tok, f: () => boolean): number {
    let done = false;
    while (this.s.tok !== Tok.EOF && this.s.tok !== close && !done) {
      done = f();
      if (!this.got(sep) && this.s.tok !== close) {
        this.syntaxError(
          `in ${context}; possibly missing ${tokDescription(sep)} or ${tokDescription(close)}`,
        );
        this.advance(Tok.Rparen, Tok.Rbrack, Tok.Rbrace);
        if (this.s.tok !== close) return this.s.pos;
      }
    }
    const pos = this.s.pos;
    this.want(close);
    return pos;
  }

  // ------------------------------------------------------------------------------------------
  // Small node makers

  protected badExpr(pos = this.s.pos): ast.BadExpr {
    return { kind: "BadExpr", pos, end: pos };
  }

  protected ident(pos: number, name: string): ast.Ident {
    return { kind: "Ident", pos, end: pos + utf8Length(name), name };
  }

  /** name parses an identifier, or reports "expected name" and returns `_`. */
  protected name(): ast.Ident {
    const s = this.s;
    if (s.tok === Tok.Name) {
      const id: ast.Ident = { kind: "Ident", pos: s.pos, end: s.end, name: s.lit };
      this.next();
      return id;
    }
    const id = this.ident(s.pos, "_");
    id.end = id.pos;
    this.syntaxError("expected name");
    this.advance();
    return id;
  }

  /** describeTok is the plain spelling of a token class, for messages. */
  protected describeTok(t: Tok): string {
    return tokName(t);
  }
}

/** utf8Length is the number of UTF-8 bytes of s. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
