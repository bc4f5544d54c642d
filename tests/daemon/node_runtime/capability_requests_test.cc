// Capability requests end to end on real SQLite: enqueue validation, the state machine (every
// legal edge, illegal ones refused), ownership, payload limits, timeouts, restart recovery,
// push and pull dispatch, waiting for results, listing and counters.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "node_runtime_test_util.h"

namespace palyra::node_runtime::testing {
namespace {

using S = CapabilityRequestState;
using ::testing::HasSubstr;
using ::testing::Not;

class CapabilityRequestsTest : public RuntimeTest {};

// ---- the upstream acceptance flow (spec §11, cases 1-5) ----

TEST_F(CapabilityRequestsTest, EnqueueDispatchComplete) {
  const std::string node = RegisterNode({{"system.health", true}}, "windows-x86_64");
  auto queued = MustEnqueue(
      Invoke(node, " system.health ", R"({"secret":"value","ok":true})", 4096));
  EXPECT_EQ(queued.state, S::kQueued);
  EXPECT_TRUE(IsCanonicalUlid(queued.request_id));
  EXPECT_EQ(queued.device_id, node);
  EXPECT_EQ(queued.capability, "system.health");
  EXPECT_EQ(queued.max_payload_bytes, 4096u);
  EXPECT_EQ(queued.input_json, R"({"secret":"value","ok":true})");
  ASSERT_TRUE(queued.input_summary.has_value());
  EXPECT_THAT(*queued.input_summary, Not(HasSubstr("value")));
  EXPECT_EQ(queued.created_at_unix_ms, clock_.Now());
  EXPECT_EQ(queued.deadline_at_unix_ms, clock_.Now() + 30 * kSecondMs);
  EXPECT_FALSE(queued.dispatched_at_unix_ms.has_value());
  EXPECT_FALSE(queued.completed_at_unix_ms.has_value());
  ASSERT_EQ(runtime_->ListRequests(node, 10)->size(), 1u);

  clock_.Advance(5);
  auto dispatch = runtime_->NextDispatch(node);
  ASSERT_TRUE(dispatch.ok() && dispatch->has_value());
  EXPECT_EQ((*dispatch)->request_id, queued.request_id);
  EXPECT_EQ((*dispatch)->capability, "system.health");
  EXPECT_EQ((*dispatch)->input_json, R"({"secret":"value","ok":true})");
  EXPECT_EQ((*dispatch)->max_payload_bytes, 4096u);
  auto dispatched = MustGet(queued.request_id);
  EXPECT_EQ(dispatched.state, S::kDispatched);
  EXPECT_EQ(dispatched.dispatched_at_unix_ms, clock_.Now());
  EXPECT_EQ(dispatched.dispatched_to, node);

  clock_.Advance(5);
  auto done = runtime_->Complete(node, queued.request_id, Success(R"({"status":"ok"})"));
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->state, S::kSucceeded);
  EXPECT_EQ(done->output_json, R"({"status":"ok"})");
  EXPECT_EQ(done->output_summary, R"({"status":"ok"})");
  EXPECT_EQ(done->completed_at_unix_ms, clock_.Now());
  EXPECT_FALSE(done->error.has_value());
  // What is on disk matches, and the input is gone once terminal.
  auto stored = MustGet(queued.request_id);
  EXPECT_EQ(stored.state, S::kSucceeded);
  EXPECT_EQ(stored.output_summary, R"({"status":"ok"})");
  EXPECT_TRUE(stored.input_json.empty());
  EXPECT_EQ(stored.input_summary, queued.input_summary);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM capability_requests WHERE input_json IS NULL"), 1);
}

TEST_F(CapabilityRequestsTest, InputIsKeptOnDiskWhileLive) {
  const std::string node = RegisterNode();
  MustEnqueue(Invoke(node, "echo", R"({"a":1})"));
  EXPECT_EQ(QueryInt("SELECT length(input_json) FROM capability_requests"), 7);
}

// ---- every legal edge ----

TEST_F(CapabilityRequestsTest, DispatchedToMediationToSucceeded) {
  const std::string node = RegisterNode({{"desktop.open_url", true}});
  auto r = Dispatched(node, "desktop.open_url");
  auto mediating = runtime_->MarkAwaitingMediation(node, r.request_id);
  ASSERT_TRUE(mediating.ok()) << mediating.status().ToString();
  EXPECT_EQ(mediating->state, S::kAwaitingLocalMediation);
  EXPECT_TRUE(mediating->dispatched_at_unix_ms.has_value());
  EXPECT_EQ(MustGet(r.request_id).state, S::kAwaitingLocalMediation);
  auto done = runtime_->Complete(node, r.request_id, Success(R"({"opened":true})"));
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->state, S::kSucceeded);
}

TEST_F(CapabilityRequestsTest, MediationToFailedRejectedAndTimedOut) {
  const std::string node = RegisterNode();
  auto a = Dispatched(node);
  ASSERT_TRUE(runtime_->MarkAwaitingMediation(node, a.request_id).ok());
  auto failed = runtime_->Complete(node, a.request_id, Failure("boom"));
  ASSERT_TRUE(failed.ok());
  EXPECT_EQ(failed->state, S::kFailed);
  EXPECT_EQ(failed->error, "boom");

  auto b = Dispatched(node);
  ASSERT_TRUE(runtime_->MarkAwaitingMediation(node, b.request_id).ok());
  auto rejected = runtime_->Complete(node, b.request_id, Denied("user declined"));
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->state, S::kRejected);
  EXPECT_EQ(rejected->error, "user declined");

  auto c = Dispatched(node);
  ASSERT_TRUE(runtime_->MarkAwaitingMediation(node, c.request_id).ok());
  clock_.Advance(31 * kSecondMs);
  ASSERT_TRUE(runtime_->Tick().ok());
  EXPECT_EQ(MustGet(c.request_id).state, S::kTimedOut);
}

TEST_F(CapabilityRequestsTest, DispatchedToFailedAndTimedOut) {
  const std::string node = RegisterNode();
  auto a = Dispatched(node);
  auto failed = runtime_->Complete(node, a.request_id, Failure(""));
  ASSERT_TRUE(failed.ok());
  EXPECT_EQ(failed->state, S::kFailed);
  EXPECT_EQ(failed->error, "node reported failure without an error message");

  auto b = Dispatched(node);
  clock_.Advance(30 * kSecondMs);
  ASSERT_TRUE(runtime_->Tick().ok());
  auto timed_out = MustGet(b.request_id);
  EXPECT_EQ(timed_out.state, S::kTimedOut);
  EXPECT_EQ(timed_out.error, "timed out waiting for node capability result");
  EXPECT_EQ(timed_out.completed_at_unix_ms, clock_.Now());
}

