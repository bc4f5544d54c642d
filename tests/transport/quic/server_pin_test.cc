#include "transport/quic/server_pin.h"

#include <gtest/gtest.h>

#include "support/status_assertions.h"

namespace palyra::transport::quic {
namespace {

using ::palyra::testing::FailsWith;

const std::string kFingerprint(64, 'a');

TEST(ServerPinTest, NormalisesAndChecks) {
  auto pin = ServerPin::Parse("  " + std::string(32, 'A') + std::string(32, 'b') + "\t\n");
  ASSERT_TRUE(pin.ok()) << pin.status().ToString();
  EXPECT_EQ(pin->fingerprint_hex(), std::string(32, 'a') + std::string(32, 'b'));
  EXPECT_TRUE(pin->Check(std::string(32, 'a') + std::string(32, 'b')).ok());
  EXPECT_TRUE(FailsWith(pin->Check(kFingerprint), StatusCode::kPermissionDenied,
                        "expected " + pin->fingerprint_hex() + ", got " + kFingerprint));
  EXPECT_TRUE(FailsWith(pin->Check(""), StatusCode::kPermissionDenied, "does not match"));
}

TEST(ServerPinTest, RefusesBlankAndMalformedPins) {
  EXPECT_TRUE(FailsWith(ServerPin::Parse("   "), StatusCode::kInvalidArgument,
                        "pinned server fingerprint cannot be empty"));
  EXPECT_TRUE(FailsWith(ServerPin::Parse(""), StatusCode::kInvalidArgument, "cannot be empty"));
  // Upstream takes "  ABCDEF0123  " as a pin; a truncated fingerprint can never match, so it is
  // a configuration error here.
  EXPECT_TRUE(FailsWith(ServerPin::Parse("  ABCDEF0123  "), StatusCode::kInvalidArgument,
                        "64 hex digits"));
  EXPECT_TRUE(FailsWith(ServerPin::Parse(std::string(63, 'a') + "g"),
                        StatusCode::kInvalidArgument, "64 hex digits"));
  EXPECT_TRUE(FailsWith(ServerPin::Parse(std::string(65, 'a')), StatusCode::kInvalidArgument,
                        "got 65 characters"));
}

}  // namespace
}  // namespace palyra::transport::quic
