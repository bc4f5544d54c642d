#include "transport/quic/quic_client.h"

#include <cstring>
#include <future>

#include "transport/quic/quic_connection.h"
#include "transport/quic/udp_address.h"

namespace palyra::transport::quic {

QuicClient::QuicClient() : socket_(io_), timer_(io_) {}

Result<std::unique_ptr<QuicClient>> QuicClient::Connect(
    const std::string& host, uint16_t port, std::shared_ptr<const ClientTlsCredentials> tls,
    std::chrono::milliseconds handshake_timeout) {
  std::unique_ptr<QuicClient> client(new QuicClient());
  asio::error_code ec;
  const asio::ip::address address = asio::ip::make_address(host, ec);
  if (ec) return InvalidArgument("QUIC server address is not an IP: " + host);
  client->server_ = asio::ip::udp::endpoint(address, port);
  client->socket_.open(client->server_.protocol(), ec);
  if (!ec) client->socket_.connect(client->server_, ec);  // fixes the local address and port
  if (ec) return Unavailable("cannot reach " + host + ":" + std::to_string(port) + "/udp: " + ec.message());

  const DatagramPath path = PathOf(client->socket_.local_endpoint(), client->server_);

  QuicClient* self = client.get();
  QuicConnection::Handlers handlers;
  handlers.on_stream_data = [self](int64_t id, std::span<const uint8_t> data, bool fin) {
    self->OnStreamData(id, data, fin);
  };
  handlers.on_handshake_completed = [self] {
    std::lock_guard lock(self->mu_);
    self->handshake_done_ = true;
    self->cv_.notify_all();
  };
  PALYRA_ASSIGN_OR_RETURN(client->quic_,
                          QuicConnection::ConnectClient(tls, path, handlers, MonotonicNowNs()));
  client->Receive();
  client->Flush();
  client->thread_ = std::thread([self] { self->io_.run(); });

  std::unique_lock lock(client->mu_);
  const bool settled = client->cv_.wait_for(lock, handshake_timeout, [self] {
    return self->handshake_done_ || !self->connection_error_.ok();
  });
  if (!settled) {
    lock.unlock();
    return DeadlineExceeded("handshake timed out after " +
                            std::to_string(handshake_timeout.count()) + "ms");
  }
  if (!client->connection_error_.ok()) {
    Status error = client->connection_error_;
    lock.unlock();
    return Unavailable("QUIC handshake with " + host + ":" + std::to_string(port) +
                       " failed: " + error.message());
  }
  lock.unlock();
  // The server certificate, for pinning; read on the loop thread that owns the session.
  std::promise<std::string> fingerprint;
  asio::post(client->io_, [self, &fingerprint] {
    auto fp = PeerCertificateFingerprint(self->quic_->tls_session());
    fingerprint.set_value(fp.ok() ? *fp : std::string());
  });
  client->server_fingerprint_ = fingerprint.get_future().get();
  return client;
}

QuicClient::~QuicClient() { Close(); }

void QuicClient::Close() {
  if (!thread_.joinable()) return;
  asio::post(io_, [this] {
    if (quic_ && !quic_->closed()) {
      (void)quic_->Close(0, "client closed", MonotonicNowNs());
      Flush();
    }
    timer_.cancel();
    asio::error_code ignored;
    socket_.close(ignored);
    io_.stop();
  });
  thread_.join();
}

void QuicClient::Receive() {
  socket_.async_receive_from(asio::buffer(buffer_), sender_,
                             [this](const asio::error_code& ec, std::size_t length) {
                               if (ec) return;  // closed, or an ICMP error on the socket
                               Datagram datagram;
                               datagram.path = PathOf(socket_.local_endpoint(), sender_);
                               datagram.bytes.assign(reinterpret_cast<const char*>(buffer_.data()),
                                                     length);
                               if (Status s = quic_->Receive(datagram, MonotonicNowNs()); !s.ok()) {
                                 FailAll(s);
                               }
                               Flush();
                               Receive();
                             });
}

void QuicClient::Flush() {
  std::vector<Datagram> out;
  (void)quic_->Flush(out, MonotonicNowNs());
  for (const Datagram& d : out) {
    asio::error_code ignored;
    socket_.send(asio::buffer(d.bytes), 0, ignored);
  }
  if (quic_->closed()) {
    FailAll(Unavailable("the QUIC connection is closed"));
    return;
  }
  ArmTimer();
}

void QuicClient::ArmTimer() {
  const uint64_t expiry = quic_->ExpiryNs();
  const uint64_t now = MonotonicNowNs();
  const auto delay = std::chrono::nanoseconds(expiry > now ? expiry - now : 0);
  timer_.expires_after(std::min<std::chrono::nanoseconds>(delay, std::chrono::hours(1)));
  timer_.async_wait([this](const asio::error_code& ec) {
    if (ec) return;
    if (Status s = quic_->OnTimer(MonotonicNowNs()); !s.ok()) FailAll(s);
    Flush();
  });
}

void QuicClient::FailAll(const Status& status) {
  std::lock_guard lock(mu_);
  if (connection_error_.ok()) connection_error_ = status;
  for (auto& [id, pending] : pending_) {
    if (!pending.done) {
      pending.done = true;
      pending.error = status;
    }
  }
  cv_.notify_all();
}

void QuicClient::OnStreamData(int64_t stream_id, std::span<const uint8_t> data, bool fin) {
  std::lock_guard lock(mu_);
  auto it = pending_.find(stream_id);
  if (it == pending_.end() || it->second.done) return;
  Pending& p = it->second;
  size_t used = 0;
  while (used < data.size() && p.reader.status().ok()) {
    const size_t took = p.reader.Consume(data.subspan(used));
    used += took;
    if (auto frame = p.reader.TakeFrame()) {
      if (p.frames.size() >= p.max_frames) {
        p.error = ResourceExhausted("the answer has more than " + std::to_string(p.max_frames) +
                                    " frames");
        p.done = true;
        break;
      }
      p.frames.push_back(std::move(*frame));
    } else if (took == 0) {
      break;
    }
  }
  if (!p.done && !p.reader.status().ok()) {
    p.error = p.reader.status();
    p.done = true;
  }
  if (!p.done && fin) {
    p.error = p.reader.Finish();
    p.done = true;
  }
  if (p.done) cv_.notify_all();
}

Result<std::vector<std::string>> QuicClient::Request(std::string_view payload,
                                                     std::chrono::milliseconds timeout,
                                                     size_t max_frames) {
  std::string frame;
  PALYRA_RETURN_IF_ERROR(AppendFrame(payload, frame));
  std::promise<Result<int64_t>> opened;
  asio::post(io_, [this, &opened, &frame, max_frames] {
    Result<int64_t> id = quic_->OpenStream();
    if (id.ok()) {
      {
        std::lock_guard lock(mu_);
        pending_[*id].max_frames = max_frames;
      }
      Status sent = quic_->Send(*id, frame, /*fin=*/true);
      if (!sent.ok()) id = sent;
      Flush();
    }
    opened.set_value(std::move(id));
  });
  PALYRA_ASSIGN_OR_RETURN(int64_t stream_id, opened.get_future().get());
  std::unique_lock lock(mu_);
  Pending& pending = pending_[stream_id];
  if (!cv_.wait_for(lock, timeout, [&] { return pending.done; })) {
    pending_.erase(stream_id);
    return DeadlineExceeded("no complete answer within " + std::to_string(timeout.count()) + "ms");
  }
  Pending done = std::move(pending);
  pending_.erase(stream_id);
  if (!done.error.ok()) return done.error;
  return std::move(done.frames);
}

}  // namespace palyra::transport::quic