TEST_F(CapabilityRequestsTest, QueuedToTimedOutFailedAndRejected) {
  const std::string node = RegisterNode({{"echo", true}, {"off", false}});
  auto a = MustEnqueue(Invoke(node, "echo"));
  clock_.Advance(30 * kSecondMs - 1);
  ASSERT_TRUE(runtime_->Tick().ok());
  EXPECT_EQ(MustGet(a.request_id).state, S::kQueued);
  clock_.Advance(1);
  ASSERT_TRUE(runtime_->Tick().ok());
  EXPECT_EQ(MustGet(a.request_id).state, S::kTimedOut);
  EXPECT_EQ(MustGet(a.request_id).error, "timed out waiting for node capability result");
  // It left the queue: nothing to dispatch.
  EXPECT_FALSE(runtime_->NextDispatch(node)->has_value());

  auto b = MustEnqueue(Invoke(node, "echo"));
  auto cancelled = runtime_->Cancel(b.request_id, "operator gave up");
  ASSERT_TRUE(cancelled.ok());
  EXPECT_EQ(cancelled->state, S::kFailed);
  EXPECT_EQ(cancelled->error, "operator gave up");
  EXPECT_FALSE(runtime_->NextDispatch(node)->has_value());

  auto c = MustEnqueue(Invoke(node, "off"));
  EXPECT_EQ(c.state, S::kRejected);
}

// ---- illegal edges and finality ----

TEST_F(CapabilityRequestsTest, IllegalTransitionsAreRefusedAndChangeNothing) {
  const std::string node = RegisterNode();
  auto queued = MustEnqueue(Invoke(node, "echo"));
  EXPECT_TRUE(FailsWith(runtime_->Complete(node, queued.request_id, Success("{}")),
                        StatusCode::kFailedPrecondition, "never dispatched"));
  EXPECT_TRUE(FailsWith(runtime_->MarkAwaitingMediation(node, queued.request_id),
                        StatusCode::kFailedPrecondition, "cannot go from queued"));
  EXPECT_EQ(MustGet(queued.request_id).state, S::kQueued);

  auto dispatched = runtime_->NextDispatch(node);
  ASSERT_TRUE(dispatched.ok() && dispatched->has_value());
  // Only local mediation can reject.
  EXPECT_TRUE(FailsWith(runtime_->Complete(node, queued.request_id, Denied("no")),
                        StatusCode::kFailedPrecondition, "cannot go from dispatched to rejected"));
  ASSERT_TRUE(runtime_->MarkAwaitingMediation(node, queued.request_id).ok());
  EXPECT_TRUE(FailsWith(runtime_->MarkAwaitingMediation(node, queued.request_id),
                        StatusCode::kFailedPrecondition, "cannot go from awaiting_local_mediation"));
  EXPECT_EQ(MustGet(queued.request_id).state, S::kAwaitingLocalMediation);

  CapabilityResult both = Success("{}");
  both.denied_by_local_mediation = true;
  EXPECT_TRUE(FailsWith(runtime_->Complete(node, queued.request_id, both),
                        StatusCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(runtime_->Complete(node, "bad", Success()), StatusCode::kInvalidArgument,
                        "request_id"));
  EXPECT_TRUE(FailsWith(runtime_->Complete("bad", queued.request_id, Success()),
                        StatusCode::kInvalidArgument, "device_id"));
  EXPECT_TRUE(
      FailsWith(runtime_->Complete(node, NewUlid(), Success()), StatusCode::kNotFound));
  EXPECT_TRUE(FailsWith(runtime_->MarkAwaitingMediation(node, NewUlid()), StatusCode::kNotFound));
  EXPECT_EQ(MustGet(queued.request_id).state, S::kAwaitingLocalMediation);
}

TEST_F(CapabilityRequestsTest, TerminalIsFinalAndLateResultsAreIgnored) {
  const std::string node = RegisterNode();
  auto r = Dispatched(node);
  clock_.Advance(31 * kSecondMs);
  ASSERT_TRUE(runtime_->Tick().ok());
  ASSERT_EQ(MustGet(r.request_id).state, S::kTimedOut);

  EXPECT_TRUE(FailsWith(runtime_->Complete(node, r.request_id, Success(R"({"late":true})")),
                        StatusCode::kFailedPrecondition, "already timed_out"));
  EXPECT_TRUE(FailsWith(runtime_->MarkAwaitingMediation(node, r.request_id),
                        StatusCode::kFailedPrecondition, "already timed_out"));
  EXPECT_TRUE(FailsWith(runtime_->Cancel(r.request_id, "x"), StatusCode::kFailedPrecondition));
  EXPECT_EQ(runtime_->Stats().late_results_ignored, 2u);
  auto after = MustGet(r.request_id);
  EXPECT_EQ(after.state, S::kTimedOut);
  EXPECT_TRUE(after.output_json.empty());
  EXPECT_EQ(after.error, "timed out waiting for node capability result");

  // Same for a success: a second result does not overwrite the first.
  auto s = Dispatched(node);
  ASSERT_TRUE(runtime_->Complete(node, s.request_id, Success(R"({"first":1})")).ok());
  EXPECT_TRUE(FailsWith(runtime_->Complete(node, s.request_id, Failure("second")),
                        StatusCode::kFailedPrecondition, "already succeeded"));
  EXPECT_EQ(MustGet(s.request_id).output_json, R"({"first":1})");
  // And after a restart, from the database.
  ASSERT_TRUE(Reopen().ok());
  EXPECT_TRUE(FailsWith(runtime_->Complete(node, s.request_id, Failure("third")),
                        StatusCode::kFailedPrecondition, "already succeeded"));
}

TEST_F(CapabilityRequestsTest, ResultsAreAcceptedOnlyFromTheDispatchedDevice) {
  const std::string node = RegisterNode();
  const std::string other = RegisterNode();
  auto r = Dispatched(node);
  EXPECT_TRUE(FailsWith(runtime_->Complete(other, r.request_id, Success("{}")),
                        StatusCode::kPermissionDenied, "not dispatched to device"));
  EXPECT_TRUE(FailsWith(runtime_->MarkAwaitingMediation(other, r.request_id),
                        StatusCode::kPermissionDenied));
  EXPECT_EQ(MustGet(r.request_id).state, S::kDispatched);
  ASSERT_TRUE(runtime_->Complete(node, r.request_id, Success("{}")).ok());
  // A terminal request from someone else: still refused as not theirs, and not counted late.
  EXPECT_TRUE(FailsWith(runtime_->Complete(other, r.request_id, Success("{}")),
                        StatusCode::kPermissionDenied));
  EXPECT_EQ(runtime_->Stats().late_results_ignored, 0u);
}

// ---- enqueue validation ----

TEST_F(CapabilityRequestsTest, EnqueueValidation) {
  const std::string node = RegisterNode();
  EXPECT_TRUE(FailsWith(runtime_->Enqueue(Invoke("01arz3ndektsv4rrffq69g5fav", "echo")),
                        StatusCode::kInvalidArgument, "device_id must be a canonical ULID"));
  EXPECT_TRUE(FailsWith(runtime_->Enqueue(Invoke(node, "  ")), StatusCode::kInvalidArgument,
                        "capability must not be empty"));
  EXPECT_TRUE(FailsWith(runtime_->Enqueue(Invoke(node, std::string(129, 'c'))),
                        StatusCode::kInvalidArgument, "capability must be at most 128 bytes"));
  EXPECT_TRUE(FailsWith(runtime_->Enqueue(Invoke(node, "echo", "{nope")),
                        StatusCode::kInvalidArgument, "input_json is not valid JSON"));
  EXPECT_TRUE(FailsWith(runtime_->Enqueue(Invoke(node, "echo", "", 0, -1)),
                        StatusCode::kInvalidArgument, "timeout_ms"));
  EXPECT_TRUE(FailsWith(runtime_->Enqueue(Invoke(node, "echo", "", 0, 0, std::string(" "))),
                        StatusCode::kInvalidArgument, "idempotency_key"));
  EXPECT_TRUE(FailsWith(runtime_->Enqueue(Invoke(NewUlid(), "echo")),
                        StatusCode::kFailedPrecondition,
                        "node must register before executing capabilities"));
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM capability_requests"), 0);
  EXPECT_EQ(runtime_->Stats().enqueued, 0u);
}

TEST_F(CapabilityRequestsTest, UnknownOrUnavailableCapabilityIsRejected) {
  const std::string node = RegisterNode({{"echo", true}, {"desktop.open_url", false}});
  auto unknown = MustEnqueue(Invoke(node, "shell.exec", R"({"cmd":"rm"})"));
  EXPECT_EQ(unknown.state, S::kRejected);
  ASSERT_TRUE(unknown.error.has_value());
  EXPECT_THAT(*unknown.error, HasSubstr("`shell.exec` is not advertised"));
  EXPECT_TRUE(unknown.completed_at_unix_ms.has_value());
  EXPECT_TRUE(unknown.input_summary.has_value());

  auto unavailable = MustEnqueue(Invoke(node, "desktop.open_url"));
  EXPECT_EQ(unavailable.state, S::kRejected);
  EXPECT_THAT(*unavailable.error, HasSubstr("`desktop.open_url` is currently unavailable"));

  // Persisted, never dispatched.
  EXPECT_EQ(MustGet(unknown.request_id).state, S::kRejected);
  EXPECT_FALSE(runtime_->NextDispatch(node)->has_value());
  EXPECT_EQ(runtime_->Stats().rejected_at_enqueue, 2u);
  EXPECT_EQ(runtime_->Stats().count(S::kRejected), 2u);

  // Granting it makes the same call go through.
  ASSERT_TRUE(runtime_->SetCapabilityAvailable(node, "desktop.open_url", true).ok());
  EXPECT_EQ(MustEnqueue(Invoke(node, "desktop.open_url")).state, S::kQueued);
}

TEST_F(CapabilityRequestsTest, FullQueueIsResourceExhausted) {
  options_.max_live_per_device = 3;
  ASSERT_TRUE(Reopen().ok());
  const std::string node = RegisterNode();
  const std::string other = RegisterNode();
  std::vector<CapabilityRequestRecord> live;
  for (int i = 0; i < 3; ++i) live.push_back(MustEnqueue(Invoke(node, "echo")));
  EXPECT_TRUE(FailsWith(runtime_->Enqueue(Invoke(node, "echo")), StatusCode::kResourceExhausted,
                        "already has 3"));
  EXPECT_EQ(runtime_->Stats().refused_queue_full, 1u);
  // In-flight requests count too; other devices are unaffected.
  ASSERT_TRUE(runtime_->NextDispatch(node)->has_value());
  EXPECT_TRUE(FailsWith(runtime_->Enqueue(Invoke(node, "echo")), StatusCode::kResourceExhausted));
  EXPECT_TRUE(runtime_->Enqueue(Invoke(other, "echo")).ok());
  // Rejections do not take a slot and are still recorded.
  EXPECT_EQ(MustEnqueue(Invoke(node, "unknown.cap")).state, S::kRejected);
  // Room again once one finishes.
  ASSERT_TRUE(runtime_->Complete(node, live[0].request_id, Success()).ok());
  EXPECT_TRUE(runtime_->Enqueue(Invoke(node, "echo")).ok());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM capability_requests WHERE device_id = '" + node + "'"),
            5);
}

