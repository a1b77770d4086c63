#!/usr/bin/env bash
# Sets up everything rog needs on a Debian 12 machine, idempotently: LLVM 22 and the comparison
# compilers from apt, the npm packages, the TypeScript build, and the Rust runtime built for
# cross-language ThinLTO. Safe to run again: it installs only what is missing.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

say() { printf 'setup: %s\n' "$*" >&2; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# 1. System packages. Each entry is "command package". bazel-bootstrap (Bazel 4.2, offline) and
# nginx (a WebDAV HTTP remote cache on 127.0.0.1) serve the Bazel rules and their tests.
need=()
for pair in "clang-22 clang-22" "ld.lld-22 lld-22" "llvm-ar-22 llvm-22" "gccgo-12 gccgo-12" \
            "ninja ninja-build" "bazel bazel-bootstrap" "nginx nginx"; do
  set -- $pair
  # nginx lives in /usr/sbin, which a non-root PATH may lack.
  command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || need+=("$2")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "installing ${need[*]} with apt"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -q "${need[@]}" >/dev/null 2>&1 || {
    $sudo apt-get update -q >/dev/null
    $sudo apt-get install -y -q "${need[@]}" >/dev/null
  }
fi

# 2. Rust: ThinLTO across languages needs rustc's LLVM major to equal clang's.
command -v rustc >/dev/null 2>&1 || die "rustc not found: install Rust with rustup (stable, LLVM 22)"
clang_major=$(clang-22 --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -n1)
rust_llvm=$(rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
if [ "$rust_llvm" != "$clang_major" ]; then
  die "rustc uses LLVM $rust_llvm but clang-22 is LLVM $clang_major; cross-language ThinLTO needs one LLVM major: install a rustc built on LLVM $clang_major (rustup stable 1.95, or Debian's rustc-web)"
fi

# 3. Go: the standard library source and the reference compiler.
command -v go >/dev/null 2>&1 || [ -n "${ROG_GOROOT:-}" ] || die "Go not found: install Go 1.26 or set ROG_GOROOT"

# 4. npm packages and the TypeScript build.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
say "building the compiler"
npm run --silent build

# 5. The Rust runtime, as LLVM bitcode for the linker (-C linker-plugin-lto), built exactly as
# Bazel's //runtime-rs:runtime builds it (toolchains/build-runtime.sh).
say "building the Rust runtime"
./toolchains/build-runtime.sh runtime-rs/Cargo.toml runtime-rs/target/lto \
  runtime-rs/target/lto/release/librog_runtime.a
# 6. The standard library packages most programs import, compiled into the action cache now (as
# Go distributions once shipped them compiled), so that a first `rog build` of such a program
# costs its own packages and the link. These are the imports of examples/ and of the Go test
# suite's run tests (test/chan, gotest-core); other packages are compiled on first use and cached
# as well. A warm cache makes this step a second or two. ROG_SETUP_PREBUILD=0 skips it.
if [ "${ROG_SETUP_PREBUILD:-1}" != 0 ]; then
  std="fmt os runtime runtime/debug errors io bufio strings strconv bytes sort sync sync/atomic
       time math math/rand unicode/utf8 flag text/template container/heap container/list
       container/ring path/filepath encoding/binary reflect"
  say "compiling the most-used standard library packages into the action cache"
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  (cd "$scratch" && node "$here/bin/rog.js" build $std) || die "compiling the standard library failed"
fi
say "ready"
