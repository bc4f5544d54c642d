#pragma once
// Helpers shared by the pairing tests: temp state dirs, an injectable clock, a coordinator
// factory, devices playing their side of the handshake, and raw database inspection.

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <stdlib.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>

#include "support/fake_clock.h"
#include "store/sqlite_pairing_repository.h"
#include "support/identity_stores.h"
#include "support/status_assertions.h"
#include "support/temp_dir.h"
#include "common/files.h"
#include "common/status.h"
#include "common/time.h"
#include "common/ulid.h"
#include "crypto/csr.h"
#include "crypto/p256.h"
#include "crypto/pem.h"
#include "identity/device_identity.h"
#include "identity/handshake.h"
#include "identity/pairing/pairing_coordinator.h"
#include "store/database.h"
#include "store/migrations.h"

namespace palyra::identity::testing {

inline constexpr int64_t kSecondMs = 1000;
inline constexpr int64_t kMinuteMs = 60 * kSecondMs;

using ::palyra::testing::FailsWith;
using ::palyra::testing::FakeClock;
using ::palyra::testing::TempDir;

inline std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every byte the database has on disk (main file and write-ahead log).
inline std::string DatabaseBytes(const std::filesystem::path& db_path) {
  std::string bytes = ReadBytes(db_path);
  std::error_code ec;
  const std::filesystem::path wal = db_path.string() + "-wal";
  if (std::filesystem::exists(wal, ec)) bytes += ReadBytes(wal);
  return bytes;
}

inline PairingCoordinatorOptions OptionsFor(const TempDir& dir, FakeClock* clock = nullptr) {
  PairingCoordinatorOptions options;
  options.code_key_path = dir / "pairing-code.key";
  if (clock != nullptr) options.clock = clock->AsFunction();
  return options;
}

// A coordinator as one process opens it, over the state dir that holds the code key
// (palyra.db and gateway-ca.key.pem next to it): its own connection factory, registry and CA.
inline Result<std::unique_ptr<PairingCoordinator>> OpenCoordinatorIn(
    const PairingCoordinatorOptions& options) {
  const std::filesystem::path dir = options.code_key_path.parent_path();
  const int64_t now = options.clock ? options.clock() : NowUnixMs();
  // The state dir may not exist yet (the daemon creates it; a first process here does).
  PALYRA_RETURN_IF_ERROR(EnsurePrivateDirectory(dir));
  PALYRA_ASSIGN_OR_RETURN(
      std::unique_ptr<DeviceRegistry> registry,
      ::palyra::testing::OpenRegistry(dir / "palyra.db", dir / "gateway-ca.key.pem", now));
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<store::ConnectionFactory> factory,
                          store::ConnectionFactory::Open(dir / "palyra.db"));
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> connection, factory->Connect());
  return PairingCoordinator::Open(
      options, std::shared_ptr<DeviceRegistry>(std::move(registry)),
      std::make_shared<store::SqlitePairingRepository>(std::move(connection)));
}

inline std::unique_ptr<PairingCoordinator> OpenCoordinator(PairingCoordinatorOptions options) {
  auto opened = OpenCoordinatorIn(options);
  EXPECT_TRUE(opened.ok()) << opened.status().ToString();
  return opened.ok() ? std::move(*opened) : nullptr;
}

// A second connection to the same database, as another process (or a test) would have.
inline std::unique_ptr<store::Database> OpenDb(const std::filesystem::path& path) {
  auto db = store::OpenPalyraDatabase(path);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(*db) : nullptr;
}

inline int64_t QueryInt(store::Database& db, const std::string& sql) {
  auto stmt = db.Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  if (!stmt.ok()) return -1;
  auto row = stmt->Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return (row.ok() && *row) ? stmt->ColumnInt64(0) : -1;
}

inline std::string QueryText(store::Database& db, const std::string& sql) {
  auto stmt = db.Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  if (!stmt.ok()) return {};
  auto row = stmt->Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return (row.ok() && *row) ? stmt->ColumnText(0) : std::string();
}

