#pragma once
// Capability requests: one invocation of a capability on one node, from enqueue to its outcome.
//
// States form a strict machine; nothing leaves a terminal state:
//
//   queued --dispatch--> dispatched --mediation--> awaiting_local_mediation
//     |                    |                          |
//     |                    +--> succeeded | failed | timed_out
//     |                                               +--> succeeded | failed | timed_out | rejected
//     +--> timed_out | failed | rejected
//
// `rejected` means the daemon or the node's local mediation refused the work (unknown or
// unavailable capability, consent denied); `failed` means it was attempted and did not succeed
// (or was cancelled: device revoked, daemon restarted); `timed_out` means the deadline passed.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "store/capability_request_record.h"

namespace palyra::node_runtime {

// The states, their spelling and the stored record are shared with the capability request
// repository (store/capability_request_record.h).
using store::CapabilityRequestRecord;
using store::CapabilityRequestState;
using store::CapabilityRequestStateCounts;
using store::CapabilityRequestStateName;
using store::IsTerminal;
using store::kCapabilityRequestStateCount;
using store::ParseCapabilityRequestState;

// The edges drawn above.
bool IsLegalTransition(CapabilityRequestState from, CapabilityRequestState to);

// ---- limits and defaults ----
inline constexpr size_t kMaxCapabilityNameBytes = 128;
inline constexpr size_t kMaxPlatformBytes = 128;
inline constexpr size_t kMaxCapabilitiesPerNode = 64;
inline constexpr size_t kMaxEventNameBytes = 128;
inline constexpr size_t kMaxIdempotencyKeyBytes = 128;
// Longer error strings (from nodes or callers) are cut to this many bytes (at a UTF-8 boundary).
inline constexpr size_t kMaxErrorBytes = 1024;
inline constexpr size_t kMaxListLimit = 1000;

// Error texts the runtime sets itself.
inline constexpr std::string_view kErrorTimedOut = "timed out waiting for node capability result";
inline constexpr std::string_view kErrorDaemonRestarted = "daemon_restarted";
inline constexpr std::string_view kErrorNodeRemoved = "node_removed";
inline constexpr std::string_view kErrorOutputNotJson = "output_json is not valid JSON";
inline constexpr std::string_view kErrorFailedWithoutMessage =
    "node reported failure without an error message";
inline constexpr std::string_view kNodeMustRegister =
    "node must register before executing capabilities";

// What a caller (console invoke, ExecuteCapability) asks for.
struct InvokeRequest {
  std::string device_id;
  std::string capability;  // trimmed by Enqueue
  std::string input_json;  // raw bytes; empty, or valid JSON
  // 0 means the daemon default; larger than the daemon cap is clamped to the cap. Bounds both
  // input_json and the node's output_json.
  uint64_t max_payload_bytes = 0;
  // 0 means the default; clamped to the configured [min, max]. Covers the whole life of the
  // request (queued, dispatched and awaiting mediation).
  int64_t timeout_ms = 0;
  // Same key for the same device returns the existing request instead of a new one.
  std::optional<std::string> idempotency_key;
};

// What the node receives (NodeCapabilityDispatch on the wire).
struct CapabilityDispatch {
  std::string request_id;
  std::string device_id;
  std::string capability;
  std::string input_json;
  uint64_t max_payload_bytes = 0;
};

// What the node reports back (capability.result).
struct CapabilityResult {
  bool success = false;
  std::string output_json;  // raw bytes; empty, or valid JSON
  std::string error;
  // Local mediation (consent or policy) refused the work: the request ends `rejected`. Only
  // legal from awaiting_local_mediation.
  bool denied_by_local_mediation = false;
};

}  // namespace palyra::node_runtime
