// The parser's token handling, error reporting and recovery, shared by the expression,
// statement and declaration parsers. Errors follow gc: "syntax error: unexpected X, expected Y",
// one syntax error per line, and at most 10 errors per file (unless all errors are asked for).

import type { Diagnostic } from "../diag.js";
import type * as ast from "./ast.js";
import { Scanner } from "./scanner.js";
import type { SourceFile } from "./source.js";
import { tokDescription, tokName, Tok } from "./tokens.js";

/** maxErrors is how many errors a file reports before gc gives up with "too many errors". */
export const maxErrors = 10;

/**
 * DIRECTIVE_FLAGS lists the `//go:` directives that set a flag on the declaration that follows
 * (gc's pragma flags); only they, go:build among them, count as misplaced where no declaration
 * takes them. Others (linkname, cgo_*, unknown names) are ignored there, as gc ignores them.
 */
export const DIRECTIVE_FLAGS: ReadonlySet<string> = new Set([
  "go:build",
  "go:noescape",
  "go:norace",
  "go:nosplit",
  "go:noinline",
  "go:nocheckptr",
  "go:systemstack",
  "go:nowritebarrier",
  "go:nowritebarrierrec",
  "go:yeswritebarrierrec",
  "go:cgo_unsafe_args",
  "go:uintptrkeepalive",
  "go:uintptrescapes",
  "go:registerparams",
]);

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

  /**
   * later holds errors that gc reports only in type checking (so only for files free of
   * syntax errors) but that the tree cannot carry until then.
   */
  protected readonly later: Diagnostic[] = [];

  /** errcnt counts the errors of the parser and scanner proper (gc's parser keeps the same). */
  protected errcnt = 0;

  /** dirIndex is how many of the scanner's directives are attached or dropped. */
  private dirIndex = 0;

  private lastSyntaxLine = -1;
  private lastOther: { line: number; msg: string } = { line: -1, msg: "" };

  /**
   * source is the file parsed; errorLimit is how many errors stop the parse (gc's 10, or no
   * limit, as with gc's -e).
   */
  constructor(
    readonly source: SourceFile,
    protected readonly errorLimit: number = maxErrors,
  ) {
    source.clearLineBases();
    this.s = new Scanner(
      source.bytes,
      (off, msg) => this.errorAt(off, msg),
      (text, textPos, applyAt) => this.lineDirective(text, textPos, applyAt),
    );
  }

  // lineDirective applies `//line filename:line[:col]`: positions from applyAt on are
  // reported as that file and line. A directive without `:digits` at its end is ignored.
  private lineDirective(text: string, textPos: number, applyAt: number): void {
    let i = text.lastIndexOf(":") + 1;
    if (i === 0) return;
    let n = parsePosNumber(text.slice(i));
    if (n < 0) {
      this.errorAt(textPos + i, "invalid line number: " + text.slice(i));
      return;
    }
    let line = n;
    let col = 0;
    const j = text.lastIndexOf(":", i - 2) + 1;
    const m = j > 0 ? parsePosNumber(text.slice(j, i - 1)) : -1;
    const hasCol = m >= 0;
    if (hasCol) {
      // filename:line:col
      [line, col] = [m, n];
      if (col === 0 || col > posMax) {
        this.errorAt(textPos + i, "invalid column number: " + text.slice(i));
        return;
      }
      text = text.slice(0, i - 1);
      i = j;
      n = line;
    }
    if (line === 0 || line > posMax) {
      this.errorAt(textPos + i, "invalid line number: " + text.slice(i));
      return;
    }
    let filename = text.slice(0, i - 1);
    if (filename === "" && hasCol) filename = this.source.filenameAt(applyAt);
    this.source.addLineBase({ offset: applyAt, filename, line, col });
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
  // Directives

  /**
   * takeDirectives returns the directives read since the last call that lie before pos, for
   * the declaration starting there. A `//go:` directive with code before it on its line
   * belongs to nothing: gc reports it as misplaced.
   */
  protected takeDirectives(pos: number): ast.Directive[] {
    const all = this.s.directives;
    const out: ast.Directive[] = [];
    while (this.dirIndex < all.length && all[this.dirIndex].pos < pos) {
      const d = all[this.dirIndex++];
      if (d.name === "line") continue; // line directives belong to positions, not declarations
      if (d.name.startsWith("go:") && !d.blank) this.misplaced(d, "compiler directive");
      else out.push(d);
    }
    return out;
  }

  /**
   * clearDirectives drops the directives read before the current token, which no declaration
   * takes (gc's clearPragma, at the end of a statement or before a form that takes none):
   * gc reports those that mean something to the compiler as misplaced.
   */
  protected clearDirectives(): void {
    for (const d of this.takeDirectives(this.s.pos)) {
      if (d.name === "go:embed") this.misplaced(d, "go:embed directive");
      else if (DIRECTIVE_FLAGS.has(d.name)) this.misplaced(d, "compiler directive");
    }
  }

  /** misplaced reports a directive at its name, after the `//`, as gc does. */
  private misplaced(d: ast.Directive, what: string): void {
    this.report(d.pos + 2, `misplaced ${what}`);
  }

  // ------------------------------------------------------------------------------------------
  // Errors

  /** errorAt reports msg at offset, dropping the follow-ups gc drops. */
  errorAt(offset: number, msg: string): void {
    this.errcnt++;
    this.report(offset, msg);
  }

  /**
   * report records a diagnostic without counting it as a parse error: the label checks use
   * it, since their errors neither silence later syntax errors nor stop other checks in gc.
   */
  protected report(offset: number, msg: string): void {
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
    if (this.diagnostics.length >= this.errorLimit) throw new Bailout();
  }

  /** laterError records an error to report only if the file has no syntax errors. */
  protected laterError(offset: number, msg: string): void {
    this.later.push({ file: this.source, offset, message: msg });
  }

  protected error(msg: string): void {
    this.errorAt(this.s.pos, msg);
  }

  /**
   * syntaxErrorAt reports a syntax error. A message starting with "in", "at" or "after" or
   * "expected" is prefixed with the current token ("unexpected X"), as gc does.
   */
  protected syntaxErrorAt(offset: number, msg: string): void {
    if (this.s.tok === Tok.EOF && this.errcnt > 0) return;
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

const posMax = 1 << 30;

// parsePosNumber parses a line or column number: decimal digits only, or -1.
function parsePosNumber(s: string): number {
  if (!/^[0-9]+$/.test(s)) return -1;
  const n = Number(s);
  return n > 2 ** 53 ? posMax + 1 : n;
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
