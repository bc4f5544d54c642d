#include "common/files.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "support/test_util.h"

namespace palyra {
namespace {

using testing_util::ScopedTempDir;
using testing_util::ScopedUmask;

mode_t ModeOf(const std::filesystem::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

size_t CountEntries(const std::filesystem::path& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

TEST(WriteFileAtomicTest, WritesContent) {
  ScopedTempDir dir;
  const auto path = dir / "secret.key";
  const std::string bytes("line1\n\0binary\xff", 14);
  ASSERT_TRUE(WriteFileAtomic(path, bytes).ok());
  EXPECT_EQ(Slurp(path), bytes);
  EXPECT_EQ(CountEntries(dir.path()), 1u);  // no temp file left behind
}

TEST(WriteFileAtomicTest, ModeIsExactRegardlessOfUmask) {
  ScopedTempDir dir;
  {
    ScopedUmask mask(0);  // a permissive umask must not widen a secret
    ASSERT_TRUE(WriteFileAtomic(dir / "a", "x", 0600).ok());
    EXPECT_EQ(ModeOf(dir / "a"), 0600u);
  }
  {
    ScopedUmask mask(0077);  // a strict umask must not narrow a public file
    ASSERT_TRUE(WriteFileAtomic(dir / "b", "x", 0644).ok());
    EXPECT_EQ(ModeOf(dir / "b"), 0644u);
  }
  ASSERT_TRUE(WriteFileAtomic(dir / "c", "x").ok());
  EXPECT_EQ(ModeOf(dir / "c"), 0600u);  // the default is private
}

TEST(WriteFileAtomicTest, OverwritesAndFixesMode) {
  ScopedTempDir dir;
  const auto path = dir / "token";
  ASSERT_TRUE(WriteFileAtomic(path, "old contents that are longer", 0644).ok());
  ASSERT_TRUE(WriteFileAtomic(path, "new", 0600).ok());
  EXPECT_EQ(Slurp(path), "new");
  EXPECT_EQ(ModeOf(path), 0600u);
  EXPECT_EQ(CountEntries(dir.path()), 1u);
}

TEST(WriteFileAtomicTest, EmptyContent) {
  ScopedTempDir dir;
  ASSERT_TRUE(WriteFileAtomic(dir / "empty", "").ok());
  EXPECT_EQ(Slurp(dir / "empty"), "");
}

TEST(WriteFileAtomicTest, ReplacesSymlinkInsteadOfFollowingIt) {
  ScopedTempDir dir;
  ASSERT_TRUE(WriteFileAtomic(dir / "target", "target", 0600).ok());
  std::filesystem::create_symlink(dir / "target", dir / "link");
  ASSERT_TRUE(WriteFileAtomic(dir / "link", "via link", 0600).ok());
  EXPECT_FALSE(std::filesystem::is_symlink(dir / "link"));
  EXPECT_EQ(Slurp(dir / "target"), "target");
  EXPECT_EQ(Slurp(dir / "link"), "via link");
}

TEST(WriteFileAtomicTest, MissingDirectoryFailsWithPathAndReason) {
  ScopedTempDir dir;
  const auto path = dir / "missing" / "file";
  Status s = WriteFileAtomic(path, "x");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.message().find((dir / "missing").string()), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("No such file or directory"), std::string::npos) << s.message();
}

TEST(WriteFileAtomicTest, FailedRenameLeavesNoTemp) {
  ScopedTempDir dir;
  // The target is a non-empty directory, so rename(2) fails after the temp file was written.
  std::filesystem::create_directory(dir / "occupied");
  ASSERT_TRUE(WriteFileAtomic(dir / "occupied" / "inner", "x").ok());
  Status s = WriteFileAtomic(dir / "occupied", "x");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("occupied"), std::string::npos) << s.message();
  EXPECT_EQ(CountEntries(dir.path()), 1u);
}

TEST(EnsurePrivateDirectoryTest, CreatesNestedDirectoriesWith0700) {
  ScopedTempDir dir;
  ScopedUmask mask(0);
  const auto nested = dir / "a" / "b" / "c";
  ASSERT_TRUE(EnsurePrivateDirectory(nested).ok());
  EXPECT_EQ(ModeOf(dir / "a"), 0700u);
  EXPECT_EQ(ModeOf(dir / "a" / "b"), 0700u);
  EXPECT_EQ(ModeOf(nested), 0700u);
  // Idempotent.
  ASSERT_TRUE(EnsurePrivateDirectory(nested).ok());
  ASSERT_TRUE(EnsurePrivateDirectory(dir.path().string() + "/a/b/c/").ok());
}

TEST(EnsurePrivateDirectoryTest, TightensExistingLeaf) {
  ScopedTempDir dir;
  const auto leaf = dir / "state";
  std::filesystem::create_directory(leaf);
  ASSERT_EQ(::chmod(leaf.c_str(), 0755), 0);
  ASSERT_TRUE(EnsurePrivateDirectory(leaf).ok());
  EXPECT_EQ(ModeOf(leaf), 0700u);
}

TEST(EnsurePrivateDirectoryTest, FailsOnFile) {
  ScopedTempDir dir;
  ASSERT_TRUE(WriteFileAtomic(dir / "file", "x").ok());
  Status s = EnsurePrivateDirectory(dir / "file");
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("not a directory"), std::string::npos);
  EXPECT_FALSE(EnsurePrivateDirectory(dir / "file" / "sub").ok());
}

TEST(ReadFileBoundedTest, ReadsWithinLimit) {
  ScopedTempDir dir;
  ASSERT_TRUE(WriteFileAtomic(dir / "f", "hello").ok());
  Result<std::string> r = ReadFileBounded(dir / "f", 5);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, "hello");
}

TEST(ReadFileBoundedTest, RefusesTooLarge) {
  ScopedTempDir dir;
  ASSERT_TRUE(WriteFileAtomic(dir / "f", "hello!").ok());
  Result<std::string> r = ReadFileBounded(dir / "f", 5);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("larger than the limit of 5 bytes"), std::string::npos)
      << r.status().message();
  EXPECT_NE(r.status().message().find((dir / "f").string()), std::string::npos);
}

TEST(ReadFileBoundedTest, MissingFileIsNotFound) {
  ScopedTempDir dir;
  Result<std::string> r = ReadFileBounded(dir / "nope", 100);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find((dir / "nope").string()), std::string::npos);
  EXPECT_NE(r.status().message().find("No such file or directory"), std::string::npos);
}

TEST(ReadFileBoundedTest, DirectoryIsRejected) {
  ScopedTempDir dir;
  EXPECT_FALSE(ReadFileBounded(dir.path(), 100).ok());
}

}  // namespace
}  // namespace palyra
