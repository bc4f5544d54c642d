// The QUIC runtime's durable event log on SQLite: appends (one transaction each) and the replay
// reads that feed node.stream_events (issue 6 wants >= 200,000 events/s on one stream; this
// measures how fast the log itself can supply them).

#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <string>

#include "common/ulid.h"
#include "daemon/quic_runtime/event_log.h"
#include "store/connection_factory.h"
#include "store/sqlite_event_log_repository.h"

namespace {

using palyra::daemon::quic_runtime::EventLogOptions;
using palyra::daemon::quic_runtime::NodeEventLog;

constexpr std::string_view kPayload =
    R"({"request_id":"01JBENCHBENCHBENCHBENCHBEN","capability":"echo","input_json":"{}"})";

struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<NodeEventLog> log;
  std::string error;
  Fixture() {
    dir = std::filesystem::temp_directory_path() / ("palyra-eventbench-" + palyra::NewUlid());
    std::filesystem::create_directories(dir);
    EventLogOptions options;
    options.max_events_per_device = 10'000'000;
    auto opened = Open(options);
    if (!opened.ok()) {
      error = opened.status().ToString();
      return;
    }
    log = std::move(*opened);
  }
  // As the daemon wires it: the factory migrates the file, the log gets a connection of its own.
  palyra::Result<std::unique_ptr<NodeEventLog>> Open(const EventLogOptions& options) {
    PALYRA_ASSIGN_OR_RETURN(auto factory,
                            palyra::store::ConnectionFactory::Open(dir / "palyra.db"));
    PALYRA_ASSIGN_OR_RETURN(auto connection, factory->Connect());
    return NodeEventLog::Open(
        options, std::make_unique<palyra::store::SqliteEventLogRepository>(std::move(connection)));
  }
  ~Fixture() {
    log.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

void BM_EventLog_Append(benchmark::State& state) {
  Fixture f;
  if (!f.log) return state.SkipWithError(f.error.c_str());
  const std::string device = palyra::NewUlid();
  for (auto _ : state) {
    auto seq = f.log->Append(device, "capability.dispatch", kPayload);
    if (!seq.ok()) return state.SkipWithError(seq.status().message().c_str());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EventLog_Append)->Unit(benchmark::kMicrosecond);

// Replay: read the log in batches of `range(0)` from the start, as a resuming stream does.
void BM_EventLog_ReplayBatches(benchmark::State& state) {
  Fixture f;
  if (!f.log) return state.SkipWithError(f.error.c_str());
  const std::string device = palyra::NewUlid();
  constexpr int kEvents = 20'000;
  for (int i = 0; i < kEvents; ++i) {
    if (!f.log->Append(device, "capability.dispatch", kPayload).ok()) {
      return state.SkipWithError("append failed");
    }
  }
  const auto batch = static_cast<size_t>(state.range(0));
  uint64_t after = 0;
  int64_t events = 0;
  for (auto _ : state) {
    auto read = f.log->ReadAfter(device, after, batch);
    if (!read.ok()) return state.SkipWithError(read.status().message().c_str());
    events += static_cast<int64_t>(read->size());
    after = read->empty() || read->back().seq >= kEvents ? 0 : read->back().seq;
  }
  state.SetItemsProcessed(events);
}
BENCHMARK(BM_EventLog_ReplayBatches)->Arg(64)->Arg(1024)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
