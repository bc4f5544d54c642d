// PairingCoordinator end to end: real SQLite in temp dirs, real crypto, the device side played
// with BuildDeviceHello.

#include "identity/pairing/pairing_coordinator.h"

#include <thread>
#include <tuple>
#include <vector>

#include "crypto/certificate.h"
#include "crypto/pem.h"
#include "identity/store/device_registry.h"
#include "pairing_test_util.h"

namespace palyra::identity {
namespace {

using testing::CodeState;
using testing::FailsWith;
using testing::FakeClock;
using testing::kMinuteMs;
using testing::kSecondMs;
using testing::MethodFor;
using testing::MintRequest;
using testing::NewCsr;
using testing::NewDevice;
using testing::QueryInt;
using testing::QueryText;
using testing::TempDir;

constexpr auto kPin = PairingMethod::Kind::kPin;
constexpr auto kQr = PairingMethod::Kind::kQr;
using S = PairingRequestState;

class CoordinatorTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(testing::OptionsFor(dir_, &clock_)); }

  void Open(PairingCoordinatorOptions options) {
    coordinator_.reset();
    coordinator_ = testing::OpenCoordinator(std::move(options));
    ASSERT_NE(coordinator_, nullptr);
  }

  MintedCode Mint(PairingMethod::Kind kind = kPin, bool auto_approve = false,
                  std::optional<int64_t> ttl = std::nullopt) {
    MintCodeRequest request = MintRequest(kind, auto_approve);
    request.ttl_ms = ttl;
    auto minted = coordinator_->MintCode(request);
    EXPECT_TRUE(minted.ok()) << minted.status().ToString();
    return minted.ok() ? *minted : MintedCode{};
  }

  CompletedPairing Pair(const DeviceIdentity& device, const MintedCode& code,
                        const std::optional<std::string>& csr = {}) {
    auto completed = testing::PairDevice(*coordinator_, device, code.info.method, code.code, csr);
    EXPECT_TRUE(completed.ok()) << completed.status().ToString();
    return completed.ok() ? *completed : CompletedPairing{};
  }

  PairingStatus Status(const std::string& request_id, const std::string& device_id) {
    auto status = coordinator_->GetStatus(request_id, device_id);
    EXPECT_TRUE(status.ok()) << status.status().ToString();
    return status.ok() ? std::move(*status) : PairingStatus{};
  }

  // Begin with `code`, then a hello the test may tamper with.
  std::pair<PairingSession, DeviceHello> BeginAndHello(const DeviceIdentity& device,
                                                       const MintedCode& code,
                                                       const std::string& proof) {
    auto session =
        coordinator_->BeginPairing(ClientKind::kNode, MethodFor(code.info.method, code.code));
    EXPECT_TRUE(session.ok()) << session.status().ToString();
    if (!session.ok()) return {};
    auto hello = BuildDeviceHello(device, *session, proof);
    EXPECT_TRUE(hello.ok()) << hello.status().ToString();
    return {*session, hello.ok() ? *hello : DeviceHello{}};
  }

  store::Database& Db() {
    if (!db_) db_ = testing::OpenDb(dir_ / "palyra.db");
    return *db_;
  }

  int64_t FailedAttempts(const std::string& code_id) {
    return QueryInt(Db(),
                    "SELECT failed_attempts FROM pairing_codes WHERE code_id = '" + code_id + "'");
  }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<PairingCoordinator> coordinator_;
  std::unique_ptr<store::Database> db_;
};

// ---- Happy paths: PIN and QR, with and without a CSR ----

class HappyPathTest : public CoordinatorTest,
                      public ::testing::WithParamInterface<std::tuple<PairingMethod::Kind, bool>> {
};

