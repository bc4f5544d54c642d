#pragma once
// palyrad's QUIC listener: palyra-quic-v1 on UDP, with the node listener's server certificate
// and the same mTLS rules (client certificates chained to the gateway CA, clientAuth, and
// revocation read live from the store on every handshake). It serves upstream's two methods:
// node.health, and node.stream_events, which replays the device's event log after
// `resume_from` (the device is the one the client certificate is bound to).

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "common/status.h"
#include "daemon/quic_runtime/event_log.h"
#include "transport/quic/quic_server.h"

namespace palyra::daemon::quic_runtime {

inline constexpr size_t kMaxEventsPerStreamBatch = 1024;
// Application error code of the CONNECTION_CLOSE that ends a revoked device's connection.
inline constexpr uint64_t kAppErrorUnauthorized = 3;

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
};

class QuicListener {
 public:
  static Result<std::unique_ptr<QuicListener>> Start(QuicListenerOptions options);
  uint16_t port() const { return server_->port(); }
  // "127.0.0.1:7444" with the port actually bound.
  std::string bound_address() const;
  transport::quic::QuicServerStats Stats() const { return server_->Stats(); }
  // Closes the connections of every client whose certificate is now revoked (call it when the
  // revocation set changed).
  void CloseRevokedConnections();
  void Stop() { server_->Stop(); }

 private:
  explicit QuicListener(QuicListenerOptions options) : options_(std::move(options)) {}
  void Handle(transport::quic::QuicRequest request,
              std::shared_ptr<transport::quic::QuicStreamWriter> writer);

  QuicListenerOptions options_;
  std::unique_ptr<transport::quic::QuicServer> server_;
};

}  // namespace palyra::daemon::quic_runtime
