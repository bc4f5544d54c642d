#include "daemon/quic_runtime/quic_listener.h"

#include <spdlog/spdlog.h>

#include "common/files.h"
#include "daemon/quic_runtime/node_messages.h"

namespace palyra::daemon::quic_runtime {

namespace {
constexpr size_t kMaxIdentityFileBytes = 256 * 1024;
}  // namespace

Result<std::unique_ptr<QuicListener>> QuicListener::Start(QuicListenerOptions options) {
  if (options.port < 0 || options.port > 65535) return InvalidArgument("QUIC port out of range");
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

  std::unique_ptr<QuicListener> listener(new QuicListener(std::move(options)));
  transport::quic::QuicServerOptions server;
  server.bind_addr = listener->options_.bind_addr;
  server.port = static_cast<uint16_t>(listener->options_.port);
  server.tls = *credentials;
  server.max_connections = listener->options_.max_connections;
  server.on_request = [l = listener.get()](transport::quic::QuicRequest request,
                                           std::shared_ptr<transport::quic::QuicStreamWriter> w) {
    l->Handle(std::move(request), std::move(w));
  };
  PALYRA_ASSIGN_OR_RETURN(listener->server_, transport::quic::QuicServer::Start(std::move(server)));
  return listener;
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

void QuicListener::Handle(transport::quic::QuicRequest request,
                          std::shared_ptr<transport::quic::QuicStreamWriter> writer) {
  auto answer = [&](const std::string& frame) {
    writer->Write(frame);
    writer->Finish();
  };
  if (!request.framing.ok()) {
    spdlog::debug("QUIC: unreadable request: {}", request.framing.message());
    return answer(ErrorResponse(kErrorStreamFailure));
  }
  ParsedNodeRequest parsed = ParseNodeRequest(request.payload);
  if (!parsed.request) {
    spdlog::debug("QUIC: refused request: {}", parsed.detail);
    return answer(ErrorResponse(parsed.error));
  }
  if (parsed.request->method == NodeMethod::kHealth) {
    return answer(HealthResponse(options_.mtls_required));
  }
  // node.stream_events: the log of the device this certificate is bound to.
  std::optional<std::string> device;
  if (!request.peer_fingerprint.empty() && options_.device_for) {
    device = options_.device_for(request.peer_fingerprint);
  }
  if (!device || options_.events == nullptr) return answer(ErrorResponse(kErrorStreamFailure));
  uint64_t after = parsed.request->resume_from;
  while (true) {
    Result<std::vector<NodeEvent>> events =
        options_.events->ReadAfter(*device, after, kMaxEventsPerStreamBatch);
    if (!events.ok()) {
      if (events.status().code() == StatusCode::kOutOfRange) {
        return answer(ErrorResponse(kErrorResumeTooOld));
      }
      // A resume point beyond what was ever sent: nothing to replay.
      if (events.status().code() == StatusCode::kInvalidArgument) break;
      return answer(ErrorResponse(kErrorStreamFailure));
    }
    for (const NodeEvent& event : *events) {
      if (!writer->Write(EventResponse(event.seq, event.kind, event.payload_json))) return;
      after = event.seq;
    }
    if (events->size() < kMaxEventsPerStreamBatch) break;
  }
  writer->Finish();
}

}  // namespace palyra::daemon::quic_runtime
