#pragma once
// A minimal DER (X.690) encoder for the structures this project issues: certificates and their
// extensions. The certificate builder writes its TBSCertificate with it instead of filling
// OpenSSL's X509 object field by field, which in OpenSSL 3.0 cost more than the ECDSA signature
// itself. Only definite, minimal lengths are produced; every value is written in canonical form
// (minimal INTEGERs, BIT STRINGs without trailing zero bits, DEFAULT booleans omitted by the
// caller). Private to src/crypto; parsing stays with OpenSSL.
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include "common/status.h"
#include "crypto/bytes.h"

namespace palyra::crypto::internal::der {

// Universal tags used here, plus the constructed and context-specific bits.
inline constexpr uint8_t kBoolean = 0x01;
inline constexpr uint8_t kInteger = 0x02;
inline constexpr uint8_t kBitString = 0x03;
inline constexpr uint8_t kOctetString = 0x04;
inline constexpr uint8_t kObjectIdentifier = 0x06;
inline constexpr uint8_t kUtf8String = 0x0c;
inline constexpr uint8_t kUtcTime = 0x17;
inline constexpr uint8_t kGeneralizedTime = 0x18;
inline constexpr uint8_t kSequence = 0x30;
inline constexpr uint8_t kSet = 0x31;
inline constexpr uint8_t kContextPrimitive = 0x80;     // [n] IMPLICIT, primitive
inline constexpr uint8_t kContextConstructed = 0xa0;   // [n] EXPLICIT or IMPLICIT, constructed

// tag || length || content.
Bytes Tlv(uint8_t tag, std::span<const uint8_t> content);
// A constructed value whose content is the concatenation of already-encoded elements.
Bytes Constructed(uint8_t tag, std::initializer_list<std::span<const uint8_t>> elements);
inline Bytes Sequence(std::initializer_list<std::span<const uint8_t>> elements) {
  return Constructed(kSequence, elements);
}
// Appends an encoded element to a SEQUENCE OF being collected (wrap it with Tlv afterwards).
void Append(Bytes& out, std::span<const uint8_t> encoded);

// INTEGER from an unsigned big-endian magnitude (leading zeros stripped, 0x00 added when the top
// bit would read as a sign).
Bytes UnsignedInteger(std::span<const uint8_t> magnitude);
Bytes SmallInteger(uint32_t value);
Bytes Boolean(bool value);
// OBJECT IDENTIFIER from its already-encoded content octets.
Bytes Oid(std::span<const uint8_t> encoded_arcs);
Bytes OctetString(std::span<const uint8_t> bytes);
// BIT STRING holding whole bytes (unused-bits octet 0): signatures, public keys.
Bytes BitStringBytes(std::span<const uint8_t> bytes);
// BIT STRING of named bits (bit 0 is the most significant bit of the first octet), in DER's
// minimal form: trailing zero bits and octets removed. Bits must be < 32.
Bytes NamedBitString(std::initializer_list<int> set_bits);
Bytes Utf8String(std::string_view text);
// UTCTime for years 1950..2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5), always in UTC
// with whole seconds. INVALID_ARGUMENT for years outside 0..9999.
Result<Bytes> Time(int64_t unix_seconds);

}  // namespace palyra::crypto::internal::der
