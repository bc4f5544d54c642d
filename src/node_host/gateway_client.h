#pragma once
// The node host's view of the gateway's NodeService: one TLS channel to the node listener
// (trusting only the gateway CA, presenting the device certificate once there is one) and the
// unary calls the host makes. Statuses come back as palyra::Status with the RPC's code and the
// daemon's message, so callers can tell "unreachable" (UNAVAILABLE) from "refused".

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "identity/device_identity.h"
#include "identity/pairing_method.h"
#include "node_host/host_material.h"
#include "palyra/v1/node.grpc.pb.h"

namespace palyra::node_host {

namespace nodev1 = palyra::node::v1;

inline constexpr std::chrono::milliseconds kGatewayRpcTimeout{10'000};

// "<os>-<arch>" as upstream registers it, e.g. "linux-x86_64".
std::string HostPlatform();

// A gRPC status as a palyra::Status, keeping code and message.
Status FromGrpc(const grpc::Status& status, std::string_view what);

class GatewayClient {
 public:
  // `client` empty: no client certificate (pairing only).
  static Result<std::unique_ptr<GatewayClient>> Connect(const std::string& target,
                                                        const std::string& ca_pem,
                                                        const ClientMaterial* client);

  nodev1::NodeService::Stub& stub() { return *stub_; }
  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }

  struct PairingStarted {
    std::string session_id;
    nodev1::CompletePairingSessionResponse completed;
  };
  // Begin + Complete pairing as `identity` with `method` (kind + code); `csr_pem` names the key
  // the device generated.
  Result<PairingStarted> BeginAndComplete(const identity::DeviceIdentity& identity,
                                          const identity::PairingMethod& method,
                                          const std::string& csr_pem);
  Result<nodev1::GetPairingRequestStatusResponse> PairingStatus(const std::string& session_id,
                                                                const std::string& device_id);
  struct Registration {
    bool accepted = false;
    std::string reason;
  };
  // RegisterNode announcing `capability_names`, each available.
  Result<Registration> Register(const std::string& device_id,
                                const std::vector<std::string>& capability_names);
  struct RotatedCertificate {
    std::string certificate_pem;
    int64_t expires_at_unix_ms = 0;
  };
  // RotateDeviceCertificate for the key behind `csr_pem`; INTERNAL when no certificate came back.
  Result<RotatedCertificate> Rotate(const std::string& device_id, const std::string& csr_pem);
  Result<nodev1::RevokeDevicePairingResponse> Revoke(
      const std::string& device_id, const std::string& reason,
      std::chrono::milliseconds timeout = kGatewayRpcTimeout);

  void PrepareContext(grpc::ClientContext& context,
                      std::chrono::milliseconds timeout = kGatewayRpcTimeout) const;

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<nodev1::NodeService::Stub> stub_;
};

}  // namespace palyra::node_host
