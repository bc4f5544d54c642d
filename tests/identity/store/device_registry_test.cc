// Device registry: pairing, rotation, revocation, removal, pruning, persistence across reopen,
// and atomicity (spec §7, §9, §11.2, §11.6, §11.13, §11.15, §12).

#include "identity/store/device_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <thread>

#include "crypto/hash.h"
#include "identity_store_test_util.h"

namespace palyra::identity {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::kHourMs;
using testing::kMinuteMs;
using ::testing::UnorderedElementsAre;

class DeviceRegistryTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  void Reopen() {
    registry_.reset();
    auto registry = testing::OpenRegistry(db_path(), key_path(), now_, &registry_db_);
    ASSERT_TRUE(registry.ok()) << registry.status().ToString();
    registry_ = std::move(*registry);
  }

  std::unique_ptr<DeviceRegistry> OpenSecond() {
    auto registry = testing::OpenRegistry(db_path(), key_path(), now_);
    EXPECT_TRUE(registry.ok()) << registry.status().ToString();
    return registry.ok() ? std::move(*registry) : nullptr;
  }

  PairDeviceResult Pair(const testing::DeviceIdentity& identity, int64_t at,
                        LeafKeySource key_source = {}) {
    auto paired =
        registry_->RecordPairedDevice(testing::PairRequest(identity, std::move(key_source)), at);
    EXPECT_TRUE(paired.ok()) << paired.status().ToString();
    return std::move(*paired);
  }

  bool Revoked(const std::string& fingerprint) {
    auto revoked = registry_->IsFingerprintRevoked(fingerprint);
    EXPECT_TRUE(revoked.ok()) << revoked.status().ToString();
    return revoked.ok() && *revoked;
  }

  // Everything an operation could touch, for "state unchanged" checks.
  struct StateDump {
    int64_t sequence = 0;
    int64_t generation = 0;
    std::vector<std::string> devices;  // id + current fp + history
    std::vector<std::string> revoked_devices;
    std::vector<std::string> revoked_certificates;
    bool operator==(const StateDump&) const = default;
  };
  StateDump Dump() {
    StateDump d;
    d.sequence = *registry_->CaSequence();
    d.generation = *registry_->RevocationGeneration();
    auto devices = registry_->ListPairedDevices();
    auto revoked_devices = registry_->ListRevokedDevices();
    auto revoked_certificates = registry_->ListRevokedCertificates();
    EXPECT_TRUE(devices.ok() && revoked_devices.ok() && revoked_certificates.ok());
    for (const PairedDevice& p : devices.value()) {
      std::string line = p.device_id + " " + p.certificate_fingerprint + " " +
                         std::to_string(p.updated_at_unix_ms);
      for (const std::string& fp : p.certificate_fingerprints) line += " " + fp;
      d.devices.push_back(line);
    }
    for (const RevokedDevice& r : revoked_devices.value()) {
      d.revoked_devices.push_back(r.device_id + " " + r.reason);
    }
    for (const RevokedCertificate& c : revoked_certificates.value()) {
      d.revoked_certificates.push_back(c.fingerprint + " " + c.reason);
    }
    return d;
  }

  std::filesystem::path db_path() const { return dir_ / "palyra.db"; }
  std::filesystem::path key_path() const { return dir_ / "gateway-ca.key.pem"; }

  testing::TempDir dir_;
  int64_t now_ = NowUnixMs();
  std::unique_ptr<DeviceRegistry> registry_;
  store::Database* registry_db_ = nullptr;  // the registry's device connection
};

