// The standard library as rog builds it: the few GOROOT packages replaced as a whole by rog's own
// Go source under runtime-rs/overlay/<import path> (DESIGN.md §3), each with its reason, and the
// bodies rog gives to the bodyless (assembly-backed) functions of the GOROOT packages it compiles
// as they are. runtime-rs/overlay/README.md explains the rules; rules/src/overlay.test.ts checks
// that every bodyless function of the packages rog builds has a body.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../toolchains/toolchain.js";

/** Overlay is one whole-package replacement. */
export interface Overlay {
  /** path is the std import path the overlay replaces. */
  path: string;
  /** reason says why the GOROOT package cannot be compiled as it is. */
  reason: string;
  /**
   * tests, when set, makes `rog test` of the package run GOROOT's own `_test.go` files for it
   * (with the overlay's own `_test.go` files), but for the ones listed here; unset, the package
   * has only the overlay's test files (none: `[no test files]`).
   */
  tests?: OverlayTests;
}

/**
 * OverlayTests names the GOROOT test files of an overlaid package that test gc's internals
 * rather than the package's API, each with its reason. Keep the lists short: a file belongs
 * here only when what it tests does not exist in rog.
 */
export interface OverlayTests {
  /**
   * replaced maps a GOROOT test file to why the overlay directory's file of the same name
   * stands in for it (export_test.go: the hooks of gc's internals the tests read, provided
   * as far as rog has them).
   */
  replaced: Readonly<Record<string, string>>;
  /** excluded maps a GOROOT test file left out to why. */
  excluded: Readonly<Record<string, string>>;
  /**
   * skipped maps a test function of a file that is kept to why it tests gc's internals only:
   * the generated test main runs it as a test that calls `t.Skip` with the reason, so `-v`
   * shows it skipped and why.
   */
  skipped?: Readonly<Record<string, string>>;
}

/** OVERLAY_DIR is where the overlay packages live, relative to the project root. */
export const OVERLAY_DIR = "runtime-rs/overlay";

/**
 * OVERLAYS lists every replaced package. Keep it short: a package belongs here only when the
 * runtime is involved (its code is the runtime, reads gc's type-descriptor layout, or is
 * assembly with no portable Go twin selectable on amd64).
 */
export const OVERLAYS: readonly Overlay[] = [
  {
    path: "runtime",
    reason:
      "gc's runtime is the runtime: rog's runtime is Rust; the overlay is the user-visible API " +
      "and the functions other std packages linkname from runtime, bound to rog_ entry points",
  },
  {
    path: "internal/abi",
    reason:
      "describes gc's type descriptors; the overlay describes rog's (runtime-rs/ABI.md §6) for " +
      "runtime, reflect, internal/reflectlite and internal/sync, and keeps the helpers others use",
  },
  {
    path: "internal/bytealg",
    reason:
      "its amd64 files are assembly and its portable files are excluded on amd64 (no purego " +
      "tag); it also pulls runtime's assembly string compare",
  },
  {
    path: "internal/reflectlite",
    reason: "reads type descriptors and calls runtime internals",
  },
  {
    path: "reflect",
    reason: "reads and builds type descriptors, calls functions dynamically, uses runtime maps",
    tests: {
      replaced: {
        "export_test.go":
          "exposes gc's reflect internals (funcLayout, typelinks, gcbits, name offsets, " +
          "register-ABI settings, map groups); the overlay's export_test.go provides the same " +
          "identifiers over rog's descriptors as far as rog has them",
      },
      excluded: {
        "abi_test.go":
          "tests gc's register ABI for reflect calls (argument registers, spill slots); rog " +
          "calls through per-signature rcall functions (ABI.md §6); its build constraint, " +
          "goexperiment.regabiargs, is false for rog too",
        "map_test.go":
          "tests the size of gc's swiss-table map group (internal/runtime/maps); rog's maps " +
          "are the Rust runtime's and have no group type",
      },
      skipped: {
        TestFuncLayout:
          "tests the frame gc's reflect calls build for its register ABI (argument " +
          "registers, spill area, stack and pointer bitmaps); rog calls through " +
          "per-signature rcall functions (ABI.md §6) and has no such frame",
      },
    },
  },
  {
    path: "sync/atomic",
    reason: "its functions are assembly; the overlay binds them to the runtime's atomics",
  },
  {
    path: "internal/runtime/maps",
    reason:
      "gc's map implementation, built on gc's map descriptors (groups, slot sizes, hashers); " +
      "rog's maps are the Rust runtime's, and the packages importing this one (runtime, " +
      "reflect) are overlays that do not, so the overlay declares only Use64BitHash (hash/maphash's tests)",
  },
  {
    path: "unique",
    reason:
      "hashes through gc's map descriptors (MapType.Hasher) and walks gc's struct " +
      "descriptors; the overlay keeps canonical values in a Go map",
  },
  {
    path: "internal/sync",
    reason:
      "sync.Mutex and sync.Map live here; HashTrieMap hashes through gc's map descriptors, " +
      "which rog does not have",
  },
];

