#!/usr/bin/env bash
# Runtime micro-benchmarks, rog beside gc: builds each bench/micro/NAME.go with `rog build` and
# `go build`, checks both print the same, runs them alternately R times (default 5) under
# bench/rusage.c and reports the medians of wall and CPU (user+sys) time, the rog ÷ gc ratios
# and the peak RSS of each. Writes the table to bench/micro/results.md (-w) or prints it.
# Ratios are from one run of this script only (the machine is shared and noisy: compare CPU
# time ratios before wall time ones).
#
# Usage: bench/micro/run.sh [-r R] [-w] [NAME...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
reps=5
write=0
while getopts "r:w" o; do
  case $o in
    r) reps=$OPTARG ;;
    w) write=1 ;;
    *) sed -n '2,10p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$here"/*.go; do names+=("$(basename "$f" .go)"); done
fi
out=${ROG_BENCH_OUT:-$(mktemp -d)}
mkdir -p "$out"
cc -O2 -o "$out/rusage" "$repo/bench/rusage.c"

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

table="| benchmark | rog wall s | gc wall s | rog÷gc wall | rog CPU s | gc CPU s | rog÷gc CPU | rog peak RSS MiB | gc peak RSS MiB |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for n in "${names[@]}"; do
  (cd "$repo" && node bin/rog.js build -o "$out/rog_$n" "$here/$n.go")
  (cd "$here" && go build -o "$out/gc_$n" "$n.go")
  "$out/rog_$n" >"$out/rog_$n.txt" 2>&1
  "$out/gc_$n" >"$out/gc_$n.txt" 2>&1
  if ! cmp -s "$out/rog_$n.txt" "$out/gc_$n.txt"; then
    echo "FAIL $n: rog and gc print different results" >&2
    diff "$out/rog_$n.txt" "$out/gc_$n.txt" >&2 || true
    exit 1
  fi
  : >"$out/rog_$n.runs"
  : >"$out/gc_$n.runs"
  for ((i = 0; i < reps; i++)); do
    for c in rog gc; do
      "$out/rusage" "$out/${c}_$n.ru" "$out/${c}_$n" >/dev/null 2>&1
      cat "$out/${c}_$n.ru" >>"$out/${c}_$n.runs"
    done
  done
  row=$(python3 - "$out/rog_$n.runs" "$out/gc_$n.runs" "$n" <<'PY'
import statistics, sys
def load(p):
    rows = [list(map(int, l.split())) for l in open(p) if l.strip()]
    wall = statistics.median(r[0] for r in rows) / 1e6
    cpu = statistics.median(r[1] + r[2] for r in rows) / 1e6
    rss = max(r[3] for r in rows) / 1024
    return wall, cpu, rss
rw, rc, rr = load(sys.argv[1])
gw, gc, gr = load(sys.argv[2])
print(f"| {sys.argv[3]} | {rw:.3f} | {gw:.3f} | {rw / gw:.2f} | {rc:.3f} | {gc:.3f} | "
      f"{rc / gc:.2f} | {rr:.1f} | {gr:.1f} |")
PY
)
  echo "$row"
  table+=$'\n'"$row"
done
if [ $write = 1 ]; then
  {
    echo "# Runtime micro-benchmarks: rog ÷ gc"
    echo
    echo "Produced by \`bench/micro/run.sh -w -r $reps\` ($(go version | awk '{print $3}'), GOMAXPROCS"
    echo "default, $(nproc) CPUs, median of $reps alternating runs, peak RSS the largest). One run of"
    echo "the script; the machine is shared, so CPU-time ratios are the steadier ones."
    echo
    echo "$table"
    echo
    for n in "${names[@]}"; do
      # The file's opening comment says what it measures.
      what=$(sed -n '/^package/q; s#^// \{0,1\}##p' "$here/$n.go" | tr '\n' ' ' | sed 's/^Micro-benchmark: //; s/ *$//')
      echo "- $n: $what"
    done
  } >"$here/results.md"
  echo "wrote $here/results.md"
else
  echo "$table"
fi
