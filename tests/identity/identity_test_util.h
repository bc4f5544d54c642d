#pragma once
// Helpers shared by the identity tests.

#include <gtest/gtest.h>
#include <stdlib.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "support/temp_dir.h"
#include "common/status.h"
#include "crypto/bytes.h"

namespace palyra::identity::testing {

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

// gtest assertion: failed with `code` and a message containing `fragment`.
template <typename T>
::testing::AssertionResult FailsWith(const T& status_or_result, StatusCode code,
                                     std::string_view fragment) {
  const Status& status = status_or_result.status();
  if (status.ok()) return ::testing::AssertionFailure() << "expected an error, got OK";
  if (status.code() != code || status.message().find(fragment) == std::string::npos) {
    return ::testing::AssertionFailure() << "got " << status.ToString() << ", expected "
                                         << StatusCodeName(code) << " with \"" << fragment << "\"";
  }
  return ::testing::AssertionSuccess();
}
inline ::testing::AssertionResult FailsWith(const Status& status, StatusCode code,
                                            std::string_view fragment) {
  struct Wrap {
    const Status& s;
    const Status& status() const { return s; }
  };
  return FailsWith(Wrap{status}, code, fragment);
}

using ::palyra::testing::TempDir;

}  // namespace palyra::identity::testing
