#include "daemon/services/node_service.h"

#include <spdlog/spdlog.h>

#include "common/strings.h"
#include "common/time.h"
#include "common/ulid.h"
#include "daemon/grpc_status.h"
#include "daemon/node_tls/peer_identity.h"
#include "daemon/services/node_event_stream.h"

namespace palyra::daemon {
namespace nodev1 = palyra::node::v1;

namespace {

constexpr std::string_view kDefaultDeviceRevokeReason = "revoked_by_device";

std::span<const uint8_t> Bytes(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

std::string AsString(std::span<const uint8_t> bytes) {
  return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

Result<identity::PairingMethod> MethodFromProto(const nodev1::BeginPairingSessionRequest& request) {
  if (!request.has_method()) {
    return InvalidArgument("method is required: set method.pin_code or method.qr_token");
  }
  switch (request.method().value_case()) {
    case nodev1::PairingMethod::kPinCode:
      return identity::PairingMethod::Pin(request.method().pin_code());
    case nodev1::PairingMethod::kQrToken:
      return identity::PairingMethod::Qr(request.method().qr_token());
    default:
      return InvalidArgument("method is required: set method.pin_code or method.qr_token");
  }
}

std::optional<std::string> NonEmpty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

}  // namespace

// ---- ConnectedStreams ----

void ConnectedStreams::Add(const std::string& device_id) {
  std::lock_guard lock(mu_);
  devices_.insert(device_id);
}

void ConnectedStreams::Remove(const std::string& device_id) {
  std::lock_guard lock(mu_);
  auto it = devices_.find(device_id);
  if (it != devices_.end()) devices_.erase(it);
}

bool ConnectedStreams::IsConnected(std::string_view device_id) const {
  std::lock_guard lock(mu_);
  return devices_.find(device_id) != devices_.end();
}

size_t ConnectedStreams::size() const {
  std::lock_guard lock(mu_);
  return devices_.size();
}

// ---- helpers ----

std::string PeerAddressForBudget(std::string_view grpc_peer) {
  const size_t colon = grpc_peer.rfind(':');
  const size_t first = grpc_peer.find(':');
  // "ipv4:1.2.3.4:5" and "ipv6:[::1]:5" drop the port; anything else is kept as it is.
  if (colon == std::string_view::npos || colon == first) return std::string(grpc_peer);
  return std::string(grpc_peer.substr(0, colon));
}

void ForgetDevice(node_runtime::NodeRuntime& runtime, const std::string& device_id,
                  std::string_view reason) {
  Result<size_t> failed = runtime.FailDeviceWork(device_id, reason);
  if (!failed.ok()) {
    spdlog::warn("failing the work of device {} failed: {}", device_id,
                 failed.status().ToString());
  } else if (*failed > 0) {
    spdlog::info("device {}: {} capability request(s) ended failed ({})", device_id, *failed,
                 reason);
  }
  Status removed = runtime.Remove(device_id);
  if (!removed.ok() && removed.code() != StatusCode::kNotFound) {
    spdlog::warn("removing the node record of device {} failed: {}", device_id,
                 removed.ToString());
  }
}

Status NodeService::CheckBinding(const grpc::CallbackServerContext& context,
                                 std::string_view device_id) {
  PALYRA_ASSIGN_OR_RETURN(node_tls::PeerIdentity peer,
                          node_tls::PeerIdentityFromServerContext(context));
  return deps_.binding->Check(peer, device_id);
}

// ---- Pairing ----

grpc::ServerUnaryReactor* NodeService::BeginPairingSession(
    grpc::CallbackServerContext* context, const nodev1::BeginPairingSessionRequest* request,
    nodev1::BeginPairingSessionResponse* response) {
  if (Status v = CheckProtocolVersion(request->v()); !v.ok()) return FinishUnary(context, v);
  Result<identity::ClientKind> kind = identity::ParseClientKind(request->client_kind());
  if (!kind.ok()) return FinishUnary(context, kind.status());
  Result<identity::PairingMethod> method = MethodFromProto(*request);
  if (!method.ok()) return FinishUnary(context, method.status());
  Result<identity::PairingSession> session = deps_.pairing->BeginPairing(
      *kind, *method, PeerAddressForBudget(context->peer()));
  if (!session.ok()) return FinishUnary(context, session.status());
  response->set_v(1);
  response->set_session_id(session->session_id);
  response->set_client_kind(std::string(identity::ClientKindName(session->client_kind)));
  response->set_gateway_ephemeral_public(AsString(session->gateway_ephemeral_public));
  response->set_challenge(AsString(session->challenge));
  response->set_expires_at_unix_ms(static_cast<uint64_t>(session->expires_at_unix_ms));
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* NodeService::CompletePairingSession(
    grpc::CallbackServerContext* context, const nodev1::CompletePairingSessionRequest* request,
    nodev1::CompletePairingSessionResponse* response) {
  if (Status v = CheckProtocolVersion(request->v()); !v.ok()) return FinishUnary(context, v);
  if (request->session_id().empty()) return FinishUnary(context, InvalidArgument("session_id is required"));
  const std::string device_id(TrimAsciiWhitespace(request->device_id().ulid()));
  if (Status id = ValidateCanonicalUlid(device_id, "device_id"); !id.ok()) {
    return FinishUnary(context, id);
  }
  Result<identity::ClientKind> kind = identity::ParseClientKind(request->client_kind());
  if (!kind.ok()) return FinishUnary(context, kind.status());
  Result<identity::DeviceHello> hello = identity::DeviceHello::FromWire(
      request->session_id(), request->v(), device_id, *kind, request->proof(),
      Bytes(request->device_signing_public()), Bytes(request->device_x25519_public()),
      Bytes(request->challenge_signature()), Bytes(request->transcript_mac()));
  if (!hello.ok()) return FinishUnary(context, hello.status());
  Result<identity::CompletedPairing> completed = deps_.pairing->CompletePairing(
      *hello, NonEmpty(request->csr_pem()), PeerAddressForBudget(context->peer()));
  if (!completed.ok()) {
    // Upstream answers a failed verification with FAILED_PRECONDITION; clients may branch on it.
    if (completed.status().code() == StatusCode::kUnauthenticated) {
      return FinishUnary(context, FailedPrecondition(completed.status().message()));
    }
    return FinishUnary(context, completed.status());
  }
  // As upstream: the certificate is collected with GetPairingRequestStatus, also for an
  // auto-approved code, so that upstream's node host (which only reads it there) works.
  response->set_v(1);
  response->set_paired(false);
  response->set_reason(completed->reason);
  response->set_identity_fingerprint(completed->identity_fingerprint);
  response->set_transcript_hash(completed->transcript_hash);
  spdlog::info("pairing request {} from device {}: {}", completed->request_id, device_id,
               completed->reason);
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* NodeService::GetPairingRequestStatus(
    grpc::CallbackServerContext* context, const nodev1::GetPairingRequestStatusRequest* request,
    nodev1::GetPairingRequestStatusResponse* response) {
  if (Status v = CheckProtocolVersion(request->v()); !v.ok()) return FinishUnary(context, v);
  const std::string device_id(TrimAsciiWhitespace(request->device_id().ulid()));
  Result<identity::PairingStatus> status =
      deps_.pairing->GetStatus(request->session_id(), device_id);
  if (!status.ok()) return FinishUnary(context, status.status());
  response->set_v(1);
  response->set_status(std::string(identity::PairingRequestStateName(status->state)));
  response->set_reason(status->reason);
  response->set_paired(status->paired);
  response->set_approval_id(request->session_id());
  response->set_identity_fingerprint(status->identity_fingerprint);
  response->set_transcript_hash(status->transcript_hash);
  response->set_mtls_client_certificate_pem(status->certificate_pem);
  if (status->private_key_pem) {
    response->set_mtls_client_private_key_pem(std::string(status->private_key_pem->view()));
    spdlog::info("pairing request {}: certificate and gateway-generated key delivered to {}",
                 request->session_id(), device_id);
  }
  response->set_gateway_ca_certificate_pem(status->ca_certificate_pem);
  response->set_cert_expires_at_unix_ms(static_cast<uint64_t>(status->cert_expires_at_unix_ms));
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* NodeService::RotateDeviceCertificate(
    grpc::CallbackServerContext* context, const nodev1::RotateDeviceCertificateRequest* request,
    nodev1::RotateDeviceCertificateResponse* response) {
  if (Status v = CheckProtocolVersion(request->v()); !v.ok()) return FinishUnary(context, v);
  const std::string device_id(TrimAsciiWhitespace(request->device_id().ulid()));
  if (Status id = ValidateCanonicalUlid(device_id, "device_id"); !id.ok()) {
    return FinishUnary(context, id);
  }
  if (Status bound = CheckBinding(*context, device_id); !bound.ok()) return FinishUnary(context, bound);
  identity::LeafKeySource key_source = identity::LeafKeySource::GatewayGenerated();
  if (!request->csr_pem().empty()) {
    key_source = identity::LeafKeySource::FromCsrPem(request->csr_pem());
  }
  Result<identity::RotationResult> rotated = deps_.registry->ForceRotate(
      device_id, key_source, NowUnixMs(), deps_.certificate_validity_ms);
  if (!rotated.ok()) return FinishUnary(context, rotated.status());
  response->set_v(1);
  response->set_rotated(true);
  response->set_reason("rotated");
  response->set_mtls_client_certificate_pem(rotated->certificate.certificate_pem);
  if (rotated->certificate.private_key_pem) {
    response->set_mtls_client_private_key_pem(
        std::string(rotated->certificate.private_key_pem->view()));
  }
  response->set_cert_expires_at_unix_ms(
      static_cast<uint64_t>(rotated->certificate.expires_at_unix_ms));
  spdlog::info("device {} rotated its certificate ({} earlier fingerprint(s) revoked)", device_id,
               rotated->revoked_fingerprints.size());
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* NodeService::RevokeDevicePairing(
    grpc::CallbackServerContext* context, const nodev1::RevokeDevicePairingRequest* request,
    nodev1::RevokeDevicePairingResponse* response) {
  if (Status v = CheckProtocolVersion(request->v()); !v.ok()) return FinishUnary(context, v);
  const std::string device_id(TrimAsciiWhitespace(request->device_id().ulid()));
  if (Status id = ValidateCanonicalUlid(device_id, "device_id"); !id.ok()) {
    return FinishUnary(context, id);
  }
  if (Status bound = CheckBinding(*context, device_id); !bound.ok()) return FinishUnary(context, bound);
  const std::string reason = request->reason().empty() ? std::string(kDefaultDeviceRevokeReason)
                                                       : request->reason();
  Result<identity::RevokeResult> revoked = deps_.registry->Revoke(device_id, reason, NowUnixMs());
  if (!revoked.ok()) return FinishUnary(context, revoked.status());
  ForgetDevice(*deps_.runtime, device_id, "device_revoked");
  response->set_v(1);
  response->set_revoked(true);
  response->set_reason(reason);
  spdlog::info("device {} revoked itself", device_id);
  return FinishUnary(context, Status::Ok());
}

// ---- Node runtime ----

grpc::ServerUnaryReactor* NodeService::RegisterNode(grpc::CallbackServerContext* context,
                                                    const nodev1::RegisterNodeRequest* request,
                                                    nodev1::RegisterNodeResponse* response) {
  if (Status v = CheckProtocolVersion(request->v()); !v.ok()) return FinishUnary(context, v);
  const std::string device_id(TrimAsciiWhitespace(request->device_id().ulid()));
  if (Status id = ValidateCanonicalUlid(device_id, "device_id"); !id.ok()) {
    return FinishUnary(context, id);
  }
  if (Status bound = CheckBinding(*context, device_id); !bound.ok()) return FinishUnary(context, bound);
  node_runtime::NodeRegistration registration;
  registration.device_id = device_id;
  registration.platform = request->platform();
  for (const nodev1::DeviceCapability& capability : request->capabilities()) {
    registration.capabilities.push_back({capability.name(), capability.available()});
  }
  Result<node_runtime::NodeRecord> node = deps_.runtime->Register(registration);
  if (!node.ok()) return FinishUnary(context, node.status());
  response->set_v(1);
  *response->mutable_device_id() = request->device_id();
  response->set_accepted(true);
  response->set_reason("registered");
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* NodeService::ExecuteCapability(
    grpc::CallbackServerContext* context, const nodev1::ExecuteCapabilityRequest* request,
    nodev1::ExecuteCapabilityResponse* response) {
  if (Status v = CheckProtocolVersion(request->v()); !v.ok()) return FinishUnary(context, v);
  const std::string device_id(TrimAsciiWhitespace(request->device_id().ulid()));
  if (Status id = ValidateCanonicalUlid(device_id, "device_id"); !id.ok()) {
    return FinishUnary(context, id);
  }
  if (Status bound = CheckBinding(*context, device_id); !bound.ok()) return FinishUnary(context, bound);
  // As upstream: the work is for the calling device itself.
  node_runtime::InvokeRequest invoke;
  invoke.device_id = device_id;
  invoke.capability = request->capability();
  invoke.input_json = request->input_json();
  invoke.max_payload_bytes = request->max_payload_bytes();
  invoke.timeout_ms = kExecuteCapabilityTimeoutMs;
  Result<node_runtime::CapabilityRequestRecord> queued = deps_.runtime->Enqueue(invoke);
  if (!queued.ok()) return FinishUnary(context, queued.status());
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  Status waiting = deps_.runtime->OnTerminal(
      queued->request_id, [reactor, response](const node_runtime::CapabilityRequestRecord& done) {
        if (done.state == node_runtime::CapabilityRequestState::kTimedOut) {
          reactor->Finish(grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                                       std::string(node_runtime::kErrorTimedOut)));
          return;
        }
        response->set_v(1);
        response->set_success(done.state == node_runtime::CapabilityRequestState::kSucceeded);
        response->set_output_json(done.output_json);
        response->set_error(done.error.value_or(""));
        reactor->Finish(grpc::Status::OK);
      });
  if (!waiting.ok()) reactor->Finish(ToGrpcStatus(waiting));
  return reactor;
}

grpc::ServerBidiReactor<nodev1::NodeEventRequest, nodev1::NodeEventResponse>*
NodeService::StreamNodeEvents(grpc::CallbackServerContext* context) {
  return NodeEventStream::Open(context, NodeEventStream::Deps{deps_.runtime, deps_.binding,
                                                              deps_.revocations, &connected_});
}

}  // namespace palyra::daemon
