#!/usr/bin/env bash
# Rebuilds the buf image that `buf breaking` compares the .proto files against.
# Run it only when a contract change is intended and reviewed (for example a new field or RPC);
# commit the new baseline together with the .proto change.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_node_tools

"$NODE_BIN/buf" build "$PROTO_ROOT" --exclude-source-info -o "$BASELINE_IMAGE"
echo "wrote $BASELINE_IMAGE"
