#pragma once
// Turns one dispatch (node_protocol::CapabilityDispatchPayload, whichever channel carried it)
// into its capability.result payload: decode the input, find
// the capability, run local mediation for the desktop ones, execute, and bound the output.
// Nothing a gateway sends can make this throw; every problem is a failed (or, for a mediation
// denial, rejected) result whose error says what went wrong.

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "node_host/capabilities/capability.h"
#include "node_host/mediation/mediation_policy.h"
#include "node_protocol/capability_payloads.h"

namespace palyra::node_host {

// Upstream's host limit when a dispatch says 0 is 1 byte; ours is the daemon's default.
inline constexpr uint64_t kDefaultMaxPayloadBytes = 64 * 1024;

struct DispatchContext {
  const std::vector<std::unique_ptr<Capability>>* capabilities = nullptr;
  const HostFacts* facts = nullptr;
  const MediationPolicy* policy = nullptr;
  PromptFunction prompt;  // empty: no terminal
  // Sends capability.awaiting_local_mediation before a mediated capability asks for consent.
  std::function<void(const std::string& payload_json)> report_mediation;
};

// The capability.result payload: {request_id, success, output_json, error} plus
// denied_by_local_mediation when the policy refused.
node_protocol::CapabilityResultPayload RunDispatch(
    const node_protocol::CapabilityDispatchPayload& dispatch, const DispatchContext& context);

// The node.started capability list and the RegisterNode flags for `capabilities`.
nlohmann::json CapabilitySummary(const std::vector<std::unique_ptr<Capability>>& capabilities);

}  // namespace palyra::node_host
