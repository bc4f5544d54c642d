#!/usr/bin/env bash
# Checks the wire contract under schemas/proto:
#   1. protoc parses every file and resolves every import and type;
#   2. buf lint passes (rules and exceptions in schemas/proto/buf.yaml);
#   3. buf breaking finds no incompatible change against the committed baseline image.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
need_cmd protoc "Install the Debian package protobuf-compiler."
ensure_node_tools

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

mapfile -t files < <(proto_files)
(( ${#files[@]} > 0 )) || die "no .proto files under $PROTO_ROOT"

echo "== protoc: parse ${#files[@]} files"
protoc -I "$PROTO_ROOT" --include_imports --descriptor_set_out="$tmp/descriptor.pb" "${files[@]}" \
  || die "protoc rejected the .proto files (see above)"

echo "== buf lint"
"$NODE_BIN/buf" lint "$PROTO_ROOT" \
  || die "buf lint failed. Fix the .proto files; add an exception to $PROTO_ROOT/buf.yaml only if upstream's wire contract forces it."

echo "== buf breaking against $BASELINE_IMAGE"
[[ -f "$BASELINE_IMAGE" ]] || die "$BASELINE_IMAGE is missing; create it with scripts/protocol/update-baseline.sh"
"$NODE_BIN/buf" breaking "$PROTO_ROOT" --against "$BASELINE_IMAGE" \
  || die "incompatible contract change (see above). Never renumber, retype or rename. If the change is intended, run scripts/protocol/update-baseline.sh and commit the new baseline."

echo "proto contract OK"
