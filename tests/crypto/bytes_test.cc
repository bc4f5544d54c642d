#include "crypto/bytes.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace palyra::crypto {
namespace {

using testing::FailsWith;

TEST(HexTest, EncodesLowercaseAndRoundTrips) {
  Bytes bytes = {0x00, 0x01, 0xab, 0xff};
  EXPECT_EQ(HexEncode(bytes), "0001abff");
  auto decoded = HexDecode("0001ABff");
  ASSERT_OK(decoded);
  EXPECT_EQ(*decoded, bytes);
  EXPECT_EQ(HexEncode({}), "");
}

TEST(HexTest, RejectsOddLengthAndNonHex) {
  EXPECT_TRUE(FailsWith(HexDecode("abc"), StatusCode::kInvalidArgument, "even number"));
  EXPECT_TRUE(FailsWith(HexDecode("zz"), StatusCode::kInvalidArgument, "non-hex"));
  EXPECT_TRUE(FailsWith(HexDecode("0x00"), StatusCode::kInvalidArgument, "non-hex"));
}

// RFC 4648 §10 test vectors.
TEST(Base64Test, Rfc4648Vectors) {
  const std::pair<std::string_view, std::string_view> vectors[] = {{"", ""},
                                                                   {"f", "Zg=="},
                                                                   {"fo", "Zm8="},
                                                                   {"foo", "Zm9v"},
                                                                   {"foob", "Zm9vYg=="},
                                                                   {"fooba", "Zm9vYmE="},
                                                                   {"foobar", "Zm9vYmFy"}};
  for (auto [plain, encoded] : vectors) {
    EXPECT_EQ(Base64Encode(AsBytes(plain)), encoded);
    auto decoded = Base64Decode(encoded);
    ASSERT_OK(decoded);
    EXPECT_EQ(ToString(*decoded), plain);

    std::string unpadded(encoded.substr(0, encoded.find('=')));
    EXPECT_EQ(Base64Encode(AsBytes(plain), Base64Padding::kUnpadded), unpadded);
    auto decoded_unpadded = Base64Decode(unpadded, Base64Padding::kUnpadded);
    ASSERT_OK(decoded_unpadded);
    EXPECT_EQ(ToString(*decoded_unpadded), plain);
  }
}

TEST(Base64Test, EncodesAllByteValues) {
  Bytes all(256);
  for (int i = 0; i < 256; ++i) all[i] = static_cast<uint8_t>(i);
  for (auto padding : {Base64Padding::kPadded, Base64Padding::kUnpadded}) {
    auto decoded = Base64Decode(Base64Encode(all, padding), padding);
    ASSERT_OK(decoded);
    EXPECT_EQ(*decoded, all);
  }
}

TEST(Base64Test, StrictDecodeErrors) {
  using enum StatusCode;
  EXPECT_TRUE(FailsWith(Base64Decode("Zg="), kInvalidArgument, "multiple of 4"));
  EXPECT_TRUE(FailsWith(Base64Decode("Zg"), kInvalidArgument, "multiple of 4"));
  EXPECT_TRUE(FailsWith(Base64Decode("Zh=="), kInvalidArgument, "non-canonical"));
  EXPECT_TRUE(FailsWith(Base64Decode("Zm=v"), kInvalidArgument, "misplaced"));
  EXPECT_TRUE(FailsWith(Base64Decode("Z==="), kInvalidArgument, "misplaced"));
  EXPECT_TRUE(FailsWith(Base64Decode("Zm9v Yg=="), kInvalidArgument, "multiple of 4"));
  EXPECT_TRUE(FailsWith(Base64Decode("Zm9\nYmFy"), kInvalidArgument, "outside"));
  EXPECT_TRUE(FailsWith(Base64Decode("-_8="), kInvalidArgument, "outside"));  // URL-safe alphabet
  EXPECT_TRUE(FailsWith(Base64Decode("Zg==", Base64Padding::kUnpadded), kInvalidArgument,
                        "must not contain"));
  EXPECT_TRUE(FailsWith(Base64Decode("Zm9vY", Base64Padding::kUnpadded), kInvalidArgument,
                        "impossible length"));
  EXPECT_TRUE(
      FailsWith(Base64Decode("Zh", Base64Padding::kUnpadded), kInvalidArgument, "non-canonical"));
}

TEST(Base64Test, SecretDecodeMatchesPublicDecode) {
  Bytes key = testing::Sequence(0, 32);
  std::string text = Base64Encode(key, Base64Padding::kUnpadded);
  auto secret = Base64DecodeSecret(text, Base64Padding::kUnpadded);
  ASSERT_OK(secret);
  EXPECT_EQ(Bytes(secret->begin(), secret->end()), key);
  EXPECT_FALSE(Base64DecodeSecret("Zh", Base64Padding::kUnpadded).ok());
}

TEST(SecretBytesTest, HoldsBytesAndViews) {
  SecretBytes secret(AsBytes("hunter2"));
  EXPECT_EQ(secret.size(), 7u);
  EXPECT_EQ(secret.AsStringView(), "hunter2");
  std::span<const uint8_t> view = secret;
  EXPECT_EQ(view.size(), 7u);
  SecretBytes moved = std::move(secret);
  EXPECT_EQ(moved.AsStringView(), "hunter2");
  moved.resize(3);
  EXPECT_EQ(moved.AsStringView(), "hun");

  SecretString text("-----BEGIN PRIVATE KEY-----");
  EXPECT_EQ(text.view(), "-----BEGIN PRIVATE KEY-----");
  SecretString copy = text;
  EXPECT_EQ(copy.view(), text.view());
}

}  // namespace
}  // namespace palyra::crypto
