import { describe, expect, test } from "vitest";
import {
  defaultContext,
  evalExpr,
  matchFileName,
  parseGoBuild,
  parsePlusBuild,
} from "./constraint.js";

const ctx = defaultContext(26);
const ok = (expr: string) => evalExpr(ctx, parseGoBuild(expr));

describe("//go:build expressions", () => {
  test("the target and rog's tags are true, gc included; gccgo and cgo are not", () => {
    for (const t of ["linux", "amd64", "unix", "gc", "purego", "rog", "go1.1", "go1.26"]) {
      expect(ok(t), t).toBe(true);
    }
    for (const t of ["windows", "arm64", "gccgo", "cgo", "go1.27", "ignore", "race"]) {
      expect(ok(t), t).toBe(false);
    }
  });

  test("operators and precedence", () => {
    expect(ok("linux && amd64")).toBe(true);
    expect(ok("linux && !amd64")).toBe(false);
    expect(ok("windows || linux")).toBe(true);
    expect(ok("!(windows || darwin)")).toBe(true);
    // && binds tighter than ||: windows || (linux && arm64) is false.
    expect(ok("windows || linux && arm64")).toBe(false);
    expect(ok("(windows || linux) && amd64")).toBe(true);
    expect(ok("!amd64 || !gc || purego")).toBe(true);
    expect(ok("gc && !purego")).toBe(false);
  });

  test("syntax errors", () => {
    for (const bad of ["", "linux &&", "(linux", "linux)", "linux & amd64", "linux amd64", "a,b"]) {
      expect(() => parseGoBuild(bad), bad).toThrow();
    }
  });

  test("// +build lines: spaces are OR, commas AND", () => {
    expect(evalExpr(ctx, parsePlusBuild("windows linux,amd64"))).toBe(true);
    expect(evalExpr(ctx, parsePlusBuild("linux,!amd64"))).toBe(false);
    expect(() => parsePlusBuild("linux,")).toThrow();
  });
});

describe("file name constraints", () => {
  const cases: [string, boolean][] = [
    ["x.go", true],
    ["x_linux.go", true],
    ["x_windows.go", false],
    ["x_amd64.go", true],
    ["x_arm64.go", false],
    ["x_linux_amd64.go", true],
    ["x_linux_arm64.go", false],
    ["x_windows_amd64.go", false],
    ["x_linux_test.go", true],
    ["x_windows_test.go", false],
    // The part before the first underscore never constrains.
    ["linux.go", true],
    ["windows.go", true],
    ["windows_amd64.go", true],
    // unix is a build tag, not a file name suffix.
    ["x_unix.go", true],
    ["x_android.go", false],
    ["x_gc.go", true],
  ];
  for (const [name, want] of cases) {
    test(name, () => expect(matchFileName(ctx, name)).toBe(want));
  }
});
