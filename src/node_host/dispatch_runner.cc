#include "node_host/dispatch_runner.h"

#include <exception>

namespace palyra::node_host {
namespace {

using node_protocol::CapabilityResultPayload;

// Upstream's shape: every field present, output null and error set on failure, error "" on
// success.
CapabilityResultPayload Result(const std::string& request_id, bool success, nlohmann::json output,
                               const std::string& error) {
  CapabilityResultPayload out;
  out.request_id = request_id;
  out.success = success;
  out.output_json = std::move(output);
  out.error = error;
  return out;
}

CapabilityResultPayload Failed(const std::string& request_id, const std::string& error) {
  return Result(request_id, false, nullptr, error);
}

}  // namespace

node_protocol::CapabilityResultPayload RunDispatch(const node_protocol::CapabilityDispatchPayload& dispatch,
                           const DispatchContext& context) {
  const std::string& id = dispatch.request_id;
  try {
    nlohmann::json input = nullptr;
    if (!dispatch.input_json.empty()) {
      input = nlohmann::json::parse(dispatch.input_json, nullptr, /*allow_exceptions=*/false);
      if (input.is_discarded()) return Failed(id, "input_json is not valid JSON");
    }
    const Capability* capability = nullptr;
    for (const auto& candidate : *context.capabilities) {
      if (candidate->name() == dispatch.capability) capability = candidate.get();
    }
    if (capability == nullptr) {
      return Failed(id, "unsupported capability `" + dispatch.capability.substr(0, 128) + "`");
    }
    if (capability->requires_local_mediation()) {
      auto subject = capability->Prepare(input);
      if (!subject.ok()) return Failed(id, std::string(subject.status().message()));
      nlohmann::json event;
      event["request_id"] = id;
      event["capability"] = dispatch.capability;
      event["state"] = "awaiting_local_mediation";
      if (context.report_mediation) context.report_mediation(event.dump());
      MediationDecision decision =
          Mediate(*context.policy, dispatch.capability, *subject, context.prompt);
      if (!decision.allowed) {
        CapabilityResultPayload denied = Failed(id, decision.reason);
        denied.denied_by_local_mediation = true;
        return denied;
      }
    }
    auto output = capability->Execute(input, *context.facts);
    if (!output.ok()) return Failed(id, std::string(output.status().message()));
    const uint64_t limit =
        dispatch.max_payload_bytes == 0 ? kDefaultMaxPayloadBytes : dispatch.max_payload_bytes;
    const std::string encoded = output->dump();
    if (encoded.size() > limit) {
      return Failed(id, "capability output exceeds max_payload_bytes=" + std::to_string(limit));
    }
    return Result(id, true, std::move(*output), "");
  } catch (const std::exception& error) {
    // nlohmann::json::dump throws on invalid UTF-8 in a string; report it, never crash.
    return Failed(id, std::string("capability failed: ") + error.what());
  }
}

nlohmann::json CapabilitySummary(const std::vector<std::unique_ptr<Capability>>& capabilities) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& capability : capabilities) {
    out.push_back({{"name", std::string(capability->name())},
                   {"requires_local_mediation", capability->requires_local_mediation()}});
  }
  return out;
}

}  // namespace palyra::node_host
