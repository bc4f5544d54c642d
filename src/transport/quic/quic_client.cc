#include "transport/quic/quic_client.h"

#include <spdlog/spdlog.h>

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
  client->quic_path_ = path;
  client->local_port_ = client->socket_.local_endpoint().port();

  QuicClient* self = client.get();
  QuicConnection::Handlers handlers;
  handlers.on_stream_data = [self](int64_t id, std::span<const uint8_t> data, bool fin) {
    self->OnStreamData(id, data, fin);
  };
  handlers.on_stream_credit = [self] { self->OnStreamCredit(); };
  handlers.on_handshake_completed = [self] {
    std::lock_guard lock(self->mu_);
    self->handshake_done_ = true;
    self->cv_.notify_all();
  };
  PALYRA_ASSIGN_OR_RETURN(client->quic_,
                          QuicConnection::ConnectClient(tls, path, handlers, MonotonicNowNs()));
  client->Receive();
  client->Flush();
  client->thread_ = std::thread([self] {
    self->loop_thread_ = std::this_thread::get_id();
    self->io_.run();
  });

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
    if (error.message().rfind("cannot reach", 0) == 0) {
      return Unavailable("cannot reach " + host + ":" + std::to_string(port) +
                         "/udp: " + error.message());
    }
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
  std::call_once(close_once_, [this] { CloseOnce(); });
}

void QuicClient::CloseOnce() {
  closed_ = true;
  if (!thread_.joinable()) return;
  asio::post(io_, [this] {
    if (quic_ && !quic_->closed()) {
      (void)quic_->Close(0, "client closed", MonotonicNowNs());
      Flush();
    }
    FailAll(Unavailable("the QUIC connection was closed by this client"));
    timer_.cancel();
    asio::error_code ignored;
    socket_.close(ignored);
    io_.stop();
  });
  thread_.join();
}

void QuicClient::Receive() {
  socket_.async_receive_from(asio::buffer(buffer_), sender_,
                             [this, generation = socket_generation_](const asio::error_code& ec,
                                                                     std::size_t length) {
                               if (ec == asio::error::connection_refused) {
                                 // ICMP port unreachable on our connected socket: nothing
                                 // listens there (any more), so do not wait for a timeout.
                                 FailAll(Unavailable("cannot reach the QUIC server: " +
                                                     ec.message()));
                                 return;
                               }
                               if (ec) return;  // closed
                               // A datagram of a socket Rebind() replaced: dropped (QUIC
                               // recovers), so that one receive at a time uses the buffer.
                               if (generation != socket_generation_) return;
                               Datagram datagram;
                               datagram.path = quic_path_;
                               datagram.bytes.assign(reinterpret_cast<const char*>(buffer_.data()),
                                                     length);
                               in_receive_ = true;
                               if (Status s = quic_->Receive(datagram, MonotonicNowNs()); !s.ok()) {
                                 spdlog::debug("QUIC client: connection ended: {}", s.message());
                                 FailAll(s);
                               }
                               in_receive_ = false;
                               Flush();
                               Receive();
                             });
}

void QuicClient::Flush() {
  std::vector<Datagram> out;
  if (Status flushed = quic_->Flush(out, MonotonicNowNs()); !flushed.ok()) {
    spdlog::debug("QUIC client: connection ended while sending: {}", flushed.message());
  }
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
  std::vector<AnswerCallback> callbacks;
  {
    std::lock_guard lock(mu_);
    if (connection_error_.ok()) connection_error_ = status;
    for (auto it = pending_.begin(); it != pending_.end();) {
      if (it->second.on_done) {
        callbacks.push_back(std::move(it->second.on_done));
        it = pending_.erase(it);
        continue;
      }
      if (it->second.error.ok() && !it->second.finished) it->second.error = status;
      ++it;
    }
    cv_.notify_all();
  }
  // Requests still waiting for stream credit (loop thread: FailAll runs there).
  std::deque<std::pair<std::string, AnswerCallback>> waiting;
  waiting.swap(waiting_for_credit_);
  for (auto& entry : waiting) callbacks.push_back(std::move(entry.second));
  for (AnswerCallback& callback : callbacks) callback(status);
}

