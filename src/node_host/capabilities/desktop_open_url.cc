// desktop.open_url: opens an http/https URL in the default browser, after local mediation.
// Execute() validates again instead of trusting that Prepare() ran: it is the one that acts.

#include "node_host/capabilities/input_fields.h"
#include "node_host/capabilities/platform_opener.h"
#include "node_host/capabilities/standard_capabilities.h"
#include "node_host/capabilities/url_rules.h"

namespace palyra::node_host {
namespace {

constexpr std::string_view kName = "desktop.open_url";

Result<WebUrl> UrlFromInput(const nlohmann::json& input) {
  PALYRA_ASSIGN_OR_RETURN(std::string text, RequireStringField(input, kName, "url"));
  return ParseWebUrl(text, kName);
}

class DesktopOpenUrlCapability final : public Capability {
 public:
  std::string_view name() const override { return kName; }
  bool requires_local_mediation() const override { return true; }

  Result<MediationSubject> Prepare(const nlohmann::json& input) const override {
    PALYRA_ASSIGN_OR_RETURN(WebUrl url, UrlFromInput(input));
    return MediationSubject{MediationSubject::Kind::kUrl, std::move(url.normalised),
                            std::move(url.origin)};
  }

  Result<nlohmann::json> Execute(const nlohmann::json& input,
                                 const HostFacts& /*facts*/) const override {
    PALYRA_ASSIGN_OR_RETURN(WebUrl url, UrlFromInput(input));
    PALYRA_RETURN_IF_ERROR(OpenWithPlatformOpener(url.normalised).WithContext(kName));
    return nlohmann::json{{"opened", true}, {"url", url.normalised}};
  }
};

}  // namespace

std::unique_ptr<Capability> MakeDesktopOpenUrlCapability() {
  return std::make_unique<DesktopOpenUrlCapability>();
}

}  // namespace palyra::node_host
