#pragma once
// gtest assertions on palyra::Status and on anything that carries one (Result<T, E> for any
// error type E). Shared by every test suite.

#include <gtest/gtest.h>

#include <concepts>
#include <string_view>

#include "common/status.h"

namespace palyra::testing {

inline Status StatusCarriedBy(const Status& status) { return status; }
template <typename T>
  requires requires(const T& value) {
    { value.status() } -> std::convertible_to<Status>;
  }
Status StatusCarriedBy(const T& value) {
  return value.status();
}

// `status_or_result` failed with `code` and a message containing `fragment` (any message when
// `fragment` is empty).
template <typename T>
::testing::AssertionResult FailsWith(const T& status_or_result, StatusCode code,
                                     std::string_view fragment = {}) {
  const Status status = StatusCarriedBy(status_or_result);
  if (status.ok()) return ::testing::AssertionFailure() << "expected an error, got OK";
  if (status.code() != code || status.message().find(fragment) == std::string::npos) {
    return ::testing::AssertionFailure() << "got " << status.ToString() << ", expected "
                                         << StatusCodeName(code) << " with \"" << fragment << "\"";
  }
  return ::testing::AssertionSuccess();
}

}  // namespace palyra::testing
