#pragma once
// Small helpers shared by the identity store implementation files. Internal to
// src/identity/store.

#include <string>
#include <string_view>

#include "common/status.h"
#include "store/transactions.h"

namespace palyra::identity::internal {

using store::RunAtomically;
using store::RunReadSnapshot;

// True for exactly 64 lowercase hex digits (a SHA-256 fingerprint or a 32-byte key in hex).
inline bool IsLowerHex64(std::string_view value) {
  if (value.size() != 64) return false;
  for (char c : value) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// INVALID_ARGUMENT "<field> must be 64 lowercase hex characters (SHA-256)".
inline Status ValidateFingerprintHex(std::string_view value, std::string_view field) {
  if (IsLowerHex64(value)) return Status::Ok();
  return InvalidArgument(std::string(field) +
                         " must be 64 lowercase hex characters (a SHA-256 fingerprint)");
}

}  // namespace palyra::identity::internal
