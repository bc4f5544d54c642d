#include "daemon/daemon.h"

#include <unistd.h>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "common/files.h"
#include "common/time.h"
#include "daemon/admin_token.h"
#include "daemon/listen_address.h"
#include "daemon/node_runtime/node_events.h"
#include "daemon/node_tls/server_credentials.h"
#include "palyra/build_info.h"
#include "store/sqlite_repositories.h"

namespace palyra::daemon {
namespace {

// Maintenance cadence. Ticks end overdue capability requests (so a timeout lands within this
// much of its deadline) and report presence changes.
constexpr auto kTickInterval = std::chrono::milliseconds(100);
constexpr auto kFlushInterval = std::chrono::seconds(5);
constexpr auto kPruneInterval = std::chrono::minutes(1);
// Largest message on the node listener: a payload at the runtime's cap (1 MiB) plus framing.
constexpr int kNodeMaxMessageBytes = 2 * 1024 * 1024;
constexpr int kNodeTlsMaxFrameBytes = 4 * 1024;

// Fails early, with the path in the message, when the state dir cannot be written (a read-only
// mount, a file in the way, missing permissions).
Status CheckStateDirWritable(const StatePaths& paths) {
  PALYRA_RETURN_IF_ERROR(EnsurePrivateDirectory(paths.root).WithContext("state dir"));
  auto probe = paths.root / ".write-probe";
  PALYRA_RETURN_IF_ERROR(WriteFileAtomic(probe, "", 0600).WithContext("state dir is not writable"));
  std::error_code ec;
  std::filesystem::remove(probe, ec);
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Daemon>> Daemon::Start(const DaemonConfig& config) {
  std::unique_ptr<Daemon> daemon(new Daemon(StatePaths{config.state_dir}));
  const StatePaths& paths = daemon->paths_;

  PALYRA_RETURN_IF_ERROR(CheckStateDirWritable(paths));
  PALYRA_RETURN_IF_ERROR(daemon->run_file_.CheckNoLiveDaemon());
  // Opens palyra.db (creating it 0600) and migrates it, once for the whole daemon; every
  // repository takes its connection from here.
  PALYRA_ASSIGN_OR_RETURN(daemon->connections_, store::ConnectionFactory::Open(paths.database()));
  PALYRA_ASSIGN_OR_RETURN(daemon->stores_, store::OpenSqliteRepositories(*daemon->connections_));

  crypto::SecretString admin_token(config.admin_token);
  if (!config.admin_token_configured) {
    PALYRA_ASSIGN_OR_RETURN(std::string token, LoadOrCreateAdminToken(paths.admin_token()));
    admin_token = crypto::SecretString(token);
  }

  PALYRA_RETURN_IF_ERROR(daemon->StartIdentity(config));
  PALYRA_RETURN_IF_ERROR(daemon->StartNodeListener(config));
  PALYRA_RETURN_IF_ERROR(daemon->StartEventLog(config));
  PALYRA_RETURN_IF_ERROR(daemon->StartAdminListener(config, std::move(admin_token)));
  PALYRA_RETURN_IF_ERROR(daemon->StartQuicListener(config));
  daemon->maintenance_ = std::thread([d = daemon.get()] { d->MaintenanceLoop(); });

  const node_tls::GatewayCaFile& ca_file = daemon->certificates_->gateway_ca_file();
  nlohmann::json run = {
      {"pid", static_cast<long>(::getpid())},
      {"started_at_unix_ms", NowUnixMs()},
      {"version", build_info::kVersion},
      {"state_dir", paths.root.string()},
      {"admin_grpc_addr", daemon->admin_listener_->bound_address()},
      {"admin_grpc_tls", config.admin_listener.tls.enabled},
      {"admin_token_path", config.admin_token_configured ? "" : paths.admin_token().string()},
      {"node_rpc_addr", daemon->node_listener_->bound_address()},
      {"gateway_ca_path", ca_file.path.string()},
      {"gateway_ca_fingerprint", ca_file.fingerprint},
      {"quic_addr", daemon->quic_listener_ ? daemon->quic_listener_->bound_address() : ""},
  };
  PALYRA_RETURN_IF_ERROR(daemon->run_file_.Write(run).WithContext("writing the run file"));
  daemon->run_file_written_ = true;
  spdlog::info("palyrad ready: admin {} (gRPC), node_rpc_listen_addr={} (TLS), gateway CA {}",
               daemon->admin_listener_->bound_address(), daemon->node_listener_->bound_address(),
               ca_file.fingerprint);
  return daemon;
}

Status Daemon::StartIdentity(const DaemonConfig& config) {
  PALYRA_ASSIGN_OR_RETURN(
      std::shared_ptr<const identity::GatewayCa> ca,
      identity::GatewayCa::LoadOrCreate(*stores_.cas, paths_.gateway_ca_key(), NowUnixMs()));
  registry_ = std::make_shared<identity::DeviceRegistry>(*stores_.devices, std::move(ca));

  identity::PairingCoordinatorOptions pairing;
  pairing.code_key_path = paths_.pairing_code_key();
  pairing.approval_timeout_ms = config.pairing_approval_timeout_ms;
  pairing.certificate_validity_ms = config.certificate_validity_ms;
  PALYRA_ASSIGN_OR_RETURN(pairing_,
                          identity::PairingCoordinator::Open(pairing, registry_, stores_.pairing));

  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<identity::RevocationIndex> index,
                          identity::RevocationIndex::Open(std::move(stores_.revocations)));
  revocations_ = std::move(index);
  revocation_watcher_ = std::make_unique<node_tls::RevocationWatcher>(*revocations_);
  revocations_->StartPolling();

  node_runtime::NodeRuntimeOptions runtime;
  runtime.connections = connections_.get();
  runtime.history_retention_ms = config.history_retention_ms;
  runtime.max_history_per_device = config.max_history_per_device;
  PALYRA_ASSIGN_OR_RETURN(runtime_, node_runtime::NodeRuntime::Open(runtime));
  return Status::Ok();
}

Status Daemon::StartNodeListener(const DaemonConfig& config) {
  node_tls::ServerCertificateOptions certificates;
  certificates.state_dir = paths_.root;
  certificates.extra_dns_names = config.node_rpc_extra_dns_names;
  certificates.extra_ip_addresses = config.node_rpc_extra_ip_addresses;
  certificates.validity_ms = config.certificate_validity_ms;
  // The listener's own address belongs in the certificate when it is a concrete IP.
  if (!IsLoopbackAddress(config.admin_listener.bind_addr) &&
      config.admin_listener.bind_addr != "0.0.0.0" && config.admin_listener.bind_addr != "::") {
    certificates.extra_ip_addresses.push_back(config.admin_listener.bind_addr);
  }
  PALYRA_ASSIGN_OR_RETURN(certificates_, node_tls::ServerCertificateManager::Start(
                                             registry_->shared_ca(), certificates));
  node_tls::NodeServerCredentialsOptions credentials_options;
  credentials_options.revocations = revocations_;
  PALYRA_ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> credentials,
                          node_tls::MakeNodeServerCredentials(*certificates_, credentials_options));

