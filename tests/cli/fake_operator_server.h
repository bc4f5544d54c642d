#pragma once
// A stand-in for palyrad's operator service, for CLI tests while the daemon side is being
// written: a real gRPC server on an ephemeral loopback port (h2c or TLS) that checks the bearer
// token like the daemon will, records each request, and answers with canned responses.

#include <grpcpp/grpcpp.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "palyra/admin/v1/operator.grpc.pb.h"

namespace palyra::cli::testing {

namespace adminv1 = ::palyra::admin::v1;

class FakeOperatorService final : public adminv1::OperatorService::Service {
 public:
  explicit FakeOperatorService(std::string token) : token_(std::move(token)) {}

  // The response `method` (e.g. "ListNodes") answers with, or an error it fails with.
  void SetResponse(const std::string& method, const google::protobuf::Message& response);
  void SetError(const std::string& method, grpc::Status status);
  // Presence events WatchNodePresence sends; then it ends the stream, or with hold_open waits
  // until the client cancels.
  void SetWatchEvents(std::vector<adminv1::WatchNodePresenceResponse> events, bool hold_open);

  // The last request `method` received (after the token check passed).
  template <typename Request>
  std::optional<Request> LastRequest(const std::string& method) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = requests_.find(method);
    if (it == requests_.end()) return std::nullopt;
    Request out;
    out.CopyFrom(*it->second);
    return out;
  }
  // Every method called, including refused ones.
  std::vector<std::string> Calls();
  // The `authorization` metadata of every call, as received.
  std::vector<std::string> AuthorizationHeaders();

  grpc::Status MintPairingCode(grpc::ServerContext* context,
                               const adminv1::MintPairingCodeRequest* request,
                               adminv1::MintPairingCodeResponse* response) override;
  grpc::Status ListPairingCodes(grpc::ServerContext* context,
                                const adminv1::ListPairingCodesRequest* request,
                                adminv1::ListPairingCodesResponse* response) override;
  grpc::Status CancelPairingCode(grpc::ServerContext* context,
                                 const adminv1::CancelPairingCodeRequest* request,
                                 adminv1::CancelPairingCodeResponse* response) override;
  grpc::Status ListPairingRequests(grpc::ServerContext* context,
                                   const adminv1::ListPairingRequestsRequest* request,
                                   adminv1::ListPairingRequestsResponse* response) override;
  grpc::Status ApprovePairingRequest(grpc::ServerContext* context,
                                     const adminv1::ApprovePairingRequestRequest* request,
                                     adminv1::ApprovePairingRequestResponse* response) override;
  grpc::Status RejectPairingRequest(grpc::ServerContext* context,
                                    const adminv1::RejectPairingRequestRequest* request,
                                    adminv1::RejectPairingRequestResponse* response) override;
  grpc::Status ListNodes(grpc::ServerContext* context, const adminv1::ListNodesRequest* request,
                         adminv1::ListNodesResponse* response) override;
  grpc::Status GetNode(grpc::ServerContext* context, const adminv1::GetNodeRequest* request,
                       adminv1::GetNodeResponse* response) override;
  grpc::Status InvokeCapability(grpc::ServerContext* context,
                                const adminv1::InvokeCapabilityRequest* request,
                                adminv1::InvokeCapabilityResponse* response) override;
  grpc::Status ListCapabilityRequests(grpc::ServerContext* context,
                                      const adminv1::ListCapabilityRequestsRequest* request,
                                      adminv1::ListCapabilityRequestsResponse* response) override;
  grpc::Status WatchNodePresence(
      grpc::ServerContext* context, const adminv1::WatchNodePresenceRequest* request,
      grpc::ServerWriter<adminv1::WatchNodePresenceResponse>* writer) override;
  grpc::Status ListDevices(grpc::ServerContext* context, const adminv1::ListDevicesRequest* request,
                           adminv1::ListDevicesResponse* response) override;
  grpc::Status RotateDevice(grpc::ServerContext* context,
                            const adminv1::RotateDeviceRequest* request,
                            adminv1::RotateDeviceResponse* response) override;
  grpc::Status RevokeDevice(grpc::ServerContext* context,
                            const adminv1::RevokeDeviceRequest* request,
                            adminv1::RevokeDeviceResponse* response) override;
  grpc::Status RemoveDevice(grpc::ServerContext* context,
                            const adminv1::RemoveDeviceRequest* request,
                            adminv1::RemoveDeviceResponse* response) override;
  grpc::Status GetGatewayCa(grpc::ServerContext* context,
                            const adminv1::GetGatewayCaRequest* request,
                            adminv1::GetGatewayCaResponse* response) override;

 private:
  grpc::Status Handle(const std::string& method, grpc::ServerContext* context,
                      const google::protobuf::Message& request,
                      google::protobuf::Message* response);

  const std::string token_;
  std::mutex mu_;
  std::vector<std::string> calls_;
  std::vector<std::string> authorization_headers_;
  std::map<std::string, std::unique_ptr<google::protobuf::Message>> requests_;
  std::map<std::string, std::unique_ptr<google::protobuf::Message>> responses_;
  std::map<std::string, grpc::Status> errors_;
  std::vector<adminv1::WatchNodePresenceResponse> watch_events_;
  bool watch_hold_open_ = false;
};

struct FakeTls {
  std::string cert_chain_pem;
  std::string private_key_pem;
};

class FakeDaemon {
 public:
  // Listens on 127.0.0.1 with an ephemeral port; TLS when `tls` is given.
  explicit FakeDaemon(const std::string& token, std::optional<FakeTls> tls = std::nullopt);
  ~FakeDaemon();

  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  FakeOperatorService& service() { return service_; }

 private:
  FakeOperatorService service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

}  // namespace palyra::cli::testing
