// A cheap reader for what the loader needs from a Go file: its build constraint, package name and
// imports. It scans only the file header, the package clause and the import declarations (Go
// spec, "Source file organization" and "Import declarations"), never the rest of the file.

import { byteStringRunes, unquote } from "../../compiler/types/constops.js";
import { ConstraintError, type Expr, parseGoBuild, parsePlusBuild } from "./constraint.js";

/** ImportSpec is one imported path and where it is written. */
export interface ImportSpec {
  path: string;
  /** line and column (1-based, column in bytes) of the path's string literal. */
  line: number;
  column: number;
}

/** GoFileInfo is the part of a Go file the loader uses. */
export interface GoFileInfo {
  packageName: string;
  imports: ImportSpec[];
  /** constraint is the file's `//go:build` expression (or its `// +build` lines), if any. */
  constraint: Expr | null;
  /** usesCgo is true when the file imports "C". */
  usesCgo: boolean;
}

/** GoFileError is a syntax error in the part of a file the loader reads. */
export class GoFileError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

/** scanGoFile reads the constraint, package clause and imports of one Go source text. */
export function scanGoFile(text: string): GoFileInfo {
  const constraint = headerConstraint(text);
  const s = new Scanner(text);

  let pkg = s.next();
  while (pkg.kind === ";") pkg = s.next();
  if (pkg.kind !== "ident" || pkg.text !== "package") {
    throw s.error(pkg, `expected 'package', found ${describe(pkg)}`);
  }
  const name = s.next();
  if (name.kind !== "ident") throw s.error(name, `expected package name, found ${describe(name)}`);

  const imports: ImportSpec[] = [];
  imports: for (let t = s.next(); ; t = s.next()) {
    if (t.kind === ";") continue;
    if (t.kind !== "ident" || t.text !== "import") break;
    let open = s.next();
    while (open.kind === ";") open = s.next(); // `import` may end a line: no semicolon follows it
    if (open.kind === "(") {
      for (let u = s.next(); u.kind !== ")"; u = s.next()) {
        if (u.kind === ";") continue;
        const spec = importSpec(s, u);
        if (spec === "stop") break imports;
        if (spec) imports.push(spec);
      }
    } else {
      const spec = importSpec(s, open);
      if (spec === "stop") break;
      if (spec) imports.push(spec);
    }
  }

  const usesCgo = imports.some((i) => i.path === "C");
  return { packageName: name.text, imports, constraint, usesCgo };
}

/**
 * importSpec reads one import spec. A path that is not a string literal, or not a valid import
 * path, is left to the compiler, which reports it in gc's words at the same position: "stop"
 * ends the scan at a spec that is not a string (a syntax error, which stops type checking, so
 * the imports after it do not matter), null skips an invalid path.
 */
function importSpec(s: Scanner, first: Token): ImportSpec | null | "stop" {
  let t = first;
  if (t.kind === "ident" || t.kind === ".") t = s.next();
  if (t.kind === "other") return "stop";
  if (t.kind !== "string") throw s.error(t, `expected import path, found ${describe(t)}`);
  if (!validImportPath(t.text)) return null;
  // The spec's position is where it starts: at its name, if it has one (as gc reports it).
  const pos = s.position(first.offset);
  return { path: t.text, line: pos.line, column: pos.column };
}

/**
 * validImportPath applies the spec's restrictions on import paths ("Import declarations"): only
 * graphic characters that are not spaces (categories L, M, N, P, S), none of
 * !"#$%&'()*,:;<=>?[\]^`{|} or U+FFFD; and, as go/build requires, no empty, leading or
 * trailing path element.
 */
export function validImportPath(p: string): boolean {
  if (!/^[\p{L}\p{M}\p{N}\p{P}\p{S}]+$/u.test(p) || /[!"#$%&'()*,:;<=>?[\\\]^`{|}\uFFFD]/.test(p)) {
    return false;
  }
  return !p.startsWith("/") && !p.endsWith("/") && !p.split("/").includes("");
}

/**
 * headerConstraint finds the file's constraint. Directives count only in the header: the
 * leading comments and blank lines up to the last blank line before the first other text, so
 * the comment block that documents the package clause never holds one.
 */
function headerConstraint(text: string): Expr | null {
  const candidates: { line: number; text: string }[] = [];
  let lastBlank = -1;
  let inBlock = false;

  // Walk line by line without splitting the whole file: the header is usually a few lines.
  for (let i = 0, start = 0; start <= text.length; i++) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl;
    let line = text.slice(start, end).trim();
    start = end + 1;
    if (inBlock) {
      const close = line.indexOf("*/");
      if (close < 0) continue;
      inBlock = false;
      line = line.slice(close + 2).trim();
      if (line !== "") break;
      continue;
    }
    if (line === "") {
      lastBlank = i;
    } else if (line.startsWith("//")) {
      candidates.push({ line: i, text: line });
    } else if (line.startsWith("/*")) {
      const close = line.indexOf("*/", 2);
      if (close < 0) inBlock = true;
      else if (line.slice(close + 2).trim() !== "") break;
    } else {
      break;
    }
  }

  const inHeader = candidates.filter((c) => c.line < lastBlank);
  return directiveExpr(inHeader);
}

