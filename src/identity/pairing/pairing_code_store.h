#pragma once
// The rules for pairing codes (see identity/pairing_records.h for their life): drawing fresh
// codes that collide with no live one, hashing what a device presents, the live-code budget and
// the failure limit. Storage is the pairing repository's; every method runs inside the caller's
// pairing step (`steps`), so the coordinator makes each of its operations one atomic step.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "identity/pairing/pairing_code.h"
#include "identity/pairing_records.h"
#include "store/pairing_repository.h"

namespace palyra::identity {

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

class PairingCodeStore {
 public:
  // `hasher` must outlive the store.
  explicit PairingCodeStore(const PairingCodeHasher& hasher, PairingCodeStoreOptions options = {});

  // Draws a fresh code that collides with no live code (or takes the operator's QR token) and
  // stores its hash. INVALID_ARGUMENT for an empty or over-long issuer or a bad QR token;
  // ALREADY_EXISTS when an operator-chosen token equals a live code; RESOURCE_EXHAUSTED when
  // max_live_codes codes are live.
  Result<MintedCode> Mint(store::PairingSteps& steps, const MintCodeRequest& request,
                          int64_t now_unix_ms) const;

  // Reserves the available code equal to (method, code) for `reservation_id` until
  // `reserved_until`. nullopt when there is no such code (unknown, expired, used, or reserved by
  // a live session): the caller cannot and must not tell these apart for the guesser.
  Result<std::optional<PairingCodeRecord>> Reserve(store::PairingSteps& steps,
                                                   PairingMethod::Kind method,
                                                   std::string_view code,
                                                   std::string_view reservation_id,
                                                   int64_t reserved_until_unix_ms,
                                                   int64_t now_unix_ms) const;

  // Counts a failed verification and ends the reservation: burned at max_failed_attempts,
  // otherwise active again. NOT_FOUND when the code is not live.
  Result<CodeFailureOutcome> RecordFailure(store::PairingSteps& steps, std::string_view code_id,
                                           int64_t now_unix_ms) const;
  // reserved -> consumed by `request_id`. FAILED_PRECONDITION when not reserved.
  Status Consume(store::PairingSteps& steps, std::string_view code_id,
                 std::string_view request_id, int64_t now_unix_ms) const;

 private:
  const PairingCodeHasher& hasher_;
  const PairingCodeStoreOptions options_;
};

}  // namespace palyra::identity
