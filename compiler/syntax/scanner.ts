// The Go tokenizer (spec: "Lexical elements"): turns a file's UTF-8 bytes into tokens, inserts
// the automatic semicolons, records comments and directives, and reports lexical errors in
// gc's wording. It works on bytes so that columns are byte columns and ASCII stays fast.

import type { Directive } from "./ast.js";
import { formatU, quoteRune, scanNumber } from "./literals.js";
import { keywordAt, Prec, Tok, type TokValue } from "./tokens.js";

/** ErrorHandler receives a lexical error at a byte offset. */
export type ErrorHandler = (offset: number, message: string) => void;

/**
 * LineHandler receives a `//line` (at the start of a line) or `/*line` comment: its text after
 * "line ", the offset of that text, and the offset from which the directive applies.
 */
export type LineHandler = (text: string, textPos: number, applyAt: number) => void;

// Interning of identifier text: identifiers repeat a lot, and building a JS string per
// occurrence is the scanner's main allocation. The table maps a hash of the bytes to the last
// string seen with that hash; a hit is confirmed by comparing bytes.
const internSize = 1 << 13;
const internTable: (string | undefined)[] = new Array(internSize);

/**
 * SliceBuffer is a Buffer with Node's direct byte-range-to-string methods, which skip the
 * argument checks of Buffer.toString; they are present on every Node release we support.
 */
type SliceBuffer = Buffer & {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
};

function sliceBuffer(src: Uint8Array): SliceBuffer {
  const b = Buffer.from(src.buffer, src.byteOffset, src.byteLength) as SliceBuffer;
  if (typeof b.latin1Slice !== "function") {
    b.latin1Slice = (s, e) => b.toString("latin1", s, e);
    b.utf8Slice = (s, e) => b.toString("utf8", s, e);
  }
  return b;
}

