#include "crypto/ed25519.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace palyra::crypto {
namespace {

using testing::FailsWith;
using testing::Hex;
using enum StatusCode;

// Little-endian 256-bit addition (no overflow for the values used here).
Bytes AddLittleEndian(std::span<const uint8_t> a, std::span<const uint8_t> b) {
  Bytes out(32);
  unsigned carry = 0;
  for (size_t i = 0; i < 32; ++i) {
    unsigned sum = a[i] + b[i] + carry;
    out[i] = static_cast<uint8_t>(sum);
    carry = sum >> 8;
  }
  return out;
}

const Bytes kGroupOrder = Hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

// The eight points of order dividing 8, as canonical encodings with the sign bit clear.
const char* const kSmallOrderEncodings[] = {
    "0100000000000000000000000000000000000000000000000000000000000000",  // identity
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // order 2
    "0000000000000000000000000000000000000000000000000000000000000000",  // order 4
    "0000000000000000000000000000000000000000000000000000000000000080",  // order 4 (x < 0)
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",  // order 8
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",  // order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",  // order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",  // order 8
};

TEST(Ed25519Test, SpecSeedGivesSpecPublicKeyAndFingerprint) {
  auto key = Ed25519PrivateKey::FromSeed(testing::Sequence(0x00, 32));
  ASSERT_OK(key);
  EXPECT_EQ(key->PublicKey().Hex(),
            "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8");
  EXPECT_EQ(key->PublicKey().FingerprintHex(),
            "56475aa75463474c0285df5dbf2bcab73da651358839e9b77481b2eab107708c");
}

// RFC 8032 §7.1 tests 1 (empty message) and 2 (one byte).
TEST(Ed25519Test, Rfc8032Vectors) {
  struct Vector {
    const char* seed;
    const char* public_key;
    const char* message;
    const char* signature;
  };
  const Vector vectors[] = {
      {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
       "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
       "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf"
       "9"
       "b46bd25bf5f0595bbe24655141438e7a100b"},
      {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
       "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
       "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f"
       "1"
       "1d8c387b2eaeb4302aeeb00d291612bb0c00"},
  };
  for (const Vector& v : vectors) {
    auto key = Ed25519PrivateKey::FromSeed(Hex(v.seed));
    ASSERT_OK(key);
    EXPECT_EQ(key->PublicKey().Hex(), v.public_key);
    auto signature = key->Sign(Hex(v.message));
    ASSERT_OK(signature);
    EXPECT_EQ(HexEncode(*signature), v.signature);
    EXPECT_OK(Ed25519Verify(Hex(v.public_key), Hex(v.message), Hex(v.signature)));
  }
}

TEST(Ed25519Test, SeedExportRoundTripsAndGenerateIsRandom) {
  auto a = Ed25519PrivateKey::Generate();
  auto b = Ed25519PrivateKey::Generate();
  ASSERT_OK(a);
  ASSERT_OK(b);
  EXPECT_NE(a->PublicKey(), b->PublicKey());
  SecretBytes seed = a->ExportSeed();
  EXPECT_EQ(seed.size(), 32u);
  auto again = Ed25519PrivateKey::FromSeed(seed);
  ASSERT_OK(again);
  EXPECT_EQ(again->PublicKey(), a->PublicKey());
}

TEST(Ed25519Test, RejectsWrongLengths) {
  EXPECT_TRUE(FailsWith(Ed25519PrivateKey::FromSeed(Bytes(31)), kInvalidArgument,
                        "ed25519 seed must be 32 bytes"));
  EXPECT_TRUE(FailsWith(Ed25519PublicKey::FromBytes(Bytes(33, 1)), kInvalidArgument,
                        "ed25519 public key must be 32 bytes"));
  auto key = Ed25519PrivateKey::FromSeed(testing::Sequence(0, 32));
  ASSERT_OK(key);
  auto signature = key->Sign(AsBytes("m"));
  ASSERT_OK(signature);
  Bytes short_signature(signature->begin(), signature->end() - 1);
  EXPECT_TRUE(FailsWith(key->PublicKey().Verify(AsBytes("m"), short_signature), kInvalidArgument,
                        "ed25519 signature must be 64 bytes"));
}

TEST(Ed25519Test, TamperingFailsVerification) {
  auto key = Ed25519PrivateKey::FromSeed(testing::Sequence(0, 32));
  ASSERT_OK(key);
  auto signature = key->Sign(AsBytes("pairing payload"));
  ASSERT_OK(signature);
  EXPECT_OK(key->PublicKey().Verify(AsBytes("pairing payload"), *signature));

  for (size_t i : {size_t{0}, size_t{10}, size_t{32}, size_t{40}}) {
    Bytes flipped = *signature;
    flipped[i] ^= 0x01;
    Status status = key->PublicKey().Verify(AsBytes("pairing payload"), flipped);
    EXPECT_FALSE(status.ok()) << "byte " << i;
    EXPECT_EQ(status.code(), kInvalidArgument);
  }
  Bytes flipped = *signature;
  flipped[5] ^= 0x80;
  EXPECT_TRUE(FailsWith(key->PublicKey().Verify(AsBytes("pairing payload"), flipped),
                        kInvalidArgument, "does not verify"));
  EXPECT_TRUE(FailsWith(key->PublicKey().Verify(AsBytes("pairing payload!"), *signature),
                        kInvalidArgument, "does not verify"));
  auto other = Ed25519PrivateKey::Generate();
  ASSERT_OK(other);
  EXPECT_TRUE(FailsWith(other->PublicKey().Verify(AsBytes("pairing payload"), *signature),
                        kInvalidArgument, "does not verify"));
}

TEST(Ed25519Test, RejectsEverySmallOrderPublicKeyEncoding) {
  for (const char* hex : kSmallOrderEncodings) {
    Bytes encoded = Hex(hex);
    EXPECT_TRUE(FailsWith(Ed25519PublicKey::FromBytes(encoded), kInvalidArgument, "small order"))
        << hex;
  }
  // Non-canonical spellings of small-order points: y = p and y = p + 1 (i.e. 0 and 1), either
  // sign, and the identity with the sign bit set.
  for (const char* hex : {"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                          "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                          "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                          "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                          "0100000000000000000000000000000000000000000000000000000000000080",
                          "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"}) {
    EXPECT_FALSE(Ed25519PublicKey::FromBytes(Hex(hex)).ok()) << hex;
  }
}

TEST(Ed25519Test, RejectsNonCanonicalPublicKey) {
  // y = p + 2 .. 2^255 - 1 are not canonical and not in the small-order list.
  for (const char* hex : {"efffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                          "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"}) {
    EXPECT_TRUE(FailsWith(Ed25519PublicKey::FromBytes(Hex(hex)), kInvalidArgument,
                          "not canonically encoded"))
        << hex;
  }
}

// With A = identity, (R = identity, S = 0) satisfies the cofactorless equation [S]B = R + [k]A
// for every message: the classic "signature valid for everything". Strict verify refuses it.
TEST(Ed25519Test, RejectsUniversalSignatureForIdentityKey) {
  Bytes identity = Hex(kSmallOrderEncodings[0]);
  Bytes signature = identity;
  signature.resize(64, 0);
  EXPECT_TRUE(FailsWith(Ed25519Verify(identity, AsBytes("anything"), signature), kInvalidArgument,
                        "small order"));
}

TEST(Ed25519Test, RejectsSmallOrderR) {
  auto key = Ed25519PrivateKey::FromSeed(testing::Sequence(0, 32));
  ASSERT_OK(key);
  auto signature = key->Sign(AsBytes("m"));
  ASSERT_OK(signature);
  for (const char* hex : kSmallOrderEncodings) {
    Bytes forged = *signature;
    Bytes r = Hex(hex);
    std::copy(r.begin(), r.end(), forged.begin());
    EXPECT_TRUE(FailsWith(key->PublicKey().Verify(AsBytes("m"), forged), kInvalidArgument,
                          "R has small order"))
        << hex;
  }
  Bytes non_canonical_r = *signature;
  Bytes r = Hex("efffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
  std::copy(r.begin(), r.end(), non_canonical_r.begin());
  EXPECT_TRUE(FailsWith(key->PublicKey().Verify(AsBytes("m"), non_canonical_r), kInvalidArgument,
                        "R is not canonically encoded"));
}

// S + L is congruent to S, so a verifier that reduces S (or only checks the group equation)
// would accept it: signature malleability. Strict verify requires S < L.
TEST(Ed25519Test, RejectsUnreducedS) {
  auto key = Ed25519PrivateKey::FromSeed(testing::Sequence(0, 32));
  ASSERT_OK(key);
  auto signature = key->Sign(AsBytes("m"));
  ASSERT_OK(signature);
  Bytes malleated = *signature;
  Bytes s_plus_l = AddLittleEndian(std::span(*signature).subspan(32), kGroupOrder);
  std::copy(s_plus_l.begin(), s_plus_l.end(), malleated.begin() + 32);
  EXPECT_TRUE(
      FailsWith(key->PublicKey().Verify(AsBytes("m"), malleated), kInvalidArgument, "S >= L"));

  Bytes s_equals_l = *signature;
  std::copy(kGroupOrder.begin(), kGroupOrder.end(), s_equals_l.begin() + 32);
  EXPECT_TRUE(
      FailsWith(key->PublicKey().Verify(AsBytes("m"), s_equals_l), kInvalidArgument, "S >= L"));

  Bytes s_max = *signature;
  std::fill(s_max.begin() + 32, s_max.end(), 0xff);
  EXPECT_TRUE(FailsWith(key->PublicKey().Verify(AsBytes("m"), s_max), kInvalidArgument, "S >= L"));
}

}  // namespace
}  // namespace palyra::crypto
