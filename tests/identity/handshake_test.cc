#include "identity/handshake.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "crypto/ed25519.h"
#include "crypto/hash.h"
#include "crypto/random.h"
#include "crypto/x25519.h"
#include "identity/device_identity.h"
#include "identity_test_util.h"

namespace palyra::identity {
namespace {

using testing::FailsWith;
using testing::Hex;
using testing::Sequence;
using testing::SequenceArray;

// The spec's test vector (spec/identity-and-pairing.md §5).
constexpr std::string_view kSessionId = "01ARZ3NDEKTSV4RRFFQ69G5FB0";
constexpr std::string_view kDeviceId = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
constexpr std::string_view kProof = "123456";
constexpr std::string_view kSigningPublic =
    "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8";
constexpr std::string_view kGatewayPublic =
    "79a631eede1bf9c98f12032cdeadd0e7a079398fc786b88cc846ec89af85a51a";
constexpr std::string_view kDeviceX25519Public =
    "358072d6365880d1aeea329adf9121383851ed21a28e3b75e965d0d2cd166254";
constexpr std::string_view kPayloadSha256 =
    "607b472f53a4db19c6811aadfc3010df863feac1d9fefb9e786675d72fc08ace";
constexpr std::string_view kSignature =
    "77635c1c4f7171d79d9d4836be8cffd8e2347cb14df7cc100051883a1182b820"
    "30ee30ca2689bec763a3e7e1f567018c32dcbc77b14180d3e1aba690c7c9e404";
constexpr std::string_view kMac =
    "dc8fbe975ec4d118c63f115f55b7038be8440711676561dd92f58ec1906f3767";
constexpr std::string_view kTranscriptHash =
    "3213b4ddaf591da8de4ca1775a4794c767a8fdf2206e6daaa250f84953a9b88c";
constexpr std::string_view kFingerprint =
    "56475aa75463474c0285df5dbf2bcab73da651358839e9b77481b2eab107708c";

DeviceIdentity VectorIdentity() {
  auto identity = DeviceIdentity::FromKeyMaterial(std::string(kDeviceId), Sequence(0x00, 32),
                                                  Sequence(0x20, 32));
  EXPECT_TRUE(identity.ok()) << identity.status().ToString();
  return *identity;
}

crypto::X25519PrivateKey VectorGatewayKey() {
  auto key = crypto::X25519PrivateKey::FromBytes(Sequence(0x40, 32));
  EXPECT_TRUE(key.ok()) << key.status().ToString();
  return *key;
}

PairingSession VectorSession() {
  PairingSession session;
  session.session_id = std::string(kSessionId);
  session.protocol_version = 1;
  session.client_kind = ClientKind::kNode;
  session.method = PairingMethod::Pin(std::string(kProof));
  session.gateway_ephemeral_public = VectorGatewayKey().PublicKey();
  session.challenge = SequenceArray<32>(0x60);
  session.expires_at_unix_ms = 1'700'000'300'000;
  return session;
}

TEST(HandshakeVectorTest, KeysMatch) {
  DeviceIdentity identity = VectorIdentity();
  EXPECT_EQ(identity.signing_public_key().Hex(), kSigningPublic);
  EXPECT_EQ(crypto::HexEncode(identity.x25519_public_key()), kDeviceX25519Public);
  EXPECT_EQ(crypto::HexEncode(VectorGatewayKey().PublicKey()), kGatewayPublic);
  EXPECT_EQ(identity.FingerprintHex(), kFingerprint);
  EXPECT_EQ(IdentityFingerprintHex(identity.signing_public_key().bytes()), kFingerprint);
}

TEST(HandshakeVectorTest, SignedPayloadIsByteExact) {
  PairingSession session = VectorSession();
  crypto::Bytes payload =
      BuildSignedPayload(1, kSessionId, session.challenge, session.gateway_ephemeral_public,
                         kDeviceId, ClientKind::kNode, kProof);
  ASSERT_EQ(payload.size(), 147u);
  EXPECT_EQ(crypto::Sha256Hex(payload), kPayloadSha256);

  // Layout: prefix, u32le version, then the fields with no separators.
  std::string expected = "palyra-pairing-v1";
  expected += std::string("\x01\x00\x00\x00", 4);
  expected += kSessionId;
  expected += crypto::ToString(session.challenge);
  expected += crypto::ToString(session.gateway_ephemeral_public);
  expected += kDeviceId;
  expected += "node";
  expected += kProof;
  EXPECT_EQ(crypto::ToString(payload), expected);

  auto signature = VectorIdentity().signing_key().Sign(payload);
  ASSERT_TRUE(signature.ok());
  EXPECT_EQ(crypto::HexEncode(*signature), kSignature);
}

TEST(HandshakeVectorTest, TranscriptIsByteExact) {
  crypto::Bytes context = BuildTranscriptContext(kSessionId, 1, kDeviceId, ClientKind::kNode);
  ASSERT_EQ(context.size(), 85u);
  std::string expected = "palyra-mtls-transcript-v1";
  expected += kSessionId;
  expected += std::string("\x01\x00\x00\x00", 4);
  expected += kDeviceId;
  expected += "node";
  EXPECT_EQ(crypto::ToString(context), expected);

  PairingSession session = VectorSession();
  auto device_mac = ComputeTranscriptMac(
      VectorIdentity().x25519_key(), session.gateway_ephemeral_public, session.challenge, context);
  ASSERT_TRUE(device_mac.ok()) << device_mac.status().ToString();
  EXPECT_EQ(crypto::HexEncode(*device_mac), kMac);
  auto gateway_mac = ComputeTranscriptMac(VectorGatewayKey(), VectorIdentity().x25519_public_key(),
                                          session.challenge, context);
  ASSERT_TRUE(gateway_mac.ok());
  EXPECT_EQ(crypto::HexEncode(*gateway_mac), kMac);
  EXPECT_EQ(TranscriptHashHex(*device_mac), kTranscriptHash);
}

TEST(HandshakeVectorTest, BuildDeviceHelloMatchesVector) {
  auto hello = BuildDeviceHello(VectorIdentity(), VectorSession(), kProof);
  ASSERT_TRUE(hello.ok()) << hello.status().ToString();
  EXPECT_EQ(hello->session_id, kSessionId);
  EXPECT_EQ(hello->protocol_version, 1u);
  EXPECT_EQ(hello->device_id, kDeviceId);
  EXPECT_EQ(hello->client_kind, ClientKind::kNode);
  EXPECT_EQ(hello->proof, kProof);
  EXPECT_EQ(crypto::HexEncode(hello->device_signing_public), kSigningPublic);
  EXPECT_EQ(crypto::HexEncode(hello->device_x25519_public), kDeviceX25519Public);
  EXPECT_EQ(crypto::HexEncode(hello->challenge_signature), kSignature);
  EXPECT_EQ(crypto::HexEncode(hello->transcript_mac), kMac);
}

TEST(HandshakeTest, VersionIsLittleEndian) {
  PairingSession session = VectorSession();
  crypto::Bytes payload =
      BuildSignedPayload(0x01020304, "S", session.challenge, session.gateway_ephemeral_public, "D",
                         ClientKind::kCli, "P");
  ASSERT_GE(payload.size(), 21u);
  EXPECT_EQ(crypto::HexEncode(std::span<const uint8_t>(payload).subspan(17, 4)), "04030201");
  crypto::Bytes context = BuildTranscriptContext("S", 0x01020304, "D", ClientKind::kDesktop);
  EXPECT_EQ(crypto::ToString(context),
            std::string("palyra-mtls-transcript-v1S\x04\x03\x02\x01") + "Ddesktop");
}

TEST(HandshakeTest, BuildDeviceHelloRejectsOtherVersionsAndEmptyInputs) {
  PairingSession session = VectorSession();
  session.protocol_version = 2;
  EXPECT_TRUE(FailsWith(BuildDeviceHello(VectorIdentity(), session, kProof),
                        StatusCode::kFailedPrecondition, "protocol version 2"));
  session.protocol_version = 0;
  EXPECT_TRUE(FailsWith(BuildDeviceHello(VectorIdentity(), session, kProof),
                        StatusCode::kFailedPrecondition, "protocol version 0"));
  session = VectorSession();
  EXPECT_TRUE(FailsWith(BuildDeviceHello(VectorIdentity(), session, ""),
                        StatusCode::kInvalidArgument, "proof"));
  session.session_id.clear();
  EXPECT_TRUE(FailsWith(BuildDeviceHello(VectorIdentity(), session, kProof),
                        StatusCode::kInvalidArgument, "session_id is required"));
}

TEST(HandshakeTest, BuildDeviceHelloRejectsLowOrderGatewayKey) {
  PairingSession session = VectorSession();
  session.gateway_ephemeral_public.fill(0);
  EXPECT_TRUE(FailsWith(BuildDeviceHello(VectorIdentity(), session, kProof),
                        StatusCode::kInvalidArgument, "transcript MAC"));
}

TEST(HandshakeTest, ComputeTranscriptMacChecksLengths) {
  PairingSession session = VectorSession();
  crypto::Bytes context = BuildTranscriptContext(kSessionId, 1, kDeviceId, ClientKind::kNode);
  crypto::X25519PrivateKey key = VectorGatewayKey();
  crypto::Bytes peer(key.PublicKey().begin(), key.PublicKey().end());
  crypto::Bytes challenge(session.challenge.begin(), session.challenge.end());

  crypto::Bytes short_peer(peer.begin(), peer.end() - 1);
  EXPECT_TRUE(FailsWith(ComputeTranscriptMac(key, short_peer, challenge, context),
                        StatusCode::kInvalidArgument, "must be 32 bytes (got 31)"));
  crypto::Bytes long_challenge = challenge;
  long_challenge.push_back(0);
  EXPECT_TRUE(FailsWith(ComputeTranscriptMac(key, peer, long_challenge, context),
                        StatusCode::kInvalidArgument, "challenge must be 32 bytes (got 33)"));
  EXPECT_TRUE(FailsWith(ComputeTranscriptMac(key, crypto::Bytes(32, 0), challenge, context),
                        StatusCode::kInvalidArgument, "x25519"));
  EXPECT_TRUE(ComputeTranscriptMac(key, peer, challenge, context).ok());
}

TEST(HandshakeTest, HelloFromWireChecksFixedLengths) {
  auto hello = BuildDeviceHello(VectorIdentity(), VectorSession(), kProof);
  ASSERT_TRUE(hello.ok());
  crypto::Bytes sig(hello->device_signing_public.begin(), hello->device_signing_public.end());
  crypto::Bytes x(hello->device_x25519_public.begin(), hello->device_x25519_public.end());
  crypto::Bytes signature(hello->challenge_signature.begin(), hello->challenge_signature.end());
  crypto::Bytes mac(hello->transcript_mac.begin(), hello->transcript_mac.end());
  auto build = [&](std::span<const uint8_t> a, std::span<const uint8_t> b,
                   std::span<const uint8_t> c, std::span<const uint8_t> d) {
    return DeviceHello::FromWire(std::string(kSessionId), 1, std::string(kDeviceId),
                                 ClientKind::kNode, std::string(kProof), a, b, c, d);
  };

  auto ok = build(sig, x, signature, mac);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->challenge_signature, hello->challenge_signature);
  EXPECT_EQ(ok->transcript_mac, hello->transcript_mac);
  EXPECT_EQ(ok->device_signing_public, hello->device_signing_public);
  EXPECT_EQ(ok->device_x25519_public, hello->device_x25519_public);
  EXPECT_EQ(ok->session_id, kSessionId);
  EXPECT_EQ(ok->device_id, kDeviceId);
  EXPECT_EQ(ok->proof, kProof);

