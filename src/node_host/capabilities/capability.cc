#include "node_host/capabilities/capability.h"

#include "node_host/capabilities/standard_capabilities.h"

namespace palyra::node_host {

Result<MediationSubject> Capability::Prepare(const nlohmann::json& /*input*/) const {
  return FailedPrecondition(std::string(name()) +
                            " does not need local mediation, so it has nothing to prepare");
}

std::vector<std::unique_ptr<Capability>> StandardCapabilities() {
  std::vector<std::unique_ptr<Capability>> capabilities;
  capabilities.push_back(MakeEchoCapability());
  capabilities.push_back(MakeSystemHealthCapability());
  capabilities.push_back(MakeSystemIdentityCapability());
  capabilities.push_back(MakeDesktopOpenUrlCapability());
  capabilities.push_back(MakeDesktopOpenPathCapability());
  return capabilities;
}

}  // namespace palyra::node_host