void QuicClient::OnStreamData(int64_t stream_id, std::span<const uint8_t> data, bool fin) {
  std::unique_lock lock(mu_);
  auto it = pending_.find(stream_id);
  if (it == pending_.end() || it->second.finished || !it->second.error.ok()) return;
  Pending& p = it->second;
  size_t used = 0;
  while (used < data.size() && p.reader.status().ok()) {
    const size_t took = p.reader.Consume(data.subspan(used));
    used += took;
    if (auto frame = p.reader.TakeFrame()) {
      p.buffered_bytes += frame->size();
      p.frames.push_back(std::move(*frame));
    } else if (took == 0) {
      break;
    }
  }
  if (p.buffered_bytes > p.max_buffered_bytes) {
    p.error = ResourceExhausted("more than " + std::to_string(p.max_buffered_bytes) +
                                " bytes of the answer arrived unread");
  } else if (!p.reader.status().ok()) {
    p.error = p.reader.status();
  } else if (fin) {
    p.error = p.reader.Finish();
    p.finished = p.error.ok();
  }
  if (p.on_done && (p.finished || !p.error.ok())) {
    // An asynchronous request: its answer goes to its callback, here on the loop thread.
    AnswerCallback done = std::move(p.on_done);
    Result<std::vector<std::string>> answer =
        p.error.ok() ? Result<std::vector<std::string>>(
                           std::vector<std::string>(std::make_move_iterator(p.frames.begin()),
                                                    std::make_move_iterator(p.frames.end())))
                     : Result<std::vector<std::string>>(p.error);
    pending_.erase(it);
    lock.unlock();
    done(std::move(answer));
    return;
  }
  cv_.notify_all();
}

void QuicClient::RequestAsync(std::string_view payload, AnswerCallback done) {
  std::string frame;
  if (Status framed = AppendFrame(payload, frame); !framed.ok()) return done(framed);
  auto start = [this, frame = std::move(frame), done = std::move(done)]() mutable {
    if (!waiting_for_credit_.empty()) {
      // Others wait for stream credit already: keep the order.
      waiting_for_credit_.push_back({std::move(frame), std::move(done)});
      return;
    }
    StartAsync(std::move(frame), std::move(done));
  };
  if (std::this_thread::get_id() == loop_thread_) {
    start();
  } else {
    asio::post(io_, std::move(start));
  }
}

void QuicClient::StartAsync(std::string frame, AnswerCallback done) {
  {
    Result<int64_t> id = quic_->OpenStream();
    if (!id.ok() && id.status().code() == StatusCode::kResourceExhausted) {
      // The server's stream credit is used up: wait for it, as a blocking caller would.
      waiting_for_credit_.push_back({std::move(frame), std::move(done)});
      return;
    }
    if (!id.ok()) return done(id.status());
    {
      std::lock_guard lock(mu_);
      Pending& pending = pending_[*id];
      pending.max_buffered_bytes = kDefaultMaxBufferedAnswerBytes;
      pending.on_done = std::move(done);
    }
    if (Status sent = quic_->Send(*id, frame, /*fin=*/true); !sent.ok()) {
      AnswerCallback failed;
      {
        std::lock_guard lock(mu_);
        failed = std::move(pending_[*id].on_done);
        pending_.erase(*id);
      }
      return failed(sent);
    }
    // On the loop thread inside a receive, the flush after it sends this; otherwise now.
    if (!in_receive_) Flush();
  }
}

void QuicClient::OnStreamCredit() {
  // New credit: start what waited, in order, until it runs out again.
  std::deque<std::pair<std::string, AnswerCallback>> waiting;
  waiting.swap(waiting_for_credit_);
  while (!waiting.empty()) {
    auto [frame, done] = std::move(waiting.front());
    waiting.pop_front();
    if (!waiting_for_credit_.empty()) {
      waiting_for_credit_.push_back({std::move(frame), std::move(done)});
      continue;
    }
    StartAsync(std::move(frame), std::move(done));
  }
}

Result<std::unique_ptr<QuicResponseStream>> QuicClient::OpenStream(std::string_view payload,
                                                                   size_t max_buffered_bytes) {
  std::string frame;
  PALYRA_RETURN_IF_ERROR(AppendFrame(payload, frame));
  return OpenRawStream(std::move(frame), max_buffered_bytes);
}

