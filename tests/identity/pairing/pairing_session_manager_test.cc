#include "identity/pairing/pairing_session_manager.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cctype>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "common/ulid.h"
#include "crypto/bytes.h"
#include "crypto/hash.h"
#include "identity/device_identity.h"
#include "identity/handshake.h"
#include "identity_test_util.h"

namespace palyra::identity {
namespace {

using testing::Sequence;
using testing::SequenceArray;

constexpr int64_t kT0 = 1'700'000'000'000;
constexpr std::string_view kPin = "123456";

class PairingSessionManagerTest : public ::testing::Test {
 protected:
  PairingSessionManagerTest() : manager_(MakeOptions({})) {}

  PairingSessionManager::Options MakeOptions(PairingSessionLimits limits) {
    PairingSessionManager::Options options;
    options.limits = limits;
    options.clock = [this] { return now_.load(); };
    options.is_device_revoked = [this](std::string_view device_id) {
      revocation_checks_++;
      return revoked_.count(std::string(device_id)) != 0;
    };
    return options;
  }

  static DeviceIdentity NewIdentity() {
    auto identity = DeviceIdentity::Generate(NewUlid());
    EXPECT_TRUE(identity.ok()) << identity.status().ToString();
    return *identity;
  }

  PairingSession StartPin(ClientKind kind = ClientKind::kNode) {
    auto session = manager_.Start(kind, PairingMethod::Pin(std::string(kPin)));
    EXPECT_TRUE(session.ok()) << session.status().ToString();
    return *session;
  }

  DeviceHello HelloFor(const DeviceIdentity& identity, const PairingSession& session,
                       std::string_view proof = kPin) {
    auto hello = BuildDeviceHello(identity, session, proof);
    EXPECT_TRUE(hello.ok()) << hello.status().ToString();
    return *hello;
  }

  // Expects `result` to have failed with `error` and `code`.
  template <typename T>
  static ::testing::AssertionResult FailedWith(const Result<T, PairingFailure>& result, PairingError error,
                                               StatusCode code) {
    if (result.ok()) return ::testing::AssertionFailure() << "expected " << error << ", got OK";
    if (result.error().kind != error || result.status().code() != code) {
      return ::testing::AssertionFailure() << "got " << result.error().ToString() << ", expected "
                                           << error << " with " << StatusCodeName(code);
    }
    return ::testing::AssertionSuccess();
  }