TEST_F(CapabilityRequestsTest, DaemonWideBound) {
  options_.max_live_requests = 2;
  ASSERT_TRUE(Reopen().ok());
  const std::string a = RegisterNode();
  const std::string b = RegisterNode();
  MustEnqueue(Invoke(a, "echo"));
  MustEnqueue(Invoke(b, "echo"));
  EXPECT_TRUE(FailsWith(runtime_->Enqueue(Invoke(a, "echo")), StatusCode::kResourceExhausted,
                        "the daemon already has 2"));
}

TEST_F(CapabilityRequestsTest, IdempotencyKeyReturnsTheExistingRequest) {
  const std::string node = RegisterNode();
  const std::string other = RegisterNode();
  auto first = MustEnqueue(Invoke(node, "echo", R"({"n":1})", 0, 0, "key-1"));
  auto again = MustEnqueue(Invoke(node, "echo", R"({"n":2})", 0, 0, " key-1 "));
  EXPECT_EQ(again.request_id, first.request_id);
  EXPECT_EQ(again.input_json, R"({"n":1})");
  EXPECT_EQ(again.idempotency_key, "key-1");
  // Another device may use the same key for its own request.
  auto theirs = MustEnqueue(Invoke(other, "echo", "", 0, 0, "key-1"));
  EXPECT_NE(theirs.request_id, first.request_id);
  // Still the same after it finished, and after a restart.
  ASSERT_TRUE(runtime_->NextDispatch(node)->has_value());
  ASSERT_TRUE(runtime_->Complete(node, first.request_id, Success("1")).ok());
  auto finished = MustEnqueue(Invoke(node, "echo", "", 0, 0, "key-1"));
  EXPECT_EQ(finished.request_id, first.request_id);
  EXPECT_EQ(finished.state, S::kSucceeded);
  ASSERT_TRUE(Reopen().ok());
  EXPECT_EQ(MustEnqueue(Invoke(node, "echo", "", 0, 0, "key-1")).request_id, first.request_id);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM capability_requests"), 2);
  EXPECT_EQ(runtime_->Stats().enqueued, 0u);
  // A rejected request is idempotent too.
  auto rejected = MustEnqueue(Invoke(node, "nope", "", 0, 0, "key-2"));
  EXPECT_EQ(MustEnqueue(Invoke(node, "nope", "", 0, 0, "key-2")).request_id, rejected.request_id);
}

