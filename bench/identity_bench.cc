// Identity hot paths: certificate issuance (pairing, rotation, server start) and the revocation
// check every mTLS handshake and streamed message makes.
//
// Targets: >= 8,000 certificates/s on one core for issuance alone (P-256 keygen + sign + DER),
// <= 1 us per revocation check with 100,000 revoked fingerprints.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/time.h"
#include "common/ulid.h"
#include "crypto/csr.h"
#include "crypto/ed25519.h"
#include "crypto/hash.h"
#include "crypto/random.h"
#include "identity/store/device_registry.h"
#include "identity/store/gateway_ca.h"
#include "identity/store/revocation_index.h"
#include "store/connection_factory.h"
#include "store/migrations.h"
#include "store/sqlite_ca_repository.h"
#include "store/sqlite_device_repository.h"
#include "store/sqlite_revocation_repository.h"

namespace {

using palyra::identity::FingerprintBytes;

std::filesystem::path BenchDir() {
  auto dir = std::filesystem::temp_directory_path() / ("palyra-idbench-" + palyra::NewUlid());
  std::filesystem::create_directories(dir);
  return dir;
}

// A registry as the daemon builds it: one factory, the CA and devices on connections of their own.
palyra::Result<std::unique_ptr<palyra::identity::DeviceRegistry>> OpenRegistry(
    const std::filesystem::path& dir) {
  PALYRA_ASSIGN_OR_RETURN(auto factory, palyra::store::ConnectionFactory::Open(dir / "palyra.db"));
  PALYRA_ASSIGN_OR_RETURN(auto ca_connection, factory->Connect());
  PALYRA_ASSIGN_OR_RETURN(auto device_connection, factory->Connect());
  return palyra::identity::DeviceRegistry::Open(
      std::make_unique<palyra::store::SqliteCaRepository>(std::move(ca_connection)),
      std::make_unique<palyra::store::SqliteDeviceRepository>(std::move(device_connection)),
      dir / "ca.key.pem", palyra::NowUnixMs());
}

// One CA (and database) for the issuance benchmarks.
struct CaFixture {
  std::filesystem::path dir = BenchDir();
  std::unique_ptr<palyra::store::Database> db;
  std::unique_ptr<palyra::store::SqliteCaRepository> cas;
  std::shared_ptr<const palyra::identity::GatewayCa> ca;
  std::string error;

