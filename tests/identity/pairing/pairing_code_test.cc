#include "identity/pairing/pairing_code.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <set>

#include "common/files.h"
#include "common/ulid.h"
#include "identity_test_util.h"

namespace palyra::identity {
namespace {

using testing::FailsWith;
using testing::TempDir;

TEST(PairingCodeTest, PinsAreSixUniformDigits) {
  std::array<int, 10> first_digit{};
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    crypto::SecretString pin = GeneratePairingCode(PairingMethod::Kind::kPin);
    ASSERT_EQ(pin.size(), 6u);
    for (char c : pin.view()) ASSERT_TRUE(c >= '0' && c <= '9');
    ASSERT_TRUE(PairingMethod::Pin(std::string(pin.view())).Validate().ok());
    ++first_digit[static_cast<size_t>(pin.view()[0] - '0')];
    seen.insert(std::string(pin.view()));
  }
  // Leading zeros occur (no bias towards 100000..999999), every leading digit shows up, and
  // 2000 draws from 10^6 values repeat rarely.
  for (int count : first_digit) EXPECT_GT(count, 100);
  EXPECT_GT(seen.size(), 1980u);
}

TEST(PairingCodeTest, QrTokensAreFreshCanonicalUlids) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    crypto::SecretString token = GeneratePairingCode(PairingMethod::Kind::kQr);
    ASSERT_TRUE(IsCanonicalUlid(token.view()));
    ASSERT_TRUE(PairingMethod::Qr(std::string(token.view())).Validate().ok());
    seen.insert(std::string(token.view()));
  }
  EXPECT_EQ(seen.size(), 200u);
  // Tokens drawn in the same millisecond do not differ by a "+1" in the random part.
  crypto::SecretString a = GeneratePairingCode(PairingMethod::Kind::kQr);
  crypto::SecretString b = GeneratePairingCode(PairingMethod::Kind::kQr);
  EXPECT_NE(a.view().substr(10, 12), b.view().substr(10, 12));
}

TEST(PairingCodeTest, TtlIsDefaultedAndClamped) {
  EXPECT_EQ(ClampPairingCodeTtlMs(0), 600'000);
  EXPECT_EQ(ClampPairingCodeTtlMs(-5), 600'000);
  EXPECT_EQ(ClampPairingCodeTtlMs(1), 30'000);
  EXPECT_EQ(ClampPairingCodeTtlMs(120'000), 120'000);
  EXPECT_EQ(ClampPairingCodeTtlMs(int64_t{48} * 3600 * 1000), int64_t{24} * 3600 * 1000);
}

TEST(PairingCodeTest, MethodNamesParse) {
  EXPECT_EQ(*ParsePairingMethodKind("pin"), PairingMethod::Kind::kPin);
  EXPECT_EQ(*ParsePairingMethodKind("qr"), PairingMethod::Kind::kQr);
  EXPECT_TRUE(FailsWith(ParsePairingMethodKind("PIN"), StatusCode::kInvalidArgument, "'pin'"));
}

TEST(PairingCodeHasherTest, KeyFileIsCreatedOnceWithMode0600AndReused) {
  TempDir dir;
  const auto path = dir.path() / "keys" / "pairing-code.key";
  auto first = PairingCodeHasher::LoadOrCreate(path);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(st.st_size, 32);
  ASSERT_EQ(::stat(path.parent_path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);

  auto second = PairingCodeHasher::LoadOrCreate(path);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->Hash(PairingMethod::Kind::kPin, "123456"),
            second->Hash(PairingMethod::Kind::kPin, "123456"));
  // The method is part of the hashed message, and so is the key.
  EXPECT_NE(first->Hash(PairingMethod::Kind::kPin, "123456"),
            first->Hash(PairingMethod::Kind::kQr, "123456"));
  auto other = PairingCodeHasher::FromKey(crypto::Bytes(32, 7));
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->Hash(PairingMethod::Kind::kPin, "123456"),
            first->Hash(PairingMethod::Kind::kPin, "123456"));
}

TEST(PairingCodeHasherTest, BadKeyFilesAreRefusedAndLeftAlone) {
  TempDir dir;
  const auto short_key = dir.path() / "short.key";
  ASSERT_TRUE(WriteFileAtomic(short_key, "too short", 0600).ok());
  EXPECT_TRUE(FailsWith(PairingCodeHasher::LoadOrCreate(short_key),
                        StatusCode::kFailedPrecondition, "exactly 32 bytes"));
  auto content = ReadFileBounded(short_key, 100);
  ASSERT_TRUE(content.ok());
  EXPECT_EQ(*content, "too short");

  const auto open_key = dir.path() / "open.key";
  ASSERT_TRUE(WriteFileAtomic(open_key, std::string(32, 'k'), 0644).ok());
  EXPECT_TRUE(FailsWith(PairingCodeHasher::LoadOrCreate(open_key),
                        StatusCode::kFailedPrecondition, "chmod 600"));
  EXPECT_TRUE(FailsWith(PairingCodeHasher::FromKey(crypto::Bytes(31, 1)),
                        StatusCode::kInvalidArgument, "32 bytes"));
}

TEST(WriteFileIfAbsentTest, FirstWriterWinsAndNoTempFilesRemain) {
  TempDir dir;
  const auto path = dir.path() / "once";
  auto created = WriteFileIfAbsent(path, "first");
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(*created);
  auto again = WriteFileIfAbsent(path, "second");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);
  EXPECT_EQ(*ReadFileBounded(path, 100), "first");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1);
}

}  // namespace
}  // namespace palyra::identity
