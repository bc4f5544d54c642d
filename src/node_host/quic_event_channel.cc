#include "node_host/quic_event_channel.h"

#include <asio.hpp>
#include <spdlog/spdlog.h>

#include "common/files.h"
#include "common/time.h"
#include "node_protocol/quic_messages.h"

namespace palyra::node_host {

namespace {

using namespace std::chrono_literals;
using node_protocol::GatewayEvent;
using node_protocol::NodeEvent;
using node_protocol::NodeResponse;
using node_protocol::ResponseKind;
using transport::quic::ConnectFailure;

constexpr auto kRequestTimeout = 10s;
constexpr auto kReadSlice = 500ms;
constexpr auto kResumeSaveInterval = 1s;
constexpr size_t kMaxResumeFileBytes = 64;

// The classification the fallback policy needs, from QuicClient::Connect's error.
ConnectFailure KindOf(const Status& status) {
  if (status.code() == StatusCode::kDeadlineExceeded) return ConnectFailure::kHandshakeTimeout;
  if (status.code() == StatusCode::kInvalidArgument) return ConnectFailure::kConfiguration;
  if (status.message().find("cannot reach") != std::string::npos) {
    return ConnectFailure::kUnreachable;
  }
  return ConnectFailure::kTls;  // the server answered and the handshake failed
}

Result<std::string> ResolveIp(const std::string& host) {
  asio::error_code ec;
  (void)asio::ip::make_address(host, ec);
  if (!ec) return host;
  asio::io_context io;
  asio::ip::udp::resolver resolver(io);
  auto results = resolver.resolve(host, "", ec);
  if (ec || results.empty()) {
    return Unavailable("cannot resolve " + host + ": " + (ec ? ec.message() : "no address"));
  }
  return results.begin()->endpoint().address().to_string();
}

Result<std::unique_ptr<transport::quic::QuicClient>> ConnectTo(const QuicChannelOptions& options,
                                                               QuicChannelFailure* failure) {
  auto fail = [&](Status status, ConnectFailure kind) {
    if (failure != nullptr) *failure = {status, kind};
    return status;
  };
  transport::quic::ClientTlsOptions tls;
  tls.ca_pem = options.ca_pem;
  tls.server_name = options.server_name;
  tls.client_certificate_chain_pem = options.certificate_pem;
  tls.client_private_key_pem = options.private_key_pem;
  auto credentials = transport::quic::ClientTlsCredentials::Create(tls);
  if (!credentials.ok()) return fail(credentials.status(), ConnectFailure::kConfiguration);
  auto ip = ResolveIp(options.host);
  if (!ip.ok()) return fail(ip.status(), ConnectFailure::kUnreachable);
  auto client =
      transport::quic::QuicClient::Connect(*ip, options.port, *credentials, options.handshake_timeout);
  if (!client.ok()) return fail(client.status(), KindOf(client.status()));
  return client;
}

}  // namespace

uint64_t ReadResumePoint(const std::filesystem::path& file) {
  auto text = ReadFileBounded(file, kMaxResumeFileBytes);
  if (!text.ok()) return 0;
  try {
    return std::stoull(*text);
  } catch (...) {
    return 0;
  }
}

std::unique_ptr<QuicEventChannel> QuicEventChannel::Open(QuicChannelOptions options,
                                                         QuicChannelFailure* failure) {
  auto client = ConnectTo(options, failure);
  if (!client.ok()) return nullptr;
  std::unique_ptr<QuicEventChannel> channel(new QuicEventChannel(std::move(options)));
  channel->client_ = std::move(*client);
  const uint64_t after = ReadResumePoint(channel->options_.resume_file);
  channel->after_ = after;
  channel->saved_after_ = after;
  channel->saved_at_ = std::chrono::steady_clock::now();
  // Node events are numbered from the wall clock in microseconds, so numbers keep increasing
  // across restarts of the host without a file for them.
  channel->publish_seq_ = static_cast<uint64_t>(NowUnixMs()) * 1000;
  channel->reader_ = std::thread([c = channel.get()] { c->ReadLoop(); });
  return channel;
}

QuicEventChannel::~QuicEventChannel() { Close(0ms); }

void QuicEventChannel::Close(std::chrono::milliseconds /*grace*/) {
  if (closing_.exchange(true)) return;
  // Requests are answered synchronously, so nothing is left to wait for; the reader stops at
  // its next slice.
  if (reader_.joinable()) reader_.join();
  SaveResumePoint(/*force=*/true);
  if (client_) client_->Close();
}

bool QuicEventChannel::Probe(const QuicChannelOptions& options) {
  auto client = ConnectTo(options, nullptr);
  if (!client.ok()) return false;
  auto health = (*client)->Request(node_protocol::HealthRequest(), 3s);
  if (!health.ok() || health->size() != 1) return false;
  auto answer = node_protocol::ParseNodeResponse(health->front());
  return answer.ok() && answer->kind == node_protocol::ResponseKind::kHealth && answer->ok;
}

void QuicEventChannel::SaveResumePoint(bool force) {
  const uint64_t after = after_.load();
  const auto now = std::chrono::steady_clock::now();
  if (after == saved_after_ || (!force && now - saved_at_ < kResumeSaveInterval)) return;
  if (Status saved = WriteFileAtomic(options_.resume_file, std::to_string(after)); !saved.ok()) {
    spdlog::warn("cannot save the QUIC event resume point: {}", saved.ToString());
    return;
  }
  saved_after_ = after;
  saved_at_ = now;
}

QuicEventChannel::FrameOutcome QuicEventChannel::OnFrame(const std::string& frame,
                                                         std::string* refusal) {
  const ChannelHandlers& handlers = options_.handlers;
  if (handlers.on_activity) handlers.on_activity();
  Result<NodeResponse> parsed = node_protocol::ParseNodeResponse(frame);
  if (!parsed.ok()) {
    spdlog::warn("ignored an event frame: {}", parsed.status().message());
    return FrameOutcome::kHandled;
  }
  const NodeResponse& response = *parsed;
  if (response.kind == ResponseKind::kHeartbeat) return FrameOutcome::kHandled;
  if (response.kind == ResponseKind::kError) {
    const bool resync = response.error == node_protocol::kErrorResumeTooOld ||
                        response.error == node_protocol::kErrorResumeAhead;
    if (resync && response.seq) {
      spdlog::warn("the gateway's event log cannot resume after {} ({}); resyncing from its "
                   "head {} (work still due is dispatched again)",
                   after_.load(), response.error, *response.seq);
      after_ = *response.seq;
      SaveResumePoint(/*force=*/true);
      return FrameOutcome::kResync;
    }
    *refusal = "the gateway refused the event stream: " + response.error.substr(0, 64);
    return FrameOutcome::kRefused;
  }
  if (response.kind != ResponseKind::kEvent || !response.seq) {
    spdlog::warn("ignored an event frame that is not an event");
    return FrameOutcome::kHandled;
  }
  const uint64_t seq = *response.seq;
  if (seq <= after_.load()) return FrameOutcome::kHandled;  // already handled
  const std::optional<GatewayEvent> event = node_protocol::ParseGatewayEvent(response.event);
  if (event == GatewayEvent::kCapabilityDispatch) {
    auto dispatch = node_protocol::ParseCapabilityDispatchValue(response.payload);
    if (!dispatch.ok()) {
      spdlog::warn("ignored a dispatch event (seq {}): {}", seq, dispatch.status().message());
    } else if (handlers.on_dispatch) {
      // Saved before the work starts: a host that crashes while running it does not run it
      // again from the log (the gateway dispatches work it never got an answer for again).
      after_ = seq;
      SaveResumePoint(/*force=*/true);
      handlers.on_dispatch(std::move(*dispatch));
    }
  } else if (event == GatewayEvent::kCertificateRotationDue) {
    spdlog::info("the gateway says the client certificate is due for rotation");
    if (handlers.on_rotation_due) handlers.on_rotation_due();
  } else if (event == GatewayEvent::kDaemonShutdown) {
    spdlog::info("the gateway is shutting down");
  } else {
    spdlog::debug("event {} (seq {}) needs nothing from this host", response.event.substr(0, 64),
                  seq);
  }
  after_ = seq;
  SaveResumePoint(/*force=*/false);
  return FrameOutcome::kHandled;
}

void QuicEventChannel::ReadLoop() {
  Status ended;
  while (!closing_.load() && ended.ok()) {
    auto stream = client_->OpenStream(node_protocol::StreamEventsRequest(after_.load()));
    if (!stream.ok()) {
      ended = stream.status();
      break;
    }
    FrameOutcome outcome = FrameOutcome::kHandled;
    while (!closing_.load() && outcome == FrameOutcome::kHandled) {
      auto frame = (*stream)->Next(kReadSlice);
      if (!frame.ok()) {
        if (frame.status().code() == StatusCode::kDeadlineExceeded) continue;
        ended = frame.status();
        break;
      }
      if (!frame->has_value()) {
        ended = Unavailable("the gateway ended the event stream");
        break;
      }
      std::string refusal;
      outcome = OnFrame(**frame, &refusal);
      if (outcome == FrameOutcome::kRefused) ended = Unavailable(refusal);
    }
  }
  SaveResumePoint(/*force=*/true);
  if (!closing_.load() && options_.handlers.on_end) options_.handlers.on_end(ended);
}

bool QuicEventChannel::Send(node_protocol::NodeEvent event, const std::string& payload_json) {
  if (closing_.load()) return false;
  std::string request;
  if (event == NodeEvent::kCapabilityResult) {
    request = node_protocol::CapabilityResultRequest(payload_json);
  } else {
    std::lock_guard lock(send_mu_);
    node_protocol::PublishedNodeEvent published;
    published.seq = ++publish_seq_;
    published.name = std::string(node_protocol::EventName(event));
    published.payload_json = payload_json;
    request = node_protocol::PublishEventsRequest({published});
  }
  const std::string_view event_name = node_protocol::EventName(event);
  auto answer = client_->Request(request, kRequestTimeout);
  if (!answer.ok()) {
    spdlog::warn("sending {} over QUIC failed: {}", event_name, answer.status().ToString());
    // A gateway that stopped answering is treated as gone: closing the connection ends the
    // event stream too, and the session reconnects (maybe elsewhere) instead of idling on.
    if (answer.status().code() == StatusCode::kDeadlineExceeded) client_->Close();
    return false;
  }
  auto ack = answer->size() == 1 ? node_protocol::ParseNodeResponse(answer->front())
                                  : Result<NodeResponse>(Unavailable("no single answer"));
  if (!ack.ok() || ack->kind != ResponseKind::kAck) {
    // The gateway refused the content (it will not take it on a retry either).
    spdlog::warn("the gateway did not accept {}: {}", event_name,
                 answer->empty() ? std::string("(no answer)") : answer->front().substr(0, 200));
  } else if (ack->accepted == false) {
    spdlog::warn("the gateway ignored {}: {}", event_name, ack->reason.substr(0, 200));
  }
  return true;
}

}  // namespace palyra::node_host
