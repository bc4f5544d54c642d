// The QUIC runtime's durable per-device event log on real SQLite: gap-free numbering, resume,
// pruning and the resume_too_old answer, bad input, persistence and the live-tail wait.
#include "daemon/quic_runtime/event_log.h"

#include <gtest/gtest.h>

#include <thread>

#include "common/ulid.h"
#include "support/event_log_store.h"
#include "support/fake_clock.h"
#include "support/status_assertions.h"
#include "support/temp_dir.h"

namespace palyra::daemon::quic_runtime {
namespace {

using ::palyra::testing::FailsWith;
using ::palyra::testing::FakeClock;
using ::palyra::testing::TempDir;

constexpr int64_t kHourMs = 60 * 60 * 1000;

class EventLogTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }
  void Reopen() {
    log_.reset();
    EventLogOptions options = options_;
    options.clock = clock_.AsFunction();
    auto opened = ::palyra::testing::OpenEventLog(options, dir_.path() / "palyra.db");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    log_ = std::move(*opened);
  }
  uint64_t MustAppend(const std::string& device, std::string_view kind = "capability.dispatch",
                      std::string_view payload = R"({"request_id":"x"})") {
    auto seq = log_->Append(device, kind, payload);
    EXPECT_TRUE(seq.ok()) << seq.status().ToString();
    return seq.ok() ? *seq : 0;
  }
  std::vector<uint64_t> SeqsAfter(const std::string& device, uint64_t after, size_t limit = 100) {
    auto events = log_->ReadAfter(device, after, limit);
    EXPECT_TRUE(events.ok()) << events.status().ToString();
    std::vector<uint64_t> out;
    if (events.ok()) {
      for (const NodeEvent& e : *events) out.push_back(e.seq);
    }
    return out;
  }

  TempDir dir_;
  FakeClock clock_;
  EventLogOptions options_;
  std::unique_ptr<NodeEventLog> log_;
};

