// Core library costs that sit on hot paths later: minting and validating ULIDs (every request),
// atomic secret writes (pairing, rotation) and one SQLite write transaction (every state change).

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "common/files.h"
#include "common/ulid.h"
#include "store/database.h"
#include "store/migrations.h"

namespace {

std::filesystem::path BenchDir() {
  auto dir = std::filesystem::temp_directory_path() / ("palyra-bench-" + palyra::NewUlid());
  std::filesystem::create_directories(dir);
  return dir;
}

void BM_NewUlid(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(palyra::NewUlid());
}
BENCHMARK(BM_NewUlid);

void BM_ValidateUlid(benchmark::State& state) {
  std::string id = palyra::NewUlid();
  for (auto _ : state) benchmark::DoNotOptimize(palyra::ValidateCanonicalUlid(id, "device_id"));
}
BENCHMARK(BM_ValidateUlid);

void BM_WriteFileAtomic(benchmark::State& state) {
  auto dir = BenchDir();
  std::string payload(static_cast<size_t>(state.range(0)), 'k');
  for (auto _ : state) {
    auto status = palyra::WriteFileAtomic(dir / "secret.pem", payload, 0600);
    if (!status.ok()) state.SkipWithError(status.message().c_str());
  }
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_WriteFileAtomic)->Arg(256)->Arg(4096)->Unit(benchmark::kMicrosecond);

void BM_StoreWriteTransaction(benchmark::State& state) {
  auto dir = BenchDir();
  auto db = palyra::store::OpenPalyraDatabase(dir / "palyra.db");
  if (!db.ok()) {
    state.SkipWithError(db.status().message().c_str());
    return;
  }
  int64_t i = 0;
  for (auto _ : state) {
    auto status = (*db)->RunInTransaction([&]() -> palyra::Status {
      auto stmt = (*db)->Prepare(
          "INSERT OR REPLACE INTO gateway_meta(key, value, updated_at_unix_ms) VALUES(?, ?, ?)");
      if (!stmt.ok()) return stmt.status();
      PALYRA_RETURN_IF_ERROR(stmt->BindText(1, "bench-" + std::to_string(i % 1000)));
      PALYRA_RETURN_IF_ERROR(stmt->BindText(2, "value"));
      PALYRA_RETURN_IF_ERROR(stmt->BindInt64(3, i));
      return stmt->Run();
    });
    if (!status.ok()) state.SkipWithError(status.message().c_str());
    ++i;
  }
  db->reset();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_StoreWriteTransaction)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