function isLetter(c: number): boolean {
  const l = c | 0x20;
  return (l >= 97 && l <= 122) || c === 95;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Scanner reads tokens one at a time: call next(), then look at tok and its attributes. */
export class Scanner {
  /** tok is the current token class. */
  tok: TokValue = Tok.EOF;
  /** pos and end are the byte offsets of the current token's first byte and one past its last. */
  pos = 0;
  end = 0;
  /**
   * lit is the text of a Name or Literal; for a Semi it says which: "semicolon", "newline"
   * or "EOF" (gc names the token that way in errors).
   */
  lit = "";
  /** litKind is the kind of a Literal. */
  litKind: "INT" | "FLOAT" | "IMAG" | "CHAR" | "STRING" = "INT";
  /** bad is true when the current literal is malformed (an error was reported). */
  bad = false;
  /** op is the operator of an Operator, AssignOp, IncOp or Star token; prec its precedence. */
  op = "";
  prec: Prec = Prec.None;

  /** comments holds [start, end) offset pairs of every comment read so far. */
  readonly comments: number[] = [];
  /** directives lists the directive comments (`//go:`, `//rog:`, `//export`, ...) read so far. */
  readonly directives: Directive[] = [];

  /** buf views src as a Buffer, whose slicing to strings is the fastest Node offers. */
  private readonly buf: SliceBuffer;
  private off = 0;
  private nlsemi = false;
  private readonly n: number;

  constructor(
    readonly src: Uint8Array,
    private readonly errh: ErrorHandler,
    private readonly lineh: LineHandler | null = null,
  ) {
    this.n = src.length;
    this.buf = sliceBuffer(src);
    // A byte order mark is allowed as the very first character only.
    if (this.n >= 3 && src[0] === 0xef && src[1] === 0xbb && src[2] === 0xbf) this.off = 3;
  }

  /** next advances to the next token. */
  next(): void {
    const b = this.src;
    const nlsemi = this.nlsemi;
    this.nlsemi = false;
    for (;;) {
      // Skip white space; a newline ends the statement when a semicolon may follow.
      let i = this.off;
      let c = b[i];
      while (c === 32 || c === 9 || c === 13 || (c === 10 && !nlsemi)) c = b[++i];
      this.off = i;
      this.pos = i;

      if (i >= this.n) {
        this.end = i;
        if (nlsemi) {
          this.lit = "EOF";
          this.tok = Tok.Semi;
        } else this.tok = Tok.EOF;
        return;
      }
      if (isLetter(c)) {
        this.ident(i + 1);
        return;
      }
      if (c >= 0x80) {
        this.unicodeIdent(i);
        return;
      }
      if (c === 47 /* / */) {
        const d = b[i + 1];
        if (d === 47) {
          this.lineComment(i);
          continue;
        }
        if (d === 42) {
          if (this.fullComment(i) && nlsemi) {
            this.lit = "newline";
            this.tok = Tok.Semi;
            this.end = this.off;
            return;
          }
          continue;
        }
      }
      if (this.punct(c, i)) return;
      // Not a token: complain and go on after the character.
      if (c === 0) this.errh(i, "invalid NUL character");
      else this.errh(i, `invalid character ${formatU(c)}`);
      this.off = i + 1;
    }
  }

  private ident(i: number): void {
    const b = this.src;
    const start = this.pos;
    let h = b[start];
    for (;;) {
      const c = b[i];
      if (isLetter(c) || isDigit(c)) {
        h = (h * 31 + c) | 0;
        i++;
      } else break;
    }
    if (b[i] >= 0x80) {
      this.unicodeIdentRest(start, i);
      return;
    }
    this.off = this.end = i;
    const kw = keywordAt(b, start, i);
    if (kw !== 0) {
      this.tok = kw;
      this.nlsemi =
        kw === Tok.Break || kw === Tok.Continue || kw === Tok.Fallthrough || kw === Tok.Return;
      return;
    }
    this.nlsemi = true;
    this.tok = Tok.Name;
    this.lit = this.intern(start, i, h);
  }

  private intern(start: number, end: number, h: number): string {
    const slot = (h ^ (h >>> 13) ^ (end - start)) & (internSize - 1);
    const s = internTable[slot];
    const n = end - start;
    if (s !== undefined && s.length === n) {
      const b = this.src;
      let k = 0;
      while (k < n && s.charCodeAt(k) === b[start + k]) k++;
      if (k === n) return s;
    }
    const t = this.buf.latin1Slice(start, end);
    internTable[slot] = t;
    return t;
  }

  // unicodeIdent scans a token that starts with a non-ASCII character: an identifier if the
  // character is a letter (gc treats any other non-ASCII character the same way, after an error).
  private unicodeIdent(i: number): void {
    const [cp, size] = this.decode(i);
    if (cp === 0xfeff) {
      this.errh(i, "invalid BOM in the middle of the file");
      this.off = i + size;
      this.next();
      return;
    }
    if (!isUnicodeLetter(cp)) {
      if (isUnicodeDigit(cp)) this.errh(i, `identifier cannot begin with digit ${formatU(cp)}`);
      else if (cp >= 0) this.errh(i, `invalid character ${formatU(cp)} in identifier`);
    }
    this.unicodeIdentRest(i, i + size);
  }

  private unicodeIdentRest(start: number, i: number): void {
    const b = this.src;
    for (;;) {
      const c = b[i];
      if (isLetter(c) || isDigit(c)) {
        i++;
        continue;
      }
      if (c < 0x80 || i >= this.n) break;
      const [cp, size] = this.decode(i);
      if (!isUnicodeLetter(cp) && !isUnicodeDigit(cp) && cp >= 0) {
        this.errh(i, `invalid character ${formatU(cp)} in identifier`);
      }
      i += size;
    }
    this.off = this.end = i;
    this.nlsemi = true;
    this.tok = Tok.Name;
    this.lit = this.buf.utf8Slice(start, i);
  }

  /**
   * decode reads the UTF-8 sequence at i and returns [code point, size]; a bad encoding is
   * reported and yields [-1, 1].
   */
  decode(i: number): [number, number] {
    const b = this.src;
    const c = b[i];
    let size = 0;
    let cp = 0;
    let min = 0;
    if (c >= 0xc2 && c < 0xe0) [size, cp, min] = [2, c & 0x1f, 0x80];
    else if (c >= 0xe0 && c < 0xf0) [size, cp, min] = [3, c & 0x0f, 0x800];
    else if (c >= 0xf0 && c < 0xf5) [size, cp, min] = [4, c & 0x07, 0x10000];
    let ok = size > 0 && i + size <= this.n;
    for (let k = 1; ok && k < size; k++) {
      const d = b[i + k];
      if ((d & 0xc0) !== 0x80) ok = false;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) {
      this.errh(i, "invalid UTF-8 encoding");
      return [-1, 1];
    }
    return [cp, size];
  }

  // checkText reports NULs, bad UTF-8 and BOMs inside comments and literals, as gc's source
  // reader does for every character; it returns the size of the character at i.
  private checkChar(i: number): number {
    const c = this.src[i];
    if (c === 0) {
      this.errh(i, "invalid NUL character");
      return 1;
    }
    if (c < 0x80) return 1;
    const [cp, size] = this.decode(i);
    if (cp === 0xfeff) this.errh(i, "invalid BOM in the middle of the file");
    return size;
  }

  private lineComment(start: number): void {
    const b = this.src;
    let i = start + 2;
    while (i < this.n && b[i] !== 10) {
      const c = b[i];
      i += c === 0 || c >= 0x80 ? this.checkChar(i) : 1;
    }
    // A trailing \r belongs to the line ending, not to the comment text.
    let end = i;
    if (end > start + 2 && b[end - 1] === 13) end--;
    this.comments.push(start, end);
    this.off = i;
    const d = b[start + 2];
    if (d === 103 /* g */ || d === 114 /* r */ || d === 101 /* e */ || d === 108 /* l */) {
      this.directive(start, end);
      if (
        d === 108 &&
        this.lineh !== null &&
        (start === 0 || b[start - 1] === 10) &&
        this.startsWith(start + 2, "line ")
      ) {
        this.lineh(this.buf.utf8Slice(start + 7, end), start + 7, i < this.n ? i + 1 : i);
      }
    }
  }

  private startsWith(i: number, prefix: string): boolean {
    for (let k = 0; k < prefix.length; k++)
      if (this.src[i + k] !== prefix.charCodeAt(k)) return false;
    return true;
  }

  // fullComment skips a /* */ comment and reports whether it contained a newline.
  private fullComment(start: number): boolean {
    const b = this.src;
    let i = start + 2;
    let newline = false;
    for (;;) {
      if (i >= this.n) {
        this.errh(start, "comment not terminated");
        break;
      }
      const c = b[i];
      if (c === 42 && b[i + 1] === 47) {
        i += 2;
        break;
      }
      if (c === 10) newline = true;
      i += c === 0 || c >= 0x80 ? this.checkChar(i) : 1;
    }
    this.comments.push(start, i);
    this.off = i;
    if (
      this.lineh !== null &&
      this.startsWith(start + 2, "line ") &&
      i - start >= 9 &&
      b[i - 1] === 47
    ) {
      this.lineh(this.buf.utf8Slice(start + 7, i - 2), start + 7, i);
    }
    return newline;
  }

  // directive records a `//go:name args`, `//rog:name args`, `//export name`, `//extern name`
  // or `//line` comment.
  private directive(start: number, end: number): void {
    const text = this.buf.utf8Slice(start + 2, end);
    const m = /^(go:[a-z_]+|rog:[a-z_]+|export|extern|line)(?:[ \t](.*))?$/.exec(text);
    if (m === null) return;
    if (!m[1].includes(":") && m[2] === undefined) return;
    let i = start - 1;
    while (i >= 0 && (this.src[i] === 32 || this.src[i] === 9 || this.src[i] === 13)) i--;
    const blank = i < 0 || this.src[i] === 10;
    this.directives.push({ pos: start, name: m[1], args: (m[2] ?? "").trim(), blank });
  }

  // punct scans an operator, punctuation or literal starting with the ASCII byte c; it
  // returns false when c starts no token.
  private punct(c: number, i: number): boolean {
    const b = this.src;
    const d = b[i + 1];
    let len = 1;
    switch (c) {
      case 10:
        this.lit = "newline";
        this.tok = Tok.Semi;
        break;
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        this.number(i);
        return true;
      case 34:
        this.stdString(i);
        return true;
      case 96:
        this.rawString(i);
        return true;
      case 39:
        this.rune(i);
        return true;
      case 40:
        this.tok = Tok.Lparen;
        break;
      case 91:
        this.tok = Tok.Lbrack;
        break;
      case 123:
        this.tok = Tok.Lbrace;
        break;
      case 44:
        this.tok = Tok.Comma;
        break;
      case 59:
        this.lit = "semicolon";
        this.tok = Tok.Semi;
        break;
      case 41:
        this.nlsemi = true;
        this.tok = Tok.Rparen;
        break;
      case 93:
        this.nlsemi = true;
        this.tok = Tok.Rbrack;
        break;
      case 125:
        this.nlsemi = true;
        this.tok = Tok.Rbrace;
        break;
      case 58:
        if (d === 61) {
          this.tok = Tok.Define;
          len = 2;
        } else this.tok = Tok.Colon;
        break;
      case 46:
        if (isDigit(d)) {
          this.number(i);
          return true;
        }
        if (d === 46 && b[i + 2] === 46) {
          this.tok = Tok.DotDotDot;
          len = 3;
        } else this.tok = Tok.Dot;
        break;
      case 43:
      case 45:
        if (d === c) {
          this.op = c === 43 ? "+" : "-";
          this.tok = Tok.IncOp;
          this.nlsemi = true;
          len = 2;
          break;
        }
        len = this.opOrAssign(c === 43 ? "+" : "-", Prec.Add, 1, d);
        break;
      case 42:
        this.op = "*";
        this.prec = Prec.Mul;
        if (d === 61) {
          this.tok = Tok.AssignOp;
          len = 2;
        } else this.tok = Tok.Star;
        break;
      case 47:
        len = this.opOrAssign("/", Prec.Mul, 1, d);
        break;
      case 37:
        len = this.opOrAssign("%", Prec.Mul, 1, d);
        break;
      case 38:
        if (d === 38) len = this.operator("&&", Prec.AndAnd, 2);
        else if (d === 94) len = this.opOrAssign("&^", Prec.Mul, 2, b[i + 2]);
        else len = this.opOrAssign("&", Prec.Mul, 1, d);
        break;
      case 124:
        if (d === 124) len = this.operator("||", Prec.OrOr, 2);
        else len = this.opOrAssign("|", Prec.Add, 1, d);
        break;
      case 94:
        len = this.opOrAssign("^", Prec.Add, 1, d);
        break;
      case 60:
        if (d === 61) len = this.operator("<=", Prec.Cmp, 2);
        else if (d === 60) len = this.opOrAssign("<<", Prec.Mul, 2, b[i + 2]);
        else if (d === 45) {
          this.tok = Tok.Arrow;
          len = 2;
        } else len = this.operator("<", Prec.Cmp, 1);
        break;
      case 62:
        if (d === 61) len = this.operator(">=", Prec.Cmp, 2);
        else if (d === 62) len = this.opOrAssign(">>", Prec.Mul, 2, b[i + 2]);
        else len = this.operator(">", Prec.Cmp, 1);
        break;
      case 61:
        if (d === 61) len = this.operator("==", Prec.Cmp, 2);
        else this.tok = Tok.Assign;
        break;
      case 33:
        if (d === 61) len = this.operator("!=", Prec.Cmp, 2);
        else len = this.operator("!", Prec.None, 1);
        break;
      case 126:
        len = this.operator("~", Prec.None, 1);
        break;
      default:
        return false;
    }
    this.off = this.end = i + len;
    return true;
  }

  private operator(op: string, prec: Prec, len: number): number {
    this.op = op;
    this.prec = prec;
    this.tok = Tok.Operator;
    return len;
  }

  private opOrAssign(op: string, prec: Prec, len: number, next: number): number {
    this.op = op;
    this.prec = prec;
    if (next === 61) {
      this.tok = Tok.AssignOp;
      return len + 1;
    }
    this.tok = Tok.Operator;
    return len;
  }

  private setLiteral(kind: Scanner["litKind"], start: number, end: number, ok: boolean): void {
    this.tok = Tok.Literal;
    this.litKind = kind;
    this.bad = !ok;
    this.nlsemi = true;
    this.off = this.end = end;
    this.lit = this.buf.latin1Slice(start, end);
  }

  private setTextLiteral(
    kind: Scanner["litKind"],
    start: number,
    end: number,
    ok: boolean,
    ascii: boolean,
  ): void {
    this.setLiteral(kind, start, end, ok);
    if (!ascii) this.lit = this.buf.utf8Slice(start, end);
  }

  private number(start: number): void {
    const r = scanNumber(this.src, start);
    if (r.err !== null) this.errh(r.errOffset, r.err);
    this.setLiteral(r.kind, start, r.end, r.err === null);
  }

  private stdString(start: number): void {
    const b = this.src;
    let i = start + 1;
    let ok = true;
    let ascii = true;
    for (;;) {
      if (i >= this.n) {
        this.errh(start, "string not terminated");
        ok = false;
        break;
      }
      const c = b[i];
      if (c === 34) {
        i++;
        break;
      }
      if (c === 92) {
        const r = this.escape(i + 1, 34);
        if (r < 0) {
          ok = false;
          i = -r;
        } else i = r;
        continue;
      }
      if (c === 10) {
        this.errh(i, "newline in string");
        ok = false;
        break;
      }
      if (c === 0 || c >= 0x80) {
        ascii = false;
        i += this.checkChar(i);
      } else i++;
    }
    this.setTextLiteral("STRING", start, i, ok, ascii);
  }

  private rawString(start: number): void {
    const b = this.src;
    let i = start + 1;
    let ok = true;
    let ascii = true;
    for (;;) {
      if (i >= this.n) {
        this.errh(start, "string not terminated");
        ok = false;
        break;
      }
      const c = b[i];
      if (c === 96) {
        i++;
        break;
      }
      if (c === 0 || c >= 0x80) {
        ascii = false;
        i += this.checkChar(i);
      } else i++;
    }
    this.setTextLiteral("STRING", start, i, ok, ascii);
  }

  private rune(start: number): void {
    const b = this.src;
    let i = start + 1;
    let ok = true;
    let ascii = true;
    for (let n = 0; ; n++) {
      if (i >= this.n) {
        if (ok) this.errh(start, "rune literal not terminated");
        ok = false;
        break;
      }
      const c = b[i];
      if (c === 39) {
        if (ok && n === 0) {
          this.errh(i, "empty rune literal or unescaped '");
          ok = false;
        } else if (ok && n !== 1) {
          this.errh(start, "more than one character in rune literal");
          ok = false;
        }
        i++;
        break;
      }
      if (c === 92) {
        const r = this.escape(i + 1, 39);
        if (r < 0) {
          ok = false;
          i = -r;
        } else i = r;
        continue;
      }
      if (c === 10) {
        if (ok) this.errh(i, "newline in rune literal");
        ok = false;
        break;
      }
      if (c === 0 || c >= 0x80) {
        ascii = false;
        i += this.checkChar(i);
      } else i++;
    }
    this.setTextLiteral("CHAR", start, i, ok, ascii);
  }

  // escape checks the escape sequence after a backslash at i-1 and returns the offset after
  // it, or minus that offset when the escape is invalid (after reporting why).
  private escape(i: number, quote: number): number {
    const b = this.src;
    const c = b[i];
    let n: number;
    let base: number;
    let max: number;
    switch (c) {
      case quote:
      case 97:
      case 98:
      case 102:
      case 110:
      case 114:
      case 116:
      case 118:
      case 92:
        return i + 1;
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
        n = 3;
        base = 8;
        max = 255;
        break;
      case 120:
        i++;
        n = 2;
        base = 16;
        max = 255;
        break;
      case 117:
        i++;
        n = 4;
        base = 16;
        max = 0x10ffff;
        break;
      case 85:
        i++;
        n = 8;
        base = 16;
        max = 0x10ffff;
        break;
      default:
        if (i >= this.n) return i; // the caller complains about the missing end
        this.errh(i, "unknown escape");
        return -i;
    }
    let x = 0;
    for (; n > 0; n--) {
      if (i >= this.n) return i;
      const d = b[i];
      let v = base;
      if (isDigit(d)) v = d - 48;
      else if ((d | 0x20) >= 97 && (d | 0x20) <= 102) v = (d | 0x20) - 87;
      if (v >= base) {
        const cp = d < 0x80 ? d : this.decode(i)[0];
        const name = base === 8 ? "octal" : "hexadecimal";
        this.errh(i, `invalid character ${quoteRune(cp)} in ${name} escape`);
        return -i;
      }
      x = x * base + v;
      i++;
    }
    if (x > max && base === 8) {
      this.errh(i, `octal escape value ${x} > 255`);
      return -i;
    }
    if (x > max || (x >= 0xd800 && x < 0xe000)) {
      this.errh(i, `escape is invalid Unicode code point ${formatU(x)}`);
      return -i;
    }
    return i;
  }
}

const letterRe = /^[\p{L}_]$/u;
const digitRe = /^\p{Nd}$/u;

/** isUnicodeLetter reports whether cp may start a Go identifier (spec: "Letters and digits"). */
export function isUnicodeLetter(cp: number): boolean {
  return cp >= 0 && letterRe.test(String.fromCodePoint(cp));
}

/** isUnicodeDigit reports whether cp is a Unicode decimal digit. */
export function isUnicodeDigit(cp: number): boolean {
  return cp >= 0 && digitRe.test(String.fromCodePoint(cp));
}
