#!/usr/bin/env bash
# End-to-end check of the Bazel rules, `rog gen bazel` and the shared remote cache (issue 9):
#   1. examples/hello builds with Bazel offline, from an empty output base (the Rust runtime by
#      its cargo action included), and prints expected.out; its rog_test passes; the program is
#      byte-identical to the one `rog build` links.
#   2. `rog gen bazel` on copies of examples/monorepo and of rules/bazel/testdata/stdmod (a module
#      importing std packages, built as @rog_std targets), twice (the second run writes nothing),
#      then `bazel build //...` and `bazel test`; each program is byte-identical to `rog build`'s.
#   3. With nginx on 127.0.0.1 as the remote cache: after `bazel clean` every action (rog's, the
#      runtime's cargo action) is a remote cache hit; `rog build --remote-cache` in fresh copies
#      with empty $ROG_CACHE ends with `actions: 0 run, N from cache`.
#   4. A corrupted blob on the cache server is refused by `rog build --remote-cache`, the action
#      that needs it runs again, and its upload repairs the blob.
# rog's dist/, node_modules/ and the runtime sources are inputs of every action: rebuilding them
# while this runs (another `npm run build` in the same checkout) changes the keys and turns step
# 3's hits into misses. Takes several minutes (Bazel's servers and the real compiler on every
# std package a program needs), so it is not part of vitest or CI: rules/src/bazel.test.ts
# checks the rules under Bazel (analysis only), remote.test.ts the cache protocol and corruption,
# bazelgen.test.ts and bazelstd.test.ts the generators.
set -euo pipefail
rog_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
scripts="$rog_root/rules/bazel/scripts"
rog() { node "$rog_root/bin/rog.js" "$@"; }
say() { printf 'e2e: %s\n' "$*" >&2; }
fail() { printf 'e2e: FAIL: %s\n' "$*" >&2; exit 1; }

