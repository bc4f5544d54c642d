#include "transport/quic/fallback_policy.h"

#include <gtest/gtest.h>

namespace palyra::transport::quic {
namespace {

TEST(FallbackPolicyTest, OnlyReachabilityFailuresFallBackAndOnlyWhenAllowed) {
  for (ConnectFailure failure : {ConnectFailure::kUnreachable, ConnectFailure::kHandshakeTimeout}) {
    FallbackDecision d = DecideFallback(FallbackPolicy::kAllowExplicit, false, failure,
                                        "handshake timed out after 10000ms");
    EXPECT_TRUE(d.fall_back);
    EXPECT_NE(d.reason.find("handshake timed out after 10000ms"), std::string::npos) << d.reason;
    EXPECT_FALSE(DecideFallback(FallbackPolicy::kDisabled, false, failure, "x").fall_back);
    EXPECT_FALSE(DecideFallback(FallbackPolicy::kAllowExplicit, true, failure, "x").fall_back);
  }
  for (ConnectFailure failure : {ConnectFailure::kTls, ConnectFailure::kPinMismatch,
                                 ConnectFailure::kAlpn, ConnectFailure::kConfiguration}) {
    FallbackDecision d = DecideFallback(FallbackPolicy::kAllowExplicit, false, failure, "refused");
    EXPECT_FALSE(d.fall_back);
    EXPECT_NE(d.reason.find("no fallback"), std::string::npos) << d.reason;
  }
  EXPECT_NE(DecideFallback(FallbackPolicy::kAllowExplicit, true, ConnectFailure::kUnreachable, "e")
                .reason.find("privileged"),
            std::string::npos);
}

}  // namespace
}  // namespace palyra::transport::quic
