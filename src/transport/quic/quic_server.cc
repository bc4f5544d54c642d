#include "transport/quic/quic_server.h"

#include <spdlog/spdlog.h>

#include <cstring>
#include <map>
#include <mutex>
#include <set>

#include "transport/quic/frame_codec.h"
#include "transport/quic/quic_connection.h"
#include "transport/quic/udp_address.h"

namespace palyra::transport::quic {

namespace {

// How long a closed connection's IDs keep routing (late packets are dropped, not taken for a new
// connection), then it goes.
constexpr auto kDrainTime = std::chrono::seconds(1);

// The TLS alert a refused handshake ended with, by its RFC 8446 name.
std::string AlertName(uint8_t alert) {
  switch (alert) {
    case 0: return "protocol";
    case 42: return "bad_certificate";
    case 43: return "unsupported_certificate";
    case 44: return "certificate_revoked";
    case 45: return "certificate_expired";
    case 46: return "certificate_unknown";
    case 48: return "unknown_ca";
    case 116: return "certificate_required";
    case 120: return "no_application_protocol";
    default: return "tls_alert_" + std::to_string(alert);
  }
}

}  // namespace

struct QuicServer::Connection {
  explicit Connection(asio::io_context& io) : timer(io) {}
  std::unique_ptr<QuicConnection> quic;
  ConnectionSlots::Slot slot;
  asio::steady_timer timer;
  std::vector<std::string> cids;
  std::map<int64_t, FrameReader> readers;           // streams whose request is still arriving
  std::map<int64_t, std::shared_ptr<Writer>> writers;  // streams whose request went to the handler
  std::string peer_fingerprint;  // of the client certificate, once the handshake completed
  bool counted_handshake = false;
  bool retiring = false;
};

class QuicServer::Writer : public QuicStreamWriter {
 public:
  Writer(QuicServer* server, std::weak_ptr<Connection> conn, int64_t stream_id)
      : server_(server), conn_(std::move(conn)), stream_id_(stream_id) {}
  bool Write(std::string_view payload) override {
    std::string frame;
    if (!AppendFrame(payload, frame).ok()) return false;
    return Post(std::move(frame), false);
  }
  bool WriteFrames(std::span<const std::string> payloads) override {
    std::string frames;
    for (const std::string& payload : payloads) {
      if (!AppendFrame(payload, frames).ok()) return false;
    }
    return Post(std::move(frames), false);
  }
  void Finish() override { Post({}, true); }
  bool alive() const override { return !ended_.load() && !finished_.load(); }
  uint64_t unacknowledged_bytes() const override { return unacked_.load(); }
  void SetProgressCallback(std::function<void()> callback) override {
    std::lock_guard lock(callback_mu_);
    progress_ = std::move(callback);
  }

  // Loop thread: the peer acknowledged bytes; the stream or its connection ended.
  void Acknowledged(uint64_t bytes) {
    uint64_t current = unacked_.load();
    while (!unacked_.compare_exchange_weak(current, current - std::min(current, bytes))) {
    }
    Notify();
  }
  void Ended() {
    ended_ = true;
    Notify();
  }

 private:
  bool Post(std::string bytes, bool fin) {
    if (!alive()) return false;
    if (fin) finished_ = true;
    unacked_ += bytes.size();
    if (std::this_thread::get_id() == server_->loop_thread_) {
      // A handler answering inline, inside the datagram's processing: the flush that follows
      // it sends the answer together with the ACK, with no hop through the loop's queue.
      auto conn = conn_.lock();
      if (conn && !conn->quic->closed()) (void)conn->quic->Send(stream_id_, bytes, fin);
      return true;
    }
    asio::post(server_->io_, [server = server_, weak = conn_, id = stream_id_,
                              bytes = std::move(bytes), fin] {
      auto conn = weak.lock();
      if (!conn || conn->quic->closed()) return;
      if (conn->quic->Send(id, bytes, fin).ok()) server->FlushConnection(conn);
    });
    return true;
  }
  void Notify() {
    std::function<void()> callback;
    {
      std::lock_guard lock(callback_mu_);
      callback = progress_;
    }
    if (callback) callback();
  }

