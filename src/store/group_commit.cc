#include "store/group_commit.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <utility>

namespace palyra::store {
namespace {

// Mutations one batch (transaction) may hold before it is committed regardless of who waits.
constexpr size_t kMaxOpsPerBatch = 32;
// How long a batch may be held open for request-path calls already in progress to join it.
constexpr std::chrono::microseconds kCommitWindow{200};

}  // namespace

GroupCommit::GroupCommit(GroupCommitTransaction& transaction, std::string owner)
    : transaction_(transaction), owner_(std::move(owner)) {}

GroupCommit::Section::Section(GroupCommit& group) : group_(group) {
  group_.waiting_.fetch_add(1, std::memory_order_relaxed);
  lock_ = std::unique_lock(group_.mu_);
  group_.waiting_.fetch_sub(1, std::memory_order_relaxed);
  ops_at_start_ = group_.transaction_.ops_in_batch();
}

GroupCommit::Section::~Section() {
  if (lock_.owns_lock()) (void)Finish();
}

Status GroupCommit::AwaitCommit(Batch& batch) {
  std::unique_lock batch_lock(batch.mu);
  batch.cv.wait(batch_lock, [&] { return batch.done; });
  return batch.status;
}

Status GroupCommit::Section::Finish() {
  if (!lock_.owns_lock()) return Status::Ok();
  GroupCommit& g = group_;
  GroupCommitTransaction& transaction = g.transaction_;
  const bool wrote = transaction.ops_in_batch() > ops_at_start_;
  if (!transaction.batch_open()) {
    lock_.unlock();
    return Status::Ok();
  }
  if (g.open_batch_ == nullptr) g.open_batch_ = std::make_shared<Batch>();
  const std::shared_ptr<Batch> batch = g.open_batch_;

  // Leaves the batch to whoever commits it; a section that wrote waits for that without mu_.
  auto follow = [&]() -> Status {
    if (wrote) {
      ++batch->followers;
      g.leader_cv_.notify_all();
    }
    lock_.unlock();
    return wrote ? AwaitCommit(*batch) : Status::Ok();
  };

  bool leading = false;
  const auto window_end = std::chrono::steady_clock::now() + kCommitWindow;
  while (true) {
    if (g.open_batch_ != batch) {
      // Committed by another section (it filled up) while this one waited as leader.
      lock_.unlock();
      Status status = AwaitCommit(*batch);
      return wrote ? status : Status::Ok();
    }
    if (transaction.ops_in_batch() >= kMaxOpsPerBatch) break;
    const bool joiner_queued = g.waiting_.load(std::memory_order_relaxed) > 0;
    if (joiner_queued) {
      // The queued caller joins this batch and commits it (or hands it on).
      batch->has_leader = false;
      return follow();
    }
    if (batch->has_leader && !leading) return follow();
    // Request-path calls in progress that are not yet part of this batch may join it if the
    // commit waits a moment; alone, commit at once.
    const int others =
        g.active_calls_.load(std::memory_order_relaxed) - 1 - static_cast<int>(batch->followers);
    if (!wrote || others <= 0 || std::chrono::steady_clock::now() >= window_end) break;
    leading = true;
    batch->has_leader = true;
    g.leader_cv_.wait_until(lock_, window_end);
  }
  Status status = g.CommitOpenBatch(lock_, batch);
  return wrote ? status : Status::Ok();
}

Status GroupCommit::CommitOpenBatch(std::unique_lock<std::mutex>& lock,
                                    const std::shared_ptr<Batch>& batch) {
  const size_t ops = transaction_.ops_in_batch();
  Status status = transaction_.CommitBatch();
  if (status.ok()) {
    ++transactions_committed_;
    mutations_committed_ += ops;
  } else {
    transaction_.AbandonBatch();
    poisoned_ = Status(status.code(), owner_ +
                                          ": committing to the database failed, so it stopped "
                                          "accepting work; restart the daemon (" +
                                          status.message() + ")");
    spdlog::critical("{}", poisoned_.message());
    status = poisoned_;
  }
  open_batch_.reset();
  lock.unlock();
  leader_cv_.notify_all();  // a leader of this batch, if another section committed it
  {
    std::lock_guard batch_lock(batch->mu);
    batch->done = true;
    batch->status = status;
  }
  batch->cv.notify_all();
  return status;
}

}  // namespace palyra::store
