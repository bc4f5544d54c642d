// Several processes on one database: CA creation races, concurrent mutations, and a revoke made
// by another process reaching the revocation index. No lock files involved.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "identity/store/revocation_index.h"
#include "identity_store_test_util.h"

namespace palyra::identity {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> LinesStartingWith(const std::string& text, const std::string& prefix) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(prefix)) out.push_back(line.substr(prefix.size()));
  }
  return out;
}

TEST(IdentityStoreMultiProcessTest, TwoProcessesCreatingTheCaEndWithOne) {
  for (int round = 0; round < 3; ++round) {
    testing::TempDir dir;
    const std::string db = (dir / "palyra.db").string();
    const std::string key = (dir / "gateway-ca.key.pem").string();
    const std::string start = std::to_string(NowUnixMs() + 300);
    testing::ChildProcess a({testing::HelperPath(), "create-ca", db, key, start}, dir / "a.out");
    testing::ChildProcess b({testing::HelperPath(), "create-ca", db, key, start}, dir / "b.out");
    testing::ProcessResult ra = a.Wait();
    testing::ProcessResult rb = b.Wait();
    ASSERT_EQ(ra.exit_code, 0) << ra.output;
    ASSERT_EQ(rb.exit_code, 0) << rb.output;
    auto fa = LinesStartingWith(ra.output, "ca ");
    auto fb = LinesStartingWith(rb.output, "ca ");
    ASSERT_EQ(fa.size(), 1u);
    ASSERT_EQ(fb.size(), 1u);
    EXPECT_EQ(fa[0], fb[0]) << "round " << round;

    auto database = testing::OpenDb(db);
    EXPECT_EQ(testing::CountRows(*database, "gateway_ca"), 1);
    store::SqliteCaRepository cas(*database);
    auto ca = GatewayCa::Load(cas, key);
    ASSERT_TRUE(ca.ok()) << ca.status().ToString();
    EXPECT_EQ((*ca)->Fingerprint(), fa[0]);
  }
}

TEST(IdentityStoreMultiProcessTest, ConcurrentMutationsFromTwoProcessesAllPersist) {
  testing::TempDir dir;
  const std::string db = (dir / "palyra.db").string();
  const std::string key = (dir / "gateway-ca.key.pem").string();
  constexpr int kPerProcess = 12;
  const std::string start = std::to_string(NowUnixMs() + 300);
  testing::ChildProcess a(
      {testing::HelperPath(), "churn", db, key, start, std::to_string(kPerProcess)}, dir / "a.out");
  testing::ChildProcess b(
      {testing::HelperPath(), "churn", db, key, start, std::to_string(kPerProcess)}, dir / "b.out");
  testing::ProcessResult ra = a.Wait();
  testing::ProcessResult rb = b.Wait();
  ASSERT_EQ(ra.exit_code, 0) << ra.output;
  ASSERT_EQ(rb.exit_code, 0) << rb.output;

  auto paired_a = LinesStartingWith(ra.output, "paired ");
  auto paired_b = LinesStartingWith(rb.output, "paired ");
  auto revoked_a = LinesStartingWith(ra.output, "revoked ");
  auto revoked_b = LinesStartingWith(rb.output, "revoked ");
  ASSERT_EQ(paired_a.size(), static_cast<size_t>(kPerProcess));
  ASSERT_EQ(paired_b.size(), static_cast<size_t>(kPerProcess));

  auto registry = testing::OpenRegistry(db, key, NowUnixMs());
  ASSERT_TRUE(registry.ok()) << registry.status().ToString();
  std::set<std::string> expected_paired, expected_revoked(revoked_a.begin(), revoked_a.end());
  expected_revoked.insert(revoked_b.begin(), revoked_b.end());
  for (const auto* list : {&paired_a, &paired_b}) {
    for (const std::string& id : *list) {
      if (!expected_revoked.contains(id)) expected_paired.insert(id);
    }
  }
  std::set<std::string> actual_paired;
  auto devices = (*registry)->ListPairedDevices();
  ASSERT_TRUE(devices.ok());
  for (const PairedDevice& d : devices.value()) {
    actual_paired.insert(d.device_id);
    EXPECT_EQ(d.certificate_fingerprints.size(), 2u);
  }
  EXPECT_EQ(actual_paired, expected_paired);
  std::set<std::string> actual_revoked;
  auto revoked_devices = (*registry)->ListRevokedDevices();
  ASSERT_TRUE(revoked_devices.ok());
  for (const RevokedDevice& r : revoked_devices.value()) actual_revoked.insert(r.device_id);
  EXPECT_EQ(actual_revoked, expected_revoked);
  // Two issuances (pair + rotate) per device, none lost to a race.
  EXPECT_EQ(*(*registry)->CaSequence(), 2 * 2 * kPerProcess);
  // Each device has its first certificate revoked by the rotation; revoked devices also lose
  // their second one.
  EXPECT_EQ((*registry)->ListRevokedCertificates()->size(),
            static_cast<size_t>(2 * kPerProcess) + expected_revoked.size());
}

TEST(IdentityStoreMultiProcessTest, RevocationIndexSeesARevokeFromAnotherProcess) {
  testing::TempDir dir;
  const auto db = dir / "palyra.db";
  const auto key = dir / "gateway-ca.key.pem";
  auto registry = testing::OpenRegistry(db, key, NowUnixMs());
  ASSERT_TRUE(registry.ok());
  const auto identity = testing::NewDeviceIdentity();
  auto paired = (*registry)->RecordPairedDevice(testing::PairRequest(identity), NowUnixMs());
  ASSERT_TRUE(paired.ok());
  auto index = testing::OpenRevocationIndex(db);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_FALSE((*index)->IsRevokedHex(paired->certificate.fingerprint));

  testing::ProcessResult revoke = testing::RunProcess(
      {testing::HelperPath(), "revoke", db.string(), key.string(), identity.device_id},
      dir / "revoke.out");
  ASSERT_EQ(revoke.exit_code, 0) << revoke.output;
  EXPECT_THAT(revoke.output, HasSubstr("revoked " + paired->certificate.fingerprint));

  auto refreshed = (*index)->Refresh();
  ASSERT_TRUE(refreshed.ok()) << refreshed.status().ToString();
  EXPECT_TRUE(*refreshed);
  EXPECT_TRUE((*index)->IsRevokedHex(paired->certificate.fingerprint));
  // And this process's registry sees the revoked device.
  EXPECT_TRUE(*(*registry)->IsDeviceRevoked(identity.device_id));
  auto rotate = (*registry)->RotateIfDue(identity.device_id, {}, NowUnixMs());
  EXPECT_TRUE(IsDeviceRevokedError(rotate.status()));
}

}  // namespace
}  // namespace palyra::identity
