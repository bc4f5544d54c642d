#include "daemon/node_tls/server_certificates.h"

#include <grpcpp/security/tls_certificate_provider.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <utility>

#include "common/files.h"
#include "common/time.h"
#include "crypto/bytes.h"

namespace palyra::daemon::node_tls {
namespace fs = std::filesystem;
namespace {

constexpr size_t kMaxCaFileBytes = crypto::kMaxCertificatePemBytes;
// The renewal thread re-reads the wall clock at least this often, so a suspended machine or a
// clock step cannot postpone a renewal by more than this.
constexpr std::chrono::seconds kMaxRenewalSleep{60};

// The file watcher notices a replaced file by its mtime, in whole seconds. Wait until the wall
// clock is safely past the second the current file was written in, so that the replacement
// gets a different mtime. (Kernel file timestamps may lag the clock by a tick, hence the margin.)
void WaitForFreshMtimeSecond(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return;
  const int64_t next_second_ms = (static_cast<int64_t>(st.st_mtim.tv_sec) + 1) * 1000 + 20;
  for (;;) {
    const int64_t now = NowUnixMs();
    if (now >= next_second_ms) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(next_second_ms - now));
  }
}

Status WriteIfChanged(const fs::path& path, std::string_view content, mode_t mode) {
  Result<std::string> existing = ReadFileBounded(path, kMaxCaFileBytes);
  if (existing.ok() && *existing == content) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 07777) == mode) return Status::Ok();
  }
  return WriteFileAtomic(path, content, mode);
}

}  // namespace

Result<GatewayCaFile> WriteGatewayCaFile(const fs::path& state_dir, const crypto::Certificate& ca) {
  GatewayCaFile file;
  file.path = state_dir / std::string(kGatewayCaFileName);
  file.pem = ca.ToPem();
  file.fingerprint = ca.FingerprintSha256Hex();
  Status written = WriteIfChanged(file.path, file.pem, kPublicFileMode);
  if (!written.ok()) return written.WithContext("writing the gateway CA certificate");
  return file;
}

int64_t RenewalTimeUnixMs(int64_t not_before_unix_ms, int64_t not_after_unix_ms,
                          const RenewalPolicy& policy) {
  const int64_t lifetime = std::max<int64_t>(0, not_after_unix_ms - not_before_unix_ms);
  const double fraction = std::clamp(policy.lifetime_fraction, 0.0, 1.0);
  return not_before_unix_ms +
         static_cast<int64_t>(std::floor(static_cast<double>(lifetime) * fraction));
}

ServerCertificateManager::ServerCertificateManager(std::shared_ptr<const identity::GatewayCa> ca,
                                                   ServerCertificateOptions options)
    : ca_(std::move(ca)), options_(std::move(options)) {
  const fs::path dir = options_.state_dir / std::string(kNodeTlsDirName);
  identity_path_ = dir / std::string(kServerIdentityFileName);
  trust_path_ = dir / std::string(kClientTrustFileName);
}

Result<std::unique_ptr<ServerCertificateManager>> ServerCertificateManager::Start(
    std::shared_ptr<const identity::GatewayCa> ca, ServerCertificateOptions options) {
  if (!ca) return InvalidArgument("node TLS: no gateway CA");
  if (options.state_dir.empty()) return InvalidArgument("node TLS: no state directory");
  if (!(options.renewal.lifetime_fraction > 0.0 && options.renewal.lifetime_fraction < 1.0)) {
    return InvalidArgument("node TLS: renewal lifetime_fraction must be in (0, 1)");
  }
  if (options.renewal.retry_initial_ms <= 0 ||
      options.renewal.retry_max_ms < options.renewal.retry_initial_ms) {
    return InvalidArgument("node TLS: renewal retry delays must be positive and ordered");
  }
  if (options.provider_refresh_interval_seconds == 0) {
    return InvalidArgument("node TLS: provider_refresh_interval_seconds must be at least 1");
  }
  // Fail on bad SANs now, with the configuration's words, rather than at the first issuance.
  identity::ServerCertificateRequest probe;
  probe.dns_names = options.extra_dns_names;
  probe.ip_addresses = options.extra_ip_addresses;
  Result<identity::ServerSans> sans = identity::NormalizeServerSans(probe);
  if (!sans.ok()) return sans.status().WithContext("node TLS server certificate names");

  std::unique_ptr<ServerCertificateManager> manager(
      new ServerCertificateManager(std::move(ca), std::move(options)));
  const ServerCertificateOptions& opts = manager->options_;

  PALYRA_ASSIGN_OR_RETURN(manager->ca_file_,
                          WriteGatewayCaFile(opts.state_dir, manager->ca_->certificate()));
  PALYRA_RETURN_IF_ERROR(EnsurePrivateDirectory(manager->identity_path_.parent_path()));
  Status trust = WriteIfChanged(manager->trust_path_, manager->ca_file_.pem, kPrivateFileMode);
  if (!trust.ok()) return trust.WithContext("writing the node TLS client trust file");
  {
    std::lock_guard lock(manager->mu_);
    PALYRA_ASSIGN_OR_RETURN(ServerCertificateInfo first, manager->IssueAndInstall());
    manager->current_ = std::move(first);
  }

  // The watcher reads the files once in its constructor, so the first handshake already has
  // material; after that it re-reads them every interval on a thread of its own.
  manager->provider_ = std::make_shared<grpc::experimental::FileWatcherCertificateProvider>(
      manager->identity_path_.string(), manager->identity_path_.string(),
      manager->trust_path_.string(), opts.provider_refresh_interval_seconds);

  if (opts.background_renewal) {
    manager->thread_ = std::thread([m = manager.get()] { m->RenewalLoop(); });
  }
  return manager;
}