  binding_ = std::make_unique<node_tls::CertificateBinding>(
      node_tls::MtlsPolicy::FromAllowInsecure(config.allow_insecure_node_rpc_without_mtls),
      revocations_, node_tls::LookupThrough(*registry_));
  if (config.allow_insecure_node_rpc_without_mtls) {
    spdlog::warn(
        "identity.allow_insecure_node_rpc_without_mtls is set: node RPCs are accepted without a "
        "client certificate");
  }

  NodeServiceDeps deps;
  deps.pairing = pairing_.get();
  deps.registry = registry_.get();
  deps.runtime = runtime_.get();
  deps.binding = binding_.get();
  deps.revocations = revocation_watcher_.get();
  deps.certificate_validity_ms = config.certificate_validity_ms;
  node_service_ = std::make_unique<NodeService>(deps);

  ListenerOptions listener;
  listener.bind_addr = config.admin_listener.bind_addr;
  listener.port = config.node_rpc_port;
  listener.credentials = std::move(credentials);
  listener.max_message_bytes = kNodeMaxMessageBytes;
  // Nodes hold long-lived, mostly idle streams: 4 KiB TLS frames save about 8 KB per connected
  // node (1,000 nodes: 192 -> 184 MB RSS) for under 1 % more framing on large payloads.
  listener.tls_max_frame_bytes = kNodeTlsMaxFrameBytes;
  PALYRA_ASSIGN_OR_RETURN(node_listener_, GrpcListener::Start(listener, {node_service_.get()}));
  return Status::Ok();
}

Status Daemon::StartAdminListener(const DaemonConfig& config, crypto::SecretString admin_token) {
  admin_auth_ = std::make_unique<AdminAuth>(std::move(admin_token), config.admin_require_auth);
  gateway_service_ = std::make_unique<GatewayService>(started_at_);
  OperatorServiceDeps deps;
  deps.auth = admin_auth_.get();
  deps.pairing = pairing_.get();
  deps.registry = registry_.get();
  deps.runtime = runtime_.get();
  deps.connected = &node_service_->connected();
  deps.certificate_validity_ms = config.certificate_validity_ms;
  const node_tls::GatewayCaFile& ca_file = certificates_->gateway_ca_file();
  deps.node_listener.address = node_listener_->bound_address();
  deps.node_listener.ca_fingerprint = ca_file.fingerprint;
  deps.node_listener.ca_certificate_pem = ca_file.pem;
  deps.node_listener.ca_not_after_unix_ms = registry_->ca().NotAfterUnixMs();
  deps.on_capability_changed = [router = event_router_.get()](const std::string& device,
                                                              const std::string& capability,
                                                              bool available) {
    router->NotifyCapabilityChanged(device, capability, available);
  };
  operator_service_ = std::make_unique<OperatorService>(std::move(deps));
  PALYRA_ASSIGN_OR_RETURN(admin_listener_,
                          GrpcListener::Start(config.admin_listener,
                                             {gateway_service_.get(), operator_service_.get()}));
  return Status::Ok();
}

Status Daemon::StartEventLog(const DaemonConfig& config) {
  quic_runtime::EventLogOptions events;
  events.retention_ms = config.event_retention_ms;
  events.max_events_per_device = config.max_events_per_device;
  PALYRA_ASSIGN_OR_RETURN(events_,
                          quic_runtime::NodeEventLog::Open(events, std::move(stores_.events)));
  quic_runtime::NodeEventRouterOptions router;
  router.events = events_.get();
  router.runtime = runtime_.get();
  router.certificate_of = [registry = registry_.get()](const std::string& device_id)
      -> std::optional<quic_runtime::DeviceCertificate> {
    auto device = registry->GetPairedDevice(device_id);
    if (!device.ok() || !device->has_value()) return std::nullopt;
    return quic_runtime::DeviceCertificate{(*device)->certificate_fingerprint,
                                           (*device)->certificate_expires_at_unix_ms};
  };
  event_router_ = std::make_unique<quic_runtime::NodeEventRouter>(std::move(router));
  return Status::Ok();
}

Status Daemon::StartQuicListener(const DaemonConfig& config) {
  if (!config.quic_enabled) return Status::Ok();
  quic_runtime::QuicListenerOptions options;
  options.bind_addr = config.quic_bind_addr;
  options.port = config.quic_port;
  options.max_connections = config.quic_max_connections;
  options.heartbeat_interval_ms = config.quic_heartbeat_interval_ms;
  options.server_identity_file = certificates_->identity_file();
  options.client_ca_pem = certificates_->gateway_ca_file().pem;
  options.mtls_required = !config.allow_insecure_node_rpc_without_mtls;
  options.is_revoked = [revocations = revocations_](const std::string& fingerprint) {
    return revocations->IsRevokedHex(fingerprint);
  };
  options.device_for = [registry = registry_.get()](const std::string& fingerprint) {
    Result<std::optional<std::string>> device = registry->DeviceForFingerprint(fingerprint);
    return device.ok() ? *device : std::nullopt;
  };
  options.events = events_.get();
  // A node listening on QUIC is connected, as one with a gRPC event stream is.
  options.on_device_listening = [router = event_router_.get(),
                                 connected = &node_service_->connected()](const std::string& device) {
    connected->Add(device);
    router->OnDeviceListening(device);
  };
  options.on_device_gone = [router = event_router_.get(),
                            connected = &node_service_->connected()](const std::string& device) {
    router->OnDeviceGone(device);
    connected->Remove(device);
  };
  options.apply_node_event = [runtime = runtime_.get()](const std::string& device,
                                                        std::string_view name,
                                                        const std::string& payload) {
    return node_runtime::ApplyNodeEvent(*runtime, device, name, payload);
  };
  quic_certificate_generation_ = certificates_->current().generation;
  PALYRA_ASSIGN_OR_RETURN(quic_listener_, quic_runtime::QuicListener::Start(std::move(options)));
  events_->SetAppendObserver([listener = quic_listener_.get()](const std::string& device) {
    listener->OnEventsAppended(device);
  });
  // Revocation is live on QUIC too: a change closes the revoked devices' open connections.
  quic_revocations_ = revocation_watcher_->Subscribe(
      [listener = quic_listener_.get()](int64_t) { listener->CloseRevokedConnections(); });
  spdlog::info("QUIC listening on {}/udp (ALPN palyra-quic-v1)", quic_listener_->bound_address());
  return Status::Ok();
}

void Daemon::MaintenanceLoop() {
  using Clock = std::chrono::steady_clock;
  Clock::time_point next_flush = Clock::now() + kFlushInterval;
  Clock::time_point next_prune = Clock::now();
  std::unique_lock lock(maintenance_mu_);
  while (!maintenance_cv_.wait_for(lock, kTickInterval, [this] { return maintenance_stop_; })) {
    lock.unlock();
    if (Status tick = runtime_->Tick(); !tick.ok()) {
      spdlog::warn("node runtime tick failed: {}", tick.ToString());
    }
    const Clock::time_point now = Clock::now();
    if (quic_listener_) {
      // A renewed node certificate reaches QUIC's new handshakes too.
      const uint64_t generation = certificates_->current().generation;
      if (generation != quic_certificate_generation_) {
        if (Status reloaded = quic_listener_->ReloadServerIdentity(); reloaded.ok()) {
          quic_certificate_generation_ = generation;
          spdlog::info("QUIC now presents the renewed node certificate (generation {})",
                       generation);
        } else {
          spdlog::warn("QUIC keeps its old certificate: {}", reloaded.ToString());
        }
      }
    }
    if (now >= next_flush) {
      next_flush = now + kFlushInterval;
      if (Status flushed = runtime_->Flush(); !flushed.ok()) {
        spdlog::warn("flushing node presence failed: {}", flushed.ToString());
      }
      if (Status written = WriteMetrics(); !written.ok()) {
        spdlog::warn("writing {} failed: {}", paths_.metrics_file().string(), written.ToString());
      }
    }
    if (now >= next_prune) {
      next_prune = now + kPruneInterval;
      if (Status pruned = pairing_->Prune(); !pruned.ok()) {
        spdlog::warn("pruning pairing codes and requests failed: {}", pruned.ToString());
      }
      if (auto pruned = registry_->PruneExpiredRevocations(NowUnixMs()); !pruned.ok()) {
        spdlog::warn("pruning expired revocations failed: {}", pruned.status().ToString());
      }
      if (quic_listener_) event_router_->CheckRotationDue(quic_listener_->ListeningDevices());
      if (auto pruned = events_->Prune(); !pruned.ok()) {
        spdlog::warn("pruning the node event log failed: {}", pruned.status().ToString());
      }
      if (auto pruned = runtime_->PruneHistory(NowUnixMs()); !pruned.ok()) {
        spdlog::warn("pruning capability request history failed: {}",
                     pruned.status().ToString());
      } else if (*pruned > 0) {
        spdlog::info("pruned {} finished capability request(s) past the history bounds",
                     *pruned);
      }
    }
    lock.lock();
  }
}

Status Daemon::WriteMetrics() {
  nlohmann::json metrics = {{"written_at_unix_ms", NowUnixMs()}};
  if (quic_listener_) {
    const quic_runtime::QuicListenerStats stats = quic_listener_->Stats();
    metrics["quic"] = {
        {"connections_open", stats.transport.connections_open},
        {"connections_refused", stats.transport.connections_refused},
        {"handshakes_failed", stats.transport.handshakes_failed},
        {"handshake_failures", stats.transport.handshake_failures},
        {"streams", stats.transport.streams},
        {"bytes_received", stats.transport.bytes_received},
        {"bytes_sent", stats.transport.bytes_sent},
        {"requests", stats.requests},
        {"event_streams_open", stats.streams.streams_open},
        {"events_sent", stats.streams.events_sent},
        {"heartbeats_sent", stats.streams.heartbeats_sent},
        {"event_stream_stalls", stats.streams.stalls},
        {"node_events_applied", stats.node_events_applied},
        {"node_events_duplicate", stats.node_events_duplicate},
    };
  }
  return WriteFileAtomic(paths_.metrics_file(), metrics.dump(2) + "\n", 0600);
}

Daemon::~Daemon() { Stop(); }

void Daemon::Stop() {
  if (stopped_) return;
  stopped_ = true;
  // Callers waiting on capability results get them now instead of holding shutdown up.
  if (runtime_) {
    for (const node_runtime::NodeRecord& node : runtime_->ListNodes()) {
      (void)runtime_->FailDeviceWork(node.device_id, "daemon_stopping");
    }
  }
  if (admin_listener_) admin_listener_->Shutdown();
  if (node_listener_) node_listener_->Shutdown();
  quic_revocations_.Cancel();
  if (quic_listener_) {
    // Nodes listening on QUIC are told, through their logs, before their streams end.
    event_router_->NotifyShutdown(quic_listener_->ListeningDevices());
    quic_listener_->Stop();
  }
  if (events_) events_->Close();
  {
    std::lock_guard lock(maintenance_mu_);
    maintenance_stop_ = true;
  }
  maintenance_cv_.notify_all();
  if (maintenance_.joinable()) maintenance_.join();
  if (runtime_) {
    if (Status flushed = runtime_->Flush(); !flushed.ok()) {
      spdlog::warn("flushing node presence at shutdown failed: {}", flushed.ToString());
    }
  }
  if (certificates_) certificates_->StopRenewal();
  if (revocations_) revocations_->StopPolling();
  // Only our own run file: a failed start must not delete the file of a daemon that is running.
  if (run_file_written_) {
    run_file_.Remove();
    std::error_code ignored;
    std::filesystem::remove(paths_.metrics_file(), ignored);
  }
}

}  // namespace palyra::daemon
