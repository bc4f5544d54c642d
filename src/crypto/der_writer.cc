#include "crypto/der_writer.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace palyra::crypto::internal::der {

namespace {

void AppendLength(Bytes& out, size_t length) {
  if (length < 0x80) {
    out.push_back(static_cast<uint8_t>(length));
    return;
  }
  uint8_t octets[sizeof(size_t)];
  int n = 0;
  for (size_t rest = length; rest != 0; rest >>= 8) octets[n++] = static_cast<uint8_t>(rest);
  out.push_back(static_cast<uint8_t>(0x80 | n));
  while (n > 0) out.push_back(octets[--n]);
}

size_t HeaderBytes(size_t length) {
  if (length < 0x80) return 2;
  size_t n = 2;
  for (size_t rest = length; rest != 0; rest >>= 8) ++n;
  return n;
}

}  // namespace

Bytes Tlv(uint8_t tag, std::span<const uint8_t> content) {
  Bytes out;
  out.reserve(HeaderBytes(content.size()) + content.size());
  out.push_back(tag);
  AppendLength(out, content.size());
  out.insert(out.end(), content.begin(), content.end());
  return out;
}

Bytes Constructed(uint8_t tag, std::initializer_list<std::span<const uint8_t>> elements) {
  size_t length = 0;
  for (auto e : elements) length += e.size();
  Bytes out;
  out.reserve(HeaderBytes(length) + length);
  out.push_back(tag);
  AppendLength(out, length);
  for (auto e : elements) out.insert(out.end(), e.begin(), e.end());
  return out;
}

void Append(Bytes& out, std::span<const uint8_t> encoded) {
  out.insert(out.end(), encoded.begin(), encoded.end());
}

Bytes UnsignedInteger(std::span<const uint8_t> magnitude) {
  size_t first = 0;
  while (first + 1 < magnitude.size() && magnitude[first] == 0) ++first;
  Bytes content;
  if (magnitude.empty()) {
    content.push_back(0);
  } else {
    if ((magnitude[first] & 0x80) != 0) content.push_back(0);
    content.insert(content.end(), magnitude.begin() + static_cast<std::ptrdiff_t>(first),
                   magnitude.end());
  }
  return Tlv(kInteger, content);
}

Bytes SmallInteger(uint32_t value) {
  const uint8_t be[] = {static_cast<uint8_t>(value >> 24), static_cast<uint8_t>(value >> 16),
                        static_cast<uint8_t>(value >> 8), static_cast<uint8_t>(value)};
  return UnsignedInteger(be);
}

Bytes Boolean(bool value) {
  const uint8_t content[] = {static_cast<uint8_t>(value ? 0xff : 0x00)};
  return Tlv(kBoolean, content);
}

Bytes Oid(std::span<const uint8_t> encoded_arcs) { return Tlv(kObjectIdentifier, encoded_arcs); }

Bytes OctetString(std::span<const uint8_t> bytes) { return Tlv(kOctetString, bytes); }

Bytes BitStringBytes(std::span<const uint8_t> bytes) {
  Bytes content;
  content.reserve(bytes.size() + 1);
  content.push_back(0);
  content.insert(content.end(), bytes.begin(), bytes.end());
  return Tlv(kBitString, content);
}

Bytes NamedBitString(std::initializer_list<int> set_bits) {
  uint8_t octets[4] = {};
  int highest = -1;
  for (int bit : set_bits) {
    if (bit < 0 || bit >= 32) continue;
    octets[bit / 8] |= static_cast<uint8_t>(0x80 >> (bit % 8));
    highest = std::max(highest, bit);
  }
  Bytes content;
  if (highest < 0) {
    content.push_back(0);  // the empty bit string
    return Tlv(kBitString, content);
  }
  const int used_octets = highest / 8 + 1;
  const int unused_bits = 7 - highest % 8;
  content.push_back(static_cast<uint8_t>(unused_bits));
  content.insert(content.end(), octets, octets + used_octets);
  return Tlv(kBitString, content);
}

Bytes Utf8String(std::string_view text) {
  return Tlv(kUtf8String, std::span(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
}

Result<Bytes> Time(int64_t unix_seconds) {
  const time_t t = static_cast<time_t>(unix_seconds);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return InvalidArgument("certificate time is out of range");
  const int year = tm.tm_year + 1900;
  if (year < 0 || year > 9999) return InvalidArgument("certificate time is out of range");
  char text[16];
  const bool utc = year >= 1950 && year <= 2049;
  const int n = utc ? std::snprintf(text, sizeof(text), "%02d%02d%02d%02d%02d%02dZ", year % 100,
                                    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec)
                    : std::snprintf(text, sizeof(text), "%04d%02d%02d%02d%02d%02dZ", year,
                                    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return Tlv(utc ? kUtcTime : kGeneralizedTime,
             std::span(reinterpret_cast<const uint8_t*>(text), static_cast<size_t>(n)));
}

}  // namespace palyra::crypto::internal::der
