#!/usr/bin/env bash
# Fails when schemas/generated differs from what generate-stubs.sh produces now: changed files,
# and files present on one side only (stale or never committed). Prints the differences.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[[ -d "$GENERATED_DIR" ]] || die "$GENERATED_DIR is missing; run scripts/protocol/generate-stubs.sh"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$REPO_ROOT/scripts/protocol/generate-stubs.sh" "$tmp/generated" >/dev/null

# Python caches are created by importing the stubs; they are not part of the generated set.
# `diff -q` decides (it also reports empty files present on one side only); `-N` then shows
# one-sided files as added or removed in full.
if ! diff -r -q --exclude=__pycache__ "$GENERATED_DIR" "$tmp/generated" > "$tmp/drift.list"; then
  echo "Generated stubs are out of date ('-' committed, '+' regenerated):" >&2
  cat "$tmp/drift.list" >&2
  echo >&2
  diff -r -u -N --exclude=__pycache__ "$GENERATED_DIR" "$tmp/generated" >&2 || true
  die "$GENERATED_DIR drifted from $PROTO_ROOT. Run scripts/protocol/generate-stubs.sh and commit the result."
fi
echo "generated stubs are up to date"
