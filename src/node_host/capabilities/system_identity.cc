// system.identity: who this node is, as the gateway should see it (input ignored).

#include "node_host/capabilities/standard_capabilities.h"

namespace palyra::node_host {
namespace {

class SystemIdentityCapability final : public Capability {
 public:
  std::string_view name() const override { return "system.identity"; }
  Result<nlohmann::json> Execute(const nlohmann::json& /*input*/,
                                 const HostFacts& facts) const override {
    nlohmann::json out = {{"device_id", facts.device_id},
                          {"identity_fingerprint", facts.identity_fingerprint},
                          {"grpc_url", facts.grpc_url},
                          {"paired_at_unix_ms", nullptr}};
    if (facts.paired_at_unix_ms) out["paired_at_unix_ms"] = *facts.paired_at_unix_ms;
    return out;
  }
};

}  // namespace

std::unique_ptr<Capability> MakeSystemIdentityCapability() {
  return std::make_unique<SystemIdentityCapability>();
}

}  // namespace palyra::node_host
