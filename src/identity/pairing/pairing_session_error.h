#pragma once
// Typed pairing errors. Every failure of PairingSessionManager carries a PairingError (the
// spec's error kinds, so the daemon can map them to gRPC codes and metrics without parsing
// messages), the structured details some kinds have, and a Status with a sensible code and a
// message that says what was wrong and what to do.
//
// Results carry it as Result<T, PairingFailure>: status() gives its Status, error() the details,
// and PALYRA_ASSIGN_OR_RETURN works as with any Result.

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>

#include "common/status.h"

namespace palyra::identity {

// The kinds, with the Status code each one is reported with.
enum class PairingError {
  kInvalidArgument,               // INVALID_ARGUMENT: a malformed request not covered below
  kInvalidCanonicalDeviceId,      // INVALID_ARGUMENT
  kInvalidPairingProof,           // INVALID_ARGUMENT for a malformed PIN/token at Start;
                                  // UNAUTHENTICATED for a proof that does not match at Verify
  kSessionNotFound,               // NOT_FOUND (unknown, already used, or pruned after expiry)
  kSessionExpired,                // FAILED_PRECONDITION
  kSessionCapacityExceeded,       // RESOURCE_EXHAUSTED, details: limit
  kSessionRateLimited,            // RESOURCE_EXHAUSTED, details: limit (= max), window_ms
  kVersionMismatch,               // INVALID_ARGUMENT, details: expected_version, got_version
  kClientKindMismatch,            // INVALID_ARGUMENT
  kSignatureVerificationFailed,   // UNAUTHENTICATED
  kTranscriptVerificationFailed,  // UNAUTHENTICATED
  kDeviceRevoked,                 // PERMISSION_DENIED
  kInternal,                      // INTERNAL
};

// The spec's spelling: "PairingSessionNotFound", "PairingVersionMismatch", ...
std::string_view PairingErrorName(PairingError error);
std::ostream& operator<<(std::ostream& os, PairingError error);

struct PairingFailure {
  PairingError kind = PairingError::kInternal;
  Status status;
  // kVersionMismatch
  uint32_t expected_version = 0;
  uint32_t got_version = 0;
  // kSessionCapacityExceeded: the active-session limit. kSessionRateLimited: max starts.
  uint64_t limit = 0;
  // kSessionRateLimited: the sliding window.
  int64_t window_ms = 0;

  // "PairingSessionRateLimited: RESOURCE_EXHAUSTED: ..."
  std::string ToString() const;
};

// The Status of a failure, so that Result<T, PairingFailure> works wherever a Result does.
inline const Status& StatusOf(const PairingFailure& failure) { return failure.status; }

}  // namespace palyra::identity
