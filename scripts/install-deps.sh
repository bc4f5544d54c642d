#!/usr/bin/env bash
# Installs everything the build, the tests and the protocol checks need, from Debian 12 packages
# and the npm tooling pinned in tools/package.json. Idempotent: on a machine that already has it
# all, it only checks and returns within seconds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

APT_PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # RPC, protobuf and the stub generators for other languages
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  protobuf-compiler-grpc-java-plugin libgrpc-java libprotobuf-java default-jdk-headless
  libguava-java libgeronimo-annotation-1.3-spec-java
  python3 python3-grpcio python3-protobuf
  # crypto, storage, QUIC, event loop
  libssl-dev libsqlite3-dev sqlite3 libngtcp2-dev libngtcp2-crypto-gnutls-dev libgnutls28-dev
  libasio-dev
  # an independent QUIC implementation for the interop test (quic-go, built in GOPATH mode)
  golang-go golang-github-lucas-clemente-quic-go-dev
  # JSON, CLI, logging, config, QR
  nlohmann-json3-dev libcli11-dev libspdlog-dev libfmt-dev libtomlplusplus-dev libqrencode-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev googletest libbenchmark-dev
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
# Node.js and npm: any recent install will do; Debian's packages are the fallback.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${#missing[@]} Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm tooling (buf, protoc-gen-es, TypeScript, grpc-js), pinned by tools/package-lock.json.
if [ -f tools/package-lock.json ]; then
  stamp=tools/node_modules/.palyra-lock.sha256
  want=$(sha256sum tools/package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "install-deps: installing npm tooling from tools/package-lock.json"
    npm ci --prefix tools --no-audit --no-fund --loglevel=error >/dev/null
    echo "$want" > "$stamp"
  fi
fi
echo "install-deps: all dependencies present"
