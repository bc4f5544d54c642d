#include "identity/pairing_method.h"

#include "common/strings.h"

#include <ostream>

namespace palyra::identity {
namespace {

// Byte length of the first `chars` UTF-8 characters of `text` (continuation bytes 10xxxxxx do
// not start a character, so a multi-byte sequence is never cut in half).
size_t Utf8PrefixBytes(std::string_view text, size_t chars) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_char) {
      if (seen == chars) return i;
      ++seen;
    }
  }
  return text.size();
}

size_t Utf8Length(std::string_view text) {
  size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace

std::string_view ClientKindName(ClientKind kind) {
  switch (kind) {
    case ClientKind::kCli:
      return "cli";
    case ClientKind::kDesktop:
      return "desktop";
    case ClientKind::kNode:
      return "node";
  }
  return "unknown";
}

Result<ClientKind> ParseClientKind(std::string_view text) {
  std::string_view trimmed = TrimAsciiWhitespace(text);
  std::string lower(trimmed);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (lower == "cli") return ClientKind::kCli;
  if (lower == "desktop") return ClientKind::kDesktop;
  if (lower == "node") return ClientKind::kNode;
  return InvalidArgument("client_kind must be one of: cli, desktop, node");
}

std::ostream& operator<<(std::ostream& os, ClientKind kind) { return os << ClientKindName(kind); }

Status PairingMethod::Validate() const {
  switch (kind_) {
    case Kind::kPin: {
      bool digits = secret_.size() == kPairingPinLength;
      for (char c : secret_) digits = digits && c >= '0' && c <= '9';
      if (!digits) {
        return InvalidArgument("invalid pairing proof: a pairing PIN must be exactly " +
                               std::to_string(kPairingPinLength) + " ASCII digits (got " +
                               std::to_string(secret_.size()) + " characters)");
      }
      return Status::Ok();
    }
    case Kind::kQr:
      if (secret_.size() < kPairingQrTokenMinBytes || secret_.size() > kPairingQrTokenMaxBytes) {
        return InvalidArgument("invalid pairing proof: a pairing QR token must be " +
                               std::to_string(kPairingQrTokenMinBytes) + " to " +
                               std::to_string(kPairingQrTokenMaxBytes) + " bytes (got " +
                               std::to_string(secret_.size()) + ")");
      }
      return Status::Ok();
  }
  return InvalidArgument("invalid pairing proof: unknown pairing method");
}

std::string PairingMethod::DisplayLabel() const {
  if (kind_ == Kind::kPin) return "pin:" + std::string(Utf8Length(secret_), '*');
  return "qr:" + secret_.substr(0, Utf8PrefixBytes(secret_, 6)) + "...";
}

std::string PairingMethod::DebugString() const {
  if (kind_ == Kind::kPin)
    return "PairingMethod::Pin{code_len=" + std::to_string(secret_.size()) + "}";
  return "PairingMethod::Qr{token_len=" + std::to_string(secret_.size()) + "}";
}

std::ostream& operator<<(std::ostream& os, const PairingMethod& method) {
  return os << method.DebugString();
}

std::string_view PairingMethodKindName(PairingMethod::Kind kind) {
  return kind == PairingMethod::Kind::kPin ? "pin" : "qr";
}

Result<PairingMethod::Kind> ParsePairingMethodKind(std::string_view text) {
  if (text == "pin") return PairingMethod::Kind::kPin;
  if (text == "qr") return PairingMethod::Kind::kQr;
  return InvalidArgument("pairing method must be 'pin' or 'qr'");
}

}  // namespace palyra::identity