TEST_F(DeviceRegistryTest, PairThenReloadKeepsDeviceCaAndOneFingerprint) {
  const auto identity = testing::NewDeviceIdentity();
  PairDeviceResult paired = Pair(identity, now_);
  EXPECT_FALSE(paired.replaced_existing);
  EXPECT_EQ(paired.certificate.sequence, 1);
  EXPECT_TRUE(paired.certificate.private_key_pem.has_value());
  const std::string ca_pem = registry_->ca().CertificatePem();

  Reopen();
  EXPECT_EQ(registry_->ca().CertificatePem(), ca_pem);
  EXPECT_EQ(*registry_->CaSequence(), 1);
  auto device = registry_->GetPairedDevice(identity.device_id);
  ASSERT_TRUE(device.ok());
  ASSERT_TRUE(device->has_value());
  const PairedDevice& d = **device;
  EXPECT_EQ(d.device_id, identity.device_id);
  EXPECT_EQ(d.client_kind, ClientKind::kNode);
  EXPECT_EQ(d.identity_fingerprint, identity.identity_fingerprint);
  EXPECT_EQ(d.signing_public_key_hex, identity.signing_public_key_hex);
  EXPECT_EQ(d.certificate_pem, paired.certificate.certificate_pem);
  EXPECT_EQ(d.certificate_fingerprint, paired.certificate.fingerprint);
  EXPECT_EQ(d.certificate_expires_at_unix_ms, paired.certificate.expires_at_unix_ms);
  EXPECT_EQ(d.paired_at_unix_ms, now_);
  EXPECT_THAT(d.certificate_fingerprints, ElementsAre(paired.certificate.fingerprint));
  EXPECT_EQ(*registry_->DeviceForFingerprint(paired.certificate.fingerprint),
            std::optional<std::string>(identity.device_id));
  EXPECT_FALSE(Revoked(paired.certificate.fingerprint));

  // The fingerprint is SHA-256 of the DER.
  auto cert = crypto::Certificate::FromPem(d.certificate_pem);
  EXPECT_EQ(crypto::Sha256Hex(cert->Der()), d.certificate_fingerprint);

  // No private key anywhere in the database files.
  registry_.reset();
  for (const char* name : {"palyra.db", "palyra.db-wal"}) {
    if (!std::filesystem::exists(dir_ / name)) continue;
    EXPECT_THAT(testing::ReadFile(dir_ / name), ::testing::Not(HasSubstr("PRIVATE KEY"))) << name;
  }
}

TEST_F(DeviceRegistryTest, PairWithCsrKeepsTheKeyOnTheDevice) {
  const auto identity = testing::NewDeviceIdentity();
  testing::DeviceKeyAndCsr device = testing::NewDeviceCsr(identity.device_id);
  PairDeviceResult paired = Pair(identity, now_, LeafKeySource::FromCsrPem(device.csr_pem));
  EXPECT_FALSE(paired.certificate.private_key_pem.has_value());
  EXPECT_TRUE(*paired.certificate.certificate.PublicKey() == device.key.PublicKey());

  auto rotated = registry_->ForceRotate(identity.device_id,
                                        LeafKeySource::FromPublicKey(device.key.PublicKey()), now_);
  ASSERT_TRUE(rotated.ok()) << rotated.status().ToString();
  EXPECT_FALSE(rotated->certificate.private_key_pem.has_value());
  EXPECT_TRUE(*rotated->certificate.certificate.PublicKey() == device.key.PublicKey());
}

TEST_F(DeviceRegistryTest, IdentityFingerprintIsDerivedAndChecked) {
  auto identity = testing::NewDeviceIdentity();
  PairDeviceRequest request = testing::PairRequest(identity);
  request.identity_fingerprint.clear();
  // Upper-case hex is accepted and stored lower case.
  std::transform(request.signing_public_key_hex.begin(), request.signing_public_key_hex.end(),
                 request.signing_public_key_hex.begin(), ::toupper);
  request.client_kind = ClientKind::kDesktop;
  auto paired = registry_->RecordPairedDevice(request, now_);
  ASSERT_TRUE(paired.ok()) << paired.status().ToString();
  EXPECT_EQ(paired->device.identity_fingerprint, identity.identity_fingerprint);
  EXPECT_EQ(paired->device.signing_public_key_hex, identity.signing_public_key_hex);
  EXPECT_EQ((*registry_->GetPairedDevice(identity.device_id))->client_kind, ClientKind::kDesktop);

  auto other = testing::NewDeviceIdentity();
  PairDeviceRequest mismatched = testing::PairRequest(other);
  mismatched.identity_fingerprint = identity.identity_fingerprint;
  auto refused = registry_->RecordPairedDevice(mismatched, now_);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(refused.status().message(), HasSubstr("identity_fingerprint does not match"));
}