  crypto::Bytes short32(31, 1), long32(33, 1), short64(63, 1), empty;
  EXPECT_TRUE(FailsWith(build(short32, x, signature, mac), StatusCode::kInvalidArgument,
                        "device_signing_public must be 32 bytes (got 31)"));
  EXPECT_TRUE(FailsWith(build(sig, long32, signature, mac), StatusCode::kInvalidArgument,
                        "device_x25519_public must be 32 bytes (got 33)"));
  EXPECT_TRUE(FailsWith(build(sig, x, short64, mac), StatusCode::kInvalidArgument,
                        "challenge_signature must be 64 bytes (got 63)"));
  EXPECT_TRUE(FailsWith(build(sig, x, signature, empty), StatusCode::kInvalidArgument,
                        "transcript_mac must be 32 bytes (got 0)"));
}

TEST(HandshakeTest, DebugOutputIsRedacted) {
  PairingSession session = VectorSession();
  session.method = PairingMethod::Qr("0123456789ABCDEF0123456789ABCDEF");
  std::string session_debug = session.DebugString();
  EXPECT_NE(session_debug.find("token_len=32"), std::string::npos) << session_debug;
  EXPECT_EQ(session_debug.find("0123456789ABCDEF"), std::string::npos) << session_debug;
  EXPECT_EQ(session_debug.find(crypto::HexEncode(session.challenge)), std::string::npos);

  auto hello = BuildDeviceHello(VectorIdentity(), VectorSession(), kProof);
  ASSERT_TRUE(hello.ok());
  std::ostringstream os;
  os << *hello;
  std::string hello_debug = os.str();
  EXPECT_EQ(hello_debug, hello->DebugString());
  EXPECT_NE(hello_debug.find("proof_len=6"), std::string::npos) << hello_debug;
  EXPECT_NE(hello_debug.find("challenge_signature=<redacted>"), std::string::npos);
  EXPECT_NE(hello_debug.find("transcript_mac=<redacted>"), std::string::npos);
  EXPECT_EQ(hello_debug.find(kProof), std::string::npos) << hello_debug;
  EXPECT_EQ(hello_debug.find(kSignature.substr(0, 16)), std::string::npos);
  EXPECT_EQ(hello_debug.find(kMac.substr(0, 16)), std::string::npos);

  std::ostringstream identity_os;
  identity_os << VectorIdentity();
  EXPECT_EQ(identity_os.str(), "DeviceIdentity{device_id=" + std::string(kDeviceId) +
                                   ", fingerprint=" + std::string(kFingerprint) + "}");
}

// Property: for random identities, gateway keys and challenges, the device (static secret +
// gateway ephemeral public) and the gateway (ephemeral secret + device static public) derive the
// same MAC, and the MAC depends on every transcript field.
TEST(HandshakeTest, BothSidesDeriveTheSameMac) {
  for (int i = 0; i < 8; ++i) {
    auto device =
        DeviceIdentity::Generate("01ARZ3NDEKTSV4RRFFQ69G5FA" + std::string(1, "0123456V"[i]));
    ASSERT_TRUE(device.ok()) << device.status().ToString();
    auto gateway = crypto::X25519PrivateKey::Generate();
    ASSERT_TRUE(gateway.ok());
    crypto::Bytes challenge = crypto::RandomBytes(32);
    ClientKind kind = i % 3 == 0   ? ClientKind::kCli
                      : i % 3 == 1 ? ClientKind::kDesktop
                                   : ClientKind::kNode;
    crypto::Bytes context = BuildTranscriptContext(kSessionId, 1, device->device_id(), kind);

    auto device_mac =
        ComputeTranscriptMac(device->x25519_key(), gateway->PublicKey(), challenge, context);
    auto gateway_mac =
        ComputeTranscriptMac(*gateway, device->x25519_public_key(), challenge, context);
    ASSERT_TRUE(device_mac.ok() && gateway_mac.ok());
    EXPECT_EQ(*device_mac, *gateway_mac);

    crypto::Bytes other_context = BuildTranscriptContext(kSessionId, 2, device->device_id(), kind);
    auto other =
        ComputeTranscriptMac(*gateway, device->x25519_public_key(), challenge, other_context);
    ASSERT_TRUE(other.ok());
    EXPECT_NE(*other, *device_mac);
    crypto::Bytes other_challenge = challenge;
    other_challenge[0] ^= 1;
    other = ComputeTranscriptMac(*gateway, device->x25519_public_key(), other_challenge, context);
    ASSERT_TRUE(other.ok());
    EXPECT_NE(*other, *device_mac);
  }
}

}  // namespace
}  // namespace palyra::identity
