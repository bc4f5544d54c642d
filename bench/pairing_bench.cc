// Full in-process pairing through PairingCoordinator: mint a code, begin (reserve + session),
// build the device's hello, complete (verify + request + consume), approve (auto_approve code,
// or an explicit operator approval), and finalise with certificate issuance (GetStatus).
//
// Target: >= 2,000 pairings/s on one core (BM_Pairing_AutoApprove_GatewayKey).
// The device identity (Ed25519 + X25519 key generation) is made outside the timed region: a
// device has it long before it pairs. Everything else, device side included, is timed.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <system_error>

#include "common/files.h"
#include "common/time.h"
#include "common/ulid.h"
#include "crypto/csr.h"
#include "crypto/p256.h"
#include "identity/device_identity.h"
#include "identity/handshake.h"
#include "identity/pairing/pairing_coordinator.h"
#include "store/connection_factory.h"
#include "store/sqlite_ca_repository.h"
#include "store/sqlite_device_repository.h"
#include "store/sqlite_pairing_repository.h"

namespace {

using palyra::identity::ClientKind;
using palyra::identity::DeviceIdentity;
using palyra::identity::PairingCoordinator;
using palyra::identity::PairingMethod;
using palyra::identity::PairingRequestState;

struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<palyra::store::ConnectionFactory> factory;
  std::unique_ptr<palyra::store::SqliteCaRepository> cas;
  std::unique_ptr<palyra::store::SqliteDeviceRepository> devices;
  std::unique_ptr<PairingCoordinator> coordinator;
  std::string error;

  Fixture() {
    dir = std::filesystem::temp_directory_path() / ("palyra-pairbench-" + palyra::NewUlid());
    palyra::identity::PairingCoordinatorOptions options;
    options.code_key_path = dir / "pairing-code.key";
    // The session-start limit (1,024/min by default) guards a real gateway; lift it here.
    options.session_limits.max_starts_per_window = size_t{1} << 30;
    auto opened = Open(options);
    if (!opened.ok()) {
      error = opened.status().ToString();
      return;
    }
    coordinator = std::move(*opened);
  }
  // As the daemon wires it: one factory, the one registry and CA, the coordinator's connection.
  palyra::Result<std::unique_ptr<PairingCoordinator>> Open(
      const palyra::identity::PairingCoordinatorOptions& options) {
    PALYRA_RETURN_IF_ERROR(palyra::EnsurePrivateDirectory(dir));
    PALYRA_ASSIGN_OR_RETURN(factory, palyra::store::ConnectionFactory::Open(dir / "palyra.db"));
    PALYRA_ASSIGN_OR_RETURN(auto ca_connection, factory->Connect());
    cas = std::make_unique<palyra::store::SqliteCaRepository>(std::move(ca_connection));
    PALYRA_ASSIGN_OR_RETURN(auto device_connection, factory->Connect());
    devices = std::make_unique<palyra::store::SqliteDeviceRepository>(std::move(device_connection));
    PALYRA_ASSIGN_OR_RETURN(
        auto ca, palyra::identity::GatewayCa::LoadOrCreate(*cas, dir / "gateway-ca.key.pem",
                                                           palyra::NowUnixMs()));
    auto registry = std::make_shared<palyra::identity::DeviceRegistry>(*devices, std::move(ca));
    PALYRA_ASSIGN_OR_RETURN(auto connection, factory->Connect());
    return PairingCoordinator::Open(
        options, std::move(registry),
        std::make_shared<palyra::store::SqlitePairingRepository>(std::move(connection)));
  }

