#!/usr/bin/env bash
# End-to-end check of the Bazel rules, `rog gen bazel` and the shared remote cache (issue 9):
#   1. examples/hello builds with Bazel offline and prints expected.out; its rog_test passes.
#   2. `rog gen bazel` on a copy of examples/monorepo (twice: the second run writes nothing),
#      then `bazel build //...`; the program is byte-identical to the one `rog build` links.
#   3. With nginx on 127.0.0.1 as the remote cache: after `bazel clean` every rog action is a
#      remote cache hit; `rog build --remote-cache` in a fresh copy with an empty $ROG_CACHE
#      ends with `actions: 0 run, N from cache`.
# rog's dist/, node_modules/ and the runtime archive are inputs of every action: rebuilding them
# while this runs (another `npm run build` or cargo build in the same checkout) changes the keys
# and turns step 3's hits into misses.
# Takes several minutes (Bazel's server start and the real compiler), so it is not part of
# vitest; rules/src/remote.test.ts covers the cache protocol and corruption there.
set -euo pipefail
rog_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
scripts="$rog_root/rules/bazel/scripts"
rog() { node "$rog_root/bin/rog.js" "$@"; }
say() { printf 'e2e: %s\n' "$*" >&2; }
fail() { printf 'e2e: FAIL: %s\n' "$*" >&2; exit 1; }

command -v bazel >/dev/null || fail "bazel not found: run toolchains/setup.sh"
work=$(mktemp -d /tmp/rog-bazel-e2e.XXXXXX)
port=${ROG_E2E_PORT:-$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
mono_bazel=(bazel --output_base="$work/output_base")
cleanup() {
  [ -d "$work/output_base" ] && (cd "$work/mono" && "${mono_bazel[@]}" shutdown) >/dev/null 2>&1 || true
  "$scripts/nginx-cache.sh" stop "$port" "$work/cache" || true
  rm -rf "$work"
}
trap cleanup EXIT
url=$("$scripts/nginx-cache.sh" start "$port" "$work/cache")
flags=(--jobs=2)

say "1. examples/hello with Bazel (offline)"
cd "$rog_root"
bazel build "${flags[@]}" //examples/hello:hello
./bazel-bin/examples/hello/hello > "$work/hello.out" 2>&1
cmp "$work/hello.out" examples/hello/expected.out || fail "hello printed something else"
bazel test "${flags[@]}" //examples/hello:hello_test

say "2. rog gen bazel on a copy of examples/monorepo"
mkdir "$work/mono"
(cd examples/monorepo && tar --exclude=./.rog --exclude='./bazel-*' -cf - .) | tar -C "$work/mono" -xf -
cd "$work/mono"
rog gen bazel
[ -z "$(rog gen bazel)" ] || fail "a second rog gen bazel wrote files"
"${mono_bazel[@]}" build "${flags[@]}" --remote_cache="$url" //...
"${mono_bazel[@]}" test "${flags[@]}" --remote_cache="$url" //cmd/app:app_test
ROG_CACHE="$work/rog-cache-0" rog build -o "$work/app.ninja" ./cmd/app
cmp "$work/app.ninja" bazel-bin/cmd/app/app || fail "Bazel's and rog build's programs differ"
say "   the executable Bazel built is byte-identical to rog build's"

say "3a. bazel clean, then a rebuild from the remote cache"
"${mono_bazel[@]}" clean
"${mono_bazel[@]}" build "${flags[@]}" --remote_cache="$url" //... 2>&1 | tee "$work/rebuild.log"
line=$(grep -E '^INFO: [0-9]+ processes:' "$work/rebuild.log" | tail -1)
say "   $line"
echo "$line" | grep -qE 'processes: [0-9]+ remote cache hit(, [0-9]+ internal)?\.$' ||
  fail "some rog action did not come from the remote cache"

say "3b. rog build --remote-cache from fresh copies with empty caches"
for n in 1 2; do
  mkdir "$work/copy$n"
  (cd "$rog_root/examples/monorepo" && tar --exclude=./.rog --exclude='./bazel-*' -cf - .) |
    tar -C "$work/copy$n" -xf -
  (cd "$work/copy$n" && ROG_CACHE="$work/rog-cache-$n" rog build -v --remote-cache "$url" \
    -o "$work/app$n" ./cmd/app) > "$work/copy$n.log"
done
last=$(tail -1 "$work/copy2.log")
say "   $last"
echo "$last" | grep -qE '^actions: 0 run, [1-9][0-9]* from cache' || fail "the fresh copy ran actions"
cmp "$work/app1" "$work/app2"
say "PASS"
