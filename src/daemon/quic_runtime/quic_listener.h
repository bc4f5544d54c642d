#pragma once
// palyrad's QUIC listener: palyra-quic-v1 on UDP, with the node listener's server certificate
// and the same mTLS rules (client certificates chained to the gateway CA, clientAuth, and
// revocation read live from the store on every handshake). It serves upstream's two methods,
// node.health and node.stream_events (the device's event log after `resume_from`, then live,
// with heartbeats; the device is the one the client certificate is bound to), and our two
// extensions, node.publish_events and node.capability_result, which let a node report over QUIC
// what it would report on gRPC StreamNodeEvents. Nothing that touches a database runs on the
// QUIC event loop: event streams have their own thread, extension requests a small work queue.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/status.h"
#include "common/work_queue.h"
#include "daemon/node_runtime/node_events.h"
#include "daemon/quic_runtime/event_log.h"
#include "daemon/quic_runtime/event_streams.h"
#include "node_protocol/quic_messages.h"
#include "transport/quic/quic_server.h"

namespace palyra::daemon::quic_runtime {

// Application error code of the CONNECTION_CLOSE that ends a revoked device's connection.
inline constexpr uint64_t kAppErrorUnauthorized = 3;
inline constexpr size_t kExtensionWorkers = 2;
inline constexpr size_t kMaxQueuedExtensionRequests = 4096;
// Ours: the extension work queue is full; the node retries later.
inline constexpr std::string_view kErrorBusy = "busy";

struct QuicListenerOptions {
  std::string bind_addr = "127.0.0.1";
  int port = 0;
  std::filesystem::path server_identity_file;  // certificate chain and key PEM (0600)
  std::string client_ca_pem;
  bool mtls_required = true;
  std::function<bool(const std::string& fingerprint_hex)> is_revoked;
  // The device a client certificate (fingerprint) belongs to, if any.
  std::function<std::optional<std::string>(const std::string& fingerprint_hex)> device_for;
  NodeEventLog* events = nullptr;
  size_t max_connections = transport::quic::kDefaultMaxConnections;
  int64_t heartbeat_interval_ms = kDefaultHeartbeatIntervalMs;
  // A device's first event stream opened / its last one closed (see EventStreamsOptions).
  std::function<void(const std::string& device_id)> on_device_listening;
  std::function<void(const std::string& device_id)> on_device_gone;
  // Applies a node event reported over QUIC (node_runtime::ApplyNodeEvent); empty: the
  // extension methods answer unsupported_method, as upstream does.
  std::function<Result<node_runtime::NodeEventOutcome>(
      const std::string& device_id, std::string_view name, const std::string& payload_json)>
      apply_node_event;
};

struct QuicListenerStats {
  transport::quic::QuicServerStats transport;
  EventStreamsStats streams;
  // Requests by method ("node.health", ...) and refusals by wire error ("error.invalid_request").
  std::map<std::string, uint64_t> requests;
  uint64_t node_events_applied = 0;
  uint64_t node_events_duplicate = 0;  // re-sent after a lost acknowledgement; not re-applied
};

class QuicListener {
 public:
  static Result<std::unique_ptr<QuicListener>> Start(QuicListenerOptions options);
  ~QuicListener();
  uint16_t port() const { return server_->port(); }
  // "127.0.0.1:7444" with the port actually bound.
  std::string bound_address() const;
  QuicListenerStats Stats();
  // The event log grew for `device_id` (wire it to NodeEventLog::SetAppendObserver).
  void OnEventsAppended(const std::string& device_id) { streams_->OnAppended(device_id); }
  std::vector<std::string> ListeningDevices() { return streams_->ListeningDevices(); }
  // Closes the connections of every client whose certificate is now revoked (call it when the
  // revocation set changed).
  void CloseRevokedConnections();
  // Re-reads the server identity file (after the node certificate was renewed): new handshakes
  // present the new certificate, open connections carry on. On error the old one stays.
  Status ReloadServerIdentity();
  // Finishes the event streams after what the logs hold, then closes every connection.
  void Stop();

 private:
  explicit QuicListener(QuicListenerOptions options);
  static Result<std::shared_ptr<const transport::quic::ServerTlsCredentials>> LoadCredentials(
      const QuicListenerOptions& options);
  void Handle(transport::quic::QuicRequest request,
              std::shared_ptr<transport::quic::QuicStreamWriter> writer);
  std::optional<std::string> DeviceOf(const std::string& fingerprint) const;
  // Worker threads: the extension methods.
  // The wire error answered (counted).
  std::string Refusal(std::string_view error);
  std::string PublishEvents(const std::string& device_id,
                            const node_protocol::NodeRequest& request);
  std::string CapabilityResult(const std::string& device_id,
                               const node_protocol::NodeRequest& request);

  QuicListenerOptions options_;
  const std::string health_response_;  // the same bytes every time
  std::unique_ptr<EventStreams> streams_;
  std::unique_ptr<WorkQueue> extension_work_;
  std::unique_ptr<transport::quic::QuicServer> server_;
  std::mutex published_mu_;
  // The highest node event seq applied per device, so that a re-sent batch is not applied twice.
  std::unordered_map<std::string, uint64_t> published_through_;
  uint64_t applied_ = 0, duplicates_ = 0;
  std::map<std::string, uint64_t> requests_;  // under published_mu_
  void Count(std::string_view what);
};

}  // namespace palyra::daemon::quic_runtime
