#include "daemon/node_runtime/node_events.h"

#include <spdlog/spdlog.h>

#include "node_protocol/capability_payloads.h"
#include "node_protocol/event_catalogue.h"

namespace palyra::node_runtime {

namespace {

using node_protocol::NodeEvent;

constexpr size_t kMaxEchoedEventNameBytes = 64;

// A printable, bounded rendering of an untrusted name for messages.
std::string Printable(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, kMaxEchoedEventNameBytes)) {
    out += (c >= 0x20 && c < 0x7f) ? c : '?';
  }
  if (text.size() > kMaxEchoedEventNameBytes) out += "...";
  return out;
}

// What the runtime says about an event for a request: PERMISSION_DENIED (another device's
// request) is an error; an unknown or already finished request is acknowledged as ignored.
Result<NodeEventOutcome> RuntimeOutcome(const Status& status) {
  NodeEventOutcome outcome;
  if (status.ok()) return outcome;
  if (status.code() == StatusCode::kNotFound ||
      status.code() == StatusCode::kFailedPrecondition) {
    outcome.accepted = false;
    outcome.reason = "ignored: " + status.message();
    return outcome;
  }
  return status;
}

Result<NodeEventOutcome> ApplyMediation(NodeRuntime& runtime, std::string_view device_id,
                                        const std::string& payload) {
  PALYRA_ASSIGN_OR_RETURN(
      std::string request_id,
      node_protocol::ParseRequestIdOf(payload, EventName(NodeEvent::kAwaitingLocalMediation)));
  return RuntimeOutcome(runtime.MarkAwaitingMediation(device_id, request_id).status());
}

Result<NodeEventOutcome> ApplyResult(NodeRuntime& runtime, std::string_view device_id,
                                     const std::string& payload) {
  PALYRA_ASSIGN_OR_RETURN(node_protocol::CapabilityResultPayload parsed,
                          node_protocol::ParseCapabilityResult(payload));
  CapabilityResult result;
  result.success = parsed.success;
  if (parsed.error) result.error = std::move(*parsed.error);
  if (parsed.output_json) result.output_json = parsed.output_json->dump();
  result.denied_by_local_mediation = parsed.denied_by_local_mediation.value_or(false);
  return RuntimeOutcome(runtime.Complete(device_id, parsed.request_id, result).status());
}

}  // namespace

Result<NodeEventOutcome> ApplyNodeEvent(NodeRuntime& runtime, std::string_view device_id,
                                        std::string_view name, const std::string& payload_json) {
  const std::optional<NodeEvent> event = node_protocol::ParseNodeEvent(name);
  NodeEventOutcome outcome;
  if (event == NodeEvent::kAwaitingLocalMediation) {
    PALYRA_ASSIGN_OR_RETURN(outcome, ApplyMediation(runtime, device_id, payload_json));
  } else if (event == NodeEvent::kCapabilityResult) {
    PALYRA_ASSIGN_OR_RETURN(outcome, ApplyResult(runtime, device_id, payload_json));
  } else if (!event) {
    outcome.accepted = false;
    outcome.reason = "unknown event_name '" + Printable(name) + "'; ignored";
  }
  Status touched = runtime.Touch(device_id, event ? name : std::string_view());
  if (!touched.ok() && touched.code() != StatusCode::kNotFound) return touched;
  if (event == NodeEvent::kStopping) spdlog::info("device {} is stopping", device_id);
  return outcome;
}

}  // namespace palyra::node_runtime
