#include "store/capability_request_record.h"

namespace palyra::store {

std::string_view CapabilityRequestStateName(CapabilityRequestState state) {
  switch (state) {
    case CapabilityRequestState::kQueued: return "queued";
    case CapabilityRequestState::kDispatched: return "dispatched";
    case CapabilityRequestState::kAwaitingLocalMediation: return "awaiting_local_mediation";
    case CapabilityRequestState::kSucceeded: return "succeeded";
    case CapabilityRequestState::kFailed: return "failed";
    case CapabilityRequestState::kTimedOut: return "timed_out";
    case CapabilityRequestState::kRejected: return "rejected";
  }
  return "unknown";
}

Result<CapabilityRequestState> ParseCapabilityRequestState(std::string_view text) {
  for (size_t i = 0; i < kCapabilityRequestStateCount; ++i) {
    const auto state = static_cast<CapabilityRequestState>(i);
    if (CapabilityRequestStateName(state) == text) return state;
  }
  return InvalidArgument(
      "capability request state must be one of: queued, dispatched, awaiting_local_mediation, "
      "succeeded, failed, timed_out, rejected");
}

bool IsTerminal(CapabilityRequestState state) {
  return state == CapabilityRequestState::kSucceeded || state == CapabilityRequestState::kFailed ||
         state == CapabilityRequestState::kTimedOut || state == CapabilityRequestState::kRejected;
}

}  // namespace palyra::store
