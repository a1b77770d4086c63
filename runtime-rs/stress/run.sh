#!/usr/bin/env bash
# Go-level stress runs of the runtime: builds every stress/NAME.go with rog (and the IR programs
# listed in IR_PROGRAMS from tests/ir, linked as the link action links), then runs each program
# N times under every GOMAXPROCS value, once more per value under ROG_DEBUG=gcstress, and checks
# the output against NAME.out (made by gc: `go run NAME.go > NAME.out`) and exit status 0 (IR
# programs: NAME.expected and NAME.status, as tests/ir/run.sh).
# blocked100k (100,000 goroutines blocked at once) must also stay under 1 GiB of peak RSS.
# Every program is built before the first run, so rebuilding the runtime during a long run does
# not change what is being tested.
#
# Usage: stress/run.sh [-n N] [-p "1 2 4 8"] [-s GCSTRESS] [-o FILE] [NAME...]
#   -n N         runs per program and GOMAXPROCS value (default 3; the acceptance run uses 100)
#   -p LIST      GOMAXPROCS values (default "1 2 4 8")
#   -s N         ROG_DEBUG=gcstress=N for the extra gcstress run (default 50; 0 disables)
#   -o FILE      also write the report (a header naming the commit and machine, then the
#                lines below) to FILE: stress/results.txt is the committed acceptance record
# Prints one line per program and a summary "runs=R failures=F"; exits 1 if any run failed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
crate=$(cd "$here/.." && pwd)
repo=$(cd "$crate/.." && pwd)
runs=3
procs="1 2 4 8"
stress=50
record=""
args="$*"
while getopts "n:p:s:o:" o; do
  case $o in
    n) runs=$OPTARG ;;
    p) procs=$OPTARG ;;
    s) stress=$OPTARG ;;
    o) record=$(realpath -m "$OPTARG") ;;
    *) sed -n '2,19p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

# IR programs of tests/ir that exercise concurrency (output independent of scheduling).
IR_PROGRAMS="chan goroutines gc_list sync finalizer syscall_handoff"
# Programs too heavy for gcstress runs.
NO_GCSTRESS="blocked100k goroutines"
# Programs whose live heap grows to 200,000 objects: collecting every GCSTRESS allocations makes
# the run quadratic (16,000 full collections of a list of up to 200,000 nodes: 10-20 minutes on
# the loaded machine), so they collect 20 times less often (still 800 collections).
SPARSE_GCSTRESS="ir:gc_list"
RSS_LIMIT_KIB=$((1024 * 1024))
TIMEOUT=${ROG_STRESS_TIMEOUT:-300}

out=${ROG_STRESS_OUT:-$(mktemp -d)}
mkdir -p "$out"
target=x86_64-unknown-linux-gnu
# The archive every rog build links, built the one way (toolchains/build-runtime.sh).
lib="$crate/target/lto/release/librog_runtime.a"
"$repo/toolchains/build-runtime.sh" "$crate/Cargo.toml" "$crate/target/lto" "$lib"
cc -O2 -o "$out/rusage" "$repo/bench/rusage.c"

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$here"/*.go; do names+=("$(basename "$f" .go)"); done
  for n in $IR_PROGRAMS; do names+=("ir:$n"); done
fi

# bin NAME: the file name of NAME's binary (IR programs get a prefix: tests/ir/goroutines.ll
# and stress/goroutines.go are different programs).
bin() { if [[ $1 == ir:* ]]; then echo "ir_${1#ir:}"; else echo "$1"; fi; }