// ---- payload limits ----

TEST_F(CapabilityRequestsTest, InputPayloadLimits) {
  const std::string node = RegisterNode();
  // 0 means the default, 64 KiB.
  auto defaulted = MustEnqueue(Invoke(node, "echo"));
  EXPECT_EQ(defaulted.max_payload_bytes, 65536u);
  const std::string big = "\"" + std::string(65536 - 2, 'x') + "\"";
  EXPECT_TRUE(runtime_->Enqueue(Invoke(node, "echo", big)).ok());
  EXPECT_TRUE(FailsWith(runtime_->Enqueue(Invoke(node, "echo", big + " ")),
                        StatusCode::kInvalidArgument, "payload limit of 65536 bytes"));
  // An explicit limit binds the input.
  EXPECT_TRUE(FailsWith(runtime_->Enqueue(Invoke(node, "echo", R"({"a":12345})", 5)),
                        StatusCode::kInvalidArgument, "input_json is 11 bytes"));
  EXPECT_EQ(MustEnqueue(Invoke(node, "echo", "12345", 5)).max_payload_bytes, 5u);
  // Asking for more than the daemon cap is clamped to it (1 MiB by default).
  EXPECT_EQ(MustEnqueue(Invoke(node, "echo", "", 10 * 1024 * 1024)).max_payload_bytes,
            1024u * 1024u);
}

TEST_F(CapabilityRequestsTest, PayloadDefaultsAreConfigurable) {
  options_.default_max_payload_bytes = 100;
  options_.max_payload_bytes_cap = 1000;
  ASSERT_TRUE(Reopen().ok());
  const std::string node = RegisterNode();
  EXPECT_EQ(MustEnqueue(Invoke(node, "echo")).max_payload_bytes, 100u);
  EXPECT_EQ(MustEnqueue(Invoke(node, "echo", "", 5000)).max_payload_bytes, 1000u);
  options_.default_max_payload_bytes = 2000;
  EXPECT_TRUE(FailsWith(Reopen(), StatusCode::kInvalidArgument, "payload limits"));
}

TEST_F(CapabilityRequestsTest, OutputPayloadLimitsAndJson) {
  const std::string node = RegisterNode();
  auto at_limit = MustEnqueue(Invoke(node, "echo", "", 16));
  ASSERT_TRUE(runtime_->NextDispatch(node)->has_value());
  const std::string seventeen = R"({"k":"123456789"})";
  ASSERT_EQ(seventeen.size(), 17u);
  auto over = runtime_->Complete(node, at_limit.request_id, Success(seventeen));
  ASSERT_TRUE(over.ok());
  EXPECT_EQ(over->state, S::kFailed);
  EXPECT_THAT(*over->error, HasSubstr("output_json is 17 bytes"));
  EXPECT_THAT(*over->error, HasSubstr("max_payload_bytes=16"));
  EXPECT_TRUE(over->output_json.empty());

  auto fits = MustEnqueue(Invoke(node, "echo", "", 17));
  ASSERT_TRUE(runtime_->NextDispatch(node)->has_value());
  auto ok = runtime_->Complete(node, fits.request_id, Success(seventeen));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->state, S::kSucceeded);
  EXPECT_EQ(ok->output_json, seventeen);

  auto bad = MustEnqueue(Invoke(node, "echo"));
  ASSERT_TRUE(runtime_->NextDispatch(node)->has_value());
  auto not_json = runtime_->Complete(node, bad.request_id, Success("<html>"));
  ASSERT_TRUE(not_json.ok());
  EXPECT_EQ(not_json->state, S::kFailed);
  EXPECT_EQ(not_json->error, "output_json is not valid JSON");
  EXPECT_EQ(not_json->output_summary, R"({"redacted":true,"reason":"not_json","bytes":6})");

  // Far over the daemon cap: refused without parsing.
  auto huge = MustEnqueue(Invoke(node, "echo"));
  ASSERT_TRUE(runtime_->NextDispatch(node)->has_value());
  auto too_big =
      runtime_->Complete(node, huge.request_id, Success(std::string(2 * 1024 * 1024, ' ')));
  ASSERT_TRUE(too_big.ok());
  EXPECT_EQ(too_big->state, S::kFailed);
  EXPECT_THAT(*too_big->error, HasSubstr("max_payload_bytes=65536"));
}

TEST_F(CapabilityRequestsTest, ErrorsAreBoundedAndOutputSummariesRedacted) {
  const std::string node = RegisterNode();
  auto r = Dispatched(node);
  auto failed = runtime_->Complete(node, r.request_id,
                                   Failure(std::string(5000, 'e'), R"({"token":"t0p"})"));
  ASSERT_TRUE(failed.ok());
  EXPECT_EQ(failed->error->size(), kMaxErrorBytes);
  EXPECT_EQ(failed->output_summary, R"({"token":"<redacted>"})");
  EXPECT_EQ(QueryInt("SELECT length(error) FROM capability_requests"), 1024);
}

// ---- timeouts ----

TEST_F(CapabilityRequestsTest, TimeoutDefaultsAndClamps) {
  const std::string node = RegisterNode();
  EXPECT_EQ(MustEnqueue(Invoke(node, "echo")).timeout_ms, 30000);
  EXPECT_EQ(MustEnqueue(Invoke(node, "echo", "", 0, 10)).timeout_ms, 1000);
  EXPECT_EQ(MustEnqueue(Invoke(node, "echo", "", 0, 5000)).timeout_ms, 5000);
  auto longest = MustEnqueue(Invoke(node, "echo", "", 0, 999999));
  EXPECT_EQ(longest.timeout_ms, 120000);
  EXPECT_EQ(longest.deadline_at_unix_ms, longest.created_at_unix_ms + 120000);
}

