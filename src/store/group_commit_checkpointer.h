#pragma once
// Checkpoints the write-ahead log of a group-committing writer from a background thread. The
// writer's connection stops checkpointing on its own (an automatic checkpoint would put an fsync
// on the hot path every ~1000 pages); this thread, on a second connection from the factory, runs
// a PASSIVE checkpoint at a fixed interval instead, which never blocks the writer. The log is
// still reset and reused after each complete checkpoint, and its file is bounded on disk after a
// burst.

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/status.h"
#include "store/connection_factory.h"
#include "store/database.h"

namespace palyra::store {

class GroupCommitCheckpointer {
 public:
  // Turns automatic checkpoints off on `writer` and starts checkpointing every `interval_ms`
  // (positive) on a connection of its own from `connections`. `owner` names the writer in the
  // warning a failed checkpoint logs ("node runtime").
  static Result<std::unique_ptr<GroupCommitCheckpointer>> Start(
      const ConnectionFactory& connections, Database& writer, int64_t interval_ms,
      std::string owner);
  // Stops the thread after a last checkpoint.
  ~GroupCommitCheckpointer();
  GroupCommitCheckpointer(const GroupCommitCheckpointer&) = delete;
  GroupCommitCheckpointer& operator=(const GroupCommitCheckpointer&) = delete;

 private:
  GroupCommitCheckpointer(std::unique_ptr<Database> db, int64_t interval_ms, std::string owner);
  void Run();

  const std::unique_ptr<Database> db_;
  const int64_t interval_ms_;
  const std::string owner_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace palyra::store
