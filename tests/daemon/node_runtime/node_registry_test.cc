// Node registry and presence: registration rules, presence thresholds and notifications, and
// last_seen kept in memory until Flush().

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "node_runtime_test_util.h"

namespace palyra::node_runtime::testing {
namespace {

using ::testing::ElementsAre;

class NodeRegistryTest : public RuntimeTest {};

TEST_F(NodeRegistryTest, RegisterTrimsSortsAndReportsOnline) {
  const std::string id = NewUlid();
  auto node = runtime_->Register(
      {id, "  linux-x86_64 ", {{" system.health ", true}, {"echo", false}}});
  ASSERT_TRUE(node.ok()) << node.status().ToString();
  EXPECT_EQ(node->device_id, id);
  EXPECT_EQ(node->platform, "linux-x86_64");
  EXPECT_THAT(node->capabilities, ElementsAre(NodeCapability{"echo", false},
                                              NodeCapability{"system.health", true}));
  EXPECT_EQ(node->registered_at_unix_ms, clock_.Now());
  EXPECT_EQ(node->last_seen_at_unix_ms, clock_.Now());
  EXPECT_EQ(node->presence, NodePresence::kOnline);
  EXPECT_FALSE(node->last_event_name.has_value());
}

TEST_F(NodeRegistryTest, RegisterRejectsBadInputWithoutChangingState) {
  const std::string id = NewUlid();
  EXPECT_TRUE(FailsWith(runtime_->Register({"not-a-ulid", "p", {}}),
                        StatusCode::kInvalidArgument, "device_id must be a canonical ULID"));
  EXPECT_TRUE(FailsWith(runtime_->Register({"", "p", {}}), StatusCode::kInvalidArgument,
                        "device_id"));
  EXPECT_TRUE(FailsWith(runtime_->Register({id, std::string(129, 'p'), {}}),
                        StatusCode::kInvalidArgument, "platform"));
  EXPECT_TRUE(FailsWith(runtime_->Register({id, "p", {{"  ", true}}}),
                        StatusCode::kInvalidArgument, "capability name must not be empty"));
  EXPECT_TRUE(FailsWith(runtime_->Register({id, "p", {{std::string(129, 'c'), true}}}),
                        StatusCode::kInvalidArgument, "at most 128 bytes"));
  EXPECT_TRUE(FailsWith(runtime_->Register({id, "p", {{"echo", true}, {" echo", false}}}),
                        StatusCode::kInvalidArgument, "more than once"));
  std::vector<NodeCapability> many;
  for (int i = 0; i < 65; ++i) many.push_back({"cap." + std::to_string(i), true});
  EXPECT_TRUE(FailsWith(runtime_->Register({id, "p", many}), StatusCode::kInvalidArgument,
                        "at most 64 capabilities"));
  EXPECT_TRUE(runtime_->ListNodes().empty());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM nodes"), 0);

  // The limits themselves are fine.
  many.pop_back();
  EXPECT_TRUE(runtime_->Register({id, std::string(128, 'p'), many}).ok());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM node_capabilities"), 64);
}

TEST_F(NodeRegistryTest, ReRegisterKeepsRegisteredAtAndReplacesCapabilities) {
  const std::string id = RegisterNode({{"echo", true}, {"system.health", true}});
  const int64_t first = clock_.Now();
  clock_.Advance(5 * kSecondMs);
  auto again = runtime_->Register({id, "macos-aarch64", {{"desktop.open_url", false}}});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->registered_at_unix_ms, first);
  EXPECT_EQ(again->last_seen_at_unix_ms, first + 5 * kSecondMs);
  EXPECT_EQ(again->platform, "macos-aarch64");
  EXPECT_THAT(again->capabilities, ElementsAre(NodeCapability{"desktop.open_url", false}));
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM node_capabilities"), 1);
  EXPECT_EQ(QueryInt("SELECT registered_at_unix_ms FROM nodes"), first);

  // Survives a restart.
  ASSERT_TRUE(Reopen().ok());
  auto loaded = runtime_->GetNode(id);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->registered_at_unix_ms, first);
  EXPECT_EQ(loaded->platform, "macos-aarch64");
  EXPECT_THAT(loaded->capabilities, ElementsAre(NodeCapability{"desktop.open_url", false}));
}

TEST_F(NodeRegistryTest, ListIsSortedAndGetKnowsOnlyRegisteredNodes) {
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(RegisterNode());
  std::vector<std::string> listed;
  for (const NodeRecord& n : runtime_->ListNodes()) listed.push_back(n.device_id);
  std::vector<std::string> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(listed, sorted);
  EXPECT_TRUE(FailsWith(runtime_->GetNode(NewUlid()), StatusCode::kNotFound, "not registered"));
  EXPECT_TRUE(FailsWith(runtime_->GetNode("bad"), StatusCode::kInvalidArgument));
}

