#include "daemon/node_runtime/capability_request.h"

namespace palyra::node_runtime {

bool IsLegalTransition(CapabilityRequestState from, CapabilityRequestState to) {
  using S = CapabilityRequestState;
  switch (from) {
    case S::kQueued:
      return to == S::kDispatched || to == S::kTimedOut || to == S::kFailed || to == S::kRejected;
    case S::kDispatched:
      return to == S::kAwaitingLocalMediation || to == S::kSucceeded || to == S::kFailed ||
             to == S::kTimedOut;
    case S::kAwaitingLocalMediation:
      return to == S::kSucceeded || to == S::kFailed || to == S::kTimedOut || to == S::kRejected;
    case S::kSucceeded:
    case S::kFailed:
    case S::kTimedOut:
    case S::kRejected:
      return false;
  }
  return false;
}

}  // namespace palyra::node_runtime
