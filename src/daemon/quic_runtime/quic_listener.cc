#include "daemon/quic_runtime/quic_listener.h"

#include <spdlog/spdlog.h>

#include "common/files.h"
#include "node_protocol/event_catalogue.h"

namespace palyra::daemon::quic_runtime {

// The wire messages this listener speaks.
using namespace node_protocol;

namespace {
constexpr size_t kMaxIdentityFileBytes = 256 * 1024;

void Answer(transport::quic::QuicStreamWriter& writer, const std::string& frame) {
  writer.Write(frame);
  writer.Finish();
}

// The wire error for the runtime's refusal of a node event.
std::string_view WireErrorFor(const Status& status) {
  if (status.code() == StatusCode::kPermissionDenied) return kErrorPermissionDenied;
  if (status.code() == StatusCode::kInvalidArgument) return kErrorInvalidRequest;
  return kErrorStreamFailure;
}
}  // namespace

QuicListener::QuicListener(QuicListenerOptions options)
    : options_(std::move(options)), health_response_(HealthResponse(options_.mtls_required)) {}

Result<std::shared_ptr<const transport::quic::ServerTlsCredentials>> QuicListener::LoadCredentials(
    const QuicListenerOptions& options) {
  PALYRA_ASSIGN_OR_RETURN(std::string identity,
                          ReadFileBounded(options.server_identity_file, kMaxIdentityFileBytes));
  transport::quic::ServerTlsOptions tls;
  // The identity file holds the chain and the key; GnuTLS takes the certificates and the key
  // out of the same PEM.
  tls.certificate_chain_pem = identity;
  tls.private_key_pem = identity;
  tls.client_ca_pem = options.client_ca_pem;
  tls.require_client_certificate = options.mtls_required;
  tls.is_revoked = options.is_revoked;
  auto credentials = transport::quic::ServerTlsCredentials::Create(tls);
  if (!credentials.ok()) return credentials.status().WithContext("QUIC listener TLS");
  return *credentials;
}

Status QuicListener::ReloadServerIdentity() {
  PALYRA_ASSIGN_OR_RETURN(auto credentials, LoadCredentials(options_));
  server_->SetTlsCredentials(std::move(credentials));
  return Status::Ok();
}

QuicListener::~QuicListener() { Stop(); }

Result<std::unique_ptr<QuicListener>> QuicListener::Start(QuicListenerOptions options) {
  if (options.port < 0 || options.port > 65535) return InvalidArgument("QUIC port out of range");
  if (options.events == nullptr) return InvalidArgument("QUIC listener: an event log is required");
  if (options.heartbeat_interval_ms <= 0) {
    return InvalidArgument("QUIC listener: the heartbeat interval must be positive");
  }
  PALYRA_ASSIGN_OR_RETURN(auto credentials, LoadCredentials(options));
  std::unique_ptr<QuicListener> listener(new QuicListener(std::move(options)));
  const QuicListenerOptions& opts = listener->options_;
  EventStreamsOptions streams;
  streams.events = opts.events;
  streams.heartbeat_interval_ms = opts.heartbeat_interval_ms;
  streams.on_device_listening = opts.on_device_listening;
  streams.on_device_gone = opts.on_device_gone;
  listener->streams_ = std::make_unique<EventStreams>(std::move(streams));
  listener->extension_work_ =
      std::make_unique<WorkQueue>(kExtensionWorkers, kMaxQueuedExtensionRequests);

  transport::quic::QuicServerOptions server;
  server.bind_addr = opts.bind_addr;
  server.port = static_cast<uint16_t>(opts.port);
  server.tls = credentials;
  server.max_connections = opts.max_connections;
  server.on_request = [l = listener.get()](transport::quic::QuicRequest request,
                                           std::shared_ptr<transport::quic::QuicStreamWriter> w) {
    l->Handle(std::move(request), std::move(w));
  };
  PALYRA_ASSIGN_OR_RETURN(listener->server_, transport::quic::QuicServer::Start(std::move(server)));
  return listener;
}

void QuicListener::Stop() {
  // Streams first: their last frames (a shutdown notice) go out before the connections close.
  if (streams_) streams_->Stop();
  if (extension_work_) extension_work_->Stop();
  if (server_) server_->Stop();
}

QuicListenerStats QuicListener::Stats() {
  QuicListenerStats stats;
  stats.transport = server_->Stats();
  stats.streams = streams_->Stats();
  std::lock_guard lock(published_mu_);
  stats.node_events_applied = applied_;
  stats.node_events_duplicate = duplicates_;
  stats.requests = requests_;
  return stats;
}

void QuicListener::CloseRevokedConnections() {
  if (!options_.is_revoked) return;
  server_->CloseConnectionsWhere(options_.is_revoked, kAppErrorUnauthorized, "certificate revoked");
}

std::string QuicListener::bound_address() const {
  const std::string& host = options_.bind_addr;
  const bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port());
}

