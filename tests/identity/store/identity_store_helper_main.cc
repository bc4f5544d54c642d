// Test helper: drives the identity store from a separate process, so the tests can run several
// processes against one database at the same time.
//
// usage:
//   palyra_identity_store_test_helper create-ca <db> <key> <start_at_unix_ms>
//       waits until start_at, loads or creates the CA, prints "ca <fingerprint>"
//   palyra_identity_store_test_helper churn <db> <key> <start_at_unix_ms> <count>
//       pairs <count> new devices; rotates each once; revokes every even-numbered one.
//       Prints "paired <id>" / "revoked <id>" lines.
//   palyra_identity_store_test_helper revoke <db> <key> <device_id>
//       revokes the device, prints "revoked <fingerprint>" per newly revoked certificate

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "common/time.h"
#include "common/ulid.h"
#include "crypto/ed25519.h"
#include "identity/store/device_registry.h"
#include "support/identity_stores.h"

namespace {

using palyra::identity::DeviceRegistry;

int Fail(const std::string& what, const palyra::Status& status) {
  std::fprintf(stderr, "%s: %s\n", what.c_str(), status.ToString().c_str());
  return 1;
}

void WaitUntil(int64_t start_at_unix_ms) {
  const int64_t delay = start_at_unix_ms - palyra::NowUnixMs();
  if (delay > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay));
}

int Churn(DeviceRegistry& registry, int count) {
  for (int i = 0; i < count; ++i) {
    auto key = palyra::crypto::Ed25519PrivateKey::Generate();
    if (!key.ok()) return Fail("ed25519", key.status());
    palyra::identity::PairDeviceRequest request;
    request.device_id = palyra::NewUlid();
    request.client_kind = palyra::identity::ClientKind::kNode;
    request.signing_public_key_hex = key->PublicKey().Hex();
    auto paired = registry.RecordPairedDevice(request, palyra::NowUnixMs());
    if (!paired.ok()) return Fail("pair", paired.status());
    std::printf("paired %s\n", request.device_id.c_str());
    auto rotated =
        registry.ForceRotate(request.device_id, palyra::identity::LeafKeySource::GatewayGenerated(),
                             palyra::NowUnixMs());
    if (!rotated.ok()) return Fail("rotate", rotated.status());
    if (i % 2 == 0) {
      auto revoked = registry.Revoke(request.device_id, "churn", palyra::NowUnixMs());
      if (!revoked.ok()) return Fail("revoke", revoked.status());
      std::printf("revoked %s\n", request.device_id.c_str());
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s <command> <db> <key> ...\n", argv[0]);
    return 2;
  }
  const std::string command = argv[1];
  const std::string db_path = argv[2];
  const std::string key_path = argv[3];

  if (command == "create-ca" || command == "churn") {
    if (argc < 5) return 2;
    WaitUntil(std::atoll(argv[4]));
  }
  auto registry = palyra::testing::OpenRegistry(db_path, key_path, palyra::NowUnixMs());
  if (!registry.ok()) return Fail("open", registry.status());

  if (command == "create-ca") {
    std::printf("ca %s\n", (*registry)->ca().Fingerprint().c_str());
    return 0;
  }
  if (command == "churn") {
    if (argc != 6) return 2;
    return Churn(**registry, std::atoi(argv[5]));
  }
  if (command == "revoke") {
    if (argc != 5) return 2;
    auto revoked = (*registry)->Revoke(argv[4], "revoked by helper", palyra::NowUnixMs());
    if (!revoked.ok()) return Fail("revoke", revoked.status());
    for (const std::string& fp : revoked->revoked_fingerprints)
      std::printf("revoked %s\n", fp.c_str());
    return 0;
  }
  std::fprintf(stderr, "unknown command %s\n", command.c_str());
  return 2;
}
