#include "cli/proto_json.h"

#include "cli/json_input.h"

namespace palyra::cli {

using nlohmann::json;

std::string_view PairingMethodName(adminv1::PairingMethodKind method) {
  switch (method) {
    case adminv1::PAIRING_METHOD_KIND_PIN:
      return "pin";
    case adminv1::PAIRING_METHOD_KIND_QR:
      return "qr";
    default:
      return "unspecified";
  }
}

std::optional<adminv1::PairingMethodKind> ParsePairingMethod(std::string_view name) {
  if (name == "pin") return adminv1::PAIRING_METHOD_KIND_PIN;
  if (name == "qr") return adminv1::PAIRING_METHOD_KIND_QR;
  return std::nullopt;
}

std::string_view PairingRequestStateName(adminv1::PairingRequestState state) {
  switch (state) {
    case adminv1::PAIRING_REQUEST_STATE_PENDING_APPROVAL:
      return "pending_approval";
    case adminv1::PAIRING_REQUEST_STATE_APPROVED:
      return "approved";
    case adminv1::PAIRING_REQUEST_STATE_REJECTED:
      return "rejected";
    case adminv1::PAIRING_REQUEST_STATE_COMPLETED:
      return "completed";
    case adminv1::PAIRING_REQUEST_STATE_EXPIRED:
      return "expired";
    default:
      return "unspecified";
  }
}

std::string_view NodePresenceName(adminv1::NodePresence presence) {
  switch (presence) {
    case adminv1::NODE_PRESENCE_ONLINE:
      return "online";
    case adminv1::NODE_PRESENCE_STALE:
      return "stale";
    case adminv1::NODE_PRESENCE_OFFLINE:
      return "offline";
    default:
      return "unspecified";
  }
}

std::string_view CapabilityRequestStateName(adminv1::CapabilityRequestState state) {
  switch (state) {
    case adminv1::CAPABILITY_REQUEST_STATE_QUEUED:
      return "queued";
    case adminv1::CAPABILITY_REQUEST_STATE_DISPATCHED:
      return "dispatched";
    case adminv1::CAPABILITY_REQUEST_STATE_AWAITING_LOCAL_MEDIATION:
      return "awaiting_local_mediation";
    case adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED:
      return "succeeded";
    case adminv1::CAPABILITY_REQUEST_STATE_FAILED:
      return "failed";
    case adminv1::CAPABILITY_REQUEST_STATE_TIMED_OUT:
      return "timed_out";
    case adminv1::CAPABILITY_REQUEST_STATE_REJECTED:
      return "rejected";
    default:
      return "unspecified";
  }
}

bool IsTerminalCapabilityState(adminv1::CapabilityRequestState state) {
  return state == adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED ||
         state == adminv1::CAPABILITY_REQUEST_STATE_FAILED ||
         state == adminv1::CAPABILITY_REQUEST_STATE_TIMED_OUT ||
         state == adminv1::CAPABILITY_REQUEST_STATE_REJECTED;
}

json UnixMsOrNull(int64_t unix_ms) { return unix_ms == 0 ? json(nullptr) : json(unix_ms); }

json PayloadJson(std::string_view bytes) {
  if (bytes.empty()) return nullptr;
  if (!JsonNestsDeeperThan(bytes, kMaxJsonDepth)) {
    json parsed = json::parse(bytes, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_discarded()) return parsed;
  }
  return json{{"raw_utf8", std::string(bytes)}};
}

json PairingCodeJson(const adminv1::PairingCode& code) {
  return json{
      {"code_id", code.code_id()},
      {"method", PairingMethodName(code.method())},
      {"auto_approve", code.auto_approve()},
      {"issued_by", code.issued_by()},
      {"state", code.state()},
      {"created_at_unix_ms", UnixMsOrNull(code.created_at_unix_ms())},
      {"expires_at_unix_ms", UnixMsOrNull(code.expires_at_unix_ms())},
  };
}

json MintPairingCodeJson(const adminv1::MintPairingCodeResponse& response) {
  json out = PairingCodeJson(response.info());
  out["code"] = response.code();
  out["uri"] = response.pairing_uri();
  out["node_rpc_address"] = response.node_rpc_address();
  out["gateway_ca_fingerprint"] = response.gateway_ca_fingerprint();
  return out;
}

json PairingRequestJson(const adminv1::PairingRequest& request) {
  return json{
      {"request_id", request.request_id()},
      {"device_id", request.device_id()},
      {"client_kind", request.client_kind()},
      {"state", PairingRequestStateName(request.state())},
      {"reason", request.reason()},
      {"method_label", request.method_label()},
      {"identity_fingerprint", request.identity_fingerprint()},
      {"transcript_hash", request.transcript_hash()},
      {"created_at_unix_ms", UnixMsOrNull(request.created_at_unix_ms())},
      {"updated_at_unix_ms", UnixMsOrNull(request.updated_at_unix_ms())},
      {"expires_at_unix_ms", UnixMsOrNull(request.expires_at_unix_ms())},
      {"decided_by", request.decided_by()},
      {"decided_at_unix_ms", UnixMsOrNull(request.decided_at_unix_ms())},
      {"key_source", request.key_source()},
      {"certificate_fingerprint", request.certificate_fingerprint()},
      {"certificate_expires_at_unix_ms", UnixMsOrNull(request.certificate_expires_at_unix_ms())},
      {"identity_change_confirmed", request.identity_change_confirmed()},
  };
}

json NodeJson(const adminv1::Node& node) {
  json capabilities = json::array();
  for (const auto& capability : node.capabilities()) {
    capabilities.push_back({{"name", capability.name()},
                            {"available", capability.available()},
                            {"execution_mode", capability.execution_mode()}});
  }
  return json{
      {"device_id", node.device_id()},
      {"platform", node.platform()},
      {"presence", NodePresenceName(node.presence())},
      {"capabilities", std::move(capabilities)},
      {"registered_at_unix_ms", UnixMsOrNull(node.registered_at_unix_ms())},
      {"last_seen_at_unix_ms", UnixMsOrNull(node.last_seen_at_unix_ms())},
      {"last_event_name", node.last_event_name()},
      {"last_event_at_unix_ms", UnixMsOrNull(node.last_event_at_unix_ms())},
      {"connected", node.connected()},
  };
}

json CapabilityRequestJson(const adminv1::CapabilityRequest& request) {
  return json{
      {"request_id", request.request_id()},
      {"device_id", request.device_id()},
      {"capability", request.capability()},
      {"state", CapabilityRequestStateName(request.state())},
      {"success", request.success()},
      {"output_json", PayloadJson(request.output_json())},
      {"error", request.error()},
      {"input_summary", request.input_summary()},
      {"output_summary", request.output_summary()},
      {"max_payload_bytes", request.max_payload_bytes()},
      {"idempotency_key", request.idempotency_key()},
      {"created_at_unix_ms", UnixMsOrNull(request.created_at_unix_ms())},
      {"updated_at_unix_ms", UnixMsOrNull(request.updated_at_unix_ms())},
      {"dispatched_at_unix_ms", UnixMsOrNull(request.dispatched_at_unix_ms())},
      {"completed_at_unix_ms", UnixMsOrNull(request.completed_at_unix_ms())},
  };
}

json PresenceEventJson(const adminv1::WatchNodePresenceResponse& event) {
  return json{
      {"device_id", event.device_id()},
      {"presence", NodePresenceName(event.presence())},
      {"last_seen_at_unix_ms", UnixMsOrNull(event.last_seen_at_unix_ms())},
      {"at_unix_ms", UnixMsOrNull(event.at_unix_ms())},
      {"snapshot", event.snapshot()},
      {"removed", event.removed()},
  };
}

json DeviceJson(const adminv1::Device& device) {
  return json{
      {"device_id", device.device_id()},
      {"client_kind", device.client_kind()},
      {"identity_fingerprint", device.identity_fingerprint()},
      {"certificate_fingerprint", device.certificate_fingerprint()},
      {"certificate_expires_at_unix_ms", UnixMsOrNull(device.certificate_expires_at_unix_ms())},
      {"paired_at_unix_ms", UnixMsOrNull(device.paired_at_unix_ms())},
  };
}

}  // namespace palyra::cli