TEST_P(HappyPathTest, PairsAfterOperatorApproval) {
  const auto [kind, with_csr] = GetParam();
  DeviceIdentity device = NewDevice();
  std::optional<testing::DeviceKeyAndCsr> csr;
  if (with_csr) csr = NewCsr(device.device_id());
  MintedCode code = Mint(kind);
  ASSERT_EQ(code.code.size(), kind == kPin ? 6u : 26u);

  CompletedPairing completed =
      Pair(device, code, csr ? std::optional<std::string>(csr->csr_pem) : std::nullopt);
  EXPECT_TRUE(IsCanonicalUlid(completed.request_id));
  EXPECT_EQ(completed.state, S::kPendingApproval);
  EXPECT_EQ(completed.identity_fingerprint, device.FingerprintHex());
  EXPECT_EQ(completed.transcript_hash.size(), 64u);
  EXPECT_EQ(completed.expires_at_unix_ms, clock_.Now() + kDefaultPairingApprovalTimeoutMs);
  EXPECT_EQ(CodeState(Db(), code.info.code_id), "consumed");

  // Pending: nothing to collect yet.
  PairingStatus pending = Status(completed.request_id, device.device_id());
  EXPECT_EQ(pending.state, S::kPendingApproval);
  EXPECT_FALSE(pending.paired);
  EXPECT_TRUE(pending.certificate_pem.empty());
  EXPECT_FALSE(pending.private_key_pem);
  EXPECT_EQ(pending.transcript_hash, completed.transcript_hash);

  auto approved = coordinator_->Approve(completed.request_id, "operator:bob");
  ASSERT_TRUE(approved.ok()) << approved.status().ToString();
  EXPECT_EQ(approved->state, S::kApproved);
  EXPECT_EQ(approved->decided_by, "operator:bob");
  EXPECT_EQ(approved->reason, kReasonApprovedByOperator);

  clock_.Advance(kSecondMs);
  PairingStatus done = Status(completed.request_id, device.device_id());
  ASSERT_EQ(done.state, S::kCompleted) << done.reason;
  EXPECT_TRUE(done.paired);
  EXPECT_EQ(done.identity_fingerprint, device.FingerprintHex());
  EXPECT_EQ(done.ca_certificate_pem, coordinator_->ca().CertificatePem());
  auto cert = crypto::Certificate::FromPem(done.certificate_pem);
  ASSERT_TRUE(cert.ok()) << cert.status().ToString();
  EXPECT_EQ(cert->SubjectCommonName(), "Palyra Device " + device.device_id());
  EXPECT_TRUE(cert->HasClientAuth());
  EXPECT_TRUE(cert->VerifySignedBy(coordinator_->ca().certificate()).ok());
  EXPECT_EQ(done.cert_expires_at_unix_ms, cert->NotAfterUnixMs());
  EXPECT_NEAR(static_cast<double>(done.cert_expires_at_unix_ms - clock_.Now()),
              static_cast<double>(kDefaultLeafValidityMs), 2000.0);
  auto cert_key = cert->PublicKey();
  ASSERT_TRUE(cert_key.ok());
  if (with_csr) {
    // The device's own key was certified; no key travels.
    EXPECT_TRUE(*cert_key == csr->key.PublicKey());
    EXPECT_FALSE(done.private_key_pem);
    EXPECT_FALSE(done.private_key_already_delivered);
  } else {
    ASSERT_TRUE(done.private_key_pem);
    auto key = crypto::P256PrivateKey::FromPkcs8Pem(done.private_key_pem->view());
    ASSERT_TRUE(key.ok());
    EXPECT_TRUE(*cert_key == key->PublicKey());
  }

  // The device is paired, with its identity key.
  EXPECT_EQ(QueryText(Db(), "SELECT identity_fingerprint FROM paired_devices WHERE device_id = '" +
                                device.device_id() + "'"),
            device.FingerprintHex());
  EXPECT_EQ(QueryText(Db(),
                      "SELECT certificate_fingerprint FROM paired_devices WHERE "
                      "device_id = '" +
                          device.device_id() + "'"),
            cert->FingerprintSha256Hex());

  // Delivered once: later calls return the certificate without a key.
  PairingStatus again = Status(completed.request_id, device.device_id());
  EXPECT_EQ(again.state, S::kCompleted);
  EXPECT_EQ(again.certificate_pem, done.certificate_pem);
  EXPECT_FALSE(again.private_key_pem);
  EXPECT_EQ(again.private_key_already_delivered, !with_csr);
  if (!with_csr) {
    EXPECT_NE(again.reason.find("delivered"), std::string::npos) << again.reason;
  }

  // Never a private key or the code at rest.
  const std::string bytes = testing::DatabaseBytes(dir_ / "palyra.db");
  EXPECT_EQ(bytes.find("PRIVATE KEY"), std::string::npos);
  EXPECT_EQ(bytes.find(code.code), std::string::npos);

  auto request = coordinator_->GetRequest(completed.request_id);
  ASSERT_TRUE(request.ok());
  EXPECT_EQ(request->method_label, kind == kPin ? "pin:******" : "qr:(26 bytes)");
  EXPECT_EQ(request->code_id, code.info.code_id);
  EXPECT_EQ(request->key_source, with_csr ? PairingKeySource::kCsr : PairingKeySource::kGateway);
  EXPECT_EQ(request->key_delivered_at_unix_ms.has_value(), !with_csr);
  EXPECT_EQ(request->certificate_fingerprint, cert->FingerprintSha256Hex());
  EXPECT_EQ(request->signing_public_key_hex, device.signing_public_key().Hex());
}

INSTANTIATE_TEST_SUITE_P(MethodsAndKeys, HappyPathTest,
                         ::testing::Combine(::testing::Values(kPin, kQr), ::testing::Bool()),
                         [](const auto& param_info) {
                           return std::string(std::get<0>(param_info.param) == kPin ? "Pin"
                                                                                    : "Qr") +
                                  (std::get<1>(param_info.param) ? "WithCsr" : "GatewayKey");
                         });