function directiveExpr(comments: { line: number; text: string }[]): Expr | null {
  let goBuild: Expr | null = null;
  let plus: Expr | null = null;
  for (const c of comments) {
    const at = (msg: string) => new GoFileError(c.line + 1, 1, msg);
    try {
      if (/^\/\/go:build(\s|$)/.test(c.text)) {
        if (goBuild) throw at("multiple //go:build comments");
        goBuild = parseGoBuild(c.text.slice("//go:build".length));
      } else if (/^\/\/\s*\+build(\s|$)/.test(c.text)) {
        const e = parsePlusBuild(c.text.replace(/^\/\/\s*\+build/, ""));
        plus = plus ? { op: "and", x: plus, y: e } : e;
      }
    } catch (e) {
      if (e instanceof ConstraintError) throw at(`parsing //go:build line: ${e.message}`);
      throw e;
    }
  }
  // A //go:build line replaces any // +build lines (Go 1.17 onwards).
  return goBuild ?? plus;
}

type TokenKind = "ident" | "string" | "(" | ")" | ";" | "." | "other" | "eof";

interface Token {
  kind: TokenKind;
  text: string;
  offset: number;
}

function describe(t: Token): string {
  if (t.kind === "eof") return "EOF";
  if (t.kind === "string") return JSON.stringify(t.text);
  return `'${t.text}'`;
}

const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{Nd}_]/u;

/** Scanner is a minimal Go tokenizer: identifiers, string literals and a few punctuators. */
class Scanner {
  private pos = 0;

  constructor(private readonly src: string) {}

  next(): Token {
    this.skipSpaceAndComments();
    const start = this.pos;
    const c = this.src[this.pos];
    if (c === undefined) return { kind: "eof", text: "", offset: start };
    if (IDENT_START.test(c)) {
      while (this.pos < this.src.length && IDENT_PART.test(this.src[this.pos])) this.pos++;
      return { kind: "ident", text: this.src.slice(start, this.pos), offset: start };
    }
    if (c === '"' || c === "`") return this.string(c);
    this.pos++;
    if (c === "\n") return { kind: ";", text: "\\n", offset: start };
    if (c === "(" || c === ")" || c === ";" || c === ".")
      return { kind: c, text: c, offset: start };
    return { kind: "other", text: c, offset: start };
  }

  private skipSpaceAndComments(): void {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === " " || c === "\t" || c === "\r") {
        this.pos++;
      } else if (c === "/" && s[this.pos + 1] === "/") {
        const nl = s.indexOf("\n", this.pos);
        this.pos = nl < 0 ? s.length : nl;
      } else if (c === "/" && s[this.pos + 1] === "*") {
        const end = s.indexOf("*/", this.pos + 2);
        this.pos = end < 0 ? s.length : end + 2;
      } else {
        return;
      }
    }
  }

  private string(quote: string): Token {
    const start = this.pos++;
    const s = this.src;
    while (this.pos < s.length && s[this.pos] !== quote) {
      if (s[this.pos] === "\n" && quote === '"') break;
      this.pos += s[this.pos] === "\\" && quote === '"' ? 2 : 1;
    }
    if (s[this.pos] !== quote) {
      throw this.error({ kind: "other", text: "", offset: start }, "string literal not terminated");
    }
    this.pos++;
    const raw = s.slice(start, this.pos);
    let text = raw.slice(1, -1);
    if (quote === '"' && text.includes("\\")) {
      // Go's escapes; an invalid one makes the path invalid, which the compiler reports.
      const bytes = unquote(raw);
      text = bytes === null ? "\uFFFD" : String.fromCodePoint(...byteStringRunes(bytes));
    }
    return { kind: "string", text, offset: start };
  }

  position(offset: number): { line: number; column: number } {
    // Imports sit near the top of a file: counting newlines up to offset is cheaper than a
    // line table over the whole file.
    let line = 1;
    let lineStart = 0;
    for (let i = this.src.indexOf("\n"); i >= 0 && i < offset; i = this.src.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    const column = Buffer.byteLength(this.src.slice(lineStart, offset), "utf8") + 1;
    return { line, column };
  }

  error(t: Token, message: string): GoFileError {
    const p = this.position(t.offset);
    return new GoFileError(p.line, p.column, message);
  }
}
