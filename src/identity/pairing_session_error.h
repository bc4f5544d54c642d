#pragma once
// Typed pairing errors. Every failure of PairingSessionManager carries a PairingError (the
// spec's error kinds, so the daemon can map them to gRPC codes and metrics without parsing
// messages), the structured details some kinds have, and a Status with a sensible code and a
// message that says what was wrong and what to do.
//
// PairingResult<T> offers ok()/status()/value() like palyra::Result<T>, so it also works with
// PALYRA_ASSIGN_OR_RETURN inside functions that return a Status or Result.

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

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
  PairingError error = PairingError::kInternal;
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

template <typename T>
class [[nodiscard]] PairingResult {
 public:
  PairingResult(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT
  PairingResult(PairingFailure failure)                                         // NOLINT
      : state_(std::in_place_index<1>, std::move(failure)) {}

  bool ok() const { return state_.index() == 0; }
  // OK when ok(), else the failure's status.
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<1>(state_).status;
  }
  // Only when !ok() (throws std::bad_variant_access otherwise).
  const PairingFailure& failure() const { return std::get<1>(state_); }
  PairingError error() const { return failure().error; }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // Drops the typed details.
  Result<T> ToResult() && {
    if (ok()) return std::move(*this).value();
    return std::get<1>(state_).status;
  }

 private:
  std::variant<T, PairingFailure> state_;
};

}  // namespace palyra::identity
