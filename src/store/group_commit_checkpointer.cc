#include "store/group_commit_checkpointer.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <utility>

namespace palyra::store {

Result<std::unique_ptr<GroupCommitCheckpointer>> GroupCommitCheckpointer::Start(
    const ConnectionFactory& connections, Database& writer, int64_t interval_ms,
    std::string owner) {
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, connections.Connect());
  PALYRA_RETURN_IF_ERROR(writer.Exec("PRAGMA wal_autocheckpoint=0"));
  PALYRA_RETURN_IF_ERROR(writer.Exec("PRAGMA journal_size_limit=67108864"));
  return std::unique_ptr<GroupCommitCheckpointer>(
      new GroupCommitCheckpointer(std::move(db), interval_ms, std::move(owner)));
}

GroupCommitCheckpointer::GroupCommitCheckpointer(std::unique_ptr<Database> db, int64_t interval_ms,
                                                 std::string owner)
    : db_(std::move(db)),
      interval_ms_(interval_ms),
      owner_(std::move(owner)),
      thread_([this] { Run(); }) {}

GroupCommitCheckpointer::~GroupCommitCheckpointer() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void GroupCommitCheckpointer::Run() {
  std::unique_lock lock(mu_);
  while (
      !cv_.wait_for(lock, std::chrono::milliseconds(interval_ms_), [this] { return stopping_; })) {
    lock.unlock();
    // PASSIVE: copies what it can without waiting for or blocking the writer.
    Status status = db_->Exec("PRAGMA wal_checkpoint(PASSIVE)");
    if (!status.ok()) {
      spdlog::warn("{}: background WAL checkpoint failed: {}", owner_, status.ToString());
    }
    lock.lock();
  }
  lock.unlock();
  // A last full pass at shutdown, so the log does not outlive the process.
  (void)db_->Exec("PRAGMA wal_checkpoint(PASSIVE)");
}

}  // namespace palyra::store