TEST_F(CoordinatorTest, AutoApproveCodeCompletesWithoutAnOperator) {
  DeviceIdentity device = NewDevice();
  MintedCode code = Mint(kQr, /*auto_approve=*/true);
  EXPECT_TRUE(code.info.auto_approve);
  CompletedPairing completed = Pair(device, code);
  EXPECT_EQ(completed.state, S::kApproved);
  EXPECT_EQ(completed.reason, kReasonAutoApproved);
  auto request = coordinator_->GetRequest(completed.request_id);
  ASSERT_TRUE(request.ok());
  EXPECT_EQ(request->decided_by, "operator:alice");  // the code's issuer
  PairingStatus status = Status(completed.request_id, device.device_id());
  EXPECT_EQ(status.state, S::kCompleted);
  EXPECT_TRUE(status.private_key_pem);
}

TEST_F(CoordinatorTest, EmptyHelloProofMeansTheReservedCode) {
  DeviceIdentity device = NewDevice();
  MintedCode code = Mint(kPin, true);
  auto [session, hello] = BeginAndHello(device, code, code.code);
  hello.proof.clear();  // upstream ignores the field; the device signed the real code
  auto completed = coordinator_->CompletePairing(hello);
  ASSERT_TRUE(completed.ok()) << completed.status().ToString();
  EXPECT_EQ(completed->state, S::kApproved);
}

TEST_F(CoordinatorTest, IdentityChangeNeedsExplicitConfirmation) {
  const std::string id = NewUlid();
  DeviceIdentity first = NewDevice(id);
  Pair(first, Mint(kPin, true));
  auto first_status = coordinator_->GetStatus(
      coordinator_->ListRequests(testing::Filter(std::nullopt, id))->front().request_id, id);
  ASSERT_TRUE(first_status.ok());
  ASSERT_EQ(first_status->state, S::kCompleted);
  const std::string old_fp =
      crypto::Certificate::FromPem(first_status->certificate_pem)->FingerprintSha256Hex();

  // Same device id, new identity key, pre-authorised code: not auto-approved.
  DeviceIdentity second = NewDevice(id);
  CompletedPairing completed = Pair(second, Mint(kPin, true));
  EXPECT_EQ(completed.state, S::kPendingApproval);
  EXPECT_TRUE(FailsWith(coordinator_->Approve(completed.request_id, "operator:bob"),
                        StatusCode::kFailedPrecondition, "different identity key"));
  EXPECT_EQ(coordinator_->GetRequest(completed.request_id)->state, S::kPendingApproval);
  auto approved = coordinator_->Approve(completed.request_id, "operator:bob", "new laptop",
                                        {.confirm_identity_change = true});
  ASSERT_TRUE(approved.ok()) << approved.status().ToString();
  EXPECT_TRUE(approved->identity_change_confirmed);
  PairingStatus status = Status(completed.request_id, id);
  ASSERT_EQ(status.state, S::kCompleted) << status.reason;
  EXPECT_EQ(QueryText(Db(), "SELECT identity_fingerprint FROM paired_devices WHERE device_id = '" +
                                id + "'"),
            second.FingerprintHex());
  EXPECT_EQ(QueryInt(Db(), "SELECT count(*) FROM revoked_certificates WHERE fingerprint = '" +
                               old_fp + "'"),
            1);
}

// ---- Decisions and the state machine ----

TEST_F(CoordinatorTest, RejectedRequestNeverPairs) {
  DeviceIdentity device = NewDevice();
  CompletedPairing completed = Pair(device, Mint());
  auto rejected = coordinator_->Reject(completed.request_id, "operator:bob", "unknown device");
  ASSERT_TRUE(rejected.ok()) << rejected.status().ToString();
  EXPECT_EQ(rejected->state, S::kRejected);
  EXPECT_EQ(rejected->reason, "unknown device");
  PairingStatus status = Status(completed.request_id, device.device_id());
  EXPECT_EQ(status.state, S::kRejected);
  EXPECT_FALSE(status.paired);
  EXPECT_TRUE(status.certificate_pem.empty());
  EXPECT_TRUE(FailsWith(coordinator_->Approve(completed.request_id, "operator:bob"),
                        StatusCode::kFailedPrecondition, "cannot go from rejected to approved"));
  EXPECT_TRUE(FailsWith(coordinator_->Reject(completed.request_id, "operator:bob"),
                        StatusCode::kFailedPrecondition, "cannot go from rejected to rejected"));
  EXPECT_EQ(QueryInt(Db(), "SELECT count(*) FROM paired_devices"), 0);
  // Default reason.
  CompletedPairing other = Pair(NewDevice(), Mint());
  EXPECT_EQ(coordinator_->Reject(other.request_id, "operator:bob")->reason,
            kReasonRejectedByOperator);
}

