#include "common/time.h"

#include <gtest/gtest.h>

namespace palyra {
namespace {

TEST(TimeTest, NowIsCloseToSystemClock) {
  const int64_t a = ToUnixMs(std::chrono::system_clock::now());
  const int64_t now = NowUnixMs();
  const int64_t b = ToUnixMs(std::chrono::system_clock::now());
  EXPECT_LE(a, now);
  EXPECT_LE(now, b);
  EXPECT_GT(now, 1600000000000);  // after 2020
}

TEST(TimeTest, RoundTripsThroughSystemClock) {
  for (int64_t ms : {int64_t{0}, int64_t{1}, int64_t{1700000000123}, int64_t{-1}, int64_t{-1500}}) {
    EXPECT_EQ(ToUnixMs(FromUnixMs(ms)), ms);
  }
}

TEST(TimeTest, ToUnixMsFloorsSubMilliseconds) {
  using namespace std::chrono;
  const SystemTimePoint t = FromUnixMs(1000) + microseconds(999);
  EXPECT_EQ(ToUnixMs(t), 1000);
  const SystemTimePoint before_epoch = FromUnixMs(0) - microseconds(1);
  EXPECT_EQ(ToUnixMs(before_epoch), -1);
}

TEST(TimeTest, FormatsRfc3339) {
  EXPECT_EQ(FormatRfc3339Ms(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatRfc3339Ms(1700000000123), "2023-11-14T22:13:20.123Z");
  EXPECT_EQ(FormatRfc3339Ms(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(FormatRfc3339Ms(951782400000), "2000-02-29T00:00:00.000Z");
}

TEST(TimeTest, ParsesRfc3339) {
  EXPECT_EQ(*ParseRfc3339Ms("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(*ParseRfc3339Ms("2023-11-14T22:13:20.123Z"), 1700000000123);
  EXPECT_EQ(*ParseRfc3339Ms("2023-11-14t22:13:20.1234567z"), 1700000000123);
  EXPECT_EQ(*ParseRfc3339Ms("2023-11-15T00:13:20.5+02:00"), 1700000000500);
  EXPECT_EQ(*ParseRfc3339Ms("2023-11-14 16:43:20-05:30"), 1700000000000);
  EXPECT_EQ(*ParseRfc3339Ms(FormatRfc3339Ms(1234567890123)), 1234567890123);
}

TEST(TimeTest, RejectsBadRfc3339) {
  for (const char* bad : {"", "2023-11-14", "2023-11-14T22:13:20", "2023-02-30T00:00:00Z",
                          "2023-11-14T24:00:00Z", "2023-11-14T22:13:20.Z", "2023-11-14T22:13:20Zx",
                          "2023-1-14T22:13:20Z", "2023-11-14T22:13:20+0200"}) {
    Result<int64_t> r = ParseRfc3339Ms(bad, "not_before");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find("not_before"), std::string::npos);
  }
}

}  // namespace
}  // namespace palyra
