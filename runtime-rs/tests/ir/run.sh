#!/usr/bin/env bash
# Builds the runtime for cross-language ThinLTO, then for each tests/ir/NAME.ll: compiles it the
# way codegen does, links it the way the link action does (ABI.md "Linking"), runs it and compares
# its merged stdout+stderr with NAME.expected and its exit status with NAME.status (default 0).
# Lines of NAME.expected may end in `...` to match any line with that prefix. NAME.nocall lists
# `function callee` pairs: the function's machine code (llvm-objdump-22 -d) must not call callee,
# i.e. ThinLTO inlined the runtime entry point into it. NAME.env holds VAR=value words for its run;
# NAME.ulimit caps its address space (`ulimit -v`, KiB).
# Usage: tests/ir/run.sh [NAME...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
crate=$(cd "$here/../.." && pwd)
out=${ROG_IR_OUT:-$(mktemp -d)}
target=x86_64-unknown-linux-gnu

# The archive every rog build links, built the one way (toolchains/build-runtime.sh): a build
# with other flags here would replace it with one that differs from Bazel's.
lib="$crate/target/lto/release/librog_runtime.a"
"$crate/../toolchains/build-runtime.sh" "$crate/Cargo.toml" "$crate/target/lto" "$lib"

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$here"/*.ll; do names+=("$(basename "$f" .ll)"); done
fi

# Failures are reported where they happen and again at the end, so that the tail of a long log
# (all CI keeps) names them.
fail=0
failed=()
for n in "${names[@]}"; do
  clang-22 --target=$target -flto=thin -O2 -c "$here/$n.ll" -o "$out/$n.bc"
  clang-22 --target=$target -fuse-ld=lld -flto=thin -O2 "$out/$n.bc" "$lib" -o "$out/$n"
  want_status=0
  [ -f "$here/$n.status" ] && want_status=$(cat "$here/$n.status")
  set +e
  envs=()
  [ -f "$here/$n.env" ] && read -r -a envs <"$here/$n.env"
  limit=unlimited
  [ -f "$here/$n.ulimit" ] && limit=$(cat "$here/$n.ulimit")
  (ulimit -v "$limit" && exec timeout 120 env ROG_DEBUG="${ROG_DEBUG:-}" "${envs[@]}" "$out/$n") \
    >"$out/$n.out" 2>&1
  status=$?
  set -e
  if [ "$status" != "$want_status" ]; then
    echo "FAIL $n: exit status $status, want $want_status"; cat "$out/$n.out"
    failed+=("$n (exit status $status, want $want_status)"); fail=1; continue
  fi
  if ! python3 - "$here/$n.expected" "$out/$n.out" <<'PY'
import sys
want = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
got = open(sys.argv[2], encoding="utf-8", errors="replace").read().splitlines()
ok = len(want) == len(got) and all(
    g.startswith(w[:-3]) if w.endswith("...") else g == w for w, g in zip(want, got))
if not ok:
    print("--- want\n" + "\n".join(want) + "\n--- got\n" + "\n".join(got))
sys.exit(0 if ok else 1)
PY
  then
    echo "FAIL $n: output differs"; failed+=("$n (output differs)"); fail=1; continue
  fi
  if [ -f "$here/$n.nocall" ]; then
    llvm-objdump-22 -d --no-show-raw-insn "$out/$n" >"$out/$n.dis"
    bad=0
    while read -r fn callee; do
      case "$fn" in ''|'#'*) continue ;; esac
      body=$(awk -v f="<$fn>:" '$2 == f {on=1; next} on && /^$/ {exit} on' "$out/$n.dis")
      if [ -z "$body" ]; then echo "FAIL $n: no function $fn in the binary"; bad=1; continue; fi
      if grep -q "<$callee>" <<<"$body"; then
        echo "FAIL $n: $fn still calls $callee:"; grep "<$callee>" <<<"$body"; bad=1
      fi
    done <"$here/$n.nocall"
    if [ $bad != 0 ]; then failed+=("$n (calls left)"); fail=1; continue; fi
  fi
  echo "ok   $n"
done
for f in "${failed[@]}"; do
  n=${f%% *}
  echo "FAILED $f; its output:"; sed 's/^/  | /' "$out/$n.out"
done
exit $fail