# build NAME: the binary $out/$(bin NAME) and the expected output $out/$(bin NAME).want
build() {
  local n=$1 b
  b=$(bin "$1")
  if [[ $n == ir:* ]]; then
    local src=${n#ir:}
    clang-22 --target=$target -flto=thin -O2 -c "$crate/tests/ir/$src.ll" -o "$out/$b.bc"
    clang-22 --target=$target -fuse-ld=lld -flto=thin -O2 "$out/$b.bc" "$lib" -o "$out/$b"
    cp "$crate/tests/ir/$src.expected" "$out/$b.want"
  else
    (cd "$repo" && node bin/rog.js build -o "$out/$b" "$here/$n.go")
    cp "$here/$n.out" "$out/$b.want"
  fi
}

# same_output WANT GOT: GOT matches WANT line by line; a WANT line ending in `...` matches any
# line with that prefix. Byte-equal files are decided by cmp, without starting Python (the
# acceptance run compares thousands of outputs on a loaded machine).
same_output() {
  cmp -s "$1" "$2" && return 0
  grep -q '\.\.\.$' "$1" || return 1
  python3 - "$1" "$2" <<'PY'
import sys
want = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
got = open(sys.argv[2], encoding="utf-8", errors="replace").read().splitlines()
ok = len(want) == len(got) and all(
    g.startswith(w[:-3]) if w.endswith("...") else g == w for w, g in zip(want, got))
sys.exit(0 if ok else 1)
PY
}

# report LINE: prints LINE and appends it to the record, if any.
report() {
  echo "$1"
  if [ -n "$record" ]; then echo "$1" >>"$record"; fi
}

if [ -n "$record" ]; then
  {
    echo "# stress/run.sh $args"
    # The runtime-rs tree names what was tested even after the commit is rebased.
    echo "# commit $(git -C "$repo" rev-parse --short HEAD), runtime-rs tree $(git -C "$repo" rev-parse --short HEAD:runtime-rs)$(git -C "$repo" diff --quiet HEAD -- runtime-rs ":(exclude)runtime-rs/stress/results*.txt" || echo ' (modified)'), $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "# $(nproc) CPUs, Linux $(uname -r), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
  } >"$record"
fi

total=0
failures=0
built=()
for n in "${names[@]}"; do
  b=$(bin "$n")
  if build "$n" >"$out/$b.build" 2>&1; then
    built+=("$n")
  else
    report "FAIL $n: build failed"; sed -n 1,20p "$out/$b.build"
    failures=$((failures + 1)); total=$((total + 1))
  fi
done

for n in "${built[@]}"; do
  b=$(bin "$n")
  started=$SECONDS
  envs=()
  want_status=0
  if [[ $n == ir:* ]]; then
    src=${n#ir:}
    [ -f "$crate/tests/ir/$src.env" ] && read -r -a envs <"$crate/tests/ir/$src.env"
    [ -f "$crate/tests/ir/$src.status" ] && want_status=$(cat "$crate/tests/ir/$src.status")
  fi
  pf=0; pr=0; maxrss=0
  for p in $procs; do
    modes=(plain)
    if [ "$stress" != 0 ] && [[ " $NO_GCSTRESS " != *" $n "* ]]; then modes+=(gcstress); fi
    for mode in "${modes[@]}"; do
      k=$runs
      debug=""
      if [ "$mode" = gcstress ]; then
        k=1
        every=$stress
        if [[ " $SPARSE_GCSTRESS " == *" $n "* ]]; then every=$((stress * 20)); fi
        debug="gcstress=$every"
      fi
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
        elif ! same_output "$out/$b.want" "$out/$b.got"; then
          why="output differs"
        elif [ "$b" = blocked100k ] && [ "$rss" -gt "$RSS_LIMIT_KIB" ]; then
          why="peak RSS ${rss} KiB over 1 GiB"
        fi
        if [ -n "$why" ]; then
          pf=$((pf + 1))
          report "FAIL $n GOMAXPROCS=$p ${debug:-} run $i: $why"
          sed -n 1,15p "$out/$b.got" | tee -a "${record:-/dev/null}"
        fi
      done
    done
  done
  total=$((total + pr))
  failures=$((failures + pf))
  report "$(printf '%-5s %-22s runs=%-4d failures=%-3d peak RSS %7d KiB  %5d s' \
    "$([ $pf = 0 ] && echo ok || echo FAIL)" "$n" "$pr" "$pf" "$maxrss" $((SECONDS - started)))"
done
report "runs=$total failures=$failures (GOMAXPROCS: $procs; $runs runs each; gcstress=$stress)"
[ $failures = 0 ]
