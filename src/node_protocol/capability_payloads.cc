#include "node_protocol/capability_payloads.h"

#include "node_protocol/event_catalogue.h"

namespace palyra::node_protocol {
namespace {

using nlohmann::json;

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<json> ParseBoundedObject(std::string_view text, std::string_view event) {
  if (text.size() > kMaxCapabilityPayloadBytes) {
    return InvalidArgument(std::string(event) + " payload_json is larger than " +
                           std::to_string(kMaxCapabilityPayloadBytes) + " bytes");
  }
  json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return InvalidArgument(std::string(event) + " payload_json must be a JSON object");
  }
  return parsed;
}

Result<std::string> RequestIdIn(const json& object, std::string_view event) {
  auto it = object.find("request_id");
  if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
    return InvalidArgument(std::string(event) +
                           " payload_json needs a non-empty string request_id");
  }
  if (it->get_ref<const std::string&>().size() > kMaxRequestIdBytes) {
    return InvalidArgument(std::string(event) + " request_id is longer than " +
                           std::to_string(kMaxRequestIdBytes) + " bytes");
  }
  return it->get<std::string>();
}

}  // namespace

std::string EncodeCapabilityDispatch(const CapabilityDispatchPayload& dispatch) {
  json payload = {{"request_id", dispatch.request_id},
                  {"capability", dispatch.capability},
                  {"max_payload_bytes", dispatch.max_payload_bytes}};
  json input = json::parse(dispatch.input_json, nullptr, /*allow_exceptions=*/false);
  payload["input"] = input.is_discarded() ? json() : std::move(input);
  return Dump(payload);
}

Result<CapabilityDispatchPayload> ParseCapabilityDispatch(std::string_view text) {
  PALYRA_ASSIGN_OR_RETURN(json object,
                          ParseBoundedObject(text, EventName(GatewayEvent::kCapabilityDispatch)));
  return ParseCapabilityDispatchValue(object);
}

Result<CapabilityDispatchPayload> ParseCapabilityDispatchValue(const json& object) {
  const std::string_view event = EventName(GatewayEvent::kCapabilityDispatch);
  if (!object.is_object()) {
    return InvalidArgument(std::string(event) + " payload_json must be a JSON object");
  }
  CapabilityDispatchPayload out;
  PALYRA_ASSIGN_OR_RETURN(out.request_id, RequestIdIn(object, event));
  if (auto it = object.find("capability"); it != object.end()) {
    if (!it->is_string()) return InvalidArgument(std::string(event) + " capability must be a string");
    if (it->get_ref<const std::string&>().size() > kMaxCapabilityNameBytes) {
      return InvalidArgument(std::string(event) + " capability is longer than " +
                             std::to_string(kMaxCapabilityNameBytes) + " bytes");
    }
    out.capability = it->get<std::string>();
  }
  if (auto it = object.find("max_payload_bytes"); it != object.end() && !it->is_null()) {
    if (!it->is_number_unsigned()) {
      return InvalidArgument(std::string(event) +
                             " max_payload_bytes must be an integer 0..2^64-1");
    }
    out.max_payload_bytes = it->get<uint64_t>();
  }
  if (auto it = object.find("input"); it != object.end()) out.input_json = Dump(*it);
  return out;
}

std::string EncodeCapabilityResult(const CapabilityResultPayload& result) {
  json payload;
  payload["request_id"] = result.request_id;
  payload["success"] = result.success;
  if (result.output_json) payload["output_json"] = *result.output_json;
  if (result.error) payload["error"] = *result.error;
  if (result.denied_by_local_mediation) {
    payload["denied_by_local_mediation"] = *result.denied_by_local_mediation;
  }
  return Dump(payload);
}

Result<CapabilityResultPayload> ParseCapabilityResult(std::string_view text) {
  const std::string_view event = EventName(NodeEvent::kCapabilityResult);
  PALYRA_ASSIGN_OR_RETURN(json object, ParseBoundedObject(text, event));
  CapabilityResultPayload out;
  PALYRA_ASSIGN_OR_RETURN(out.request_id, RequestIdIn(object, event));
  if (auto it = object.find("success"); it != object.end()) {
    if (!it->is_boolean()) return InvalidArgument("capability.result success must be a boolean");
    out.success = it->get<bool>();
  }
  if (auto it = object.find("error"); it != object.end() && !it->is_null()) {
    if (!it->is_string()) return InvalidArgument("capability.result error must be a string");
    out.error = it->get<std::string>();
  }
  if (auto it = object.find("output_json"); it != object.end()) out.output_json = std::move(*it);
  if (auto it = object.find("denied_by_local_mediation"); it != object.end()) {
    if (!it->is_boolean()) {
      return InvalidArgument("capability.result denied_by_local_mediation must be a boolean");
    }
    out.denied_by_local_mediation = it->get<bool>();
  }
  return out;
}

Result<std::string> ParseRequestIdOf(std::string_view text, std::string_view event_name) {
  PALYRA_ASSIGN_OR_RETURN(json object, ParseBoundedObject(text, event_name));
  return RequestIdIn(object, event_name);
}

}  // namespace palyra::node_protocol
