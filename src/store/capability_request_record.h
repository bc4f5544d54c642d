#pragma once
// The stored form of a capability request (table capability_requests) and its states, as the
// node runtime and the repository that persists it share them. The state machine that moves a
// request between these states lives in the node runtime
// (daemon/node_runtime/capability_request.h); here are only the states, their database spelling and
// which of them are terminal.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra::store {

enum class CapabilityRequestState {
  kQueued,
  kDispatched,
  kAwaitingLocalMediation,
  kSucceeded,
  kFailed,
  kTimedOut,
  kRejected,
};
inline constexpr size_t kCapabilityRequestStateCount = 7;

// A number per state, indexed by CapabilityRequestState.
using CapabilityRequestStateCounts = std::array<uint64_t, kCapabilityRequestStateCount>;

// "queued", "dispatched", "awaiting_local_mediation", "succeeded", "failed", "timed_out",
// "rejected" (the database and wire spelling).
std::string_view CapabilityRequestStateName(CapabilityRequestState state);
Result<CapabilityRequestState> ParseCapabilityRequestState(std::string_view text);
// succeeded, failed, timed_out and rejected: nothing leaves them.
bool IsTerminal(CapabilityRequestState state);

// The persisted request (table capability_requests).
struct CapabilityRequestRecord {
  std::string request_id;  // ULID minted at enqueue
  std::string device_id;
  std::string capability;
  CapabilityRequestState state = CapabilityRequestState::kQueued;
  std::optional<std::string> idempotency_key;
  std::string input_json;                     // kept while live; empty once terminal
  std::optional<std::string> input_summary;   // redacted; none for an empty payload
  std::string output_json;                    // set by a successful result; may be empty
  std::optional<std::string> output_summary;  // redacted; none for an empty payload
  std::optional<std::string> error;           // none when empty
  uint64_t max_payload_bytes = 0;             // the effective limit (after default and cap)
  int64_t timeout_ms = 0;                     // the effective timeout
  int64_t deadline_at_unix_ms = 0;
  int64_t created_at_unix_ms = 0;
  int64_t updated_at_unix_ms = 0;
  std::optional<int64_t> dispatched_at_unix_ms;
  std::optional<std::string> dispatched_to;
  std::optional<int64_t> completed_at_unix_ms;

  bool terminal() const { return IsTerminal(state); }
};

}  // namespace palyra::store
