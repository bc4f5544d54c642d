// The platform opener as a real child process: PATH lookup, no shell, detached stdio, exit
// statuses and the timeout.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include "capability_fake_opener.h"
#include "node_host/capabilities/platform_opener.h"
#include "support/temp_dir.h"

namespace palyra::node_host {
namespace {

using ::testing::HasSubstr;

TEST(PlatformOpenerTest, RunsTheOpenerFromPathWithOneVerbatimArgument) {
  testing::FakeOpener opener;
  const std::string target = "https://example.com/?a=1&b=`id` $HOME \"x\" 'y' *";
  ASSERT_TRUE(OpenWithPlatformOpener(target).ok());
  EXPECT_EQ(opener.argument(), target);
  EXPECT_EQ(opener.argument_count(), "1");
  EXPECT_EQ(opener.stdin_target(), "/dev/null\n");
}

TEST(PlatformOpenerTest, ReportsANonZeroExitStatus) {
  testing::FakeOpener opener(/*exit_code=*/2);
  const Status status = OpenWithPlatformOpener("https://example.com/");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "xdg-open exited with status 2");
}

TEST(PlatformOpenerTest, ReportsAnOpenerKilledByASignal) {
  testing::FakeOpener opener(/*exit_code=*/0, "kill -KILL $$");
  const Status status = OpenWithPlatformOpener("https://example.com/");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "xdg-open was killed by signal 9");
}

TEST(PlatformOpenerTest, ReportsAMissingOpener) {
  palyra::testing::TempDir empty;
  const char* saved = ::getenv("PATH");
  const std::string saved_path = saved ? saved : "";
  ::setenv("PATH", empty.path().c_str(), 1);
  const Status status = OpenWithPlatformOpener("https://example.com/");
  ::setenv("PATH", saved_path.c_str(), 1);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "xdg-open not found on PATH");
}

TEST(PlatformOpenerTest, KillsAnOpenerThatDoesNotExitInTime) {
  // The fake opener's own child (sleep) is in its process group and must die with it.
  testing::FakeOpener opener(/*exit_code=*/0, "sleep 30");
  const auto start = std::chrono::steady_clock::now();
  const Status status =
      RunOpener(PlatformOpenerProgram(), "https://example.com/", std::chrono::milliseconds(300));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kDeadlineExceeded);
  EXPECT_THAT(status.message(), HasSubstr("did not exit within 300 ms"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST(PlatformOpenerTest, RefusesTargetsThatCouldBeReadAsOptions) {
  testing::FakeOpener opener;
  for (const std::string& bad :
       {std::string(), std::string("--help"), std::string("-x"), std::string("/tmp\0x", 6)}) {
    const Status status = OpenWithPlatformOpener(bad);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_FALSE(opener.called());
}

}  // namespace
}  // namespace palyra::node_host
