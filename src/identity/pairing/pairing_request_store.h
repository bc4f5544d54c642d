#pragma once
// The rules for pairing requests (their state machine is drawn in identity/pairing_records.h):
// only legal edges, bounded reasons, and errors that name both states when a concurrent change
// got there first. Storage is the pairing repository's; every method runs inside the caller's
// pairing step (`steps`).

#include <cstdint>
#include <string_view>

#include "common/status.h"
#include "identity/pairing_records.h"
#include "store/pairing_repository.h"

namespace palyra::identity {

class PairingRequestStore {
 public:
  // INVALID_ARGUMENT for an over-long reason; ALREADY_EXISTS when the request id is taken.
  static Status Insert(store::PairingSteps& steps, const PairingRequest& request);
  // Moves `request_id` from `from` to `decision.to`. FAILED_PRECONDITION, naming both states,
  // when the edge is illegal or the stored state is no longer `from` (a concurrent change).
  static Status Transition(store::PairingSteps& steps, std::string_view request_id,
                           PairingRequestState from, const PairingDecision& decision,
                           int64_t now_unix_ms);
  // approved -> completed, with the issued material.
  static Status Complete(store::PairingSteps& steps, std::string_view request_id,
                         const PairingCompletion& completion, int64_t now_unix_ms);
};

}  // namespace palyra::identity
