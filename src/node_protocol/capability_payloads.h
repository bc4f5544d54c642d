#pragma once
// The two payloads that carry capability work across the node contract, with the codecs both
// ends use:
//   capability.dispatch (daemon -> node, QUIC event log): CapabilityDispatchPayload
//   capability.result   (node -> daemon, gRPC or QUIC):   CapabilityResultPayload
// gRPC carries a dispatch as a protobuf message; the node host turns it into the same
// CapabilityDispatchPayload, so its run loop sees one type whichever channel delivered the work.
//
// Parsers are bounded (input size, identifier lengths) and never throw. Unknown fields are
// ignored, as upstream's deserialiser does, so that a newer peer can add one.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra::node_protocol {

// The largest payload either parser reads: above the largest gRPC message (2 MiB) and QUIC
// frame (512 KiB) the listeners accept, so the bound only stops what no transport delivers.
inline constexpr size_t kMaxCapabilityPayloadBytes = 4 * 1024 * 1024;
// Request ids are ULIDs (26 characters); capability names are short identifiers.
inline constexpr size_t kMaxRequestIdBytes = 128;
inline constexpr size_t kMaxCapabilityNameBytes = 128;

struct CapabilityDispatchPayload {
  std::string request_id;
  std::string capability;
  std::string input_json = "null";  // JSON text of the input
  uint64_t max_payload_bytes = 0;   // 0: the host's default
};

// {"capability":..,"input":<input as a JSON value>,"max_payload_bytes":..,"request_id":..}.
// An input_json that is not valid JSON is sent as null (the daemon only dispatches valid JSON).
std::string EncodeCapabilityDispatch(const CapabilityDispatchPayload& dispatch);
// INVALID_ARGUMENT naming the field for: not a JSON object, a missing or empty request_id, a
// field of the wrong type, an identifier over its bound, more than kMaxCapabilityPayloadBytes.
Result<CapabilityDispatchPayload> ParseCapabilityDispatch(std::string_view json);
// The same checks on a payload already parsed (the node's QUIC channel has it as a value).
Result<CapabilityDispatchPayload> ParseCapabilityDispatchValue(const nlohmann::json& payload);

struct CapabilityResultPayload {
  std::string request_id;
  bool success = false;
  std::optional<nlohmann::json> output_json;  // absent: nullopt; the host sends null on failure
  std::optional<std::string> error;           // absent or null: nullopt
  // Ours: the node's local mediation refused the work.
  std::optional<bool> denied_by_local_mediation;
};

// The fields that are set, keys in sorted order (the bytes node hosts have always sent);
// invalid UTF-8 in strings is replaced, never thrown on.
std::string EncodeCapabilityResult(const CapabilityResultPayload& result);
// INVALID_ARGUMENT, with the messages the daemon has always answered ("capability.result
// success must be a boolean", ...), for a payload that is not a JSON object, lacks a non-empty
// string request_id, has a field of the wrong type, or is over its bounds.
Result<CapabilityResultPayload> ParseCapabilityResult(std::string_view json);

// Both events that name a request (capability.result, capability.awaiting_local_mediation)
// need its id: INVALID_ARGUMENT "<event> payload_json must be a JSON object" / "... needs a
// non-empty string request_id".
Result<std::string> ParseRequestIdOf(std::string_view json, std::string_view event_name);

}  // namespace palyra::node_protocol
