#pragma once
// Byte inputs written the way the specs write them. Shared by the crypto and identity tests.

#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crypto/bytes.h"

namespace palyra::testing {

// Hex literal to bytes; fails the test (and returns empty) on bad hex.
inline crypto::Bytes Hex(std::string_view hex) {
  auto decoded = crypto::HexDecode(hex);
  EXPECT_TRUE(decoded.ok()) << "bad hex literal in test: " << hex;
  return decoded.ok() ? *decoded : crypto::Bytes{};
}

// first, first+1, ..., first+count-1 (the spec's "bytes 00..1f" inputs).
inline crypto::Bytes Sequence(uint8_t first, size_t count) {
  crypto::Bytes out(count);
  for (size_t i = 0; i < count; ++i) out[i] = static_cast<uint8_t>(first + i);
  return out;
}

template <size_t N>
std::array<uint8_t, N> SequenceArray(uint8_t first) {
  std::array<uint8_t, N> out{};
  for (size_t i = 0; i < N; ++i) out[i] = static_cast<uint8_t>(first + i);
  return out;
}

}  // namespace palyra::testing
