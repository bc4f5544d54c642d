#include "node_protocol/quic_messages.h"

#include <limits>
#include <nlohmann/json.hpp>
#include <set>

#include "transport/quic/frame_codec.h"

namespace palyra::node_protocol {

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

// node.publish_events' `events`; an empty string when they are well formed, else why not.
std::string ParseEvents(const json& doc, std::vector<PublishedNodeEvent>& out) {
  const auto events = doc.find("events");
  if (events == doc.end() || !events->is_array()) return "events must be an array";
  if (events->empty()) return "events must not be empty";
  if (events->size() > kMaxPublishedEventsPerRequest) {
    return "at most " + std::to_string(kMaxPublishedEventsPerRequest) + " events per request";
  }
  uint64_t previous = 0;
  for (const json& event : *events) {
    if (!event.is_object()) return "each event must be an object";
    PublishedNodeEvent parsed;
    for (const auto& [key, value] : event.items()) {
      if (key == "seq") {
        if (!value.is_number_unsigned() || value.get<uint64_t>() == 0) {
          return "event seq must be an integer 1..2^64-1";
        }
        parsed.seq = value.get<uint64_t>();
      } else if (key == "name") {
        if (!value.is_string() || value.get_ref<const std::string&>().empty() ||
            value.get_ref<const std::string&>().size() > kMaxNodeEventNameBytes) {
          return "event name must be a string of 1.." + std::to_string(kMaxNodeEventNameBytes) +
                 " bytes";
        }
        parsed.name = value.get<std::string>();
      } else if (key == "payload") {
        if (!value.is_object()) return "event payload must be a JSON object";
        parsed.payload_json = value.dump();
      } else {
        return "unknown event field \"" + key.substr(0, 64) + "\"";
      }
    }
    if (parsed.seq == 0 || parsed.name.empty()) return "each event needs seq and name";
    if (parsed.seq <= previous) return "event seqs must increase within a request";
    previous = parsed.seq;
    if (parsed.payload_json.empty()) parsed.payload_json = "{}";
    out.push_back(std::move(parsed));
  }
  return {};
}

}  // namespace

