#pragma once
// The pairing URI an operator hands a device (as text or as a QR code): where the node listener
// is, which code to present, and the SHA-256 fingerprint of the gateway CA, so that the device
// can fetch the CA over TLS and pin it without copying a CA file.
//
//   palyra://pair?v=1&addr=<host:port>&method=<pin|qr>&code=<code>&ca_sha256=<64 hex>
//
// Values are percent-encoded (RFC 3986 unreserved characters stay as they are). The code is a
// secret: the URI is shown once, to the operator, and never logged.

#include <string>
#include <string_view>

#include "common/status.h"
#include "crypto/bytes.h"
#include "identity/pairing_method.h"

namespace palyra::identity {

inline constexpr std::string_view kPairingUriPrefix = "palyra://pair?";
inline constexpr size_t kMaxPairingUriBytes = 2048;

struct PairingUri {
  std::string address;  // host:port of the node listener ("[::1]:7444" for IPv6)
  PairingMethod::Kind method = PairingMethod::Kind::kPin;
  crypto::SecretString code;
  std::string ca_fingerprint;  // lowercase hex SHA-256 of the CA certificate's DER
};

std::string BuildPairingUri(const PairingUri& uri);

// INVALID_ARGUMENT naming what is wrong: another scheme, a missing or repeated parameter, an
// unsupported version, a bad method, a malformed address or fingerprint, bad percent-encoding,
// more than kMaxPairingUriBytes. Surrounding whitespace is ignored; unknown parameters are
// refused (a typo must not silently drop the pin).
Result<PairingUri> ParsePairingUri(std::string_view text);

}  // namespace palyra::identity