TEST_F(DeviceRegistryTest, PairAndRevokeSurviveReload) {
  const auto identity = testing::NewDeviceIdentity();
  PairDeviceResult paired = Pair(identity, now_);
  auto revoked = registry_->Revoke(identity.device_id, "lost laptop", now_ + 1000);
  ASSERT_TRUE(revoked.ok()) << revoked.status().ToString();
  EXPECT_TRUE(revoked->was_paired);
  EXPECT_THAT(revoked->revoked_fingerprints, ElementsAre(paired.certificate.fingerprint));

  Reopen();
  EXPECT_TRUE(*registry_->IsDeviceRevoked(identity.device_id));
  auto record = registry_->GetRevokedDevice(identity.device_id);
  ASSERT_TRUE(record.ok() && record->has_value());
  EXPECT_EQ((*record)->reason, "lost laptop");
  EXPECT_EQ((*record)->revoked_at_unix_ms, now_ + 1000);
  auto certs = registry_->ListRevokedCertificates();
  ASSERT_TRUE(certs.ok());
  ASSERT_EQ(certs->size(), 1u);
  EXPECT_EQ((*certs)[0].fingerprint, paired.certificate.fingerprint);
  EXPECT_EQ((*certs)[0].device_id, identity.device_id);
  EXPECT_EQ((*certs)[0].expires_at_unix_ms, paired.certificate.expires_at_unix_ms);
  EXPECT_EQ((*certs)[0].reason, "lost laptop");
  EXPECT_FALSE(registry_->GetPairedDevice(identity.device_id)->has_value());
  EXPECT_FALSE(registry_->DeviceForFingerprint(paired.certificate.fingerprint)->has_value());
}

TEST_F(DeviceRegistryTest, ForceRotateRevokesTheOldCertificateOnly) {
  const auto identity = testing::NewDeviceIdentity();
  PairDeviceResult paired = Pair(identity, now_);
  const std::string first = paired.certificate.fingerprint;

  auto rotated = registry_->ForceRotate(identity.device_id, {}, now_ + kMinuteMs);
  ASSERT_TRUE(rotated.ok()) << rotated.status().ToString();
  const std::string second = rotated->certificate.fingerprint;
  EXPECT_NE(first, second);
  EXPECT_TRUE(rotated->certificate.private_key_pem.has_value());
  EXPECT_EQ(rotated->certificate.sequence, 2);
  EXPECT_THAT(rotated->revoked_fingerprints, ElementsAre(first));
  EXPECT_TRUE(Revoked(first));
  EXPECT_FALSE(Revoked(second));
  EXPECT_THAT(rotated->device.certificate_fingerprints, ElementsAre(first, second));

  auto third = registry_->ForceRotate(identity.device_id, {}, now_ + 2 * kMinuteMs);
  ASSERT_TRUE(third.ok());
  EXPECT_THAT(third->revoked_fingerprints, ElementsAre(second));  // first already revoked
  EXPECT_TRUE(Revoked(first));
  EXPECT_TRUE(Revoked(second));
  EXPECT_FALSE(Revoked(third->certificate.fingerprint));

  Reopen();
  auto device = registry_->GetPairedDevice(identity.device_id);
  ASSERT_TRUE(device.ok() && device->has_value());
  EXPECT_EQ((*device)->certificate_fingerprint, third->certificate.fingerprint);
  EXPECT_THAT((*device)->certificate_fingerprints,
              ElementsAre(first, second, third->certificate.fingerprint));
  EXPECT_EQ((*device)->paired_at_unix_ms, now_);
  EXPECT_EQ((*device)->updated_at_unix_ms, now_ + 2 * kMinuteMs);
  // Every certificate of the pairing maps to the device.
  for (const std::string& fp : {first, second, third->certificate.fingerprint}) {
    EXPECT_EQ(*registry_->DeviceForFingerprint(fp), std::optional<std::string>(identity.device_id));
  }
  EXPECT_EQ(*registry_->CaSequence(), 3);
}

TEST_F(DeviceRegistryTest, RepairingRevokesThePreviousCertificates) {
  const auto identity = testing::NewDeviceIdentity();
  PairDeviceResult first = Pair(identity, now_);
  auto rotated = registry_->ForceRotate(identity.device_id, {}, now_ + 1);
  ASSERT_TRUE(rotated.ok());
  PairDeviceResult second = Pair(identity, now_ + 2);
  EXPECT_TRUE(second.replaced_existing);
  EXPECT_THAT(second.revoked_fingerprints, ElementsAre(rotated->certificate.fingerprint));
  EXPECT_TRUE(Revoked(first.certificate.fingerprint));
  EXPECT_TRUE(Revoked(rotated->certificate.fingerprint));
  EXPECT_FALSE(Revoked(second.certificate.fingerprint));
  auto device = registry_->GetPairedDevice(identity.device_id);
  EXPECT_THAT((*device)->certificate_fingerprints, ElementsAre(second.certificate.fingerprint));
  EXPECT_EQ((*device)->paired_at_unix_ms, now_ + 2);
  auto revoked = registry_->ListRevokedCertificates();
  ASSERT_EQ(revoked->size(), 2u);
  EXPECT_EQ((*revoked)[1].reason, kReasonSupersededByRepair);
}

