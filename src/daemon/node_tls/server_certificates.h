#pragma once
// The node listener's server certificate, issued by the gateway CA and renewed while the daemon
// runs, plus the public CA file clients pin.
//
// How renewal reaches the TLS stack. gRPC C++ 1.51 offers exactly two certificate providers to
// TlsServerCredentials: StaticDataCertificateProvider, whose material can never change, and
// FileWatcherCertificateProvider, which re-reads files every N seconds and pushes changed
// material to every listener built on it, so new handshakes use the new certificate while
// existing connections and the server keep running. A provider of our own is not an option:
// CertificateProviderInterface only hands gRPC a grpc_tls_certificate_provider*, and 1.51's
// public C API can create nothing but those two kinds (the distributor a custom provider would
// feed is a core-internal type). So we use the file watcher over files written atomically:
//
//   <state>/node-tls/              0700
//     server-identity.pem          0600: the certificate, then its PKCS#8 key, in ONE file
//     client-ca.pem                0600: the CA the TLS stack verifies client certificates with
//   <state>/gateway-ca.pem         0644: the public CA certificate, for clients to pin
//
// Key and certificate share one file, given to the watcher as both its key and its certificate
// path: each file is replaced by rename, so the watcher always sees a complete file, and having
// one file (instead of a key file and a cert file replaced one after the other) means it can
// never pair a new certificate with an old key. The watcher reads that file twice per refresh
// and retries when its mtime changed in between; mtimes have one-second resolution there, so a
// renewal never replaces the file within the same second as the previous write.

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "common/status.h"
#include "crypto/certificate.h"
#include "daemon/node_tls/client_verifier.h"  // UnixMsClock
#include "identity/store/gateway_ca.h"

namespace grpc::experimental {
class CertificateProviderInterface;
}

namespace palyra::daemon::node_tls {

inline constexpr std::string_view kGatewayCaFileName = "gateway-ca.pem";
inline constexpr std::string_view kNodeTlsDirName = "node-tls";
inline constexpr std::string_view kServerIdentityFileName = "server-identity.pem";
inline constexpr std::string_view kClientTrustFileName = "client-ca.pem";
inline constexpr mode_t kPublicFileMode = 0644;

// The exported CA certificate, for the daemon's run file.
struct GatewayCaFile {
  std::filesystem::path path;  // <state>/gateway-ca.pem
  std::string fingerprint;     // lowercase hex SHA-256 of the CA certificate's DER
  std::string pem;
};

// Writes `ca`'s certificate to <state_dir>/gateway-ca.pem (atomic replace, mode 0644; left alone
// when it already holds exactly this PEM). The state dir must exist.
Result<GatewayCaFile> WriteGatewayCaFile(const std::filesystem::path& state_dir,
                                         const crypto::Certificate& ca);

struct RenewalPolicy {
  // Renew once this fraction of the certificate's lifetime has passed (2/3 of 24 h = 16 h,
  // leaving 8 h to retry). Must be in (0, 1).
  double lifetime_fraction = 2.0 / 3.0;
  // After a failed renewal, retry after this delay, doubling up to retry_max_ms.
  int64_t retry_initial_ms = 30'000;
  int64_t retry_max_ms = 10 * 60'000;
};

// notBefore + lifetime_fraction * (notAfter - notBefore).
int64_t RenewalTimeUnixMs(int64_t not_before_unix_ms, int64_t not_after_unix_ms,
                          const RenewalPolicy& policy);

struct ServerCertificateOptions {
  std::filesystem::path state_dir;  // must exist
  // Extra SANs beyond "palyrad-node-rpc" and "localhost" (see ServerCertificateRequest).
  std::vector<std::string> extra_dns_names;
  std::vector<std::string> extra_ip_addresses;
  int64_t validity_ms = identity::kDefaultLeafValidityMs;
  RenewalPolicy renewal;
  // How often gRPC re-reads the files (whole seconds, at least 1; gRPC's own minimum). A renewal
  // reaches new handshakes within this interval.
  unsigned provider_refresh_interval_seconds = 5;
  UnixMsClock clock;               // empty: NowUnixMs; drives issuance and the schedule
  bool background_renewal = true;  // false: only Renew()/RenewIfDue() renew (tests)
};

struct ServerCertificateInfo {
  crypto::Certificate certificate;
  std::string fingerprint;  // lowercase hex SHA-256 of the DER
  int64_t not_before_unix_ms = 0;
  int64_t not_after_unix_ms = 0;
  int64_t renew_at_unix_ms = 0;
  uint64_t generation = 0;  // 1 for the certificate issued at start, +1 per renewal
};

class ServerCertificateManager {
 public:
  // Writes the CA files, issues the first server certificate (recording the issuance in the CA's
  // repository), writes
  // it, creates the file-watching provider and (optionally) starts the renewal thread.
  // INVALID_ARGUMENT for bad options or SANs; errors from the database and the file system.
  static Result<std::unique_ptr<ServerCertificateManager>> Start(
      std::shared_ptr<const identity::GatewayCa> ca, ServerCertificateOptions options);
  ~ServerCertificateManager();  // stops the renewal thread (the provider lives on in gRPC)
  ServerCertificateManager(const ServerCertificateManager&) = delete;
  ServerCertificateManager& operator=(const ServerCertificateManager&) = delete;

  // The certificate most recently written (gRPC serves it within one provider refresh).
  ServerCertificateInfo current() const;
  // Issues and installs a new certificate now, whatever the schedule says.
  Result<ServerCertificateInfo> Renew();
  // Renews when clock() >= current().renew_at_unix_ms; returns whether it did.
  Result<bool> RenewIfDue();
  // Makes the renewal thread re-read the clock now (after a clock change; used by tests with an
  // injected clock).
  void WakeRenewalThread();
  // OK, or the error of the latest failed renewal attempt (cleared by the next success).
  Status last_renewal_status() const;
  void StopRenewal();

  // For TlsServerCredentialsOptions: serves the server identity and the client trust root.
  std::shared_ptr<grpc::experimental::CertificateProviderInterface> certificate_provider() const {
    return provider_;
  }
  const GatewayCaFile& gateway_ca_file() const { return ca_file_; }
  const identity::GatewayCa& ca() const { return *ca_; }
  const std::filesystem::path& identity_file() const { return identity_path_; }
  const std::filesystem::path& client_trust_file() const { return trust_path_; }

 private:
  ServerCertificateManager(std::shared_ptr<const identity::GatewayCa> ca,
                           ServerCertificateOptions options);
  int64_t Now() const;
  Result<ServerCertificateInfo> IssueAndInstall();
  void RenewalLoop();

  const std::shared_ptr<const identity::GatewayCa> ca_;
  const ServerCertificateOptions options_;
  std::filesystem::path identity_path_;
  std::filesystem::path trust_path_;
  GatewayCaFile ca_file_;
  std::shared_ptr<grpc::experimental::CertificateProviderInterface> provider_;

  mutable std::mutex mu_;  // guards current_, last_status_; serialises renewals
  std::optional<ServerCertificateInfo> current_;
  Status last_status_;

  std::mutex thread_mu_;
  std::condition_variable thread_cv_;
  bool thread_stop_ = false;
  uint64_t thread_wakeups_ = 0;
  std::thread thread_;
};

}  // namespace palyra::daemon::node_tls
