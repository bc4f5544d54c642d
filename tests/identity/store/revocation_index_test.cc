// RevocationIndex: the in-memory snapshot the TLS verifiers consult (spec §8, §11.1), its
// change detection across connections, polling, and fail-closed behaviour.

#include "identity/store/revocation_index.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "crypto/hash.h"
#include "crypto/random.h"
#include "identity_store_test_util.h"

namespace palyra::identity {
namespace {

using ::testing::HasSubstr;

FingerprintBytes RandomFingerprint() {
  FingerprintBytes f;
  crypto::RandomFill(f);
  return f;
}

TEST(FingerprintSetTest, ContainsExactlyItsMembers) {
  std::vector<FingerprintBytes> members;
  for (int i = 0; i < 1000; ++i) members.push_back(RandomFingerprint());
  members.push_back(members[5]);  // duplicate
  FingerprintSet set(members);
  EXPECT_EQ(set.size(), 1000u);
  for (const FingerprintBytes& f : members) EXPECT_TRUE(set.Contains(f));
  for (int i = 0; i < 1000; ++i) EXPECT_FALSE(set.Contains(RandomFingerprint()));
  EXPECT_FALSE(set.Contains(FingerprintBytes{}));

  // Colliding slot hashes (same first 8 bytes) still resolve by full comparison.
  FingerprintBytes a = RandomFingerprint();
  FingerprintBytes b = a;
  b[31] ^= 1;
  FingerprintSet collide({a});
  EXPECT_TRUE(collide.Contains(a));
  EXPECT_FALSE(collide.Contains(b));

  FingerprintSet with_zero({FingerprintBytes{}});
  EXPECT_TRUE(with_zero.Contains(FingerprintBytes{}));
  EXPECT_EQ(with_zero.size(), 1u);
  FingerprintSet empty;
  EXPECT_FALSE(empty.Contains(a));
}

TEST(FingerprintSetTest, WithAddedCopiesAndGrows) {
  std::vector<FingerprintBytes> first;
  for (int i = 0; i < 5; ++i) first.push_back(RandomFingerprint());
  FingerprintSet base(first);
  std::vector<FingerprintBytes> more;
  for (int i = 0; i < 100; ++i) more.push_back(RandomFingerprint());  // forces growth
  more.push_back(first[0]);                                           // already present
  more.push_back(FingerprintBytes{});
  FingerprintSet grown = base.WithAdded(more);
  EXPECT_EQ(base.size(), 5u);
  EXPECT_EQ(grown.size(), 106u);
  for (const auto& f : first) EXPECT_TRUE(grown.Contains(f));
  for (const auto& f : more) EXPECT_TRUE(grown.Contains(f));
  EXPECT_FALSE(base.Contains(more[0]));
  FingerprintSet small = base.WithAdded({more[1]});  // fits: copy and insert
  EXPECT_EQ(small.size(), 6u);
  EXPECT_TRUE(small.Contains(more[1]));
  EXPECT_TRUE(FingerprintSet().WithAdded({more[2]}).Contains(more[2]));
}

TEST(FingerprintSetTest, ParsesHex) {
  auto f = ParseFingerprintHex(std::string(62, '0') + "Ff");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ((*f)[31], 0xff);
  EXPECT_FALSE(ParseFingerprintHex("abc").ok());
  EXPECT_FALSE(ParseFingerprintHex(std::string(63, '0') + "g").ok());
}

class RevocationIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto registry =
        testing::OpenRegistry(db_path(), dir_ / "ca.key.pem", NowUnixMs(), &registry_db_);
    ASSERT_TRUE(registry.ok()) << registry.status().ToString();
    registry_ = std::move(*registry);
  }

  std::unique_ptr<RevocationIndex> OpenIndex(RevocationIndexOptions options = {}) {
    auto index = testing::OpenRevocationIndex(db_path(), options);
    EXPECT_TRUE(index.ok()) << index.status().ToString();
    return index.ok() ? std::move(*index) : nullptr;
  }

  PairDeviceResult Pair() {
    auto paired = registry_->RecordPairedDevice(testing::PairRequest(testing::NewDeviceIdentity()),
                                                NowUnixMs());
    EXPECT_TRUE(paired.ok()) << paired.status().ToString();
    return std::move(*paired);
  }

  std::filesystem::path db_path() const { return dir_ / "palyra.db"; }

  testing::TempDir dir_;
  std::unique_ptr<DeviceRegistry> registry_;
  store::Database* registry_db_ = nullptr;  // the registry's device connection
};

