// Many threads at once, as the gRPC services will call: callers enqueue and wait, node streams
// receive pushed dispatches and answer from their own threads, heartbeats, ticks and flushes run
// alongside. Every request must end exactly once and the counters must add up.

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <thread>

#include "node_runtime_test_util.h"

namespace palyra::node_runtime::testing {
namespace {

using S = CapabilityRequestState;

// A node's stream: dispatches are pushed into a queue and answered by a worker thread.
class FakeNodeStream {
 public:
  FakeNodeStream(NodeRuntime& runtime, std::string device_id)
      : runtime_(runtime), device_id_(std::move(device_id)) {
    worker_ = std::thread([this] { Run(); });
  }
  ~FakeNodeStream() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    worker_.join();
  }
  NodeRuntime::DispatchListener Listener() {
    return [this](const CapabilityDispatch& d) {
      {
        std::lock_guard lock(mu_);
        pending_.push_back(d);
      }
      cv_.notify_one();
    };
  }
  int errors() const { return errors_.load(); }

 private:
  void Run() {
    while (true) {
      CapabilityDispatch d;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return stop_ || !pending_.empty(); });
        if (pending_.empty()) return;
        d = std::move(pending_.front());
        pending_.pop_front();
      }
      if (d.device_id != device_id_) ++errors_;
      if (!runtime_.Touch(device_id_, "capability.result").ok()) ++errors_;
      if (!runtime_.Complete(device_id_, d.request_id, Success(d.input_json)).ok()) ++errors_;
    }
  }

  NodeRuntime& runtime_;
  const std::string device_id_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<CapabilityDispatch> pending_;
  bool stop_ = false;
  std::atomic<int> errors_{0};
  std::thread worker_;
};

class ConcurrencyTest : public RuntimeTest {};