TEST_F(CoordinatorTest, IllegalTransitionsAreRefused) {
  DeviceIdentity device = NewDevice();
  CompletedPairing completed = Pair(device, Mint());
  ASSERT_TRUE(coordinator_->Approve(completed.request_id, "operator:bob").ok());
  EXPECT_TRUE(FailsWith(coordinator_->Approve(completed.request_id, "operator:bob"),
                        StatusCode::kFailedPrecondition, "cannot go from approved to approved"));
  EXPECT_TRUE(FailsWith(coordinator_->Reject(completed.request_id, "operator:bob"),
                        StatusCode::kFailedPrecondition, "cannot go from approved to rejected"));
  ASSERT_EQ(Status(completed.request_id, device.device_id()).state, S::kCompleted);
  EXPECT_TRUE(FailsWith(coordinator_->Approve(completed.request_id, "operator:bob"),
                        StatusCode::kFailedPrecondition, "cannot go from completed to approved"));
  EXPECT_TRUE(FailsWith(coordinator_->Reject(completed.request_id, "operator:bob"),
                        StatusCode::kFailedPrecondition, "cannot go from completed to rejected"));
}

TEST_F(CoordinatorTest, DecisionInputsAreValidated) {
  CompletedPairing completed = Pair(NewDevice(), Mint());
  EXPECT_TRUE(FailsWith(coordinator_->Approve(completed.request_id, ""),
                        StatusCode::kInvalidArgument, "decided_by is required"));
  EXPECT_TRUE(FailsWith(coordinator_->Approve(completed.request_id, "op", std::string(600, 'x')),
                        StatusCode::kInvalidArgument, "reason is too long"));
  EXPECT_TRUE(
      FailsWith(coordinator_->Approve("nope", "op"), StatusCode::kInvalidArgument, "request_id"));
  EXPECT_TRUE(
      FailsWith(coordinator_->Approve(NewUlid(), "op"), StatusCode::kNotFound, "not found"));
  EXPECT_EQ(coordinator_->GetRequest(completed.request_id)->state, S::kPendingApproval);
}

TEST_F(CoordinatorTest, ApprovalTimeoutDeniesNeverApproves) {
  PairingCoordinatorOptions options = testing::OptionsFor(dir_, &clock_);
  options.approval_timeout_ms = 2 * kMinuteMs;
  Open(options);
  DeviceIdentity device = NewDevice();
  CompletedPairing completed = Pair(device, Mint());
  clock_.Advance(2 * kMinuteMs - 1);
  EXPECT_EQ(Status(completed.request_id, device.device_id()).state, S::kPendingApproval);
  clock_.Advance(1);
  PairingStatus status = Status(completed.request_id, device.device_id());
  EXPECT_EQ(status.state, S::kExpired);
  EXPECT_FALSE(status.paired);
  EXPECT_NE(status.reason.find("approval timed out"), std::string::npos) << status.reason;
  EXPECT_NE(status.reason.find("denied"), std::string::npos) << status.reason;
  EXPECT_TRUE(FailsWith(coordinator_->Approve(completed.request_id, "operator:bob"),
                        StatusCode::kFailedPrecondition, "cannot go from expired to approved"));
  EXPECT_EQ(QueryInt(Db(), "SELECT count(*) FROM paired_devices"), 0);

  // An approval that arrives late expires the request (committed) and is refused.
  CompletedPairing late = Pair(NewDevice(), Mint());
  clock_.Advance(2 * kMinuteMs);
  EXPECT_TRUE(FailsWith(coordinator_->Approve(late.request_id, "operator:bob"),
                        StatusCode::kFailedPrecondition, "approval timed out"));
  auto request = coordinator_->GetRequest(late.request_id);
  ASSERT_TRUE(request.ok());
  EXPECT_EQ(request->state, S::kExpired);
  EXPECT_FALSE(request->decided_by.has_value());
}

TEST_F(CoordinatorTest, ApprovedButUncollectedExpires) {
  PairingCoordinatorOptions options = testing::OptionsFor(dir_, &clock_);
  options.approval_timeout_ms = kMinuteMs;
  Open(options);
  DeviceIdentity device = NewDevice();
  CompletedPairing completed = Pair(device, Mint());
  clock_.Advance(30 * kSecondMs);
  auto approved = coordinator_->Approve(completed.request_id, "operator:bob");
  ASSERT_TRUE(approved.ok());
  // The device gets a full timeout from the approval to collect.
  EXPECT_EQ(approved->expires_at_unix_ms, clock_.Now() + kMinuteMs);
  clock_.Advance(kMinuteMs);
  PairingStatus status = Status(completed.request_id, device.device_id());
  EXPECT_EQ(status.state, S::kExpired);
  EXPECT_NE(status.reason.find("did not collect"), std::string::npos) << status.reason;
  EXPECT_EQ(QueryInt(Db(), "SELECT count(*) FROM paired_devices"), 0);
}

TEST_F(CoordinatorTest, ApprovalWindowIsIndependentOfTheCodeTtl) {
  DeviceIdentity device = NewDevice();
  CompletedPairing completed = Pair(device, Mint(kPin, false, 30 * kSecondMs));
  clock_.Advance(5 * kMinuteMs);  // the code is long expired
  ASSERT_TRUE(coordinator_->Approve(completed.request_id, "operator:bob").ok());
  EXPECT_EQ(Status(completed.request_id, device.device_id()).state, S::kCompleted);
}

