#!/usr/bin/env bash
# Go-level stress runs of the runtime: builds every stress/NAME.go with rog (and the IR programs
# listed in IR_PROGRAMS from tests/ir, linked as the link action links), then runs each program
# N times under every GOMAXPROCS value, once more per value under ROG_DEBUG=gcstress, and checks
# the output against NAME.out (made by gc: `go run NAME.go > NAME.out`) and exit status 0 (IR
# programs: NAME.expected and NAME.status, as tests/ir/run.sh).
# blocked100k (100,000 goroutines blocked at once) must also stay under 1 GiB of peak RSS.
#
# Usage: stress/run.sh [-n N] [-p "1 2 4 8"] [-s GCSTRESS] [NAME...]
#   -n N         runs per program and GOMAXPROCS value (default 3; the acceptance run uses 100)
#   -p LIST      GOMAXPROCS values (default "1 2 4 8")
#   -s N         ROG_DEBUG=gcstress=N for the extra gcstress run (default 50; 0 disables)
# Prints one line per program and a summary "runs=R failures=F"; exits 1 if any run failed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
crate=$(cd "$here/.." && pwd)
repo=$(cd "$crate/.." && pwd)
runs=3
procs="1 2 4 8"
stress=50
while getopts "n:p:s:" o; do
  case $o in
    n) runs=$OPTARG ;;
    p) procs=$OPTARG ;;
    s) stress=$OPTARG ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

# IR programs of tests/ir that exercise concurrency (output independent of scheduling).
IR_PROGRAMS="chan goroutines gc_list sync finalizer syscall_handoff"
# Programs too heavy for gcstress runs.
NO_GCSTRESS="blocked100k goroutines"
RSS_LIMIT_KIB=$((1024 * 1024))
TIMEOUT=${ROG_STRESS_TIMEOUT:-300}

out=${ROG_STRESS_OUT:-$(mktemp -d)}
mkdir -p "$out"
target=x86_64-unknown-linux-gnu
(cd "$crate" && RUSTFLAGS="-C linker-plugin-lto" cargo build --release --quiet --target-dir target/lto)
lib="$crate/target/lto/release/librog_runtime.a"
cc -O2 -o "$out/rusage" "$repo/bench/rusage.c"

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$here"/*.go; do names+=("$(basename "$f" .go)"); done
  for n in $IR_PROGRAMS; do names+=("ir:$n"); done
fi

# build NAME: the binary $out/NAME and the expected output $out/NAME.want
build() {
  local n=$1
  if [[ $n == ir:* ]]; then
    local b=${n#ir:}
    clang-22 --target=$target -flto=thin -O2 -c "$crate/tests/ir/$b.ll" -o "$out/$b.bc"
    clang-22 --target=$target -fuse-ld=lld -flto=thin -O2 "$out/$b.bc" "$lib" -o "$out/$b"
    cp "$crate/tests/ir/$b.expected" "$out/$b.want"
  else
    (cd "$repo" && node bin/rog.js build -o "$out/$n" "$here/$n.go")
    cp "$here/$n.out" "$out/$n.want"
  fi
}

total=0
failures=0
for n in "${names[@]}"; do
  b=${n#ir:}
  if ! build "$n" >"$out/$b.build" 2>&1; then
    echo "FAIL $n: build failed"; sed -n 1,20p "$out/$b.build"
    failures=$((failures + 1)); total=$((total + 1)); continue
  fi
  envs=()
  want_status=0
  if [[ $n == ir:* ]]; then
    [ -f "$crate/tests/ir/$b.env" ] && read -r -a envs <"$crate/tests/ir/$b.env"
    [ -f "$crate/tests/ir/$b.status" ] && want_status=$(cat "$crate/tests/ir/$b.status")
  fi
  pf=0; pr=0; maxrss=0
  for p in $procs; do
    modes=(plain)
    if [ "$stress" != 0 ] && [[ " $NO_GCSTRESS " != *" $b "* ]]; then modes+=(gcstress); fi
    for mode in "${modes[@]}"; do
      k=$runs
      debug=""
      if [ "$mode" = gcstress ]; then k=1; debug="gcstress=$stress"; fi
      for ((i = 0; i < k; i++)); do
        pr=$((pr + 1))
        set +e
        timeout "$TIMEOUT" env GOMAXPROCS="$p" ROG_DEBUG="$debug" "${envs[@]}" \
          "$out/rusage" "$out/$b.ru" "$out/$b" >"$out/$b.got" 2>&1
        status=$?
        set -e
        rss=0
        [ -f "$out/$b.ru" ] && rss=$(awk '{print $4}' "$out/$b.ru")
        [ "$rss" -gt "$maxrss" ] && maxrss=$rss
        why=""
        if [ "$status" != "$want_status" ]; then
          why="exit status $status"
        elif ! python3 - "$out/$b.want" "$out/$b.got" <<'PY'
import sys
want = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
got = open(sys.argv[2], encoding="utf-8", errors="replace").read().splitlines()
ok = len(want) == len(got) and all(
    g.startswith(w[:-3]) if w.endswith("...") else g == w for w, g in zip(want, got))
sys.exit(0 if ok else 1)
PY
        then
          why="output differs"
        elif [ "$b" = blocked100k ] && [ "$rss" -gt "$RSS_LIMIT_KIB" ]; then
          why="peak RSS ${rss} KiB over 1 GiB"
        fi
        if [ -n "$why" ]; then
          pf=$((pf + 1))
          echo "FAIL $n GOMAXPROCS=$p ${debug:-} run $i: $why"
          sed -n 1,15p "$out/$b.got"
        fi
      done
    done
  done
  total=$((total + pr))
  failures=$((failures + pf))
  printf '%-5s %-22s runs=%-4d failures=%-3d peak RSS %d KiB\n' \
    "$([ $pf = 0 ] && echo ok || echo FAIL)" "$n" "$pr" "$pf" "$maxrss"
done
echo "runs=$total failures=$failures (GOMAXPROCS: $procs; $runs runs each; gcstress=$stress)"
[ $failures = 0 ]
