#!/usr/bin/env bash
# Builds the Rust runtime archive every rog program links: cargo on runtime-rs with
# -C linker-plugin-lto (LLVM bitcode inside, for cross-language ThinLTO), offline and locked.
# toolchains/setup.sh and the Bazel action //runtime-rs:runtime both run this, so the two
# archives are byte-identical and Ninja and Bazel builds link the same program:
#   - the crate directory is remapped to `runtime-rs` in debug info, so the archive does not
#     depend on where the checkout (or Bazel's sandbox) lives;
#   - cargo runs in a clean environment with a fresh home under the target directory, so no
#     user configuration (~/.cargo/config.toml, CARGO_*, RUSTFLAGS) reaches the build.
#
#   build-runtime.sh MANIFEST TARGET_DIR OUT [CARGO RUSTC]
# MANIFEST is runtime-rs/Cargo.toml; TARGET_DIR is cargo's (writable) target directory; OUT is
# where the archive is copied (nothing is copied when it is the archive itself). CARGO and
# RUSTC default to the toolchain rustup selects (or cargo and rustc on PATH).
set -euo pipefail
[ $# -eq 3 ] || [ $# -eq 5 ] || { echo "usage: $0 MANIFEST TARGET_DIR OUT [CARGO RUSTC]" >&2; exit 2; }
manifest=$1 target=$2 out=$3
abs() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }
real_tool() {
  if command -v rustup >/dev/null 2>&1; then rustup which "$1"; else command -v "$1"; fi
}
cargo=$(abs "${4:-$(real_tool cargo)}")
rustc=$(abs "${5:-$(real_tool rustc)}")
crate=$(cd "$(dirname "$manifest")" && pwd -P)
mkdir -p "$target"
target=$(cd "$target" && pwd -P)
rm -rf "$target/cargo-home"
mkdir -p "$target/cargo-home"

(cd "$crate" && env -i PATH=/usr/bin:/bin CARGO_HOME="$target/cargo-home" RUSTC="$rustc" \
  RUSTFLAGS="-C linker-plugin-lto --remap-path-prefix=$crate=runtime-rs" \
  "$cargo" build --release --offline --locked --quiet --target-dir "$target")
built="$target/release/librog_runtime.a"
[ "$(abs "$out")" = "$built" ] || cp "$built" "$out"