TEST_F(CapabilityRequestsTest, TimeoutFreesTheInFlightSlot) {
  options_.max_in_flight_per_device = 1;
  ASSERT_TRUE(Reopen().ok());
  const std::string node = RegisterNode();
  auto first = MustEnqueue(Invoke(node, "echo", "", 0, 1000));
  ASSERT_TRUE(runtime_->NextDispatch(node)->has_value());
  clock_.Advance(500);
  auto second = MustEnqueue(Invoke(node, "echo", "", 0, 5000));
  EXPECT_FALSE(runtime_->NextDispatch(node)->has_value());  // slot taken
  clock_.Advance(500);
  ASSERT_TRUE(runtime_->Tick().ok());
  EXPECT_EQ(MustGet(first.request_id).state, S::kTimedOut);
  EXPECT_EQ(MustGet(second.request_id).state, S::kQueued);
  auto next = runtime_->NextDispatch(node);
  ASSERT_TRUE(next.ok() && next->has_value());
  EXPECT_EQ((*next)->request_id, second.request_id);
  auto stats = runtime_->Stats();
  EXPECT_EQ(stats.in_flight, 1u);
  EXPECT_EQ(stats.queue_depth, 0u);
}

TEST_F(CapabilityRequestsTest, TickWithAnExplicitTime) {
  const std::string node = RegisterNode();
  auto r = MustEnqueue(Invoke(node, "echo", "", 0, 2000));
  ASSERT_TRUE(runtime_->Tick(clock_.Now() + 1999).ok());
  EXPECT_EQ(MustGet(r.request_id).state, S::kQueued);
  ASSERT_TRUE(runtime_->Tick(clock_.Now() + 2000).ok());
  EXPECT_EQ(MustGet(r.request_id).state, S::kTimedOut);
}

// ---- restart recovery ----

TEST_F(CapabilityRequestsTest, RestartEndsLiveRequestsAsDaemonRestarted) {
  const std::string node = RegisterNode();
  auto dispatched = Dispatched(node);
  auto mediating = Dispatched(node);
  ASSERT_TRUE(runtime_->MarkAwaitingMediation(node, mediating.request_id).ok());
  auto done = Dispatched(node);
  ASSERT_TRUE(runtime_->Complete(node, done.request_id, Success("{}")).ok());
  auto queued = MustEnqueue(Invoke(node, "echo", R"({"q":1})"));
  auto rejected = MustEnqueue(Invoke(node, "nope"));

  clock_.Advance(kSecondMs);
  ASSERT_TRUE(Reopen().ok());
  for (const auto* r : {&queued, &dispatched, &mediating}) {
    auto after = MustGet(r->request_id);
    EXPECT_EQ(after.state, S::kFailed) << r->request_id;
    EXPECT_EQ(after.error, "daemon_restarted");
    EXPECT_EQ(after.completed_at_unix_ms, clock_.Now());
    EXPECT_TRUE(after.input_json.empty());
  }
  EXPECT_EQ(MustGet(done.request_id).state, S::kSucceeded);
  EXPECT_EQ(MustGet(rejected.request_id).state, S::kRejected);
  auto stats = runtime_->Stats();
  EXPECT_EQ(stats.recovered_at_open, 3u);
  EXPECT_EQ(stats.count(S::kFailed), 3u);
  EXPECT_EQ(stats.count(S::kSucceeded), 1u);
  EXPECT_EQ(stats.count(S::kQueued), 0u);
  EXPECT_EQ(stats.queue_depth, 0u);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM capability_requests WHERE input_json IS NOT NULL"), 0);
  // Late results for them are ignored; new work flows.
  EXPECT_TRUE(FailsWith(runtime_->Complete(node, dispatched.request_id, Success()),
                        StatusCode::kFailedPrecondition, "already failed"));
  EXPECT_EQ(MustEnqueue(Invoke(node, "echo")).state, S::kQueued);
}

// ---- FailDeviceWork ----

TEST_F(CapabilityRequestsTest, FailDeviceWorkEndsEverythingLiveAndDetaches) {
  const std::string node = RegisterNode();
  const std::string other = RegisterNode();
  auto dispatched = Dispatched(node);
  auto queued = MustEnqueue(Invoke(node, "echo"));
  auto theirs = MustEnqueue(Invoke(other, "echo"));
  DispatchSink sink;
  ASSERT_TRUE(runtime_->AttachDispatchListener(node, sink.Listener()).ok());
  // On attach: the pulled one, still unanswered, again; then the queued one.
  ASSERT_EQ(sink.Take().size(), 2u);
  auto before = MustEnqueue(Invoke(node, "echo"));
  ASSERT_EQ(sink.Take().size(), 1u);

  auto count = runtime_->FailDeviceWork(node, "device_revoked");
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 3u);
  for (const auto& id : {queued.request_id, dispatched.request_id, before.request_id}) {
    EXPECT_EQ(MustGet(id).state, S::kFailed);
    EXPECT_EQ(MustGet(id).error, "device_revoked");
  }
  EXPECT_EQ(MustGet(theirs.request_id).state, S::kQueued);
  // Detached: new work queues instead of being pushed.
  auto after = MustEnqueue(Invoke(node, "echo"));
  EXPECT_EQ(after.state, S::kQueued);
  EXPECT_EQ(sink.size(), 0u);
  EXPECT_EQ(runtime_->Stats().dispatch_listeners, 0u);
  EXPECT_TRUE(FailsWith(runtime_->FailDeviceWork(node, " "), StatusCode::kInvalidArgument));
  EXPECT_EQ(*runtime_->FailDeviceWork(NewUlid(), "x"), 0u);
}

// ---- push and pull dispatch ----

TEST_F(CapabilityRequestsTest, ListenerIsCalledOnEnqueue) {
  const std::string node = RegisterNode();
  DispatchSink sink;
  auto handle = runtime_->AttachDispatchListener(node, sink.Listener());
  ASSERT_TRUE(handle.ok());
  EXPECT_EQ(sink.size(), 0u);
  auto r = MustEnqueue(Invoke(node, "echo", R"({"x":1})", 100));
  EXPECT_EQ(r.state, S::kDispatched);
  EXPECT_EQ(r.dispatched_to, node);
  auto pushed = sink.Take();
  ASSERT_EQ(pushed.size(), 1u);
  EXPECT_EQ(pushed[0].request_id, r.request_id);
  EXPECT_EQ(pushed[0].device_id, node);
  EXPECT_EQ(pushed[0].capability, "echo");
  EXPECT_EQ(pushed[0].input_json, R"({"x":1})");
  EXPECT_EQ(pushed[0].max_payload_bytes, 100u);
  EXPECT_EQ(MustGet(r.request_id).state, S::kDispatched);

  runtime_->DetachDispatchListener(*handle);
  EXPECT_EQ(MustEnqueue(Invoke(node, "echo")).state, S::kQueued);
  EXPECT_EQ(sink.size(), 0u);
}