void QuicListener::Count(std::string_view what) {
  std::lock_guard lock(published_mu_);
  ++requests_[std::string(what)];
}

std::string QuicListener::Refusal(std::string_view error) {
  Count("error." + std::string(error));
  return ErrorResponse(error);
}

std::optional<std::string> QuicListener::DeviceOf(const std::string& fingerprint) const {
  if (fingerprint.empty() || !options_.device_for) return std::nullopt;
  return options_.device_for(fingerprint);
}

void QuicListener::Handle(transport::quic::QuicRequest request,
                          std::shared_ptr<transport::quic::QuicStreamWriter> writer) {
  if (!request.framing.ok()) {
    spdlog::debug("QUIC: unreadable request: {}", request.framing.message());
    return Answer(*writer, Refusal(kErrorStreamFailure));
  }
  ParsedNodeRequest parsed = ParseNodeRequest(request.payload);
  if (!parsed.request) {
    spdlog::debug("QUIC: refused request: {}", parsed.detail);
    return Answer(*writer, Refusal(parsed.error));
  }
  const NodeMethod method = parsed.request->method;
  Count(MethodName(method));
  if (method == NodeMethod::kHealth) return Answer(*writer, health_response_);
  const bool extension =
      method == NodeMethod::kPublishEvents || method == NodeMethod::kCapabilityResult;
  if (extension && !options_.apply_node_event) {
    return Answer(*writer, Refusal(kErrorUnsupportedMethod));
  }
  // The rest is about the device this certificate is bound to (a fingerprint -> device lookup
  // is a cached read).
  std::optional<std::string> device = DeviceOf(request.peer_fingerprint);
  if (!device) return Answer(*writer, Refusal(kErrorStreamFailure));
  if (method == NodeMethod::kStreamEvents) {
    streams_->Open(std::move(*device), parsed.request->resume_from, std::move(writer));
    return;
  }
  auto task = [this, device = std::move(*device), request = std::move(*parsed.request), writer] {
    Answer(*writer, request.method == NodeMethod::kPublishEvents
                        ? PublishEvents(device, request)
                        : CapabilityResult(device, request));
  };
  if (!extension_work_->Post(std::move(task))) Answer(*writer, Refusal(kErrorBusy));
}

std::string QuicListener::PublishEvents(const std::string& device_id, const NodeRequest& request) {
  uint64_t through = 0;
  {
    std::lock_guard lock(published_mu_);
    through = published_through_[device_id];
  }
  for (const PublishedNodeEvent& event : request.events) {
    if (event.seq <= through) {
      std::lock_guard lock(published_mu_);
      ++duplicates_;
      continue;
    }
    Result<node_runtime::NodeEventOutcome> outcome =
        options_.apply_node_event(device_id, event.name, event.payload_json);
    if (!outcome.ok()) {
      spdlog::info("QUIC: node event {} of device {} refused: {}", event.name, device_id,
                   outcome.status().message());
      // Events before it stay applied; the node learns where it stopped from the error.
      return Refusal(WireErrorFor(outcome.status()));
    }
    through = event.seq;
    std::lock_guard lock(published_mu_);
    uint64_t& stored = published_through_[device_id];
    stored = std::max(stored, through);
    ++applied_;
  }
  return PublishAckResponse(through);
}

std::string QuicListener::CapabilityResult(const std::string& device_id,
                                           const NodeRequest& request) {
  Result<node_runtime::NodeEventOutcome> outcome =
      options_.apply_node_event(device_id, node_protocol::EventName(node_protocol::NodeEvent::kCapabilityResult),
                                request.result_json);
  if (!outcome.ok()) {
    spdlog::info("QUIC: capability result of device {} refused: {}", device_id,
                 outcome.status().message());
    return Refusal(WireErrorFor(outcome.status()));
  }
  {
    std::lock_guard lock(published_mu_);
    ++applied_;
  }
  return ResultAckResponse(outcome->accepted, outcome->reason);
}

}  // namespace palyra::daemon::quic_runtime
