#pragma once
// The JSON messages of palyra-quic-v1, one per frame, both halves: what a node sends and the
// daemon parses, and what the daemon answers and a node parses. Byte-compatible with upstream:
// requests {protocol_version, method, resume_from?} with unknown or duplicate fields refused;
// responses {protocol_version, kind, ok, seq?, node_rpc_mtls_required?, error?} in that order,
// compact, absent optionals omitted.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace palyra::node_protocol {

inline constexpr uint16_t kQuicProtocolVersion = 1;

// The error strings upstream puts in `error`.
inline constexpr std::string_view kErrorInvalidRequest = "invalid_request";
inline constexpr std::string_view kErrorProtocolMismatch = "protocol_mismatch";
inline constexpr std::string_view kErrorUnsupportedMethod = "unsupported_method";
inline constexpr std::string_view kErrorStreamFailure = "stream_failure";

enum class NodeMethod {
  kHealth,
  kStreamEvents,
  // Ours (upstream answers them unsupported_method), so that a node can run over QUIC alone:
  kPublishEvents,     // {events: [{seq, name, payload?}, ...]}: node events, acknowledged by seq
  kCapabilityResult,  // {result: {request_id, success, output_json?, error?, ...}}
};

// The method's name on the wire ("node.health", ...).
std::string_view MethodName(NodeMethod method);

inline constexpr size_t kMaxPublishedEventsPerRequest = 256;
inline constexpr size_t kMaxNodeEventNameBytes = 128;

// One node-to-daemon event of node.publish_events: the names and payloads of the gRPC
// StreamNodeEvents catalogue; `seq` is the node's own, increasing, so a batch re-sent after a
// lost acknowledgement is not applied twice.
struct PublishedNodeEvent {
  uint64_t seq = 0;
  std::string name;
  std::string payload_json;  // an object; "{}" when absent
};

struct NodeRequest {
  NodeMethod method = NodeMethod::kHealth;
  uint64_t resume_from = 0;  // last sequence the node already has; absent or null is 0
  std::vector<PublishedNodeEvent> events;  // kPublishEvents
  std::string result_json;                 // kCapabilityResult: the `result` object
};

// A request, or the wire error to answer it with. Checked in upstream's order: JSON and field
// types (invalid_request), then the version (protocol_mismatch), then the method
// (unsupported_method).
struct ParsedNodeRequest {
  std::optional<NodeRequest> request;
  std::string_view error;  // one of the kError* strings when `request` is empty
  std::string detail;      // why, for the daemon's log; never sent to the peer
};
ParsedNodeRequest ParseNodeRequest(std::string_view payload);

// Ours: the resume point was pruned (resume_too_old) or was never handed out by this log
// (resume_ahead: the node's state belongs to another log); either way the node resyncs.
inline constexpr std::string_view kErrorResumeTooOld = "resume_too_old";
inline constexpr std::string_view kErrorResumeAhead = "resume_ahead";
// Ours: an extension request about another device's work.
inline constexpr std::string_view kErrorPermissionDenied = "permission_denied";

std::string HealthResponse(bool node_rpc_mtls_required);
// Upstream's event frame (sequence only).
std::string EventResponse(uint64_t seq);
// Ours: the same frame carrying a logged event, `event` (its kind) and `payload` (its JSON)
// after `seq` (a payload that is not JSON is sent as null).
std::string EventResponse(uint64_t seq, std::string_view kind, std::string_view payload_json);
std::string ErrorResponse(std::string_view error);
// Ours, for resume_too_old / resume_ahead: `seq` is the log's last sequence, where the node
// resumes after it resynced.
std::string ErrorResponse(std::string_view error, uint64_t seq);
// Ours: sent on an idle event stream; `seq` is the last event sent on it (0: none yet).
std::string HeartbeatResponse(uint64_t seq);
// Ours: node.publish_events is acknowledged up to `seq` (every event up to it is applied).
std::string PublishAckResponse(uint64_t seq);
// Ours: node.capability_result; `accepted` false with a reason for a late or unknown request.
std::string ResultAckResponse(bool accepted, std::string_view reason);

// ---- The node's half ----

std::string HealthRequest();
std::string StreamEventsRequest(uint64_t resume_from);
// `events` must be 1..kMaxPublishedEventsPerRequest with increasing seq; a payload that is not
// a JSON object is sent as {}.
std::string PublishEventsRequest(const std::vector<PublishedNodeEvent>& events);
// `result_json` is the capability.result payload (an object; anything else is sent as {}).
std::string CapabilityResultRequest(std::string_view result_json);

enum class ResponseKind { kHealth, kEvent, kHeartbeat, kAck, kError };

// One response frame as a node reads it. Absent fields keep their defaults.
struct NodeResponse {
  ResponseKind kind = ResponseKind::kError;
  bool ok = false;
  std::optional<uint64_t> seq;
  bool node_rpc_mtls_required = false;  // kHealth
  std::string event;                    // kEvent: the logged event's name (ours)
  nlohmann::json payload;               // kEvent: its payload (null when absent)
  std::optional<bool> accepted;         // kAck of node.capability_result
  std::string reason;                   // kAck of node.capability_result
  std::string error;                    // kError: one of the kError* strings, or a newer one
};

// INVALID_ARGUMENT for a frame that is not a JSON object, is over the frame limit, lacks or
// mistypes protocol_version, kind or ok, names an unknown kind, carries a field of the wrong
// type, or a field this version does not know (the daemon is the only producer; drift is a bug).
Result<NodeResponse> ParseNodeResponse(std::string_view frame);

}  // namespace palyra::node_protocol
