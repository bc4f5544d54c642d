#!/usr/bin/env bash
# The layering rules of docs/ARCHITECTURE.md, checked on the tree and the built binaries:
#   - nothing under src/node_host includes daemon/ or identity/pairing/;
#   - no SQL text outside src/store;
#   - no source file over 800 lines;
#   - the palyra binary links neither SQLite nor the gateway's CA and registry.
# usage: check_layering.sh SOURCE_DIR PALYRA_BINARY
set -euo pipefail
src=$1/src
palyra=$2
failed=0
fail() { echo "layering: $*" >&2; failed=1; }

if hits=$(grep -rn '#include "daemon/\|#include "identity/pairing/' "$src/node_host"); then
  fail "src/node_host includes gateway code:"$'\n'"$hits"
fi

# SQL keywords as they start a statement inside a string literal.
sql='"[[:space:]]*(SELECT|INSERT|UPDATE|DELETE FROM|CREATE (TABLE|INDEX|UNIQUE)|BEGIN( IMMEDIATE| DEFERRED| EXCLUSIVE|")|COMMIT"|ROLLBACK|SAVEPOINT|RELEASE [a-z]|PRAGMA|ALTER TABLE|DROP (TABLE|INDEX))'
if hits=$(grep -rnE "$sql" "$src" --include='*.cc' --include='*.h' | grep -v "^$src/store/"); then
  fail "SQL outside src/store:"$'\n'"$hits"
fi

while read -r lines file; do
  [ "$file" = total ] && continue
  if [ "$lines" -gt 800 ]; then fail "$file has $lines lines (at most 800)"; fi
done < <(find "$src" -name '*.cc' -o -name '*.h' | xargs wc -l)

if ldd "$palyra" | grep -qi sqlite; then fail "palyra links SQLite"; fi
if nm -C "$palyra" | grep -qE ' (sqlite3_open|palyra::identity::(GatewayCa|DeviceRegistry)::)'; then
  fail "palyra contains the gateway's store or CA"
fi

if [ "$failed" -ne 0 ]; then exit 1; fi
echo "layering: node_host is gateway-free, SQL lives in src/store, files <= 800 lines, palyra links no store"
