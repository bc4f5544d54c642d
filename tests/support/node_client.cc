#include "support/node_client.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "common/ulid.h"
#include "crypto/csr.h"
#include "crypto/p256.h"
#include "node_protocol/channel_credentials.h"
#include "identity/handshake.h"

namespace palyra::testing {
namespace {

void SetDeadline(grpc::ClientContext& context) {
  context.set_deadline(std::chrono::system_clock::now() + kRpcDeadline);
}

std::shared_ptr<grpc::Channel> NodeChannel(const std::string& address, const std::string& ca_pem,
                                           const std::string& cert_pem = {},
                                           const std::string& key_pem = {}) {
  node_protocol::NodeClientTlsOptions options;
  options.ca_certificate_pem = ca_pem;
  options.client_certificate_pem = cert_pem;
  options.client_private_key_pem = crypto::SecretString(key_pem);
  auto credentials = node_protocol::MakeNodeChannelCredentials(options);
  if (!credentials.ok()) {
    throw std::runtime_error("node channel credentials: " + credentials.status().ToString());
  }
  // A fresh connection per client: tests compare certificates, which gRPC would otherwise
  // share across channels with equal arguments.
  credentials->arguments.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  return node_protocol::CreateNodeChannel(address, *credentials);
}

nodev1::PairingMethod MethodProto(adminv1::PairingMethodKind method, const std::string& code) {
  nodev1::PairingMethod out;
  if (method == adminv1::PAIRING_METHOD_KIND_QR) {
    out.set_qr_token(code);
  } else {
    out.set_pin_code(code);
  }
  return out;
}

}  // namespace

std::string ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string ReadAdminToken(const std::string& path) {
  std::string token = ReadTextFile(path);
  while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
  return token;
}

// ---- OperatorClient ----

OperatorClient::OperatorClient(const std::string& admin_address, std::string token)
    : token_(std::move(token)),
      channel_(grpc::CreateChannel(admin_address, grpc::InsecureChannelCredentials())),
      stub_(adminv1::OperatorService::NewStub(channel_)) {}

std::unique_ptr<grpc::ClientContext> OperatorClient::Context() const {
  auto context = std::make_unique<grpc::ClientContext>();
  SetDeadline(*context);
  context->AddMetadata("authorization", "Bearer " + token_);
  return context;
}

grpc::Status OperatorClient::MintCode(adminv1::PairingMethodKind method, bool auto_approve,
                                      adminv1::MintPairingCodeResponse* out, int64_t ttl_ms) {
  adminv1::MintPairingCodeRequest request;
  request.set_method(method);
  request.set_auto_approve(auto_approve);
  request.set_ttl_ms(ttl_ms);
  return stub_->MintPairingCode(Context().get(), request, out);
}

grpc::Status OperatorClient::Approve(const std::string& request_id,
                                     adminv1::ApprovePairingRequestResponse* out,
                                     bool confirm_identity_change) {
  adminv1::ApprovePairingRequestRequest request;
  request.set_request_id(request_id);
  request.set_confirm_identity_change(confirm_identity_change);
  adminv1::ApprovePairingRequestResponse ignored;
  return stub_->ApprovePairingRequest(Context().get(), request, out ? out : &ignored);
}

grpc::Status OperatorClient::Reject(const std::string& request_id, const std::string& reason) {
  adminv1::RejectPairingRequestRequest request;
  request.set_request_id(request_id);
  request.set_reason(reason);
  adminv1::RejectPairingRequestResponse response;
  return stub_->RejectPairingRequest(Context().get(), request, &response);
}

grpc::Status OperatorClient::ListRequests(adminv1::PairingRequestState state,
                                          adminv1::ListPairingRequestsResponse* out) {
  adminv1::ListPairingRequestsRequest request;
  request.set_state(state);
  return stub_->ListPairingRequests(Context().get(), request, out);
}

grpc::Status OperatorClient::GetNode(const std::string& device_id, adminv1::Node* out) {
  adminv1::GetNodeRequest request;
  request.set_device_id(device_id);
  adminv1::GetNodeResponse response;
  grpc::Status status = stub_->GetNode(Context().get(), request, &response);
  if (status.ok()) *out = response.node();
  return status;
}

grpc::Status OperatorClient::Invoke(const adminv1::InvokeCapabilityRequest& request,
                                    adminv1::CapabilityRequest* out) {
  adminv1::InvokeCapabilityResponse response;
  auto context = Context();
  context->set_deadline(std::chrono::system_clock::now() + kRpcDeadline +
                        std::chrono::milliseconds(request.timeout_ms()));
  grpc::Status status = stub_->InvokeCapability(context.get(), request, &response);
  if (status.ok()) *out = response.request();
  return status;
}

grpc::Status OperatorClient::ListCapabilityRequests(const std::string& device_id,
                                                    adminv1::ListCapabilityRequestsResponse* out) {
  adminv1::ListCapabilityRequestsRequest request;
  request.set_device_id(device_id);
  return stub_->ListCapabilityRequests(Context().get(), request, out);
}

grpc::Status OperatorClient::Revoke(const std::string& device_id, const std::string& reason) {
  adminv1::RevokeDeviceRequest request;
  request.set_device_id(device_id);
  request.set_reason(reason);
  adminv1::RevokeDeviceResponse response;
  return stub_->RevokeDevice(Context().get(), request, &response);
}

grpc::Status OperatorClient::Remove(const std::string& device_id) {
  adminv1::RemoveDeviceRequest request;
  request.set_device_id(device_id);
  adminv1::RemoveDeviceResponse response;
  return stub_->RemoveDevice(Context().get(), request, &response);
}

// ---- NodeClient ----

NodeClient::NodeClient(const std::string& node_address, const std::string& ca_pem)
    : channel_(NodeChannel(node_address, ca_pem)), stub_(nodev1::NodeService::NewStub(channel_)) {}

NodeClient::NodeClient(const std::string& node_address, const DeviceMaterial& material)
    : channel_(NodeChannel(node_address, material.ca_pem, material.certificate_pem,
                           material.private_key_pem)),
      stub_(nodev1::NodeService::NewStub(channel_)) {}

std::unique_ptr<grpc::ClientContext> NodeClient::Context() const {
  auto context = std::make_unique<grpc::ClientContext>();
  SetDeadline(*context);
  return context;
}

grpc::Status NodeClient::BeginAndComplete(const identity::DeviceIdentity& identity,
                                          adminv1::PairingMethodKind method,
                                          const std::string& code, const std::string& csr_pem,
                                          nodev1::CompletePairingSessionResponse* out,
                                          std::string* session_id) {
  nodev1::BeginPairingSessionRequest begin;
  begin.set_v(1);
  begin.set_client_kind("node");
  *begin.mutable_method() = MethodProto(method, code);
  nodev1::BeginPairingSessionResponse session;
  grpc::Status status = stub_->BeginPairingSession(Context().get(), begin, &session);
  if (!status.ok()) return status;
  if (session_id != nullptr) *session_id = session.session_id();

  identity::PairingSession local;
  local.session_id = session.session_id();
  local.client_kind = identity::ClientKind::kNode;
  if (session.gateway_ephemeral_public().size() != local.gateway_ephemeral_public.size() ||
      session.challenge().size() != local.challenge.size()) {
    return grpc::Status(grpc::StatusCode::INTERNAL, "test client: malformed session");
  }
  std::copy(session.gateway_ephemeral_public().begin(), session.gateway_ephemeral_public().end(),
            local.gateway_ephemeral_public.begin());
  std::copy(session.challenge().begin(), session.challenge().end(), local.challenge.begin());
  auto hello = identity::BuildDeviceHello(identity, local, code);
  if (!hello.ok()) {
    return grpc::Status(grpc::StatusCode::INTERNAL, "test client: " + hello.status().ToString());
  }
  nodev1::CompletePairingSessionRequest complete;
  complete.set_v(1);
  complete.set_session_id(hello->session_id);
  complete.mutable_device_id()->set_ulid(hello->device_id);
  complete.set_client_kind("node");
  complete.set_proof(code);
  auto bytes = [](const auto& array) {
    return std::string(reinterpret_cast<const char*>(array.data()), array.size());
  };
  complete.set_device_signing_public(bytes(hello->device_signing_public));
  complete.set_device_x25519_public(bytes(hello->device_x25519_public));
  complete.set_challenge_signature(bytes(hello->challenge_signature));
  complete.set_transcript_mac(bytes(hello->transcript_mac));
  complete.set_csr_pem(csr_pem);
  return stub_->CompletePairingSession(Context().get(), complete, out);
}

grpc::Status NodeClient::Status(const std::string& session_id, const std::string& device_id,
                                nodev1::GetPairingRequestStatusResponse* out) {
  nodev1::GetPairingRequestStatusRequest request;
  request.set_v(1);
  request.set_session_id(session_id);
  request.mutable_device_id()->set_ulid(device_id);
  return stub_->GetPairingRequestStatus(Context().get(), request, out);
}

grpc::Status NodeClient::WaitForDecision(const std::string& session_id,
                                         const std::string& device_id,
                                         nodev1::GetPairingRequestStatusResponse* out,
                                         std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    grpc::Status status = Status(session_id, device_id, out);
    if (!status.ok()) return status;
    if (out->status() != "pending_approval" && out->status() != "approved") return status;
    if (std::chrono::steady_clock::now() >= deadline) {
      return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "still " + out->status());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

grpc::Status NodeClient::Register(const std::string& device_id,
                                  const std::vector<std::string>& capabilities,
                                  nodev1::RegisterNodeResponse* out) {
  nodev1::RegisterNodeRequest request;
  request.set_v(1);
  request.mutable_device_id()->set_ulid(device_id);
  request.set_platform("linux-x86_64");
  for (const std::string& name : capabilities) {
    nodev1::DeviceCapability* capability = request.add_capabilities();
    capability->set_name(name);
    capability->set_available(true);
  }
  nodev1::RegisterNodeResponse ignored;
  return stub_->RegisterNode(Context().get(), request, out ? out : &ignored);
}

DeviceMaterial PairDevice(OperatorClient& op, const std::string& node_address,
                          const std::string& ca_pem, const PairOptions& options) {
  adminv1::MintPairingCodeResponse code;
  grpc::Status minted = op.MintCode(options.method, options.auto_approve, &code);
  if (!minted.ok()) throw std::runtime_error("mint: " + minted.error_message());
  auto identity = identity::DeviceIdentity::Generate(NewUlid());
  if (!identity.ok()) throw std::runtime_error("identity: " + identity.status().ToString());
  DeviceMaterial material;
  material.device_id = identity->device_id();
  std::string csr_pem;
  if (options.use_csr) {
    auto key = crypto::P256PrivateKey::Generate();
    auto csr = crypto::CsrBuilder()
                   .SetSubjectCommonName("Palyra Device " + material.device_id)
                   .Sign(*key);
    if (!csr.ok()) throw std::runtime_error("csr: " + csr.status().ToString());
    csr_pem = csr->ToPem();
    material.private_key_pem = std::string(key->ToPkcs8Pem()->view());
  }
  NodeClient client(node_address, ca_pem);
  nodev1::CompletePairingSessionResponse completed;
  std::string session_id;
  grpc::Status status =
      client.BeginAndComplete(*identity, options.method, code.code(), csr_pem, &completed,
                              &session_id);
  if (!status.ok()) throw std::runtime_error("pair: " + status.error_message());
  if (!options.auto_approve) {
    grpc::Status approved = op.Approve(session_id, nullptr);
    if (!approved.ok()) throw std::runtime_error("approve: " + approved.error_message());
  }
  nodev1::GetPairingRequestStatusResponse done;
  status = client.WaitForDecision(session_id, material.device_id, &done);
  if (!status.ok() || !done.paired()) {
    throw std::runtime_error("pairing did not complete: " + status.error_message() + " " +
                             done.status() + " " + done.reason());
  }
  material.certificate_pem = done.mtls_client_certificate_pem();
  if (!options.use_csr) material.private_key_pem = done.mtls_client_private_key_pem();
  material.ca_pem = done.gateway_ca_certificate_pem();
  material.cert_expires_at_unix_ms = static_cast<int64_t>(done.cert_expires_at_unix_ms());
  return material;
}

// ---- EventStream ----

EventStream::EventStream(NodeClient& client, std::string device_id)
    : device_id_(std::move(device_id)) {
  stream_ = client.stub().StreamNodeEvents(&context_);
  reader_ = std::thread([this] { ReadLoop(); });
}

EventStream::~EventStream() {
  context_.TryCancel();
  if (reader_.joinable()) reader_.join();
}

void EventStream::ReadLoop() {
  nodev1::NodeEventResponse response;
  while (stream_->Read(&response)) {
    std::lock_guard lock(mu_);
    received_.push_back(response);
    cv_.notify_all();
  }
  grpc::Status status = stream_->Finish();
  std::lock_guard lock(mu_);
  reader_done_ = true;
  final_status_ = status;
  cv_.notify_all();
}

bool EventStream::Send(const std::string& event_name, const std::string& payload_json,
                       uint32_t version) {
  nodev1::NodeEventRequest request;
  request.set_v(version);
  request.mutable_device_id()->set_ulid(device_id_);
  request.set_event_name(event_name);
  request.set_payload_json(payload_json);
  return stream_->Write(request);
}

bool EventStream::SendAs(const std::string& device_id, const std::string& event_name,
                         const std::string& payload_json) {
  nodev1::NodeEventRequest request;
  request.set_v(1);
  request.mutable_device_id()->set_ulid(device_id);
  request.set_event_name(event_name);
  request.set_payload_json(payload_json);
  return stream_->Write(request);
}

std::optional<nodev1::NodeEventResponse> EventStream::Next(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  cv_.wait_for(lock, timeout, [this] { return !received_.empty() || reader_done_; });
  if (received_.empty()) return std::nullopt;
  nodev1::NodeEventResponse next = std::move(received_.front());
  received_.pop_front();
  return next;
}

std::optional<nodev1::NodeCapabilityDispatch> EventStream::NextDispatch(
    std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    std::optional<nodev1::NodeEventResponse> next = Next(left);
    if (!next) return std::nullopt;
    if (next->has_dispatch()) return next->dispatch();
  }
}

bool EventStream::SendResult(const std::string& request_id, bool success,
                             const std::string& output_json, const std::string& error) {
  nlohmann::json payload = {{"request_id", request_id}, {"success", success}, {"error", error}};
  payload["output_json"] = output_json.empty() ? nlohmann::json(nullptr)
                                               : nlohmann::json::parse(output_json);
  return Send("capability.result", payload.dump());
}

grpc::Status EventStream::Close() {
  if (!writes_done_) {
    writes_done_ = true;
    stream_->WritesDone();
  }
  std::optional<grpc::Status> status = WaitEnded(std::chrono::seconds(20));
  return status.value_or(grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "stream did not end"));
}