TEST_F(CoordinatorTest, StatusChecksTheCaller) {
  DeviceIdentity device = NewDevice();
  CompletedPairing completed = Pair(device, Mint());
  EXPECT_TRUE(FailsWith(coordinator_->GetStatus(NewUlid(), device.device_id()),
                        StatusCode::kNotFound, "not found"));
  EXPECT_TRUE(FailsWith(coordinator_->GetStatus(completed.request_id, NewUlid()),
                        StatusCode::kPermissionDenied, "another device"));
  EXPECT_TRUE(FailsWith(coordinator_->GetStatus("", device.device_id()),
                        StatusCode::kInvalidArgument, "session_id"));
  EXPECT_TRUE(FailsWith(coordinator_->GetStatus(completed.request_id, "x"),
                        StatusCode::kInvalidArgument, "device_id"));
  // Another device cannot collect an approved request's material either.
  ASSERT_TRUE(coordinator_->Approve(completed.request_id, "operator:bob").ok());
  EXPECT_TRUE(FailsWith(coordinator_->GetStatus(completed.request_id, NewUlid()),
                        StatusCode::kPermissionDenied, "another device"));
  EXPECT_EQ(coordinator_->GetRequest(completed.request_id)->state, S::kApproved);
}

TEST_F(CoordinatorTest, FinalizeRefusesADeviceRevokedAfterApproval) {
  DeviceIdentity device = NewDevice();
  CompletedPairing completed = Pair(device, Mint());
  ASSERT_TRUE(coordinator_->Approve(completed.request_id, "operator:bob").ok());
  {
    // Another process revokes the device.
    auto registry = ::palyra::testing::OpenRegistry(dir_ / "palyra.db",
                                                    dir_ / "gateway-ca.key.pem", clock_.Now());
    ASSERT_TRUE(registry.ok()) << registry.status().ToString();
    ASSERT_TRUE((*registry)->Revoke(device.device_id(), "stolen", clock_.Now()).ok());
  }
  PairingStatus status = Status(completed.request_id, device.device_id());
  EXPECT_EQ(status.state, S::kRejected);
  EXPECT_FALSE(status.paired);
  EXPECT_TRUE(status.certificate_pem.empty());
  EXPECT_FALSE(status.private_key_pem);
  EXPECT_NE(status.reason.find("revoked"), std::string::npos) << status.reason;
  EXPECT_EQ(QueryInt(Db(), "SELECT count(*) FROM paired_devices"), 0);
  EXPECT_EQ(QueryInt(Db(), "SELECT sequence FROM gateway_ca"), 0) << "no certificate issued";
  EXPECT_EQ(Status(completed.request_id, device.device_id()).state, S::kRejected);
}

TEST_F(CoordinatorTest, RevokedDeviceCannotPairOrBeApproved) {
  DeviceIdentity device = NewDevice();
  CompletedPairing completed = Pair(device, Mint());
  {
    auto registry = ::palyra::testing::OpenRegistry(dir_ / "palyra.db",
                                                    dir_ / "gateway-ca.key.pem", clock_.Now());
    ASSERT_TRUE(registry.ok());
    ASSERT_TRUE((*registry)->Revoke(device.device_id(), "", clock_.Now()).ok());
  }
  EXPECT_TRUE(FailsWith(coordinator_->Approve(completed.request_id, "operator:bob"),
                        StatusCode::kFailedPrecondition, "is revoked"));
  // A new pairing attempt fails verification; the code is released, not counted.
  MintedCode code = Mint();
  auto again = testing::PairDevice(*coordinator_, device, kPin, code.code);
  EXPECT_TRUE(FailsWith(again, StatusCode::kPermissionDenied, "revoked"));
  EXPECT_EQ(CodeState(Db(), code.info.code_id), "active");
  EXPECT_EQ(FailedAttempts(code.info.code_id), 0);
}

// ---- Codes, proofs and failure accounting ----

TEST_F(CoordinatorTest, WrongProofFiveTimesBurnsTheCode) {
  MintedCode code = Mint();
  const std::string wrong = code.code == "000000" ? "111111" : "000000";
  for (int attempt = 1; attempt <= 5; ++attempt) {
    DeviceIdentity device = NewDevice();
    auto [session, hello] = BeginAndHello(device, code, wrong);
    auto completed = coordinator_->CompletePairing(hello);
    ASSERT_TRUE(FailsWith(completed, StatusCode::kUnauthenticated, "pairing verification failed"))
        << "attempt " << attempt;
    EXPECT_EQ(FailedAttempts(code.info.code_id), attempt);
    if (attempt < 5) {
      EXPECT_EQ(CodeState(Db(), code.info.code_id), "active");
      EXPECT_NE(completed.status().message().find("try again"), std::string::npos);
    } else {
      EXPECT_EQ(CodeState(Db(), code.info.code_id), "burned");
      EXPECT_NE(completed.status().message().find("can no longer be used"), std::string::npos)
          << completed.status().message();
    }
  }
  EXPECT_TRUE(
      FailsWith(coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Pin(code.code)),
                StatusCode::kFailedPrecondition, "unknown, expired or already used"));
  EXPECT_EQ(QueryInt(Db(), "SELECT count(*) FROM pairing_requests"), 0);
}

