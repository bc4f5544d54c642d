#pragma once
// Small helpers shared by the crypto tests.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "crypto/bytes.h"

namespace palyra::crypto::testing {

// Hex literal to bytes; fails the test (and returns empty) on bad hex.
inline Bytes Hex(std::string_view hex) {
  auto decoded = HexDecode(hex);
  EXPECT_TRUE(decoded.ok()) << "bad hex literal in test: " << hex;
  return decoded.ok() ? *decoded : Bytes{};
}

// first, first+1, ..., first+count-1 (the spec's "bytes 00..1f" style inputs).
inline Bytes Sequence(uint8_t first, size_t count) {
  Bytes out(count);
  for (size_t i = 0; i < count; ++i) out[i] = static_cast<uint8_t>(first + i);
  return out;
}

inline const Status& StatusOf(const Status& status) { return status; }
template <typename T>
const Status& StatusOf(const Result<T>& result) {
  return result.status();
}

// gtest assertion: `expr` failed with `code` and a message containing `fragment`.
template <typename T>
::testing::AssertionResult FailsWith(const T& status_or_result, StatusCode code,
                                     std::string_view fragment) {
  const Status& status = StatusOf(status_or_result);
  if (status.ok()) return ::testing::AssertionFailure() << "expected an error, got OK";
  if (status.code() != code || status.message().find(fragment) == std::string::npos) {
    return ::testing::AssertionFailure() << "got " << status.ToString() << ", expected "
                                         << StatusCodeName(code) << " with \"" << fragment << "\"";
  }
  return ::testing::AssertionSuccess();
}

}  // namespace palyra::crypto::testing

// Asserts / expects that a Status or Result is OK, printing the error otherwise. `expr` is
// evaluated once.
#define ASSERT_OK(expr)                                                      \
  do {                                                                       \
    const auto& palyra_test_value_ = (expr);                                 \
    const ::palyra::Status& palyra_test_status_ =                            \
        ::palyra::crypto::testing::StatusOf(palyra_test_value_);             \
    ASSERT_TRUE(palyra_test_status_.ok()) << palyra_test_status_.ToString(); \
  } while (false)
#define EXPECT_OK(expr)                                                      \
  do {                                                                       \
    const auto& palyra_test_value_ = (expr);                                 \
    const ::palyra::Status& palyra_test_status_ =                            \
        ::palyra::crypto::testing::StatusOf(palyra_test_value_);             \
    EXPECT_TRUE(palyra_test_status_.ok()) << palyra_test_status_.ToString(); \
  } while (false)
