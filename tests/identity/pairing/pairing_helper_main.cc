// Test helper process: pairs devices against a shared state directory, the way a second
// palyrad (or a CLI) would, so tests can run two at once.
//
//   palyra_pairing_test_helper <state_dir> <count>
// Mints <count> codes that stay live, then pairs <count> devices with auto-approved codes
// (alternating PIN/QR, every other one with a CSR), collecting each certificate. Prints
// "ok minted=<n> paired=<n>" and exits 0, or prints the first error and exits 1.

#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/files.h"
#include "common/time.h"
#include "common/ulid.h"
#include "crypto/csr.h"
#include "crypto/p256.h"
#include "identity/device_identity.h"
#include "identity/handshake.h"
#include "identity/pairing/pairing_coordinator.h"
#include "store/sqlite_pairing_repository.h"
#include "support/identity_stores.h"

namespace {

using namespace palyra;
using namespace palyra::identity;

int Fail(const std::string& what, const Status& status) {
  std::printf("error: %s: %s\n", what.c_str(), status.ToString().c_str());
  return 1;
}

// This process's own connection factory, registry and CA over the shared state dir.
Result<std::unique_ptr<PairingCoordinator>> OpenCoordinator(
    const std::filesystem::path& dir, const PairingCoordinatorOptions& options) {
  // The state dir may not exist yet (the daemon creates it; a first process here does).
  PALYRA_RETURN_IF_ERROR(EnsurePrivateDirectory(dir));
  PALYRA_ASSIGN_OR_RETURN(
      std::unique_ptr<DeviceRegistry> registry,
      palyra::testing::OpenRegistry(dir / "palyra.db", dir / "gateway-ca.key.pem", NowUnixMs()));
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<store::ConnectionFactory> factory,
                          store::ConnectionFactory::Open(dir / "palyra.db"));
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> connection, factory->Connect());
  return PairingCoordinator::Open(
      options, std::shared_ptr<DeviceRegistry>(std::move(registry)),
      std::make_shared<store::SqlitePairingRepository>(std::move(connection)));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::printf("usage: %s <state_dir> <count>\n", argv[0]);
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  const int count = std::atoi(argv[2]);
  PairingCoordinatorOptions options;
  options.code_key_path = dir / "pairing-code.key";
  auto coordinator = OpenCoordinator(dir, options);
  if (!coordinator.ok()) return Fail("open", coordinator.status());

  int minted = 0;
  for (int i = 0; i < count; ++i) {
    MintCodeRequest request;
    request.method = i % 2 ? PairingMethod::Kind::kQr : PairingMethod::Kind::kPin;
    request.issued_by = "helper";
    auto code = (*coordinator)->MintCode(request);
    if (!code.ok()) return Fail("mint", code.status());
    ++minted;
  }
  int paired = 0;
  for (int i = 0; i < count; ++i) {
    MintCodeRequest request;
    request.method = i % 2 ? PairingMethod::Kind::kQr : PairingMethod::Kind::kPin;
    request.issued_by = "helper";
    request.auto_approve = true;
    auto code = (*coordinator)->MintCode(request);
    if (!code.ok()) return Fail("mint auto-approve", code.status());
    auto device = DeviceIdentity::Generate(NewUlid());
    if (!device.ok()) return Fail("device identity", device.status());
    std::optional<std::string> csr_pem;
    if (i % 2 == 1) {
      auto key = crypto::P256PrivateKey::Generate();
      if (!key.ok()) return Fail("device key", key.status());
      auto csr = crypto::CsrBuilder()
                     .SetSubjectCommonName("Palyra Device " + device->device_id())
                     .Sign(*key);
      if (!csr.ok()) return Fail("csr", csr.status());
      csr_pem = csr->ToPem();
    }
    const PairingMethod method = request.method == PairingMethod::Kind::kPin
                                     ? PairingMethod::Pin(code->code)
                                     : PairingMethod::Qr(code->code);
    auto session = (*coordinator)->BeginPairing(ClientKind::kNode, method);
    if (!session.ok()) return Fail("begin", session.status());
    auto hello = BuildDeviceHello(*device, *session, code->code);
    if (!hello.ok()) return Fail("hello", hello.status());
    auto completed = (*coordinator)->CompletePairing(*hello, csr_pem);
    if (!completed.ok()) return Fail("complete", completed.status());
    auto status = (*coordinator)->GetStatus(completed->request_id, device->device_id());
    if (!status.ok()) return Fail("status", status.status());
    if (status->state != PairingRequestState::kCompleted) {
      std::printf("error: request %s ended %s: %s\n", completed->request_id.c_str(),
                  std::string(PairingRequestStateName(status->state)).c_str(),
                  status->reason.c_str());
      return 1;
    }
    ++paired;
  }
  std::printf("ok minted=%d paired=%d\n", minted, paired);
  return 0;
}