TEST_F(CapabilityRequestsTest, InFlightLimitQueuesAndRefillsOnCompletion) {
  options_.max_in_flight_per_device = 2;
  ASSERT_TRUE(Reopen().ok());
  const std::string node = RegisterNode();
  DispatchSink sink;
  ASSERT_TRUE(runtime_->AttachDispatchListener(node, sink.Listener()).ok());
  std::vector<CapabilityRequestRecord> rs;
  for (int i = 0; i < 4; ++i) rs.push_back(MustEnqueue(Invoke(node, "echo")));
  EXPECT_EQ(rs[0].state, S::kDispatched);
  EXPECT_EQ(rs[1].state, S::kDispatched);
  EXPECT_EQ(rs[2].state, S::kQueued);
  EXPECT_EQ(rs[3].state, S::kQueued);
  EXPECT_EQ(sink.Take().size(), 2u);
  EXPECT_FALSE(runtime_->NextDispatch(node)->has_value());  // pull obeys the limit too

  ASSERT_TRUE(runtime_->Complete(node, rs[1].request_id, Success()).ok());
  auto pushed = sink.Take();
  ASSERT_EQ(pushed.size(), 1u);
  EXPECT_EQ(pushed[0].request_id, rs[2].request_id);  // FIFO
  ASSERT_TRUE(runtime_->MarkAwaitingMediation(node, rs[0].request_id).ok());
  EXPECT_EQ(sink.size(), 0u);  // mediation still holds its slot
  ASSERT_TRUE(runtime_->Complete(node, rs[0].request_id, Failure("x")).ok());
  pushed = sink.Take();
  ASSERT_EQ(pushed.size(), 1u);
  EXPECT_EQ(pushed[0].request_id, rs[3].request_id);
  auto stats = runtime_->Stats();
  EXPECT_EQ(stats.in_flight, 2u);
  EXPECT_EQ(stats.queue_depth, 0u);
  EXPECT_EQ(stats.dispatch_listeners, 1u);
}

TEST_F(CapabilityRequestsTest, AttachingDispatchesQueuedWorkAndReplacesOlderListener) {
  const std::string node = RegisterNode();
  std::vector<std::string> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(MustEnqueue(Invoke(node, "echo")).request_id);
  DispatchSink old_sink;
  auto old_handle = runtime_->AttachDispatchListener(node, old_sink.Listener());
  ASSERT_TRUE(old_handle.ok());
  auto pushed = old_sink.Take();
  ASSERT_EQ(pushed.size(), 4u);  // the default in-flight limit
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(pushed[i].request_id, ids[i]);

  // A reconnect attaches a new stream; the old handle no longer detaches anything. The four
  // requests the old stream carried are unanswered, so they go out again on the new one.
  DispatchSink new_sink;
  auto new_handle = runtime_->AttachDispatchListener(node, new_sink.Listener());
  ASSERT_TRUE(new_handle.ok());
  EXPECT_NE(*new_handle, *old_handle);
  pushed = new_sink.Take();
  ASSERT_EQ(pushed.size(), 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(pushed[i].request_id, ids[i]);
  runtime_->DetachDispatchListener(*old_handle);
  ASSERT_TRUE(runtime_->Complete(node, ids[0], Success()).ok());
  pushed = new_sink.Take();
  ASSERT_EQ(pushed.size(), 1u);
  EXPECT_EQ(pushed[0].request_id, ids[4]);
  EXPECT_EQ(old_sink.size(), 0u);
  EXPECT_TRUE(FailsWith(runtime_->AttachDispatchListener("x", new_sink.Listener()),
                        StatusCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(runtime_->AttachDispatchListener(node, nullptr),
                        StatusCode::kInvalidArgument));
}

TEST_F(CapabilityRequestsTest, ReattachResendsUnansweredDispatchesOnly) {
  const std::string node = RegisterNode();
  DispatchSink first;
  auto handle = runtime_->AttachDispatchListener(node, first.Listener());
  ASSERT_TRUE(handle.ok());
  auto answered = MustEnqueue(Invoke(node, "echo"));
  auto mediating = MustEnqueue(Invoke(node, "echo"));
  auto lost = MustEnqueue(Invoke(node, "echo", R"({"n":3})", 77));
  EXPECT_EQ(first.Take().size(), 3u);
  ASSERT_TRUE(runtime_->Complete(node, answered.request_id, Success()).ok());
  ASSERT_TRUE(runtime_->MarkAwaitingMediation(node, mediating.request_id).ok());
  // The stream dies with `lost` written but never read.
  runtime_->DetachDispatchListener(*handle);
  EXPECT_EQ(MustGet(lost.request_id).state, S::kDispatched);

  DispatchSink second;
  ASSERT_TRUE(runtime_->AttachDispatchListener(node, second.Listener()).ok());
  auto resent = second.Take();
  ASSERT_EQ(resent.size(), 1u);  // not the finished one, not the one in mediation
  EXPECT_EQ(resent[0].request_id, lost.request_id);
  EXPECT_EQ(resent[0].input_json, R"({"n":3})");
  EXPECT_EQ(resent[0].max_payload_bytes, 77u);
  // Re-sending changes nothing durable; the answer completes it as usual.
  EXPECT_EQ(MustGet(lost.request_id).state, S::kDispatched);
  ASSERT_TRUE(runtime_->Complete(node, lost.request_id, Success()).ok());
  EXPECT_EQ(MustGet(lost.request_id).state, S::kSucceeded);
  // Nothing is left to re-send, and another device's stream gets nothing of this one's.
  DispatchSink third;
  ASSERT_TRUE(runtime_->AttachDispatchListener(node, third.Listener()).ok());
  EXPECT_EQ(third.size(), 0u);
  const std::string other = RegisterNode();
  DispatchSink other_sink;
  ASSERT_TRUE(runtime_->AttachDispatchListener(other, other_sink.Listener()).ok());
  EXPECT_EQ(other_sink.size(), 0u);
}

TEST_F(CapabilityRequestsTest, PullDispatchIsFifo) {
  const std::string node = RegisterNode();
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(MustEnqueue(Invoke(node, "echo")).request_id);
  for (const std::string& id : ids) {
    auto d = runtime_->NextDispatch(node);
    ASSERT_TRUE(d.ok() && d->has_value());
    EXPECT_EQ((*d)->request_id, id);
  }
  EXPECT_FALSE(runtime_->NextDispatch(node)->has_value());
  EXPECT_FALSE(runtime_->NextDispatch(NewUlid())->has_value());
  EXPECT_TRUE(FailsWith(runtime_->NextDispatch("bad"), StatusCode::kInvalidArgument));
}

TEST_F(CapabilityRequestsTest, ListenerMayCallBackIntoTheRuntime) {
  const std::string node = RegisterNode();
  std::vector<CapabilityRequestRecord> results;
  NodeRuntime* runtime = runtime_.get();
  ASSERT_TRUE(runtime_
                  ->AttachDispatchListener(node,
                                           [&, runtime](const CapabilityDispatch& d) {
                                             auto done = runtime->Complete(
                                                 d.device_id, d.request_id, Success(d.input_json));
                                             if (done.ok()) results.push_back(*done);
                                           })
                  .ok());
  for (int i = 0; i < 10; ++i) MustEnqueue(Invoke(node, "echo", std::to_string(i)));
  ASSERT_EQ(results.size(), 10u);
  EXPECT_EQ(results[9].output_json, "9");
  EXPECT_EQ(runtime_->Stats().count(S::kSucceeded), 10u);
}

// ---- waiting for results ----

TEST_F(CapabilityRequestsTest, OnTerminalFiresExactlyOnce) {
  const std::string node = RegisterNode();
  auto r = Dispatched(node);
  int calls = 0;
  CapabilityRequestRecord seen;
  ASSERT_TRUE(runtime_
                  ->OnTerminal(r.request_id,
                               [&](const CapabilityRequestRecord& rec) {
                                 ++calls;
                                 seen = rec;
                               })
                  .ok());
  EXPECT_EQ(runtime_->Stats().terminal_waiters, 1u);
  ASSERT_TRUE(runtime_->MarkAwaitingMediation(node, r.request_id).ok());
  EXPECT_EQ(calls, 0);
  ASSERT_TRUE(runtime_->Complete(node, r.request_id, Success(R"({"v":1})")).ok());
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(seen.state, S::kSucceeded);
  EXPECT_EQ(seen.output_json, R"({"v":1})");
  (void)runtime_->Complete(node, r.request_id, Success());
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(runtime_->Stats().terminal_waiters, 0u);

  // Already terminal: called at once.
  int immediate = 0;
  ASSERT_TRUE(runtime_
                  ->OnTerminal(r.request_id,
                               [&](const CapabilityRequestRecord& rec) {
                                 ++immediate;
                                 EXPECT_EQ(rec.state, S::kSucceeded);
                               })
                  .ok());
  EXPECT_EQ(immediate, 1);
  EXPECT_TRUE(FailsWith(runtime_->OnTerminal(NewUlid(), [](const CapabilityRequestRecord&) {}),
                        StatusCode::kNotFound));
}

TEST_F(CapabilityRequestsTest, OnTerminalFiresOnTimeoutAndRejection) {
  const std::string node = RegisterNode();
  auto r = MustEnqueue(Invoke(node, "echo"));
  std::optional<CapabilityRequestRecord> seen;
  ASSERT_TRUE(runtime_->OnTerminal(r.request_id, [&](const auto& rec) { seen = rec; }).ok());
  clock_.Advance(31 * kSecondMs);
  ASSERT_TRUE(runtime_->Tick().ok());
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->state, S::kTimedOut);
  EXPECT_EQ(seen->error, "timed out waiting for node capability result");

  auto rejected = MustEnqueue(Invoke(node, "nope"));
  seen.reset();
  ASSERT_TRUE(runtime_->OnTerminal(rejected.request_id, [&](const auto& rec) { seen = rec; }).ok());
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->state, S::kRejected);
}

