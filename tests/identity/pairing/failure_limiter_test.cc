#include "identity/pairing/failure_limiter.h"

#include <gtest/gtest.h>

#include "identity_test_util.h"

namespace palyra::identity {
namespace {

using testing::FailsWith;

TEST(PairingFailureLimiterTest, GlobalBudgetRefusesUntilTheWindowPasses) {
  PairingFailureLimiter limiter({.max_failures = 3, .window_ms = 60'000},
                                {.max_failures = 100, .window_ms = 60'000}, 16);
  const int64_t t0 = 1'000'000;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(limiter.Check("", t0 + i).ok());
    limiter.RecordFailure("", t0 + i);
  }
  EXPECT_TRUE(FailsWith(limiter.Check("", t0 + 10), StatusCode::kResourceExhausted,
                        "too many failed pairing attempts; retry in 60 s (limit: 3 failures per 60 s from all "
                        "peers)"));
  EXPECT_TRUE(FailsWith(limiter.Check("ipv4:10.0.0.1", t0 + 30'000),
                        StatusCode::kResourceExhausted, "retry in 30 s"));
  // The first failure leaves the window at t0 + 60 s.
  EXPECT_TRUE(limiter.Check("", t0 + 60'000).ok());
  EXPECT_EQ(limiter.GlobalFailures(t0 + 60'000), 2u);
}

TEST(PairingFailureLimiterTest, PeerBudgetIsPerPeer) {
  PairingFailureLimiter limiter({.max_failures = 100, .window_ms = 10'000},
                                {.max_failures = 2, .window_ms = 10'000}, 16);
  limiter.RecordFailure("a", 1);
  limiter.RecordFailure("a", 2);
  EXPECT_TRUE(FailsWith(limiter.Check("a", 3), StatusCode::kResourceExhausted, "this peer"));
  EXPECT_TRUE(limiter.Check("b", 3).ok());
  EXPECT_TRUE(limiter.Check("", 3).ok());
  EXPECT_EQ(limiter.PeerFailures("a", 3), 2u);
  EXPECT_TRUE(limiter.Check("a", 10'002).ok());
}

TEST(PairingFailureLimiterTest, TrackedPeersAreBounded) {
  PairingFailureLimiter limiter({.max_failures = 1'000'000, .window_ms = 60'000},
                                {.max_failures = 1, .window_ms = 60'000}, 4);
  for (int i = 0; i < 100; ++i) limiter.RecordFailure("peer-" + std::to_string(i), 1000 + i);
  // The newest peers are still tracked, the stalest were forgotten, and the global count holds
  // everything.
  EXPECT_FALSE(limiter.Check("peer-99", 2000).ok());
  EXPECT_TRUE(limiter.Check("peer-0", 2000).ok());
  EXPECT_EQ(limiter.GlobalFailures(2000), 100u);
}

TEST(PairingFailureLimiterTest, LimitsAreClampedToUsableValues) {
  PairingFailureLimiter limiter({0, 0}, {0, 0}, 0);
  EXPECT_EQ(limiter.global_budget().max_failures, 1u);
  EXPECT_EQ(limiter.global_budget().window_ms, 1);
  EXPECT_EQ(limiter.peer_budget().max_failures, 1u);
  limiter.RecordFailure("", 5);
  EXPECT_FALSE(limiter.Check("", 5).ok());
  EXPECT_TRUE(limiter.Check("", 6).ok());
}

}  // namespace
}  // namespace palyra::identity
