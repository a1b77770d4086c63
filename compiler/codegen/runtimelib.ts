// Where the Rust runtime's LTO archive is in this checkout (ROG_RUNTIME_LIB overrides it).

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** repoRoot finds the checkout root above this file (works from sources and from dist/). */
function repoRoot(): string {
  let d = import.meta.dirname;
  while (!existsSync(join(d, "runtime-rs", "Cargo.toml")) && dirname(d) !== d) d = dirname(d);
  return d;
}

/** RUNTIME_LIB is the path of librog_runtime.a built with -C linker-plugin-lto. */
export const RUNTIME_LIB =
  process.env.ROG_RUNTIME_LIB ?? join(repoRoot(), "runtime-rs/target/lto/release/librog_runtime.a");

/** haveRuntime reports whether the runtime archive has been built. */
export function haveRuntime(): boolean {
  return existsSync(RUNTIME_LIB);
}