  QuicServer* server_;
  std::weak_ptr<Connection> conn_;
  int64_t stream_id_;
  std::atomic<bool> finished_{false};
  std::atomic<bool> ended_{false};
  std::atomic<uint64_t> unacked_{0};
  std::mutex callback_mu_;
  std::function<void()> progress_;
};

QuicServer::QuicServer(QuicServerOptions options)
    : options_(std::move(options)), socket_(io_), slots_(options_.max_connections) {}

Result<std::unique_ptr<QuicServer>> QuicServer::Start(QuicServerOptions options) {
  if (!options.tls) return InvalidArgument("QUIC server: TLS credentials are required");
  if (!options.on_request) return InvalidArgument("QUIC server: a request handler is required");
  std::unique_ptr<QuicServer> server(new QuicServer(std::move(options)));
  asio::error_code ec;
  const asio::ip::address address = asio::ip::make_address(server->options_.bind_addr, ec);
  if (ec) return InvalidArgument("QUIC bind address is not an IP: " + server->options_.bind_addr);
  const asio::ip::udp::endpoint local(address, server->options_.port);
  server->socket_.open(local.protocol(), ec);
  if (!ec) server->socket_.bind(local, ec);
  if (ec) {
    return Unavailable("cannot bind QUIC to " + server->options_.bind_addr + ":" +
                       std::to_string(server->options_.port) + "/udp: " + ec.message());
  }
  server->local_ = server->socket_.local_endpoint();
  server->port_ = server->local_.port();
  server->Receive();
  server->thread_ = std::thread([s = server.get()] {
    s->loop_thread_ = std::this_thread::get_id();
    s->io_.run();
  });
  return server;
}

QuicServer::~QuicServer() { Stop(); }

void QuicServer::Stop() {
  if (stopped_.exchange(true)) return;
  asio::post(io_, [this] {
    for (auto& [cid, conn] : by_cid_) {
      if (!conn->quic->closed()) {
        (void)conn->quic->Close(0, "shutting down", MonotonicNowNs());
        FlushConnection(conn);
      }
      conn->timer.cancel();
    }
    by_cid_.clear();
    asio::error_code ignored;
    socket_.close(ignored);
    io_.stop();
  });
  if (thread_.joinable()) thread_.join();
}

void QuicServer::SetTlsCredentials(std::shared_ptr<const ServerTlsCredentials> tls) {
  std::lock_guard lock(tls_mu_);
  options_.tls = std::move(tls);
}

std::shared_ptr<const ServerTlsCredentials> QuicServer::tls() const {
  std::lock_guard lock(tls_mu_);
  return options_.tls;
}

QuicServerStats QuicServer::Stats() const {
  QuicServerStats stats;
  stats.connections_open = slots_.in_use();
  stats.connections_refused = slots_.refused();
  stats.handshakes_failed = handshakes_failed_.load();
  {
    std::lock_guard lock(stats_mu_);
    stats.handshake_failures = handshake_failures_;
  }
  stats.streams = streams_.load();
  stats.bytes_received = bytes_received_.load();
  stats.bytes_sent = bytes_sent_.load();
  return stats;
}

void QuicServer::CloseConnectionsWhere(
    std::function<bool(const std::string& fingerprint_hex)> predicate, uint64_t app_error_code,
    std::string reason) {
  asio::post(io_, [this, predicate = std::move(predicate), app_error_code,
                   reason = std::move(reason)] {
    std::set<Connection*> seen;  // a connection is listed once per connection ID
    std::vector<std::shared_ptr<Connection>> doomed;
    for (auto& [cid, conn] : by_cid_) {
      if (!seen.insert(conn.get()).second || conn->retiring || conn->quic->closed()) continue;
      if (!conn->peer_fingerprint.empty() && predicate(conn->peer_fingerprint)) {
        doomed.push_back(conn);
      }
    }
    for (const auto& conn : doomed) {
      (void)conn->quic->Close(app_error_code, reason, MonotonicNowNs());
      FlushConnection(conn);
    }
  });
}

void QuicServer::Receive() {
  socket_.async_receive_from(asio::buffer(buffer_), sender_,
                             [this](const asio::error_code& ec, std::size_t length) {
                               if (ec) {
                                 if (ec == asio::error::operation_aborted || stopped_) return;
                               } else {
                                 OnDatagram(length);
                               }
                               Receive();
                             });
}

void QuicServer::OnDatagram(std::size_t length) {
  bytes_received_ += length;
  const std::span<const uint8_t> bytes(buffer_.data(), length);
  Result<PacketHeader> header = PeekPacketHeader(bytes);
  if (!header.ok()) return;  // not QUIC: dropped
  Datagram datagram;
  datagram.path = PathOf(local_, sender_);  // the bound address: no getsockname per datagram
  datagram.bytes.assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  const uint64_t now = MonotonicNowNs();

  std::shared_ptr<Connection> conn;
  if (auto it = by_cid_.find(header->dcid); it != by_cid_.end()) {
    conn = it->second;
  } else {
    if (!header->long_header) return;  // a short packet for a connection we do not know
    ConnectionSlots::Slot slot = slots_.TryAcquire();
    if (!slot.held()) {
      spdlog::warn("QUIC: refusing a connection from {}: all {} connection slots are in use",
                   sender_.address().to_string(), slots_.capacity());
      const std::string refusal = RefuseConnection(*header);
      asio::error_code ignored;
      if (!refusal.empty()) socket_.send_to(asio::buffer(refusal), sender_, 0, ignored);
      return;
    }
    conn = std::make_shared<Connection>(io_);
    conn->slot = std::move(slot);
    std::weak_ptr<Connection> weak = conn;
    QuicConnection::Handlers handlers;
    handlers.on_stream_data = [this, weak](int64_t id, std::span<const uint8_t> data, bool fin) {
      if (auto c = weak.lock()) OnStreamData(c, id, data, fin);
    };
    handlers.on_stream_closed = [this, weak](int64_t id) {
      if (auto c = weak.lock()) OnStreamClosed(c, id);
    };
    handlers.on_stream_acked = [weak](int64_t id, uint64_t acked) {
      auto c = weak.lock();
      if (!c) return;
      if (auto w = c->writers.find(id); w != c->writers.end()) w->second->Acknowledged(acked);
    };
    handlers.on_handshake_completed = [weak] {
      auto c = weak.lock();
      if (!c) return;
      if (auto fp = PeerCertificateFingerprint(c->quic->tls_session()); fp.ok()) {
        c->peer_fingerprint = *fp;
      }
    };
    handlers.on_new_connection_id = [this, weak](const std::string& cid) {
      if (auto c = weak.lock()) {
        c->cids.push_back(cid);
        by_cid_[cid] = c;
      }
    };
    auto accepted = QuicConnection::AcceptServer(tls(), datagram, handlers, now);
    if (!accepted.ok()) return;  // not an acceptable Initial: dropped, the slot goes back
    conn->quic = std::move(*accepted);
    conn->cids.push_back(header->dcid);  // the client's first packets still use its own DCID
    by_cid_[header->dcid] = conn;
  }
  if (conn->retiring) return;
  if (Status received = conn->quic->Receive(datagram, now); !received.ok()) {
    if (conn->quic->handshake_completed()) {
      spdlog::debug("QUIC: connection with {} ended: {}", sender_.address().to_string(),
                    received.message());
    }
    CountHandshakeFailure(conn, received);
  }
  FlushConnection(conn);
}

void QuicServer::CountHandshakeFailure(const std::shared_ptr<Connection>& conn,
                                       const Status& error) {
  if (conn->quic->handshake_completed() || conn->counted_handshake) return;
  conn->counted_handshake = true;
  ++handshakes_failed_;
  const std::string reason = error.message().find("timer") != std::string::npos
                                 ? std::string("handshake_timeout")
                                 : AlertName(conn->quic->tls_alert());
  spdlog::info("QUIC: handshake failed ({}): {}", reason, error.message());
  std::lock_guard lock(stats_mu_);
  ++handshake_failures_[reason];
}

void QuicServer::OnStreamData(const std::shared_ptr<Connection>& conn, int64_t stream_id,
                              std::span<const uint8_t> data, bool fin) {
  if (conn->writers.count(stream_id) != 0) return;  // bytes after the request are ignored
  FrameReader& reader = conn->readers[stream_id];
  size_t used = 0;
  while (used < data.size() && !reader.has_frame() && reader.status().ok()) {
    const size_t took = reader.Consume(data.subspan(used));
    if (took == 0) break;
    used += took;
  }
  QuicRequest request;
  request.stream_id = stream_id;
  if (reader.has_frame()) {
    request.payload = *reader.TakeFrame();
  } else if (!reader.status().ok()) {
    request.framing = reader.status();
  } else if (fin) {
    request.framing = reader.Finish();
    if (request.framing.ok()) request.framing = DataLoss("the stream ended without a request");
  } else {
    return;  // more to come
  }
  conn->readers.erase(stream_id);
  ++streams_;
  // Set at handshake completion; a server processes no 1-RTT stream data before it (RFC 9001).
  request.peer_fingerprint = conn->peer_fingerprint;
  auto writer = std::make_shared<Writer>(this, conn, stream_id);
  conn->writers.emplace(stream_id, writer);
  options_.on_request(std::move(request), std::move(writer));
}

void QuicServer::OnStreamClosed(const std::shared_ptr<Connection>& conn, int64_t stream_id) {
  conn->readers.erase(stream_id);
  if (auto it = conn->writers.find(stream_id); it != conn->writers.end()) {
    it->second->Ended();
    conn->writers.erase(it);
  }
}

void QuicServer::FlushConnection(const std::shared_ptr<Connection>& conn) {
  std::vector<Datagram> out;
  if (Status flushed = conn->quic->Flush(out, MonotonicNowNs()); !flushed.ok()) {
    spdlog::debug("QUIC: connection ended while sending: {}", flushed.message());
  }
  for (const Datagram& d : out) {
    asio::error_code ignored;
    bytes_sent_ += socket_.send_to(asio::buffer(d.bytes),
                                   ToEndpoint(d.path.remote, d.path.remote_len), 0, ignored);
  }
  if (conn->quic->closed()) {
    Retire(conn);
  } else {
    ArmTimer(conn);
  }
}

void QuicServer::ArmTimer(const std::shared_ptr<Connection>& conn) {
  const uint64_t expiry = conn->quic->ExpiryNs();
  const uint64_t now = MonotonicNowNs();
  const auto delay = std::chrono::nanoseconds(expiry > now ? expiry - now : 0);
  conn->timer.expires_after(std::min<std::chrono::nanoseconds>(delay, std::chrono::hours(1)));
  std::weak_ptr<Connection> weak = conn;
  conn->timer.async_wait([this, weak](const asio::error_code& ec) {
    if (ec) return;  // re-armed or cancelled
    auto c = weak.lock();
    if (!c || c->retiring) return;
    if (Status timer = c->quic->OnTimer(MonotonicNowNs()); !timer.ok()) {
      spdlog::debug("QUIC: connection ended by its timer: {}", timer.message());
      CountHandshakeFailure(c, timer);
    }
    FlushConnection(c);
  });
}

void QuicServer::Retire(const std::shared_ptr<Connection>& conn) {
  if (conn->retiring) return;
  conn->retiring = true;
  for (auto& [id, writer] : conn->writers) writer->Ended();
  conn->writers.clear();
  // The connection has ended: its slot is free now; only its IDs linger, so that late packets
  // are recognised and dropped instead of starting a new connection.
  conn->slot.Release();
  conn->timer.expires_after(kDrainTime);
  conn->timer.async_wait([this, conn](const asio::error_code& ec) {
    if (ec == asio::error::operation_aborted) return;
    for (const std::string& cid : conn->cids) {
      if (auto it = by_cid_.find(cid); it != by_cid_.end() && it->second == conn) by_cid_.erase(it);
    }
  });
}

}  // namespace palyra::transport::quic
