#pragma once
// Helpers shared by the identity store tests: temp dirs, device identities and CSRs, and child
// processes (the test helper and the openssl CLI).

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "support/identity_stores.h"
#include "support/temp_dir.h"
#include "common/time.h"
#include "common/ulid.h"
#include "crypto/csr.h"
#include "crypto/ed25519.h"
#include "crypto/p256.h"
#include "identity/store/device_registry.h"
#include "store/database.h"
#include "store/migrations.h"

extern char** environ;

namespace palyra::identity::testing {

inline constexpr int64_t kHourMs = int64_t{60} * 60 * 1000;
inline constexpr int64_t kMinuteMs = int64_t{60} * 1000;

using ::palyra::testing::OpenRegistry;
using ::palyra::testing::OpenRevocationIndex;
using ::palyra::testing::TempDir;

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

// A device's long-lived Ed25519 identity, as the pairing handshake would deliver it.
struct DeviceIdentity {
  std::string device_id;
  std::string signing_public_key_hex;
  std::string identity_fingerprint;
};

inline DeviceIdentity NewDeviceIdentity(std::string device_id = NewUlid()) {
  auto key = crypto::Ed25519PrivateKey::Generate();
  EXPECT_TRUE(key.ok()) << key.status().ToString();
  return {std::move(device_id), key->PublicKey().Hex(), key->PublicKey().FingerprintHex()};
}

inline PairDeviceRequest PairRequest(const DeviceIdentity& identity,
                                     LeafKeySource key_source = LeafKeySource::GatewayGenerated()) {
  PairDeviceRequest request;
  request.device_id = identity.device_id;
  request.client_kind = ClientKind::kNode;
  request.signing_public_key_hex = identity.signing_public_key_hex;
  request.identity_fingerprint = identity.identity_fingerprint;
  request.key_source = std::move(key_source);
  return request;
}

// A device-side P-256 key and a CSR for it.
struct DeviceKeyAndCsr {
  crypto::P256PrivateKey key;
  std::string csr_pem;
};

inline DeviceKeyAndCsr NewDeviceCsr(const std::string& device_id) {
  auto key = crypto::P256PrivateKey::Generate();
  EXPECT_TRUE(key.ok());
  auto csr = crypto::CsrBuilder().SetSubjectCommonName("Palyra Device " + device_id).Sign(*key);
  EXPECT_TRUE(csr.ok()) << csr.status().ToString();
  return {*key, csr->ToPem()};
}

inline std::unique_ptr<store::Database> OpenDb(const std::filesystem::path& path) {
  auto db = store::OpenPalyraDatabase(path);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(*db) : nullptr;
}

inline int64_t CountRows(store::Database& db, const std::string& table) {
  auto stmt = db.Prepare("SELECT count(*) FROM " + table);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  auto row = stmt->Step();
  EXPECT_TRUE(row.ok() && *row);
  return stmt->ColumnInt64(0);
}

// ---- Child processes ----

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal or not started
  std::string output;  // stdout and stderr, interleaved
};

class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& output_file)
      : output_file_(output_file) {
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    const int rc = ::posix_spawn(&pid_, argv[0].c_str(), &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
      ADD_FAILURE() << "posix_spawn " << argv[0] << " failed: " << rc;
      pid_ = -1;
    }
  }
  ~ChildProcess() {
    if (pid_ > 0) (void)Wait();
  }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  ProcessResult Wait() {
    ProcessResult result;
    if (pid_ <= 0) return result;
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.output = ReadFile(output_file_);
    return result;
  }

 private:
  pid_t pid_ = -1;
  std::filesystem::path output_file_;
};

inline ProcessResult RunProcess(const std::vector<std::string>& argv,
                                const std::filesystem::path& output_file) {
  ChildProcess child(argv, output_file);
  return child.Wait();
}

inline std::string HelperPath() { return PALYRA_IDENTITY_STORE_HELPER_PATH; }
inline std::string OpensslPath() { return PALYRA_OPENSSL_CLI; }

}  // namespace palyra::identity::testing
