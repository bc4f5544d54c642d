#include <gtest/gtest.h>

#include "identity/pairing/pairing_request_store.h"

namespace palyra::identity {
namespace {

using S = PairingRequestState;

TEST(PairingRequestStateTest, OnlyTheDrawnEdgesAreLegal) {
  const S all[] = {S::kPendingApproval, S::kApproved, S::kRejected, S::kCompleted, S::kExpired};
  int legal = 0;
  for (S from : all) {
    for (S to : all) legal += IsLegalTransition(from, to) ? 1 : 0;
  }
  EXPECT_EQ(legal, 6);
  EXPECT_TRUE(IsLegalTransition(S::kPendingApproval, S::kApproved));
  EXPECT_TRUE(IsLegalTransition(S::kPendingApproval, S::kRejected));
  EXPECT_TRUE(IsLegalTransition(S::kPendingApproval, S::kExpired));
  EXPECT_TRUE(IsLegalTransition(S::kApproved, S::kCompleted));
  EXPECT_TRUE(IsLegalTransition(S::kApproved, S::kRejected));
  EXPECT_TRUE(IsLegalTransition(S::kApproved, S::kExpired));
  // A timeout never approves, and nothing leaves a terminal state.
  EXPECT_FALSE(IsLegalTransition(S::kExpired, S::kApproved));
  EXPECT_FALSE(IsLegalTransition(S::kPendingApproval, S::kCompleted));
  for (S terminal : {S::kRejected, S::kCompleted, S::kExpired}) {
    EXPECT_TRUE(IsTerminal(terminal));
    for (S to : all) EXPECT_FALSE(IsLegalTransition(terminal, to));
  }
}

TEST(PairingRequestStateTest, NamesRoundTrip) {
  for (S s : {S::kPendingApproval, S::kApproved, S::kRejected, S::kCompleted, S::kExpired}) {
    auto parsed = ParsePairingRequestState(PairingRequestStateName(s));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, s);
  }
  EXPECT_FALSE(ParsePairingRequestState("Approved").ok());
  EXPECT_FALSE(ParsePairingRequestState("").ok());
}

}  // namespace
}  // namespace palyra::identity
