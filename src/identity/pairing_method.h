#pragma once
// Pairing methods (a 6-digit PIN or a QR token) and the client kinds that may pair.
//
// The PIN or token is the pairing secret: it is the "proof" a device signs during the handshake.
// Nothing here ever prints it. DebugString() and operator<< show only its length, and the display
// label for a PIN is masked.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra::identity {

// Who is pairing. Spelled "cli", "desktop" or "node" on the wire and in the transcript.
enum class ClientKind { kCli, kDesktop, kNode };

// "cli", "desktop" or "node": the exact bytes that enter the signed payload and the transcript.
std::string_view ClientKindName(ClientKind kind);
// Trims ASCII whitespace and lowercases, then accepts cli|desktop|node. Anything else is
// INVALID_ARGUMENT "client_kind must be one of: cli, desktop, node".
Result<ClientKind> ParseClientKind(std::string_view text);
std::ostream& operator<<(std::ostream& os, ClientKind kind);

inline constexpr size_t kPairingPinLength = 6;
inline constexpr size_t kPairingQrTokenMinBytes = 16;
inline constexpr size_t kPairingQrTokenMaxBytes = 128;

// A PIN or QR token. Constructing one never fails, so that a gateway can build it straight from
// untrusted input and validate it at the point the spec prescribes (after the rate limiter);
// Validate() says whether it is acceptable.
class PairingMethod {
 public:
  enum class Kind { kPin, kQr };

  static PairingMethod Pin(std::string code) { return PairingMethod(Kind::kPin, std::move(code)); }
  static PairingMethod Qr(std::string token) { return PairingMethod(Kind::kQr, std::move(token)); }

  Kind kind() const { return kind_; }
  // The PIN or the token: the proof a device must present. Secret; do not log.
  const std::string& secret() const { return secret_; }

  // OK when a PIN is exactly 6 ASCII digits, or a QR token is 16..128 bytes. Otherwise
  // INVALID_ARGUMENT (the spec's InvalidPairingProof) saying what is wrong, never echoing it.
  Status Validate() const;

  // For operators: "pin:" plus one '*' per character, or "qr:" plus the token's first 6
  // characters and "..." (UTF-8 sequences are never split).
  std::string DisplayLabel() const;
  // For logs: "PairingMethod::Pin{code_len=6}" / "PairingMethod::Qr{token_len=32}".
  std::string DebugString() const;

 private:
  PairingMethod(Kind kind, std::string secret) : kind_(kind), secret_(std::move(secret)) {}
  Kind kind_;
  std::string secret_;
};

// Writes DebugString(), so that gtest failure output and stream-based logging stay redacted.
std::ostream& operator<<(std::ostream& os, const PairingMethod& method);

// The method's name where it is written down (pairing URIs, the store): "pin" | "qr".
std::string_view PairingMethodKindName(PairingMethod::Kind kind);
Result<PairingMethod::Kind> ParsePairingMethodKind(std::string_view text);

}  // namespace palyra::identity