  ~Fixture() {
    coordinator.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

enum class Approval { kAutoApproveCode, kOperator };
enum class KeySource { kGateway, kCsr };

// Time spent in each step, summed over the run (reported per pairing).
struct StageTimes {
  enum Stage { kMint, kBegin, kDevice, kComplete, kApprove, kFinalize, kCount };
  static constexpr const char* kNames[kCount] = {"us_mint",     "us_begin",   "us_device",
                                                 "us_complete", "us_approve", "us_finalize"};
  double seconds[kCount] = {};
  std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();
  void Start() { last = std::chrono::steady_clock::now(); }
  void Lap(Stage stage) {
    const auto now = std::chrono::steady_clock::now();
    seconds[stage] += std::chrono::duration<double>(now - last).count();
    last = now;
  }
};

// One pairing; returns an error message or empty.
std::string PairOnce(PairingCoordinator& coordinator, const DeviceIdentity& device,
                     PairingMethod::Kind kind, Approval approval, KeySource key_source,
                     StageTimes& times) {
  times.Start();
  palyra::identity::MintCodeRequest mint;
  mint.method = kind;
  mint.auto_approve = approval == Approval::kAutoApproveCode;
  mint.issued_by = "bench";
  auto code = coordinator.MintCode(mint);
  if (!code.ok()) return "mint: " + code.status().ToString();
  times.Lap(StageTimes::kMint);

  const PairingMethod method = kind == PairingMethod::Kind::kPin ? PairingMethod::Pin(code->code)
                                                                 : PairingMethod::Qr(code->code);
  auto session = coordinator.BeginPairing(ClientKind::kNode, method);
  if (!session.ok()) return "begin: " + session.status().ToString();
  times.Lap(StageTimes::kBegin);

  // Device side: optional key + CSR, then the hello.
  std::optional<std::string> csr_pem;
  if (key_source == KeySource::kCsr) {
    auto key = palyra::crypto::P256PrivateKey::Generate();
    if (!key.ok()) return "device key: " + key.status().ToString();
    auto csr = palyra::crypto::CsrBuilder()
                   .SetSubjectCommonName("Palyra Device " + device.device_id())
                   .Sign(*key);
    if (!csr.ok()) return "csr: " + csr.status().ToString();
    csr_pem = csr->ToPem();
  }
  auto hello = palyra::identity::BuildDeviceHello(device, *session, code->code);
  if (!hello.ok()) return "hello: " + hello.status().ToString();
  times.Lap(StageTimes::kDevice);

  auto completed = coordinator.CompletePairing(*hello, csr_pem);
  if (!completed.ok()) return "complete: " + completed.status().ToString();
  times.Lap(StageTimes::kComplete);
  if (approval == Approval::kOperator) {
    auto approved = coordinator.Approve(completed->request_id, "operator:bench");
    if (!approved.ok()) return "approve: " + approved.status().ToString();
  }
  times.Lap(StageTimes::kApprove);
  auto status = coordinator.GetStatus(completed->request_id, device.device_id());
  if (!status.ok()) return "status: " + status.status().ToString();
  times.Lap(StageTimes::kFinalize);
  if (status->state != PairingRequestState::kCompleted) return "not completed: " + status->reason;
  benchmark::DoNotOptimize(status->certificate_pem.data());
  return {};
}

void RunPairings(benchmark::State& state, PairingMethod::Kind kind, Approval approval,
                 KeySource key_source) {
  Fixture f;
  if (!f.coordinator) return state.SkipWithError(f.error.c_str());
  StageTimes times;
  for (auto _ : state) {
    state.PauseTiming();
    auto device = DeviceIdentity::Generate(palyra::NewUlid());
    state.ResumeTiming();
    if (!device.ok()) return state.SkipWithError(device.status().message().c_str());
    const std::string error = PairOnce(*f.coordinator, *device, kind, approval, key_source, times);
    if (!error.empty()) return state.SkipWithError(error.c_str());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["pairings_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  const double n = static_cast<double>(std::max<benchmark::IterationCount>(state.iterations(), 1));
  for (int stage = 0; stage < StageTimes::kCount; ++stage) {
    state.counters[StageTimes::kNames[stage]] = times.seconds[stage] * 1e6 / n;
  }
}

void BM_Pairing_AutoApprove_GatewayKey(benchmark::State& state) {
  RunPairings(state, PairingMethod::Kind::kPin, Approval::kAutoApproveCode, KeySource::kGateway);
}
BENCHMARK(BM_Pairing_AutoApprove_GatewayKey)->Unit(benchmark::kMicrosecond);

void BM_Pairing_AutoApprove_Qr_GatewayKey(benchmark::State& state) {
  RunPairings(state, PairingMethod::Kind::kQr, Approval::kAutoApproveCode, KeySource::kGateway);
}
BENCHMARK(BM_Pairing_AutoApprove_Qr_GatewayKey)->Unit(benchmark::kMicrosecond);

// Device-side key: the device also generates a P-256 key and signs a CSR (timed), the gateway
// parses and checks the CSR twice (at completion and at issuance).
void BM_Pairing_AutoApprove_Csr(benchmark::State& state) {
  RunPairings(state, PairingMethod::Kind::kPin, Approval::kAutoApproveCode, KeySource::kCsr);
}
BENCHMARK(BM_Pairing_AutoApprove_Csr)->Unit(benchmark::kMicrosecond);

// With an explicit operator approval (one more transaction).
void BM_Pairing_OperatorApproval_GatewayKey(benchmark::State& state) {
  RunPairings(state, PairingMethod::Kind::kPin, Approval::kOperator, KeySource::kGateway);
}
BENCHMARK(BM_Pairing_OperatorApproval_GatewayKey)->Unit(benchmark::kMicrosecond);

// ---- Stages, to see where the time goes ----

void BM_Stage_MintCode(benchmark::State& state) {
  Fixture f;
  if (!f.coordinator) return state.SkipWithError(f.error.c_str());
  palyra::identity::MintCodeRequest mint;
  mint.issued_by = "bench";
  mint.method = PairingMethod::Kind::kQr;  // QR: the live-code limit does not bind (see below)
  int64_t live = 0;
  for (auto _ : state) {
    auto code = f.coordinator->MintCode(mint);
    if (!code.ok()) return state.SkipWithError(code.status().message().c_str());
    if (++live == 900) {
      // Stay under the live-code limit: cancel what was minted (untimed).
      state.PauseTiming();
      auto codes = f.coordinator->ListCodes();
      if (codes.ok()) {
        for (const auto& c : *codes) (void)f.coordinator->CancelCode(c.code_id);
      }
      live = 0;
      state.ResumeTiming();
    }
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Stage_MintCode)->Unit(benchmark::kMicrosecond);

void BM_Stage_DeviceHello(benchmark::State& state) {
  Fixture f;
  if (!f.coordinator) return state.SkipWithError(f.error.c_str());
  auto device = DeviceIdentity::Generate(palyra::NewUlid());
  palyra::identity::MintCodeRequest mint;
  mint.issued_by = "bench";
  auto code = f.coordinator->MintCode(mint);
  if (!code.ok()) return state.SkipWithError(code.status().message().c_str());
  auto session = f.coordinator->BeginPairing(ClientKind::kNode, PairingMethod::Pin(code->code));
  if (!session.ok()) return state.SkipWithError(session.status().message().c_str());
  for (auto _ : state) {
    auto hello = palyra::identity::BuildDeviceHello(*device, *session, code->code);
    if (!hello.ok()) return state.SkipWithError(hello.status().message().c_str());
    benchmark::DoNotOptimize(hello->transcript_mac.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Stage_DeviceHello)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
