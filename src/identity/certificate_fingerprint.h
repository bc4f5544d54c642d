#pragma once
// Certificate fingerprints (SHA-256 of the DER) as text and as bytes. Shared by the device
// registry, the revocation index and the repositories that store them.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/status.h"

namespace palyra::identity {

inline constexpr size_t kFingerprintBytes = 32;
using FingerprintBytes = std::array<uint8_t, kFingerprintBytes>;

// Lowercase/uppercase hex -> 32 bytes; INVALID_ARGUMENT otherwise.
Result<FingerprintBytes> ParseFingerprintHex(std::string_view hex);

// True for exactly 64 lowercase hex digits (a SHA-256 fingerprint or a 32-byte key in hex).
bool IsLowerHex64(std::string_view value);

// INVALID_ARGUMENT "<field> must be 64 lowercase hex characters (a SHA-256 fingerprint)".
Status ValidateFingerprintHex(std::string_view value, std::string_view field);

}  // namespace palyra::identity
