#include "cli/duration.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace palyra::cli {
namespace {

TEST(DurationTest, AcceptsEveryUnitAndPlainSeconds) {
  EXPECT_EQ(*ParseDurationMs("500ms", "--ttl"), 500);
  EXPECT_EQ(*ParseDurationMs("90s", "--ttl"), 90'000);
  EXPECT_EQ(*ParseDurationMs("10m", "--ttl"), 600'000);
  EXPECT_EQ(*ParseDurationMs("1h", "--ttl"), 3'600'000);
  EXPECT_EQ(*ParseDurationMs("45", "--ttl"), 45'000);
  EXPECT_EQ(*ParseDurationMs("0", "--ttl"), 0);
  EXPECT_EQ(*ParseDurationMs("007s", "--ttl"), 7'000);
}

TEST(DurationTest, RejectsEverythingElseNamingTheFlag) {
  for (const std::string bad :
       {"",    " ",  "10 m", " 10m", "10m ", "-5s",  "+5s",   "1.5s",  "1h30m", "10M",
        "10S", "5d", "ms",   "s",    "1e3",  "0x10", "10sec", "10mss", "abc",   "10m\n"}) {
    auto parsed = ParseDurationMs(bad, "--ttl");
    ASSERT_FALSE(parsed.ok()) << "'" << bad << "' was accepted";
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(parsed.status().message().rfind("--ttl: ", 0), 0u) << parsed.status().message();
  }
}

TEST(DurationTest, RejectsOverflowInsteadOfWrapping) {
  EXPECT_FALSE(ParseDurationMs("99999999999999999999", "--ttl").ok());
  EXPECT_FALSE(ParseDurationMs("9223372036854775807h", "--ttl").ok());
  EXPECT_FALSE(ParseDurationMs("9223372036854776s", "--ttl").ok());
  EXPECT_EQ(*ParseDurationMs("9223372036854775807ms", "--ttl"),
            std::numeric_limits<int64_t>::max());
}

TEST(DurationTest, RangeCheckNamesBothBounds) {
  EXPECT_EQ(*ParseDurationInRangeMs("30s", "--ttl", 30'000, 86'400'000), 30'000);
  EXPECT_EQ(*ParseDurationInRangeMs("24h", "--ttl", 30'000, 86'400'000), 86'400'000);
  auto low = ParseDurationInRangeMs("29s", "--ttl", 30'000, 86'400'000);
  ASSERT_FALSE(low.ok());
  EXPECT_EQ(low.status().message(), "--ttl: 29s is out of range; it must be between 30s and 24h");
  EXPECT_FALSE(ParseDurationInRangeMs("25h", "--ttl", 30'000, 86'400'000).ok());
}

TEST(DurationTest, FormatsCompactly) {
  EXPECT_EQ(FormatDurationMs(0), "0ms");
  EXPECT_EQ(FormatDurationMs(999), "999ms");
  EXPECT_EQ(FormatDurationMs(1'000), "1s");
  EXPECT_EQ(FormatDurationMs(59'999), "59s");
  EXPECT_EQ(FormatDurationMs(60'000), "1m");
  EXPECT_EQ(FormatDurationMs(599'000), "9m59s");
  EXPECT_EQ(FormatDurationMs(3'600'000), "1h");
  EXPECT_EQ(FormatDurationMs(7'500'000), "2h5m");
  EXPECT_EQ(FormatDurationMs(86'400'000), "24h");
  EXPECT_EQ(FormatDurationMs(3 * 86'400'000LL + 4 * 3'600'000LL), "3d4h");
  EXPECT_EQ(FormatDurationMs(-90'000), "-1m30s");
  EXPECT_FALSE(FormatDurationMs(std::numeric_limits<int64_t>::min()).empty());
}

}  // namespace
}  // namespace palyra::cli