std::string_view MethodName(NodeMethod method) {
  switch (method) {
    case NodeMethod::kHealth: return "node.health";
    case NodeMethod::kStreamEvents: return "node.stream_events";
    case NodeMethod::kPublishEvents: return "node.publish_events";
    case NodeMethod::kCapabilityResult: return "node.capability_result";
  }
  return {};
}

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
  // Upstream's methods (and unknown ones) take upstream's fields; our extensions their own.
  const auto method_field = doc.find("method");
  const std::string method_name =
      method_field != doc.end() && method_field->is_string() ? method_field->get<std::string>()
                                                             : std::string();
  const bool publishes = method_name == MethodName(NodeMethod::kPublishEvents);
  const bool reports_result = method_name == MethodName(NodeMethod::kCapabilityResult);
  const char* extra_field = publishes ? "events" : reports_result ? "result" : "resume_from";
  for (const auto& [key, value] : doc.items()) {
    if (key != "protocol_version" && key != "method" && key != extra_field) {
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

  if (publishes) {
    if (std::string detail = ParseEvents(doc, request.events); !detail.empty()) {
      return Refuse(kErrorInvalidRequest, std::move(detail));
    }
  } else if (reports_result) {
    const auto result = doc.find("result");
    if (result == doc.end() || !result->is_object()) {
      return Refuse(kErrorInvalidRequest, "result must be a JSON object");
    }
    request.result_json = result->dump();
  }

  if (version->get<uint64_t>() != kQuicProtocolVersion) {
    return Refuse(kErrorProtocolMismatch,
                  "protocol_version " + std::to_string(version->get<uint64_t>()) +
                      " is not the supported version " + std::to_string(kQuicProtocolVersion));
  }
  const std::string& name = method->get_ref<const std::string&>();
  bool known = false;
  for (NodeMethod candidate : {NodeMethod::kHealth, NodeMethod::kStreamEvents,
                               NodeMethod::kPublishEvents, NodeMethod::kCapabilityResult}) {
    if (name == MethodName(candidate)) {
      request.method = candidate;
      known = true;
    }
  }
  if (!known) {
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

std::string HeartbeatResponse(uint64_t seq) {
  ordered_json out = Envelope("heartbeat", true);
  out["seq"] = seq;
  return out.dump();
}

std::string PublishAckResponse(uint64_t seq) {
  ordered_json out = Envelope("ack", true);
  out["seq"] = seq;
  return out.dump();
}

std::string ResultAckResponse(bool accepted, std::string_view reason) {
  ordered_json out = Envelope("ack", true);
  out["accepted"] = accepted;
  out["reason"] = reason;
  return out.dump();
}

std::string ErrorResponse(std::string_view error, uint64_t seq) {
  ordered_json out = Envelope("error", false);
  out["seq"] = seq;
  out["error"] = error;
  return out.dump();
}

std::string ErrorResponse(std::string_view error) {
  ordered_json out = Envelope("error", false);
  out["error"] = error;
  return out.dump();
}

ordered_json RequestEnvelope(NodeMethod method) {
  ordered_json out;
  out["protocol_version"] = kQuicProtocolVersion;
  out["method"] = MethodName(method);
  return out;
}

std::string HealthRequest() { return RequestEnvelope(NodeMethod::kHealth).dump(); }

std::string StreamEventsRequest(uint64_t resume_from) {
  ordered_json out = RequestEnvelope(NodeMethod::kStreamEvents);
  out["resume_from"] = resume_from;
  return out.dump();
}

// The two extension requests keep their keys sorted: the bytes node hosts have always sent.
std::string PublishEventsRequest(const std::vector<PublishedNodeEvent>& events) {
  json list = json::array();
  for (const PublishedNodeEvent& event : events) {
    json payload = json::parse(event.payload_json, nullptr, /*allow_exceptions=*/false);
    if (!payload.is_object()) payload = json::object();
    list.push_back({{"seq", event.seq}, {"name", event.name}, {"payload", std::move(payload)}});
  }
  return json{{"protocol_version", kQuicProtocolVersion},
              {"method", MethodName(NodeMethod::kPublishEvents)},
              {"events", std::move(list)}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string CapabilityResultRequest(std::string_view result_json) {
  json result = json::parse(result_json, nullptr, /*allow_exceptions=*/false);
  if (!result.is_object()) result = json::object();
  return json{{"protocol_version", kQuicProtocolVersion},
              {"method", MethodName(NodeMethod::kCapabilityResult)},
              {"result", std::move(result)}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

namespace {

std::optional<ResponseKind> ResponseKindOf(std::string_view kind) {
  if (kind == "health") return ResponseKind::kHealth;
  if (kind == "event") return ResponseKind::kEvent;
  if (kind == "heartbeat") return ResponseKind::kHeartbeat;
  if (kind == "ack") return ResponseKind::kAck;
  if (kind == "error") return ResponseKind::kError;
  return std::nullopt;
}

// One field of a response into `out`; an empty string when it was well formed, else why not.
std::string ReadResponseField(const std::string& key, const json& value, NodeResponse& out) {
  auto wrong = [&](std::string_view type) { return key + " must be " + std::string(type); };
  // Read by the caller (the payload is moved out, not copied).
  if (key == "protocol_version" || key == "kind" || key == "ok" || key == "payload") return {};
  if (key == "seq") {
    if (!value.is_number_unsigned()) return wrong("an integer 0..2^64-1");
    out.seq = value.get<uint64_t>();
  } else if (key == "node_rpc_mtls_required") {
    if (!value.is_boolean()) return wrong("a boolean");
    out.node_rpc_mtls_required = value.get<bool>();
  } else if (key == "event") {
    if (!value.is_string() || value.get_ref<const std::string&>().size() > kMaxNodeEventNameBytes) {
      return wrong("a string of at most " + std::to_string(kMaxNodeEventNameBytes) + " bytes");
    }
    out.event = value.get<std::string>();
  } else if (key == "accepted") {
    if (!value.is_boolean()) return wrong("a boolean");
    out.accepted = value.get<bool>();
  } else if (key == "reason" || key == "error") {
    if (!value.is_string()) return wrong("a string");
    (key == "reason" ? out.reason : out.error) = value.get<std::string>();
  } else {
    return "unknown field \"" + key.substr(0, 64) + "\"";
  }
  return {};
}

}  // namespace

Result<NodeResponse> ParseNodeResponse(std::string_view frame) {
  if (frame.size() > transport::quic::kMaxFramePayloadBytes) {
    return InvalidArgument("response frame is larger than " +
                           std::to_string(transport::quic::kMaxFramePayloadBytes) + " bytes");
  }
  json doc = json::parse(frame, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return InvalidArgument("response is not a JSON object");
  }
  const auto version = doc.find("protocol_version");
  if (version == doc.end() || !version->is_number_unsigned()) {
    return InvalidArgument("response protocol_version is missing or not an integer");
  }
  if (version->get<uint64_t>() != kQuicProtocolVersion) {
    return InvalidArgument("response protocol_version " + std::to_string(version->get<uint64_t>()) +
                           " is not " + std::to_string(kQuicProtocolVersion));
  }
  const auto kind = doc.find("kind");
  if (kind == doc.end() || !kind->is_string()) {
    return InvalidArgument("response kind is missing or not a string");
  }
  std::optional<ResponseKind> parsed_kind = ResponseKindOf(kind->get_ref<const std::string&>());
  if (!parsed_kind) {
    return InvalidArgument("unknown response kind \"" +
                           kind->get_ref<const std::string&>().substr(0, 32) + "\"");
  }
  const auto ok = doc.find("ok");
  if (ok == doc.end() || !ok->is_boolean()) {
    return InvalidArgument("response ok is missing or not a boolean");
  }
  NodeResponse out;
  out.kind = *parsed_kind;
  out.ok = ok->get<bool>();
  for (const auto& [key, value] : doc.items()) {
    if (std::string why = ReadResponseField(key, value, out); !why.empty()) {
      return InvalidArgument("response: " + why);
    }
  }
  // Moved, not dumped: the node decodes a dispatch from the value itself, so a large input is
  // not turned back into text and parsed again.
  if (auto payload = doc.find("payload"); payload != doc.end()) out.payload = std::move(*payload);
  return out;
}

}  // namespace palyra::node_protocol
