#pragma once
// Encoding checks for Curve25519 points that OpenSSL does not expose: canonical Ed25519 encodings
// and the small-order blocklists for Ed25519 and X25519. Private to src/crypto.

#include <cstdint>
#include <span>

namespace palyra::crypto::internal {

// True when the encoded y (little-endian, sign bit ignored) is below p = 2^255 - 19.
bool IsCanonicalEd25519Point(std::span<const uint8_t, 32> encoded);

// True for any encoding (either sign bit, canonical or not) of the eight points of order
// dividing 8: the identity, the point of order 2, two of order 4 and four of order 8.
bool IsSmallOrderEd25519Point(std::span<const uint8_t, 32> encoded);

// True for X25519 u-coordinates (any top bit, non-canonical variants included) for which
// X25519 with every clamped scalar gives the all-zero output.
bool IsSmallOrderX25519Point(std::span<const uint8_t, 32> encoded);

}  // namespace palyra::crypto::internal
