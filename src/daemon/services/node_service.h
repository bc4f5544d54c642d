#pragma once
// palyra.node.v1.NodeService on the node listener (TLS always; client certificates optional at
// the TLS layer and enforced per RPC): the five pairing RPCs on top of the pairing coordinator,
// RegisterNode and ExecuteCapability on top of the node runtime, and StreamNodeEvents, which
// pushes capability dispatches to the node as soon as they are queued (NodeEventStream).
//
// Every request must carry v = 1; responses carry v = 1. Pairing RPCs need no certificate; the
// others run the certificate binding (node_tls::CertificateBinding) before anything else.

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "daemon/node_runtime/node_runtime.h"
#include "daemon/node_tls/certificate_binding.h"
#include "daemon/node_tls/revocation_watcher.h"
#include "identity/pairing/pairing_coordinator.h"
#include "identity/store/device_registry.h"
#include "palyra/v1/node.grpc.pb.h"

namespace palyra::daemon {

// How long ExecuteCapability waits for the node (upstream: 30 s, fixed).
inline constexpr int64_t kExecuteCapabilityTimeoutMs = 30'000;

struct NodeServiceDeps {
  identity::PairingCoordinator* pairing = nullptr;
  // A registry on its own connection (rotation and revocation).
  identity::DeviceRegistry* registry = nullptr;
  node_runtime::NodeRuntime* runtime = nullptr;
  const node_tls::CertificateBinding* binding = nullptr;
  node_tls::RevocationWatcher* revocations = nullptr;
  int64_t certificate_validity_ms = identity::kDefaultLeafValidityMs;
};

// Devices with an open event stream, for the operator's "connected" flag.
class ConnectedStreams {
 public:
  void Add(const std::string& device_id);
  void Remove(const std::string& device_id);
  bool IsConnected(std::string_view device_id) const;
  size_t size() const;

 private:
  mutable std::mutex mu_;
  std::multiset<std::string, std::less<>> devices_;
};

class NodeService final : public palyra::node::v1::NodeService::CallbackService {
 public:
  explicit NodeService(NodeServiceDeps deps) : deps_(deps) {}

  grpc::ServerUnaryReactor* BeginPairingSession(
      grpc::CallbackServerContext* context,
      const palyra::node::v1::BeginPairingSessionRequest* request,
      palyra::node::v1::BeginPairingSessionResponse* response) override;
  grpc::ServerUnaryReactor* CompletePairingSession(
      grpc::CallbackServerContext* context,
      const palyra::node::v1::CompletePairingSessionRequest* request,
      palyra::node::v1::CompletePairingSessionResponse* response) override;
  grpc::ServerUnaryReactor* GetPairingRequestStatus(
      grpc::CallbackServerContext* context,
      const palyra::node::v1::GetPairingRequestStatusRequest* request,
      palyra::node::v1::GetPairingRequestStatusResponse* response) override;
  grpc::ServerUnaryReactor* RotateDeviceCertificate(
      grpc::CallbackServerContext* context,
      const palyra::node::v1::RotateDeviceCertificateRequest* request,
      palyra::node::v1::RotateDeviceCertificateResponse* response) override;
  grpc::ServerUnaryReactor* RevokeDevicePairing(
      grpc::CallbackServerContext* context,
      const palyra::node::v1::RevokeDevicePairingRequest* request,
      palyra::node::v1::RevokeDevicePairingResponse* response) override;
  grpc::ServerUnaryReactor* RegisterNode(grpc::CallbackServerContext* context,
                                         const palyra::node::v1::RegisterNodeRequest* request,
                                         palyra::node::v1::RegisterNodeResponse* response) override;
  grpc::ServerBidiReactor<palyra::node::v1::NodeEventRequest, palyra::node::v1::NodeEventResponse>*
  StreamNodeEvents(grpc::CallbackServerContext* context) override;
  grpc::ServerUnaryReactor* ExecuteCapability(
      grpc::CallbackServerContext* context,
      const palyra::node::v1::ExecuteCapabilityRequest* request,
      palyra::node::v1::ExecuteCapabilityResponse* response) override;

  const ConnectedStreams& connected() const { return connected_; }
  // For the QUIC listener: a node listening there counts as connected too.
  ConnectedStreams& connected() { return connected_; }

 private:
  // The certificate binding for a request naming `device_id` (a CanonicalId's ulid).
  Status CheckBinding(const grpc::CallbackServerContext& context, std::string_view device_id);

  NodeServiceDeps deps_;
  ConnectedStreams connected_;
};

// A revoked or removed device: its queued and in-flight work fails with `reason`, and its node
// record goes (request history stays). Errors are logged; a device without a node is fine.
void ForgetDevice(node_runtime::NodeRuntime& runtime, const std::string& device_id,
                  std::string_view reason);

// "ipv4:10.0.0.5:43210" -> "ipv4:10.0.0.5": the failure budget is per address, not per port.
std::string PeerAddressForBudget(std::string_view grpc_peer);

}  // namespace palyra::daemon
