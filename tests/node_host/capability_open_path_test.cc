// desktop.open_path on a real file system: canonical paths, kinds, refusals, and opening through
// a fake xdg-open.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "capability_fake_opener.h"
#include "node_host/capabilities/capability.h"
#include "support/temp_dir.h"

namespace palyra::node_host {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::unique_ptr<Capability> OpenPath() {
  for (auto& capability : StandardCapabilities()) {
    if (capability->name() == "desktop.open_path") return std::move(capability);
  }
  return nullptr;
}

class DesktopOpenPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::canonical(dir_.path());
    fs::create_directories(root_ / "docs" / "sub");
    std::ofstream(root_ / "docs" / "report.txt") << "hello";
    fs::create_symlink(root_ / "docs" / "report.txt", root_ / "link-to-report");
    fs::create_directory_symlink(root_ / "docs", root_ / "link-to-docs");
  }

  palyra::testing::TempDir dir_;
  fs::path root_;  // canonical: the temp dir may itself be under a symlink
};

TEST_F(DesktopOpenPathTest, PrepareNamesTheCanonicalPath) {
  testing::FakeOpener opener;
  const std::string messy = (root_ / "docs" / "sub" / ".." / "." / "report.txt").string();
  Result<MediationSubject> subject = OpenPath()->Prepare({{"path", messy}});
  ASSERT_TRUE(subject.ok()) << subject.status().ToString();
  EXPECT_EQ(subject->kind, MediationSubject::Kind::kPath);
  EXPECT_EQ(subject->value, (root_ / "docs" / "report.txt").string());
  EXPECT_TRUE(subject->url_origin.empty());
  EXPECT_FALSE(opener.called());
}

TEST_F(DesktopOpenPathTest, OpensAFileThroughItsSymlinkByCanonicalPath) {
  testing::FakeOpener opener;
  Result<nlohmann::json> out =
      OpenPath()->Execute({{"path", (root_ / "link-to-report").string()}}, HostFacts{});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  const std::string canonical = (root_ / "docs" / "report.txt").string();
  EXPECT_EQ(*out, (nlohmann::json{{"opened", true}, {"path", canonical}, {"kind", "file"}}));
  EXPECT_EQ(opener.argument(), canonical);
  EXPECT_EQ(opener.argument_count(), "1");
  EXPECT_THAT(opener.stdin_target(), HasSubstr("/dev/null"));
}

TEST_F(DesktopOpenPathTest, OpensADirectory) {
  testing::FakeOpener opener;
  Result<nlohmann::json> out =
      OpenPath()->Execute({{"path", (root_ / "link-to-docs").string() + "/"}}, HostFacts{});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ((*out)["kind"], "directory");
  EXPECT_EQ((*out)["path"], (root_ / "docs").string());
  EXPECT_EQ(opener.argument(), (root_ / "docs").string());
}

TEST_F(DesktopOpenPathTest, PassesAwkwardFileNamesAsOneArgument) {
  testing::FakeOpener opener;
  const fs::path awkward = root_ / "a file; $(touch pwned) 'q' \"d\".txt";
  std::ofstream(awkward) << "x";
  Result<nlohmann::json> out = OpenPath()->Execute({{"path", awkward.string()}}, HostFacts{});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(opener.argument(), awkward.string());
  EXPECT_EQ(opener.argument_count(), "1");
  EXPECT_FALSE(fs::exists(root_ / "pwned"));
  EXPECT_FALSE(fs::exists("pwned"));
}

// Spec case 18.
TEST_F(DesktopOpenPathTest, RelativePathsAreRefused) {
  testing::FakeOpener opener;
  for (const char* relative : {"relative/file.txt", "./docs", "~/x", "report.txt"}) {
    Result<nlohmann::json> out = OpenPath()->Execute({{"path", relative}}, HostFacts{});
    ASSERT_FALSE(out.ok()) << relative;
    EXPECT_EQ(out.status().code(), StatusCode::kInvalidArgument);
    EXPECT_THAT(out.status().message(), HasSubstr("requires an absolute path")) << relative;
    EXPECT_THAT(OpenPath()->Prepare({{"path", relative}}).status().message(),
                HasSubstr("requires an absolute path"));
  }
  EXPECT_FALSE(opener.called());
}