TEST_F(EventLogTest, NumbersEachDevicesEventsWithoutGaps) {
  const std::string a = NewUlid();
  const std::string b = NewUlid();
  EXPECT_EQ(*log_->LastSeq(a), 0u);
  EXPECT_EQ(MustAppend(a), 1u);
  EXPECT_EQ(MustAppend(a), 2u);
  EXPECT_EQ(MustAppend(b), 1u);  // per device
  EXPECT_EQ(MustAppend(a, "certificate.rotation_due", R"({"not_after_unix_ms":1})"), 3u);
  EXPECT_EQ(*log_->LastSeq(a), 3u);
  EXPECT_EQ(SeqsAfter(a, 0), (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_EQ(SeqsAfter(a, 2), (std::vector<uint64_t>{3}));
  EXPECT_EQ(SeqsAfter(a, 3), (std::vector<uint64_t>{}));
  EXPECT_EQ(SeqsAfter(a, 0, 2), (std::vector<uint64_t>{1, 2}));
  auto events = log_->ReadAfter(a, 2, 10);
  ASSERT_TRUE(events.ok());
  EXPECT_EQ((*events)[0].kind, "certificate.rotation_due");
  EXPECT_EQ((*events)[0].payload_json, R"({"not_after_unix_ms":1})");
  EXPECT_EQ((*events)[0].created_at_unix_ms, clock_.Now());
  EXPECT_TRUE(FailsWith(log_->ReadAfter(a, 4, 10), StatusCode::kInvalidArgument,
                        "beyond the last event 3"));
}

TEST_F(EventLogTest, NumberingSurvivesARestart) {
  const std::string a = NewUlid();
  MustAppend(a);
  MustAppend(a);
  Reopen();
  EXPECT_EQ(*log_->LastSeq(a), 2u);
  EXPECT_EQ(MustAppend(a), 3u);
  EXPECT_EQ(SeqsAfter(a, 1), (std::vector<uint64_t>{2, 3}));
}

TEST_F(EventLogTest, BadInputIsRefusedAndChangesNothing) {
  const std::string a = NewUlid();
  MustAppend(a);
  EXPECT_TRUE(FailsWith(log_->Append("not-a-ulid", "k", "{}"), StatusCode::kInvalidArgument,
                        "device_id"));
  EXPECT_TRUE(FailsWith(log_->Append(a, "", "{}"), StatusCode::kInvalidArgument, "kind"));
  EXPECT_TRUE(FailsWith(log_->Append(a, std::string(65, 'k'), "{}"),
                        StatusCode::kInvalidArgument, "kind"));
  EXPECT_TRUE(FailsWith(log_->Append(a, "k", "{not json"), StatusCode::kInvalidArgument,
                        "not valid JSON"));
  const std::string big = "\"" + std::string(kMaxEventPayloadBytes, 'x') + "\"";
  EXPECT_TRUE(FailsWith(log_->Append(a, "k", big), StatusCode::kInvalidArgument, "limit"));
  EXPECT_TRUE(FailsWith(log_->ReadAfter("nope", 0, 1), StatusCode::kInvalidArgument, "device_id"));
  EXPECT_EQ(*log_->LastSeq(a), 1u);
  EXPECT_EQ(MustAppend(a), 2u);  // no number was spent by the refusals
}

TEST_F(EventLogTest, PruningByCountMakesOldResumePointsTooOld) {
  options_.max_events_per_device = 3;
  Reopen();
  const std::string a = NewUlid();
  for (int i = 0; i < 5; ++i) MustAppend(a);
  auto pruned = log_->Prune();
  ASSERT_TRUE(pruned.ok()) << pruned.status().ToString();
  EXPECT_EQ(*pruned, 2u);
  EXPECT_EQ(SeqsAfter(a, 2), (std::vector<uint64_t>{3, 4, 5}));  // still complete from 2
  EXPECT_TRUE(FailsWith(log_->ReadAfter(a, 1, 10), StatusCode::kOutOfRange, "resume_too_old"));
  EXPECT_TRUE(FailsWith(log_->ReadAfter(a, 0, 10), StatusCode::kOutOfRange, "resume_too_old"));
  EXPECT_EQ(MustAppend(a), 6u);  // numbering goes on
  EXPECT_EQ(*log_->Prune(), 1u);
  Reopen();  // the pruned mark is durable
  EXPECT_TRUE(FailsWith(log_->ReadAfter(a, 2, 10), StatusCode::kOutOfRange, "resume_too_old"));
  EXPECT_EQ(SeqsAfter(a, 3), (std::vector<uint64_t>{4, 5, 6}));
}

TEST_F(EventLogTest, PruningByAgeKeepsRecentEvents) {
  options_.retention_ms = kHourMs;
  Reopen();
  const std::string a = NewUlid();
  const std::string b = NewUlid();
  MustAppend(a);
  MustAppend(a);
  MustAppend(b);
  clock_.Advance(kHourMs + 1);
  MustAppend(a);
  EXPECT_EQ(*log_->Prune(), 3u);
  EXPECT_EQ(SeqsAfter(a, 2), (std::vector<uint64_t>{3}));
  EXPECT_TRUE(FailsWith(log_->ReadAfter(a, 1, 10), StatusCode::kOutOfRange, "resume_too_old"));
  // b's log is empty now, but its numbering and its caught-up resume point stand.
  EXPECT_EQ(SeqsAfter(b, 1), (std::vector<uint64_t>{}));
  EXPECT_EQ(MustAppend(b), 2u);
  EXPECT_EQ(*log_->Prune(), 0u);
}

TEST_F(EventLogTest, ForgetDropsADevicesLog) {
  const std::string a = NewUlid();
  const std::string b = NewUlid();
  MustAppend(a);
  MustAppend(b);
  ASSERT_TRUE(log_->Forget(a).ok());
  EXPECT_EQ(*log_->LastSeq(a), 0u);
  EXPECT_EQ(SeqsAfter(b, 0), (std::vector<uint64_t>{1}));
  EXPECT_EQ(MustAppend(a), 1u);
}

TEST_F(EventLogTest, WaitWakesOnAppendAndTimesOutOtherwise) {
  const std::string a = NewUlid();
  MustAppend(a);
  EXPECT_TRUE(log_->WaitForEventsAfter(a, 0, 0));   // already there
  EXPECT_FALSE(log_->WaitForEventsAfter(a, 1, 20));  // nothing new
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    MustAppend(a);
  });
  EXPECT_TRUE(log_->WaitForEventsAfter(a, 1, 10'000));
  writer.join();
  std::thread closer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    log_->Close();
  });
  EXPECT_FALSE(log_->WaitForEventsAfter(a, 2, 10'000));  // woken by Close, nothing new
  closer.join();
  EXPECT_TRUE(FailsWith(log_->Append(a, "k", "{}"), StatusCode::kUnavailable, "closed"));
}

TEST(EventLogOpenTest, RefusesUnusableBounds) {
  TempDir dir;
  EventLogOptions options;
  options.retention_ms = 0;
  EXPECT_TRUE(FailsWith(::palyra::testing::OpenEventLog(options, dir.path() / "palyra.db"),
                        StatusCode::kInvalidArgument, "retention"));
  options.retention_ms = kHourMs;
  options.max_events_per_device = 0;
  EXPECT_TRUE(FailsWith(::palyra::testing::OpenEventLog(options, dir.path() / "palyra.db"),
                        StatusCode::kInvalidArgument, "at least one event"));
}

}  // namespace
}  // namespace palyra::daemon::quic_runtime
