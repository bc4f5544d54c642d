#include "node_host/recent_results.h"

#include <gtest/gtest.h>

namespace palyra::node_host {
namespace {

TEST(RecentResultsTest, FindsWhatWasRemembered) {
  RecentResults recent(4, 1024);
  EXPECT_EQ(recent.Find("a"), std::nullopt);
  recent.Remember("a", "result-a");
  recent.Remember("b", "result-b");
  EXPECT_EQ(recent.Find("a"), "result-a");
  EXPECT_EQ(recent.Find("b"), "result-b");
  recent.Remember("a", "newer");  // replaces, does not duplicate
  EXPECT_EQ(recent.Find("a"), "newer");
  EXPECT_EQ(recent.size(), 2u);
  EXPECT_EQ(recent.bytes(), std::string("newer").size() + std::string("result-b").size());
}

TEST(RecentResultsTest, ForgetsTheOldestPastTheEntryBound) {
  RecentResults recent(3, 1024);
  for (const char* id : {"1", "2", "3", "4"}) recent.Remember(id, std::string("r") + id);
  EXPECT_EQ(recent.size(), 3u);
  EXPECT_EQ(recent.Find("1"), std::nullopt);
  EXPECT_EQ(recent.Find("4"), "r4");
  // Replacing "2" makes it the newest, so "3" goes next.
  recent.Remember("2", "r2'");
  recent.Remember("5", "r5");
  EXPECT_EQ(recent.Find("3"), std::nullopt);
  EXPECT_EQ(recent.Find("2"), "r2'");
}

TEST(RecentResultsTest, StaysWithinTheByteBound) {
  RecentResults recent(100, 10);
  recent.Remember("a", std::string(4, 'a'));
  recent.Remember("b", std::string(4, 'b'));
  recent.Remember("c", std::string(4, 'c'));  // 12 > 10: "a" goes
  EXPECT_EQ(recent.Find("a"), std::nullopt);
  EXPECT_LE(recent.bytes(), 10u);
  recent.Remember("huge", std::string(11, 'h'));  // larger than the whole bound: not kept
  EXPECT_EQ(recent.Find("huge"), std::nullopt);
  EXPECT_EQ(recent.Find("c"), std::string(4, 'c'));
  RecentResults none(0, 10);
  none.Remember("a", "x");
  EXPECT_EQ(none.size(), 0u);
}

}  // namespace
}  // namespace palyra::node_host
