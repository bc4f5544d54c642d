#include "daemon/services/operator_service.h"

#include <spdlog/spdlog.h>

#include "common/strings.h"
#include "common/time.h"
#include "common/ulid.h"
#include "daemon/grpc_status.h"
#include "daemon/services/operator_convert.h"
#include "daemon/services/presence_stream.h"
#include "identity/pairing_uri.h"

namespace palyra::daemon {
namespace adminv1 = palyra::admin::v1;

namespace {

// Who the coordinator records as having minted or decided: the admin token is the only operator
// identity the daemon has.
constexpr std::string_view kOperatorPrincipal = "operator:admin-token";
constexpr std::string_view kDefaultOperatorRevokeReason = "revoked_by_operator";
constexpr uint32_t kDefaultListLimit = 100;

size_t ListLimit(uint32_t requested) {
  return requested == 0 ? kDefaultListLimit : requested;
}

}  // namespace

// ---- Pairing codes ----

grpc::ServerUnaryReactor* OperatorService::MintPairingCode(
    Context* context, const adminv1::MintPairingCodeRequest* request,
    adminv1::MintPairingCodeResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  identity::MintCodeRequest mint;
  mint.method = FromProto(request->method()).value_or(identity::PairingMethod::Kind::kPin);
  if (request->ttl_ms() < 0) return FinishUnary(context, InvalidArgument("ttl_ms must not be negative"));
  if (request->ttl_ms() > 0) mint.ttl_ms = request->ttl_ms();
  mint.auto_approve = request->auto_approve();
  mint.issued_by = std::string(kOperatorPrincipal);
  Result<identity::MintedCode> minted = deps_.pairing->MintCode(mint);
  if (!minted.ok()) return FinishUnary(context, minted.status());
  FillPairingCode(minted->info, response->mutable_info());
  response->set_code(minted->code);
  identity::PairingUri uri;
  uri.address = deps_.node_listener.address;
  uri.method = minted->info.method;
  uri.code = crypto::SecretString(minted->code);
  uri.ca_fingerprint = deps_.node_listener.ca_fingerprint;
  response->set_pairing_uri(identity::BuildPairingUri(uri));
  response->set_node_rpc_address(deps_.node_listener.address);
  response->set_gateway_ca_fingerprint(deps_.node_listener.ca_fingerprint);
  spdlog::info("pairing code {} minted ({}, auto_approve={}, expires {})", minted->info.code_id,
               identity::PairingMethodKindName(minted->info.method), minted->info.auto_approve,
               FormatRfc3339Ms(minted->info.expires_at_unix_ms));
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* OperatorService::ListPairingCodes(
    Context* context, const adminv1::ListPairingCodesRequest*,
    adminv1::ListPairingCodesResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  Result<std::vector<identity::PairingCodeRecord>> codes = deps_.pairing->ListCodes();
  if (!codes.ok()) return FinishUnary(context, codes.status());
  for (const auto& code : *codes) FillPairingCode(code, response->add_codes());
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* OperatorService::CancelPairingCode(
    Context* context, const adminv1::CancelPairingCodeRequest* request,
    adminv1::CancelPairingCodeResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  Result<bool> cancelled = deps_.pairing->CancelCode(request->code_id());
  if (!cancelled.ok()) return FinishUnary(context, cancelled.status());
  response->set_cancelled(*cancelled);
  return FinishUnary(context, Status::Ok());
}

// ---- Pairing requests ----

grpc::ServerUnaryReactor* OperatorService::ListPairingRequests(
    Context* context, const adminv1::ListPairingRequestsRequest* request,
    adminv1::ListPairingRequestsResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  identity::PairingRequestFilter filter;
  filter.state = FromProto(request->state());
  if (!request->device_id().empty()) filter.device_id = request->device_id();
  filter.limit = ListLimit(request->limit());
  Result<std::vector<identity::PairingRequest>> requests = deps_.pairing->ListRequests(filter);
  if (!requests.ok()) return FinishUnary(context, requests.status());
  for (const auto& r : *requests) FillPairingRequest(r, response->add_requests());
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* OperatorService::GetPairingRequest(
    Context* context, const adminv1::GetPairingRequestRequest* request,
    adminv1::GetPairingRequestResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  Result<identity::PairingRequest> found = deps_.pairing->GetRequest(request->request_id());
  if (!found.ok()) return FinishUnary(context, found.status());
  FillPairingRequest(*found, response->mutable_request());
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* OperatorService::ApprovePairingRequest(
    Context* context, const adminv1::ApprovePairingRequestRequest* request,
    adminv1::ApprovePairingRequestResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  identity::ApproveOptions options;
  options.confirm_identity_change = request->confirm_identity_change();
  Result<identity::PairingRequest> approved = deps_.pairing->Approve(
      request->request_id(), kOperatorPrincipal, request->reason(), options);
  if (!approved.ok()) return FinishUnary(context, approved.status());
  FillPairingRequest(*approved, response->mutable_request());
  spdlog::info("pairing request {} for device {} approved", approved->request_id,
               approved->device_id);
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* OperatorService::RejectPairingRequest(
    Context* context, const adminv1::RejectPairingRequestRequest* request,
    adminv1::RejectPairingRequestResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  Result<identity::PairingRequest> rejected =
      deps_.pairing->Reject(request->request_id(), kOperatorPrincipal, request->reason());
  if (!rejected.ok()) return FinishUnary(context, rejected.status());
  FillPairingRequest(*rejected, response->mutable_request());
  spdlog::info("pairing request {} for device {} rejected", rejected->request_id,
               rejected->device_id);
  return FinishUnary(context, Status::Ok());
}

// ---- Nodes ----

void OperatorService::FillNode(const node_runtime::NodeRecord& record, adminv1::Node* out) const {
  out->set_device_id(record.device_id);
  out->set_platform(record.platform);
  out->set_presence(ToProto(record.presence));
  for (const auto& capability : record.capabilities) {
    adminv1::NodeCapability* c = out->add_capabilities();
    c->set_name(capability.name);
    c->set_available(capability.available);
    c->set_execution_mode(std::string(ExecutionModeOf(capability.name)));
  }
  out->set_registered_at_unix_ms(record.registered_at_unix_ms);
  out->set_last_seen_at_unix_ms(record.last_seen_at_unix_ms);
  out->set_last_event_name(record.last_event_name.value_or(""));
  out->set_last_event_at_unix_ms(record.last_event_at_unix_ms.value_or(0));
  out->set_connected(deps_.connected->IsConnected(record.device_id));
}

grpc::ServerUnaryReactor* OperatorService::ListNodes(Context* context,
                                                     const adminv1::ListNodesRequest*,
                                                     adminv1::ListNodesResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  for (const auto& node : deps_.runtime->ListNodes()) FillNode(node, response->add_nodes());
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* OperatorService::GetNode(Context* context,
                                                   const adminv1::GetNodeRequest* request,
                                                   adminv1::GetNodeResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  if (Status id = ValidateCanonicalUlid(request->device_id(), "device_id"); !id.ok()) return FinishUnary(context, id);
  Result<node_runtime::NodeRecord> node = deps_.runtime->GetNode(request->device_id());
  if (!node.ok()) return FinishUnary(context, node.status());
  FillNode(*node, response->mutable_node());
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* OperatorService::SetNodeCapability(
    Context* context, const adminv1::SetNodeCapabilityRequest* request,
    adminv1::SetNodeCapabilityResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  if (Status id = ValidateCanonicalUlid(request->device_id(), "device_id"); !id.ok()) {
    return FinishUnary(context, id);
  }
  const std::string capability(TrimAsciiWhitespace(request->capability()));
  if (capability.empty() || capability.size() > 128) {
    return FinishUnary(context, InvalidArgument("capability must be 1..128 bytes"));
  }
  Result<node_runtime::NodeRecord> node = deps_.runtime->SetCapabilityAvailable(
      request->device_id(), capability, request->available());
  if (!node.ok()) return FinishUnary(context, node.status());
  if (deps_.on_capability_changed) {
    deps_.on_capability_changed(request->device_id(), capability, request->available());
  }
  FillNode(*node, response->mutable_node());
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* OperatorService::InvokeCapability(
    Context* context, const adminv1::InvokeCapabilityRequest* request,
    adminv1::InvokeCapabilityResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  if (request->timeout_ms() < 0) {
    return FinishUnary(context, InvalidArgument("timeout_ms must not be negative"));
  }
  node_runtime::InvokeRequest invoke;
  invoke.device_id = request->device_id();
  invoke.capability = request->capability();
  invoke.input_json = request->input_json();
  invoke.max_payload_bytes = request->max_payload_bytes();
  invoke.timeout_ms = request->timeout_ms();
  if (!request->idempotency_key().empty()) invoke.idempotency_key = request->idempotency_key();
  Result<node_runtime::CapabilityRequestRecord> queued = deps_.runtime->Enqueue(invoke);
  if (!queued.ok()) return FinishUnary(context, queued.status());
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  // The reply waits for the request to end (succeeded, failed, rejected or timed out: every
  // outcome is an OK call whose record says what happened).
  Status waiting = deps_.runtime->OnTerminal(
      queued->request_id, [reactor, response](const node_runtime::CapabilityRequestRecord& done) {
        FillCapabilityRequest(done, response->mutable_request());
        reactor->Finish(grpc::Status::OK);
      });
  if (!waiting.ok()) reactor->Finish(ToGrpcStatus(waiting));
  return reactor;
}

grpc::ServerUnaryReactor* OperatorService::ListCapabilityRequests(
    Context* context, const adminv1::ListCapabilityRequestsRequest* request,
    adminv1::ListCapabilityRequestsResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  Result<std::vector<node_runtime::CapabilityRequestRecord>> requests =
      deps_.runtime->ListRequests(request->device_id(), ListLimit(request->limit()));
  if (!requests.ok()) return FinishUnary(context, requests.status());
  for (const auto& r : *requests) FillCapabilityRequest(r, response->add_requests());
  return FinishUnary(context, Status::Ok());
}

grpc::ServerWriteReactor<adminv1::WatchNodePresenceResponse>* OperatorService::WatchNodePresence(
    Context* context, const adminv1::WatchNodePresenceRequest*) {
  return PresenceStream::Open(context, deps_.auth->Check(*context), deps_.runtime);
}

// ---- Devices ----

grpc::ServerUnaryReactor* OperatorService::ListDevices(Context* context,
                                                       const adminv1::ListDevicesRequest*,
                                                       adminv1::ListDevicesResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  Result<std::vector<identity::PairedDevice>> devices = deps_.registry->ListPairedDevices();
  if (!devices.ok()) return FinishUnary(context, devices.status());
  for (const auto& d : *devices) FillDevice(d, response->add_devices());
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* OperatorService::RotateDevice(Context* context,
                                                        const adminv1::RotateDeviceRequest* request,
                                                        adminv1::RotateDeviceResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  if (Status id = ValidateCanonicalUlid(request->device_id(), "device_id"); !id.ok()) return FinishUnary(context, id);
  Result<identity::RotationResult> rotated = deps_.registry->ForceRotate(
      request->device_id(), identity::LeafKeySource::GatewayGenerated(), NowUnixMs(),
      deps_.certificate_validity_ms);
  if (!rotated.ok()) return FinishUnary(context, rotated.status());
  FillDevice(rotated->device, response->mutable_device());
  for (const auto& fp : rotated->revoked_fingerprints) response->add_revoked_fingerprints(fp);
  response->set_certificate_pem(rotated->certificate.certificate_pem);
  if (rotated->certificate.private_key_pem) {
    response->set_private_key_pem(std::string(rotated->certificate.private_key_pem->view()));
  }
  spdlog::info("operator rotated the certificate of device {}", request->device_id());
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* OperatorService::RevokeDevice(Context* context,
                                                        const adminv1::RevokeDeviceRequest* request,
                                                        adminv1::RevokeDeviceResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  if (Status id = ValidateCanonicalUlid(request->device_id(), "device_id"); !id.ok()) return FinishUnary(context, id);
  const std::string reason = request->reason().empty()
                                 ? std::string(kDefaultOperatorRevokeReason)
                                 : request->reason();
  Result<identity::RevokeResult> revoked =
      deps_.registry->Revoke(request->device_id(), reason, NowUnixMs());
  if (!revoked.ok()) return FinishUnary(context, revoked.status());
  ForgetDevice(*deps_.runtime, request->device_id(), "device_revoked");
  response->set_was_paired(revoked->was_paired);
  for (const auto& fp : revoked->revoked_fingerprints) response->add_revoked_fingerprints(fp);
  spdlog::info("operator revoked device {}", request->device_id());
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* OperatorService::RemoveDevice(Context* context,
                                                        const adminv1::RemoveDeviceRequest* request,
                                                        adminv1::RemoveDeviceResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  if (Status id = ValidateCanonicalUlid(request->device_id(), "device_id"); !id.ok()) return FinishUnary(context, id);
  Result<bool> removed = deps_.registry->RemovePairedDevice(request->device_id(), NowUnixMs());
  if (!removed.ok()) return FinishUnary(context, removed.status());
  ForgetDevice(*deps_.runtime, request->device_id(), "device_removed");
  response->set_was_paired(*removed);
  spdlog::info("operator removed device {}", request->device_id());
  return FinishUnary(context, Status::Ok());
}

grpc::ServerUnaryReactor* OperatorService::GetGatewayCa(Context* context,
                                                        const adminv1::GetGatewayCaRequest*,
                                                        adminv1::GetGatewayCaResponse* response) {
  if (Status auth = deps_.auth->Check(*context); !auth.ok()) return FinishUnary(context, auth);
  response->set_certificate_pem(deps_.node_listener.ca_certificate_pem);
  response->set_fingerprint(deps_.node_listener.ca_fingerprint);
  response->set_not_after_unix_ms(deps_.node_listener.ca_not_after_unix_ms);
  response->set_node_rpc_address(deps_.node_listener.address);
  return FinishUnary(context, Status::Ok());
}

}  // namespace palyra::daemon