TEST_F(CoordinatorTest, TamperedHelloCountsAsAFailedAttempt) {
  MintedCode code = Mint();
  DeviceIdentity device = NewDevice();
  auto [session, hello] = BeginAndHello(device, code, code.code);
  hello.challenge_signature[0] ^= 1;
  EXPECT_TRUE(
      FailsWith(coordinator_->CompletePairing(hello), StatusCode::kUnauthenticated, "signature"));
  EXPECT_EQ(FailedAttempts(code.info.code_id), 1);
  auto [session2, hello2] = BeginAndHello(device, code, code.code);
  hello2.transcript_mac[0] ^= 1;
  EXPECT_TRUE(
      FailsWith(coordinator_->CompletePairing(hello2), StatusCode::kUnauthenticated, "transcript"));
  EXPECT_EQ(FailedAttempts(code.info.code_id), 2);
  // A correct attempt still works afterwards.
  EXPECT_EQ(Pair(device, code).state, S::kPendingApproval);
}

TEST_F(CoordinatorTest, GlobalFailureBudgetThrottlesThenRecovers) {
  PairingCoordinatorOptions options = testing::OptionsFor(dir_, &clock_);
  options.global_failure_budget = {.max_failures = 3, .window_ms = 60'000};
  Open(options);
  MintedCode code = Mint();
  const std::string wrong = code.code == "000000" ? "111111" : "000000";
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(FailsWith(coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Pin(wrong)),
                          StatusCode::kFailedPrecondition, "unknown"));
    clock_.Advance(kSecondMs);
  }
  EXPECT_EQ(coordinator_->RecentGlobalFailures(), 3u);
  // Even the right code is thrown back while the budget is exhausted, and it stays untouched.
  EXPECT_TRUE(
      FailsWith(coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Pin(code.code)),
                StatusCode::kResourceExhausted, "too many failed pairing attempts; retry in 57 s"));
  EXPECT_EQ(CodeState(Db(), code.info.code_id), "active");
  clock_.Advance(57 * kSecondMs);
  auto session = coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Pin(code.code));
  ASSERT_TRUE(session.ok()) << session.status().ToString();
}

TEST_F(CoordinatorTest, PeerFailureBudget) {
  PairingCoordinatorOptions options = testing::OptionsFor(dir_, &clock_);
  options.peer_failure_budget = {.max_failures = 2, .window_ms = 60'000};
  Open(options);
  MintedCode code = Mint();
  const std::string wrong = code.code == "000000" ? "111111" : "000000";
  for (int i = 0; i < 2; ++i) {
    EXPECT_FALSE(
        coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Pin(wrong), "10.0.0.7").ok());
  }
  EXPECT_TRUE(FailsWith(
      coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Pin(code.code), "10.0.0.7"),
      StatusCode::kResourceExhausted, "too many failed pairing attempts"));
  EXPECT_TRUE(
      coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Pin(code.code), "10.0.0.8")
          .ok());
}

TEST_F(CoordinatorTest, ExpiredUnknownAndMalformedCodes) {
  MintedCode code = Mint(kPin, false, 30 * kSecondMs);
  clock_.Advance(30 * kSecondMs);
  EXPECT_TRUE(
      FailsWith(coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Pin(code.code)),
                StatusCode::kFailedPrecondition, "unknown, expired or already used"));
  EXPECT_EQ(coordinator_->RecentGlobalFailures(), 1u);
  // A code presented under the other method is malformed for it (a QR token is never 6
  // digits, a PIN never 16+ bytes): INVALID_ARGUMENT, not counted.
  MintedCode qr = Mint(kQr);
  EXPECT_TRUE(FailsWith(coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Pin(qr.code)),
                        StatusCode::kInvalidArgument, "PIN"));
  EXPECT_TRUE(FailsWith(coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Qr("123456")),
                        StatusCode::kInvalidArgument, "QR"));
  // Surrounding whitespace is trimmed.
  MintCodeRequest digits = MintRequest(kQr);
  digits.qr_token = "1234567890123456";
  ASSERT_TRUE(coordinator_->MintCode(digits).ok());
  EXPECT_TRUE(
      coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Qr(" 1234567890123456\n")).ok());
  EXPECT_EQ(coordinator_->RecentGlobalFailures(), 1u) << "malformed codes are not counted";
}

TEST_F(CoordinatorTest, ReusedOrUnknownSessionIsNotFound) {
  DeviceIdentity device = NewDevice();
  MintedCode code = Mint();
  auto [session, hello] = BeginAndHello(device, code, code.code);
  ASSERT_TRUE(coordinator_->CompletePairing(hello).ok());
  EXPECT_TRUE(FailsWith(coordinator_->CompletePairing(hello), StatusCode::kNotFound,
                        "pairing session not found"));
  hello.session_id = NewUlid();
  EXPECT_TRUE(FailsWith(coordinator_->CompletePairing(hello), StatusCode::kNotFound,
                        "pairing session not found"));
  hello.session_id = "";
  EXPECT_TRUE(
      FailsWith(coordinator_->CompletePairing(hello), StatusCode::kInvalidArgument, "session_id"));
  EXPECT_EQ(QueryInt(Db(), "SELECT count(*) FROM pairing_requests"), 1);
}