/**
 * Body is how rog gives a body to a bodyless function of a GOROOT package that is compiled as
 * it is: `alias` makes the function another Go function of the same package with the same
 * signature (the portable twin that the amd64 build tags leave unused); `intrinsic` makes it a
 * call of an LLVM intrinsic taking and returning the same values.
 */
export type Body = { kind: "alias"; target: string } | { kind: "intrinsic"; name: string };

/**
 * BODIES maps a bodyless function's symbol (ABI.md §3) to its body. Functions whose body comes
 * from Go code (a push `//go:linkname` in an overlay package, usually runtime) are not listed:
 * the test finds those itself.
 */
export const BODIES: Readonly<Record<string, Body>> = {
  // math: *_asm.go declare arch* for amd64; the Go versions are math.floor, math.exp, ...
  "math.archFloor": { kind: "intrinsic", name: "llvm.floor.f64" },
  "math.archCeil": { kind: "intrinsic", name: "llvm.ceil.f64" },
  "math.archTrunc": { kind: "intrinsic", name: "llvm.trunc.f64" },
  // Not llvm.maximum/minimum: math.Max(+Inf, NaN) is +Inf (infinities win over NaN), theirs NaN.
  "math.archMax": { kind: "alias", target: "math.max" },
  "math.archMin": { kind: "alias", target: "math.min" },
  // The portable Go code gives gc's results on every other port bit for bit; libm may not.
  "math.archExp": { kind: "alias", target: "math.exp" },
  "math.archLog": { kind: "alias", target: "math.log" },
  "math.archHypot": { kind: "alias", target: "math.hypot" },
  // math/rand/v2's ChaCha8 and the runtime's generator: block_generic is the portable code.
  "internal/chacha8rand.block": { kind: "alias", target: "internal/chacha8rand.block_generic" },
};

/** isOverlay reports whether an import path is replaced by an overlay package. */
export function isOverlay(path: string): boolean {
  return OVERLAYS.some((o) => o.path === path);
}

/** overlayTests maps each overlay that takes GOROOT's tests to the test files it leaves out. */
export function overlayTests(): Record<string, OverlayTests> {
  return Object.fromEntries(OVERLAYS.flatMap((o) => (o.tests ? [[o.path, o.tests]] : [])));
}

/**
 * overlayDirs maps each overlay's import path to its directory under root (the project root by
 * default). The overlays depend on one another (internal/abi's layout is the one runtime,
 * reflect and internal/sync read), so they take effect together: while any overlay directory is
 * missing, none is used and every package comes from GOROOT.
 */
export function overlayDirs(root: string = projectRoot()): Record<string, string> {
  const dirs: Record<string, string> = {};
  for (const o of OVERLAYS) {
    const dir = join(root, OVERLAY_DIR, o.path);
    if (!existsSync(dir)) return {};
    dirs[o.path] = dir;
  }
  return dirs;
}
