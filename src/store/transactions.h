#pragma once
// The transaction helpers every SQLite repository uses, so that "this is one atomic step" is
// written the same way everywhere.

#include <functional>

#include "common/status.h"
#include "store/database.h"

namespace palyra::store {

// Runs `fn` atomically. Outside a transaction: in a new IMMEDIATE transaction, committed when
// `fn` returns OK and rolled back otherwise. Inside the caller's transaction: in a SAVEPOINT, so
// a failing `fn` leaves the caller's earlier work intact and undoes only its own writes; the
// caller's COMMIT or ROLLBACK then decides for both.
Status RunAtomically(Database& db, const std::function<Status()>& fn);

// Runs read-only `fn` on one consistent snapshot: in a DEFERRED transaction, or in the
// caller's transaction when there is one.
Status RunReadSnapshot(Database& db, const std::function<Status()>& fn);

}  // namespace palyra::store