  std::atomic<int64_t> now_{kT0};
  std::set<std::string> revoked_;
  int revocation_checks_ = 0;
  PairingSessionManager manager_;
};

TEST_F(PairingSessionManagerTest, StartCreatesAFreshSession) {
  PairingSession a = StartPin();
  PairingSession b = StartPin(ClientKind::kDesktop);
  EXPECT_TRUE(IsCanonicalUlid(a.session_id));
  EXPECT_NE(a.session_id, b.session_id);
  EXPECT_EQ(a.protocol_version, 1u);
  EXPECT_EQ(a.client_kind, ClientKind::kNode);
  EXPECT_EQ(b.client_kind, ClientKind::kDesktop);
  EXPECT_EQ(a.method.secret(), kPin);
  EXPECT_EQ(a.expires_at_unix_ms, kT0 + 5 * 60'000);
  EXPECT_NE(a.challenge, b.challenge);
  EXPECT_NE(a.gateway_ephemeral_public, b.gateway_ephemeral_public);
  EXPECT_NE(a.challenge, PairingChallenge{});
  EXPECT_EQ(manager_.ActiveSessionCount(), 2u);
  EXPECT_EQ(manager_.RecentStartCount(), 2u);
}

TEST_F(PairingSessionManagerTest, HappyPathThroughBuildDeviceHello) {
  DeviceIdentity identity = NewIdentity();
  PairingSession session = StartPin();
  DeviceHello hello = HelloFor(identity, session);

  auto verified = manager_.Verify(hello, kPin);
  ASSERT_TRUE(verified.ok()) << verified.error().ToString();
  EXPECT_EQ(verified->device_id, identity.device_id());
  EXPECT_EQ(verified->client_kind, ClientKind::kNode);
  EXPECT_EQ(verified->identity_fingerprint, identity.FingerprintHex());
  EXPECT_EQ(verified->signing_public_key_hex, identity.signing_public_key().Hex());
  EXPECT_EQ(verified->transcript_hash_hex, crypto::Sha256Hex(hello.transcript_mac));
  EXPECT_EQ(manager_.ActiveSessionCount(), 0u);

  // Single use.
  EXPECT_TRUE(FailedWith(manager_.Verify(hello, kPin), PairingError::kSessionNotFound,
                         StatusCode::kNotFound));
}

TEST_F(PairingSessionManagerTest, QrHappyPath) {
  const std::string token = "0123456789ABCDEF0123456789ABCDEF";
  DeviceIdentity identity = NewIdentity();
  auto session = manager_.Start(ClientKind::kDesktop, PairingMethod::Qr(token));
  ASSERT_TRUE(session.ok());
  auto verified = manager_.Verify(HelloFor(identity, *session, token), token);
  ASSERT_TRUE(verified.ok()) << verified.error().ToString();
  EXPECT_EQ(verified->client_kind, ClientKind::kDesktop);
}

TEST_F(PairingSessionManagerTest, SpecTestVectorThroughTheManager) {
  auto identity = DeviceIdentity::FromKeyMaterial("01ARZ3NDEKTSV4RRFFQ69G5FAV", Sequence(0x00, 32),
                                                  Sequence(0x20, 32));
  ASSERT_TRUE(identity.ok());
  auto session = manager_.StartWithKeyMaterialForTesting(
      ClientKind::kNode, PairingMethod::Pin("123456"), "01ARZ3NDEKTSV4RRFFQ69G5FB0",
      Sequence(0x40, 32), SequenceArray<32>(0x60));
  ASSERT_TRUE(session.ok()) << session.error().ToString();
  EXPECT_EQ(crypto::HexEncode(session->gateway_ephemeral_public),
            "79a631eede1bf9c98f12032cdeadd0e7a079398fc786b88cc846ec89af85a51a");

  DeviceHello hello = HelloFor(*identity, *session);
  EXPECT_EQ(crypto::HexEncode(hello.challenge_signature),
            "77635c1c4f7171d79d9d4836be8cffd8e2347cb14df7cc100051883a1182b820"
            "30ee30ca2689bec763a3e7e1f567018c32dcbc77b14180d3e1aba690c7c9e404");
  EXPECT_EQ(crypto::HexEncode(hello.transcript_mac),
            "dc8fbe975ec4d118c63f115f55b7038be8440711676561dd92f58ec1906f3767");

  auto verified = manager_.Verify(hello, "123456");
  ASSERT_TRUE(verified.ok()) << verified.error().ToString();
  EXPECT_EQ(verified->identity_fingerprint,
            "56475aa75463474c0285df5dbf2bcab73da651358839e9b77481b2eab107708c");
  EXPECT_EQ(verified->signing_public_key_hex,
            "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8");
  EXPECT_EQ(verified->transcript_hash_hex,
            "3213b4ddaf591da8de4ca1775a4794c767a8fdf2206e6daaa250f84953a9b88c");
}

TEST_F(PairingSessionManagerTest, TestHookRejectsBadMaterial) {
  auto short_secret = manager_.StartWithKeyMaterialForTesting(
      ClientKind::kNode, PairingMethod::Pin("123456"), "01ARZ3NDEKTSV4RRFFQ69G5FB0",
      Sequence(0x40, 31), SequenceArray<32>(0x60));
  EXPECT_TRUE(
      FailedWith(short_secret, PairingError::kInvalidArgument, StatusCode::kInvalidArgument));
  ASSERT_TRUE(manager_
                  .StartWithKeyMaterialForTesting(ClientKind::kNode, PairingMethod::Pin("123456"),
                                                  "01ARZ3NDEKTSV4RRFFQ69G5FB0", Sequence(0x40, 32),
                                                  SequenceArray<32>(0x60))
                  .ok());
  auto duplicate = manager_.StartWithKeyMaterialForTesting(
      ClientKind::kNode, PairingMethod::Pin("123456"), "01ARZ3NDEKTSV4RRFFQ69G5FB0",
      Sequence(0x40, 32), SequenceArray<32>(0x60));
  EXPECT_TRUE(FailedWith(duplicate, PairingError::kInvalidArgument, StatusCode::kInvalidArgument));
}

// A pairing session is single use: a hello with the wrong version spends it, and the corrected
// hello that follows finds no session.
TEST_F(PairingSessionManagerTest, VersionZeroIsAMismatchAndSpendsTheSession) {
  DeviceIdentity identity = NewIdentity();
  for (uint32_t version : {0u, 2u}) {
    PairingSession session = StartPin();
    DeviceHello hello = HelloFor(identity, session);
    DeviceHello other = hello;
    other.protocol_version = version;
    auto result = manager_.Verify(other, kPin);
    ASSERT_TRUE(FailedWith(result, PairingError::kVersionMismatch, StatusCode::kInvalidArgument));
    EXPECT_EQ(result.error().expected_version, 1u);
    EXPECT_EQ(result.error().got_version, version);
    EXPECT_NE(result.status().message().find("expected 1, got " + std::to_string(version)),
              std::string::npos)
        << result.status().ToString();
    EXPECT_EQ(manager_.ActiveSessionCount(), 0u);
    auto retried = manager_.Verify(hello, kPin);
    EXPECT_TRUE(FailedWith(retried, PairingError::kSessionNotFound, StatusCode::kNotFound));
  }
}

TEST_F(PairingSessionManagerTest, ClientKindMismatchSpendsTheSession) {
  DeviceIdentity identity = NewIdentity();
  PairingSession session = StartPin(ClientKind::kNode);
  DeviceHello hello = HelloFor(identity, session);
  DeviceHello other = hello;
  other.client_kind = ClientKind::kCli;
  auto result = manager_.Verify(other, kPin);
  EXPECT_TRUE(FailedWith(result, PairingError::kClientKindMismatch, StatusCode::kInvalidArgument));
  EXPECT_NE(result.status().message().find("started for node, the hello says cli"),
            std::string::npos);
  EXPECT_EQ(manager_.ActiveSessionCount(), 0u);
  auto retried = manager_.Verify(hello, kPin);
  EXPECT_TRUE(FailedWith(retried, PairingError::kSessionNotFound, StatusCode::kNotFound));
}

TEST_F(PairingSessionManagerTest, WrongPinDeletesTheSession) {
  DeviceIdentity identity = NewIdentity();
  PairingSession session = StartPin();
  auto result = manager_.Verify(HelloFor(identity, session, "000000"), kPin);
  EXPECT_TRUE(FailedWith(result, PairingError::kInvalidPairingProof, StatusCode::kUnauthenticated));
  EXPECT_EQ(result.status().message().find("000000"), std::string::npos);
  EXPECT_EQ(result.status().message().find(kPin), std::string::npos);
  EXPECT_TRUE(FailedWith(manager_.Verify(HelloFor(identity, session), kPin),
                         PairingError::kSessionNotFound, StatusCode::kNotFound));
}

TEST_F(PairingSessionManagerTest, ExpectedProofMustMatchTheSessionCode) {
  // The gateway's reserved code and the session's code must agree with the hello.
  DeviceIdentity identity = NewIdentity();
  PairingSession session = StartPin();
  EXPECT_TRUE(FailedWith(manager_.Verify(HelloFor(identity, session), "654321"),
                         PairingError::kInvalidPairingProof, StatusCode::kUnauthenticated));
  PairingSession second = StartPin();
  EXPECT_TRUE(FailedWith(manager_.Verify(HelloFor(identity, second, "654321"), "654321"),
                         PairingError::kInvalidPairingProof, StatusCode::kUnauthenticated));
  EXPECT_EQ(manager_.ActiveSessionCount(), 0u);
}

TEST_F(PairingSessionManagerTest, FlippedSignatureByteDeletesTheSession) {
  DeviceIdentity identity = NewIdentity();
  PairingSession session = StartPin();
  DeviceHello hello = HelloFor(identity, session);
  for (size_t index : {size_t{0}, size_t{40}, size_t{63}}) {
    PairingSession fresh = StartPin();
    DeviceHello bad = HelloFor(identity, fresh);
    bad.challenge_signature[index] ^= 0x01;
    EXPECT_TRUE(FailedWith(manager_.Verify(bad, kPin), PairingError::kSignatureVerificationFailed,
                           StatusCode::kUnauthenticated))
        << "byte " << index;
    EXPECT_TRUE(FailedWith(manager_.Verify(HelloFor(identity, fresh), kPin),
                           PairingError::kSessionNotFound, StatusCode::kNotFound));
  }
  EXPECT_TRUE(manager_.Verify(hello, kPin).ok());
}

TEST_F(PairingSessionManagerTest, SignatureFromAnotherKeyOrABadKeyFails) {
  DeviceIdentity identity = NewIdentity();
  DeviceIdentity other = NewIdentity();

  PairingSession session = StartPin();
  DeviceHello hello = HelloFor(identity, session);
  hello.device_signing_public = other.signing_public_key().bytes();
  EXPECT_TRUE(FailedWith(manager_.Verify(hello, kPin), PairingError::kSignatureVerificationFailed,
                         StatusCode::kUnauthenticated));

  // The identity point (small order) is refused as a key.
  session = StartPin();
  hello = HelloFor(identity, session);
  hello.device_signing_public = PairingKey{};
  hello.device_signing_public[0] = 0x01;
  auto result = manager_.Verify(hello, kPin);
  EXPECT_TRUE(
      FailedWith(result, PairingError::kSignatureVerificationFailed, StatusCode::kUnauthenticated));
  EXPECT_EQ(manager_.ActiveSessionCount(), 0u);
}

TEST_F(PairingSessionManagerTest, SignatureIsBoundToTheSessionsChallengeAndKey) {
  // A hello built for one session does not verify against another one (its challenge and
  // gateway key differ), even with the session id rewritten.
  DeviceIdentity identity = NewIdentity();
  PairingSession first = StartPin();
  PairingSession second = StartPin();
  DeviceHello hello = HelloFor(identity, first);
  hello.session_id = second.session_id;
  EXPECT_TRUE(FailedWith(manager_.Verify(hello, kPin), PairingError::kSignatureVerificationFailed,
                         StatusCode::kUnauthenticated));
}

TEST_F(PairingSessionManagerTest, FlippedMacByteDeletesTheSession) {
  DeviceIdentity identity = NewIdentity();
  PairingSession session = StartPin();
  DeviceHello bad = HelloFor(identity, session);
  bad.transcript_mac[31] ^= 0x80;
  EXPECT_TRUE(FailedWith(manager_.Verify(bad, kPin), PairingError::kTranscriptVerificationFailed,
                         StatusCode::kUnauthenticated));
  EXPECT_TRUE(FailedWith(manager_.Verify(HelloFor(identity, session), kPin),
                         PairingError::kSessionNotFound, StatusCode::kNotFound));
}

TEST_F(PairingSessionManagerTest, LowOrderDeviceX25519KeyFailsTheTranscript) {
  // The signature does not cover the X25519 key, so this reaches the MAC step, where the
  // all-zero shared secret is refused rather than accepted as a key.
  DeviceIdentity identity = NewIdentity();
  PairingSession session = StartPin();
  DeviceHello hello = HelloFor(identity, session);
  hello.device_x25519_public = PairingKey{};
  EXPECT_TRUE(FailedWith(manager_.Verify(hello, kPin), PairingError::kTranscriptVerificationFailed,
                         StatusCode::kUnauthenticated));
  EXPECT_EQ(manager_.ActiveSessionCount(), 0u);
}

TEST_F(PairingSessionManagerTest, ExpiresAtTheExactMillisecond) {
  DeviceIdentity identity = NewIdentity();
  PairingSession session = StartPin();
  DeviceHello hello = HelloFor(identity, session);

  now_ = session.expires_at_unix_ms;
  auto result = manager_.Verify(hello, kPin);
  EXPECT_TRUE(FailedWith(result, PairingError::kSessionExpired, StatusCode::kFailedPrecondition));
  EXPECT_EQ(manager_.ActiveSessionCount(), 0u);
  EXPECT_TRUE(FailedWith(manager_.Verify(hello, kPin), PairingError::kSessionNotFound,
                         StatusCode::kNotFound));

  // One millisecond earlier is still fine.
  now_ = kT0;
  PairingSession live = StartPin();
  EXPECT_TRUE(manager_.Verify(HelloFor(identity, live), kPin, live.expires_at_unix_ms - 1).ok());
}

TEST_F(PairingSessionManagerTest, ExpiredSessionsArePrunedAtTheExactMillisecond) {
  PairingSession session = StartPin();
  now_ = session.expires_at_unix_ms - 1;
  StartPin();
  EXPECT_EQ(manager_.ActiveSessionCount(), 2u);
  now_ = session.expires_at_unix_ms;
  StartPin();
  EXPECT_EQ(manager_.ActiveSessionCount(), 2u);  // the first one is gone

  // Verify prunes the others, but reports its own session as expired rather than unknown.
  DeviceIdentity identity = NewIdentity();
  PairingSession target = StartPin();
  DeviceHello hello = HelloFor(identity, target);
  now_ = target.expires_at_unix_ms + 10;
  EXPECT_TRUE(FailedWith(manager_.Verify(hello, kPin), PairingError::kSessionExpired,
                         StatusCode::kFailedPrecondition));
  EXPECT_EQ(manager_.ActiveSessionCount(), 0u);
}

TEST_F(PairingSessionManagerTest, RevokedDeviceCannotPair) {
  DeviceIdentity identity = NewIdentity();
  PairingSession session = StartPin();
  DeviceHello hello = HelloFor(identity, session);
  revoked_.insert(identity.device_id());
  auto result = manager_.Verify(hello, kPin);
  EXPECT_TRUE(FailedWith(result, PairingError::kDeviceRevoked, StatusCode::kPermissionDenied));
  EXPECT_NE(result.status().message().find(identity.device_id()), std::string::npos);
  EXPECT_EQ(manager_.ActiveSessionCount(), 1u);  // checked before the session is looked at

  revoked_.clear();
  EXPECT_TRUE(manager_.Verify(hello, kPin).ok());
}

TEST_F(PairingSessionManagerTest, RevocationCheckCanBeReplaced) {
  PairingSessionManager manager;  // real clock, no revocation check
  DeviceIdentity identity = NewIdentity();
  auto session = manager.Start(ClientKind::kCli, PairingMethod::Pin("123456"));
  ASSERT_TRUE(session.ok());
  DeviceHello hello = HelloFor(identity, *session);
  manager.SetRevocationCheck([](std::string_view) { return true; });
  EXPECT_TRUE(FailedWith(manager.Verify(hello, kPin), PairingError::kDeviceRevoked,
                         StatusCode::kPermissionDenied));
  manager.SetRevocationCheck(nullptr);
  EXPECT_TRUE(manager.Verify(hello, kPin).ok());
}

TEST_F(PairingSessionManagerTest, NonCanonicalDeviceIdIsRejectedFirst) {
  DeviceIdentity identity = NewIdentity();
  PairingSession session = StartPin();
  DeviceHello hello = HelloFor(identity, session);

  struct Case {
    std::string device_id;
    std::string message;
  };
  std::string lower = identity.device_id();
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const Case& c :
       std::vector<Case>{{"", "device_id is required"},
                         {"   ", "device_id is required"},
                         {lower, "device_id must be a canonical ULID"},
                         {identity.device_id() + "0", "device_id must be a canonical ULID"},
                         {"01ARZ3NDEKTSV4RRFFQ69G5FAI", "device_id must be a canonical ULID"},
                         {"../../etc/passwd", "device_id must be a canonical ULID"}}) {
    DeviceHello bad = hello;
    bad.device_id = c.device_id;
    bad.session_id = "no-such-session";  // the id check comes before the lookup
    auto result = manager_.Verify(bad, kPin);
    EXPECT_TRUE(
        FailedWith(result, PairingError::kInvalidCanonicalDeviceId, StatusCode::kInvalidArgument))
        << c.device_id;
    EXPECT_EQ(result.status().message(), c.message);
  }
  EXPECT_EQ(revocation_checks_, 0);
  EXPECT_EQ(manager_.ActiveSessionCount(), 1u);
}

TEST_F(PairingSessionManagerTest, DeviceIdIsBoundByTheSignature) {
  DeviceIdentity identity = NewIdentity();
  PairingSession session = StartPin();
  DeviceHello hello = HelloFor(identity, session);
  hello.device_id = NewUlid();
  EXPECT_TRUE(FailedWith(manager_.Verify(hello, kPin), PairingError::kSignatureVerificationFailed,
                         StatusCode::kUnauthenticated));
}

TEST_F(PairingSessionManagerTest, UnknownSessionIsNotFound) {
  DeviceIdentity identity = NewIdentity();
  PairingSession session = StartPin();
  DeviceHello hello = HelloFor(identity, session);
  hello.session_id = NewUlid();
  EXPECT_TRUE(FailedWith(manager_.Verify(hello, kPin), PairingError::kSessionNotFound,
                         StatusCode::kNotFound));
  hello.session_id.clear();
  EXPECT_TRUE(FailedWith(manager_.Verify(hello, kPin), PairingError::kSessionNotFound,
                         StatusCode::kNotFound));
  EXPECT_EQ(manager_.ActiveSessionCount(), 1u);
}

TEST_F(PairingSessionManagerTest, CancelRemovesASession) {
  DeviceIdentity identity = NewIdentity();
  PairingSession session = StartPin();
  EXPECT_TRUE(manager_.Cancel(session.session_id));
  EXPECT_FALSE(manager_.Cancel(session.session_id));
  EXPECT_TRUE(FailedWith(manager_.Verify(HelloFor(identity, session), kPin),
                         PairingError::kSessionNotFound, StatusCode::kNotFound));
}

TEST_F(PairingSessionManagerTest, ConcurrentVerifiesOfOneHelloSucceedOnce) {
  DeviceIdentity identity = NewIdentity();
  PairingSession session = StartPin();
  DeviceHello hello = HelloFor(identity, session);
  std::atomic<int> successes{0};
  std::atomic<int> not_found{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      auto result = manager_.Verify(hello, kPin);
      if (result.ok()) {
        successes++;
      } else if (result.error().kind == PairingError::kSessionNotFound) {
        not_found++;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(successes.load(), 1);
  EXPECT_EQ(not_found.load(), 7);
}

TEST_F(PairingSessionManagerTest, InvalidMethodIsRejectedAndNotCounted) {
  auto pin = manager_.Start(ClientKind::kNode, PairingMethod::Pin("12345"));
  EXPECT_TRUE(FailedWith(pin, PairingError::kInvalidPairingProof, StatusCode::kInvalidArgument));
  auto qr = manager_.Start(ClientKind::kNode, PairingMethod::Qr("short"));
  EXPECT_TRUE(FailedWith(qr, PairingError::kInvalidPairingProof, StatusCode::kInvalidArgument));
  EXPECT_EQ(manager_.ActiveSessionCount(), 0u);
  EXPECT_EQ(manager_.RecentStartCount(), 0u);
}

TEST_F(PairingSessionManagerTest, LimitsAreClamped) {
  manager_.SetRateLimit(0, 0);
  EXPECT_EQ(manager_.limits().max_starts_per_window, 1u);
  EXPECT_EQ(manager_.limits().start_window_ms, 1);
  manager_.SetRateLimit(5, -100);
  EXPECT_EQ(manager_.limits().max_starts_per_window, 5u);
  EXPECT_EQ(manager_.limits().start_window_ms, 1);

  PairingSessionManager clamped(MakeOptions({0, 0, 0, 0}));
  EXPECT_EQ(clamped.limits().max_starts_per_window, 1u);
  EXPECT_EQ(clamped.limits().start_window_ms, 1);
  EXPECT_EQ(clamped.limits().max_active_sessions, 1u);
  EXPECT_EQ(clamped.limits().session_ttl_ms, 1);

  PairingSessionManager defaults;
  EXPECT_EQ(defaults.limits().max_starts_per_window, 1024u);
  EXPECT_EQ(defaults.limits().start_window_ms, 60'000);
  EXPECT_EQ(defaults.limits().max_active_sessions, 10'000u);
  EXPECT_EQ(defaults.limits().session_ttl_ms, 300'000);
}

TEST_F(PairingSessionManagerTest, OneMillisecondWindowKeepsOnlyTheLatestStart) {
  manager_.SetRateLimit(1024, 1);
  StartPin();
  now_ = kT0 + 1000;
  StartPin();
  EXPECT_EQ(manager_.RecentStartCount(), 1u);
  EXPECT_EQ(manager_.ActiveSessionCount(), 2u);
}

TEST_F(PairingSessionManagerTest, ThirtyTwoStartsOneSecondApartAreFine) {
  for (int i = 0; i < 32; ++i) {
    now_ = kT0 + i * 1000;
    auto session = manager_.Start(ClientKind::kNode, PairingMethod::Pin("123456"));
    ASSERT_TRUE(session.ok()) << i << ": " << session.error().ToString();
  }
  EXPECT_EQ(manager_.ActiveSessionCount(), 32u);
}

TEST_F(PairingSessionManagerTest, SlidingWindowRateLimit) {
  manager_.SetRateLimit(2, 30'000);
  ASSERT_TRUE(manager_.Start(ClientKind::kNode, PairingMethod::Pin("123456")).ok());
  now_ = kT0 + 1000;
  ASSERT_TRUE(manager_.Start(ClientKind::kNode, PairingMethod::Pin("123456")).ok());
  now_ = kT0 + 2000;
  auto limited = manager_.Start(ClientKind::kNode, PairingMethod::Pin("123456"));
  ASSERT_TRUE(
      FailedWith(limited, PairingError::kSessionRateLimited, StatusCode::kResourceExhausted));
  EXPECT_EQ(limited.error().limit, 2u);
  EXPECT_EQ(limited.error().window_ms, 30'000);
  EXPECT_NE(limited.status().message().find("at most 2 per 30000 ms"), std::string::npos)
      << limited.status().ToString();
  // The rate limit is checked before the method.
  EXPECT_TRUE(FailedWith(manager_.Start(ClientKind::kNode, PairingMethod::Pin("bad")),
                         PairingError::kSessionRateLimited, StatusCode::kResourceExhausted));
  now_ = kT0 + 32'000;
  ASSERT_TRUE(manager_.Start(ClientKind::kNode, PairingMethod::Pin("123456")).ok());
}

TEST_F(PairingSessionManagerTest, StartLeavesTheWindowAtExactlyWindowMs) {
  manager_.SetRateLimit(1, 1000);
  ASSERT_TRUE(manager_.Start(ClientKind::kNode, PairingMethod::Pin("123456")).ok());
  now_ = kT0 + 999;
  EXPECT_TRUE(FailedWith(manager_.Start(ClientKind::kNode, PairingMethod::Pin("123456")),
                         PairingError::kSessionRateLimited, StatusCode::kResourceExhausted));
  now_ = kT0 + 1000;  // now - ts >= window
  EXPECT_TRUE(manager_.Start(ClientKind::kNode, PairingMethod::Pin("123456")).ok());
}

TEST_F(PairingSessionManagerTest, CapacityIsTenThousandActiveSessions) {
  PairingSessionLimits limits;
  limits.max_starts_per_window = 1'000'000;
  PairingSessionManager manager(MakeOptions(limits));
  for (int i = 0; i < 10'000; ++i) {
    auto session = manager.Start(ClientKind::kNode, PairingMethod::Pin("123456"));
    ASSERT_TRUE(session.ok()) << i << ": " << session.error().ToString();
  }
  EXPECT_EQ(manager.ActiveSessionCount(), 10'000u);
  auto full = manager.Start(ClientKind::kNode, PairingMethod::Pin("123456"));
  ASSERT_TRUE(
      FailedWith(full, PairingError::kSessionCapacityExceeded, StatusCode::kResourceExhausted));
  EXPECT_EQ(full.error().limit, 10'000u);
  EXPECT_NE(full.status().message().find("limit 10000"), std::string::npos);
  // Capacity is checked before the method.
  EXPECT_TRUE(FailedWith(manager.Start(ClientKind::kNode, PairingMethod::Pin("x")),
                         PairingError::kSessionCapacityExceeded, StatusCode::kResourceExhausted));

  // Once they expire there is room again.
  now_ = kT0 + kDefaultPairingSessionTtlMs;
  EXPECT_TRUE(manager.Start(ClientKind::kNode, PairingMethod::Pin("123456")).ok());
  EXPECT_EQ(manager.ActiveSessionCount(), 1u);
}

TEST_F(PairingSessionManagerTest, ErrorNamesFollowTheSpec) {
  EXPECT_EQ(PairingErrorName(PairingError::kInvalidCanonicalDeviceId), "InvalidCanonicalDeviceId");
  EXPECT_EQ(PairingErrorName(PairingError::kInvalidPairingProof), "InvalidPairingProof");
  EXPECT_EQ(PairingErrorName(PairingError::kSessionNotFound), "PairingSessionNotFound");
  EXPECT_EQ(PairingErrorName(PairingError::kSessionExpired), "PairingSessionExpired");
  EXPECT_EQ(PairingErrorName(PairingError::kSessionCapacityExceeded),
            "PairingSessionCapacityExceeded");
  EXPECT_EQ(PairingErrorName(PairingError::kSessionRateLimited), "PairingSessionRateLimited");
  EXPECT_EQ(PairingErrorName(PairingError::kVersionMismatch), "PairingVersionMismatch");
  EXPECT_EQ(PairingErrorName(PairingError::kClientKindMismatch), "PairingClientKindMismatch");
  EXPECT_EQ(PairingErrorName(PairingError::kSignatureVerificationFailed),
            "SignatureVerificationFailed");
  EXPECT_EQ(PairingErrorName(PairingError::kTranscriptVerificationFailed),
            "TranscriptVerificationFailed");
  EXPECT_EQ(PairingErrorName(PairingError::kDeviceRevoked), "DeviceRevoked");
}

// A Result<T, PairingFailure> works with the project's error macros.
Result<std::string> SessionIdOf(PairingSessionManager& manager) {
  PALYRA_ASSIGN_OR_RETURN(PairingSession session,
                          manager.Start(ClientKind::kNode, PairingMethod::Pin("123456")));
  return session.session_id;
}

TEST_F(PairingSessionManagerTest, PairingFailureResultWorksWithStatusMacros) {
  auto id = SessionIdOf(manager_);
  ASSERT_TRUE(id.ok());
  EXPECT_TRUE(IsCanonicalUlid(*id));
  manager_.SetRateLimit(1, 60'000);
  auto limited = SessionIdOf(manager_);
  EXPECT_EQ(limited.status().code(), StatusCode::kResourceExhausted);
}

// The comparisons Verify relies on (crypto::ConstantTimeEquals): equal, same length but
// different, and different lengths (including a prefix).
TEST(ConstantTimeCompareTest, Cases) {
  EXPECT_TRUE(crypto::ConstantTimeEquals(std::string_view("123456"), std::string_view("123456")));
  EXPECT_TRUE(crypto::ConstantTimeEquals(std::string_view(""), std::string_view("")));
  EXPECT_FALSE(crypto::ConstantTimeEquals(std::string_view("123456"), std::string_view("123457")));
  EXPECT_FALSE(crypto::ConstantTimeEquals(std::string_view("023456"), std::string_view("123456")));
  EXPECT_FALSE(crypto::ConstantTimeEquals(std::string_view("123456"), std::string_view("1234567")));
  EXPECT_FALSE(crypto::ConstantTimeEquals(std::string_view("1234567"), std::string_view("123456")));
  EXPECT_FALSE(crypto::ConstantTimeEquals(std::string_view(""), std::string_view("1")));
  PairingMac a{}, b{};
  EXPECT_TRUE(crypto::ConstantTimeEquals(a, b));
  b[31] = 1;
  EXPECT_FALSE(crypto::ConstantTimeEquals(a, b));
}

}  // namespace
}  // namespace palyra::identity
