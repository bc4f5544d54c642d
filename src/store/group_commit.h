#pragma once
// Group commit: mutations from concurrent callers share one transaction. A caller takes a
// Section (the writer lock) for one call and writes through GroupCommitTransaction ops, each
// one a savepoint, so a failed mutation leaves the batch intact for the others. The batch is
// committed at the end of a section as soon as no other caller is queued to join it (or after
// at most 200 us while other request-path calls, marked by ActiveCall, are on their way), or
// when it holds 32 mutations. A section that wrote waits until its batch is committed before
// the call returns, so every call's result is on disk when the caller sees it; the waiting
// happens without the lock, while the next caller already writes the next batch.
//
// If a commit fails, the caller's memory and the disk could disagree, so every later section
// reports that error (health()) until the process restarts and the owner recovers on open.
//
// Whatever in-memory state the owner keeps in step with the database may be guarded by the
// Section too: it is a plain mutex underneath.

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "common/status.h"
#include "store/group_commit_transaction.h"

namespace palyra::store {

class GroupCommit {
 public:
  // `owner` names the component in the error a failed commit leaves ("node runtime").
  GroupCommit(GroupCommitTransaction& transaction, std::string owner);
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // Holds the writer lock for one call and commits or hands over its batch when finished.
  class Section {
   public:
    explicit Section(GroupCommit& group);
    ~Section();
    Section(const Section&) = delete;
    Section& operator=(const Section&) = delete;
    // Not OK once a batch commit failed: memory and disk may disagree, so the owner refuses
    // all work until the process restarts (recovery then runs on open).
    const Status& health() const { return group_.poisoned_; }
    // Commits or hands over the batch, waits for a written batch to be committed, releases the
    // lock. Returns the commit status for a section that wrote.
    Status Finish();

   private:
    GroupCommit& group_;
    std::unique_lock<std::mutex> lock_;
    size_t ops_at_start_ = 0;
  };

  // Marks a request-path call as in progress for the whole call, so that a batch may wait a
  // moment for it to join.
  class ActiveCall {
   public:
    explicit ActiveCall(GroupCommit& group) : group_(group) {
      group_.active_calls_.fetch_add(1, std::memory_order_relaxed);
    }
    ~ActiveCall() { Done(); }
    // Before delivering callbacks: a call that is only delivering will not join a batch.
    void Done() {
      if (active_) group_.active_calls_.fetch_sub(1, std::memory_order_relaxed);
      active_ = false;
    }
    ActiveCall(const ActiveCall&) = delete;
    ActiveCall& operator=(const ActiveCall&) = delete;

   private:
    GroupCommit& group_;
    bool active_ = true;
  };

  // Under a Section: a mutation in the open batch (opening it when none is).
  Result<GroupCommitTransaction::Op> BeginOp() { return transaction_.BeginOp(); }

  // Under a Section: batches committed and the mutations in them (mutations / transactions =
  // batch size).
  uint64_t transactions_committed() const { return transactions_committed_; }
  uint64_t mutations_committed() const { return mutations_committed_; }

 private:
  // The open batch's completion, which the sections that wrote to it wait on without mu_.
  struct Batch {
    // Under mu_: a section that wrote may hold the batch open for a moment (the commit window)
    // while other request-path calls are on their way to join it (it "leads" the batch), and
    // the sections that wrote to it and now wait for its commit.
    bool has_leader = false;
    size_t followers = 0;
    // Under `mu`: the outcome.
    std::mutex mu;
    std::condition_variable cv;
    bool done = false;
    Status status;
  };

  // Commits the open batch (under `lock`, which it releases) and wakes whoever waits on it.
  Status CommitOpenBatch(std::unique_lock<std::mutex>& lock, const std::shared_ptr<Batch>& batch);
  static Status AwaitCommit(Batch& batch);

  GroupCommitTransaction& transaction_;
  const std::string owner_;
  std::mutex mu_;
  std::atomic<int> waiting_{0};  // callers queued on mu_
  std::shared_ptr<Batch> open_batch_;
  std::condition_variable leader_cv_;  // wakes a leading section when a follower joins
  std::atomic<int> active_calls_{0};   // threads inside request-path calls (any phase)
  Status poisoned_;
  uint64_t transactions_committed_ = 0;
  uint64_t mutations_committed_ = 0;
};

}  // namespace palyra::store
