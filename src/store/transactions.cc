#include "store/transactions.h"

namespace palyra::store {

Status RunAtomically(Database& db, const std::function<Status()>& fn) {
  if (!db.InTransaction()) return db.RunInTransaction(fn);
  PALYRA_RETURN_IF_ERROR(db.Exec("SAVEPOINT palyra_atomic"));
  Status status = fn();
  if (status.ok()) {
    status = db.Exec("RELEASE palyra_atomic");
    if (status.ok()) return status;
  }
  if (db.InTransaction()) {
    (void)db.Exec("ROLLBACK TO palyra_atomic");
    (void)db.Exec("RELEASE palyra_atomic");
  }
  return status;
}

Status RunReadSnapshot(Database& db, const std::function<Status()>& fn) {
  if (db.InTransaction()) return fn();
  PALYRA_ASSIGN_OR_RETURN(Transaction txn, db.Begin(TransactionMode::kDeferred));
  PALYRA_RETURN_IF_ERROR(fn());
  return txn.Commit();
}

}  // namespace palyra::store
