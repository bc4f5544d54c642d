// echo: hands its input back, so an operator can check the round trip through a node.

#include "node_host/capabilities/standard_capabilities.h"

namespace palyra::node_host {
namespace {

class EchoCapability final : public Capability {
 public:
  std::string_view name() const override { return "echo"; }
  Result<nlohmann::json> Execute(const nlohmann::json& input,
                                 const HostFacts& facts) const override {
    return nlohmann::json{{"echo", input}, {"device_id", facts.device_id}};
  }
};

}  // namespace

std::unique_ptr<Capability> MakeEchoCapability() { return std::make_unique<EchoCapability>(); }

}  // namespace palyra::node_host
