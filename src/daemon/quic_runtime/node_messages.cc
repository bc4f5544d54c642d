#include "daemon/quic_runtime/node_messages.h"

#include <limits>
#include <nlohmann/json.hpp>
#include <set>

namespace palyra::daemon::quic_runtime {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

ParsedNodeRequest Refuse(std::string_view error, std::string detail) {
  ParsedNodeRequest out;
  out.error = error;
  out.detail = std::move(detail);
  return out;
}

ordered_json Envelope(std::string_view kind, bool ok) {
  ordered_json out;
  out["protocol_version"] = kQuicProtocolVersion;
  out["kind"] = kind;
  out["ok"] = ok;
  return out;
}

}  // namespace

ParsedNodeRequest ParseNodeRequest(std::string_view payload) {
  // Duplicate top-level keys are refused (a strict deserializer's "duplicate field"); nlohmann
  // would silently keep the last one.
  std::set<std::string> seen;
  std::string duplicate;
  json::parser_callback_t on_event = [&](int depth, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::key && depth == 1 && duplicate.empty() &&
        !seen.insert(parsed.get<std::string>()).second) {
      duplicate = parsed.get<std::string>();
    }
    return true;
  };
  json doc = json::parse(payload.begin(), payload.end(), on_event, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Refuse(kErrorInvalidRequest, "the request is not valid JSON");
  if (!doc.is_object()) return Refuse(kErrorInvalidRequest, "the request is not a JSON object");
  if (!duplicate.empty()) {
    return Refuse(kErrorInvalidRequest, "duplicate field \"" + duplicate.substr(0, 64) + "\"");
  }
  for (const auto& [key, value] : doc.items()) {
    if (key != "protocol_version" && key != "method" && key != "resume_from") {
      return Refuse(kErrorInvalidRequest, "unknown field \"" + key.substr(0, 64) + "\"");
    }
  }
  const auto version = doc.find("protocol_version");
  if (version == doc.end()) return Refuse(kErrorInvalidRequest, "protocol_version is missing");
  if (!version->is_number_unsigned() ||
      version->get<uint64_t>() > std::numeric_limits<uint16_t>::max()) {
    return Refuse(kErrorInvalidRequest, "protocol_version must be an integer 0..65535");
  }
  const auto method = doc.find("method");
  if (method == doc.end()) return Refuse(kErrorInvalidRequest, "method is missing");
  if (!method->is_string()) return Refuse(kErrorInvalidRequest, "method must be a string");
  NodeRequest request;
  if (const auto resume = doc.find("resume_from"); resume != doc.end() && !resume->is_null()) {
    if (!resume->is_number_unsigned()) {
      return Refuse(kErrorInvalidRequest, "resume_from must be an integer 0..2^64-1 or null");
    }
    request.resume_from = resume->get<uint64_t>();
  }

  if (version->get<uint64_t>() != kQuicProtocolVersion) {
    return Refuse(kErrorProtocolMismatch,
                  "protocol_version " + std::to_string(version->get<uint64_t>()) +
                      " is not the supported version " + std::to_string(kQuicProtocolVersion));
  }
  const std::string& name = method->get_ref<const std::string&>();
  if (name == "node.health") {
    request.method = NodeMethod::kHealth;
  } else if (name == "node.stream_events") {
    request.method = NodeMethod::kStreamEvents;
  } else {
    return Refuse(kErrorUnsupportedMethod, "unsupported method \"" + name.substr(0, 64) + "\"");
  }
  ParsedNodeRequest out;
  out.request = request;
  return out;
}

std::string HealthResponse(bool node_rpc_mtls_required) {
  ordered_json out = Envelope("health", true);
  out["node_rpc_mtls_required"] = node_rpc_mtls_required;
  return out.dump();
}

std::string EventResponse(uint64_t seq) {
  ordered_json out = Envelope("event", true);
  out["seq"] = seq;
  return out.dump();
}

std::string EventResponse(uint64_t seq, std::string_view kind, std::string_view payload_json) {
  ordered_json out = Envelope("event", true);
  out["seq"] = seq;
  out["event"] = kind;
  // The log only holds valid JSON (checked on append); a damaged row degrades to null.
  out["payload"] = ordered_json::parse(payload_json, nullptr, /*allow_exceptions=*/false);
  if (out["payload"].is_discarded()) out["payload"] = nullptr;
  return out.dump();
}

std::string ErrorResponse(std::string_view error) {
  ordered_json out = Envelope("error", false);
  out["error"] = error;
  return out.dump();
}

}  // namespace palyra::daemon::quic_runtime
