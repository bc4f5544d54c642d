#pragma once
// The JSON messages palyrad's QUIC runtime exchanges with nodes, one per frame, byte-compatible
// with upstream: requests {protocol_version, method, resume_from?} with unknown or duplicate
// fields refused; responses {protocol_version, kind, ok, seq?, node_rpc_mtls_required?, error?}
// in that order, compact, absent optionals omitted.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace palyra::daemon::quic_runtime {

inline constexpr uint16_t kQuicProtocolVersion = 1;

// The error strings upstream puts in `error`.
inline constexpr std::string_view kErrorInvalidRequest = "invalid_request";
inline constexpr std::string_view kErrorProtocolMismatch = "protocol_mismatch";
inline constexpr std::string_view kErrorUnsupportedMethod = "unsupported_method";
inline constexpr std::string_view kErrorStreamFailure = "stream_failure";

enum class NodeMethod { kHealth, kStreamEvents };

struct NodeRequest {
  NodeMethod method = NodeMethod::kHealth;
  uint64_t resume_from = 0;  // last sequence the node already has; absent or null is 0
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

inline constexpr std::string_view kErrorResumeTooOld = "resume_too_old";  // ours

std::string HealthResponse(bool node_rpc_mtls_required);
// Upstream's event frame (sequence only).
std::string EventResponse(uint64_t seq);
// Ours: the same frame carrying a logged event, `event` (its kind) and `payload` (its JSON)
// after `seq` (a payload that is not JSON is sent as null).
std::string EventResponse(uint64_t seq, std::string_view kind, std::string_view payload_json);
std::string ErrorResponse(std::string_view error);

}  // namespace palyra::daemon::quic_runtime
