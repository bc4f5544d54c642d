# shellcheck shell=bash disable=SC2034
# Shared helpers for the scripts in scripts/protocol. Source it; do not run it.
# Sets REPO_ROOT, moves there, and defines the paths and tool locations the scripts use.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO_ROOT" || exit 1

PROTO_ROOT="schemas/proto"
BASELINE_IMAGE="schemas/baseline/palyra-v1.binpb"
GENERATED_DIR="schemas/generated"
NODE_BIN="$REPO_ROOT/tools/node_modules/.bin"
# Debian's interpreter: python3-protobuf and python3-grpcio are installed for it, not for any
# other python3 that may come first on PATH.
SYSTEM_PYTHON="/usr/bin/python3"

die() {
  echo "error: $*" >&2
  exit 1
}

need_cmd() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' not found. ${2:-}"
}

# Every .proto file under the include root, sorted bytewise so output order never depends on locale.
proto_files() {
  (cd "$PROTO_ROOT" && find . -name '*.proto' -type f | sed 's|^\./||' | LC_ALL=C sort)
}

# Installs the pinned npm tools (tools/package-lock.json) when tools/node_modules is missing.
ensure_node_tools() {
  if [[ ! -x "$NODE_BIN/buf" || ! -x "$NODE_BIN/protoc-gen-es" || ! -x "$NODE_BIN/tsc" ]]; then
    need_cmd npm "Install Node.js 20+ and npm."
    echo "tools/node_modules is missing or incomplete; running npm ci --prefix tools" >&2
    npm ci --prefix tools --no-audit --no-fund >&2 || die "npm ci --prefix tools failed"
  fi
}
