#include "fake_operator_server.h"

#include <chrono>
#include <stdexcept>
#include <thread>

namespace palyra::cli::testing {

void FakeOperatorService::SetResponse(const std::string& method,
                                      const google::protobuf::Message& response) {
  std::lock_guard<std::mutex> lock(mu_);
  responses_[method].reset(response.New());
  responses_[method]->CopyFrom(response);
  errors_.erase(method);
}

void FakeOperatorService::SetError(const std::string& method, grpc::Status status) {
  std::lock_guard<std::mutex> lock(mu_);
  errors_[method] = std::move(status);
}

void FakeOperatorService::SetWatchEvents(std::vector<adminv1::WatchNodePresenceResponse> events,
                                         bool hold_open) {
  std::lock_guard<std::mutex> lock(mu_);
  watch_events_ = std::move(events);
  watch_hold_open_ = hold_open;
}

std::vector<std::string> FakeOperatorService::Calls() {
  std::lock_guard<std::mutex> lock(mu_);
  return calls_;
}

std::vector<std::string> FakeOperatorService::AuthorizationHeaders() {
  std::lock_guard<std::mutex> lock(mu_);
  return authorization_headers_;
}

grpc::Status FakeOperatorService::Handle(const std::string& method, grpc::ServerContext* context,
                                         const google::protobuf::Message& request,
                                         google::protobuf::Message* response) {
  std::lock_guard<std::mutex> lock(mu_);
  calls_.push_back(method);
  auto [begin, end] = context->client_metadata().equal_range("authorization");
  std::string header;
  for (auto it = begin; it != end; ++it) header.assign(it->second.data(), it->second.size());
  authorization_headers_.push_back(header);
  if (begin == end) return {grpc::StatusCode::UNAUTHENTICATED, "missing admin token"};
  if (header != "Bearer " + token_) {
    return {grpc::StatusCode::UNAUTHENTICATED, "the admin token is not valid"};
  }
  requests_[method].reset(request.New());
  requests_[method]->CopyFrom(request);
  if (auto it = errors_.find(method); it != errors_.end()) return it->second;
  if (auto it = responses_.find(method); it != responses_.end() && response != nullptr) {
    response->CopyFrom(*it->second);
  }
  return grpc::Status::OK;
}

#define PALYRA_FAKE_UNARY(Method)                                                   \
  grpc::Status FakeOperatorService::Method(grpc::ServerContext* context,            \
                                           const adminv1::Method##Request* request, \
                                           adminv1::Method##Response* response) {   \
    return Handle(#Method, context, *request, response);                            \
  }

PALYRA_FAKE_UNARY(MintPairingCode)
PALYRA_FAKE_UNARY(ListPairingCodes)
PALYRA_FAKE_UNARY(CancelPairingCode)
PALYRA_FAKE_UNARY(ListPairingRequests)
PALYRA_FAKE_UNARY(ApprovePairingRequest)
PALYRA_FAKE_UNARY(RejectPairingRequest)
PALYRA_FAKE_UNARY(ListNodes)
PALYRA_FAKE_UNARY(GetNode)
PALYRA_FAKE_UNARY(InvokeCapability)
PALYRA_FAKE_UNARY(ListCapabilityRequests)
PALYRA_FAKE_UNARY(ListDevices)
PALYRA_FAKE_UNARY(RotateDevice)
PALYRA_FAKE_UNARY(RevokeDevice)
PALYRA_FAKE_UNARY(RemoveDevice)
PALYRA_FAKE_UNARY(GetGatewayCa)

#undef PALYRA_FAKE_UNARY

grpc::Status FakeOperatorService::WatchNodePresence(
    grpc::ServerContext* context, const adminv1::WatchNodePresenceRequest* request,
    grpc::ServerWriter<adminv1::WatchNodePresenceResponse>* writer) {
  grpc::Status status = Handle("WatchNodePresence", context, *request, nullptr);
  if (!status.ok()) return status;
  std::vector<adminv1::WatchNodePresenceResponse> events;
  bool hold_open = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    events = watch_events_;
    hold_open = watch_hold_open_;
  }
  for (const auto& event : events) {
    if (!writer->Write(event)) return grpc::Status::CANCELLED;
  }
  while (hold_open && !context->IsCancelled()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return grpc::Status::OK;
}

FakeDaemon::FakeDaemon(const std::string& token, std::optional<FakeTls> tls) : service_(token) {
  grpc::ServerBuilder builder;
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  std::shared_ptr<grpc::ServerCredentials> credentials = grpc::InsecureServerCredentials();
  if (tls) {
    grpc::SslServerCredentialsOptions options;
    options.pem_key_cert_pairs.push_back({tls->private_key_pem, tls->cert_chain_pem});
    credentials = grpc::SslServerCredentials(options);
  }
  builder.AddListeningPort("127.0.0.1:0", credentials, &port_);
  builder.RegisterService(&service_);
  server_ = builder.BuildAndStart();
  if (!server_ || port_ == 0) throw std::runtime_error("the fake operator service did not start");
}

FakeDaemon::~FakeDaemon() {
  server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
  server_->Wait();
}

}  // namespace palyra::cli::testing