Result<std::unique_ptr<QuicResponseStream>> QuicClient::OpenRawStream(std::string frame,
                                                                      size_t max_buffered_bytes) {
  std::promise<Result<int64_t>> opened;
  asio::post(io_, [this, &opened, &frame, max_buffered_bytes] {
    Result<int64_t> id = quic_->OpenStream();
    if (id.ok()) {
      {
        std::lock_guard lock(mu_);
        pending_[*id].max_buffered_bytes = max_buffered_bytes;
      }
      Status sent = quic_->Send(*id, frame, /*fin=*/true);
      if (!sent.ok()) id = sent;
      Flush();
    }
    opened.set_value(std::move(id));
  });
  std::future<Result<int64_t>> result = opened.get_future();
  if (!WaitForLoop(result)) return Unavailable("the QUIC connection was closed by this client");
  PALYRA_ASSIGN_OR_RETURN(int64_t stream_id, result.get());
  return std::unique_ptr<QuicResponseStream>(new QuicResponseStream(this, stream_id));
}

Result<std::optional<std::string>> QuicClient::NextFrame(int64_t stream_id,
                                                         std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  auto it = pending_.find(stream_id);
  if (it == pending_.end()) return FailedPrecondition("the stream was abandoned");
  Pending& p = it->second;
  if (!cv_.wait_for(lock, timeout,
                    [&] { return !p.frames.empty() || p.finished || !p.error.ok(); })) {
    return DeadlineExceeded("no frame within " + std::to_string(timeout.count()) + "ms");
  }
  if (!p.frames.empty()) {
    std::string frame = std::move(p.frames.front());
    p.frames.pop_front();
    p.buffered_bytes -= frame.size();
    return std::optional<std::string>(std::move(frame));
  }
  if (!p.error.ok()) return p.error;
  return std::optional<std::string>();
}

void QuicClient::Abandon(int64_t stream_id) {
  bool finished = false;
  {
    std::lock_guard lock(mu_);
    auto it = pending_.find(stream_id);
    if (it == pending_.end()) return;
    finished = it->second.finished;
    pending_.erase(it);
  }
  if (finished || !thread_.joinable()) return;
  asio::post(io_, [this, stream_id] {
    if (quic_ && !quic_->closed() && quic_->ShutdownStream(stream_id, 0).ok()) Flush();
  });
}

QuicResponseStream::~QuicResponseStream() { client_->Abandon(stream_id_); }

Result<std::optional<std::string>> QuicResponseStream::Next(std::chrono::milliseconds timeout) {
  return client_->NextFrame(stream_id_, timeout);
}

Result<std::vector<std::string>> QuicClient::Request(std::string_view payload,
                                                     std::chrono::milliseconds timeout,
                                                     size_t max_frames) {
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<QuicResponseStream> stream, OpenStream(payload));
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::vector<std::string> frames;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      return DeadlineExceeded("no complete answer within " + std::to_string(timeout.count()) +
                              "ms");
    }
    Result<std::optional<std::string>> next = stream->Next(left);
    if (!next.ok()) {
      if (next.status().code() == StatusCode::kDeadlineExceeded) {
        return DeadlineExceeded("no complete answer within " + std::to_string(timeout.count()) +
                                "ms");
      }
      return next.status();
    }
    if (!next->has_value()) return frames;
    if (frames.size() >= max_frames) {
      return ResourceExhausted("the answer has more than " + std::to_string(max_frames) +
                               " frames");
    }
    frames.push_back(std::move(**next));
  }
}

uint16_t QuicClient::local_port() const { return local_port_.load(); }

Status QuicClient::Rebind(AddressChange change) {
  std::promise<Status> done;
  asio::post(io_, [this, change, &done] {
    asio::ip::udp::socket moved(io_);
    asio::error_code ec;
    moved.open(server_.protocol(), ec);
    if (!ec) moved.connect(server_, ec);
    if (ec) return done.set_value(Unavailable("cannot open a new UDP socket: " + ec.message()));
    const DatagramPath path = PathOf(moved.local_endpoint(), server_);
    if (change == AddressChange::kNetworkSwitch) {
      if (Status s = quic_->MigrateTo(path, MonotonicNowNs()); !s.ok()) return done.set_value(s);
      quic_path_ = path;
    }
    // The old socket goes: its pending receive ends as aborted; nothing arrives there any more.
    asio::error_code ignored;
    socket_.close(ignored);
    socket_ = std::move(moved);
    ++socket_generation_;
    local_port_ = socket_.local_endpoint().port();
    Receive();
    Flush();
    done.set_value(Status::Ok());
  });
  std::future<Status> result = done.get_future();
  if (!WaitForLoop(result)) return Unavailable("the QUIC connection was closed by this client");
  return result.get();
}

}  // namespace palyra::transport::quic
