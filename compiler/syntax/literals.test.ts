// Literal decoding and validation (spec: "Integer literals" ... "String literals").

import { describe, expect, it } from "vitest";
import {
  checkNumber,
  decodeRune,
  decodeString,
  decodeStringText,
  formatU,
  quoteRune,
} from "./literals.js";

describe("checkNumber", () => {
  it("accepts well-formed literals", () => {
    for (const t of [
      "0",
      "42",
      "0x_1F",
      "0o17",
      "017",
      "0b1010",
      "1_000_000",
      "1.5e-3",
      "0x1p-2",
      ".5",
      "1e9i",
      "0x1.8p3",
    ]) {
      expect(checkNumber(t), t).toBeNull();
    }
  });
  it("reports malformed literals in gc's words", () => {
    expect(checkNumber("08")).toBe("invalid digit '8' in octal literal");
    expect(checkNumber("0b102")).toBe("invalid digit '2' in binary literal");
    expect(checkNumber("1__0")).toBe("'_' must separate successive digits");
    expect(checkNumber("1_")).toBe("'_' must separate successive digits");
    expect(checkNumber("0x")).toBe("hexadecimal literal has no digits");
    expect(checkNumber("0x1.0")).toBe("hexadecimal mantissa requires a 'p' exponent");
    expect(checkNumber("0b1.0")).toBe("invalid radix point in binary literal");
    expect(checkNumber("0o7e3")).toBe("'e' exponent requires decimal mantissa");
    expect(checkNumber("1p3")).toBe("'p' exponent requires hexadecimal mantissa");
    expect(checkNumber("1e")).toBe("exponent has no digits");
  });
});

describe("decodeString", () => {
  it("resolves escapes to bytes", () => {
    expect(Array.from(decodeString('"a\\n\\t\\x41\\101\\u00e9"') as Uint8Array)).toEqual([
      97, 10, 9, 65, 65, 0xc3, 0xa9,
    ]);
    expect(Array.from(decodeString('"\\xff"') as Uint8Array)).toEqual([0xff]);
    expect(decodeStringText('"\\U0001F600"')).toBe("\u{1F600}");
    expect(decodeStringText('"héllo"')).toBe("héllo");
  });
  it("drops carriage returns from raw strings", () => {
    expect(decodeStringText("`a\r\nb\\n`")).toBe("a\nb\\n");
  });
  it("reports bad escapes", () => {
    expect(decodeString('"\\q"')).toEqual({ message: "unknown escape", offset: 2 });
    expect(decodeString('"\\400"')).toMatchObject({ message: "octal escape value 256 > 255" });
    expect(decodeString('"\\uD800"')).toMatchObject({
      message: "escape is invalid Unicode code point U+D800",
    });
  });
});

describe("decodeRune", () => {
  it("decodes runes", () => {
    expect(decodeRune("'a'")).toBe(97);
    expect(decodeRune("'\\n'")).toBe(10);
    expect(decodeRune("'\\''")).toBe(39);
    expect(decodeRune("'\\x7f'")).toBe(127);
    expect(decodeRune("'世'")).toBe(0x4e16);
    expect(decodeRune("'\\U0010FFFF'")).toBe(0x10ffff);
  });
});

describe("Go-style rune formatting", () => {
  it("matches %q and %#U", () => {
    expect(quoteRune(56)).toBe("'8'");
    expect(quoteRune(10)).toBe("'\\n'");
    expect(quoteRune(0)).toBe("'\\x00'");
    expect(formatU(64)).toBe("U+0040 '@'");
    expect(formatU(0)).toBe("U+0000");
    expect(formatU(0x20ac)).toBe("U+20AC '€'");
  });
});