inline std::string CodeState(store::Database& db, const std::string& code_id) {
  return QueryText(db, "SELECT state FROM pairing_codes WHERE code_id = '" + code_id + "'");
}

inline PairingRequestFilter Filter(std::optional<PairingRequestState> state,
                                   std::optional<std::string> device_id = std::nullopt,
                                   size_t limit = kDefaultPairingRequestListLimit) {
  PairingRequestFilter filter;
  filter.state = state;
  filter.device_id = std::move(device_id);
  filter.limit = limit;
  return filter;
}

inline DeviceIdentity NewDevice(std::string device_id = NewUlid()) {
  auto identity = DeviceIdentity::Generate(std::move(device_id));
  EXPECT_TRUE(identity.ok()) << identity.status().ToString();
  return std::move(identity).value();
}

// A device-side P-256 key and its CSR (CN "Palyra Device <id>" unless `common_name` is given).
struct DeviceKeyAndCsr {
  crypto::P256PrivateKey key;
  std::string csr_pem;
};
inline DeviceKeyAndCsr NewCsr(const std::string& device_id,
                              std::optional<std::string> common_name = std::nullopt) {
  auto key = crypto::P256PrivateKey::Generate();
  EXPECT_TRUE(key.ok());
  auto csr = crypto::CsrBuilder()
                 .SetSubjectCommonName(common_name.value_or("Palyra Device " + device_id))
                 .Sign(*key);
  EXPECT_TRUE(csr.ok()) << csr.status().ToString();
  return {*key, csr.ok() ? csr->ToPem() : std::string()};
}

// A CSR built with OpenSSL directly, for what our builder cannot make: other curves, no CN.
inline std::string OpensslCsrPem(const char* curve, const std::optional<std::string>& common_name) {
  EVP_PKEY* key = EVP_EC_gen(curve);
  X509_REQ* req = X509_REQ_new();
  X509_NAME* name = X509_REQ_get_subject_name(req);
  if (common_name) {
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(common_name->c_str()), -1, -1,
                               0);
  }
  X509_REQ_set_pubkey(req, key);
  X509_REQ_sign(req, key, EVP_sha256());
  unsigned char* der = nullptr;
  const int len = i2d_X509_REQ(req, &der);
  std::string pem = len > 0
                        ? crypto::EncodePem("CERTIFICATE REQUEST",
                                            std::span<const uint8_t>(der, static_cast<size_t>(len)))
                        : std::string();
  OPENSSL_free(der);
  X509_REQ_free(req);
  EVP_PKEY_free(key);
  return pem;
}

inline MintCodeRequest MintRequest(PairingMethod::Kind method = PairingMethod::Kind::kPin,
                                   bool auto_approve = false) {
  MintCodeRequest request;
  request.method = method;
  request.auto_approve = auto_approve;
  request.issued_by = "operator:alice";
  return request;
}

inline PairingMethod MethodFor(PairingMethod::Kind kind, const std::string& code) {
  return kind == PairingMethod::Kind::kPin ? PairingMethod::Pin(code) : PairingMethod::Qr(code);
}

// Begin + BuildDeviceHello + Complete, as a device would do it with `code`.
inline Result<CompletedPairing> PairDevice(PairingCoordinator& coordinator,
                                           const DeviceIdentity& device, PairingMethod::Kind kind,
                                           const std::string& code,
                                           const std::optional<std::string>& csr_pem = {}) {
  PALYRA_ASSIGN_OR_RETURN(PairingSession session,
                          coordinator.BeginPairing(ClientKind::kNode, MethodFor(kind, code)));
  PALYRA_ASSIGN_OR_RETURN(DeviceHello hello, BuildDeviceHello(device, session, code));
  return coordinator.CompletePairing(hello, csr_pem);
}

}  // namespace palyra::identity::testing
