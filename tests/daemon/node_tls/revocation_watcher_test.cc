// Live-teardown notifications: generation listeners and per-fingerprint watches, fed by the
// polling revocation index from a revoke on another connection.

#include "daemon/node_tls/revocation_watcher.h"

#include <gtest/gtest.h>

#include <mutex>
#include <vector>

#include "node_tls_test_util.h"

namespace palyra::daemon::node_tls {
namespace {

using testing::ClientMaterial;
using testing::Eventually;
using testing::TestState;

TEST(NodeTlsRevocationWatcher, NotifiesGenerationsAndWatchedFingerprints) {
  TestState state;
  RevocationWatcher watcher(*state.index);
  std::atomic<int64_t> last_generation{-1};
  auto generations = watcher.Subscribe([&](int64_t g) { last_generation.store(g); });

  ClientMaterial watched = state.PairDevice();
  ClientMaterial bystander = state.PairDevice();
  std::mutex mu;
  std::vector<std::string> revoked;
  auto on_revoked = [&](const std::string& fp) {
    std::lock_guard lock(mu);
    revoked.push_back(fp);
  };
  auto watch = watcher.WatchFingerprint(watched.fingerprint, on_revoked);
  auto watch_bystander = watcher.WatchFingerprint(bystander.fingerprint, on_revoked);
  EXPECT_TRUE(watch.active());
  EXPECT_EQ(watcher.listener_count(), 3u);

  auto other = ::palyra::testing::OpenRegistry(state.db_path, state.dir.path() / "gateway-ca.key.pem",
                                               NowUnixMs());
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE((*other)->Revoke(watched.device_id, "", NowUnixMs()).ok());
  ASSERT_TRUE(Eventually([&] {
    std::lock_guard lock(mu);
    return !revoked.empty();
  }));
  {
    std::lock_guard lock(mu);
    ASSERT_EQ(revoked.size(), 1u);
    EXPECT_EQ(revoked[0], watched.fingerprint);
  }
  EXPECT_TRUE(Eventually([&] { return last_generation.load() == state.index->generation(); }));
  // The fired watch ended by itself; the bystander's and the generation listener remain.
  EXPECT_EQ(watcher.listener_count(), 2u);

  // A second revocation fires the bystander exactly once.
  ASSERT_TRUE((*other)->Revoke(bystander.device_id, "", NowUnixMs()).ok());
  ASSERT_TRUE(Eventually([&] {
    std::lock_guard lock(mu);
    return revoked.size() == 2;
  }));
  EXPECT_EQ(watcher.listener_count(), 1u);
}

TEST(NodeTlsRevocationWatcher, AlreadyRevokedFiresAtOnce) {
  TestState state;
  RevocationWatcher watcher(*state.index);
  ClientMaterial device = state.PairDevice();
  ASSERT_TRUE(state.registry->Revoke(device.device_id, "", NowUnixMs()).ok());
  ASSERT_TRUE(state.WaitUntilIndexed(device.fingerprint));
  int fired = 0;
  auto watch = watcher.WatchFingerprint(device.fingerprint, [&](const std::string&) { ++fired; });
  EXPECT_EQ(fired, 1);
  EXPECT_FALSE(watch.active());
  EXPECT_EQ(watcher.listener_count(), 0u);
}

TEST(NodeTlsRevocationWatcher, CancelledListenersAreNotCalled) {
  TestState state;
  state.index->StopPolling();  // refresh by hand, so the test decides when notifications happen
  RevocationWatcher watcher(*state.index);
  ClientMaterial device = state.PairDevice();
  int generation_calls = 0;
  int revoked_calls = 0;
  auto generations = watcher.Subscribe([&](int64_t) { ++generation_calls; });
  auto watch =
      watcher.WatchFingerprint(device.fingerprint, [&](const std::string&) { ++revoked_calls; });
  generations.Cancel();
  watch.Cancel();
  EXPECT_EQ(watcher.listener_count(), 0u);
  ASSERT_TRUE(state.registry->Revoke(device.device_id, "", NowUnixMs()).ok());
  auto refreshed = state.index->Refresh();
  ASSERT_TRUE(refreshed.ok());
  EXPECT_TRUE(*refreshed);
  EXPECT_EQ(generation_calls, 0);
  EXPECT_EQ(revoked_calls, 0);
}

TEST(NodeTlsRevocationWatcher, ListenerMayCancelItself) {
  TestState state;
  state.index->StopPolling();
  RevocationWatcher watcher(*state.index);
  ClientMaterial device = state.PairDevice();
  int calls = 0;
  RevocationWatcher::Subscription subscription;
  subscription = watcher.Subscribe([&](int64_t) {
    ++calls;
    subscription.Cancel();
  });
  ASSERT_TRUE(state.registry->Revoke(device.device_id, "", NowUnixMs()).ok());
  ASSERT_TRUE(state.index->Refresh().ok());
  ClientMaterial second = state.PairDevice();
  ASSERT_TRUE(state.registry->Revoke(second.device_id, "", NowUnixMs()).ok());
  ASSERT_TRUE(state.index->Refresh().ok());
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace palyra::daemon::node_tls

namespace palyra::daemon::node_tls {
namespace {

TEST(NodeTlsRevocationWatcher, FailingClosedTearsDownEveryWatch) {
  testing::TempDir dir;
  const auto db_path = dir.path() / "palyra.db";
  store::Database* registry_db = nullptr;  // the registry's device connection
  auto registry = ::palyra::testing::OpenRegistry(db_path, dir.path() / "gateway-ca.key.pem",
                                                  NowUnixMs(), &registry_db);
  ASSERT_TRUE(registry.ok());
  identity::RevocationIndexOptions options;
  options.fail_closed_after = std::chrono::milliseconds(0);
  auto index = ::palyra::testing::OpenRevocationIndex(db_path, options);
  ASSERT_TRUE(index.ok());
  RevocationWatcher watcher(**index);

  auto paired = (*registry)->RecordPairedDevice(testing::PairRequestFor(NewUlid()), NowUnixMs());
  ASSERT_TRUE(paired.ok());
  int fired = 0;
  auto watch = watcher.WatchFingerprint(paired->certificate.fingerprint,
                                        [&](const std::string&) { ++fired; });
  ASSERT_TRUE(watch.active());

  // The store becomes unreadable for the index: it fails closed, and the watch fires.
  ASSERT_TRUE(registry_db
                  ->Exec("ALTER TABLE identity_generation RENAME TO identity_generation_moved")
                  .ok());
  EXPECT_FALSE((*index)->Refresh().ok());
  EXPECT_TRUE((*index)->failing_closed());
  EXPECT_EQ(fired, 1);
  ASSERT_TRUE(registry_db
                  ->Exec("ALTER TABLE identity_generation_moved RENAME TO identity_generation")
                  .ok());
}

}  // namespace
}  // namespace palyra::daemon::node_tls
