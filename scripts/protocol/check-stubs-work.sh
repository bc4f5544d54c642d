#!/usr/bin/env bash
# Checks that the checked-in stubs in schemas/generated are usable:
#   Java:       javac compiles every file against Debian's protobuf-java and grpc-java jars;
#   Python:     every *_pb2 / *_pb2_grpc module imports under /usr/bin/python3, with a stub class
#               per service;
#   TypeScript: tsc --noEmit (pinned in tools/) type-checks the stubs and a small usage file.
# Kotlin and Swift are not checked: see schemas/generated/README.md.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_node_tools

[[ -d "$GENERATED_DIR" ]] || die "$GENERATED_DIR is missing; run scripts/protocol/generate-stubs.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "== Java: javac"
need_cmd javac "Install the Debian package default-jdk-headless."
JAVA_LIB_DIR="${JAVA_LIB_DIR:-/usr/share/java}"
classpath=""
# Debian packages: libprotobuf-java, libgrpc-java, and what the generated code also needs to
# compile: libguava-java (ListenableFuture) and libgeronimo-annotation-1.3-spec-java
# (javax.annotation.Generated, no longer part of the JDK).
for jar in protobuf grpc-api grpc-stub grpc-protobuf guava geronimo-annotation-1.3-spec; do
  [[ -f "$JAVA_LIB_DIR/$jar.jar" ]] \
    || die "$JAVA_LIB_DIR/$jar.jar not found. Install the Debian packages libprotobuf-java libgrpc-java libguava-java libgeronimo-annotation-1.3-spec-java."
  classpath+="${classpath:+:}$JAVA_LIB_DIR/$jar.jar"
done
mapfile -t java_files < <(find "$GENERATED_DIR/java" -name '*.java' -type f | LC_ALL=C sort)
(( ${#java_files[@]} > 0 )) || die "no Java stubs under $GENERATED_DIR/java"
javac -nowarn -encoding UTF-8 -d "$tmp/classes" -cp "$classpath" "${java_files[@]}" \
  || die "the Java stubs do not compile (see above)"
echo "compiled ${#java_files[@]} Java files"

echo "== Python: import"
[[ -x "$SYSTEM_PYTHON" ]] || die "$SYSTEM_PYTHON not found"
PYTHONPATH="$GENERATED_DIR/python" PYTHONDONTWRITEBYTECODE=1 "$SYSTEM_PYTHON" - <<'PY' \
  || die "the Python stubs do not import under /usr/bin/python3 (needs python3-protobuf and python3-grpcio)"
import importlib
import os
import pathlib
import sys

root = pathlib.Path(os.environ["PYTHONPATH"])
modules = sorted(".".join(p.relative_to(root).with_suffix("").parts)
                 for p in root.rglob("*_pb2*.py"))
if not modules:
    sys.exit("no Python stubs found")
for name in modules:
    module = importlib.import_module(name)
    if name.endswith("_pb2_grpc"):
        descriptor = importlib.import_module(name[: -len("_grpc")]).DESCRIPTOR
        for service in descriptor.services_by_name:
            for suffix in ("Stub", "Servicer"):
                if not hasattr(module, service + suffix):
                    sys.exit(f"{name} lacks {service}{suffix}")
print(f"imported {len(modules)} modules")
PY

echo "== TypeScript: tsc --noEmit"
mkdir -p "$tmp/tsc"
cp -R "$GENERATED_DIR/ts" "$tmp/tsc/ts"
cp tests/protocol/tsconfig.stubs.json "$tmp/tsc/tsconfig.json"
cp tests/protocol/stubs_smoke.ts "$tmp/tsc/stubs_smoke.ts"
ln -s "$REPO_ROOT/tools/node_modules" "$tmp/tsc/node_modules"
"$NODE_BIN/tsc" -p "$tmp/tsc/tsconfig.json" || die "the TypeScript stubs do not type-check (see above)"
echo "type-checked the TypeScript stubs"

echo "stubs work"