TEST_F(NodeRegistryTest, PresenceFollowsTheThresholds) {
  const std::string id = RegisterNode();
  auto presence = [&] { return runtime_->GetNode(id)->presence; };
  EXPECT_EQ(presence(), NodePresence::kOnline);
  clock_.Advance(60 * kSecondMs - 1);
  EXPECT_EQ(presence(), NodePresence::kOnline);
  clock_.Advance(1);
  EXPECT_EQ(presence(), NodePresence::kStale);
  clock_.Advance(30 * kMinuteMs - 60 * kSecondMs - 1);
  EXPECT_EQ(presence(), NodePresence::kStale);
  clock_.Advance(1);
  EXPECT_EQ(presence(), NodePresence::kOffline);
  ASSERT_TRUE(runtime_->Touch(id, "node.heartbeat").ok());
  EXPECT_EQ(presence(), NodePresence::kOnline);

  EXPECT_EQ(ComputePresence(1000, 1001, {}), NodePresence::kOnline);
  EXPECT_EQ(ComputePresence(1000, 1000 + 5 * kMinuteMs, {}), NodePresence::kStale);
  EXPECT_EQ(ComputePresence(1000, 1000 + 30 * kMinuteMs, {}), NodePresence::kOffline);
}

TEST_F(NodeRegistryTest, ThresholdsAreConfigurable) {
  options_.presence = {10 * kSecondMs, 20 * kSecondMs};
  ASSERT_TRUE(Reopen().ok());
  const std::string id = RegisterNode();
  clock_.Advance(10 * kSecondMs);
  EXPECT_EQ(runtime_->GetNode(id)->presence, NodePresence::kStale);
  clock_.Advance(10 * kSecondMs);
  EXPECT_EQ(runtime_->GetNode(id)->presence, NodePresence::kOffline);

  options_.presence = {10 * kSecondMs, 5 * kSecondMs};
  EXPECT_TRUE(FailsWith(Reopen(), StatusCode::kInvalidArgument, "presence thresholds"));
}

TEST_F(NodeRegistryTest, PresenceNotifications) {
  PresenceSink sink;
  const auto subscription = runtime_->SubscribePresence(sink.Listener());
  const std::string id = RegisterNode();
  auto events = sink.Take();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, PresenceEventKind::kOnline);
  EXPECT_EQ(events[0].device_id, id);

  // Re-registering or touching an online node changes nothing.
  RegisterNode();  // another node: one event for it
  EXPECT_EQ(sink.Take().size(), 1u);
  ASSERT_TRUE(runtime_->Register({id, "linux-x86_64", {}}).ok());
  ASSERT_TRUE(runtime_->Touch(id, "node.heartbeat").ok());
  ASSERT_TRUE(runtime_->Tick().ok());
  EXPECT_TRUE(sink.Take().empty());

  // Stale and offline are noticed by Tick, once each.
  clock_.Advance(61 * kSecondMs);
  ASSERT_TRUE(runtime_->Tick().ok());
  events = sink.Take();
  ASSERT_EQ(events.size(), 2u);  // both nodes
  EXPECT_EQ(events[0].kind, PresenceEventKind::kStale);
  ASSERT_TRUE(runtime_->Tick().ok());
  EXPECT_TRUE(sink.Take().empty());
  clock_.Advance(30 * kMinuteMs);
  ASSERT_TRUE(runtime_->Tick().ok());
  events = sink.Take();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, PresenceEventKind::kOffline);

  // The first touch after that brings it back online.
  ASSERT_TRUE(runtime_->Touch(id).ok());
  events = sink.Take();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, PresenceEventKind::kOnline);
  EXPECT_EQ(events[0].last_seen_at_unix_ms, clock_.Now());
  ASSERT_TRUE(runtime_->Touch(id).ok());
  EXPECT_TRUE(sink.Take().empty());

  // Removal.
  ASSERT_TRUE(runtime_->Remove(id).ok());
  events = sink.Take();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, PresenceEventKind::kRemoved);
  EXPECT_EQ(events[0].device_id, id);

  runtime_->UnsubscribePresence(subscription);
  RegisterNode();
  EXPECT_TRUE(sink.Take().empty());
}

TEST_F(NodeRegistryTest, StaleNodeReRegisteringComesOnline) {
  PresenceSink sink;
  runtime_->SubscribePresence(sink.Listener());
  const std::string id = RegisterNode();
  clock_.Advance(2 * kMinuteMs);
  ASSERT_TRUE(runtime_->Tick().ok());
  sink.Take();
  ASSERT_TRUE(runtime_->Register({id, "linux-x86_64", {}}).ok());
  auto events = sink.Take();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, PresenceEventKind::kOnline);
}

TEST_F(NodeRegistryTest, TouchRules) {
  EXPECT_TRUE(FailsWith(runtime_->Touch(NewUlid()), StatusCode::kNotFound, "not registered"));
  EXPECT_TRUE(FailsWith(runtime_->Touch("nope"), StatusCode::kInvalidArgument));
  const std::string id = RegisterNode();
  EXPECT_TRUE(FailsWith(runtime_->Touch(id, std::string(129, 'e')), StatusCode::kInvalidArgument,
                        "event_name"));
  clock_.Advance(1234);
  ASSERT_TRUE(runtime_->Touch(id, "node.started").ok());
  auto node = runtime_->GetNode(id);
  EXPECT_EQ(node->last_seen_at_unix_ms, clock_.Now());
  EXPECT_EQ(node->last_event_name, "node.started");
  EXPECT_EQ(node->last_event_at_unix_ms, clock_.Now());
  // An unnamed touch moves last_seen only.
  clock_.Advance(10);
  ASSERT_TRUE(runtime_->Touch(id).ok());
  node = runtime_->GetNode(id);
  EXPECT_EQ(node->last_seen_at_unix_ms, clock_.Now());
  EXPECT_EQ(node->last_event_at_unix_ms, clock_.Now() - 10);
}