TEST_F(CoordinatorTest, BadDeviceIdChangesNothing) {
  DeviceIdentity device = NewDevice();
  MintedCode code = Mint();
  auto [session, hello] = BeginAndHello(device, code, code.code);
  DeviceHello bad = hello;
  bad.device_id = "not-canonical";
  EXPECT_TRUE(
      FailsWith(coordinator_->CompletePairing(bad), StatusCode::kInvalidArgument, "device_id"));
  EXPECT_EQ(CodeState(Db(), code.info.code_id), "reserved");
  // The session is still usable.
  EXPECT_TRUE(coordinator_->CompletePairing(hello).ok());
}

TEST_F(CoordinatorTest, ExpiredSessionReleasesTheCodeUncounted) {
  DeviceIdentity device = NewDevice();
  MintedCode code = Mint();
  auto [session, hello] = BeginAndHello(device, code, code.code);
  clock_.Advance(kDefaultPairingSessionTtlMs);
  EXPECT_TRUE(
      FailsWith(coordinator_->CompletePairing(hello), StatusCode::kFailedPrecondition, "expired"));
  EXPECT_EQ(CodeState(Db(), code.info.code_id), "active");
  EXPECT_EQ(FailedAttempts(code.info.code_id), 0);
  EXPECT_EQ(Pair(device, code).state, S::kPendingApproval);
}

TEST_F(CoordinatorTest, AbandonedSessionBindingsAreDroppedOnceDead) {
  // Three devices begin and never complete.
  for (int i = 0; i < 3; ++i) {
    MintedCode code = Mint(kQr);
    ASSERT_TRUE(
        coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Qr(code.code)).ok());
  }
  EXPECT_EQ(coordinator_->BoundSessionCount(), 3u);
  // Still within the reservation slack: kept.
  clock_.Advance(kDefaultPairingSessionTtlMs);
  MintedCode live = Mint(kQr);
  ASSERT_TRUE(coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Qr(live.code)).ok());
  EXPECT_EQ(coordinator_->BoundSessionCount(), 4u);
  // Past it: the next session start drops the three dead ones, not the live one.
  clock_.Advance(kReservationSlackMs);
  MintedCode next = Mint(kQr);
  ASSERT_TRUE(coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Qr(next.code)).ok());
  EXPECT_EQ(coordinator_->BoundSessionCount(), 2u);
  // Prune drops whatever is dead, whenever it runs.
  clock_.Advance(kDefaultPairingSessionTtlMs + kReservationSlackMs);
  ASSERT_TRUE(coordinator_->Prune().ok());
  EXPECT_EQ(coordinator_->BoundSessionCount(), 0u);
}

TEST_F(CoordinatorTest, SessionStartFailureReleasesTheCode) {
  PairingCoordinatorOptions options = testing::OptionsFor(dir_, &clock_);
  options.session_limits.max_starts_per_window = 1;
  Open(options);
  MintedCode first = Mint();
  MintedCode second = Mint();
  ASSERT_TRUE(coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Pin(first.code)).ok());
  EXPECT_TRUE(
      FailsWith(coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Pin(second.code)),
                StatusCode::kResourceExhausted, "too many pairing sessions"));
  EXPECT_EQ(CodeState(Db(), second.info.code_id), "active");
  EXPECT_EQ(coordinator_->RecentGlobalFailures(), 0u);
}

TEST_F(CoordinatorTest, CancelledCodeCannotBeUsed) {
  MintedCode code = Mint();
  auto cancelled = coordinator_->CancelCode(code.info.code_id);
  ASSERT_TRUE(cancelled.ok() && *cancelled);
  EXPECT_FALSE(coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Pin(code.code)).ok());
  auto live = coordinator_->ListCodes();
  ASSERT_TRUE(live.ok());
  EXPECT_TRUE(live->empty());
}

TEST_F(CoordinatorTest, CodeCancelledDuringSessionIsNotConsumed) {
  DeviceIdentity device = NewDevice();
  MintedCode code = Mint();
  auto [session, hello] = BeginAndHello(device, code, code.code);
  ASSERT_TRUE(coordinator_->CancelCode(code.info.code_id).value());
  EXPECT_TRUE(FailsWith(coordinator_->CompletePairing(hello), StatusCode::kFailedPrecondition,
                        "no longer reserved"));
  EXPECT_EQ(CodeState(Db(), code.info.code_id), "cancelled");
  EXPECT_EQ(QueryInt(Db(), "SELECT count(*) FROM pairing_requests"), 0);
}

// ---- CSRs ----

