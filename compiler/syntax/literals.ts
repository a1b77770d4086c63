// Go literals (spec: "Integer literals" through "String literals"): the number-literal scanner
// shared with the tokenizer, validation of number text, and decoders for rune and string
// literals that the type checker uses to compute constant values.

/** NumberKind is the literal kind a number scans to. */
export type NumberKind = "INT" | "FLOAT" | "IMAG";

/**
 * NumberScan is the result of scanNumber. One module-level instance is reused, so callers must
 * copy out what they need before the next scan.
 */
export interface NumberScan {
  end: number;
  kind: NumberKind;
  /** err is the first problem found, or null; errOffset is its byte offset in the input. */
  err: string | null;
  errOffset: number;
}

const result: NumberScan = { end: 0, kind: "INT", err: null, errOffset: 0 };

function lower(c: number): number {
  return c | 0x20;
}
function isDecimal(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHex(c: number): boolean {
  return isDecimal(c) || (lower(c) >= 97 && lower(c) <= 102);
}

/** baseName spells a number base the way gc's messages do. */
export function baseName(base: number): string {
  switch (base) {
    case 2:
      return "binary";
    case 8:
      return "octal";
    case 16:
      return "hexadecimal";
    default:
      return "decimal";
  }
}

// Scratch state for scanDigits: bit 0 of digsep means "a digit was seen", bit 1 "a '_' was
// seen"; invalidAt is the offset of the first digit too large for the base, or -1.
let digsep = 0;
let invalidAt = -1;

function scanDigits(b: Uint8Array, i: number, base: number): number {
  const n = b.length;
  if (base <= 10) {
    const max = 48 + base;
    for (; i < n; i++) {
      const c = b[i];
      if (c === 95) digsep |= 2;
      else if (isDecimal(c)) {
        digsep |= 1;
        if (c >= max && invalidAt < 0) invalidAt = i;
      } else break;
    }
  } else {
    for (; i < n; i++) {
      const c = b[i];
      if (c === 95) digsep |= 2;
      else if (isHex(c)) digsep |= 1;
      else break;
    }
  }
  return i;
}

function fail(at: number, msg: string): void {
  if (result.err === null) {
    result.err = msg;
    result.errOffset = at;
  }
}

/**
 * scanNumber scans the number literal starting at b[start] (a digit, or `.` followed by a
 * digit) and reports its end, kind and the first malformation in gc's words.
 */
export function scanNumber(b: Uint8Array, start: number): NumberScan {
  result.err = null;
  result.kind = "INT";
  digsep = 0;
  invalidAt = -1;
  let base = 10;
  let prefix = 0; // 0 decimal, 48 ('0') old-style octal, else 'x', 'o' or 'b'
  let i = start;
  let seenPoint = b[i] === 46;
  if (seenPoint) i++;
  else {
    if (b[i] === 48) {
      i++;
      const c = lower(b[i]);
      if (c === 120 || c === 111 || c === 98) {
        base = c === 120 ? 16 : c === 111 ? 8 : 2;
        prefix = c;
        i++;
      } else {
        base = 8;
        prefix = 48;
        digsep = 1; // the leading 0 is a digit
      }
    }
    i = scanDigits(b, i, base);
    if (b[i] === 46) {
      if (prefix === 111 || prefix === 98)
        fail(i, `invalid radix point in ${baseName(base)} literal`);
      i++;
      seenPoint = true;
    }
  }
  if (seenPoint) {
    result.kind = "FLOAT";
    i = scanDigits(b, i, base);
  }
  if ((digsep & 1) === 0) fail(i, `${baseName(base)} literal has no digits`);

  const e = lower(b[i]);
  if (i < b.length && (e === 101 || e === 112)) {
    const ch = String.fromCharCode(b[i]);
    if (e === 101 && prefix !== 0 && prefix !== 48)
      fail(i, `'${ch}' exponent requires decimal mantissa`);
    else if (e === 112 && prefix !== 120) fail(i, `'${ch}' exponent requires hexadecimal mantissa`);
    i++;
    result.kind = "FLOAT";
    if (b[i] === 43 || b[i] === 45) i++;
    const sep = digsep & 2;
    digsep = 0;
    i = scanDigits(b, i, 10);
    if ((digsep & 1) === 0) fail(i, "exponent has no digits");
    digsep |= sep;
  } else if (prefix === 120 && result.kind === "FLOAT") {
    fail(i, "hexadecimal mantissa requires a 'p' exponent");
  }
  if (b[i] === 105) {
    result.kind = "IMAG";
    i++;
  }

  if (result.kind === "INT" && invalidAt >= 0) {
    fail(
      invalidAt,
      `invalid digit '${String.fromCharCode(b[invalidAt])}' in ${baseName(base)} literal`,
    );
  }
  if ((digsep & 2) !== 0 && result.err === null) {
    const at = badSeparator(b, start, i);
    if (at >= 0) fail(at, "'_' must separate successive digits");
  }
  result.end = i;
  return result;
}

/** badSeparator returns the offset of the first `_` in b[start:end] not between digits, or -1. */
function badSeparator(b: Uint8Array, start: number, end: number): number {
  let hex = false;
  let i = start;
  // prev classifies the previous byte: 0 a digit (or the base prefix), 1 '_', 2 anything else.
  let prev = 2;
  if (end - start >= 2 && b[start] === 48) {
    const c = lower(b[start + 1]);
    if (c === 120 || c === 111 || c === 98) {
      hex = c === 120;
      prev = 0;
      i += 2;
    }
  }
  for (; i < end; i++) {
    const c = b[i];
    if (c === 95) {
      if (prev !== 0) return i;
      prev = 1;
    } else if (isDecimal(c) || (hex && isHex(c))) {
      prev = 0;
    } else {
      if (prev === 1) return i - 1;
      prev = 2;
    }
  }
  return prev === 1 ? end - 1 : -1;
}

/**
 * checkNumber validates the text of a number literal and returns gc's message for the first
 * malformation (`invalid digit '8' in octal literal`), or null when it is well formed.
 */
export function checkNumber(text: string): string | null {
  const b = new TextEncoder().encode(text);
  const r = scanNumber(b, 0);
  if (r.err !== null) return r.err;
  return r.end === b.length ? null : "malformed number literal";
}

// ---------------------------------------------------------------------------------------------
// Rune and string literals

/** DecodeError describes a bad escape: its message (gc's wording) and offset in the literal. */
export interface DecodeError {
  message: string;
  offset: number;
}

function hexVal(c: number): number {
  if (isDecimal(c)) return c - 48;
  const l = lower(c);
  return l >= 97 && l <= 102 ? l - 87 : 99;
}

/**
 * decodeEscape decodes the escape sequence whose backslash is at text[i]. It returns the code
 * point (or a raw byte value for \x and octal escapes, flagged by isByte) and the index after
 * the escape, or a DecodeError.
 */
function decodeEscape(
  text: string,
  i: number,
  quote: number,
): { value: number; isByte: boolean; next: number } | DecodeError {
  const c = text.charCodeAt(i + 1);
  const simple = "abfnrtv\\";
  const k = simple.indexOf(text[i + 1]);
  if (k >= 0 || c === quote) {
    const values = [7, 8, 12, 10, 13, 9, 11, 92];
    return { value: k >= 0 ? values[k] : quote, isByte: false, next: i + 2 };
  }
  let n: number;
  let base: number;
  let max: number;
  let j = i + 1;
  if (c >= 48 && c <= 55) [n, base, max] = [3, 8, 255];
  else if (c === 120) [n, base, max, j] = [2, 16, 255, j + 1];
  else if (c === 117) [n, base, max, j] = [4, 16, 0x10ffff, j + 1];
  else if (c === 85) [n, base, max, j] = [8, 16, 0x10ffff, j + 1];
  else return { message: "unknown escape", offset: i + 1 };
  let x = 0;
  for (let k = 0; k < n; k++, j++) {
    const d = j < text.length ? hexVal(text.charCodeAt(j)) : 99;
    if (d >= base) {
      const what = j < text.length ? quoteRune(text.codePointAt(j)!) : "EOF";
      return { message: `invalid character ${what} in ${baseName(base)} escape`, offset: j };
    }
    x = x * base + d;
  }
  if (x > max && base === 8) return { message: `octal escape value ${x} > 255`, offset: j };
  if (x > max || (x >= 0xd800 && x < 0xe000)) {
    return { message: `escape is invalid Unicode code point ${formatU(x)}`, offset: j };
  }
  return { value: x, isByte: c === 120 || base === 8, next: j };
}

function isDecodeError(x: object): x is DecodeError {
  return "message" in x;
}

/**
 * decodeString returns the bytes of a string literal's value: a raw string has its `\r`
 * characters removed; an interpreted string has its escapes resolved (\x and octal escapes
 * give single bytes, the others UTF-8). text is the literal as written, quotes included.
 */
export function decodeString(text: string): Uint8Array | DecodeError {
  const out: number[] = [];
  const enc = new TextEncoder();
  if (text.charCodeAt(0) === 96) {
    const body = text.slice(1, text.length - 1).replace(/\r/g, "");
    return enc.encode(body);
  }
  const end = text.length - 1;
  let i = 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      const r = decodeEscape(text, i, 34);
      if (isDecodeError(r)) return r;
      if (r.isByte) out.push(r.value);
      else pushUTF8(out, r.value);
      i = r.next;
    } else if (c < 0x80) {
      out.push(c);
      i++;
    } else {
      const cp = text.codePointAt(i)!;
      pushUTF8(out, cp);
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return Uint8Array.from(out);
}

/** decodeStringText is decodeString returned as a JS string (invalid UTF-8 becomes U+FFFD). */
export function decodeStringText(text: string): string | DecodeError {
  const r = decodeString(text);
  return r instanceof Uint8Array ? new TextDecoder().decode(r) : r;
}

/** decodeRune returns the code point (or byte value) of a rune literal such as `'\n'`. */
export function decodeRune(text: string): number | DecodeError {
  if (text.charCodeAt(1) === 92) {
    const r = decodeEscape(text, 1, 39);
    return isDecodeError(r) ? r : r.value;
  }
  const cp = text.codePointAt(1);
  return cp === undefined ? { message: "empty rune literal or unescaped '", offset: 1 } : cp;
}

function pushUTF8(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else {
    out.push(
      0xf0 | (cp >> 18),
      0x80 | ((cp >> 12) & 63),
      0x80 | ((cp >> 6) & 63),
      0x80 | (cp & 63),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Go's %q and %#U renderings of a rune, used in messages.

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** quoteRune renders a code point the way Go's %q does for a rune: 'x', '\n', '\u00a0'. */
export function quoteRune(cp: number): string {
  switch (cp) {
    case 7:
      return "'\\a'";
    case 8:
      return "'\\b'";
    case 12:
      return "'\\f'";
    case 10:
      return "'\\n'";
    case 13:
      return "'\\r'";
    case 9:
      return "'\\t'";
    case 11:
      return "'\\v'";
    case 39:
      return "'\\''";
    case 92:
      return "'\\\\'";
  }
  if (cp >= 0 && cp <= 0x10ffff && printable.test(String.fromCodePoint(cp))) {
    return `'${String.fromCodePoint(cp)}'`;
  }
  if (cp < 0x80) return `'\\x${cp.toString(16).padStart(2, "0")}'`;
  if (cp < 0x10000) return `'\\u${cp.toString(16).padStart(4, "0")}'`;
  return `'\\U${cp.toString(16).padStart(8, "0")}'`;
}

/** formatU renders a code point the way Go's %#U does: `U+0040 '@'`, or `U+0000`. */
export function formatU(cp: number): string {
  const hex = "U+" + cp.toString(16).toUpperCase().padStart(4, "0");
  if (cp <= 0x10ffff && !(cp >= 0xd800 && cp < 0xe000)) {
    const s = String.fromCodePoint(cp);
    if (printable.test(s)) return `${hex} '${s}'`;
  }
  return hex;
}
