#include "common/ulid.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "common/time.h"

namespace palyra {
namespace {

TEST(UlidTest, NewUlidIsCanonical) {
  const std::string id = NewUlid();
  EXPECT_EQ(id.size(), 26u);
  EXPECT_TRUE(IsCanonicalUlid(id)) << id;
  EXPECT_TRUE(ValidateCanonicalUlid(id, "device_id").ok());
}

TEST(UlidTest, TimestampIsNow) {
  const int64_t before = NowUnixMs();
  const std::string id = NewUlid();
  const int64_t after = NowUnixMs();
  Result<int64_t> ts = UlidTimestampMs(id);
  ASSERT_TRUE(ts.ok()) << ts.status().ToString();
  EXPECT_GE(*ts, before);
  EXPECT_LE(*ts, after);
}

TEST(UlidTest, TenThousandInATightLoopAreStrictlyIncreasingAndUnique) {
  constexpr int kCount = 10000;
  std::vector<std::string> ids;
  ids.reserve(kCount);
  for (int i = 0; i < kCount; ++i) ids.push_back(NewUlid());
  for (int i = 1; i < kCount; ++i) {
    ASSERT_LT(ids[i - 1], ids[i]) << "at " << i;
  }
  std::set<std::string> unique(ids.begin(), ids.end());
  EXPECT_EQ(unique.size(), ids.size());
}

TEST(UlidTest, UniqueAcrossThreads) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 2500;
  std::vector<std::vector<std::string>> per_thread(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&per_thread, t] {
      for (int i = 0; i < kPerThread; ++i) per_thread[t].push_back(NewUlid());
    });
  }
  for (auto& th : threads) th.join();
  std::set<std::string> all;
  for (const auto& ids : per_thread) {
    for (size_t i = 1; i < ids.size(); ++i) ASSERT_LT(ids[i - 1], ids[i]);
    all.insert(ids.begin(), ids.end());
  }
  EXPECT_EQ(all.size(), static_cast<size_t>(kThreads * kPerThread));
}

TEST(UlidTest, SameMillisecondIncrementsRandomPart) {
  std::array<uint8_t, 10> start{};
  start.fill(0x11);
  UlidGenerator gen(
      [] { return int64_t{1700000000000}; },
      [&](uint8_t* out, size_t len) { std::copy(start.begin(), start.begin() + len, out); });
  const std::string a = gen.Next();
  const std::string b = gen.Next();
  std::array<uint8_t, 10> next = start;
  next[9] = 0x12;
  EXPECT_EQ(a, EncodeUlid(1700000000000, start));
  EXPECT_EQ(b, EncodeUlid(1700000000000, next));
  EXPECT_LT(a, b);
}

TEST(UlidTest, ClockGoingBackwardsStaysMonotonic) {
  int64_t now = 1700000000500;
  UlidGenerator gen([&] { return now; },
                    [](uint8_t* out, size_t len) {
                      for (size_t i = 0; i < len; ++i) out[i] = 0x42;
                    });
  const std::string a = gen.Next();
  now -= 400;
  const std::string b = gen.Next();
  EXPECT_LT(a, b);
  EXPECT_EQ(*UlidTimestampMs(b), 1700000000500);
}

TEST(UlidTest, OverflowOfRandomPartMovesToNextMillisecond) {
  int64_t now = 1700000000000;
  int calls = 0;
  UlidGenerator gen(
      [&] {
        // The clock advances only after the generator has been waiting a little.
        return ++calls > 3 ? now + 1 : now;
      },
      [](uint8_t* out, size_t len) {
        for (size_t i = 0; i < len; ++i) out[i] = 0xff;
      });
  const std::string a = gen.Next();  // random part is all ones: the next increment overflows
  const std::string b = gen.Next();
  EXPECT_LT(a, b);
  EXPECT_EQ(*UlidTimestampMs(a), now);
  EXPECT_EQ(*UlidTimestampMs(b), now + 1);
}

TEST(UlidTest, EncodeKnownValues) {
  std::array<uint8_t, 10> zero{};
  EXPECT_EQ(EncodeUlid(0, zero), "00000000000000000000000000");
  std::array<uint8_t, 10> ones{};
  ones.fill(0xff);
  EXPECT_EQ(EncodeUlid(kUlidMaxTimestampMs, ones), "7ZZZZZZZZZZZZZZZZZZZZZZZZZ");
  // Example from the ULID spec: timestamp 1469918176385 encodes as 01ARYZ6S41.
  EXPECT_EQ(EncodeUlid(1469918176385, zero).substr(0, 10), "01ARYZ6S41");
  EXPECT_EQ(*UlidTimestampMs("01ARYZ6S41TSV4RRFFQ69G5FAV"), 1469918176385);
}

TEST(UlidValidationTest, AcceptsCanonical) {
  EXPECT_TRUE(ValidateCanonicalUlid("01ARZ3NDEKTSV4RRFFQ69G5FAV", "device_id").ok());
  EXPECT_TRUE(ValidateCanonicalUlid("7ZZZZZZZZZZZZZZZZZZZZZZZZZ", "device_id").ok());
  EXPECT_TRUE(ValidateCanonicalUlid("00000000000000000000000000", "device_id").ok());
}

void ExpectNotCanonical(std::string_view value) {
  Status s = ValidateCanonicalUlid(value, "device_id");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << value;
  EXPECT_EQ(s.message(), "device_id must be a canonical ULID") << value;
  EXPECT_FALSE(IsCanonicalUlid(value));
}

TEST(UlidValidationTest, RejectsLowercase) {
  ExpectNotCanonical("01arz3ndektsv4rrffq69g5fav");
  ExpectNotCanonical("01ARZ3NDEKTSV4RRFFQ69G5FAv");
}

TEST(UlidValidationTest, RejectsWrongLength) {
  ExpectNotCanonical("01ARZ3NDEKTSV4RRFFQ69G5FA");
  ExpectNotCanonical("01ARZ3NDEKTSV4RRFFQ69G5FAVV");
  ExpectNotCanonical("0");
}

TEST(UlidValidationTest, RejectsExcludedLetters) {
  ExpectNotCanonical("01ARZ3NDEKTSV4RRFFQ69G5FAI");
  ExpectNotCanonical("01ARZ3NDEKTSV4RRFFQ69G5FAL");
  ExpectNotCanonical("01ARZ3NDEKTSV4RRFFQ69G5FAO");
  ExpectNotCanonical("01ARZ3NDEKTSV4RRFFQ69G5FAU");
}

TEST(UlidValidationTest, RejectsOtherCharacters) {
  ExpectNotCanonical("01ARZ3NDEKTSV4RRFFQ69G5FA-");
  ExpectNotCanonical(" 01ARZ3NDEKTSV4RRFFQ69G5FA");
  ExpectNotCanonical(std::string("01ARZ3NDEKTSV4RRFFQ69G5FA\0", 26));
}

TEST(UlidValidationTest, RejectsOverflowingFirstCharacter) {
  ExpectNotCanonical("8ZZZZZZZZZZZZZZZZZZZZZZZZZ");
  ExpectNotCanonical("ZZZZZZZZZZZZZZZZZZZZZZZZZZ");
}

TEST(UlidValidationTest, BlankIsRequired) {
  for (std::string_view blank : {"", " ", "\t\n  "}) {
    Status s = ValidateCanonicalUlid(blank, "request_id");
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(s.message(), "request_id is required");
  }
}

TEST(UlidValidationTest, TimestampOfInvalidUlidFails) {
  EXPECT_FALSE(UlidTimestampMs("not-a-ulid").ok());
}

}  // namespace
}  // namespace palyra
