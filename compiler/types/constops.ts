// Exact constant arithmetic (Go spec "Constant expressions"): literal parsing, the unary,
// binary, shift and comparison operators over ConstValue, conversions between kinds,
// representability checks against the basic types, and printing for diagnostics.

import type { ConstValue } from "./constant.js";

/** Rat is an exact rational num/den with den > 0, reduced. */
export interface Rat {
  num: bigint;
  den: bigint;
}

type CV = ConstValue;

/** UNKNOWN is the value of a constant expression that failed to evaluate. */
export const UNKNOWN: CV = { kind: "unknown" };

/** Float constants keep at least this many mantissa bits once they stop being small rationals. */
const PREC = 512;
/** MAX_BITS bounds the size of an exact rational before it is rounded to PREC bits. */
const MAX_BITS = 4096;

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** bitLen returns the number of bits of |x|. */
export function bitLen(x: bigint): number {
  if (x < 0n) x = -x;
  if (x === 0n) return 0;
  return x.toString(16).length * 4 - Math.clz32(parseInt(x.toString(16)[0], 16)) + 28;
}

/** rat makes a reduced rational, rounding to PREC bits when it grows too large. */
export function rat(num: bigint, den: bigint): Rat {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  if (g > 1n) {
    num /= g;
    den /= g;
  }
  if (den !== 1n && (bitLen(num) > MAX_BITS || bitLen(den) > MAX_BITS)) return roundRat(num, den);
  return { num, den };
}

/** roundRat rounds num/den to a binary float with PREC bits of mantissa. */
function roundRat(num: bigint, den: bigint): Rat {
  const neg = num < 0n;
  if (neg) num = -num;
  // Choose e so that num*2^-e / den has PREC bits.
  const e = bitLen(num) - bitLen(den) - PREC;
  let q = e >= 0 ? num / (den << BigInt(e)) : (num << BigInt(-e)) / den;
  if (neg) q = -q;
  if (e >= 0) return { num: q << BigInt(e), den: 1n };
  const d = 1n << BigInt(-e);
  const g = gcd(q, d);
  return { num: q / g, den: d / g };
}

export function mkInt(v: bigint): CV {
  return { kind: "int", value: v };
}
export function mkFloat(r: Rat): CV {
  return { kind: "float", num: r.num, den: r.den };
}
export function mkBool(b: boolean): CV {
  return { kind: "bool", value: b };
}
export function mkString(s: string): CV {
  return { kind: "string", value: s };
}
export function mkComplex(re: Rat, im: Rat): CV {
  return { kind: "complex", re, im };
}

// ---------------------------------------------------------------------------------------------
// Literals

/** parseIntLit parses a Go integer literal (with prefixes and `_` separators). */
export function parseIntLit(text: string): bigint | null {
  let s = text.replace(/_/g, "");
  try {
    if (/^0[0-7]+$/.test(s)) return BigInt("0o" + s.slice(1));
    if (/^0[oO]/.test(s)) s = "0o" + s.slice(2);
    if (/^0[xX]/.test(s)) s = "0x" + s.slice(2);
    if (/^0[bB]/.test(s)) s = "0b" + s.slice(2);
    return BigInt(s);
  } catch {
    return null;
  }
}

function pow(b: bigint, e: number): bigint {
  return b ** BigInt(e);
}

/** parseFloatLit parses a decimal or hexadecimal floating-point literal exactly. */
export function parseFloatLit(text: string): Rat | null {
  const s = text.replace(/_/g, "");
  if (/^0[xX]/.test(s)) {
    const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/.exec(s);
    if (!m) return null;
    const int = m[1] ?? "";
    const frac = m[2] ?? "";
    const digits = int + frac;
    if (digits === "") return null;
    const mant = BigInt("0x" + digits);
    const exp = parseInt(m[3] ?? "0", 10) - 4 * frac.length;
    if (Math.abs(exp) > 1e6) return null;
    return exp >= 0 ? rat(mant << BigInt(exp), 1n) : rat(mant, 1n << BigInt(-exp));
  }
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m) return null;
  const int = m[1] ?? "";
  const frac = m[2] ?? "";
  if (int + frac === "") return null;
  const mant = BigInt(int + frac || "0");
  const exp = parseInt(m[3] ?? "0", 10) - frac.length;
  if (Math.abs(exp) > 100000) {
    // Astronomically large or small: keep a rounded binary approximation.
    if (mant === 0n) return { num: 0n, den: 1n };
    if (exp < 0) return { num: 0n, den: 1n };
    return null;
  }
  return exp >= 0 ? rat(mant * pow(10n, exp), 1n) : rat(mant, pow(10n, -exp));
}

