#pragma once
// Pairing codes and pairing requests as plain values: the pairing flow works with them, and the
// pairing repository (store/pairing_repository.h) stores them.
//
// Life of a code:  active --reserve--> reserved --consume--> consumed
//                    ^  |                  |  \--fail (5th)--> burned
//                    |  +--cancel----------+--------------> cancelled
//                    +-- release / failed attempt < 5 / lapsed reservation
// A reservation binds a code to one pairing session until the session's expiry; after that it
// counts as active again. Active codes die at their own expiry (pruned); consumed, burned and
// cancelled rows stay for a day after expiry, for audit.
//
// Request states form a strict machine; nothing leaves a terminal state:
//   pending_approval --approve--> approved --finalize--> completed
//          |                         |
//          +--reject--> rejected <---+         (a completed request that is rejected is
//          +--deadline--> expired <--+          revoked through the device registry instead)
// `expires_at` is the approval deadline while pending and the collection deadline once approved.
// A request past its deadline is expired, i.e. denied: a timeout never approves.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "identity/pairing_method.h"

namespace palyra::identity {

// ---- Codes ----

// The keyed hash under which a code is stored (the code itself never is).
using PairingCodeHash = std::array<uint8_t, 32>;


// At most this many codes can be live (active or reserved, unexpired) at once: it bounds the
// table, and with it the chance that a guessed PIN hits some live code.
inline constexpr int64_t kMaxLivePairingCodes = 1000;
// A code that failed verification this many times is burned.
inline constexpr int kMaxPairingCodeFailures = 5;
// A reservation outlives its session by this much, so a code is never offered again while a
// verification that started just before the session's expiry may still be running.
inline constexpr int64_t kReservationSlackMs = 5'000;
// Finished codes (consumed, burned, cancelled) are kept this long after their expiry.
inline constexpr int64_t kPairingCodeAuditRetentionMs = int64_t{24} * 60 * 60 * 1000;
inline constexpr size_t kMaxPairingIssuerBytes = 256;

enum class PairingCodeState { kActive, kReserved, kConsumed, kBurned, kCancelled };
std::string_view PairingCodeStateName(PairingCodeState state);
Result<PairingCodeState> ParsePairingCodeState(std::string_view text);  // DATA_LOSS if unknown

struct PairingCodeRecord {
  std::string code_id;
  PairingMethod::Kind method = PairingMethod::Kind::kPin;
  PairingCodeState state = PairingCodeState::kActive;
  bool auto_approve = false;
  std::string issued_by;
  int64_t created_at_unix_ms = 0;
  int64_t expires_at_unix_ms = 0;
  int failed_attempts = 0;
  std::optional<std::string> reservation_id;  // the pairing session holding it
  std::optional<int64_t> reserved_until_unix_ms;
  std::optional<std::string> consumed_by_request_id;
  int64_t updated_at_unix_ms = 0;

  // Live = usable for a new pairing at `now`: active, or reserved with a lapsed reservation,
  // and not expired.
  bool IsAvailable(int64_t now_unix_ms) const;
};

struct CodeFailureOutcome {
  PairingCodeState state = PairingCodeState::kActive;  // active again, or burned
  int failed_attempts = 0;
  int max_failed_attempts = kMaxPairingCodeFailures;
};

// ---- Requests ----

enum class PairingRequestState { kPendingApproval, kApproved, kRejected, kCompleted, kExpired };

std::string_view PairingRequestStateName(PairingRequestState state);
Result<PairingRequestState> ParsePairingRequestState(std::string_view text);
bool IsTerminal(PairingRequestState state);
// The edges drawn above.
bool IsLegalTransition(PairingRequestState from, PairingRequestState to);

enum class PairingKeySource { kCsr, kGateway };
std::string_view PairingKeySourceName(PairingKeySource source);
Result<PairingKeySource> ParsePairingKeySource(std::string_view text);  // DATA_LOSS if unknown

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

}  // namespace palyra::identity
