#include "crypto/aead.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace palyra::crypto {
namespace {

using testing::FailsWith;
using testing::Hex;
using enum StatusCode;

class AeadTest : public ::testing::TestWithParam<AeadAlgorithm> {};

TEST_P(AeadTest, SealOpenRoundTrip) {
  Bytes key = testing::Sequence(1, 32);
  for (std::string_view plaintext : {std::string_view(""), std::string_view("x"),
                                     std::string_view("{\"vault\":\"secret value\"}")}) {
    auto sealed = AeadSeal(GetParam(), key, AsBytes(plaintext), AsBytes("device/01ARZ"));
    ASSERT_OK(sealed);
    EXPECT_EQ(sealed->size(), kAeadNonceBytes + plaintext.size() + kAeadTagBytes);
    auto opened = AeadOpen(GetParam(), key, *sealed, AsBytes("device/01ARZ"));
    ASSERT_OK(opened);
    EXPECT_EQ(opened->AsStringView(), plaintext);
  }
}

TEST_P(AeadTest, FreshNoncePerSeal) {
  Bytes key = testing::Sequence(1, 32);
  auto a = AeadSeal(GetParam(), key, AsBytes("same"), {});
  auto b = AeadSeal(GetParam(), key, AsBytes("same"), {});
  ASSERT_OK(a);
  ASSERT_OK(b);
  EXPECT_NE(*a, *b);
}

TEST_P(AeadTest, AnyTamperingFails) {
  Bytes key = testing::Sequence(1, 32);
  auto sealed = AeadSeal(GetParam(), key, AsBytes("attack at dawn"), AsBytes("aad"));
  ASSERT_OK(sealed);
  // Every single bit position: nonce, ciphertext and tag.
  for (size_t i = 0; i < sealed->size(); ++i) {
    Bytes tampered = *sealed;
    tampered[i] ^= 0x01;
    EXPECT_TRUE(FailsWith(AeadOpen(GetParam(), key, tampered, AsBytes("aad")), kInvalidArgument,
                          "AEAD authentication failed"))
        << "byte " << i;
  }
  EXPECT_TRUE(FailsWith(AeadOpen(GetParam(), key, *sealed, AsBytes("aae")), kInvalidArgument,
                        "AEAD authentication failed"));
  EXPECT_TRUE(FailsWith(AeadOpen(GetParam(), key, *sealed, {}), kInvalidArgument,
                        "AEAD authentication failed"));
  Bytes other_key = testing::Sequence(2, 32);
  EXPECT_TRUE(FailsWith(AeadOpen(GetParam(), other_key, *sealed, AsBytes("aad")), kInvalidArgument,
                        "AEAD authentication failed"));
  Bytes truncated(sealed->begin(), sealed->end() - 1);
  EXPECT_TRUE(FailsWith(AeadOpen(GetParam(), key, truncated, AsBytes("aad")), kInvalidArgument,
                        "AEAD authentication failed"));
  Bytes extended = *sealed;
  extended.push_back(0);
  EXPECT_FALSE(AeadOpen(GetParam(), key, extended, AsBytes("aad")).ok());
  EXPECT_TRUE(FailsWith(AeadOpen(GetParam(), key, Bytes(27), {}), kInvalidArgument, "too short"));
}

TEST_P(AeadTest, RejectsBadKeyAndNonceSizes) {
  EXPECT_TRUE(FailsWith(AeadSeal(GetParam(), Bytes(16), AsBytes("x"), {}), kInvalidArgument,
                        "key must be 32 bytes"));
  EXPECT_TRUE(FailsWith(AeadOpen(GetParam(), Bytes(31), Bytes(64), {}), kInvalidArgument,
                        "key must be 32 bytes"));
  EXPECT_TRUE(FailsWith(AeadSealWithNonce(GetParam(), Bytes(32), Bytes(8), AsBytes("x"), {}),
                        kInvalidArgument, "nonce must be 12 bytes"));
}

INSTANTIATE_TEST_SUITE_P(Algorithms, AeadTest,
                         ::testing::Values(AeadAlgorithm::kAes256Gcm,
                                           AeadAlgorithm::kChaCha20Poly1305),
                         [](const auto& param_info) {
                           return param_info.param == AeadAlgorithm::kAes256Gcm
                                      ? "Aes256Gcm"
                                      : "ChaCha20Poly1305";
                         });

// RFC 8439 §2.8.2.
TEST(AeadKnownAnswerTest, ChaCha20Poly1305Rfc8439) {
  Bytes key = testing::Sequence(0x80, 32);
  Bytes nonce = Hex("070000004041424344454647");
  Bytes aad = Hex("50515253c0c1c2c3c4c5c6c7");
  std::string_view plaintext =
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the "
      "future, sunscreen would be it.";
  const std::string expected =
      "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92"
      "728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b"
      "4831d7bc3ff4def08e4b7a9de576d26586cec64b6116"
      "1ae10b594f09e26a7e902ecbd0600691";  // tag
  auto sealed =
      AeadSealWithNonce(AeadAlgorithm::kChaCha20Poly1305, key, nonce, AsBytes(plaintext), aad);
  ASSERT_OK(sealed);
  EXPECT_EQ(HexEncode(*sealed), expected);
  auto opened = AeadOpenWithNonce(AeadAlgorithm::kChaCha20Poly1305, key, nonce, *sealed, aad);
  ASSERT_OK(opened);
  EXPECT_EQ(opened->AsStringView(), plaintext);
}

// McGrew & Viega GCM spec, test cases 13 and 14 (AES-256, zero key and IV).
TEST(AeadKnownAnswerTest, Aes256GcmTestCases13And14) {
  Bytes key(32, 0);
  Bytes nonce(12, 0);
  auto empty = AeadSealWithNonce(AeadAlgorithm::kAes256Gcm, key, nonce, {}, {});
  ASSERT_OK(empty);
  EXPECT_EQ(HexEncode(*empty), "530f8afbc74536b9a963b4f1c4cb738b");
  auto block = AeadSealWithNonce(AeadAlgorithm::kAes256Gcm, key, nonce, Bytes(16, 0), {});
  ASSERT_OK(block);
  EXPECT_EQ(HexEncode(*block), "cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919");
}

}  // namespace
}  // namespace palyra::crypto
