#pragma once
// The shared transaction of group commit, on one connection: several mutations write into one
// BEGIN IMMEDIATE transaction (a batch) that CommitBatch() ends. Each mutation is an Op, a
// savepoint inside the batch: Op::Commit() keeps its writes; an Op destroyed without Commit()
// rolls back to the savepoint, so a failed mutation leaves nothing in the batch and the others
// are unaffected.
//
// Not thread-safe: GroupCommit (store/group_commit.h) decides who may use it, and when a batch
// is committed.

#include <cstddef>
#include <memory>

#include "common/status.h"
#include "store/database.h"

namespace palyra::store {

class GroupCommitTransaction {
 public:
  // Prepares the transaction statements on `db`, which must outlive this object and is the
  // connection the mutations' repositories write through.
  static Result<std::unique_ptr<GroupCommitTransaction>> Create(Database& db);
  ~GroupCommitTransaction();
  GroupCommitTransaction(const GroupCommitTransaction&) = delete;
  GroupCommitTransaction& operator=(const GroupCommitTransaction&) = delete;

  class Op {
   public:
    // `opened_batch`: this mutation began the batch, so it needs no savepoint (undoing it is
    // rolling the batch back).
    Op(GroupCommitTransaction* transaction, bool opened_batch)
        : transaction_(transaction), opened_batch_(opened_batch) {}
    Op(Op&& other) noexcept : transaction_(other.transaction_), opened_batch_(other.opened_batch_) {
      other.transaction_ = nullptr;
    }
    Op& operator=(Op&&) = delete;
    Op(const Op&) = delete;
    Op& operator=(const Op&) = delete;
    ~Op();
    Status Commit();

   private:
    GroupCommitTransaction* transaction_;
    bool opened_batch_;
  };
  // Opens the batch if none is open (BEGIN IMMEDIATE), else a savepoint inside it.
  Result<Op> BeginOp();
  bool batch_open() const;
  // Mutations committed into the open batch so far.
  size_t ops_in_batch() const { return ops_in_batch_; }
  Status CommitBatch();
  // Rolls the whole batch back (after a failed commit; SQLite may have done so already).
  void AbandonBatch();

 private:
  struct Statements;
  GroupCommitTransaction(Database& db, std::unique_ptr<Statements> stmts);
  Status Run(Statement& stmt);

  Database& db_;
  std::unique_ptr<Statements> stmts_;
  size_t ops_in_batch_ = 0;
};

}  // namespace palyra::store
