#include "transport/quic/server_pin.h"

#include <algorithm>
#include <cctype>

#include "common/strings.h"
#include "crypto/hash.h"

namespace palyra::transport::quic {

namespace {
constexpr size_t kFingerprintHexChars = 64;
}  // namespace

Result<ServerPin> ServerPin::Parse(std::string_view text) {
  std::string pin(TrimAsciiWhitespace(text));
  if (pin.empty()) return InvalidArgument("pinned server fingerprint cannot be empty");
  std::transform(pin.begin(), pin.end(), pin.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool hex = std::all_of(pin.begin(), pin.end(), [](unsigned char c) {
    return std::isdigit(c) || (c >= 'a' && c <= 'f');
  });
  if (pin.size() != kFingerprintHexChars || !hex) {
    return InvalidArgument("pinned server fingerprint must be the 64 hex digits of a SHA-256 (got " +
                           std::to_string(pin.size()) + " characters)");
  }
  return ServerPin(std::move(pin));
}

Status ServerPin::Check(std::string_view actual_fingerprint_hex) const {
  if (!crypto::ConstantTimeEquals(fingerprint_hex_, actual_fingerprint_hex)) {
    return PermissionDenied("server certificate does not match the pin: expected " +
                            fingerprint_hex_ + ", got " + std::string(actual_fingerprint_hex));
  }
  return Status::Ok();
}

}  // namespace palyra::transport::quic