TEST_F(DesktopOpenPathTest, NonexistentPathsAndDanglingSymlinksAreRefused) {
  testing::FakeOpener opener;
  fs::create_symlink(root_ / "gone", root_ / "dangling");
  for (const fs::path& path : {root_ / "missing.txt", root_ / "dangling"}) {
    Result<nlohmann::json> out = OpenPath()->Execute({{"path", path.string()}}, HostFacts{});
    ASSERT_FALSE(out.ok()) << path;
    EXPECT_EQ(out.status().code(), StatusCode::kNotFound) << path;
    EXPECT_THAT(out.status().message(), HasSubstr("does not exist")) << path;
  }
  EXPECT_FALSE(opener.called());
}

TEST_F(DesktopOpenPathTest, OnlyRegularFilesAndDirectoriesCanBeOpened) {
  testing::FakeOpener opener;
  const fs::path fifo = root_ / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  Result<nlohmann::json> out = OpenPath()->Execute({{"path", fifo.string()}}, HostFacts{});
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.status().message(), HasSubstr("neither a regular file nor a directory"));
  out = OpenPath()->Execute({{"path", "/dev/null"}}, HostFacts{});
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.status().message(), HasSubstr("neither a regular file nor a directory"));
  EXPECT_FALSE(opener.called());
}

// File names are bytes but results are JSON text: a symlink to a non-UTF-8 name is refused
// rather than producing output nobody can serialise.
TEST_F(DesktopOpenPathTest, RefusesAPathThatResolvesToInvalidUtf8) {
  testing::FakeOpener opener;
  const fs::path latin1 = root_ / "caf\xe9.txt";
  std::ofstream(latin1) << "x";
  fs::create_symlink(latin1, root_ / "cafe-link");
  Result<nlohmann::json> out =
      OpenPath()->Execute({{"path", (root_ / "cafe-link").string()}}, HostFacts{});
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.status().message(), HasSubstr("not valid UTF-8"));
  EXPECT_FALSE(opener.called());
}

TEST_F(DesktopOpenPathTest, MalformedInputIsInvalidArgument) {
  testing::FakeOpener opener;
  const struct {
    nlohmann::json input;
    std::string message;
  } cases[] = {
      {nullptr, "must be a JSON object"},
      {"/tmp", "must be a JSON object"},
      {nlohmann::json::object(), "missing the string field \"path\""},
      {{{"path", true}}, "\"path\" must be a string"},
      {{{"path", nlohmann::json::array({"/tmp"})}}, "\"path\" must be a string"},
      {{{"path", ""}}, "must not be blank"},
      {{{"path", std::string("/tmp\0/x", 7)}}, "NUL"},
      {{{"path", "/" + std::string(8192, 'a')}}, "longer than"},
  };
  for (const auto& c : cases) {
    Result<nlohmann::json> out = OpenPath()->Execute(c.input, HostFacts{});
    ASSERT_FALSE(out.ok()) << c.input.dump();
    EXPECT_EQ(out.status().code(), StatusCode::kInvalidArgument) << c.input.dump();
    EXPECT_THAT(out.status().message(), HasSubstr(c.message)) << c.input.dump();
    EXPECT_THAT(out.status().message(), HasSubstr("desktop.open_path")) << c.input.dump();
  }
  EXPECT_FALSE(opener.called());
}

TEST_F(DesktopOpenPathTest, AFailingOpenerIsAnError) {
  testing::FakeOpener opener(/*exit_code=*/4);
  Result<nlohmann::json> out =
      OpenPath()->Execute({{"path", (root_ / "docs").string()}}, HostFacts{});
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.status().message(), HasSubstr("xdg-open exited with status 4"));
  EXPECT_EQ(opener.argument(), (root_ / "docs").string());
}

}  // namespace
}  // namespace palyra::node_host
