#include "crypto/bytes.h"

#include <openssl/crypto.h>

#include <array>

namespace palyra::crypto {

void SecureZero(void* p, size_t size) {
  if (p != nullptr && size > 0) OPENSSL_cleanse(p, size);
}

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<int8_t, 256> MakeBase64Table() {
  std::array<int8_t, 256> table{};
  for (auto& v : table) v = -1;
  for (int i = 0; i < 64; ++i)
    table[static_cast<uint8_t>(kBase64Alphabet[i])] = static_cast<int8_t>(i);
  return table;
}
constexpr std::array<int8_t, 256> kBase64Table = MakeBase64Table();

// Returns the base64 characters without their '=' padding, enforcing the padding rule.
Result<std::string_view> StripPadding(std::string_view text, Base64Padding padding) {
  if (padding == Base64Padding::kUnpadded) {
    if (text.find('=') != std::string_view::npos) {
      return InvalidArgument("base64 text must not contain '=' padding");
    }
  } else {
    if (text.size() % 4 != 0) {
      return InvalidArgument("base64 text length must be a multiple of 4 when padded");
    }
    for (int i = 0; i < 2 && !text.empty() && text.back() == '='; ++i) text.remove_suffix(1);
  }
  if (text.size() % 4 == 1) return InvalidArgument("base64 text has an impossible length");
  return text;
}

size_t DecodedLength(std::string_view data) {
  return data.size() / 4 * 3 + (data.size() % 4 == 0 ? 0 : data.size() % 4 - 1);
}

// Decodes unpadded base64 `data` into `out` (sized by DecodedLength). One implementation for
// public and secret outputs keeps the strictness rules in one place.
Status DecodeInto(std::string_view data, std::span<uint8_t> out) {
  uint32_t acc = 0;
  int bits = 0;
  size_t written = 0;
  for (char c : data) {
    int8_t v = kBase64Table[static_cast<uint8_t>(c)];
    if (v < 0) {
      if (c == '=') return InvalidArgument("base64 text has misplaced '=' padding");
      return InvalidArgument("base64 text contains a character outside the standard alphabet");
    }
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = static_cast<uint8_t>(acc >> bits);
      acc &= (1u << bits) - 1;
    }
  }
  if (acc != 0) return InvalidArgument("base64 text has non-zero trailing bits (non-canonical)");
  return Status::Ok();
}

}  // namespace

Result<Bytes> HexDecode(std::string_view hex) {
  if (hex.size() % 2 != 0) return InvalidArgument("hex text must have an even number of digits");
  Bytes out(hex.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) {
    int hi = HexValue(hex[2 * i]);
    int lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return InvalidArgument("hex text contains a non-hex character");
    out[i] = static_cast<uint8_t>((hi << 4) | lo);
  }
  return out;
}

std::string Base64Encode(std::span<const uint8_t> bytes, Base64Padding padding) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t v = (uint32_t{bytes[i]} << 16) | (uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
    out.push_back(kBase64Alphabet[(v >> 18) & 63]);
    out.push_back(kBase64Alphabet[(v >> 12) & 63]);
    out.push_back(kBase64Alphabet[(v >> 6) & 63]);
    out.push_back(kBase64Alphabet[v & 63]);
  }
  size_t rest = bytes.size() - i;
  if (rest > 0) {
    uint32_t v = uint32_t{bytes[i]} << 16;
    if (rest == 2) v |= uint32_t{bytes[i + 1]} << 8;
    out.push_back(kBase64Alphabet[(v >> 18) & 63]);
    out.push_back(kBase64Alphabet[(v >> 12) & 63]);
    if (rest == 2) out.push_back(kBase64Alphabet[(v >> 6) & 63]);
    if (padding == Base64Padding::kPadded) out.append(rest == 1 ? "==" : "=");
  }
  return out;
}

Result<Bytes> Base64Decode(std::string_view text, Base64Padding padding) {
  PALYRA_ASSIGN_OR_RETURN(std::string_view data, StripPadding(text, padding));
  Bytes out(DecodedLength(data));
  PALYRA_RETURN_IF_ERROR(DecodeInto(data, out));
  return out;
}

Result<SecretBytes> Base64DecodeSecret(std::string_view text, Base64Padding padding) {
  PALYRA_ASSIGN_OR_RETURN(std::string_view data, StripPadding(text, padding));
  SecretBytes out(DecodedLength(data));
  PALYRA_RETURN_IF_ERROR(DecodeInto(data, out.span()));
  return out;
}

}  // namespace palyra::crypto
