#pragma once
// Optional pinning of the server's certificate on the client side: after the handshake (the CA
// check still applies), the SHA-256 of the server's leaf DER must equal the pin. Upstream only
// trims and lowercases the pin; ours must also be exactly 64 hex digits, and the comparison is
// constant-time.

#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra::transport::quic {

class ServerPin {
 public:
  // Trims ASCII whitespace and lowercases. INVALID_ARGUMENT "pinned server fingerprint cannot be
  // empty" for an empty or blank pin (upstream's message), and for anything but 64 hex digits.
  static Result<ServerPin> Parse(std::string_view text);

  const std::string& fingerprint_hex() const { return fingerprint_hex_; }
  // PERMISSION_DENIED naming both values when `actual_fingerprint_hex` is another certificate.
  Status Check(std::string_view actual_fingerprint_hex) const;

 private:
  explicit ServerPin(std::string fingerprint_hex) : fingerprint_hex_(std::move(fingerprint_hex)) {}
  std::string fingerprint_hex_;
};

}  // namespace palyra::transport::quic
