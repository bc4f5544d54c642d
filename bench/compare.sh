#!/usr/bin/env bash
# Runs the same micro-benchmarks from two builds, interleaved (A, B, A, B, ...), so that a
# before/after comparison sees the same machine state. Prints each benchmark's median CPU time
# per build and the change. Benchmarks are pinned to one core when taskset is available.
# usage: bench/compare.sh BEFORE_BUILD_DIR AFTER_BUILD_DIR [ROUNDS] [PROGRAM...]
set -euo pipefail
before=$1
after=$2
rounds=${3:-3}
shift $(( $# >= 3 ? 3 : $# ))
programs=("$@")
if [ "${#programs[@]}" -eq 0 ]; then
  programs=(identity_bench pairing_bench node_runtime_bench event_log_bench)
fi
pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c 1); fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
for program in "${programs[@]}"; do
  for round in $(seq 1 "$rounds"); do
    for side in before after; do
      dir=$before
      [ "$side" = after ] && dir=$after
      "${pin[@]}" "$dir/bench/$program" --benchmark_min_time=0.3 --benchmark_format=json \
        2>/dev/null >"$out/$program.$side.$round.json"
    done
  done
  python3 - "$out" "$program" "$rounds" <<'PY'
import json, statistics, sys
out, program, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
def load(side):
    runs = {}
    for r in range(1, rounds + 1):
        for bench in json.load(open(f"{out}/{program}.{side}.{r}.json"))["benchmarks"]:
            scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[bench["time_unit"]]
            runs.setdefault(bench["name"], []).append(bench["cpu_time"] * scale)  # in us
    return runs
def fmt(us):
    return f"{us * 1000:.1f} ns" if us < 1 else f"{us:.1f} us" if us < 1000 else f"{us / 1000:.2f} ms"
before, after = load("before"), load("after")
print(f"== {program}: median CPU time per iteration over {rounds} interleaved runs")
print(f"{'benchmark':56s} {'before':>12s} {'after':>12s} {'change':>8s}")
for name in before:
    if name not in after:
        continue
    b, a = statistics.median(before[name]), statistics.median(after[name])
    print(f"{name:56s} {fmt(b):>12s} {fmt(a):>12s} {100.0 * (a - b) / b:+7.1f}%")
PY
done