TEST_F(RevocationIndexTest, SeesARevokeFromAnotherConnectionAfterRefresh) {
  PairDeviceResult paired = Pair();
  auto index = OpenIndex();
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->size(), 0u);
  EXPECT_FALSE(index->IsRevokedHex(paired.certificate.fingerprint));
  EXPECT_FALSE(index->IsCertificateRevoked(paired.certificate.certificate));
  const int64_t generation = index->generation();

  ASSERT_TRUE(registry_->Revoke(paired.device.device_id, "lost", NowUnixMs()).ok());
  // Not yet: the snapshot only changes on refresh.
  EXPECT_FALSE(index->IsRevokedHex(paired.certificate.fingerprint));
  auto refreshed = index->Refresh();
  ASSERT_TRUE(refreshed.ok()) << refreshed.status().ToString();
  EXPECT_TRUE(*refreshed);
  EXPECT_TRUE(index->IsRevokedHex(paired.certificate.fingerprint));
  EXPECT_TRUE(index->IsCertificateRevoked(paired.certificate.certificate));
  EXPECT_TRUE(index->IsRevoked(crypto::Sha256(paired.certificate.certificate.Der())));
  EXPECT_GT(index->generation(), generation);
  EXPECT_EQ(index->size(), 1u);

  // Nothing changed since: no reload.
  EXPECT_FALSE(*index->Refresh());
}

TEST_F(RevocationIndexTest, UnrelatedCommitsDoNotReload) {
  auto index = OpenIndex();
  PairDeviceResult paired = Pair();  // a commit, but no revocation change
  EXPECT_FALSE(*index->Refresh());
  ASSERT_TRUE((*registry_db_)
                  .Exec("INSERT INTO gateway_meta (key, value, updated_at_unix_ms) "
                        "VALUES ('k', 'v', 0)")
                  .ok());
  EXPECT_FALSE(*index->Refresh());
  ASSERT_TRUE(registry_->ForceRotate(paired.device.device_id, {}, NowUnixMs()).ok());
  EXPECT_TRUE(*index->Refresh());
  EXPECT_TRUE(index->IsRevokedHex(paired.certificate.fingerprint));
}

TEST_F(RevocationIndexTest, PruningShrinksTheIndex) {
  PairDeviceResult paired = Pair();
  ASSERT_TRUE(registry_->Revoke(paired.device.device_id, "", NowUnixMs()).ok());
  auto index = OpenIndex();
  EXPECT_TRUE(index->IsRevokedHex(paired.certificate.fingerprint));
  ASSERT_TRUE(registry_
                  ->PruneExpiredRevocations(paired.certificate.expires_at_unix_ms +
                                            kRevocationPruneMarginMs)
                  .ok());
  EXPECT_TRUE(*index->Refresh());
  EXPECT_FALSE(index->IsRevokedHex(paired.certificate.fingerprint));
  EXPECT_EQ(index->size(), 0u);
}

TEST_F(RevocationIndexTest, IncrementalAndFullReloadsMatchTheStore) {
  auto index = OpenIndex();
  std::vector<PairDeviceResult> devices;
  for (int i = 0; i < 6; ++i) devices.push_back(Pair());
  auto check = [&] {
    ASSERT_TRUE(index->Refresh().ok());
    auto revoked = registry_->ListRevokedCertificates();
    ASSERT_TRUE(revoked.ok());
    EXPECT_EQ(index->size(), revoked->size());
    for (const RevokedCertificate& c : revoked.value())
      EXPECT_TRUE(index->IsRevokedHex(c.fingerprint));
    EXPECT_EQ(index->generation(), *registry_->RevocationGeneration());
  };
  // Incremental: revokes and rotations, some with several changes between refreshes.
  ASSERT_TRUE(registry_->Revoke(devices[0].device.device_id, "", NowUnixMs()).ok());
  check();
  ASSERT_TRUE(registry_->ForceRotate(devices[1].device.device_id, {}, NowUnixMs()).ok());
  ASSERT_TRUE(registry_->RemovePairedDevice(devices[2].device.device_id, NowUnixMs()).ok());
  check();
  EXPECT_FALSE(index->IsRevokedHex(devices[3].certificate.fingerprint));
  // A prune (removal) forces a full reload; later additions are incremental again.
  ASSERT_TRUE(registry_
                  ->PruneExpiredRevocations(devices[0].certificate.expires_at_unix_ms +
                                            kRevocationPruneMarginMs)
                  .ok());
  check();
  EXPECT_EQ(index->size(), 0u);
  ASSERT_TRUE(registry_->Revoke(devices[3].device.device_id, "", NowUnixMs()).ok());
  check();
  EXPECT_TRUE(index->IsRevokedHex(devices[3].certificate.fingerprint));
  EXPECT_FALSE(index->IsRevokedHex(devices[0].certificate.fingerprint));
}