TEST_F(CoordinatorTest, BadCsrCreatesNothingAndCountsAgainstTheCode) {
  PairingCoordinatorOptions options = testing::OptionsFor(dir_, &clock_);
  options.codes.max_failed_attempts = 10;  // five bad CSRs below, then a good one
  Open(options);
  DeviceIdentity device = NewDevice();
  MintedCode code = Mint();
  const std::string good = NewCsr(device.device_id()).csr_pem;
  auto tampered = crypto::CertificateSigningRequest::FromPem(good)->Der();
  tampered.back() ^= 1;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {crypto::EncodePem("CERTIFICATE REQUEST", tampered), "CSR signature does not verify"},
      {"-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
       "CSR DER is malformed"},
      {NewCsr(device.device_id(), "Palyra Device " + NewUlid()).csr_pem, "subject CN must be"},
      {std::string(20'000, 'x'), "too large"},
      {testing::OpensslCsrPem("P-384", "Palyra Device " + device.device_id()),
       "CSR public key is not ECDSA P-256"},
  };
  int attempts = 0;
  for (const auto& [csr, fragment] : cases) {
    auto completed = testing::PairDevice(*coordinator_, device, kPin, code.code, csr);
    EXPECT_TRUE(FailsWith(completed, StatusCode::kInvalidArgument, fragment));
    ++attempts;
    EXPECT_EQ(FailedAttempts(code.info.code_id), attempts);
    EXPECT_EQ(CodeState(Db(), code.info.code_id), "active") << "not consumed";
    EXPECT_EQ(QueryInt(Db(), "SELECT count(*) FROM pairing_requests"), 0);
  }
  // The device fixes its CSR and pairs with the same code.
  CompletedPairing completed = Pair(device, code, good);
  EXPECT_EQ(completed.state, S::kPendingApproval);
  EXPECT_EQ(CodeState(Db(), code.info.code_id), "consumed");
}

// ---- Listing ----

TEST_F(CoordinatorTest, ListRequestsExpiresOverdueAndFilters) {
  PairingCoordinatorOptions options = testing::OptionsFor(dir_, &clock_);
  options.approval_timeout_ms = kMinuteMs;
  Open(options);
  DeviceIdentity a = NewDevice();
  CompletedPairing first = Pair(a, Mint());
  clock_.Advance(kMinuteMs);
  CompletedPairing second = Pair(NewDevice(), Mint());
  auto all = coordinator_->ListRequests();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].request_id, second.request_id);
  EXPECT_EQ((*all)[1].state, S::kExpired);
  auto pending = coordinator_->ListRequests(testing::Filter(S::kPendingApproval));
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 1u);
  EXPECT_EQ((*pending)[0].request_id, second.request_id);
  auto by_device = coordinator_->ListRequests(testing::Filter(std::nullopt, a.device_id()));
  ASSERT_TRUE(by_device.ok());
  ASSERT_EQ(by_device->size(), 1u);
  EXPECT_EQ((*by_device)[0].request_id, first.request_id);
  EXPECT_TRUE(FailsWith(coordinator_->GetRequest(NewUlid()), StatusCode::kNotFound, "not found"));
}

// ---- Restarts and threads ----

TEST_F(CoordinatorTest, CodeReservedByALostSessionBecomesUsableAgain) {
  MintedCode code = Mint();
  ASSERT_TRUE(coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Pin(code.code)).ok());
  Open(testing::OptionsFor(dir_, &clock_));  // "restart": the session is gone
  EXPECT_FALSE(coordinator_->BeginPairing(ClientKind::kNode, PairingMethod::Pin(code.code)).ok());
  clock_.Advance(kDefaultPairingSessionTtlMs + kReservationSlackMs);
  DeviceIdentity device = NewDevice();
  EXPECT_EQ(Pair(device, code).state, S::kPendingApproval);
}

TEST_F(CoordinatorTest, ConcurrentPairingsFromManyThreads) {
  PairingCoordinatorOptions options = testing::OptionsFor(dir_);
  Open(options);
  constexpr int kThreads = 4;
  constexpr int kPerThread = 10;
  std::atomic<int> completed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        auto code = coordinator_->MintCode(MintRequest((i + t) % 2 ? kQr : kPin, true));
        if (!code.ok()) continue;
        DeviceIdentity device = NewDevice();
        auto done = testing::PairDevice(*coordinator_, device, code->info.method, code->code);
        if (!done.ok()) continue;
        auto status = coordinator_->GetStatus(done->request_id, device.device_id());
        if (status.ok() && status->state == S::kCompleted) ++completed;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(completed.load(), kThreads * kPerThread);
  EXPECT_EQ(QueryInt(Db(), "SELECT count(*) FROM paired_devices"), kThreads * kPerThread);
  EXPECT_EQ(coordinator_->BoundSessionCount(), 0u);
}

TEST(CoordinatorOpenTest, RequiresItsDependencies) {
  EXPECT_TRUE(FailsWith(PairingCoordinator::Open({}, nullptr, nullptr),
                        StatusCode::kInvalidArgument, "registry"));
}

}  // namespace
}  // namespace palyra::identity
