#include "identity/certificate_fingerprint.h"

#include <string>

namespace palyra::identity {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<FingerprintBytes> ParseFingerprintHex(std::string_view hex) {
  if (hex.size() != 2 * kFingerprintBytes) {
    return InvalidArgument("certificate fingerprint must be 64 hex characters");
  }
  FingerprintBytes out{};
  for (size_t i = 0; i < kFingerprintBytes; ++i) {
    const int hi = HexValue(hex[2 * i]);
    const int lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0)
      return InvalidArgument("certificate fingerprint must be 64 hex characters");
    out[i] = static_cast<uint8_t>((hi << 4) | lo);
  }
  return out;
}

bool IsLowerHex64(std::string_view value) {
  if (value.size() != 64) return false;
  for (char c : value) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Status ValidateFingerprintHex(std::string_view value, std::string_view field) {
  if (IsLowerHex64(value)) return Status::Ok();
  return InvalidArgument(std::string(field) +
                         " must be 64 lowercase hex characters (a SHA-256 fingerprint)");
}

}  // namespace palyra::identity
