#include "crypto/hash.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace palyra::crypto {
namespace {

using testing::FailsWith;
using testing::Hex;

TEST(Sha256Test, KnownAnswers) {
  // FIPS 180-2 "abc" and the empty string.
  EXPECT_EQ(Sha256Hex(AsBytes("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex({}), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256Test, IncrementalMatchesOneShotAndResets) {
  Sha256Hasher hasher;
  hasher.Update("a").Update(AsBytes("b")).Update("c");
  EXPECT_EQ(hasher.Finish(), Sha256(AsBytes("abc")));
  // Finish resets, so the hasher starts over.
  hasher.Update("abc");
  EXPECT_EQ(HexEncode(hasher.Finish()),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256Hasher moved = std::move(hasher);
  EXPECT_EQ(moved.Finish(), Sha256({}));
}

// RFC 4231 test cases 1 and 2.
TEST(HmacSha256Test, Rfc4231) {
  EXPECT_EQ(HexEncode(HmacSha256(Bytes(20, 0x0b), AsBytes("Hi There"))),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(HexEncode(HmacSha256(AsBytes("Jefe"), AsBytes("what do ya want for nothing?"))),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // An empty key is legal HMAC (the key is zero-padded).
  EXPECT_EQ(HmacSha256({}, {}).size(), 32u);
}

// RFC 5869 test cases 1 and 3 (SHA-256).
TEST(HkdfSha256Test, Rfc5869) {
  auto okm1 = HkdfSha256(Hex("000102030405060708090a0b0c"), Bytes(22, 0x0b),
                         Hex("f0f1f2f3f4f5f6f7f8f9"), 42);
  ASSERT_OK(okm1);
  EXPECT_EQ(HexEncode(*okm1),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  auto okm3 = HkdfSha256({}, Bytes(22, 0x0b), {}, 42);
  ASSERT_OK(okm3);
  EXPECT_EQ(HexEncode(*okm3),
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
}

TEST(HkdfSha256Test, RejectsBadLengths) {
  EXPECT_TRUE(
      FailsWith(HkdfSha256({}, Bytes(32, 1), {}, 0), StatusCode::kInvalidArgument, "length"));
  EXPECT_TRUE(FailsWith(HkdfSha256({}, Bytes(32, 1), {}, 255 * 32 + 1),
                        StatusCode::kInvalidArgument, "length"));
  EXPECT_OK(HkdfSha256({}, Bytes(32, 1), {}, 255 * 32));
}

TEST(ConstantTimeEqualsTest, Cases) {
  EXPECT_TRUE(ConstantTimeEquals(AsBytes("123456"), AsBytes("123456")));
  EXPECT_FALSE(ConstantTimeEquals(AsBytes("123456"), AsBytes("123457")));
  EXPECT_FALSE(ConstantTimeEquals(AsBytes("123456"), AsBytes("12345")));
  EXPECT_FALSE(ConstantTimeEquals(AsBytes("12345"), AsBytes("123456")));
  EXPECT_FALSE(ConstantTimeEquals(AsBytes(""), AsBytes("1")));
  EXPECT_TRUE(ConstantTimeEquals(AsBytes(""), AsBytes("")));
  EXPECT_TRUE(ConstantTimeEquals(std::string_view("abc"), std::string_view("abc")));
}

}  // namespace
}  // namespace palyra::crypto
