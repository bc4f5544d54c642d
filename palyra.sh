#!/usr/bin/env bash
# The project's front door. Each command does all of its own set-up on a fresh Debian 12 machine.
#   ./palyra.sh run [palyrad flags]   install deps, build, start palyrad in the foreground
#   ./palyra.sh test                  install deps, build (warnings are errors), run every test
#   ./palyra.sh asan                  the test suite under AddressSanitizer + UBSan
#   ./palyra.sh bench                 release build, then every benchmark under bench/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

build() {
  local preset=$1
  bash scripts/install-deps.sh
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
}

command=${1:-}
shift || true
case "$command" in
  run)
    build default
    exec build/default/src/daemon/palyrad "$@"
    ;;
  test)
    build ci
    ctest --preset ci --parallel 2
    ;;
  asan)
    build asan
    ctest --preset asan --parallel 2
    ;;
  bench)
    build release
    bash bench/run-all.sh build/release
    ;;
  *)
    echo "usage: ./palyra.sh run|test|asan|bench" >&2
    exit 2
    ;;
esac
