#include <gtest/gtest.h>

#include "daemon/node_runtime/capability_request.h"

namespace palyra::node_runtime {
namespace {

using S = CapabilityRequestState;
constexpr S kAll[] = {S::kQueued,    S::kDispatched, S::kAwaitingLocalMediation, S::kSucceeded,
                      S::kFailed,    S::kTimedOut,   S::kRejected};

TEST(CapabilityRequestStateTest, OnlyTheDrawnEdgesAreLegal) {
  int legal = 0;
  for (S from : kAll) {
    for (S to : kAll) legal += IsLegalTransition(from, to) ? 1 : 0;
  }
  EXPECT_EQ(legal, 12);
  EXPECT_TRUE(IsLegalTransition(S::kQueued, S::kDispatched));
  EXPECT_TRUE(IsLegalTransition(S::kQueued, S::kTimedOut));
  EXPECT_TRUE(IsLegalTransition(S::kQueued, S::kFailed));
  EXPECT_TRUE(IsLegalTransition(S::kQueued, S::kRejected));
  EXPECT_TRUE(IsLegalTransition(S::kDispatched, S::kAwaitingLocalMediation));
  EXPECT_TRUE(IsLegalTransition(S::kDispatched, S::kSucceeded));
  EXPECT_TRUE(IsLegalTransition(S::kDispatched, S::kFailed));
  EXPECT_TRUE(IsLegalTransition(S::kDispatched, S::kTimedOut));
  EXPECT_TRUE(IsLegalTransition(S::kAwaitingLocalMediation, S::kSucceeded));
  EXPECT_TRUE(IsLegalTransition(S::kAwaitingLocalMediation, S::kFailed));
  EXPECT_TRUE(IsLegalTransition(S::kAwaitingLocalMediation, S::kTimedOut));
  EXPECT_TRUE(IsLegalTransition(S::kAwaitingLocalMediation, S::kRejected));
  // No way back, no skipping dispatch, no self loops.
  EXPECT_FALSE(IsLegalTransition(S::kQueued, S::kSucceeded));
  EXPECT_FALSE(IsLegalTransition(S::kQueued, S::kAwaitingLocalMediation));
  EXPECT_FALSE(IsLegalTransition(S::kDispatched, S::kQueued));
  EXPECT_FALSE(IsLegalTransition(S::kDispatched, S::kRejected));
  EXPECT_FALSE(IsLegalTransition(S::kAwaitingLocalMediation, S::kDispatched));
  for (S s : kAll) EXPECT_FALSE(IsLegalTransition(s, s));
}

TEST(CapabilityRequestStateTest, TerminalStatesAreFinal) {
  for (S s : kAll) {
    const bool terminal =
        s == S::kSucceeded || s == S::kFailed || s == S::kTimedOut || s == S::kRejected;
    EXPECT_EQ(IsTerminal(s), terminal) << CapabilityRequestStateName(s);
    if (terminal) {
      for (S to : kAll) EXPECT_FALSE(IsLegalTransition(s, to));
    }
  }
}

TEST(CapabilityRequestStateTest, NamesRoundTrip) {
  for (S s : kAll) {
    auto parsed = ParseCapabilityRequestState(CapabilityRequestStateName(s));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, s);
  }
  EXPECT_EQ(CapabilityRequestStateName(S::kAwaitingLocalMediation), "awaiting_local_mediation");
  EXPECT_EQ(CapabilityRequestStateName(S::kTimedOut), "timed_out");
  EXPECT_FALSE(ParseCapabilityRequestState("Queued").ok());
  EXPECT_FALSE(ParseCapabilityRequestState("").ok());
}

}  // namespace
}  // namespace palyra::node_runtime