TEST_F(CapabilityRequestsTest, EnqueueWithACallbackCannotMissTheResult) {
  const std::string node = RegisterNode();
  NodeRuntime* runtime = runtime_.get();
  // The node answers inside the dispatch push, before Enqueue even returns.
  ASSERT_TRUE(runtime_
                  ->AttachDispatchListener(node,
                                           [runtime](const CapabilityDispatch& d) {
                                             (void)runtime->Complete(d.device_id, d.request_id,
                                                                     Success("true"));
                                           })
                  .ok());
  std::vector<CapabilityRequestRecord> seen;
  auto callback = [&](const CapabilityRequestRecord& r) { seen.push_back(r); };
  auto r = runtime_->Enqueue(Invoke(node, "echo", "", 0, 0, "k"), callback);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].request_id, r->request_id);
  EXPECT_EQ(seen[0].state, S::kSucceeded);
  // A replay of a finished request and a rejection call back at once.
  ASSERT_TRUE(runtime_->Enqueue(Invoke(node, "echo", "", 0, 0, "k"), callback).ok());
  ASSERT_TRUE(runtime_->Enqueue(Invoke(node, "nope"), callback).ok());
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[1].request_id, r->request_id);
  EXPECT_EQ(seen[2].state, S::kRejected);
  // A failed Enqueue never calls back.
  EXPECT_FALSE(runtime_->Enqueue(Invoke(node, "echo", "{bad"), callback).ok());
  EXPECT_EQ(seen.size(), 3u);
  EXPECT_EQ(runtime_->Stats().terminal_waiters, 0u);
}

TEST_F(CapabilityRequestsTest, WaitForTerminalBlocksUntilTheResult) {
  const std::string node = RegisterNode();
  auto r = Dispatched(node);
  std::thread completer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_TRUE(runtime_->Complete(node, r.request_id, Success(R"("done")")).ok());
  });
  auto result = runtime_->WaitForTerminal(
      r.request_id, std::chrono::steady_clock::now() + std::chrono::seconds(10));
  completer.join();
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->state, S::kSucceeded);
  EXPECT_EQ(result->output_json, R"("done")");

  auto pending = MustEnqueue(Invoke(node, "echo"));
  EXPECT_TRUE(FailsWith(
      runtime_->WaitForTerminal(pending.request_id,
                                std::chrono::steady_clock::now() + std::chrono::milliseconds(10)),
      StatusCode::kDeadlineExceeded));
  EXPECT_EQ(MustGet(pending.request_id).state, S::kQueued);
}

// ---- listing and counters ----

// ---- history bounds ----

