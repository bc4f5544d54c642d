#include "identity/pairing_uri.h"

#include <gtest/gtest.h>

namespace palyra::identity {
namespace {

const std::string kFingerprint(64, 'a');

PairingUri Sample(PairingMethod::Kind method, std::string code) {
  PairingUri uri;
  uri.address = "127.0.0.1:7444";
  uri.method = method;
  uri.code = crypto::SecretString(code);
  uri.ca_fingerprint = kFingerprint;
  return uri;
}

TEST(PairingUriTest, RoundTripsPinAndQr) {
  for (const auto& [method, code] :
       {std::pair{PairingMethod::Kind::kPin, std::string("012345")},
        std::pair{PairingMethod::Kind::kQr, std::string("01ARZ3NDEKTSV4RRFFQ69G5FAV")},
        std::pair{PairingMethod::Kind::kQr, std::string("token with spaces & = % signs")}}) {
    const std::string text = BuildPairingUri(Sample(method, code));
    EXPECT_TRUE(text.starts_with("palyra://pair?v=1&addr=127.0.0.1%3A7444&method="));
    auto parsed = ParsePairingUri("  " + text + "\n");
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    EXPECT_EQ(parsed->address, "127.0.0.1:7444");
    EXPECT_EQ(parsed->method, method);
    EXPECT_EQ(parsed->code.view(), code);
    EXPECT_EQ(parsed->ca_fingerprint, kFingerprint);
  }
  auto v6 = Sample(PairingMethod::Kind::kPin, "123456");
  v6.address = "[::1]:7444";
  auto parsed = ParsePairingUri(BuildPairingUri(v6));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->address, "[::1]:7444");
}

TEST(PairingUriTest, RefusesMalformedUris) {
  const std::string good = BuildPairingUri(Sample(PairingMethod::Kind::kPin, "123456"));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"https://pair?v=1", "must start with"},
      {"palyra://pair?v=2&addr=a:1&method=pin&code=123456&ca_sha256=" + kFingerprint,
       "version 2"},
      {"palyra://pair?v=1&addr=a:1&method=pin&code=123456", "lacks parameter ca_sha256"},
      {good + "&extra=1", "unknown parameter 'extra'"},
      {good + "&v=1", "repeats parameter v"},
      {"palyra://pair?v=1&addr=a&method=pin&code=123456&ca_sha256=" + kFingerprint,
       "addr must be host:port"},
      {"palyra://pair?v=1&addr=a:99999&method=pin&code=123456&ca_sha256=" + kFingerprint,
       "addr must be host:port"},
      {"palyra://pair?v=1&addr=a:1&method=sms&code=123456&ca_sha256=" + kFingerprint, "pin"},
      {"palyra://pair?v=1&addr=a:1&method=pin&code=12345&ca_sha256=" + kFingerprint, "PIN"},
      {"palyra://pair?v=1&addr=a:1&method=pin&code=123456&ca_sha256=ABC", "ca_sha256"},
      {"palyra://pair?v=1&addr=a:1&method=pin&code=12%3&ca_sha256=" + kFingerprint,
       "percent-encoding"},
      {"palyra://pair?v=1&addr=a:1&method=pin&code=1234%5&ca_sha256=" + kFingerprint,
       "percent-encoding"},
      {std::string(3000, 'x'), "too long"},
  };
  for (const auto& [text, fragment] : cases) {
    auto parsed = ParsePairingUri(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(parsed.status().message().find(fragment), std::string::npos)
        << parsed.status().message() << " / expected " << fragment;
  }
}

}  // namespace
}  // namespace palyra::identity