  CaFixture() {
    auto opened = palyra::store::OpenPalyraDatabase(dir / "palyra.db");
    if (!opened.ok()) {
      error = opened.status().ToString();
      return;
    }
    db = std::move(*opened);
    cas = std::make_unique<palyra::store::SqliteCaRepository>(*db);
    auto loaded =
        palyra::identity::GatewayCa::LoadOrCreate(*cas, dir / "ca.key.pem", palyra::NowUnixMs());
    if (!loaded.ok()) {
      error = loaded.status().ToString();
      return;
    }
    ca = *loaded;
  }
  ~CaFixture() {
    ca.reset();
    cas.reset();
    db.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

// Issuance alone: a fresh P-256 key pair, then sign the device certificate and encode it (DER;
// the result is also re-parsed into a Certificate with its fingerprint).
void BM_IssueCertificate_KeygenSignDer(benchmark::State& state) {
  CaFixture f;
  if (!f.ca) return state.SkipWithError(f.error.c_str());
  const std::string device_id = palyra::NewUlid();
  const int64_t now = palyra::NowUnixMs();
  for (auto _ : state) {
    auto key = palyra::crypto::P256PrivateKey::Generate();
    if (!key.ok()) return state.SkipWithError(key.status().message().c_str());
    auto cert = f.ca->SignDeviceCertificate(device_id, key->PublicKey(), now);
    if (!cert.ok()) return state.SkipWithError(cert.status().message().c_str());
    benchmark::DoNotOptimize(cert->Der().data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IssueCertificate_KeygenSignDer)->Unit(benchmark::kMicrosecond);

// Device-side key generation: sign a certificate for a public key taken from a CSR.
void BM_IssueCertificate_ForCsrPublicKey(benchmark::State& state) {
  CaFixture f;
  if (!f.ca) return state.SkipWithError(f.error.c_str());
  const std::string device_id = palyra::NewUlid();
  auto device_key = palyra::crypto::P256PrivateKey::Generate();
  auto csr = palyra::crypto::CsrBuilder()
                 .SetSubjectCommonName("Palyra Device " + device_id)
                 .Sign(*device_key);
  if (!csr.ok()) return state.SkipWithError(csr.status().message().c_str());
  const int64_t now = palyra::NowUnixMs();
  for (auto _ : state) {
    auto cert = f.ca->SignDeviceCertificate(device_id, csr->PublicKey(), now);
    if (!cert.ok()) return state.SkipWithError(cert.status().message().c_str());
    benchmark::DoNotOptimize(cert->Der().data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IssueCertificate_ForCsrPublicKey)->Unit(benchmark::kMicrosecond);

// The same, starting from the CSR PEM (parse + self-signature check + sign).
void BM_IssueCertificate_FromCsrPem(benchmark::State& state) {
  CaFixture f;
  if (!f.ca) return state.SkipWithError(f.error.c_str());
  const std::string device_id = palyra::NewUlid();
  auto device_key = palyra::crypto::P256PrivateKey::Generate();
  auto csr = palyra::crypto::CsrBuilder()
                 .SetSubjectCommonName("Palyra Device " + device_id)
                 .Sign(*device_key);
  if (!csr.ok()) return state.SkipWithError(csr.status().message().c_str());
  const std::string pem = csr->ToPem();
  const int64_t now = palyra::NowUnixMs();
  for (auto _ : state) {
    auto key = palyra::identity::ResolveLeafKey(palyra::identity::LeafKeySource::FromCsrPem(pem));
    if (!key.ok()) return state.SkipWithError(key.status().message().c_str());
    auto cert = f.ca->SignDeviceCertificate(device_id, key->public_key, now);
    if (!cert.ok()) return state.SkipWithError(cert.status().message().c_str());
    benchmark::DoNotOptimize(cert->Der().data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IssueCertificate_FromCsrPem)->Unit(benchmark::kMicrosecond);

// Issuance as the daemon does it: gateway key, signing, PKCS#8 PEM, and the CA sequence bump
// committed to SQLite.
void BM_IssueDeviceCertificate_Persisted(benchmark::State& state) {
  CaFixture f;
  if (!f.ca) return state.SkipWithError(f.error.c_str());
  const std::string device_id = palyra::NewUlid();
  for (auto _ : state) {
    auto issued = f.ca->IssueDeviceCertificate(device_id, {}, palyra::NowUnixMs());
    if (!issued.ok()) return state.SkipWithError(issued.status().message().c_str());
    benchmark::DoNotOptimize(issued->fingerprint.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IssueDeviceCertificate_Persisted)->Unit(benchmark::kMicrosecond);

// A full rotation: transaction, revocation of the old fingerprint, history, new certificate.
void BM_ForceRotate(benchmark::State& state) {
  auto dir = BenchDir();
  {
    auto registry = OpenRegistry(dir);
    if (!registry.ok()) return state.SkipWithError(registry.status().message().c_str());
    auto identity = palyra::crypto::Ed25519PrivateKey::Generate();
    palyra::identity::PairDeviceRequest request;
    request.device_id = palyra::NewUlid();
    request.signing_public_key_hex = identity->PublicKey().Hex();
    auto device_key = palyra::crypto::P256PrivateKey::Generate();
    request.key_source = palyra::identity::LeafKeySource::FromPublicKey(device_key->PublicKey());
    auto paired = (*registry)->RecordPairedDevice(request, palyra::NowUnixMs());
    if (!paired.ok()) return state.SkipWithError(paired.status().message().c_str());
    for (auto _ : state) {
      auto rotated =
          (*registry)->ForceRotate(request.device_id, request.key_source, palyra::NowUnixMs());
      if (!rotated.ok()) return state.SkipWithError(rotated.status().message().c_str());
    }
    state.SetItemsProcessed(state.iterations());
  }
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_ForceRotate)->Unit(benchmark::kMicrosecond);

// ---- Revocation checks ----

// A database with `count` revoked fingerprints (inserted directly, one transaction) and an index
// over it. `fingerprints` keeps them for hit lookups.
struct RevocationFixture {
  std::filesystem::path dir = BenchDir();
  std::unique_ptr<palyra::store::Database> db;
  std::unique_ptr<palyra::identity::RevocationIndex> index;
  std::vector<FingerprintBytes> fingerprints;
  std::string error;

  explicit RevocationFixture(int64_t count) {
    auto opened = palyra::store::OpenPalyraDatabase(dir / "palyra.db");
    if (!opened.ok()) {
      error = opened.status().ToString();
      return;
    }
    db = std::move(*opened);
    palyra::Status status = db->RunInTransaction([&]() -> palyra::Status {
      PALYRA_ASSIGN_OR_RETURN(
          palyra::store::Statement insert,
          db->Prepare("INSERT INTO revoked_certificates (fingerprint, device_id, "
                      "expires_at_unix_ms, revoked_at_unix_ms, reason) "
                      "VALUES (?1, ?2, ?3, ?3, 'bench')"));
      const std::string device_id = palyra::NewUlid();
      const int64_t now = palyra::NowUnixMs();
      for (int64_t i = 0; i < count; ++i) {
        FingerprintBytes f;
        palyra::crypto::RandomFill(f);
        fingerprints.push_back(f);
        PALYRA_RETURN_IF_ERROR(insert.Reset());
        PALYRA_RETURN_IF_ERROR(insert.BindText(1, palyra::crypto::HexEncode(f)));
        PALYRA_RETURN_IF_ERROR(insert.BindText(2, device_id));
        PALYRA_RETURN_IF_ERROR(insert.BindInt64(3, now));
        PALYRA_RETURN_IF_ERROR(insert.Run());
      }
      return palyra::Status::Ok();
    });
    if (!status.ok()) {
      error = status.ToString();
      return;
    }
    auto connection = palyra::store::Database::Open(dir / "palyra.db");
    if (!connection.ok()) {
      error = connection.status().ToString();
      return;
    }
    auto loaded = palyra::identity::RevocationIndex::Open(
        std::make_unique<palyra::store::SqliteRevocationRepository>(std::move(*connection)));
    if (!loaded.ok()) {
      error = loaded.status().ToString();
      return;
    }
    index = std::move(*loaded);
  }
  ~RevocationFixture() {
    index.reset();
    db.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

RevocationFixture& SharedRevocations() {
  static RevocationFixture fixture(100'000);
  return fixture;
}

void BM_RevocationCheck_Miss(benchmark::State& state) {
  RevocationFixture& f = SharedRevocations();
  if (!f.index) return state.SkipWithError(f.error.c_str());
  // Probe a rotating set of unknown fingerprints (the common case: a valid certificate).
  std::vector<FingerprintBytes> probes(4096);
  for (auto& p : probes) palyra::crypto::RandomFill(p);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(f.index->IsRevoked(probes[i++ & 4095]));
  }
  state.counters["revoked"] =
      benchmark::Counter(static_cast<double>(f.index->size()), benchmark::Counter::kAvgThreads);
}
BENCHMARK(BM_RevocationCheck_Miss)->Unit(benchmark::kNanosecond);
BENCHMARK(BM_RevocationCheck_Miss)->Unit(benchmark::kNanosecond)->Threads(2);

void BM_RevocationCheck_Hit(benchmark::State& state) {
  RevocationFixture& f = SharedRevocations();
  if (!f.index) return state.SkipWithError(f.error.c_str());
  size_t i = 0;
  const size_t n = f.fingerprints.size();
  for (auto _ : state) {
    benchmark::DoNotOptimize(f.index->IsRevoked(f.fingerprints[(i += 7919) % n]));
  }
  state.counters["revoked"] = static_cast<double>(f.index->size());
}
BENCHMARK(BM_RevocationCheck_Hit)->Unit(benchmark::kNanosecond);

// What a verifier does with a peer certificate: SHA-256 of the DER, then the lookup.
void BM_RevocationCheck_CertificateWithHash(benchmark::State& state) {
  RevocationFixture& f = SharedRevocations();
  if (!f.index) return state.SkipWithError(f.error.c_str());
  CaFixture ca;
  if (!ca.ca) return state.SkipWithError(ca.error.c_str());
  auto issued = ca.ca->IssueDeviceCertificate(palyra::NewUlid(), {}, palyra::NowUnixMs());
  if (!issued.ok()) return state.SkipWithError(issued.status().message().c_str());
  for (auto _ : state) {
    benchmark::DoNotOptimize(f.index->IsCertificateRevoked(issued->certificate));
  }
}
BENCHMARK(BM_RevocationCheck_CertificateWithHash)->Unit(benchmark::kNanosecond);

// One poll when nothing changed (what the 50 ms polling thread costs).
void BM_RevocationRefresh_Unchanged(benchmark::State& state) {
  RevocationFixture& f = SharedRevocations();
  if (!f.index) return state.SkipWithError(f.error.c_str());
  for (auto _ : state) {
    auto changed = f.index->Refresh();
    if (!changed.ok()) return state.SkipWithError(changed.status().message().c_str());
  }
}
BENCHMARK(BM_RevocationRefresh_Unchanged)->Unit(benchmark::kMicrosecond);

// After another connection revoked one more certificate: an incremental load of the new row
// (plus a copy of the 100,000-entry table).
void BM_RevocationRefresh_Incremental(benchmark::State& state) {
  RevocationFixture& f = SharedRevocations();
  if (!f.index) return state.SkipWithError(f.error.c_str());
  const std::string device_id = palyra::NewUlid();
  for (auto _ : state) {
    state.PauseTiming();
    FingerprintBytes extra;
    palyra::crypto::RandomFill(extra);
    auto insert = f.db->Prepare(
        "INSERT INTO revoked_certificates (fingerprint, device_id, expires_at_unix_ms, "
        "revoked_at_unix_ms, reason) VALUES (?1, ?2, 0, 0, 'bench')");
    if (!insert.ok() || !insert->BindText(1, palyra::crypto::HexEncode(extra)).ok() ||
        !insert->BindText(2, device_id).ok() || !insert->Run().ok()) {
      return state.SkipWithError("insert failed");
    }
    state.ResumeTiming();
    auto changed = f.index->Refresh();
    if (!changed.ok() || !*changed) return state.SkipWithError("refresh did not reload");
  }
  state.counters["revoked"] = static_cast<double>(f.index->size());
}
BENCHMARK(BM_RevocationRefresh_Incremental)->Unit(benchmark::kMillisecond)->Iterations(20);

// After a prune removed a fingerprint: a full reload of ~100,000 fingerprints from SQLite.
void BM_RevocationRefresh_FullReload(benchmark::State& state) {
  RevocationFixture& f = SharedRevocations();
  if (!f.index) return state.SkipWithError(f.error.c_str());
  size_t next = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto del = f.db->Prepare("DELETE FROM revoked_certificates WHERE fingerprint = ?1");
    if (!del.ok() || !del->BindText(1, palyra::crypto::HexEncode(f.fingerprints[next++])).ok() ||
        !del->Run().ok()) {
      return state.SkipWithError("delete failed");
    }
    state.ResumeTiming();
    auto changed = f.index->Refresh();
    if (!changed.ok() || !*changed) return state.SkipWithError("refresh did not reload");
  }
  state.counters["revoked"] = static_cast<double>(f.index->size());
}
BENCHMARK(BM_RevocationRefresh_FullReload)->Unit(benchmark::kMillisecond)->Iterations(10);

}  // namespace

BENCHMARK_MAIN();
