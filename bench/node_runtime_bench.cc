// Node runtime hot path on real SQLite (WAL, synchronous=NORMAL) in a temp dir.
//
// Target: >= 10,000 invocations/s across 100 nodes on a 2-core machine, p50 <= 1 ms end to end.
//
//   BM_PushRoundTrip    one thread: Enqueue (pushed to the node's listener at once) -> Complete.
//                       Per-request cost of the runtime alone.
//   BM_PushRoundTripThreads/threads:N   the same from N threads at once (disjoint nodes):
//                       throughput under contention with group commit, no thread hand-offs.
//   BM_PullRoundTrip    one thread: Enqueue -> NextDispatch -> Complete (no listener attached).
//   BM_EndToEnd/C/W     C caller threads each invoke and wait for the result (Enqueue with a
//                       terminal callback); W node-stream threads receive the pushed dispatches
//                       for 100 nodes, Touch the node and Complete. Reports invocations/s and the
//                       latency from Enqueue to the caller being woken with the terminal record.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "common/ulid.h"
#include "daemon/node_runtime/node_runtime.h"
#include "store/connection_factory.h"

namespace {

using palyra::node_runtime::CapabilityDispatch;
using palyra::node_runtime::CapabilityRequestRecord;
using palyra::node_runtime::CapabilityRequestState;
using palyra::node_runtime::CapabilityResult;
using palyra::node_runtime::InvokeRequest;
using palyra::node_runtime::NodeRuntime;
using palyra::node_runtime::NodeRuntimeOptions;
using Clock = std::chrono::steady_clock;

constexpr int kNodes = 100;
constexpr const char* kInput = R"({"message":"hello","n":42})";
constexpr const char* kOutput = R"({"echo":{"message":"hello","n":42},"status":"ok"})";

struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<palyra::store::ConnectionFactory> connections;
  std::unique_ptr<NodeRuntime> runtime;
  std::vector<std::string> nodes;
  std::string error;

