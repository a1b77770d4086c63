// Lexical tokens of Go (spec: "Tokens", "Keywords", "Operators and punctuation"), numbered so
// that the scanner and parser compare small integers instead of strings.

/**
 * Tok is a token class. Operators that share a grammatical role (binary operators, compound
 * assignments, `++`/`--`) share one class and are told apart by the scanner's `op` field.
 */
export const enum Tok {
  EOF = 1,
  Name,
  Literal,
  /** Operator is a binary or unary operator other than `*` and `<-`; see Scanner.op/prec. */
  Operator,
  /** AssignOp is `op=`, e.g. `+=`; Scanner.op holds the `op` part. */
  AssignOp,
  /** IncOp is `++` or `--`; Scanner.op holds `+` or `-`. */
  IncOp,
  Assign,
  Define,
  Arrow,
  Star,
  Lparen,
  Lbrack,
  Lbrace,
  Rparen,
  Rbrack,
  Rbrace,
  Comma,
  Semi,
  Colon,
  Dot,
  DotDotDot,

  // keywords, in alphabetical order
  Break,
  Case,
  Chan,
  Const,
  Continue,
  Default,
  Defer,
  Else,
  Fallthrough,
  For,
  Func,
  Go,
  Goto,
  If,
  Import,
  Interface,
  Map,
  Package,
  Range,
  Return,
  Select,
  Struct,
  Switch,
  Type,
  Var,
}

/**
 * TokValue is the type of the scanner's current token. It is Tok widened so that TypeScript
 * does not narrow `s.tok` after a comparison: the token changes behind its back on next().
 */
export type TokValue = Tok | (number & {});

/** Operator precedences of binary operators (spec: "Operator precedence"). */
export const enum Prec {
  None = 0,
  OrOr = 1,
  AndAnd = 2,
  Cmp = 3,
  Add = 4,
  Mul = 5,
}

const names: string[] = [
  "",
  "EOF",
  "name",
  "literal",
  "op",
  "op=",
  "opop",
  "=",
  ":=",
  "<-",
  "*",
  "(",
  "[",
  "{",
  ")",
  "]",
  "}",
  ",",
  ";",
  ":",
  ".",
  "...",
  "break",
  "case",
  "chan",
  "const",
  "continue",
  "default",
  "defer",
  "else",
  "fallthrough",
  "for",
  "func",
  "go",
  "goto",
  "if",
  "import",
  "interface",
  "map",
  "package",
  "range",
  "return",
  "select",
  "struct",
  "switch",
  "type",
  "var",
];

/** tokName is the source spelling of a token class ("(", "func", "name"). */
export function tokName(t: TokValue): string {
  return names[t as number];
}

/** isKeyword reports whether t is a keyword token. */
export function isKeyword(t: TokValue): boolean {
  return t >= Tok.Break && t <= Tok.Var;
}

/**
 * tokDescription is how gc names an expected token in "expected X": punctuation by its
 * spelling, `,` and `;` by words, keywords as "keyword K".
 */
export function tokDescription(t: TokValue): string {
  if (t === Tok.Comma) return "comma";
  if (t === Tok.Semi) return "semicolon or newline";
  if (isKeyword(t)) return "keyword " + names[t];
  return names[t];
}

/**
 * keywordAt returns the keyword token spelled by b[start:end], or 0 when that text is an
 * ordinary identifier. A switch on length and first byte keeps this free of allocation.
 */
export function keywordAt(b: Uint8Array, start: number, end: number): Tok | 0 {
  const n = end - start;
  if (n < 2 || n > 11) return 0;
  const c = b[start];
  let want: string;
  let tok: Tok;
  switch (c) {
    case 98: // b
      want = "break";
      tok = Tok.Break;
      break;
    case 99: // c
      if (n === 4) {
        if (b[start + 1] === 97) {
          want = "case";
          tok = Tok.Case;
        } else {
          want = "chan";
          tok = Tok.Chan;
        }
      } else if (n === 5) {
        want = "const";
        tok = Tok.Const;
      } else {
        want = "continue";
        tok = Tok.Continue;
      }
      break;
    case 100: // d
      if (n === 7) {
        want = "default";
        tok = Tok.Default;
      } else {
        want = "defer";
        tok = Tok.Defer;
      }
      break;
    case 101: // e
      want = "else";
      tok = Tok.Else;
      break;
    case 102: // f
      if (n === 11) {
        want = "fallthrough";
        tok = Tok.Fallthrough;
      } else if (n === 3) {
        want = "for";
        tok = Tok.For;
      } else {
        want = "func";
        tok = Tok.Func;
      }
      break;
    case 103: // g
      if (n === 2) {
        want = "go";
        tok = Tok.Go;
      } else {
        want = "goto";
        tok = Tok.Goto;
      }
      break;
    case 105: // i
      if (n === 2) {
        want = "if";
        tok = Tok.If;
      } else if (n === 6) {
        want = "import";
        tok = Tok.Import;
      } else {
        want = "interface";
        tok = Tok.Interface;
      }
      break;
    case 109: // m
      want = "map";
      tok = Tok.Map;
      break;
    case 112: // p
      want = "package";
      tok = Tok.Package;
      break;
    case 114: // r
      if (n === 5) {
        want = "range";
        tok = Tok.Range;
      } else {
        want = "return";
        tok = Tok.Return;
      }
      break;
    case 115: // s
      if (n !== 6) return 0;
      if (b[start + 1] === 101) {
        want = "select";
        tok = Tok.Select;
      } else if (b[start + 2] === 114) {
        want = "struct";
        tok = Tok.Struct;
      } else {
        want = "switch";
        tok = Tok.Switch;
      }
      break;
    case 116: // t
      want = "type";
      tok = Tok.Type;
      break;
    case 118: // v
      want = "var";
      tok = Tok.Var;
      break;
    default:
      return 0;
  }
  if (want.length !== n) return 0;
  for (let i = 1; i < n; i++) if (b[start + i] !== want.charCodeAt(i)) return 0;
  return tok;
}
