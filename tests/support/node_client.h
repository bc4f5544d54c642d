#pragma once
// Test clients for a real palyrad: the operator (OperatorService on the admin listener, with the
// admin token) and a device (NodeService on the node listener over TLS: pairing without a
// client certificate, everything else with one). They use the generated stubs and the node_tls
// channel credentials, so they exercise the same wire contract as any other client.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "identity/device_identity.h"
#include "palyra/admin/v1/operator.grpc.pb.h"
#include "palyra/v1/node.grpc.pb.h"

namespace palyra::testing {

namespace adminv1 = palyra::admin::v1;
namespace nodev1 = palyra::node::v1;

inline constexpr auto kRpcDeadline = std::chrono::seconds(20);

class OperatorClient {
 public:
  OperatorClient(const std::string& admin_address, std::string token);

  grpc::Status MintCode(adminv1::PairingMethodKind method, bool auto_approve,
                        adminv1::MintPairingCodeResponse* out, int64_t ttl_ms = 0);
  grpc::Status Approve(const std::string& request_id, adminv1::ApprovePairingRequestResponse* out,
                       bool confirm_identity_change = false);
  grpc::Status Reject(const std::string& request_id, const std::string& reason);
  grpc::Status ListRequests(adminv1::PairingRequestState state,
                            adminv1::ListPairingRequestsResponse* out);
  grpc::Status GetNode(const std::string& device_id, adminv1::Node* out);
  grpc::Status Invoke(const adminv1::InvokeCapabilityRequest& request,
                      adminv1::CapabilityRequest* out);
  grpc::Status ListCapabilityRequests(const std::string& device_id,
                                      adminv1::ListCapabilityRequestsResponse* out);
  grpc::Status Revoke(const std::string& device_id, const std::string& reason = {});
  grpc::Status Remove(const std::string& device_id);

  adminv1::OperatorService::Stub& stub() { return *stub_; }
  // A context with the token and the default deadline.
  std::unique_ptr<grpc::ClientContext> Context() const;

 private:
  std::string token_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<adminv1::OperatorService::Stub> stub_;
};

// What a device holds after pairing.
struct DeviceMaterial {
  std::string device_id;
  std::string certificate_pem;
  std::string private_key_pem;
  std::string ca_pem;
  int64_t cert_expires_at_unix_ms = 0;
};

class NodeClient {
 public:
  // Without a client certificate (pairing only), or with one.
  NodeClient(const std::string& node_address, const std::string& ca_pem);
  NodeClient(const std::string& node_address, const DeviceMaterial& material);

  nodev1::NodeService::Stub& stub() { return *stub_; }
  std::unique_ptr<grpc::ClientContext> Context() const;

  // Begin + Complete as the device `identity` with `code`; `csr_pem` for a device-side key.
  grpc::Status BeginAndComplete(const identity::DeviceIdentity& identity,
                                adminv1::PairingMethodKind method, const std::string& code,
                                const std::string& csr_pem,
                                nodev1::CompletePairingSessionResponse* out,
                                std::string* session_id);
  grpc::Status Status(const std::string& session_id, const std::string& device_id,
                      nodev1::GetPairingRequestStatusResponse* out);
  // Polls the status until completed/rejected/expired or `timeout`.
  grpc::Status WaitForDecision(const std::string& session_id, const std::string& device_id,
                               nodev1::GetPairingRequestStatusResponse* out,
                               std::chrono::milliseconds timeout = std::chrono::seconds(20));
  grpc::Status Register(const std::string& device_id, const std::vector<std::string>& capabilities,
                        nodev1::RegisterNodeResponse* out = nullptr);

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<nodev1::NodeService::Stub> stub_;
};

// Mints a code, pairs a fresh device (operator approval unless the code is auto-approved) and
// returns its material. `use_csr`: the device generates its key and sends a CSR.
struct PairOptions {
  adminv1::PairingMethodKind method = adminv1::PAIRING_METHOD_KIND_PIN;
  bool auto_approve = true;
  bool use_csr = true;
};
DeviceMaterial PairDevice(OperatorClient& op, const std::string& node_address,
                          const std::string& ca_pem, const PairOptions& options = {});

// One StreamNodeEvents call, read on a thread of its own into a queue.
class EventStream {
 public:
  EventStream(NodeClient& client, std::string device_id);
  ~EventStream();

  // Sends one event; false when the stream is broken.
  bool Send(const std::string& event_name, const std::string& payload_json,
            uint32_t version = 1);
  bool SendAs(const std::string& device_id, const std::string& event_name,
              const std::string& payload_json);
  // The next message, or nullopt after `timeout` or when the stream ended.
  std::optional<nodev1::NodeEventResponse> Next(std::chrono::milliseconds timeout);
  // The next message carrying a dispatch (acks skipped).
  std::optional<nodev1::NodeCapabilityDispatch> NextDispatch(std::chrono::milliseconds timeout);
  // Sends a capability.result for `request_id`.
  bool SendResult(const std::string& request_id, bool success, const std::string& output_json,
                  const std::string& error = {});
  // Half-closes and returns the final status.
  grpc::Status Close();
  // The final status once the daemon ended the stream, or nullopt after `timeout`.
  std::optional<grpc::Status> WaitEnded(std::chrono::milliseconds timeout);

 private:
  void ReadLoop();

  std::string device_id_;
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReaderWriter<nodev1::NodeEventRequest, nodev1::NodeEventResponse>>
      stream_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<nodev1::NodeEventResponse> received_;
  bool reader_done_ = false;
  std::optional<grpc::Status> final_status_;
  bool writes_done_ = false;
  std::thread reader_;
};

// A node that answers every dispatch with `echo` semantics ({echo: input, device_id}) on its own
// stream, until destroyed.
class EchoNode {
 public:
  EchoNode(const std::string& node_address, DeviceMaterial material);
  ~EchoNode();
  const std::string& device_id() const { return material_.device_id; }
  size_t answered() const;

 private:
  DeviceMaterial material_;
  NodeClient client_;
  std::unique_ptr<EventStream> stream_;
  std::atomic<bool> stop_{false};
  std::atomic<size_t> answered_{0};
  std::thread loop_;
};

std::string ReadTextFile(const std::string& path);
// The daemon's admin token file without its trailing newline.
std::string ReadAdminToken(const std::string& path);

}  // namespace palyra::testing
