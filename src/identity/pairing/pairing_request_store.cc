#include "identity/pairing/pairing_request_store.h"

#include <string>

namespace palyra::identity {
namespace {

Status CheckReason(std::string_view reason) {
  if (reason.size() > kMaxPairingReasonBytes) {
    return InvalidArgument("reason must be at most " + std::to_string(kMaxPairingReasonBytes) +
                           " bytes");
  }
  return Status::Ok();
}

}  // namespace

Status PairingRequestStore::Insert(store::PairingSteps& steps, const PairingRequest& request) {
  PALYRA_RETURN_IF_ERROR(CheckReason(request.reason));
  return steps.InsertRequest(request);
}

Status PairingRequestStore::Transition(store::PairingSteps& steps, std::string_view request_id,
                                       PairingRequestState from, const PairingDecision& decision,
                                       int64_t now_unix_ms) {
  if (!IsLegalTransition(from, decision.to) || decision.to == PairingRequestState::kCompleted) {
    return FailedPrecondition("pairing request " + std::string(request_id) + " cannot go from " +
                              std::string(PairingRequestStateName(from)) + " to " +
                              std::string(PairingRequestStateName(decision.to)));
  }
  PALYRA_RETURN_IF_ERROR(CheckReason(decision.reason));
  PALYRA_ASSIGN_OR_RETURN(bool moved,
                          steps.TransitionRequest(request_id, from, decision, now_unix_ms));
  if (!moved) {
    return FailedPrecondition("pairing request " + std::string(request_id) + " is no longer " +
                              std::string(PairingRequestStateName(from)));
  }
  return Status::Ok();
}

Status PairingRequestStore::Complete(store::PairingSteps& steps, std::string_view request_id,
                                     const PairingCompletion& completion, int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(bool completed,
                          steps.CompleteRequest(request_id, completion, now_unix_ms));
  if (!completed) {
    return FailedPrecondition("pairing request " + std::string(request_id) +
                              " is no longer approved");
  }
  return Status::Ok();
}

}  // namespace palyra::identity