TEST_F(ConcurrencyTest, ManyCallersManyNodes) {
  constexpr int kNodes = 10;
  constexpr int kCallers = 6;
  constexpr int kPerCaller = 150;
  std::vector<std::string> nodes;
  for (int i = 0; i < kNodes; ++i) nodes.push_back(RegisterNode());
  std::vector<std::unique_ptr<FakeNodeStream>> streams;
  for (const std::string& node : nodes) {
    streams.push_back(std::make_unique<FakeNodeStream>(*runtime_, node));
    ASSERT_TRUE(runtime_->AttachDispatchListener(node, streams.back()->Listener()).ok());
  }

  std::atomic<bool> stop{false};
  std::thread housekeeping([&] {
    while (!stop.load()) {
      EXPECT_TRUE(runtime_->Tick().ok());
      EXPECT_TRUE(runtime_->Flush().ok());
      (void)runtime_->Stats();
      (void)runtime_->ListNodes();
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });

  std::atomic<int> succeeded{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> callers;
  for (int c = 0; c < kCallers; ++c) {
    callers.emplace_back([&, c] {
      for (int i = 0; i < kPerCaller; ++i) {
        const std::string& node = nodes[static_cast<size_t>((c + i) % kNodes)];
        const std::string input = "{\"c\":" + std::to_string(c) + ",\"i\":" + std::to_string(i) + "}";
        auto r = runtime_->Enqueue(Invoke(node, "echo", input));
        if (!r.ok()) {
          ++failures;
          continue;
        }
        auto done = runtime_->WaitForTerminal(
            r->request_id, std::chrono::steady_clock::now() + std::chrono::seconds(30));
        if (done.ok() && done->state == S::kSucceeded && done->output_json == input) {
          ++succeeded;
        } else {
          ++failures;
        }
      }
    });
  }
  for (std::thread& t : callers) t.join();
  stop = true;
  housekeeping.join();
  for (auto& stream : streams) EXPECT_EQ(stream->errors(), 0);
  streams.clear();

  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(succeeded.load(), kCallers * kPerCaller);
  auto stats = runtime_->Stats();
  EXPECT_EQ(stats.count(S::kSucceeded), static_cast<uint64_t>(kCallers * kPerCaller));
  EXPECT_EQ(stats.queue_depth, 0u);
  EXPECT_EQ(stats.in_flight, 0u);
  EXPECT_EQ(stats.terminal_waiters, 0u);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM capability_requests WHERE state = 'succeeded'"),
            kCallers * kPerCaller);
}

// Group commit must not acknowledge early: whatever a call returned is already committed, so
// another connection (another process) sees it at once.
TEST_F(ConcurrencyTest, EveryResultIsCommittedWhenTheCallReturns) {
  constexpr int kThreads = 6;
  constexpr int kPerThread = 60;
  std::vector<std::string> nodes;
  for (int i = 0; i < kThreads; ++i) nodes.push_back(RegisterNode());
  std::atomic<int> missing{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto db = store::Database::Open(dir_ / "palyra.db");
      if (!db.ok()) {
        ++missing;
        return;
      }
      auto stmt = (*db)->Prepare("SELECT state FROM capability_requests WHERE request_id = ?1");
      if (!stmt.ok()) {
        ++missing;
        return;
      }
      auto state_on_disk = [&](const std::string& id) {
        (void)stmt->Reset();
        (void)stmt->BindText(1, id);
        auto row = stmt->Step();
        std::string state = row.ok() && *row ? stmt->ColumnText(0) : "";
        (void)stmt->Reset();
        return state;
      };
      const std::string& node = nodes[static_cast<size_t>(t)];
      for (int i = 0; i < kPerThread; ++i) {
        auto r = runtime_->Enqueue(Invoke(node, "echo"));
        if (!r.ok() || state_on_disk(r->request_id) != "queued") ++missing;
        auto d = runtime_->NextDispatch(node);
        if (!d.ok() || !d->has_value() || state_on_disk((*d)->request_id) != "dispatched") {
          ++missing;
          continue;
        }
        auto done = runtime_->Complete(node, (*d)->request_id, Success("1"));
        if (!done.ok() || state_on_disk((*d)->request_id) != "succeeded") ++missing;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(missing.load(), 0);
  auto stats = runtime_->Stats();
  EXPECT_EQ(stats.count(S::kSucceeded), static_cast<uint64_t>(kThreads * kPerThread));
  EXPECT_GE(stats.transactions_committed, 1u);
  EXPECT_LE(stats.transactions_committed, stats.mutations_committed);
}

TEST_F(ConcurrencyTest, ConcurrentTransitionsOnOneRequestEndItExactlyOnce) {
  const std::string node = RegisterNode();
  for (int round = 0; round < 50; ++round) {
    auto r = Dispatched(node);
    std::atomic<int> terminal_calls{0};
    ASSERT_TRUE(runtime_->OnTerminal(r.request_id, [&](const auto&) { ++terminal_calls; }).ok());
    std::atomic<int> accepted{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        Result<CapabilityRequestRecord> out =
            t % 2 == 0 ? runtime_->Complete(node, r.request_id, Success("1"))
                       : runtime_->Cancel(r.request_id, "gave up");
        if (out.ok()) ++accepted;
      });
    }
    for (std::thread& t : threads) t.join();
    EXPECT_EQ(accepted.load(), 1);
    EXPECT_EQ(terminal_calls.load(), 1);
    EXPECT_TRUE(MustGet(r.request_id).terminal());
  }
}

TEST_F(ConcurrencyTest, HeartbeatsRegistrationsAndRemovalsInterleave) {
  std::vector<std::string> nodes;
  for (int i = 0; i < 8; ++i) nodes.push_back(RegisterNode());
  std::atomic<int> unexpected{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        const std::string& node = nodes[static_cast<size_t>((t * 3 + i) % nodes.size())];
        switch (i % 5) {
          case 0: {
            Status s = runtime_->Remove(node);
            if (!s.ok() && s.code() != StatusCode::kNotFound) ++unexpected;
            break;
          }
          case 1:
            if (!runtime_->Register({node, "linux", {{"echo", true}}}).ok()) ++unexpected;
            break;
          case 2: {
            auto r = runtime_->Enqueue(Invoke(node, "echo"));
            if (!r.ok() && r.status().code() != StatusCode::kFailedPrecondition &&
                r.status().code() != StatusCode::kResourceExhausted) {
              ++unexpected;
            }
            break;
          }
          case 3: {
            Status s = runtime_->Touch(node, "node.heartbeat");
            if (!s.ok() && s.code() != StatusCode::kNotFound) ++unexpected;
            break;
          }
          default:
            if (!runtime_->Flush().ok()) ++unexpected;
            (void)runtime_->NextDispatch(node);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(unexpected.load(), 0);
  // Memory and disk agree after all that.
  auto stats = runtime_->Stats();
  EXPECT_EQ(static_cast<int64_t>(stats.nodes), *QueryInt("SELECT COUNT(*) FROM nodes"));
  EXPECT_EQ(static_cast<int64_t>(stats.queue_depth),
            *QueryInt("SELECT COUNT(*) FROM capability_requests WHERE state = 'queued'"));
  EXPECT_EQ(static_cast<int64_t>(stats.in_flight),
            *QueryInt("SELECT COUNT(*) FROM capability_requests WHERE state = 'dispatched'"));
}

}  // namespace
}  // namespace palyra::node_runtime::testing
