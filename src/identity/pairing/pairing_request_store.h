#pragma once
// Pairing requests in SQLite (table pairing_requests, migration 3): what a verified device asked
// for, what the operator decided, and what was issued.
//
// States form a strict machine; nothing leaves a terminal state:
//   pending_approval --approve--> approved --finalize--> completed
//          |                         |
//          +--reject--> rejected <---+         (a completed request that is rejected is
//          +--deadline--> expired <--+          revoked through the device registry instead)
// `expires_at` is the approval deadline while pending and the collection deadline once approved.
// A request past its deadline is expired, i.e. denied: a timeout never approves.
//
// Like PairingCodeStore, it works on the caller's connection and transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "identity/pairing_method.h"
#include "store/database.h"

namespace palyra::identity {

enum class PairingRequestState { kPendingApproval, kApproved, kRejected, kCompleted, kExpired };

std::string_view PairingRequestStateName(PairingRequestState state);
Result<PairingRequestState> ParsePairingRequestState(std::string_view text);
bool IsTerminal(PairingRequestState state);
// The edges drawn above.
bool IsLegalTransition(PairingRequestState from, PairingRequestState to);

enum class PairingKeySource { kCsr, kGateway };
std::string_view PairingKeySourceName(PairingKeySource source);

inline constexpr std::string_view kReasonPendingApproval = "pending_approval";
inline constexpr std::string_view kReasonApprovedByOperator = "approved_by_operator";
inline constexpr std::string_view kReasonAutoApproved = "auto_approved_by_code";
inline constexpr std::string_view kReasonRejectedByOperator = "rejected_by_operator";
// Why a request expired: a timeout denies, whichever deadline it was.
inline constexpr std::string_view kReasonApprovalTimedOut =
    "approval timed out: no operator decided in time, so the pairing was denied";
inline constexpr std::string_view kReasonCollectionTimedOut =
    "approved, but the device did not collect its certificate in time, so the pairing was denied";
inline constexpr std::string_view kReasonPaired = "paired";
inline constexpr std::string_view kReasonIdentityChange = "identity_change_requires_confirmation";
inline constexpr size_t kMaxPairingReasonBytes = 512;
// Finished requests are deleted this long after their last change.
inline constexpr int64_t kPairingRequestRetentionMs = int64_t{7} * 24 * 60 * 60 * 1000;

struct PairingRequest {
  std::string request_id;  // = the pairing session id
  std::string device_id;
  ClientKind client_kind = ClientKind::kNode;
  std::string method_label;  // "pin:******" / "qr:01ARZ3..."
  std::string code_id;
  std::string identity_fingerprint;
  std::string signing_public_key_hex;
  std::string transcript_hash;
  std::optional<std::string> csr_pem;  // device-side key: the CSR to sign
  PairingRequestState state = PairingRequestState::kPendingApproval;
  std::string reason;
  int64_t created_at_unix_ms = 0;
  int64_t updated_at_unix_ms = 0;
  int64_t expires_at_unix_ms = 0;
  bool identity_change_confirmed = false;
  std::optional<std::string> decided_by;
  std::optional<int64_t> decided_at_unix_ms;
  // Set once completed.
  std::optional<std::string> certificate_pem;
  std::optional<std::string> certificate_fingerprint;
  std::optional<int64_t> certificate_expires_at_unix_ms;
  std::optional<PairingKeySource> key_source;
  std::optional<int64_t> key_delivered_at_unix_ms;
  std::optional<int64_t> completed_at_unix_ms;
};

struct PairingDecision {
  PairingRequestState to = PairingRequestState::kApproved;
  std::string reason;
  std::optional<std::string> decided_by;
  std::optional<int64_t> new_expires_at_unix_ms;
  bool identity_change_confirmed = false;
};

struct PairingCompletion {
  std::string certificate_pem;
  std::string certificate_fingerprint;
  int64_t certificate_expires_at_unix_ms = 0;
  PairingKeySource key_source = PairingKeySource::kGateway;
  bool key_delivered = false;  // a gateway-generated key handed out in this same step
};

class PairingRequestStore {
 public:
  explicit PairingRequestStore(store::Database& db) : db_(db) {}

  // ALREADY_EXISTS when the request id is taken.
  Status Insert(const PairingRequest& request);
  Result<std::optional<PairingRequest>> Get(std::string_view request_id);
  // Newest first, optionally only one state and/or one device. At most `limit` rows.
  Result<std::vector<PairingRequest>> List(std::optional<PairingRequestState> state,
                                           std::optional<std::string_view> device_id,
                                           size_t limit);

  // Moves `request_id` from `from` to `decision.to`. FAILED_PRECONDITION, naming both states,
  // when the edge is illegal or the stored state is no longer `from` (a concurrent change).
  Status Transition(std::string_view request_id, PairingRequestState from,
                    const PairingDecision& decision, int64_t now_unix_ms);
  // approved -> completed, with the issued material.
  Status Complete(std::string_view request_id, const PairingCompletion& completion,
                  int64_t now_unix_ms);
  // Every pending or approved request at or past its deadline becomes expired, with the reason
  // for its state (kReasonApprovalTimedOut / kReasonCollectionTimedOut). Returns how many.
  Result<int64_t> ExpireDue(int64_t now_unix_ms);
  // Deletes finished requests older than the retention. Returns how many.
  Result<int64_t> Prune(int64_t now_unix_ms);

 private:
  store::Database& db_;
};

}  // namespace palyra::identity