std::optional<grpc::Status> EventStream::WaitEnded(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  cv_.wait_for(lock, timeout, [this] { return reader_done_; });
  return final_status_;
}

// ---- EchoNode ----

EchoNode::EchoNode(const std::string& node_address, DeviceMaterial material)
    : material_(std::move(material)), client_(node_address, material_) {
  grpc::Status registered = client_.Register(material_.device_id, {"echo"});
  if (!registered.ok()) throw std::runtime_error("register: " + registered.error_message());
  stream_ = std::make_unique<EventStream>(client_, material_.device_id);
  stream_->Send("node.started", nlohmann::json{{"device_id", material_.device_id}}.dump());
  loop_ = std::thread([this] {
    while (!stop_) {
      auto dispatch = stream_->NextDispatch(std::chrono::milliseconds(100));
      if (!dispatch) continue;
      nlohmann::json input = dispatch->input_json().empty()
                                 ? nlohmann::json(nullptr)
                                 : nlohmann::json::parse(dispatch->input_json(), nullptr, false);
      nlohmann::json output = {{"echo", input}, {"device_id", material_.device_id}};
      stream_->SendResult(dispatch->request_id().ulid(), true, output.dump());
      ++answered_;
    }
  });
}

EchoNode::~EchoNode() {
  stop_ = true;
  if (loop_.joinable()) loop_.join();
  stream_.reset();
}

size_t EchoNode::answered() const { return answered_.load(); }

}  // namespace palyra::testing
