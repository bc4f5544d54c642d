#include "store/group_commit_transaction.h"

#include <utility>

#include "store/node_runtime_sql.h"

namespace palyra::store {

struct GroupCommitTransaction::Statements {
  Statement begin;
  Statement commit;
  Statement rollback;
  Statement savepoint;
  Statement release;
  Statement rollback_to;
};

Result<std::unique_ptr<GroupCommitTransaction>> GroupCommitTransaction::Create(Database& db) {
  PALYRA_ASSIGN_OR_RETURN(Statement begin, db.Prepare("BEGIN IMMEDIATE"));
  PALYRA_ASSIGN_OR_RETURN(Statement commit, db.Prepare("COMMIT"));
  PALYRA_ASSIGN_OR_RETURN(Statement rollback, db.Prepare("ROLLBACK"));
  PALYRA_ASSIGN_OR_RETURN(Statement savepoint, db.Prepare("SAVEPOINT group_commit_op"));
  PALYRA_ASSIGN_OR_RETURN(Statement release, db.Prepare("RELEASE group_commit_op"));
  PALYRA_ASSIGN_OR_RETURN(Statement rollback_to, db.Prepare("ROLLBACK TO group_commit_op"));
  auto stmts = std::unique_ptr<Statements>(
      new Statements{std::move(begin), std::move(commit), std::move(rollback), std::move(savepoint),
                     std::move(release), std::move(rollback_to)});
  return std::unique_ptr<GroupCommitTransaction>(new GroupCommitTransaction(db, std::move(stmts)));
}

GroupCommitTransaction::GroupCommitTransaction(Database& db, std::unique_ptr<Statements> stmts)
    : db_(db), stmts_(std::move(stmts)) {}

GroupCommitTransaction::~GroupCommitTransaction() = default;

Status GroupCommitTransaction::Run(Statement& stmt) {
  ResetOnExit reset(stmt);
  return stmt.Run();
}

bool GroupCommitTransaction::batch_open() const { return db_.InTransaction(); }

Result<GroupCommitTransaction::Op> GroupCommitTransaction::BeginOp() {
  if (!db_.InTransaction()) {
    PALYRA_RETURN_IF_ERROR(Run(stmts_->begin));
    return Op(this, /*opened_batch=*/true);
  }
  PALYRA_RETURN_IF_ERROR(Run(stmts_->savepoint));
  return Op(this, /*opened_batch=*/false);
}

GroupCommitTransaction::Op::~Op() {
  if (transaction_ == nullptr || !transaction_->db_.InTransaction()) return;
  if (opened_batch_) {
    // Nothing else is in the batch yet.
    transaction_->AbandonBatch();
    return;
  }
  // Undo this mutation only; the batch stays open for the others.
  (void)transaction_->Run(transaction_->stmts_->rollback_to);
  (void)transaction_->Run(transaction_->stmts_->release);
}

Status GroupCommitTransaction::Op::Commit() {
  if (transaction_ == nullptr) return FailedPrecondition("mutation is no longer active");
  Status status = opened_batch_ ? Status::Ok() : transaction_->Run(transaction_->stmts_->release);
  if (status.ok()) {
    ++transaction_->ops_in_batch_;
    transaction_ = nullptr;  // else the destructor rolls back to the savepoint
  }
  return status;
}

Status GroupCommitTransaction::CommitBatch() {
  ops_in_batch_ = 0;
  if (!db_.InTransaction()) return Status::Ok();
  return Run(stmts_->commit);
}

void GroupCommitTransaction::AbandonBatch() {
  ops_in_batch_ = 0;
  if (db_.InTransaction()) (void)Run(stmts_->rollback);
}

}  // namespace palyra::store