TEST_F(DeviceRegistryTest, RepairingWithANewIdentityKeyNeedsConfirmation) {
  const auto identity = testing::NewDeviceIdentity();
  PairDeviceResult first = Pair(identity, now_);
  const StateDump before = Dump();
  auto impostor = testing::NewDeviceIdentity(identity.device_id);
  auto refused = registry_->RecordPairedDevice(testing::PairRequest(impostor), now_ + 1);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(refused.status().message(), HasSubstr("different identity key"));
  EXPECT_EQ(Dump(), before);

  PairDeviceRequest confirmed = testing::PairRequest(impostor);
  confirmed.allow_identity_change = true;
  auto accepted = registry_->RecordPairedDevice(confirmed, now_ + 2);
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(accepted->device.identity_fingerprint, impostor.identity_fingerprint);
  EXPECT_TRUE(Revoked(first.certificate.fingerprint));
}

TEST_F(DeviceRegistryTest, RotateIfDueRotatesOnlyNearExpiry) {
  const auto identity = testing::NewDeviceIdentity();
  PairDeviceResult paired = Pair(identity, now_);
  Reopen();  // upstream's case: reload, then rotate-if-due

  auto early = registry_->RotateIfDue(identity.device_id, {}, now_ + kHourMs);
  ASSERT_TRUE(early.ok()) << early.status().ToString();
  EXPECT_FALSE(early->rotated);
  EXPECT_FALSE(early->certificate.has_value());
  EXPECT_EQ(early->device.certificate_fingerprint, paired.certificate.fingerprint);
  EXPECT_EQ(*registry_->CaSequence(), 1);

  // Not due one millisecond before the threshold, due at it.
  const int64_t expires = paired.certificate.expires_at_unix_ms;
  auto almost =
      registry_->RotateIfDue(identity.device_id, {}, expires - kDefaultRotationThresholdMs - 1);
  ASSERT_TRUE(almost.ok());
  EXPECT_FALSE(almost->rotated);
  auto due = registry_->RotateIfDue(identity.device_id, {}, expires - kDefaultRotationThresholdMs);
  ASSERT_TRUE(due.ok()) << due.status().ToString();
  EXPECT_TRUE(due->rotated);
  ASSERT_TRUE(due->certificate.has_value());
  EXPECT_TRUE(due->certificate->private_key_pem.has_value());
  EXPECT_EQ(due->certificate->sequence, 2);
  EXPECT_NE(due->certificate->fingerprint, paired.certificate.fingerprint);
  EXPECT_TRUE(Revoked(paired.certificate.fingerprint));
  EXPECT_FALSE(Revoked(due->certificate->fingerprint));

  // A custom threshold.
  auto custom = registry_->RotateIfDue(identity.device_id, {}, now_ + 2 * kHourMs,
                                       2 * kDefaultLeafValidityMs);
  ASSERT_TRUE(custom.ok());
  EXPECT_TRUE(custom->rotated);
  EXPECT_EQ(registry_->RotateIfDue(identity.device_id, {}, now_, -1).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(DeviceRegistryTest, RevokeFromAnotherConnectionBlocksRotation) {
  const auto identity = testing::NewDeviceIdentity();
  PairDeviceResult paired = Pair(identity, now_);
  auto b = OpenSecond();
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(b->Revoke(identity.device_id, "compromised", now_ + 1).ok());

  const StateDump before = Dump();
  auto due = registry_->RotateIfDue(identity.device_id, {}, now_ + 2);
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.status().code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(IsDeviceRevokedError(due.status())) << due.status().ToString();
  EXPECT_THAT(due.status().message(), HasSubstr("compromised"));
  auto forced = registry_->ForceRotate(identity.device_id, {}, now_ + 2);
  EXPECT_TRUE(IsDeviceRevokedError(forced.status())) << forced.status().ToString();
  EXPECT_EQ(Dump(), before);
  EXPECT_TRUE(Revoked(paired.certificate.fingerprint));
}

TEST_F(DeviceRegistryTest, RotatingAnUnpairedDeviceIsNotFound) {
  auto rotated = registry_->ForceRotate(NewUlid(), {}, now_);
  EXPECT_EQ(rotated.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(rotated.status().message(), HasSubstr("is not paired"));
  EXPECT_EQ(registry_->RotateIfDue(NewUlid(), {}, now_).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(*registry_->CaSequence(), 0);
}

TEST_F(DeviceRegistryTest, RevokedDeviceCannotBeRecordedAsPaired) {
  // The device is revoked while its pairing request is pending; finalisation must refuse it.
  const auto identity = testing::NewDeviceIdentity();
  auto b = OpenSecond();
  auto revoked = b->Revoke(identity.device_id, "operator rejected", now_);
  ASSERT_TRUE(revoked.ok()) << revoked.status().ToString();
  EXPECT_FALSE(revoked->was_paired);
  EXPECT_THAT(revoked->revoked_fingerprints, IsEmpty());
  const StateDump before = Dump();

  auto paired = registry_->RecordPairedDevice(testing::PairRequest(identity), now_ + 1);
  ASSERT_FALSE(paired.ok());
  EXPECT_TRUE(IsDeviceRevokedError(paired.status())) << paired.status().ToString();
  EXPECT_EQ(Dump(), before);
  EXPECT_EQ(*registry_->CaSequence(), 0);

  // Clearing the record lets it pair.
  EXPECT_TRUE(*registry_->ClearRevokedDevice(identity.device_id));
  EXPECT_TRUE(registry_->RecordPairedDevice(testing::PairRequest(identity), now_ + 2).ok());
}

TEST_F(DeviceRegistryTest, RemoveRevokesFingerprintsButAllowsPairingAgain) {
  const auto identity = testing::NewDeviceIdentity();
  PairDeviceResult paired = Pair(identity, now_);
  auto removed = registry_->RemovePairedDevice(identity.device_id, now_ + 1);
  ASSERT_TRUE(removed.ok());
  EXPECT_TRUE(*removed);
  EXPECT_TRUE(Revoked(paired.certificate.fingerprint));
  EXPECT_FALSE(*registry_->IsDeviceRevoked(identity.device_id));
  EXPECT_FALSE(registry_->GetPairedDevice(identity.device_id)->has_value());
  EXPECT_EQ((*registry_->ListRevokedCertificates())[0].reason, kReasonDeviceRemoved);

  PairDeviceResult again = Pair(identity, now_ + 2);
  EXPECT_FALSE(again.replaced_existing);
  EXPECT_FALSE(Revoked(again.certificate.fingerprint));

  EXPECT_FALSE(*registry_->RemovePairedDevice(NewUlid(), now_));
}

TEST_F(DeviceRegistryTest, ClearingRevokedDevicesKeepsFingerprintsRevoked) {
  const auto a = testing::NewDeviceIdentity();
  const auto b = testing::NewDeviceIdentity();
  PairDeviceResult pa = Pair(a, now_);
  PairDeviceResult pb = Pair(b, now_);
  ASSERT_TRUE(registry_->Revoke(a.device_id, "", now_).ok());
  ASSERT_TRUE(registry_->Revoke(b.device_id, "gone", now_).ok());
  ASSERT_TRUE(registry_->Revoke(NewUlid(), "pre-emptive", now_).ok());
  EXPECT_EQ((*registry_->GetRevokedDevice(a.device_id))->reason, kDefaultRevokeReason);

  EXPECT_TRUE(*registry_->ClearRevokedDevice(a.device_id));
  EXPECT_FALSE(*registry_->ClearRevokedDevice(a.device_id));
  EXPECT_FALSE(*registry_->IsDeviceRevoked(a.device_id));
  EXPECT_TRUE(Revoked(pa.certificate.fingerprint));

  EXPECT_EQ(*registry_->ClearRevokedDevices(), 2);
  EXPECT_THAT(*registry_->ListRevokedDevices(), IsEmpty());
  EXPECT_TRUE(Revoked(pb.certificate.fingerprint));
}

TEST_F(DeviceRegistryTest, PruneDropsOnlyExpiredRevocations) {
  const auto identity = testing::NewDeviceIdentity();
  PairDeviceRequest request = testing::PairRequest(identity);
  request.validity_ms = kHourMs;
  auto paired = registry_->RecordPairedDevice(request, now_);
  ASSERT_TRUE(paired.ok());
  auto rotated = registry_->ForceRotate(identity.device_id, {}, now_ + 10 * kMinuteMs, 5 * kHourMs);
  ASSERT_TRUE(rotated.ok());
  const auto other = testing::NewDeviceIdentity();
  PairDeviceResult other_paired = Pair(other, now_);  // 24 h
  ASSERT_TRUE(registry_->Revoke(other.device_id, "", now_).ok());
  const int64_t first_expiry = paired->certificate.expires_at_unix_ms;
  const int64_t generation = *registry_->RevocationGeneration();

  auto early = registry_->PruneExpiredRevocations(first_expiry + kRevocationPruneMarginMs - 1);
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early->revoked_certificates_removed, 0);
  EXPECT_TRUE(Revoked(paired->certificate.fingerprint));

  auto pruned = registry_->PruneExpiredRevocations(first_expiry + kRevocationPruneMarginMs);
  ASSERT_TRUE(pruned.ok());
  EXPECT_EQ(pruned->revoked_certificates_removed, 1);
  EXPECT_EQ(pruned->history_entries_removed, 1);
  EXPECT_FALSE(Revoked(paired->certificate.fingerprint));
  EXPECT_TRUE(Revoked(other_paired.certificate.fingerprint));
  EXPECT_GT(*registry_->RevocationGeneration(), generation);
  // The current certificate is kept in the history.
  auto device = registry_->GetPairedDevice(identity.device_id);
  EXPECT_THAT((*device)->certificate_fingerprints, ElementsAre(rotated->certificate.fingerprint));

  // Far in the future everything revoked is gone, the current certificate stays.
  auto all = registry_->PruneExpiredRevocations(now_ + 1000 * kHourMs);
  EXPECT_EQ(all->revoked_certificates_removed, 1);
  EXPECT_THAT(*registry_->ListRevokedCertificates(), IsEmpty());
  EXPECT_EQ(*registry_->DeviceForFingerprint(rotated->certificate.fingerprint),
            std::optional<std::string>(identity.device_id));
}

TEST_F(DeviceRegistryTest, FailingWriteMidRotationLeavesStateUnchanged) {
  const auto identity = testing::NewDeviceIdentity();
  PairDeviceResult paired = Pair(identity, now_);
  ASSERT_TRUE(registry_->ForceRotate(identity.device_id, {}, now_ + 1).ok());
  const StateDump before = Dump();

  // The last write of a rotation fails (after the revocations, the sequence bump and the history
  // row were written inside the transaction).
  ASSERT_TRUE((*registry_db_)
                  .Exec("CREATE TEMP TRIGGER fail_rotation BEFORE UPDATE ON main.paired_devices "
                        "BEGIN SELECT RAISE(ABORT, 'injected write failure'); END;")
                  .ok());
  auto failed = registry_->ForceRotate(identity.device_id, {}, now_ + 2);
  ASSERT_FALSE(failed.ok());
  EXPECT_THAT(failed.status().message(), HasSubstr("injected write failure"));
  auto failed_due =
      registry_->RotateIfDue(identity.device_id, {}, now_ + 2 * kDefaultLeafValidityMs);
  ASSERT_FALSE(failed_due.ok());
  EXPECT_EQ(Dump(), before);

  // After a reload too.
  ASSERT_TRUE((*registry_db_).Exec("DROP TRIGGER temp.fail_rotation").ok());
  Reopen();
  EXPECT_EQ(Dump(), before);
  EXPECT_EQ(before.sequence, 2);
  auto ok = registry_->ForceRotate(identity.device_id, {}, now_ + 3);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->certificate.sequence, 3);
}

TEST_F(DeviceRegistryTest, FailingWritesInPairRevokeAndRemoveLeaveStateUnchanged) {
  const auto identity = testing::NewDeviceIdentity();
  PairDeviceResult paired = Pair(identity, now_);
  const StateDump before = Dump();
  store::Database& db = (*registry_db_);

  ASSERT_TRUE(db.Exec("CREATE TEMP TRIGGER fail_history BEFORE INSERT ON main.device_certificates "
                      "BEGIN SELECT RAISE(ABORT, 'injected history failure'); END;")
                  .ok());
  auto repair = registry_->RecordPairedDevice(testing::PairRequest(identity), now_ + 1);
  EXPECT_THAT(repair.status().message(), HasSubstr("injected history failure"));
  auto fresh =
      registry_->RecordPairedDevice(testing::PairRequest(testing::NewDeviceIdentity()), now_ + 1);
  EXPECT_FALSE(fresh.ok());
  EXPECT_EQ(Dump(), before);
  ASSERT_TRUE(db.Exec("DROP TRIGGER temp.fail_history").ok());

  ASSERT_TRUE(db.Exec("CREATE TEMP TRIGGER fail_delete BEFORE DELETE ON main.paired_devices "
                      "BEGIN SELECT RAISE(ABORT, 'injected delete failure'); END;")
                  .ok());
  EXPECT_FALSE(registry_->Revoke(identity.device_id, "x", now_ + 1).ok());
  EXPECT_FALSE(registry_->RemovePairedDevice(identity.device_id, now_ + 1).ok());
  EXPECT_EQ(Dump(), before);
  EXPECT_FALSE(*registry_->IsDeviceRevoked(identity.device_id));
  EXPECT_FALSE(Revoked(paired.certificate.fingerprint));
  ASSERT_TRUE(db.Exec("DROP TRIGGER temp.fail_delete").ok());
  EXPECT_TRUE(registry_->Revoke(identity.device_id, "x", now_ + 1).ok());
}

TEST_F(DeviceRegistryTest, MalformedInputsAreRejectedWithoutStateChange) {
  const auto identity = testing::NewDeviceIdentity();
  Pair(identity, now_);
  const StateDump before = Dump();

  // Non-canonical ids: lowercase, wrong length, excluded letters, empty.
  for (const std::string& id : {std::string("01hzzzzzzzzzzzzzzzzzzzzzzz"), std::string("123"),
                                std::string("01HZZZZZZZZZZZZZZZZZZZZZZI")}) {
    auto revoked = registry_->Revoke(id, "x", now_);
    ASSERT_FALSE(revoked.ok()) << id;
    EXPECT_EQ(revoked.status().code(), StatusCode::kInvalidArgument);
    EXPECT_THAT(revoked.status().message(), HasSubstr("device_id must be a canonical ULID"));
    EXPECT_EQ(registry_->RemovePairedDevice(id, now_).status().code(),
              StatusCode::kInvalidArgument);
    EXPECT_EQ(registry_->ClearRevokedDevice(id).status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(registry_->ForceRotate(id, {}, now_).status().code(), StatusCode::kInvalidArgument);
  }
  EXPECT_THAT(registry_->Revoke("", "x", now_).status().message(),
              HasSubstr("device_id is required"));
  EXPECT_EQ(registry_->Revoke(NewUlid(), std::string(kMaxRevocationReasonBytes + 1, 'r'), now_)
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(registry_->Revoke(NewUlid(), "bad\nreason", now_).status().code(),
            StatusCode::kInvalidArgument);

  // Pairing inputs.
  auto request = [&] { return testing::PairRequest(testing::NewDeviceIdentity()); };
  {
    auto r = request();
    r.key_source = LeafKeySource::FromCsrPem(
        "-----BEGIN CERTIFICATE REQUEST-----\n!!\n"
        "-----END CERTIFICATE REQUEST-----\n");
    auto paired = registry_->RecordPairedDevice(r, now_);
    EXPECT_EQ(paired.status().code(), StatusCode::kInvalidArgument);
    EXPECT_THAT(paired.status().message(), HasSubstr("device CSR"));
  }
  {
    // A certificate where a CSR belongs.
    auto r = request();
    r.key_source = LeafKeySource::FromCsrPem(registry_->ca().CertificatePem());
    auto paired = registry_->RecordPairedDevice(r, now_);
    EXPECT_EQ(paired.status().code(), StatusCode::kInvalidArgument);
    EXPECT_THAT(paired.status().message(), HasSubstr("device CSR"));
  }
  {
    auto r = request();
    r.signing_public_key_hex = "zz" + r.signing_public_key_hex.substr(2);
    EXPECT_EQ(registry_->RecordPairedDevice(r, now_).status().code(), StatusCode::kInvalidArgument);
    r.signing_public_key_hex = "abcd";
    EXPECT_EQ(registry_->RecordPairedDevice(r, now_).status().code(), StatusCode::kInvalidArgument);
    // The Ed25519 identity point (small order) is refused.
    r.signing_public_key_hex = "01" + std::string(62, '0');
    r.identity_fingerprint.clear();
    EXPECT_EQ(registry_->RecordPairedDevice(r, now_).status().code(), StatusCode::kInvalidArgument);
  }
  {
    auto r = request();
    r.identity_fingerprint = "ABC";
    EXPECT_EQ(registry_->RecordPairedDevice(r, now_).status().code(), StatusCode::kInvalidArgument);
  }
  {
    auto r = request();
    r.device_id = "not-a-ulid";
    EXPECT_EQ(registry_->RecordPairedDevice(r, now_).status().code(), StatusCode::kInvalidArgument);
  }
  {
    auto r = request();
    r.validity_ms = 1000;
    EXPECT_EQ(registry_->RecordPairedDevice(r, now_).status().code(), StatusCode::kInvalidArgument);
  }
  {
    // A malformed CSR during rotation.
    auto rotated =
        registry_->ForceRotate(identity.device_id, LeafKeySource::FromCsrPem("nope"), now_);
    EXPECT_EQ(rotated.status().code(), StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(registry_->DeviceForFingerprint("xyz").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(registry_->IsFingerprintRevoked(std::string(64, 'A')).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Dump(), before);
}

TEST_F(DeviceRegistryTest, ListsDevicesWithTheirHistory) {
  const auto a = testing::NewDeviceIdentity();
  const auto b = testing::NewDeviceIdentity();
  PairDeviceResult pa = Pair(a, now_);
  PairDeviceResult pb = Pair(b, now_);
  auto rotated = registry_->ForceRotate(b.device_id, {}, now_);
  ASSERT_TRUE(rotated.ok());
  auto list = registry_->ListPairedDevices();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  std::map<std::string, PairedDevice> by_id;
  for (const PairedDevice& d : *list) by_id[d.device_id] = d;
  EXPECT_THAT(by_id[a.device_id].certificate_fingerprints, ElementsAre(pa.certificate.fingerprint));
  EXPECT_THAT(by_id[b.device_id].certificate_fingerprints,
              ElementsAre(pb.certificate.fingerprint, rotated->certificate.fingerprint));
  EXPECT_LT((*list)[0].device_id, (*list)[1].device_id);
  EXPECT_FALSE(registry_->DeviceForFingerprint(std::string(64, 'a'))->has_value());
}

TEST_F(DeviceRegistryTest, ConcurrentRegistriesOnSeparateConnectionsAllPersist) {
  constexpr int kThreads = 2;
  constexpr int kPerThread = 8;
  std::vector<std::unique_ptr<DeviceRegistry>> registries;
  for (int i = 0; i < kThreads; ++i) registries.push_back(OpenSecond());
  std::vector<std::vector<std::string>> ids(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        const auto identity = testing::NewDeviceIdentity();
        auto paired =
            registries[t]->RecordPairedDevice(testing::PairRequest(identity), NowUnixMs());
        ASSERT_TRUE(paired.ok()) << paired.status().ToString();
        auto rotated = registries[t]->ForceRotate(identity.device_id, {}, NowUnixMs());
        ASSERT_TRUE(rotated.ok()) << rotated.status().ToString();
        ids[t].push_back(identity.device_id);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  auto list = registry_->ListPairedDevices();
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), static_cast<size_t>(kThreads * kPerThread));
  EXPECT_EQ(*registry_->CaSequence(), 2 * kThreads * kPerThread);
  EXPECT_EQ(registry_->ListRevokedCertificates()->size(),
            static_cast<size_t>(kThreads * kPerThread));
}

TEST_F(DeviceRegistryTest, OperationsJoinTheCallersTransactionAsSavepoints) {
  store::Database& db = (*registry_db_);
  const auto revoked = testing::NewDeviceIdentity();
  ASSERT_TRUE(registry_->Revoke(revoked.device_id, "", now_).ok());
  const auto identity = testing::NewDeviceIdentity();

  // The caller's own write, a failing operation, then a succeeding one: one commit.
  {
    auto txn = db.Begin(store::TransactionMode::kImmediate);
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(db.Exec("INSERT INTO gateway_meta (key, value, updated_at_unix_ms) "
                        "VALUES ('pairing_request', 'completed', 0)")
                    .ok());
    EXPECT_FALSE(registry_->RecordPairedDevice(testing::PairRequest(revoked), now_).ok());
    EXPECT_TRUE(db.InTransaction());
    auto paired = registry_->RecordPairedDevice(testing::PairRequest(identity), now_);
    ASSERT_TRUE(paired.ok()) << paired.status().ToString();
    EXPECT_TRUE(registry_->GetPairedDevice(identity.device_id)->has_value());
    ASSERT_TRUE(txn->Commit().ok());
  }
  EXPECT_EQ(testing::CountRows(db, "gateway_meta"), 1);
  EXPECT_TRUE(registry_->GetPairedDevice(identity.device_id)->has_value());
  EXPECT_EQ(*registry_->CaSequence(), 1);

  // The caller rolls back: the operation goes with it.
  const auto other = testing::NewDeviceIdentity();
  {
    auto txn = db.Begin(store::TransactionMode::kImmediate);
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(registry_->RecordPairedDevice(testing::PairRequest(other), now_).ok());
    ASSERT_TRUE(registry_->Revoke(identity.device_id, "", now_).ok());
    ASSERT_TRUE(txn->Rollback().ok());
  }
  EXPECT_FALSE(registry_->GetPairedDevice(other.device_id)->has_value());
  EXPECT_TRUE(registry_->GetPairedDevice(identity.device_id)->has_value());
  EXPECT_FALSE(*registry_->IsDeviceRevoked(identity.device_id));
  EXPECT_EQ(*registry_->CaSequence(), 1);
}

}  // namespace
}  // namespace palyra::identity