  Fixture() {
    dir = std::filesystem::temp_directory_path() / ("palyra-node-runtime-bench-" + palyra::NewUlid());
    std::filesystem::create_directories(dir);
    auto factory = palyra::store::ConnectionFactory::Open(dir / "palyra.db");
    if (!factory.ok()) {
      error = factory.status().ToString();
      return;
    }
    connections = std::move(factory).value();
    NodeRuntimeOptions options;
    options.connections = connections.get();
    auto opened = NodeRuntime::Open(options);
    if (!opened.ok()) {
      error = opened.status().ToString();
      return;
    }
    runtime = std::move(opened).value();
    for (int i = 0; i < kNodes; ++i) {
      std::string id = palyra::NewUlid();
      auto node = runtime->Register({id, "linux-x86_64", {{"echo", true}, {"system.health", true}}});
      if (!node.ok()) error = node.status().ToString();
      nodes.push_back(std::move(id));
    }
  }
  ~Fixture() {
    runtime.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

InvokeRequest Invoke(const std::string& device_id) {
  InvokeRequest r;
  r.device_id = device_id;
  r.capability = "echo";
  r.input_json = kInput;
  return r;
}

CapabilityResult Success() {
  CapabilityResult r;
  r.success = true;
  r.output_json = kOutput;
  return r;
}

void BM_PushRoundTrip(benchmark::State& state) {
  Fixture f;
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  std::optional<CapabilityDispatch> pushed;
  for (const std::string& node : f.nodes) {
    (void)f.runtime->AttachDispatchListener(node,
                                            [&pushed](const CapabilityDispatch& d) { pushed = d; });
  }
  size_t i = 0;
  for (auto _ : state) {
    const std::string& node = f.nodes[i++ % f.nodes.size()];
    auto r = f.runtime->Enqueue(Invoke(node));
    if (!r.ok() || !pushed.has_value()) {
      state.SkipWithError(r.ok() ? "no dispatch pushed" : r.status().ToString().c_str());
      return;
    }
    auto done = f.runtime->Complete(node, pushed->request_id, Success());
    if (!done.ok() || done->state != CapabilityRequestState::kSucceeded) {
      state.SkipWithError("complete failed");
      return;
    }
    pushed.reset();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PushRoundTrip)->Unit(benchmark::kMicrosecond);

// Several threads, each doing push round trips on its own share of the 100 nodes: the runtime's
// throughput under contention, with group commit, and without any thread hand-offs.
Fixture* g_shared = nullptr;
std::vector<std::optional<CapabilityDispatch>> g_pushed;

void BM_PushRoundTripThreads(benchmark::State& state) {
  if (state.thread_index() == 0) {
    g_shared = new Fixture();
    g_pushed.assign(g_shared->nodes.size(), std::nullopt);
    for (size_t n = 0; n < g_shared->nodes.size(); ++n) {
      (void)g_shared->runtime->AttachDispatchListener(
          g_shared->nodes[n], [n](const CapabilityDispatch& d) { g_pushed[n] = d; });
    }
  }
  // Node n belongs to thread n % threads, so no two threads share a node (or its slot).
  const size_t threads = static_cast<size_t>(state.threads());
  std::vector<size_t> mine;
  for (size_t n = static_cast<size_t>(state.thread_index()); n < static_cast<size_t>(kNodes);
       n += threads) {
    mine.push_back(n);
  }
  size_t i = 0;
  for (auto _ : state) {
    Fixture& f = *g_shared;
    const size_t n = mine[i++ % mine.size()];
    auto r = f.runtime->Enqueue(Invoke(f.nodes[n]));
    if (!r.ok() || !g_pushed[n].has_value()) {
      state.SkipWithError("enqueue failed");
      break;
    }
    const std::string request_id = g_pushed[n]->request_id;
    g_pushed[n].reset();
    auto done = f.runtime->Complete(f.nodes[n], request_id, Success());
    if (!done.ok()) {
      state.SkipWithError(done.status().ToString().c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
  if (state.thread_index() == 0) {
    const auto stats = g_shared->runtime->Stats();
    state.counters["mutations_per_txn"] =
        stats.transactions_committed == 0
            ? 0.0
            : static_cast<double>(stats.mutations_committed) /
                  static_cast<double>(stats.transactions_committed);
    delete g_shared;
    g_shared = nullptr;
  }
}
BENCHMARK(BM_PushRoundTripThreads)->Threads(1)->Threads(2)->Threads(4)->Threads(8)->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

void BM_PullRoundTrip(benchmark::State& state) {
  Fixture f;
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  size_t i = 0;
  for (auto _ : state) {
    const std::string& node = f.nodes[i++ % f.nodes.size()];
    auto r = f.runtime->Enqueue(Invoke(node));
    auto d = f.runtime->NextDispatch(node);
    if (!r.ok() || !d.ok() || !d->has_value()) {
      state.SkipWithError("enqueue or dispatch failed");
      return;
    }
    auto done = f.runtime->Complete(node, (*d)->request_id, Success());
    if (!done.ok()) {
      state.SkipWithError(done.status().ToString().c_str());
      return;
    }
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PullRoundTrip)->Unit(benchmark::kMicrosecond);

// Node streams: pushed dispatches land in a queue that W threads drain, as gRPC completion
// threads would.
class NodeStreams {
 public:
  NodeStreams(NodeRuntime& runtime, int workers) : runtime_(runtime) {
    for (int i = 0; i < workers; ++i) threads_.emplace_back([this] { Run(); });
  }
  ~NodeStreams() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
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
  uint64_t errors() const { return errors_.load(); }

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
      if (!runtime_.Touch(d.device_id, "capability.result").ok()) ++errors_;
      if (!runtime_.Complete(d.device_id, d.request_id, Success()).ok()) ++errors_;
    }
  }

  NodeRuntime& runtime_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<CapabilityDispatch> pending_;
  bool stop_ = false;
  std::atomic<uint64_t> errors_{0};
  std::vector<std::thread> threads_;
};

double Percentile(std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const size_t index = std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()));
  return sorted[index];
}

void BM_EndToEnd(benchmark::State& state) {
  const int callers = static_cast<int>(state.range(0));
  const int workers = static_cast<int>(state.range(1));
  constexpr int kPerCaller = 5000;
  Fixture f;
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  NodeStreams streams(*f.runtime, workers);
  for (const std::string& node : f.nodes) {
    (void)f.runtime->AttachDispatchListener(node, streams.Listener());
  }
  std::vector<double> latencies_us;
  uint64_t failures = 0;
  double total_seconds = 0;
  uint64_t total = 0;
  for (auto _ : state) {
    std::vector<std::vector<double>> per_caller(static_cast<size_t>(callers));
    std::atomic<uint64_t> failed{0};
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < callers; ++c) {
      threads.emplace_back([&, c] {
        std::vector<double>& mine = per_caller[static_cast<size_t>(c)];
        mine.reserve(kPerCaller);
        std::mutex mu;
        std::condition_variable cv;
        for (int i = 0; i < kPerCaller; ++i) {
          const std::string& node = f.nodes[static_cast<size_t>(c * 7 + i) % f.nodes.size()];
          bool finished = false;
          bool succeeded = false;
          const auto t0 = Clock::now();
          auto r = f.runtime->Enqueue(Invoke(node), [&](const CapabilityRequestRecord& rec) {
            std::lock_guard lock(mu);
            finished = true;
            succeeded = rec.state == CapabilityRequestState::kSucceeded;
            cv.notify_one();
          });
          if (!r.ok()) {
            ++failed;
            continue;
          }
          std::unique_lock lock(mu);
          cv.wait(lock, [&] { return finished; });
          mine.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
          if (!succeeded) ++failed;
        }
      });
    }
    for (std::thread& t : threads) t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    state.SetIterationTime(seconds);
    total_seconds += seconds;
    for (auto& v : per_caller) {
      total += v.size();
      latencies_us.insert(latencies_us.end(), v.begin(), v.end());
    }
    failures += failed.load();
  }
  std::sort(latencies_us.begin(), latencies_us.end());
  state.SetItemsProcessed(static_cast<int64_t>(total));
  state.counters["invocations_per_s"] = static_cast<double>(total) / total_seconds;
  state.counters["p50_us"] = Percentile(latencies_us, 0.50);
  state.counters["p90_us"] = Percentile(latencies_us, 0.90);
  state.counters["p99_us"] = Percentile(latencies_us, 0.99);
  state.counters["failures"] = static_cast<double>(failures + streams.errors());
  const auto stats = f.runtime->Stats();
  state.counters["mutations_per_txn"] =
      stats.transactions_committed == 0
          ? 0.0
          : static_cast<double>(stats.mutations_committed) /
                static_cast<double>(stats.transactions_committed);
}
BENCHMARK(BM_EndToEnd)
    ->Args({2, 1})
    ->Args({4, 2})
    ->Args({8, 2})
    ->Args({16, 2})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
