#include "crypto/random.h"

#include <gtest/gtest.h>

#include <array>

namespace palyra::crypto {
namespace {

TEST(RandomTest, BytesHaveRequestedSizeAndDiffer) {
  Bytes a = RandomBytes(32);
  Bytes b = RandomBytes(32);
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
  EXPECT_TRUE(RandomBytes(0).empty());
  EXPECT_EQ(RandomSecretBytes(16).size(), 16u);
}

TEST(RandomTest, UniformStaysBelowBound) {
  EXPECT_EQ(RandomUniform(1), 0u);
  for (int i = 0; i < 1000; ++i) {
    EXPECT_LT(RandomUniform(1000000), 1000000u);
    EXPECT_LT(RandomUniform(3), 3u);
    EXPECT_LT(RandomUniform(0x80000001u), 0x80000001u);  // worst case: ~half of draws rejected
  }
}

TEST(RandomTest, UniformIsRoughlyUniform) {
  // 10 000 draws over 10 buckets: each count is ~1000 with sd ~30; allowing +-250 makes a false
  // failure astronomically unlikely while still catching a broken reduction.
  std::array<int, 10> counts{};
  for (int i = 0; i < 10000; ++i) ++counts[RandomUniform(10)];
  for (int count : counts) {
    EXPECT_GT(count, 750);
    EXPECT_LT(count, 1250);
  }
}

}  // namespace
}  // namespace palyra::crypto
