// The spec's pairing handshake v1 vector (identity-and-pairing.md §5), recomputed from the crypto
// primitives alone. It pins the exact primitive behaviour the identity layer builds on: Ed25519
// signing, X25519, HKDF-SHA256 and SHA-256 over byte-exact inputs.

#include <gtest/gtest.h>

#include "crypto/ed25519.h"
#include "crypto/hash.h"
#include "crypto/x25519.h"
#include "test_util.h"

namespace palyra::crypto {
namespace {

void AppendU32Le(Bytes& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void Append(Bytes& out, std::span<const uint8_t> bytes) {
  out.insert(out.end(), bytes.begin(), bytes.end());
}

TEST(PairingVectorTest, SpecHandshakeV1) {
  const std::string_view session_id = "01ARZ3NDEKTSV4RRFFQ69G5FB0";
  const std::string_view device_id = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
  const std::string_view client_kind = "node";
  const std::string_view proof = "123456";
  const uint32_t version = 1;
  const Bytes challenge = testing::Sequence(0x60, 32);

  auto signing = Ed25519PrivateKey::FromSeed(testing::Sequence(0x00, 32));
  auto device_x25519 = X25519PrivateKey::FromBytes(testing::Sequence(0x20, 32));
  auto gateway = X25519PrivateKey::FromBytes(testing::Sequence(0x40, 32));
  ASSERT_OK(signing);
  ASSERT_OK(device_x25519);
  ASSERT_OK(gateway);
  EXPECT_EQ(HexEncode(gateway->PublicKey()),
            "79a631eede1bf9c98f12032cdeadd0e7a079398fc786b88cc846ec89af85a51a");

  Bytes payload;
  Append(payload, AsBytes("palyra-pairing-v1"));
  AppendU32Le(payload, version);
  Append(payload, AsBytes(session_id));
  Append(payload, challenge);
  Append(payload, gateway->PublicKey());
  Append(payload, AsBytes(device_id));
  Append(payload, AsBytes(client_kind));
  Append(payload, AsBytes(proof));
  EXPECT_EQ(payload.size(), 147u);
  EXPECT_EQ(Sha256Hex(payload), "607b472f53a4db19c6811aadfc3010df863feac1d9fefb9e786675d72fc08ace");

  auto signature = signing->Sign(payload);
  ASSERT_OK(signature);
  EXPECT_EQ(
      HexEncode(*signature),
      "77635c1c4f7171d79d9d4836be8cffd8e2347cb14df7cc100051883a1182b82030ee30ca2689bec763a3e7e1"
      "f567018c32dcbc77b14180d3e1aba690c7c9e404");
  EXPECT_OK(signing->PublicKey().Verify(payload, *signature));

  Bytes context;
  Append(context, AsBytes("palyra-mtls-transcript-v1"));
  Append(context, AsBytes(session_id));
  AppendU32Le(context, version);
  Append(context, AsBytes(device_id));
  Append(context, AsBytes(client_kind));
  EXPECT_EQ(context.size(), 85u);

  auto shared = device_x25519->Ecdh(gateway->PublicKey());
  ASSERT_OK(shared);
  auto gateway_side = gateway->Ecdh(device_x25519->PublicKey());
  ASSERT_OK(gateway_side);
  EXPECT_TRUE(ConstantTimeEquals(*shared, *gateway_side));
  auto mac = HkdfSha256(challenge, *shared, context, 32);
  ASSERT_OK(mac);
  EXPECT_EQ(HexEncode(*mac), "dc8fbe975ec4d118c63f115f55b7038be8440711676561dd92f58ec1906f3767");
  EXPECT_EQ(Sha256Hex(*mac), "3213b4ddaf591da8de4ca1775a4794c767a8fdf2206e6daaa250f84953a9b88c");
  EXPECT_EQ(signing->PublicKey().FingerprintHex(),
            "56475aa75463474c0285df5dbf2bcab73da651358839e9b77481b2eab107708c");
}

}  // namespace
}  // namespace palyra::crypto
