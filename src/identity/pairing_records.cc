#include "identity/pairing_records.h"

#include <string>

namespace palyra::identity {

// ---- Codes ----

std::string_view PairingCodeStateName(PairingCodeState state) {
  switch (state) {
    case PairingCodeState::kActive: return "active";
    case PairingCodeState::kReserved: return "reserved";
    case PairingCodeState::kConsumed: return "consumed";
    case PairingCodeState::kBurned: return "burned";
    case PairingCodeState::kCancelled: return "cancelled";
  }
  return "unknown";
}

Result<PairingCodeState> ParsePairingCodeState(std::string_view text) {
  if (text == "active") return PairingCodeState::kActive;
  if (text == "reserved") return PairingCodeState::kReserved;
  if (text == "consumed") return PairingCodeState::kConsumed;
  if (text == "burned") return PairingCodeState::kBurned;
  if (text == "cancelled") return PairingCodeState::kCancelled;
  return DataLoss("pairing_codes.state holds an unknown value '" + std::string(text) + "'");
}

bool PairingCodeRecord::IsAvailable(int64_t now_unix_ms) const {
  if (expires_at_unix_ms <= now_unix_ms) return false;
  if (state == PairingCodeState::kActive) return true;
  return state == PairingCodeState::kReserved && reserved_until_unix_ms.has_value() &&
         *reserved_until_unix_ms <= now_unix_ms;
}

// ---- Requests ----

std::string_view PairingRequestStateName(PairingRequestState state) {
  switch (state) {
    case PairingRequestState::kPendingApproval: return "pending_approval";
    case PairingRequestState::kApproved: return "approved";
    case PairingRequestState::kRejected: return "rejected";
    case PairingRequestState::kCompleted: return "completed";
    case PairingRequestState::kExpired: return "expired";
  }
  return "unknown";
}

Result<PairingRequestState> ParsePairingRequestState(std::string_view text) {
  for (PairingRequestState s :
       {PairingRequestState::kPendingApproval, PairingRequestState::kApproved,
        PairingRequestState::kRejected, PairingRequestState::kCompleted,
        PairingRequestState::kExpired}) {
    if (PairingRequestStateName(s) == text) return s;
  }
  return InvalidArgument(
      "pairing request state must be one of: pending_approval, approved, rejected, completed, "
      "expired");
}

bool IsTerminal(PairingRequestState state) {
  return state == PairingRequestState::kRejected || state == PairingRequestState::kCompleted ||
         state == PairingRequestState::kExpired;
}

bool IsLegalTransition(PairingRequestState from, PairingRequestState to) {
  using S = PairingRequestState;
  switch (from) {
    case S::kPendingApproval:
      return to == S::kApproved || to == S::kRejected || to == S::kExpired;
    case S::kApproved:
      return to == S::kCompleted || to == S::kRejected || to == S::kExpired;
    case S::kRejected:
    case S::kCompleted:
    case S::kExpired:
      return false;
  }
  return false;
}

std::string_view PairingKeySourceName(PairingKeySource source) {
  return source == PairingKeySource::kCsr ? "csr" : "gateway";
}

Result<PairingKeySource> ParsePairingKeySource(std::string_view text) {
  if (text == "csr") return PairingKeySource::kCsr;
  if (text == "gateway") return PairingKeySource::kGateway;
  return DataLoss("pairing_requests.key_source holds an unknown value '" + std::string(text) + "'");
}

}  // namespace palyra::identity
