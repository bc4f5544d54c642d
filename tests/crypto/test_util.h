#pragma once
// Small helpers shared by the crypto tests.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "crypto/bytes.h"
#include "support/byte_literals.h"
#include "support/status_assertions.h"

namespace palyra::crypto::testing {

using ::palyra::testing::FailsWith;
using ::palyra::testing::Hex;
using ::palyra::testing::Sequence;
using ::palyra::testing::StatusCarriedBy;

}  // namespace palyra::crypto::testing

// Asserts / expects that a Status or Result is OK, printing the error otherwise. `expr` is
// evaluated once.
#define ASSERT_OK(expr)                                                      \
  do {                                                                       \
    const auto& palyra_test_value_ = (expr);                                 \
    const ::palyra::Status& palyra_test_status_ =                            \
        ::palyra::testing::StatusCarriedBy(palyra_test_value_);                     \
    ASSERT_TRUE(palyra_test_status_.ok()) << palyra_test_status_.ToString(); \
  } while (false)
#define EXPECT_OK(expr)                                                      \
  do {                                                                       \
    const auto& palyra_test_value_ = (expr);                                 \
    const ::palyra::Status& palyra_test_status_ =                            \
        ::palyra::testing::StatusCarriedBy(palyra_test_value_);                     \
    EXPECT_TRUE(palyra_test_status_.ok()) << palyra_test_status_.ToString(); \
  } while (false)