ServerCertificateManager::~ServerCertificateManager() { StopRenewal(); }

void ServerCertificateManager::StopRenewal() {
  {
    std::lock_guard lock(thread_mu_);
    thread_stop_ = true;
  }
  thread_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int64_t ServerCertificateManager::Now() const {
  return options_.clock ? options_.clock() : NowUnixMs();
}

Result<ServerCertificateInfo> ServerCertificateManager::IssueAndInstall() {
  identity::ServerCertificateRequest request;
  request.common_name = std::string(node_protocol::kNodeServerName);
  request.dns_names = options_.extra_dns_names;
  request.ip_addresses = options_.extra_ip_addresses;
  request.validity_ms = options_.validity_ms;
  PALYRA_ASSIGN_OR_RETURN(identity::IssuedCertificate issued,
                          ca_->IssueServerCertificate(request, Now()));
  if (!issued.private_key_pem.has_value()) {
    return Internal("node TLS: the gateway CA returned a server certificate without its key");
  }

  // The chain (leaf, then the gateway CA), then the key, in one buffer that is wiped when
  // released. Sending the CA lets a device that holds only the CA's fingerprint (from a pairing
  // URI) fetch it in the handshake and pin it; clients that already trust the CA ignore it.
  std::string chain = issued.certificate_pem;
  if (!chain.empty() && chain.back() != '\n') chain += '\n';
  chain += ca_file_.pem;
  if (!chain.empty() && chain.back() != '\n') chain += '\n';
  const std::string_view key = issued.private_key_pem->view();
  crypto::SecretBytes content(chain.size() + key.size());
  std::memcpy(content.data(), chain.data(), chain.size());
  std::memcpy(content.data() + chain.size(), key.data(), key.size());

  WaitForFreshMtimeSecond(identity_path_);
  Status written = WriteFileAtomic(identity_path_, content.AsStringView(), kPrivateFileMode);
  if (!written.ok()) return written.WithContext("writing the node TLS server identity");

  const int64_t not_before = issued.certificate.NotBeforeUnixMs();
  const int64_t not_after = issued.certificate.NotAfterUnixMs();
  ServerCertificateInfo info{
      .certificate = issued.certificate,
      .fingerprint = issued.fingerprint,
      .not_before_unix_ms = not_before,
      .not_after_unix_ms = not_after,
      .renew_at_unix_ms = RenewalTimeUnixMs(not_before, not_after, options_.renewal),
      .generation = current_ ? current_->generation + 1 : 1,
  };
  return info;
}

ServerCertificateInfo ServerCertificateManager::current() const {
  std::lock_guard lock(mu_);
  return *current_;  // set by Start()
}

Status ServerCertificateManager::last_renewal_status() const {
  std::lock_guard lock(mu_);
  return last_status_;
}

Result<ServerCertificateInfo> ServerCertificateManager::Renew() {
  std::lock_guard lock(mu_);
  Result<ServerCertificateInfo> renewed = IssueAndInstall();
  if (!renewed.ok()) {
    last_status_ = renewed.status().WithContext("renewing the node TLS server certificate");
    return last_status_;
  }
  current_ = *renewed;
  last_status_ = Status::Ok();
  const ServerCertificateInfo& now_serving = *current_;
  spdlog::info(
      "node TLS: server certificate renewed (fingerprint {}, valid until {}, next "
      "renewal at {})",
      now_serving.fingerprint, FormatRfc3339Ms(now_serving.not_after_unix_ms),
      FormatRfc3339Ms(now_serving.renew_at_unix_ms));
  return now_serving;
}

Result<bool> ServerCertificateManager::RenewIfDue() {
  int64_t renew_at = 0;
  {
    std::lock_guard lock(mu_);
    renew_at = current_->renew_at_unix_ms;
  }
  if (Now() < renew_at) return false;
  PALYRA_RETURN_IF_ERROR(Renew().status());
  return true;
}

void ServerCertificateManager::WakeRenewalThread() {
  {
    std::lock_guard lock(thread_mu_);
    ++thread_wakeups_;
  }
  thread_cv_.notify_all();
}

void ServerCertificateManager::RenewalLoop() {
  int64_t retry_delay_ms = 0;
  int64_t retry_not_before_ms = 0;
  std::unique_lock lock(thread_mu_);
  while (!thread_stop_) {
    int64_t due = 0;
    {
      std::lock_guard state_lock(mu_);
      due = std::max(current_->renew_at_unix_ms, retry_not_before_ms);
    }
    const int64_t now = Now();
    if (now >= due) {
      lock.unlock();
      Result<ServerCertificateInfo> renewed = Renew();
      lock.lock();
      if (renewed.ok()) {
        retry_delay_ms = 0;
        retry_not_before_ms = 0;
      } else {
        retry_delay_ms = retry_delay_ms == 0
                             ? options_.renewal.retry_initial_ms
                             : std::min(retry_delay_ms * 2, options_.renewal.retry_max_ms);
        retry_not_before_ms = now + retry_delay_ms;
        spdlog::error("node TLS: {}; retrying in {} s", renewed.status().message(),
                      retry_delay_ms / 1000);
      }
      continue;
    }
    const auto sleep =
        std::min<std::chrono::milliseconds>(std::chrono::milliseconds(due - now), kMaxRenewalSleep);
    const uint64_t wakeups = thread_wakeups_;
    thread_cv_.wait_for(lock, sleep, [&] { return thread_stop_ || thread_wakeups_ != wakeups; });
  }
}

}  // namespace palyra::daemon::node_tls