/** parseLiteral turns a BasicLit's text into a constant value, or null when malformed. */
export function parseLiteral(
  kind: "INT" | "FLOAT" | "IMAG" | "CHAR" | "STRING",
  text: string,
): CV | null {
  switch (kind) {
    case "INT": {
      const v = parseIntLit(text);
      return v === null ? null : mkInt(v);
    }
    case "FLOAT": {
      const r = parseFloatLit(text);
      return r === null ? null : mkFloat(r);
    }
    case "IMAG": {
      const body = text.slice(0, -1);
      let r: Rat | null;
      if (/^[0-9_]+$/.test(body) && !/^0[0-9_]/.test(body)) r = parseFloatLit(body);
      else if (/^0[0-9_]*$/.test(body)) r = parseFloatLit(body.replace(/^0+(?=.)/, ""));
      else if (/^0[xXbBoO]/.test(body) && !/[.pP]/.test(body)) {
        const v = parseIntLit(body);
        r = v === null ? null : { num: v, den: 1n };
      } else r = parseFloatLit(body);
      return r === null ? null : mkComplex({ num: 0n, den: 1n }, r);
    }
    case "CHAR": {
      const bytes = unquote(text);
      if (bytes === null) return null;
      const cps = decodeRunes(bytes, text.includes("\\") ? text : null);
      if (cps.length !== 1) return null;
      return mkInt(BigInt(cps[0]));
    }
    case "STRING": {
      const v = unquote(text);
      return v === null ? null : mkString(v);
    }
  }
}

/**
 * unquote decodes a Go string or rune literal into a byte string: one JS char per byte
 * (latin-1), which is how string constants are held (Go strings are byte sequences).
 */
