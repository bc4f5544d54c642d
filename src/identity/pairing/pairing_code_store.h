#pragma once
// Pairing codes in SQLite (table pairing_codes, migration 3). Rows hold metadata and the keyed
// hash of each code, never the code.
//
// Life of a code:  active --reserve--> reserved --consume--> consumed
//                    ^  |                  |  \--fail (5th)--> burned
//                    |  +--cancel----------+--------------> cancelled
//                    +-- release / failed attempt < 5 / lapsed reservation
// A reservation binds a code to one pairing session until the session's expiry; after that it
// counts as active again. Active codes die at their own expiry (pruned); consumed, burned and
// cancelled rows stay for a day after expiry, for audit.
//
// The store runs its statements on the caller's connection and inside the caller's transaction
// (the coordinator makes every step one IMMEDIATE transaction); it keeps no state of its own.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "identity/pairing/pairing_code.h"
#include "store/database.h"

namespace palyra::identity {

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

struct PairingCodeStoreOptions {
  int max_failed_attempts = kMaxPairingCodeFailures;  // clamped to >= 1
  int64_t max_live_codes = kMaxLivePairingCodes;      // clamped to >= 1
};

struct MintCodeRequest {
  PairingMethod::Kind method = PairingMethod::Kind::kPin;
  std::optional<int64_t> ttl_ms;  // unset or <= 0: the default (10 min); clamped to [30 s, 24 h]
  bool auto_approve = false;      // pre-authorised: a verified device is approved at once
  std::string issued_by;          // who minted it, e.g. "operator:admin-token"
  // QR only: an operator-chosen token (16-128 bytes, trimmed) instead of a fresh ULID.
  std::optional<std::string> qr_token;
};

struct MintedCode {
  PairingCodeRecord info;
  std::string code;  // the PIN or token: shown to the operator once, stored nowhere
};

struct CodeFailureOutcome {
  PairingCodeState state = PairingCodeState::kActive;  // active again, or burned
  int failed_attempts = 0;
  int max_failed_attempts = kMaxPairingCodeFailures;
};

class PairingCodeStore {
 public:
  // `db` and `hasher` must outlive the store.
  PairingCodeStore(store::Database& db, const PairingCodeHasher& hasher,
                   PairingCodeStoreOptions options = {});

  // Draws a fresh code that collides with no live code (or takes the operator's QR token) and
  // stores its hash. INVALID_ARGUMENT for an empty or over-long issuer or a bad QR token;
  // ALREADY_EXISTS when an operator-chosen token equals a live code; RESOURCE_EXHAUSTED when
  // max_live_codes codes are live.
  Result<MintedCode> Mint(const MintCodeRequest& request, int64_t now_unix_ms);

  // Reserves the available code equal to (method, code) for `reservation_id` until
  // `reserved_until`. nullopt when there is no such code (unknown, expired, used, or reserved by
  // a live session): the caller cannot and must not tell these apart for the guesser.
  Result<std::optional<PairingCodeRecord>> Reserve(PairingMethod::Kind method,
                                                   std::string_view code,
                                                   std::string_view reservation_id,
                                                   int64_t reserved_until_unix_ms,
                                                   int64_t now_unix_ms);
  // The code reserved (and still held) by `reservation_id`; nullopt when none.
  Result<std::optional<PairingCodeRecord>> FindReservation(std::string_view reservation_id,
                                                           int64_t now_unix_ms);

  // reserved -> active.
  Status Release(std::string_view code_id, int64_t now_unix_ms);
  // Counts a failed verification and ends the reservation: burned at max_failed_attempts,
  // otherwise active again. NOT_FOUND when the code is not live.
  Result<CodeFailureOutcome> RecordFailure(std::string_view code_id, int64_t now_unix_ms);
  // reserved -> consumed by `request_id`. FAILED_PRECONDITION when not reserved.
  Status Consume(std::string_view code_id, std::string_view request_id, int64_t now_unix_ms);
  // active|reserved -> cancelled. False when the code is unknown or already finished.
  Result<bool> Cancel(std::string_view code_id, int64_t now_unix_ms);

  Result<std::optional<PairingCodeRecord>> Get(std::string_view code_id);
  // Newest first. Live codes only, unless `include_finished`.
  Result<std::vector<PairingCodeRecord>> List(bool include_finished, int64_t now_unix_ms);
  Result<int64_t> CountLive(int64_t now_unix_ms);
  // Deletes expired live codes and finished codes past the audit retention. Returns rows deleted.
  Result<int64_t> Prune(int64_t now_unix_ms);

 private:
  // Deletes an expired, unfinished row holding `hash` (it still occupies the unique index).
  Result<bool> DeleteExpiredHolder(const PairingCodeHash& hash, int64_t now_unix_ms);

  store::Database& db_;
  const PairingCodeHasher& hasher_;
  const PairingCodeStoreOptions options_;
};

}  // namespace palyra::identity