TEST_F(RevocationIndexTest, PollingPicksUpRevokesAndNotifies) {
  PairDeviceResult paired = Pair();
  auto index = OpenIndex();
  std::atomic<int64_t> notified{-1};
  index->SetChangeCallback([&](int64_t generation) { notified.store(generation); });
  index->StartPolling(std::chrono::milliseconds(10));
  ASSERT_TRUE(registry_->Revoke(paired.device.device_id, "", NowUnixMs()).ok());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!index->IsRevokedHex(paired.certificate.fingerprint) &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  EXPECT_TRUE(index->IsRevokedHex(paired.certificate.fingerprint));
  while (notified.load() < 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  EXPECT_EQ(notified.load(), index->generation());
  index->StopPolling();
  index->StopPolling();   // idempotent
  index->StartPolling();  // restartable; the destructor stops it
}

TEST_F(RevocationIndexTest, MalformedLookupsFailClosed) {
  auto index = OpenIndex();
  EXPECT_TRUE(index->IsRevokedHex("not hex"));
  EXPECT_TRUE(index->IsRevokedHex(std::string(63, 'a')));
  std::vector<uint8_t> short_fp(31);
  EXPECT_TRUE(index->IsRevoked(std::span<const uint8_t>(short_fp)));
  std::vector<uint8_t> good(32, 7);
  EXPECT_FALSE(index->IsRevoked(std::span<const uint8_t>(good)));
}

TEST_F(RevocationIndexTest, FirstLoadFailureIsAnError) {
  auto missing = testing::OpenRevocationIndex(dir_ / "missing.db");
  EXPECT_FALSE(missing.ok());
  // A database without the identity schema.
  {
    auto raw = store::Database::Open(dir_ / "empty.db");
    ASSERT_TRUE(raw.ok());
  }
  auto unmigrated = testing::OpenRevocationIndex(dir_ / "empty.db");
  ASSERT_FALSE(unmigrated.ok());
  EXPECT_THAT(unmigrated.status().message(), HasSubstr("loading the revocation index"));
}

TEST_F(RevocationIndexTest, PersistentRefreshFailureFailsClosedUntilRecovery) {
  PairDeviceResult paired = Pair();
  RevocationIndexOptions options;
  options.fail_closed_after = std::chrono::milliseconds(0);
  auto index = OpenIndex(options);
  EXPECT_FALSE(index->IsRevokedHex(paired.certificate.fingerprint));

  // Break the store underneath the index.
  store::Database& db = (*registry_db_);
  ASSERT_TRUE(db.Exec("ALTER TABLE identity_generation RENAME TO identity_generation_moved").ok());
  auto failed = index->Refresh();
  ASSERT_FALSE(failed.ok());
  EXPECT_FALSE(index->last_refresh_status().ok());
  EXPECT_TRUE(index->failing_closed());
  EXPECT_TRUE(index->IsRevokedHex(paired.certificate.fingerprint));
  EXPECT_TRUE(index->IsRevoked(RandomFingerprint()));

  ASSERT_TRUE(db.Exec("ALTER TABLE identity_generation_moved RENAME TO identity_generation").ok());
  auto recovered = index->Refresh();
  ASSERT_TRUE(recovered.ok()) << recovered.status().ToString();
  EXPECT_FALSE(index->failing_closed());
  EXPECT_TRUE(index->last_refresh_status().ok());
  EXPECT_FALSE(index->IsRevokedHex(paired.certificate.fingerprint));
}

TEST_F(RevocationIndexTest, BriefRefreshFailuresKeepTheLastSnapshot) {
  PairDeviceResult paired = Pair();
  auto index = OpenIndex();  // default: fail closed only after 10 s of failures
  ASSERT_TRUE((*registry_db_)
                  .Exec("ALTER TABLE identity_generation RENAME TO identity_generation_moved")
                  .ok());
  EXPECT_FALSE(index->Refresh().ok());
  EXPECT_FALSE(index->failing_closed());
  EXPECT_FALSE(index->IsRevokedHex(paired.certificate.fingerprint));
}

TEST_F(RevocationIndexTest, ConcurrentLookupsDuringReloads) {
  std::vector<PairDeviceResult> devices;
  for (int i = 0; i < 4; ++i) devices.push_back(Pair());
  auto index = OpenIndex();
  std::atomic<bool> stop{false};
  std::atomic<int64_t> lookups{0};
  std::thread reader([&] {
    const FingerprintBytes probe = RandomFingerprint();
    while (!stop.load()) {
      EXPECT_FALSE(index->IsRevoked(probe));
      lookups.fetch_add(1);
    }
  });
  auto wait_for_lookups = [&](int64_t at_least) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (lookups.load() < at_least && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::yield();
    }
  };
  wait_for_lookups(1);
  for (const PairDeviceResult& d : devices) {
    ASSERT_TRUE(registry_->Revoke(d.device.device_id, "", NowUnixMs()).ok());
    ASSERT_TRUE(index->Refresh().ok());
  }
  wait_for_lookups(lookups.load() + 1);
  stop.store(true);
  reader.join();
  EXPECT_GT(lookups.load(), 0);
  for (const PairDeviceResult& d : devices)
    EXPECT_TRUE(index->IsRevokedHex(d.certificate.fingerprint));
}

}  // namespace
}  // namespace palyra::identity