command -v bazel >/dev/null || fail "bazel not found: run toolchains/setup.sh"
work=$(mktemp -d /tmp/rog-bazel-e2e.XXXXXX)
port=${ROG_E2E_PORT:-$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
# One output base per workspace, all under $work: nothing is reused from earlier builds.
bz() { local base=$1; shift; bazel --output_base="$work/base-$base" "$@"; }
cleanup() {
  for ws in hello:"$rog_root" mono:"$work/mono" std:"$work/std"; do
    [ -d "$work/base-${ws%%:*}" ] && (cd "${ws#*:}" && bz "${ws%%:*}" shutdown) >/dev/null 2>&1 || true
  done
  "$scripts/nginx-cache.sh" stop "$port" "$work/cache" || true
  rm -rf "$work"
}
trap cleanup EXIT
url=$("$scripts/nginx-cache.sh" start "$port" "$work/cache")
flags=(--jobs=2 --remote_cache="$url")
copy() { # copy SRC DEST: a module without build outputs
  mkdir -p "$2"
  (cd "$1" && tar --exclude=./.rog --exclude='./bazel-*' -cf - .) | tar -C "$2" -xf -
}
# summary LOG: Bazel's closing process count ("INFO: 12 processes: 10 remote cache hit, ...").
summary() { grep -E '^INFO: [0-9]+ processes:' "$1" | tail -1; }
start=$SECONDS

say "1. examples/hello with Bazel, offline, from an empty output base"
cd "$rog_root"
# No bazel-* symlinks in the checkout: they would point into $work after this script.
hello_flags=("${flags[@]}" --symlink_prefix=/)
bz hello build "${hello_flags[@]}" //examples/hello:hello 2>&1 | tee "$work/hello.log"
say "   $(summary "$work/hello.log")"
grep -q 'Building the Rust runtime with cargo' "$work/hello.log" ||
  fail "the runtime archive was not built by its cargo action"
hello=$(bz hello info "${hello_flags[@]}" bazel-bin)/examples/hello/hello
"$hello" > "$work/hello.out" 2>&1
cmp "$work/hello.out" examples/hello/expected.out || fail "hello printed something else"
bz hello test "${hello_flags[@]}" //examples/hello:hello_test
ROG_CACHE="$work/rog-cache-0" ROG_BUILDDIR="$work/hello-build" rog build -o "$work/hello.ninja" ./examples/hello
cmp "$work/hello.ninja" "$hello" ||
  fail "Bazel's and rog build's hello differ (is runtime-rs/target/lto current? run toolchains/setup.sh)"
say "   hello prints expected.out; hello_test passed; byte-identical to rog build's"

say "2. rog gen bazel, then bazel build and test: examples/monorepo and a module using std"
copy examples/monorepo "$work/mono"
copy rules/bazel/testdata/stdmod "$work/std"
for ws in mono:cmd/app/app std:cmd/stdprog/stdprog; do
  name=${ws%%:*} exe=${ws#*:}
  cd "$work/$name"
  rog gen bazel
  [ -z "$(rog gen bazel)" ] || fail "a second rog gen bazel wrote files in $name"
  bz "$name" build "${flags[@]}" //...
  bz "$name" test "${flags[@]}" "//$(dirname "$exe"):$(basename "$exe")_test"
  ROG_CACHE="$work/rog-cache-0" rog build -o "$work/$name.ninja" "./$(dirname "$exe")"
  cmp "$work/$name.ninja" "bazel-bin/$exe" || fail "Bazel's and rog build's $exe differ"
  say "   $name: //$exe is byte-identical to rog build's; its test passed"
done
grep -q '"@rog_std//unicode/utf8"' "$work/std/lib/count/BUILD.bazel" ||
  fail "rog gen bazel did not name the std package's target"

say "3a. bazel clean, then rebuilds from the remote cache"
for name in mono std; do
  cd "$work/$name"
  bz "$name" clean
  bz "$name" build "${flags[@]}" //... 2>&1 | tee "$work/$name-rebuild.log"
  line=$(summary "$work/$name-rebuild.log")
  say "   $name: $line"
  echo "$line" | grep -qE 'processes: [0-9]+ remote cache hit(, [0-9]+ internal)?\.$' ||
    fail "some action of $name did not come from the remote cache"
done

say "3b. rog build --remote-cache from fresh copies with empty caches"
fresh() { # fresh NAME SRC PKG: a fresh copy, an empty $ROG_CACHE, rog build -v; prints the log
  copy "$2" "$work/$1"
  (cd "$work/$1" && ROG_CACHE="$work/rog-cache-$1" rog build -v --remote-cache "$url" \
    -o "$work/$1.exe" "$3") > "$work/$1.log" 2>&1 || { cat "$work/$1.log" >&2; fail "rog build in $1"; }
}
for src in mono:examples/monorepo:./cmd/app std:rules/bazel/testdata/stdmod:./cmd/stdprog; do
  IFS=: read -r name dir pkg <<< "$src"
  fresh "$name-1" "$rog_root/$dir" "$pkg"
  fresh "$name-2" "$rog_root/$dir" "$pkg"
  last=$(tail -1 "$work/$name-2.log")
  say "   $name: first copy: $(tail -1 "$work/$name-1.log"); second copy: $last"
  echo "$last" | grep -qE '^actions: 0 run, [1-9][0-9]* from cache' || fail "the fresh copy of $name ran actions"
  cmp "$work/$name-1.exe" "$work/$name-2.exe"
  cmp "$work/$name-1.exe" "$work/$name.ninja"
done

say "4. a corrupted blob on the server is refused; the action runs again and repairs it"
bc=$(find "$work/std-1/.rog/build/pkg" -path '*lib/count@.bc')
digest=$(sha256sum "$bc" | cut -d' ' -f1)
blob="$work/cache/root/cas/$digest"
[ -f "$blob" ] || fail "no blob cas/$digest on the server"
printf 'not the bitcode\n' > "$blob"
fresh std-3 "$rog_root/rules/bazel/testdata/stdmod" ./cmd/stdprog
grep -F "remote cache: blob cas/$digest (out) does not match its digest: refused" "$work/std-3.log" >&2 ||
  fail "the corrupted blob was not refused"
grep -qE '^codegen example.com/stdmod/lib/count$' "$work/std-3.log" || fail "codegen of lib/count did not run"
say "   $(tail -1 "$work/std-3.log")"
cmp "$work/std-3.exe" "$work/std.ninja"
[ "$(sha256sum "$blob" | cut -d' ' -f1)" = "$digest" ] || fail "the upload did not repair the blob"
fresh std-4 "$rog_root/rules/bazel/testdata/stdmod" ./cmd/stdprog
say "   after the repair: $(tail -1 "$work/std-4.log")"
tail -1 "$work/std-4.log" | grep -qE '^actions: 0 run, ' || fail "the repaired cache missed"
say "PASS ($((SECONDS - start)) s)"