TEST_F(CapabilityRequestsTest, PruneHistoryDropsOldFinishedRequestsOnly) {
  options_.history_retention_ms = 60 * kMinuteMs;
  ASSERT_TRUE(Reopen().ok());
  const std::string node = RegisterNode();
  auto old_done = Dispatched(node);
  ASSERT_TRUE(runtime_->Complete(node, old_done.request_id, Success()).ok());
  auto old_rejected = MustEnqueue(Invoke(node, "nope"));  // rejected at once
  auto old_live = Dispatched(node);                       // still live an hour later
  clock_.Advance(60 * kMinuteMs);
  auto recent = Dispatched(node);
  ASSERT_TRUE(runtime_->Complete(node, recent.request_id, Success()).ok());
  EXPECT_EQ(runtime_->Stats().count(S::kSucceeded), 2u);

  auto pruned = runtime_->PruneHistory(clock_.Now() + 1);
  ASSERT_TRUE(pruned.ok()) << pruned.status().ToString();
  EXPECT_EQ(*pruned, 2u);
  EXPECT_TRUE(FailsWith(runtime_->GetRequest(old_done.request_id), StatusCode::kNotFound));
  EXPECT_TRUE(FailsWith(runtime_->GetRequest(old_rejected.request_id), StatusCode::kNotFound));
  EXPECT_EQ(MustGet(old_live.request_id).state, S::kDispatched);
  EXPECT_EQ(MustGet(recent.request_id).state, S::kSucceeded);
  auto stats = runtime_->Stats();
  EXPECT_EQ(stats.count(S::kSucceeded), 1u);
  EXPECT_EQ(stats.count(S::kRejected), 0u);
  EXPECT_EQ(stats.count(S::kDispatched), 1u);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM capability_requests"), 2);
  // Nothing more to do.
  EXPECT_EQ(*runtime_->PruneHistory(clock_.Now() + 1), 0u);
  // The live one still finishes normally.
  ASSERT_TRUE(runtime_->Complete(node, old_live.request_id, Success()).ok());
}

TEST_F(CapabilityRequestsTest, PruneHistoryKeepsTheNewestPerDevice) {
  options_.max_history_per_device = 3;
  options_.max_in_flight_per_device = 100;
  ASSERT_TRUE(Reopen().ok());
  const std::string busy = RegisterNode();
  const std::string quiet = RegisterNode();
  std::vector<std::string> ids;
  for (int i = 0; i < 6; ++i) {
    auto r = Dispatched(busy);
    ASSERT_TRUE(runtime_->Complete(busy, r.request_id, Success()).ok());
    ids.push_back(r.request_id);
    clock_.Advance(kSecondMs);
  }
  auto live = Dispatched(busy);  // counts towards the newest three, is never deleted
  auto theirs = Dispatched(quiet);
  ASSERT_TRUE(runtime_->Complete(quiet, theirs.request_id, Success()).ok());

  auto pruned = runtime_->PruneHistory(clock_.Now());
  ASSERT_TRUE(pruned.ok()) << pruned.status().ToString();
  EXPECT_EQ(*pruned, 4u);  // busy keeps its live request and its two newest finished ones
  for (int i = 0; i < 4; ++i) {
    EXPECT_TRUE(FailsWith(runtime_->GetRequest(ids[static_cast<size_t>(i)]),
                          StatusCode::kNotFound));
  }
  EXPECT_EQ(MustGet(ids[4]).state, S::kSucceeded);
  EXPECT_EQ(MustGet(ids[5]).state, S::kSucceeded);
  EXPECT_EQ(MustGet(live.request_id).state, S::kDispatched);
  EXPECT_EQ(MustGet(theirs.request_id).state, S::kSucceeded);
  auto listed = runtime_->ListRequests(busy, 100);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 3u);
}

TEST_F(CapabilityRequestsTest, ListIsNewestFirstAndClamped) {
  const std::string node = RegisterNode();
  const std::string other = RegisterNode();
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(MustEnqueue(Invoke(node, "echo")).request_id);
    clock_.Advance(i % 2);  // some share a millisecond: request_id breaks the tie
  }
  MustEnqueue(Invoke(other, "echo"));
  auto listed = runtime_->ListRequests(node, 100);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 5u);
  for (size_t i = 0; i < 5; ++i) EXPECT_EQ((*listed)[i].request_id, ids[4 - i]);
  EXPECT_EQ(runtime_->ListRequests(node, 0)->size(), 1u);
  EXPECT_EQ(runtime_->ListRequests(node, 2)->size(), 2u);
  EXPECT_TRUE(runtime_->ListRequests(NewUlid(), 10)->empty());
  EXPECT_TRUE(FailsWith(runtime_->ListRequests("bad", 10), StatusCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(runtime_->GetRequest(NewUlid()), StatusCode::kNotFound));
  EXPECT_TRUE(FailsWith(runtime_->GetRequest("bad"), StatusCode::kInvalidArgument, "request_id"));
}

TEST_F(CapabilityRequestsTest, StatsCountStatesAndQueues) {
  const std::string node = RegisterNode();
  for (int i = 0; i < 3; ++i) MustEnqueue(Invoke(node, "echo"));
  ASSERT_TRUE(runtime_->NextDispatch(node)->has_value());
  MustEnqueue(Invoke(node, "nope"));
  auto stats = runtime_->Stats();
  EXPECT_EQ(stats.count(S::kQueued), 2u);
  EXPECT_EQ(stats.count(S::kDispatched), 1u);
  EXPECT_EQ(stats.count(S::kRejected), 1u);
  EXPECT_EQ(stats.queue_depth, 2u);
  EXPECT_EQ(stats.in_flight, 1u);
  EXPECT_EQ(stats.enqueued, 4u);
  EXPECT_EQ(stats.nodes, 1u);
  EXPECT_EQ(stats.nodes_online, 1u);
  clock_.Advance(2 * kMinuteMs);
  EXPECT_EQ(runtime_->Stats().nodes_stale, 1u);
}

// ---- schema ----

TEST_F(CapabilityRequestsTest, SchemaRefusesUnknownStatesAndDuplicateKeys) {
  auto db = Inspect();
  ASSERT_NE(db, nullptr);
  const std::string id = NewUlid();
  const std::string device = NewUlid();
  auto insert = [&](const std::string& request_id, const std::string& state,
                    const std::string& key) {
    return db->Exec(
        "INSERT INTO capability_requests (request_id, device_id, capability, state, "
        "idempotency_key, max_payload_bytes, timeout_ms, deadline_at_unix_ms, created_at_unix_ms, "
        "updated_at_unix_ms) VALUES ('" +
        request_id + "', '" + device + "', 'echo', '" + state + "', " + key +
        ", 1, 1, 1, 1, 1)");
  };
  EXPECT_FALSE(insert(id, "running", "NULL").ok());
  EXPECT_FALSE(insert(id, "succeeded", "NULL").ok());  // terminal needs completed_at
  EXPECT_TRUE(insert(id, "queued", "'k'").ok());
  EXPECT_FALSE(insert(NewUlid(), "queued", "'k'").ok());
  EXPECT_TRUE(insert(NewUlid(), "queued", "NULL").ok());
  EXPECT_TRUE(insert(NewUlid(), "queued", "NULL").ok());
}

}  // namespace
}  // namespace palyra::node_runtime::testing
