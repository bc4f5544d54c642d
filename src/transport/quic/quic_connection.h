#pragma once
// One QUIC connection (server or client side), and the only code in the project that calls
// ngtcp2: a move to ngtcp2 1.x changes this file and its .cc. It knows nothing about sockets or
// event loops: the owner feeds it received datagrams with Receive(), collects the datagrams it
// wants sent with Flush(), and calls OnTimer() at ExpiryNs(). Streams carry bytes; the framing
// and the methods live above it.
//
// Transport settings are explicit (ngtcp2 0.12's defaults are zero): QUIC v1, 32 bidirectional
// streams, 1.25 MB stream and 8 MB connection windows, 30 s idle timeout, 10 s handshake
// timeout, 5 s keep-alive, no 0-RTT. TLS is the GnuTLS policy in tls_policy.h.

#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "common/status.h"
#include "transport/quic/tls_policy.h"

struct ngtcp2_conn;

namespace palyra::transport::quic {

inline constexpr uint64_t kMaxBidiStreams = 32;
inline constexpr uint64_t kStreamWindowBytes = 1'250'000;
inline constexpr uint64_t kConnectionWindowBytes = 8 * 1024 * 1024;
inline constexpr uint64_t kIdleTimeoutMs = 30'000;
inline constexpr uint64_t kHandshakeTimeoutMs = 10'000;
inline constexpr uint64_t kKeepAliveMs = 5'000;

// Local and remote UDP addresses of a datagram.
struct DatagramPath {
  sockaddr_storage local{};
  socklen_t local_len = 0;
  sockaddr_storage remote{};
  socklen_t remote_len = 0;
};

struct Datagram {
  DatagramPath path;
  std::string bytes;
};

// Monotonic nanoseconds, the clock ngtcp2 runs on.
uint64_t MonotonicNowNs();

// The version and connection IDs of a datagram's first packet, for routing it.
struct PacketHeader {
  uint32_t version = 0;
  bool long_header = false;
  std::string dcid;
  std::string scid;  // long headers only
};
// INVALID_ARGUMENT for anything that is not a QUIC packet (short headers are read with our
// connection ID length).
Result<PacketHeader> PeekPacketHeader(std::span<const uint8_t> datagram);
// A stateless Initial CONNECTION_CLOSE with CONNECTION_REFUSED for the client whose Initial had
// `header`: the answer when every connection slot is taken, sent before any state is built.
std::string RefuseConnection(const PacketHeader& header);

class QuicConnection {
 public:
  struct Handlers {
    // Bytes arrived on a stream (`fin`: the peer finished its side).
    std::function<void(int64_t stream_id, std::span<const uint8_t> data, bool fin)> on_stream_data;
    std::function<void(int64_t stream_id)> on_stream_closed;
    // The peer acknowledged `bytes` more of what we sent on a stream; they are freed.
    std::function<void(int64_t stream_id, uint64_t bytes)> on_stream_acked;
    std::function<void()> on_handshake_completed;
    // The peer gave more bidirectional stream credit (OpenStream may succeed again).
    std::function<void()> on_stream_credit;
    // A connection ID of ours that the peer may send to (the first one, and every new one),
    // for routing datagrams to this connection.
    std::function<void(const std::string& cid)> on_new_connection_id;
  };

  // A server connection for the client Initial in `first_datagram` (not yet processed: pass it
  // to Receive next). INVALID_ARGUMENT when it is not an acceptable Initial.
  static Result<std::unique_ptr<QuicConnection>> AcceptServer(
      std::shared_ptr<const ServerTlsCredentials> tls, const Datagram& first_datagram,
      Handlers handlers, uint64_t now_ns);
  static Result<std::unique_ptr<QuicConnection>> ConnectClient(
      std::shared_ptr<const ClientTlsCredentials> tls, const DatagramPath& path,
      Handlers handlers, uint64_t now_ns);
  ~QuicConnection();
  QuicConnection(const QuicConnection&) = delete;
  QuicConnection& operator=(const QuicConnection&) = delete;

  // Feeds one received datagram. An error means the connection is finished (handshake refused,
  // protocol violation, idle); Flush() may still have a CONNECTION_CLOSE to send.
  Status Receive(const Datagram& datagram, uint64_t now_ns);
  // Datagrams to send now (handshake, stream data, ACKs, close), in order.
  Status Flush(std::vector<Datagram>& out, uint64_t now_ns);
  // When OnTimer() is due (nanoseconds, MonotonicNowNs's clock).
  uint64_t ExpiryNs() const;
  Status OnTimer(uint64_t now_ns);

  bool handshake_completed() const;
  // The TLS alert of a failed handshake (0 when none was raised).
  uint8_t tls_alert() const;
  bool closed() const { return closed_; }

  // Opens a bidirectional stream (client side). RESOURCE_EXHAUSTED when the peer's stream credit
  // is used up.
  Result<int64_t> OpenStream();
  // Queues bytes on a stream; `fin` finishes our side. Sent by the next Flush().
  Status Send(int64_t stream_id, std::string_view bytes, bool fin);
  // Abandons a stream both ways (STOP_SENDING and RESET_STREAM with `app_error_code`).
  Status ShutdownStream(int64_t stream_id, uint64_t app_error_code);
  // Client side: moves the connection to a new local address at once (a network switch); the
  // path is validated as it is used. FAILED_PRECONDITION before the handshake is confirmed or
  // without a spare connection ID from the server.
  Status MigrateTo(const DatagramPath& path, uint64_t now_ns);
  // Closes the connection with an application error code; the close goes out with Flush().
  Status Close(uint64_t app_error_code, std::string_view reason, uint64_t now_ns);

  // The TLS session (for the peer certificate, ALPN).
  gnutls_session_t tls_session() const { return session_.get(); }

 private:
  // Outgoing bytes of a stream. ngtcp2 keeps pointers into them until they are acknowledged (it
  // retransmits from there), so they live in chunks that never move, each freed once acked.
  struct Stream {
    std::deque<std::string> chunks;
    size_t next_chunk = 0;       // the first chunk not wholly handed to ngtcp2
    size_t next_offset = 0;      // bytes of that chunk already handed over
    uint64_t front_offset = 0;   // stream offset of chunks.front()
    bool fin_queued = false;
    bool fin_sent = false;
    bool pending() const { return next_chunk < chunks.size() || (fin_queued && !fin_sent); }
  };
  struct Callbacks;

  QuicConnection(Handlers handlers, bool is_server, const DatagramPath& path);
  // Configures `session` for QUIC and binds it to this connection; `credentials` (the session's
  // TLS credentials) are kept alive as long as the connection.
  Status AttachTls(UniqueSession session, std::shared_ptr<const void> credentials);
  Status Fail(int rc, std::string_view what);

  Handlers handlers_;
  const bool is_server_;
  ngtcp2_conn* conn_ = nullptr;
  // Declared before the session so that they outlive it: the credentials it was made from, and
  // the conn_ref its user pointer names.
  std::shared_ptr<const void> tls_credentials_;
  struct ConnRef;
  std::unique_ptr<ConnRef> conn_ref_;
  UniqueSession session_;
  DatagramPath path_;
  std::map<int64_t, Stream> streams_;
  std::string static_secret_;  // for stateless reset tokens
  bool closed_ = false;
  std::string close_packet_;  // CONNECTION_CLOSE, once built
  bool close_sent_ = false;
};

}  // namespace palyra::transport::quic
