#include "node_host/run_loop.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>
#include <vector>

#include "common/endpoint_url.h"
#include "common/time.h"
#include "node_host/dispatch_pool.h"
#include "node_host/event_channel.h"
#include "node_host/gateway_client.h"
#include "node_host/pairing_bootstrap.h"
#include "node_host/quic_event_channel.h"
#include "node_protocol/server_name.h"
#include "transport/quic/fallback_policy.h"

namespace palyra::node_host {
namespace {

using Clock = std::chrono::steady_clock;
using node_protocol::NodeEvent;
using std::chrono::milliseconds;

constexpr milliseconds kStopCheckSlice{200};
constexpr milliseconds kRotationRetry{30'000};

std::string Dump(const nlohmann::json& json) {
  // Replace invalid UTF-8 rather than throw: a capability's text must never kill the host.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool MayMeanRefused(StatusCode code) {
  return code == StatusCode::kPermissionDenied || code == StatusCode::kUnauthenticated ||
         code == StatusCode::kUnavailable;
}

// One run: the session with the gateway (registration, the event channel and its transport,
// certificate rotation, reconnects). The work itself runs in the DispatchPool. Owned through a
// shared_ptr so that channel callbacks arriving after the run ended find it gone, not freed.
class HostRuntime : public std::enable_shared_from_this<HostRuntime> {
 public:
  HostRuntime(const RunLoopOptions& options, const std::atomic<bool>& stop)
      : options_(options), stop_(stop), store_(options.config.identity_store_dir) {}

  RunResult Run();

 private:
  // kReconnect: end the session and start the next at once (rotated, or QUIC is back).
  enum class SessionEnd { kStop, kLost, kReconnect, kRefused };

  Status Prepare();
  SessionEnd RunSession(GatewayClient& client, const ClientMaterial& material,
                        std::string* detail);
  bool ConfirmRefused(const ClientMaterial& material, std::string* detail);
  Status RotateCertificate(GatewayClient& client);
  bool SleepUnlessStopped(milliseconds duration);

  // Outgoing events: straight onto the current stream, or kept for the next one.
  void AttachChannel(NodeEventChannel* channel);
  // The event channel for a session: QUIC or gRPC as options_.transport says. Null when none
  // may be used (`end`, `detail` say why); `fell_back` when gRPC stands in for QUIC.
  std::unique_ptr<NodeEventChannel> OpenChannel(GatewayClient& client,
                                                const ClientMaterial& material, bool* fell_back,
                                                SessionEnd* end, std::string* detail);
  QuicChannelOptions QuicOptions(const ClientMaterial& material);
  void EndSession(const Status& status);
  void DetachChannel();
  void SendEvent(NodeEvent event, const std::string& payload, bool keep_if_unsent);
  // The handlers both channels report to.
  ChannelHandlers Handlers();
  void StartPool();
  RunResult Finish(RunOutcome outcome, std::string detail);

  void Touch() { last_activity_ms_.store(NowUnixMs()); }

  const RunLoopOptions options_;
  const std::atomic<bool>& stop_;
  HostMaterialStore store_;
  std::shared_ptr<DispatchPool> pool_;
  // What RegisterNode announces (every probe registers the same list, so a probe that
  // succeeds changes nothing at the gateway).
  std::vector<std::string> registered_capabilities_;
  HostFacts facts_;
  std::string target_;
  std::atomic<int64_t> last_activity_ms_{0};

  std::mutex out_mu_;
  NodeEventChannel* current_ = nullptr;
  std::deque<std::pair<NodeEvent, std::string>> unsent_;

  std::mutex session_mu_;
  std::condition_variable session_cv_;
  bool session_ended_ = false;
  Status session_status_;
  std::atomic<bool> rotation_requested_{false};  // the gateway said the certificate is due
};

Status HostRuntime::Prepare() {
  PALYRA_ASSIGN_OR_RETURN(target_, GrpcTargetOf(options_.config.grpc_url));
  PALYRA_ASSIGN_OR_RETURN(identity::DeviceIdentity identity,
                          store_.LoadIdentity(options_.config.device_id));
  facts_.device_id = options_.config.device_id;
  facts_.grpc_url = options_.config.grpc_url;
  facts_.poll_interval_ms = options_.config.poll_interval_ms;
  facts_.identity_fingerprint = identity.FingerprintHex();
  facts_.paired_at_unix_ms = options_.config.paired_at_unix_ms;
  facts_.node_host_dir = options_.paths.dir;
  facts_.platform = HostPlatform();
  return Status::Ok();
}

bool HostRuntime::SleepUnlessStopped(milliseconds duration) {
  const auto until = Clock::now() + duration;
  while (!stop_.load()) {
    const auto now = Clock::now();
    if (now >= until) return true;
    std::this_thread::sleep_for(std::min<Clock::duration>(kStopCheckSlice, until - now));
  }
  return false;
}

void HostRuntime::AttachChannel(NodeEventChannel* channel) {
  std::lock_guard lock(out_mu_);
  current_ = channel;
  while (!unsent_.empty()) {
    auto& [event, payload] = unsent_.front();
    if (!current_->Send(event, payload)) break;
    spdlog::info("sent a result kept while disconnected ({})", node_protocol::EventName(event));
    unsent_.pop_front();
  }
}

void HostRuntime::DetachChannel() {
  std::lock_guard lock(out_mu_);
  current_ = nullptr;
}

void HostRuntime::SendEvent(NodeEvent event, const std::string& payload, bool keep_if_unsent) {
  std::lock_guard lock(out_mu_);
  if (current_ != nullptr && current_->Send(event, payload)) {
    Touch();
    return;
  }
  if (keep_if_unsent) unsent_.emplace_back(event, payload);
}

void HostRuntime::StartPool() {
  DispatchPoolOptions pool;
  pool.workers = options_.config.max_concurrent_dispatches;
  pool.facts = facts_;
  pool.policy = options_.config.mediation;
  pool.prompt = options_.prompt;
  // A worker left running after the stop grace may send after the run ended: then it is gone.
  std::weak_ptr<HostRuntime> weak = weak_from_this();
  pool.send = [weak](NodeEvent event, const std::string& payload, bool keep_if_unsent) {
    if (auto self = weak.lock()) self->SendEvent(event, payload, keep_if_unsent);
  };
  pool_ = DispatchPool::Create(std::move(pool));
  for (const auto& capability : pool_->capabilities()) {
    registered_capabilities_.emplace_back(capability->name());
  }
}

ChannelHandlers HostRuntime::Handlers() {
  ChannelHandlers handlers;
  std::weak_ptr<HostRuntime> weak = weak_from_this();
  handlers.on_dispatch = [weak](node_protocol::CapabilityDispatchPayload dispatch) {
    if (auto self = weak.lock()) self->pool_->Submit(std::move(dispatch));
  };
  handlers.on_rotation_due = [weak] {
    if (auto self = weak.lock()) self->rotation_requested_ = true;
  };
  handlers.on_activity = [weak] {
    if (auto self = weak.lock()) self->Touch();
  };
  handlers.on_end = [weak](const Status& status) {
    if (auto self = weak.lock()) self->EndSession(status);
  };
  return handlers;
}

Status HostRuntime::RotateCertificate(GatewayClient& client) {
  const std::string& device_id = options_.config.device_id;
  PALYRA_ASSIGN_OR_RETURN(KeyAndCsr key, GenerateKeyAndCsr(device_id));
  PALYRA_ASSIGN_OR_RETURN(GatewayClient::RotatedCertificate rotated,
                          client.Rotate(device_id, key.csr_pem));
  ClientMaterial material;
  material.certificate_pem = std::move(rotated.certificate_pem);
  material.private_key_pem = std::move(key.private_key_pem);
  material.cert_expires_at_unix_ms = rotated.expires_at_unix_ms;
  return store_.SaveClient(device_id, material);
}

HostRuntime::SessionEnd HostRuntime::RunSession(GatewayClient& client,
                                                const ClientMaterial& material,
                                                std::string* detail) {
  {
    std::lock_guard lock(session_mu_);
    session_ended_ = false;
  }
  bool fell_back = false;
  SessionEnd refused_end = SessionEnd::kLost;
  std::unique_ptr<NodeEventChannel> channel_owner =
      OpenChannel(client, material, &fell_back, &refused_end, detail);
  if (!channel_owner) return refused_end;
  NodeEventChannel& channel = *channel_owner;
  auto next_quic_try = Clock::now() + options_.quic_retry_interval;
  nlohmann::json started = {{"device_id", options_.config.device_id},
                            {"platform", facts_.platform},
                            {"capabilities", CapabilitySummary(pool_->capabilities())},
                            {"started_at_unix_ms", NowUnixMs()}};
  channel.Send(NodeEvent::kStarted, Dump(started));
  Touch();
  AttachChannel(&channel);
  spdlog::info("event channel open over {}", channel.transport());

  const int64_t rotate_at = RotationDueAtUnixMs(material.cert_not_before_unix_ms,
                                                material.cert_expires_at_unix_ms,
                                                options_.rotation_threshold);
  int64_t next_rotation_attempt = rotate_at;
  const milliseconds poll(options_.config.poll_interval_ms);
  for (;;) {
    {
      std::unique_lock lock(session_mu_);
      session_cv_.wait_for(lock, std::min(poll, kStopCheckSlice),
                           [this] { return session_ended_ || stop_.load(); });
      if (session_ended_) {
        DetachChannel();
        const Status status = session_status_;
        *detail = std::string(channel.transport()) + " " + status.ToString();
        const StatusCode code = status.code();
        return code == StatusCode::kPermissionDenied || code == StatusCode::kUnauthenticated
                   ? SessionEnd::kRefused
                   : SessionEnd::kLost;
      }
    }
    if (stop_.load()) {
      nlohmann::json stopping = {{"device_id", options_.config.device_id},
                                 {"stopped_at_unix_ms", NowUnixMs()},
                                 {"reason", "signal"}};
      SendEvent(NodeEvent::kStopping, Dump(stopping), false);
      const bool drained = pool_->Drain(options_.stop_grace);
      DetachChannel();
      channel.Close(milliseconds(2000));
      *detail = drained ? "stopped" : "stopped (work still running was reported failed)";
      return SessionEnd::kStop;
    }
    const int64_t now = NowUnixMs();
    if (rotation_requested_.exchange(false)) next_rotation_attempt = now;
    if (fell_back && Clock::now() >= next_quic_try) {
      next_quic_try = Clock::now() + options_.quic_retry_interval;
      if (QuicEventChannel::Probe(QuicOptions(material))) {
        spdlog::info("QUIC answers again; moving the event channel back to it");
        DetachChannel();
        channel.Close(milliseconds(1000));
        *detail = "QUIC is reachable again";
        return SessionEnd::kReconnect;
      }
    }
    if (now >= next_rotation_attempt) {
      spdlog::info("the client certificate expires at {}; rotating it",
                   FormatRfc3339Ms(material.cert_expires_at_unix_ms));
      Status rotated = RotateCertificate(client);
      if (rotated.ok()) {
        spdlog::info("certificate rotated; reconnecting with the new one");
        DetachChannel();
        channel.Close(milliseconds(1000));
        *detail = "certificate rotated";
        return SessionEnd::kReconnect;
      }
      spdlog::warn("certificate rotation failed ({}); retrying in {} s", rotated.ToString(),
                   kRotationRetry.count() / 1000);
      next_rotation_attempt = now + kRotationRetry.count();
    }
    if (now - last_activity_ms_.load() >= options_.config.poll_interval_ms) {
      nlohmann::json heartbeat = {{"device_id", options_.config.device_id},
                                  {"heartbeat_at_unix_ms", now}};
      SendEvent(NodeEvent::kHeartbeat, Dump(heartbeat), false);
      Touch();
    }
  }
}

void HostRuntime::EndSession(const Status& status) {
  std::lock_guard lock(session_mu_);
  session_ended_ = true;
  session_status_ = status;
  session_cv_.notify_all();
}

QuicChannelOptions HostRuntime::QuicOptions(const ClientMaterial& material) {
  QuicChannelOptions quic;
  auto endpoint = ParseEndpointUrl(options_.config.grpc_url, "grpc_url");
  // The node listener's certificate, which QUIC presents too, is checked by its name, as the
  // gRPC channel checks it.
  quic.server_name = std::string(node_protocol::kNodeServerName);
  quic.host = !options_.quic_host.empty() ? options_.quic_host
                                          : (endpoint.ok() ? endpoint->host : std::string());
  quic.port = options_.quic_port != 0 ? options_.quic_port
                                      : static_cast<uint16_t>(endpoint.ok() ? endpoint->port : 0);
  quic.ca_pem = options_.ca_pem;
  quic.certificate_pem = material.certificate_pem;
  quic.private_key_pem = std::string(material.private_key_pem.view());
  quic.handshake_timeout = options_.transport == NodeTransport::kAuto
                               ? options_.quic_handshake_timeout
                               : milliseconds(transport::quic::kHandshakeTimeoutMs);
  quic.resume_file = options_.paths.quic_resume_point();
  quic.handlers = Handlers();
  return quic;
}

std::unique_ptr<NodeEventChannel> HostRuntime::OpenChannel(GatewayClient& client,
                                                           const ClientMaterial& material,
                                                           bool* fell_back, SessionEnd* end,
                                                           std::string* detail) {
  if (options_.transport != NodeTransport::kGrpc) {
    QuicChannelFailure failure;
    QuicChannelOptions quic = QuicOptions(material);
    const std::string where = quic.host + ":" + std::to_string(quic.port);
    if (auto channel = QuicEventChannel::Open(std::move(quic), &failure)) return channel;
    const transport::quic::FallbackDecision decision = transport::quic::DecideFallback(
        options_.transport == NodeTransport::kAuto ? transport::quic::FallbackPolicy::kAllowExplicit
                                                   : transport::quic::FallbackPolicy::kDisabled,
        /*privileged_path=*/false, failure.kind, failure.status.message());
    if (!decision.fall_back) {
      *detail = "QUIC event channel to " + where + ": " + failure.status.ToString() + " (" +
                decision.reason + ")";
      // A refused handshake may mean this device was revoked: the caller checks.
      *end = failure.kind == transport::quic::ConnectFailure::kTls ? SessionEnd::kRefused
                                                                    : SessionEnd::kLost;
      return nullptr;
    }
    spdlog::warn("QUIC at {} is unreachable ({}); falling back to gRPC for the event channel, "
                 "trying QUIC again every {} s",
                 where, decision.reason, options_.quic_retry_interval.count() / 1000);
    *fell_back = true;
  }
  return std::make_unique<EventChannel>(client, options_.config.device_id, Handlers());
}

bool HostRuntime::ConfirmRefused(const ClientMaterial& material, std::string* detail) {
  // Is the gateway there at all? A certificate-less call gets an answer (UNAUTHENTICATED, or OK
  // in insecure mode) from a live gateway, and UNAVAILABLE when it is down or unreachable.
  auto probe = GatewayClient::Connect(target_, options_.ca_pem, nullptr);
  if (!probe.ok()) return false;
  auto reached = (*probe)->Register(options_.config.device_id, registered_capabilities_);
  if (!reached.ok() && (reached.status().code() == StatusCode::kUnavailable ||
                        reached.status().code() == StatusCode::kDeadlineExceeded)) {
    return false;
  }
  // The gateway answers. Try our certificate once more, so that a restart racing with the
  // first attempt is not mistaken for a refusal.
  auto again = GatewayClient::Connect(target_, options_.ca_pem, &material);
  if (!again.ok()) return false;
  auto retried = (*again)->Register(options_.config.device_id, registered_capabilities_);
  if (retried.ok() || !MayMeanRefused(retried.status().code())) return false;
  *detail = "the gateway refuses this device's certificate (" + retried.status().ToString() +
            "): the device was revoked, its certificate was rotated elsewhere, or it expired; "
            "pair again with `palyra node install`";
  return true;
}

RunResult HostRuntime::Finish(RunOutcome outcome, std::string detail) {
  // Stopping drains with the grace; any other end fails the work in flight at once.
  pool_->Drain(outcome == RunOutcome::kStopped ? options_.stop_grace : milliseconds(0));
  RunResult result;
  result.abandoned_work = pool_->Shutdown();
  result.outcome = outcome;
  result.detail = std::move(detail);
  return result;
}

RunResult HostRuntime::Run() {
  RunResult result;
  if (Status prepared = Prepare(); !prepared.ok()) {
    result.outcome = RunOutcome::kFailed;
    result.detail = prepared.ToString();
    return result;
  }
  StartPool();

  std::mt19937_64 rng(std::random_device{}());
  milliseconds backoff = options_.initial_backoff;
  int registrations = 0;
  int failures_in_a_row = 0;
  auto lost_since = Clock::now();
  auto finish = [this](RunOutcome outcome, std::string detail) {
    return Finish(outcome, std::move(detail));
  };

  while (!stop_.load()) {
    auto material = store_.LoadClient(options_.config.device_id);
    if (!material.ok()) {
      return finish(RunOutcome::kFailed,
                    "cannot load the client certificate: " + material.status().ToString());
    }
    std::string detail;
    bool maybe_refused = false;
    auto client = GatewayClient::Connect(target_, options_.ca_pem, &*material);
    if (!client.ok()) return finish(RunOutcome::kFailed, client.status().ToString());
    auto registered_reply = (*client)->Register(options_.config.device_id, registered_capabilities_);
    if (registered_reply.ok() && registered_reply->accepted) {
      ++registrations;
      if (registrations == 1) {
        spdlog::info("registered with the gateway at {} as device {}", options_.config.grpc_url,
                     options_.config.device_id);
      } else if (failures_in_a_row > 0) {
        const auto down = std::chrono::duration_cast<milliseconds>(Clock::now() - lost_since);
        spdlog::info("reconnected and registered again after {} attempt(s), {} ms without a "
                     "connection",
                     failures_in_a_row, down.count());
      } else {
        spdlog::info("registered again with the gateway");
      }
      failures_in_a_row = 0;
      backoff = options_.initial_backoff;
      if (options_.on_registered) options_.on_registered(registrations);
      SessionEnd end = RunSession(**client, *material, &detail);
      if (end == SessionEnd::kStop) return finish(RunOutcome::kStopped, detail);
      if (end == SessionEnd::kReconnect) continue;
      lost_since = Clock::now();
      maybe_refused = end == SessionEnd::kRefused;
      spdlog::warn("the event stream ended ({})", detail);
    } else if (registered_reply.ok()) {
      detail = "RegisterNode was not accepted: " + registered_reply->reason;
    } else {
      detail = registered_reply.status().ToString();
      maybe_refused = MayMeanRefused(registered_reply.status().code());
    }
    if (failures_in_a_row == 0) lost_since = Clock::now();
    ++failures_in_a_row;
    std::string refused_detail;
    if (maybe_refused && ConfirmRefused(*material, &refused_detail)) {
      return finish(RunOutcome::kRevoked, refused_detail);
    }
    // Equal jitter: half the backoff fixed, half random, so a fleet does not reconnect in step.
    const auto half = backoff.count() / 2;
    const milliseconds delay(half + static_cast<int64_t>(rng() % static_cast<uint64_t>(half + 1)));
    spdlog::warn("cannot reach the gateway ({}); retrying in {} ms", detail, delay.count());
    if (!SleepUnlessStopped(delay)) break;
    backoff = std::min(backoff * 2, options_.max_backoff);
  }
  return finish(RunOutcome::kStopped, "stopped");
}

}  // namespace

int64_t RotationDueAtUnixMs(int64_t not_before_ms, int64_t not_after_ms,
                            std::chrono::milliseconds threshold) {
  const int64_t lifetime = std::max<int64_t>(0, not_after_ms - not_before_ms);
  return not_after_ms - std::min<int64_t>(threshold.count(), lifetime / 2);
}

RunResult RunNodeHost(const RunLoopOptions& options, const std::atomic<bool>& stop) {
  auto runtime = std::make_shared<HostRuntime>(options, stop);
  return runtime->Run();
}

}  // namespace palyra::node_host
