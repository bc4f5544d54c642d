#include "crypto/x25519.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace palyra::crypto {
namespace {

using testing::FailsWith;
using testing::Hex;
using enum StatusCode;

std::string PublicHex(const Bytes& secret) {
  auto key = X25519PrivateKey::FromBytes(secret);
  EXPECT_TRUE(key.ok()) << key.status().ToString();
  return key.ok() ? HexEncode(key->PublicKey()) : "";
}

TEST(X25519Test, SpecPublicKeys) {
  EXPECT_EQ(PublicHex(testing::Sequence(0x20, 32)),
            "358072d6365880d1aeea329adf9121383851ed21a28e3b75e965d0d2cd166254");
  EXPECT_EQ(PublicHex(testing::Sequence(0x40, 32)),
            "79a631eede1bf9c98f12032cdeadd0e7a079398fc786b88cc846ec89af85a51a");
}

// RFC 7748 §5.2: scalar x u-coordinate.
TEST(X25519Test, Rfc7748Section5_2) {
  struct Vector {
    const char* scalar;
    const char* u;
    const char* out;
  };
  const Vector vectors[] = {
      {"a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
       "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
       "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"},
      {"4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
       "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
       "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"},
  };
  for (const Vector& v : vectors) {
    auto key = X25519PrivateKey::FromBytes(Hex(v.scalar));
    ASSERT_OK(key);
    auto shared = key->Ecdh(Hex(v.u));
    ASSERT_OK(shared);
    EXPECT_EQ(HexEncode(*shared), v.out);
  }
}

// RFC 7748 §6.1 Diffie-Hellman.
TEST(X25519Test, Rfc7748Section6_1) {
  auto alice = X25519PrivateKey::FromBytes(
      Hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
  auto bob = X25519PrivateKey::FromBytes(
      Hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
  ASSERT_OK(alice);
  ASSERT_OK(bob);
  EXPECT_EQ(HexEncode(alice->PublicKey()),
            "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
  EXPECT_EQ(HexEncode(bob->PublicKey()),
            "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
  auto ab = alice->Ecdh(bob->PublicKey());
  auto ba = bob->Ecdh(alice->PublicKey());
  ASSERT_OK(ab);
  ASSERT_OK(ba);
  EXPECT_EQ(HexEncode(*ab), "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
  EXPECT_EQ(HexEncode(*ba), HexEncode(*ab));
}

TEST(X25519Test, GeneratedKeysAgreeAndExportRoundTrips) {
  auto a = X25519PrivateKey::Generate();
  auto b = X25519PrivateKey::Generate();
  ASSERT_OK(a);
  ASSERT_OK(b);
  EXPECT_NE(a->PublicKey(), b->PublicKey());
  auto ab = a->Ecdh(b->PublicKey());
  auto ba = b->Ecdh(a->PublicKey());
  ASSERT_OK(ab);
  ASSERT_OK(ba);
  EXPECT_TRUE(std::equal(ab->begin(), ab->end(), ba->begin(), ba->end()));
  auto restored = X25519PrivateKey::FromBytes(a->Export());
  ASSERT_OK(restored);
  EXPECT_EQ(restored->PublicKey(), a->PublicKey());
}

TEST(X25519Test, RejectsWrongLengths) {
  EXPECT_TRUE(FailsWith(X25519PrivateKey::FromBytes(Bytes(31)), kInvalidArgument,
                        "x25519 private key must be 32 bytes"));
  auto key = X25519PrivateKey::Generate();
  ASSERT_OK(key);
  EXPECT_TRUE(
      FailsWith(key->Ecdh(Bytes(33, 9)), kInvalidArgument, "x25519 public key must be 32 bytes"));
}

TEST(X25519Test, RejectsAllZeroSharedSecret) {
  auto key = X25519PrivateKey::Generate();
  ASSERT_OK(key);
  EXPECT_TRUE(FailsWith(key->Ecdh(Bytes(32, 0)), kInvalidArgument, "small order"));
  // Every low-order u-coordinate, canonical or not, with and without the ignored top bit.
  for (const char* hex : {"0000000000000000000000000000000000000000000000000000000000000000",
                          "0100000000000000000000000000000000000000000000000000000000000000",
                          "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
                          "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
                          "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                          "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                          "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"}) {
    Bytes u = Hex(hex);
    EXPECT_FALSE(key->Ecdh(u).ok()) << hex;
    u[31] |= 0x80;
    EXPECT_FALSE(key->Ecdh(u).ok()) << hex << " with top bit";
  }
}

}  // namespace
}  // namespace palyra::crypto