TEST_F(NodeRegistryTest, LastSeenReachesTheDatabaseOnlyOnFlush) {
  const std::string id = RegisterNode();
  const int64_t registered = clock_.Now();
  EXPECT_EQ(runtime_->Stats().unflushed_nodes, 0u);
  for (int i = 0; i < 10; ++i) {
    clock_.Advance(kSecondMs);
    ASSERT_TRUE(runtime_->Touch(id, "node.heartbeat").ok());
  }
  EXPECT_EQ(runtime_->GetNode(id)->last_seen_at_unix_ms, registered + 10 * kSecondMs);
  EXPECT_EQ(QueryInt("SELECT last_seen_at_unix_ms FROM nodes"), registered);
  EXPECT_EQ(QueryInt("SELECT last_event_at_unix_ms FROM nodes"), std::nullopt);
  EXPECT_EQ(runtime_->Stats().unflushed_nodes, 1u);

  ASSERT_TRUE(runtime_->Flush().ok());
  EXPECT_EQ(QueryInt("SELECT last_seen_at_unix_ms FROM nodes"), registered + 10 * kSecondMs);
  EXPECT_EQ(QueryInt("SELECT last_event_at_unix_ms FROM nodes"), registered + 10 * kSecondMs);
  EXPECT_EQ(runtime_->Stats().unflushed_nodes, 0u);

  // Shutdown flushes too.
  clock_.Advance(kSecondMs);
  ASSERT_TRUE(runtime_->Touch(id, "node.stopping").ok());
  runtime_.reset();
  EXPECT_EQ(QueryInt("SELECT last_seen_at_unix_ms FROM nodes"), registered + 11 * kSecondMs);
  ASSERT_TRUE(Reopen().ok());
  EXPECT_EQ(runtime_->GetNode(id)->last_event_name, "node.stopping");
}

TEST_F(NodeRegistryTest, RemoveDeletesTheNodeButKeepsHistory) {
  const std::string id = RegisterNode();
  auto done = Dispatched(id);
  ASSERT_TRUE(runtime_->Complete(id, done.request_id, Success("{}")).ok());
  auto live = MustEnqueue(Invoke(id, "echo"));
  ASSERT_TRUE(runtime_->Remove(id).ok());
  EXPECT_TRUE(FailsWith(runtime_->GetNode(id), StatusCode::kNotFound));
  EXPECT_TRUE(FailsWith(runtime_->Remove(id), StatusCode::kNotFound));
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM nodes"), 0);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM node_capabilities"), 0);
  // Its live work ended; its history is still there.
  EXPECT_EQ(MustGet(live.request_id).state, CapabilityRequestState::kFailed);
  EXPECT_EQ(MustGet(live.request_id).error, "node_removed");
  EXPECT_EQ(MustGet(done.request_id).state, CapabilityRequestState::kSucceeded);
  EXPECT_EQ(runtime_->ListRequests(id, 10)->size(), 2u);
  // New work needs a new registration.
  EXPECT_TRUE(FailsWith(runtime_->Enqueue(Invoke(id, "echo")), StatusCode::kFailedPrecondition,
                        "node must register before executing capabilities"));
}

TEST_F(NodeRegistryTest, GrantAndRevokeOneCapability) {
  const std::string id = RegisterNode({});
  auto granted = runtime_->SetCapabilityAvailable(id, "desktop.open_url", true);
  ASSERT_TRUE(granted.ok());
  EXPECT_THAT(granted->capabilities, ElementsAre(NodeCapability{"desktop.open_url", true}));
  EXPECT_EQ(granted->last_event_name, "capability_granted");
  auto revoked = runtime_->SetCapabilityAvailable(id, "desktop.open_url", false);
  ASSERT_TRUE(revoked.ok());
  EXPECT_THAT(revoked->capabilities, ElementsAre(NodeCapability{"desktop.open_url", false}));
  EXPECT_EQ(revoked->last_event_name, "capability_revoked");
  EXPECT_TRUE(FailsWith(runtime_->SetCapabilityAvailable(NewUlid(), "x", true),
                        StatusCode::kNotFound));
  ASSERT_TRUE(Reopen().ok());
  auto loaded = runtime_->GetNode(id);
  EXPECT_THAT(loaded->capabilities, ElementsAre(NodeCapability{"desktop.open_url", false}));
  EXPECT_EQ(loaded->last_event_name, "capability_revoked");
}

}  // namespace
}  // namespace palyra::node_runtime::testing
