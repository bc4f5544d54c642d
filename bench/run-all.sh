#!/usr/bin/env bash
# Runs every benchmark program from a build dir and prints their figures.
# usage: bench/run-all.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${1:-build/release}
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $(date -u +%Y-%m-%d)"
echo "== core_bench"
"$build/bench/core_bench" --benchmark_min_time=0.5
echo "== gateway_health_load"
"$build/bench/gateway_health_load"
# Every other program, when this build has it.
for micro in identity_bench pairing_bench node_runtime_bench event_log_bench; do
  if [ -x "$build/bench/$micro" ]; then
    echo "== $micro"
    "$build/bench/$micro" --benchmark_min_time=0.5
  fi
done
for load in node_load node_host_load quic_load; do
  if [ -x "$build/bench/$load" ]; then
    echo "== $load"
    "$build/bench/$load"
  fi
done
