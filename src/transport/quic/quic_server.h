#pragma once
// The palyra-quic-v1 server endpoint: one UDP socket and one event-loop thread (standalone Asio)
// owning every QuicConnection. Datagrams are routed by destination connection ID, so a client
// whose address changes keeps its connection. A new connection takes an admission slot first;
// with none left its Initial is answered with a stateless CONNECTION_REFUSED. Each
// client-opened bidirectional stream carries one request frame; streams of a connection are
// served concurrently, and the handler answers through a thread-safe writer, at its own pace.

#include <asio.hpp>

#include <array>
#include <map>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <unordered_map>

#include "common/status.h"
#include "transport/quic/connection_slots.h"
#include "transport/quic/tls_policy.h"

namespace palyra::transport::quic {

struct QuicRequest {
  std::string payload;           // the request frame (when framing is OK)
  Status framing;                // the stream ended early or announced an oversize frame
  std::string peer_fingerprint;  // SHA-256 of the client certificate; empty without one
  int64_t stream_id = -1;
};

// Writes the answer to one request. Thread-safe; calls after the stream or connection is gone
// are dropped (and return false). Nothing here blocks: a producer of many frames bounds what it
// has in flight with unacknowledged_bytes() and resumes from the progress callback.
class QuicStreamWriter {
 public:
  virtual ~QuicStreamWriter() = default;
  virtual bool Write(std::string_view payload) = 0;  // one response frame
  // Several response frames in one hand-over to the event loop.
  virtual bool WriteFrames(std::span<const std::string> payloads) = 0;
  virtual void Finish() = 0;  // FIN; the answer is complete
  // False once the answer is finished, the peer abandoned the stream or the connection ended.
  virtual bool alive() const = 0;
  // Bytes written (frame headers included) that the peer has not acknowledged yet.
  virtual uint64_t unacknowledged_bytes() const = 0;
  // Runs on the event-loop thread (it must not block) whenever the peer acknowledges bytes of
  // this stream and when the stream ends.
  virtual void SetProgressCallback(std::function<void()> callback) = 0;
};

using QuicRequestHandler =
    std::function<void(QuicRequest request, std::shared_ptr<QuicStreamWriter> writer)>;

struct QuicServerOptions {
  std::string bind_addr = "127.0.0.1";  // an IP literal
  uint16_t port = 0;                    // 0: an ephemeral port
  std::shared_ptr<const ServerTlsCredentials> tls;
  size_t max_connections = kDefaultMaxConnections;
  QuicRequestHandler on_request;  // called on the event-loop thread; must not block
};

struct QuicServerStats {
  size_t connections_open = 0;
  uint64_t connections_refused = 0;
  uint64_t handshakes_failed = 0;
  // By reason: the TLS alert's name ("certificate_required", "unknown_ca",
  // "no_application_protocol", ...), "handshake_timeout", or "protocol".
  std::map<std::string, uint64_t> handshake_failures;
  uint64_t streams = 0;
  uint64_t bytes_received = 0;
  uint64_t bytes_sent = 0;
};

class QuicServer {
 public:
  // UNAVAILABLE naming the address when the UDP port cannot be bound.
  static Result<std::unique_ptr<QuicServer>> Start(QuicServerOptions options);
  ~QuicServer();
  QuicServer(const QuicServer&) = delete;
  QuicServer& operator=(const QuicServer&) = delete;

  uint16_t port() const { return port_; }
  QuicServerStats Stats() const;
  // Closes (application error `app_error_code`, `reason`) every established connection whose
  // client certificate fingerprint matches `predicate`, on the event-loop thread. Returns at once.
  void CloseConnectionsWhere(std::function<bool(const std::string& fingerprint_hex)> predicate,
                             uint64_t app_error_code, std::string reason);
  // New handshakes use `tls` from now on (a renewed server certificate); connections already
  // made keep the credentials they began with.
  void SetTlsCredentials(std::shared_ptr<const ServerTlsCredentials> tls);
  void Stop();

 private:
  std::shared_ptr<const ServerTlsCredentials> tls() const;
  struct Connection;
  class Writer;
  explicit QuicServer(QuicServerOptions options);

  void Receive();
  void OnDatagram(std::size_t length);
  std::shared_ptr<Connection> Accept(const std::string& original_dcid, uint64_t now);
  void OnStreamData(const std::shared_ptr<Connection>& conn, int64_t stream_id,
                    std::span<const uint8_t> data, bool fin);
  void OnStreamClosed(const std::shared_ptr<Connection>& conn, int64_t stream_id);
  void FlushConnection(const std::shared_ptr<Connection>& conn);
  void ArmTimer(const std::shared_ptr<Connection>& conn);
  void Retire(const std::shared_ptr<Connection>& conn);
  // Counts a failed handshake once per connection, by reason.
  void CountHandshakeFailure(const std::shared_ptr<Connection>& conn, const Status& error);

  QuicServerOptions options_;  // .tls under tls_mu_
  mutable std::mutex tls_mu_;
  asio::io_context io_;
  asio::ip::udp::socket socket_;
  asio::ip::udp::endpoint sender_;
  asio::ip::udp::endpoint local_;  // the bound address
  std::array<uint8_t, 65536> buffer_{};
  std::thread thread_;
  std::atomic<std::thread::id> loop_thread_{};
  uint16_t port_ = 0;
  ConnectionSlots slots_;
  std::unordered_map<std::string, std::shared_ptr<Connection>> by_cid_;  // loop thread only
  std::atomic<uint64_t> handshakes_failed_{0}, streams_{0}, bytes_received_{0}, bytes_sent_{0};
  std::atomic<bool> stopped_{false};
  mutable std::mutex stats_mu_;
  std::map<std::string, uint64_t> handshake_failures_;  // under stats_mu_
};

}  // namespace palyra::transport::quic
