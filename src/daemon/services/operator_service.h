#pragma once
// palyra.admin.v1.OperatorService on the admin listener: the operator console (pairing codes and
// requests, nodes and capability invocation, devices, the gateway CA). Every call first checks
// the admin token (AdminAuth); a missing or wrong token is PERMISSION_DENIED.

#include <functional>
#include <string>

#include "daemon/node_runtime/node_runtime.h"
#include "daemon/services/admin_auth.h"
#include "daemon/services/node_service.h"
#include "identity/pairing/pairing_coordinator.h"
#include "identity/store/device_registry.h"
#include "palyra/admin/v1/operator.grpc.pb.h"

namespace palyra::daemon {

// Where devices reach the node listener, and the CA they pin.
struct NodeListenerInfo {
  std::string address;  // host:port actually bound
  std::string ca_fingerprint;
  std::string ca_certificate_pem;
  int64_t ca_not_after_unix_ms = 0;
};

struct OperatorServiceDeps {
  const AdminAuth* auth = nullptr;
  identity::PairingCoordinator* pairing = nullptr;
  identity::DeviceRegistry* registry = nullptr;  // its own connection
  node_runtime::NodeRuntime* runtime = nullptr;
  const ConnectedStreams* connected = nullptr;
  NodeListenerInfo node_listener;
  int64_t certificate_validity_ms = identity::kDefaultLeafValidityMs;
  // After a capability was granted or revoked (the daemon tells the node through its event log).
  std::function<void(const std::string& device_id, const std::string& capability, bool available)>
      on_capability_changed;
};

class OperatorService final : public palyra::admin::v1::OperatorService::CallbackService {
 public:
  explicit OperatorService(OperatorServiceDeps deps) : deps_(std::move(deps)) {}

  using Context = grpc::CallbackServerContext;
  using Unary = grpc::ServerUnaryReactor;

  Unary* MintPairingCode(Context* context, const palyra::admin::v1::MintPairingCodeRequest* request,
                         palyra::admin::v1::MintPairingCodeResponse* response) override;
  Unary* ListPairingCodes(Context* context,
                          const palyra::admin::v1::ListPairingCodesRequest* request,
                          palyra::admin::v1::ListPairingCodesResponse* response) override;
  Unary* CancelPairingCode(Context* context,
                           const palyra::admin::v1::CancelPairingCodeRequest* request,
                           palyra::admin::v1::CancelPairingCodeResponse* response) override;
  Unary* ListPairingRequests(Context* context,
                             const palyra::admin::v1::ListPairingRequestsRequest* request,
                             palyra::admin::v1::ListPairingRequestsResponse* response) override;
  Unary* GetPairingRequest(Context* context,
                           const palyra::admin::v1::GetPairingRequestRequest* request,
                           palyra::admin::v1::GetPairingRequestResponse* response) override;
  Unary* ApprovePairingRequest(Context* context,
                               const palyra::admin::v1::ApprovePairingRequestRequest* request,
                               palyra::admin::v1::ApprovePairingRequestResponse* response) override;
  Unary* RejectPairingRequest(Context* context,
                              const palyra::admin::v1::RejectPairingRequestRequest* request,
                              palyra::admin::v1::RejectPairingRequestResponse* response) override;
  Unary* ListNodes(Context* context, const palyra::admin::v1::ListNodesRequest* request,
                   palyra::admin::v1::ListNodesResponse* response) override;
  Unary* GetNode(Context* context, const palyra::admin::v1::GetNodeRequest* request,
                 palyra::admin::v1::GetNodeResponse* response) override;
  Unary* SetNodeCapability(Context* context,
                           const palyra::admin::v1::SetNodeCapabilityRequest* request,
                           palyra::admin::v1::SetNodeCapabilityResponse* response) override;
  Unary* InvokeCapability(Context* context,
                          const palyra::admin::v1::InvokeCapabilityRequest* request,
                          palyra::admin::v1::InvokeCapabilityResponse* response) override;
  Unary* ListCapabilityRequests(
      Context* context, const palyra::admin::v1::ListCapabilityRequestsRequest* request,
      palyra::admin::v1::ListCapabilityRequestsResponse* response) override;
  grpc::ServerWriteReactor<palyra::admin::v1::WatchNodePresenceResponse>* WatchNodePresence(
      Context* context, const palyra::admin::v1::WatchNodePresenceRequest* request) override;
  Unary* ListDevices(Context* context, const palyra::admin::v1::ListDevicesRequest* request,
                     palyra::admin::v1::ListDevicesResponse* response) override;
  Unary* RotateDevice(Context* context, const palyra::admin::v1::RotateDeviceRequest* request,
                      palyra::admin::v1::RotateDeviceResponse* response) override;
  Unary* RevokeDevice(Context* context, const palyra::admin::v1::RevokeDeviceRequest* request,
                      palyra::admin::v1::RevokeDeviceResponse* response) override;
  Unary* RemoveDevice(Context* context, const palyra::admin::v1::RemoveDeviceRequest* request,
                      palyra::admin::v1::RemoveDeviceResponse* response) override;
  Unary* GetGatewayCa(Context* context, const palyra::admin::v1::GetGatewayCaRequest* request,
                      palyra::admin::v1::GetGatewayCaResponse* response) override;

 private:
  void FillNode(const node_runtime::NodeRecord& record, palyra::admin::v1::Node* out) const;

  OperatorServiceDeps deps_;
};

}  // namespace palyra::daemon
