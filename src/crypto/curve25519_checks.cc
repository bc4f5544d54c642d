#include "crypto/curve25519_checks.h"

#include <array>

namespace palyra::crypto::internal {

namespace {

using Encoding = std::array<uint8_t, 32>;

// p - 1, p and p + 1 share this shape: low byte, thirty 0xff bytes, then 0x7f.
constexpr Encoding NearP(uint8_t low) {
  Encoding e{};
  e[0] = low;
  for (size_t i = 1; i < 31; ++i) e[i] = 0xff;
  e[31] = 0x7f;
  return e;
}

constexpr Encoding kZero = {};
constexpr Encoding kOne = {0x01};

// Ed25519 y-coordinates of the small-order points: 1 (identity), p-1 (order 2), 0 (order 4),
// two values for order 8; then p and p+1, the non-canonical spellings of 0 and 1.
constexpr std::array<Encoding, 7> kEd25519SmallOrderY = {{
    kOne,
    NearP(0xec),
    kZero,
    {0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4,
     0x89, 0xf2, 0xef, 0x98, 0xf0, 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6,
     0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05},
    {0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b,
     0x76, 0x0d, 0x10, 0x67, 0x0f, 0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39,
     0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a},
    NearP(0xed),
    NearP(0xee),
}};

// X25519 u-coordinates: 0, 1, two points of order 8, p-1, and p, p+1 (non-canonical 0 and 1).
constexpr std::array<Encoding, 7> kX25519SmallOrderU = {{
    kZero,
    kOne,
    {0xe0, 0xeb, 0x7a, 0x7c, 0x3b, 0x41, 0xb8, 0xae, 0x16, 0x56, 0xe3,
     0xfa, 0xf1, 0x9f, 0xc4, 0x6a, 0xda, 0x09, 0x8d, 0xeb, 0x9c, 0x32,
     0xb1, 0xfd, 0x86, 0x62, 0x05, 0x16, 0x5f, 0x49, 0xb8, 0x00},
    {0x5f, 0x9c, 0x95, 0xbc, 0xa3, 0x50, 0x8c, 0x24, 0xb1, 0xd0, 0xb1,
     0x55, 0x9c, 0x83, 0xef, 0x5b, 0x04, 0x44, 0x5c, 0xc4, 0x58, 0x1c,
     0x8e, 0x86, 0xd8, 0x22, 0x4e, 0xdd, 0xd0, 0x9f, 0x11, 0x57},
    NearP(0xec),
    NearP(0xed),
    NearP(0xee),
}};

// Equal ignoring the top bit of the last byte (Ed25519's sign of x; ignored by X25519).
bool EqualsIgnoringTopBit(std::span<const uint8_t, 32> a, const Encoding& b) {
  for (size_t i = 0; i < 31; ++i) {
    if (a[i] != b[i]) return false;
  }
  return (a[31] & 0x7f) == b[31];
}

template <size_t N>
bool InList(std::span<const uint8_t, 32> encoded, const std::array<Encoding, N>& list) {
  for (const Encoding& e : list) {
    if (EqualsIgnoringTopBit(encoded, e)) return true;
  }
  return false;
}

}  // namespace

bool IsCanonicalEd25519Point(std::span<const uint8_t, 32> encoded) {
  // y >= p only when y is one of p .. 2^255-1: 0x7f top byte, 0xff in between, low byte >= 0xed.
  if ((encoded[31] & 0x7f) != 0x7f) return true;
  for (size_t i = 1; i < 31; ++i) {
    if (encoded[i] != 0xff) return true;
  }
  return encoded[0] < 0xed;
}

bool IsSmallOrderEd25519Point(std::span<const uint8_t, 32> encoded) {
  return InList(encoded, kEd25519SmallOrderY);
}

bool IsSmallOrderX25519Point(std::span<const uint8_t, 32> encoded) {
  return InList(encoded, kX25519SmallOrderU);
}

}  // namespace palyra::crypto::internal
