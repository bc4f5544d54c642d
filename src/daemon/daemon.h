#pragma once
// One running palyrad: state dir, database, admin token, the identity and node runtime, the
// admin and node listeners and the run file, started in that order and stopped in reverse.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/state_paths.h"
#include "common/status.h"
#include "daemon/admin_server.h"
#include "daemon/daemon_config.h"
#include "daemon/node_runtime/node_runtime.h"
#include "daemon/node_tls/certificate_binding.h"
#include "daemon/node_tls/revocation_watcher.h"
#include "daemon/node_tls/server_certificates.h"
#include "daemon/run_file.h"
#include "daemon/services/admin_auth.h"
#include "daemon/services/gateway_service.h"
#include "daemon/services/node_service.h"
#include "daemon/services/operator_service.h"
#include "identity/pairing/pairing_coordinator.h"
#include "identity/store/device_registry.h"
#include "identity/store/revocation_index.h"
#include "daemon/quic_runtime/event_log.h"
#include "daemon/quic_runtime/node_event_router.h"
#include "daemon/quic_runtime/quic_listener.h"
#include "store/connection_factory.h"
#include "store/database.h"
#include "store/migrations.h"

namespace palyra::daemon {

class Daemon {
 public:
  static Result<std::unique_ptr<Daemon>> Start(const DaemonConfig& config);
  ~Daemon();

  void Stop();
  const std::string& admin_address() const { return admin_server_->bound_address(); }
  const std::string& node_address() const { return node_server_->bound_address(); }
  const StatePaths& paths() const { return paths_; }

 private:
  explicit Daemon(StatePaths paths) : paths_(std::move(paths)), run_file_(paths_.run_file()) {}

  Status StartIdentity(const DaemonConfig& config);
  Status StartNodeListener(const DaemonConfig& config);
  Status StartAdminListener(const DaemonConfig& config, crypto::SecretString admin_token);
  // palyra-quic-v1 next to the node listener, with its certificate and mTLS rules.
  Status StartQuicListener(const DaemonConfig& config);
  // Timeouts, presence, flushing and pruning, on one thread.
  void MaintenanceLoop();
  // The per-device event logs and what writes into them (before the services that report to it).
  Status StartEventLog(const DaemonConfig& config);
  // <state>/run/metrics.json: the QUIC counters (every flush interval).
  Status WriteMetrics();

  StatePaths paths_;
  RunFile run_file_;
  std::chrono::steady_clock::time_point started_at_ = std::chrono::steady_clock::now();
  std::unique_ptr<store::Database> database_;
  // The one way to palyra.db's connections (opened and migrated once).
  std::unique_ptr<store::ConnectionFactory> store_;

  std::unique_ptr<identity::PairingCoordinator> pairing_;
  std::unique_ptr<identity::DeviceRegistry> registry_;
  std::shared_ptr<identity::RevocationIndex> revocations_;
  std::unique_ptr<node_tls::RevocationWatcher> revocation_watcher_;
  std::unique_ptr<node_tls::ServerCertificateManager> certificates_;
  std::unique_ptr<node_tls::CertificateBinding> binding_;
  std::unique_ptr<node_runtime::NodeRuntime> runtime_;

  std::unique_ptr<AdminAuth> admin_auth_;
  std::unique_ptr<GatewayService> gateway_service_;
  std::unique_ptr<NodeService> node_service_;
  std::unique_ptr<OperatorService> operator_service_;
  std::unique_ptr<AdminServer> node_server_;
  std::unique_ptr<AdminServer> admin_server_;
  std::unique_ptr<quic_runtime::NodeEventLog> events_;
  std::unique_ptr<quic_runtime::NodeEventRouter> event_router_;
  std::unique_ptr<quic_runtime::QuicListener> quic_listener_;
  node_tls::RevocationWatcher::Subscription quic_revocations_;
  uint64_t quic_certificate_generation_ = 0;  // of the certificate QUIC presents

  std::mutex maintenance_mu_;
  std::condition_variable maintenance_cv_;
  bool maintenance_stop_ = false;
  std::thread maintenance_;

  bool run_file_written_ = false;
  bool stopped_ = false;
};

}  // namespace palyra::daemon
