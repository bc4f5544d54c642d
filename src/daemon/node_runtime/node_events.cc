#include "daemon/node_runtime/node_events.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace palyra::node_runtime {

namespace {

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

Result<nlohmann::json> ParseObject(const std::string& payload, std::string_view event) {
  nlohmann::json json = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return InvalidArgument(std::string(event) + " payload_json must be a JSON object");
  }
  return json;
}

Result<std::string> RequestIdOf(const nlohmann::json& json, std::string_view event) {
  auto it = json.find("request_id");
  if (it == json.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
    return InvalidArgument(std::string(event) +
                           " payload_json needs a non-empty string request_id");
  }
  return it->get<std::string>();
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
  PALYRA_ASSIGN_OR_RETURN(nlohmann::json json, ParseObject(payload, kNodeEventMediation));
  PALYRA_ASSIGN_OR_RETURN(std::string request_id, RequestIdOf(json, kNodeEventMediation));
  return RuntimeOutcome(runtime.MarkAwaitingMediation(device_id, request_id).status());
}

Result<NodeEventOutcome> ApplyResult(NodeRuntime& runtime, std::string_view device_id,
                                     const std::string& payload) {
  PALYRA_ASSIGN_OR_RETURN(nlohmann::json json, ParseObject(payload, kNodeEventResult));
  PALYRA_ASSIGN_OR_RETURN(std::string request_id, RequestIdOf(json, kNodeEventResult));
  CapabilityResult result;
  if (auto it = json.find("success"); it != json.end()) {
    if (!it->is_boolean()) return InvalidArgument("capability.result success must be a boolean");
    result.success = it->get<bool>();
  }
  if (auto it = json.find("error"); it != json.end() && !it->is_null()) {
    if (!it->is_string()) return InvalidArgument("capability.result error must be a string");
    result.error = it->get<std::string>();
  }
  if (auto it = json.find("output_json"); it != json.end()) result.output_json = it->dump();
  // Our extension: the node's local mediation refused the work.
  if (auto it = json.find("denied_by_local_mediation"); it != json.end()) {
    if (!it->is_boolean()) {
      return InvalidArgument("capability.result denied_by_local_mediation must be a boolean");
    }
    result.denied_by_local_mediation = it->get<bool>();
  }
  return RuntimeOutcome(runtime.Complete(device_id, request_id, result).status());
}

}  // namespace

bool IsKnownNodeEvent(std::string_view name) {
  return name == kNodeEventStarted || name == kNodeEventHeartbeat || name == kNodeEventMediation ||
         name == kNodeEventResult || name == kNodeEventStopping;
}

Result<NodeEventOutcome> ApplyNodeEvent(NodeRuntime& runtime, std::string_view device_id,
                                        std::string_view name, const std::string& payload_json) {
  NodeEventOutcome outcome;
  if (name == kNodeEventMediation) {
    PALYRA_ASSIGN_OR_RETURN(outcome, ApplyMediation(runtime, device_id, payload_json));
  } else if (name == kNodeEventResult) {
    PALYRA_ASSIGN_OR_RETURN(outcome, ApplyResult(runtime, device_id, payload_json));
  } else if (!IsKnownNodeEvent(name)) {
    outcome.accepted = false;
    outcome.reason = "unknown event_name '" + Printable(name) + "'; ignored";
  }
  const bool known = IsKnownNodeEvent(name);
  Status touched = runtime.Touch(device_id, known ? name : std::string_view());
  if (!touched.ok() && touched.code() != StatusCode::kNotFound) return touched;
  if (name == kNodeEventStopping) spdlog::info("device {} is stopping", device_id);
  return outcome;
}

}  // namespace palyra::node_runtime
