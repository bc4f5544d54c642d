#include "node_host/gateway_client.h"

#include <sys/utsname.h>

#include <algorithm>

#include "node_protocol/channel_credentials.h"
#include "identity/handshake.h"

namespace palyra::node_host {
namespace {

std::string Bytes(const auto& array) {
  return std::string(reinterpret_cast<const char*>(array.data()), array.size());
}

}  // namespace

std::string HostPlatform() {
  utsname names{};
  std::string os = "linux";
  std::string arch = "unknown";
  if (::uname(&names) == 0) {
    os = names.sysname;
    arch = names.machine;
  }
  std::transform(os.begin(), os.end(), os.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return os + "-" + arch;
}

Status FromGrpc(const grpc::Status& status, std::string_view what) {
  if (status.ok()) return Status::Ok();
  return Status(static_cast<StatusCode>(status.error_code()),
                std::string(what) + ": " + status.error_message());
}

Result<std::unique_ptr<GatewayClient>> GatewayClient::Connect(const std::string& target,
                                                              const std::string& ca_pem,
                                                              const ClientMaterial* client) {
  node_protocol::NodeClientTlsOptions options;
  options.ca_certificate_pem = ca_pem;
  if (client != nullptr) {
    options.client_certificate_pem = client->certificate_pem;
    options.client_private_key_pem = crypto::SecretString(client->private_key_pem.view());
  }
  PALYRA_ASSIGN_OR_RETURN(node_protocol::NodeChannelCredentials credentials,
                          node_protocol::MakeNodeChannelCredentials(options));
  // Reconnect quickly after a daemon restart; the run loop adds its own backoff on top.
  credentials.arguments.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 250);
  credentials.arguments.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  credentials.arguments.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 20'000);
  credentials.arguments.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10'000);
  auto out = std::unique_ptr<GatewayClient>(new GatewayClient());
  out->channel_ = node_protocol::CreateNodeChannel(target, credentials);
  out->stub_ = nodev1::NodeService::NewStub(out->channel_);
  return out;
}

void GatewayClient::PrepareContext(grpc::ClientContext& context,
                                   std::chrono::milliseconds timeout) const {
  context.set_deadline(std::chrono::system_clock::now() + timeout);
}

Result<GatewayClient::PairingStarted> GatewayClient::BeginAndComplete(
    const identity::DeviceIdentity& identity, const identity::PairingMethod& method,
    const std::string& csr_pem) {
  nodev1::BeginPairingSessionRequest begin;
  begin.set_v(1);
  begin.set_client_kind("node");
  if (method.kind() == identity::PairingMethod::Kind::kQr) {
    begin.mutable_method()->set_qr_token(method.secret());
  } else {
    begin.mutable_method()->set_pin_code(method.secret());
  }
  nodev1::BeginPairingSessionResponse session;
  {
    grpc::ClientContext context;
    PrepareContext(context);
    PALYRA_RETURN_IF_ERROR(FromGrpc(stub_->BeginPairingSession(&context, begin, &session),
                                    "BeginPairingSession"));
  }
  identity::PairingSession local;
  local.session_id = session.session_id();
  local.client_kind = identity::ClientKind::kNode;
  if (session.gateway_ephemeral_public().size() != local.gateway_ephemeral_public.size() ||
      session.challenge().size() != local.challenge.size()) {
    return Internal("BeginPairingSession: the gateway sent a malformed session");
  }
  std::copy(session.gateway_ephemeral_public().begin(), session.gateway_ephemeral_public().end(),
            local.gateway_ephemeral_public.begin());
  std::copy(session.challenge().begin(), session.challenge().end(), local.challenge.begin());
  PALYRA_ASSIGN_OR_RETURN(identity::DeviceHello hello,
                          identity::BuildDeviceHello(identity, local, method.secret()));

  nodev1::CompletePairingSessionRequest complete;
  complete.set_v(1);
  complete.set_session_id(hello.session_id);
  complete.mutable_device_id()->set_ulid(hello.device_id);
  complete.set_client_kind("node");
  complete.set_proof(method.secret());
  complete.set_device_signing_public(Bytes(hello.device_signing_public));
  complete.set_device_x25519_public(Bytes(hello.device_x25519_public));
  complete.set_challenge_signature(Bytes(hello.challenge_signature));
  complete.set_transcript_mac(Bytes(hello.transcript_mac));
  complete.set_csr_pem(csr_pem);
  PairingStarted out;
  out.session_id = session.session_id();
  grpc::ClientContext context;
  PrepareContext(context);
  PALYRA_RETURN_IF_ERROR(FromGrpc(
      stub_->CompletePairingSession(&context, complete, &out.completed), "CompletePairingSession"));
  return out;
}

Result<nodev1::GetPairingRequestStatusResponse> GatewayClient::PairingStatus(
    const std::string& session_id, const std::string& device_id) {
  nodev1::GetPairingRequestStatusRequest request;
  request.set_v(1);
  request.set_session_id(session_id);
  request.mutable_device_id()->set_ulid(device_id);
  nodev1::GetPairingRequestStatusResponse response;
  grpc::ClientContext context;
  PrepareContext(context);
  PALYRA_RETURN_IF_ERROR(FromGrpc(stub_->GetPairingRequestStatus(&context, request, &response),
                                  "GetPairingRequestStatus"));
  return response;
}

Result<GatewayClient::Registration> GatewayClient::Register(
    const std::string& device_id, const std::vector<std::string>& capability_names) {
  nodev1::RegisterNodeRequest request;
  request.set_v(1);
  request.mutable_device_id()->set_ulid(device_id);
  request.set_platform(HostPlatform());
  for (const std::string& name : capability_names) {
    nodev1::DeviceCapability* capability = request.add_capabilities();
    capability->set_name(name);
    capability->set_available(true);
  }
  nodev1::RegisterNodeResponse response;
  grpc::ClientContext context;
  PrepareContext(context);
  PALYRA_RETURN_IF_ERROR(
      FromGrpc(stub_->RegisterNode(&context, request, &response), "RegisterNode"));
  return Registration{response.accepted(), response.reason()};
}

Result<GatewayClient::RotatedCertificate> GatewayClient::Rotate(const std::string& device_id,
                                                                const std::string& csr_pem) {
  nodev1::RotateDeviceCertificateRequest request;
  request.set_v(1);
  request.mutable_device_id()->set_ulid(device_id);
  request.set_csr_pem(csr_pem);
  nodev1::RotateDeviceCertificateResponse response;
  grpc::ClientContext context;
  PrepareContext(context);
  PALYRA_RETURN_IF_ERROR(FromGrpc(stub_->RotateDeviceCertificate(&context, request, &response),
                                  "RotateDeviceCertificate"));
  if (response.mtls_client_certificate_pem().empty()) {
    return Internal("RotateDeviceCertificate returned no certificate");
  }
  return RotatedCertificate{response.mtls_client_certificate_pem(),
                            static_cast<int64_t>(response.cert_expires_at_unix_ms())};
}

Result<nodev1::RevokeDevicePairingResponse> GatewayClient::Revoke(
    const std::string& device_id, const std::string& reason, std::chrono::milliseconds timeout) {
  nodev1::RevokeDevicePairingRequest request;
  request.set_v(1);
  request.mutable_device_id()->set_ulid(device_id);
  request.set_reason(reason);
  nodev1::RevokeDevicePairingResponse response;
  grpc::ClientContext context;
  PrepareContext(context, timeout);
  PALYRA_RETURN_IF_ERROR(FromGrpc(stub_->RevokeDevicePairing(&context, request, &response),
                                  "RevokeDevicePairing"));
  return response;
}

}  // namespace palyra::node_host
