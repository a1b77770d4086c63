// Finding and checking the tools rog runs: LLVM 22 (clang, ld.lld), Rust, Go (for GOROOT) and
// Ninja, plus the Rust runtime archive that every link needs.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UserError } from "../compiler/diag.js";

/** LLVM_MAJOR is the LLVM major version rog emits IR for and links with. */
export const LLVM_MAJOR = 22;

/** SUPPORTED_GO lists the Go release lines whose standard library rog compiles. */
export const SUPPORTED_GO = ["go1.26"];

/** Tool is one external program: where it is and what version it reports. */
export interface Tool {
  name: string;
  path: string;
  version: string;
}

/** projectRoot is the directory holding package.json (works from dist/ and from sources). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new UserError("rog: cannot find the rog installation (no package.json)");
    dir = up;
  }
  return dir;
}

/** which finds an executable on PATH, or returns null. */
export function which(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

function run(path: string, args: string[]): string {
  return execFileSync(path, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function requireTool(name: string, pkg: string): string {
  const p = which(name);
  if (!p) throw new UserError(`rog: ${name} not found: install ${pkg} (run toolchains/setup.sh)`);
  return p;
}

/** clang returns clang-22 and checks its major version. */
export function clang(): Tool {
  const path = requireTool(`clang-${LLVM_MAJOR}`, `clang-${LLVM_MAJOR}`);
  const version = /clang version (\S+)/.exec(run(path, ["--version"]))?.[1] ?? "unknown";
  return { name: "clang", path, version };
}

/** lld returns ld.lld-22. */
export function lld(): Tool {
  const path = requireTool(`ld.lld-${LLVM_MAJOR}`, `lld-${LLVM_MAJOR}`);
  const version = /LLD (\S+)/.exec(run(path, ["--version"]))?.[1] ?? "unknown";
  return { name: "ld.lld", path, version };
}

/** rustc returns rustc and refuses one whose LLVM major differs from clang's. */
export function rustc(): Tool & { llvm: string } {
  const path = requireTool("rustc", "Rust (rustup stable)");
  const out = run(path, ["-vV"]);
  const version = /^release: (\S+)/m.exec(out)?.[1] ?? "unknown";
  const llvm = /^LLVM version: (\S+)/m.exec(out)?.[1] ?? "unknown";
  if (!llvm.startsWith(`${LLVM_MAJOR}.`)) {
    throw new UserError(
      `rog: rustc ${version} uses LLVM ${llvm}, but cross-language ThinLTO needs LLVM ${LLVM_MAJOR}: ` +
        `install a rustc built on LLVM ${LLVM_MAJOR} (rustup stable 1.95)`,
    );
  }
  return { name: "rustc", path, version, llvm };
}

/** ninja returns the ninja executable. */
export function ninja(): Tool {
  const path = requireTool("ninja", "ninja-build");
  return { name: "ninja", path, version: run(path, ["--version"]).trim() };
}

let gorootCache: { goroot: string; version: string } | null = null;

/** goroot finds the Go installation: ROG_GOROOT, else `go env GOROOT`; checks its version. */
export function goroot(): { goroot: string; version: string } {
  if (gorootCache) return gorootCache;
  let root = process.env.ROG_GOROOT ?? "";
  if (!root) {
    const go = which("go");
    if (!go) throw new UserError("rog: Go not found: install Go 1.26 or set ROG_GOROOT");
    root = run(go, ["env", "GOROOT"]).trim();
  }
  const versionFile = join(root, "VERSION");
  if (!existsSync(join(root, "src")))
    throw new UserError(`rog: ${root} is not a Go installation (no src/)`);
  let version = "unknown";
  if (existsSync(versionFile)) {
    version = readFileSync(versionFile, "utf8").split("\n")[0].trim();
  }
  if (!SUPPORTED_GO.some((v) => version === v || version.startsWith(v + "."))) {
    throw new UserError(
      `rog: Go ${version} at ${root} is not supported: rog supports ${SUPPORTED_GO.join(", ")}.x`,
    );
  }
  gorootCache = { goroot: root, version };
  return gorootCache;
}

/** cacheDir is the action cache: $ROG_CACHE, else ~/.cache/rog. */
export function cacheDir(): string {
  return resolve(
    process.env.ROG_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "rog"),
  );
}

/** runtimeArchive is the Rust runtime built with -C linker-plugin-lto (LLVM bitcode inside). */
export function runtimeArchive(): string {
  const p = join(projectRoot(), "runtime-rs", "target", "lto", "release", "librog_runtime.a");
  if (!existsSync(p))
    throw new UserError(`rog: the Rust runtime is not built (${p}): run toolchains/setup.sh`);
  return p;
}