export function unquote(text: string): string | null {
  const q = text[0];
  if (text.length < 2 || text[text.length - 1] !== q) return null;
  const body = text.slice(1, -1);
  if (q === "`") return utf8Bytes(body.replace(/\r/g, ""));
  let out = "";
  for (let i = 0; i < body.length;) {
    const ch = body[i];
    if (ch !== "\\") {
      const cp = body.codePointAt(i)!;
      out += utf8Bytes(String.fromCodePoint(cp));
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = body[i + 1];
    i += 2;
    const simple: Record<string, number> = {
      a: 7,
      b: 8,
      f: 12,
      n: 10,
      r: 13,
      t: 9,
      v: 11,
      "\\": 92,
      "'": 39,
      '"': 34,
    };
    if (e in simple) {
      if ((e === "'" && q !== "'") || (e === '"' && q !== '"')) return null;
      out += String.fromCharCode(simple[e]);
    } else if (e === "x") {
      const h = body.slice(i, i + 2);
      if (!/^[0-9a-fA-F]{2}$/.test(h)) return null;
      out += String.fromCharCode(parseInt(h, 16));
      i += 2;
    } else if (e >= "0" && e <= "7") {
      const o = body.slice(i - 1, i + 2);
      if (!/^[0-7]{3}$/.test(o)) return null;
      const v = parseInt(o, 8);
      if (v > 255) return null;
      out += String.fromCharCode(v);
      i += 2;
    } else if (e === "u" || e === "U") {
      const n = e === "u" ? 4 : 8;
      const h = body.slice(i, i + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) return null;
      const cp = parseInt(h, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) return null;
      out += utf8Bytes(String.fromCodePoint(cp));
      i += n;
    } else return null;
  }
  return out;
}

/** utf8Bytes encodes text as UTF-8, one JS char per byte. */
export function utf8Bytes(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  const b = new TextEncoder().encode(s);
  let out = "";
  for (let i = 0; i < b.length; i += 8192) {
    out += String.fromCharCode(...b.subarray(i, i + 8192));
  }
  return out;
}

/** decodeRunes decodes a rune literal's byte string into code points (escapes count as one). */
function decodeRunes(bytes: string, escaped: string | null): number[] {
  if (escaped !== null) {
    // \x and octal escapes denote a single byte value as the rune.
    const body = escaped.slice(1, -1);
    if (/^\\(x[0-9a-fA-F]{2}|[0-7]{3})$/.test(body)) return [bytes.charCodeAt(0)];
  }
  return byteStringRunes(bytes);
}

/** byteStringRunes decodes a byte string as UTF-8 (invalid bytes give U+FFFD). */
export function byteStringRunes(bytes: string): number[] {
  const arr = Uint8Array.from(bytes, (c) => c.charCodeAt(0));
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(arr);
  return [...text].map((c) => c.codePointAt(0)!);
}

// ---------------------------------------------------------------------------------------------
// Kind conversions

const ZERO: Rat = { num: 0n, den: 1n };

export function toRat(v: CV): Rat | null {
  switch (v.kind) {
    case "int":
      return { num: v.value, den: 1n };
    case "float":
      return { num: v.num, den: v.den };
    case "complex":
      return v.im.num === 0n ? v.re : null;
    default:
      return null;
  }
}

/** toInt converts to an int value when exact, else returns the value unchanged. */
export function toInt(v: CV): CV {
  const r = toRat(v);
  if (r && r.den === 1n) return mkInt(r.num);
  return v;
}

export function toFloat(v: CV): CV {
  const r = toRat(v);
  return r ? mkFloat(r) : v;
}

export function toComplex(v: CV): CV {
  if (v.kind === "complex") return v;
  const r = toRat(v);
  return r ? mkComplex(r, ZERO) : v;
}

/** isInt reports whether v is an integer value (of any numeric kind). */
export function isIntegral(v: CV): boolean {
  const r = toRat(v);
  return r !== null && r.den === 1n;
}

/** kindRank orders numeric kinds for "match": int < float < complex. */
function rank(v: CV): number {
  return v.kind === "int" ? 1 : v.kind === "float" ? 2 : v.kind === "complex" ? 3 : 0;
}

function match(a: CV, b: CV): [CV, CV] {
  const r = Math.max(rank(a), rank(b));
  const conv = r === 1 ? (x: CV) => x : r === 2 ? toFloat : toComplex;
  return [conv(a), conv(b)];
}

// ---------------------------------------------------------------------------------------------
// Rational arithmetic

function radd(a: Rat, b: Rat): Rat {
  return rat(a.num * b.den + b.num * a.den, a.den * b.den);
}
function rsub(a: Rat, b: Rat): Rat {
  return rat(a.num * b.den - b.num * a.den, a.den * b.den);
}
function rmul(a: Rat, b: Rat): Rat {
  return rat(a.num * b.num, a.den * b.den);
}
function rquo(a: Rat, b: Rat): Rat {
  return rat(a.num * b.den, a.den * b.num);
}
function rcmp(a: Rat, b: Rat): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
function rneg(a: Rat): Rat {
  return { num: -a.num, den: a.den };
}
function risZero(a: Rat): boolean {
  return a.num === 0n;
}

/** isZero reports whether a numeric constant is zero. */
export function isZero(v: CV): boolean {
  if (v.kind === "int") return v.value === 0n;
  if (v.kind === "float") return v.num === 0n;
  if (v.kind === "complex") return v.re.num === 0n && v.im.num === 0n;
  return false;
}

/** sign returns -1, 0 or 1 for a real numeric constant. */
export function sign(v: CV): number {
  const r = toRat(v);
  if (!r) return 0;
  return r.num < 0n ? -1 : r.num > 0n ? 1 : 0;
}

/** unaryOp applies +, -, ^ or ! ; prec is the bit size for ^ on unsigned types (0 = unbounded). */
export function unaryOp(op: string, v: CV, unsignedBits = 0): CV {
  if (v.kind === "unknown") return v;
  switch (op) {
    case "+":
      return v;
    case "-":
      if (v.kind === "int") return mkInt(-v.value);
      if (v.kind === "float") return { kind: "float", num: -v.num, den: v.den };
      if (v.kind === "complex") return mkComplex(rneg(v.re), rneg(v.im));
      break;
    case "^":
      if (v.kind === "int") {
        if (unsignedBits > 0) return mkInt(v.value ^ ((1n << BigInt(unsignedBits)) - 1n));
        return mkInt(-v.value - 1n);
      }
      break;
    case "!":
      if (v.kind === "bool") return mkBool(!v.value);
      break;
  }
  return UNKNOWN;
}

/** binaryOp applies an arithmetic or logical operator; intDiv selects truncated integer `/`. */
export function binaryOp(a: CV, op: string, b: CV, intDiv: boolean): CV {
  if (a.kind === "unknown" || b.kind === "unknown") return UNKNOWN;
  if (a.kind === "bool" && b.kind === "bool") {
    if (op === "&&") return mkBool(a.value && b.value);
    if (op === "||") return mkBool(a.value || b.value);
    return UNKNOWN;
  }
  if (a.kind === "string" && b.kind === "string") {
    return op === "+" ? mkString(a.value + b.value) : UNKNOWN;
  }
  [a, b] = match(a, b);
  if (a.kind === "int" && b.kind === "int") {
    const x = a.value;
    const y = b.value;
    switch (op) {
      case "+":
        return mkInt(x + y);
      case "-":
        return mkInt(x - y);
      case "*":
        return mkInt(x * y);
      case "/":
        if (intDiv) return mkInt(x / y);
        return mkFloat(rat(x, y));
      case "%":
        return mkInt(x % y);
      case "&":
        return mkInt(x & y);
      case "|":
        return mkInt(x | y);
      case "^":
        return mkInt(x ^ y);
      case "&^":
        return mkInt(x & ~y);
    }
    return UNKNOWN;
  }
  if (a.kind === "float" && b.kind === "float") {
    const x = { num: a.num, den: a.den };
    const y = { num: b.num, den: b.den };
    switch (op) {
      case "+":
        return mkFloat(radd(x, y));
      case "-":
        return mkFloat(rsub(x, y));
      case "*":
        return mkFloat(rmul(x, y));
      case "/":
        return mkFloat(rquo(x, y));
    }
    return UNKNOWN;
  }
  if (a.kind === "complex" && b.kind === "complex") {
    const { re: ar, im: ai } = a;
    const { re: br, im: bi } = b;
    switch (op) {
      case "+":
        return mkComplex(radd(ar, br), radd(ai, bi));
      case "-":
        return mkComplex(rsub(ar, br), rsub(ai, bi));
      case "*":
        return mkComplex(rsub(rmul(ar, br), rmul(ai, bi)), radd(rmul(ar, bi), rmul(ai, br)));
      case "/": {
        const d = radd(rmul(br, br), rmul(bi, bi));
        const re = radd(rmul(ar, br), rmul(ai, bi));
        const im = rsub(rmul(ai, br), rmul(ar, bi));
        return mkComplex(rquo(re, d), rquo(im, d));
      }
    }
  }
  return UNKNOWN;
}

/** shift applies << or >> to an integer constant. */
export function shift(a: CV, op: "<<" | ">>", s: number): CV {
  const x = toInt(a);
  if (x.kind !== "int") return UNKNOWN;
  if (op === "<<") return mkInt(x.value << BigInt(s));
  return mkInt(x.value >> BigInt(s));
}

/** compare evaluates a comparison operator. */
export function compare(a: CV, op: string, b: CV): boolean | null {
  if (a.kind === "unknown" || b.kind === "unknown") return null;
  let c: number;
  if (a.kind === "bool" && b.kind === "bool") {
    if (op === "==") return a.value === b.value;
    if (op === "!=") return a.value !== b.value;
    return null;
  }
  if (a.kind === "string" && b.kind === "string") {
    c = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  } else {
    [a, b] = match(a, b);
    if (a.kind === "complex" && b.kind === "complex") {
      const eq = rcmp(a.re, b.re) === 0 && rcmp(a.im, b.im) === 0;
      if (op === "==") return eq;
      if (op === "!=") return !eq;
      return null;
    }
    const x = toRat(a);
    const y = toRat(b);
    if (!x || !y) return null;
    c = rcmp(x, y);
  }
  switch (op) {
    case "==":
      return c === 0;
    case "!=":
      return c !== 0;
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    case ">=":
      return c >= 0;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Floating-point rounding

/** roundFloat rounds r to a binary float with mant bits of mantissa and the given exponent range. */
function roundBinary(r: Rat, mant: number, minExp: number, maxExp: number): Rat | "overflow" {
  if (r.num === 0n) return r;
  const neg = r.num < 0n;
  const num = neg ? -r.num : r.num;
  // e: value in [2^(e-1), 2^e).
  let e = bitLen(num) - bitLen(r.den);
  if (num << BigInt(Math.max(0, -e)) < r.den << BigInt(Math.max(0, e))) {
    // value < 2^e, adjust to be in [2^(e-1), 2^e)
  } else e += 1;
  // fix e so that 2^(e-1) <= value < 2^e.
  const ge = (k: number) => (k >= 0 ? num >= r.den << BigInt(k) : num << BigInt(-k) >= r.den);
  while (!ge(e - 1)) e--;
  while (ge(e)) e++;
  if (e > maxExp) return "overflow";
  // Scale so that mant bits are integer; subnormals keep fewer bits.
  const shiftBits = Math.max(e, minExp) - mant;
  let q: bigint;
  let rem: bigint;
  let den: bigint;
  if (shiftBits >= 0) {
    den = r.den << BigInt(shiftBits);
    q = num / den;
    rem = num % den;
  } else {
    const n2 = num << BigInt(-shiftBits);
    den = r.den;
    q = n2 / den;
    rem = n2 % den;
  }
  const twice = rem * 2n;
  if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  if (bitLen(q) > mant && e + 1 > maxExp) return "overflow";
  let res: Rat =
    shiftBits >= 0 ? { num: q << BigInt(shiftBits), den: 1n } : rat(q, 1n << BigInt(-shiftBits));
  if (neg) res = rneg(res);
  return res;
}

/** roundFloat64 rounds to the nearest float64 value, or null on overflow. */
export function roundFloat64(r: Rat): Rat | null {
  const x = roundBinary(r, 53, -1021, 1024);
  return x === "overflow" ? null : x;
}

/** roundFloat32 rounds to the nearest float32 value, or null on overflow. */
export function roundFloat32(r: Rat): Rat | null {
  const x = roundBinary(r, 24, -125, 128);
  return x === "overflow" ? null : x;
}

/** ratToNumber converts to the nearest JS number. */
export function ratToNumber(r: Rat): number {
  const x = roundFloat64(r);
  if (x === null) return r.num < 0n ? -Infinity : Infinity;
  if (x.den === 1n) return Number(x.num);
  // den is a power of two here.
  const k = bitLen(x.den) - 1;
  if (k > 1000) return Number(x.num) * Math.pow(2, -1000) * Math.pow(2, -(k - 1000));
  return Number(x.num) / Math.pow(2, k);
}

// ---------------------------------------------------------------------------------------------
// Printing

/** constString formats a constant as gc prints it in messages. */
export function constString(v: CV): string {
  switch (v.kind) {
    case "bool":
      return String(v.value);
    case "string":
      return quoteBytes(v.value, 72);
    case "int":
      return v.value.toString();
    case "float":
      return ratString({ num: v.num, den: v.den });
    case "complex":
      return `(${ratString(v.re)} + ${ratString(v.im)}i)`;
    case "unknown":
      return "unknown";
  }
}

/** ratString formats a rational like go/constant: integers plainly, others as %.6g. */
export function ratString(r: Rat): string {
  if (r.den === 1n) {
    if (bitLen(r.num) <= 64) return r.num.toString();
  }
  const x = ratToNumber(r);
  if (!isFinite(x)) {
    // Print with an explicit exponent.
    const neg = r.num < 0n;
    const n = neg ? -r.num : r.num;
    const digits = (n / r.den).toString();
    const exp = digits.length - 1;
    const mant = `${digits[0]}.${digits.slice(1, 6)}`.replace(/\.?0+$/, "");
    return `${neg ? "-" : ""}${mant}e+${String(exp).padStart(2, "0")}`;
  }
  return formatG(x);
}

/** formatG formats like Go's %.6g. */
export function formatG(x: number): string {
  if (x === 0) return "0";
  let s = x.toPrecision(6);
  if (s.includes("e")) {
    let [m, e] = s.split("e");
    if (m.includes(".")) m = m.replace(/0+$/, "").replace(/\.$/, "");
    const sign = e[0] === "-" ? "-" : "+";
    e = e.replace(/^[+-]/, "").padStart(2, "0");
    return `${m}e${sign}${e}`;
  }
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return s;
}

/** quoteBytes quotes a byte string as Go's strconv.Quote would, shortened to max chars. */
export function quoteBytes(s: string, max = Infinity): string {
  let text = s;
  let cut = false;
  if (text.length > max) {
    text = text.slice(0, max - 3);
    cut = true;
  }
  const runes = byteStringRunes(text);
  let out = '"';
  for (const r of runes) {
    if (r === 34) out += '\\"';
    else if (r === 92) out += "\\\\";
    else if (r === 10) out += "\\n";
    else if (r === 9) out += "\\t";
    else if (r === 13) out += "\\r";
    else if (r < 32 || r === 127) out += "\\x" + r.toString(16).padStart(2, "0");
    else out += String.fromCodePoint(r);
  }
  return out + (cut ? '..."' : '"');
}
