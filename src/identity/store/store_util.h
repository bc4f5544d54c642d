#pragma once
// Small helpers shared by the identity store implementation files. Internal to
// src/identity/store.

#include <functional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "store/database.h"

namespace palyra::identity::internal {

// Runs `fn` atomically. Outside a transaction: in a new IMMEDIATE transaction, committed when
// `fn` returns OK and rolled back otherwise. Inside the caller's transaction: in a SAVEPOINT, so
// a failing `fn` leaves the caller's earlier work intact and undoes only its own writes; the
// caller's COMMIT or ROLLBACK then decides for both.
inline Status RunAtomically(store::Database& db, const std::function<Status()>& fn) {
  if (!db.InTransaction()) return db.RunInTransaction(fn);
  PALYRA_RETURN_IF_ERROR(db.Exec("SAVEPOINT palyra_identity_store"));
  Status status = fn();
  if (status.ok()) {
    status = db.Exec("RELEASE palyra_identity_store");
    if (status.ok()) return status;
  }
  if (db.InTransaction()) {
    (void)db.Exec("ROLLBACK TO palyra_identity_store");
    (void)db.Exec("RELEASE palyra_identity_store");
  }
  return status;
}

// Runs read-only `fn` on one consistent snapshot: in a DEFERRED transaction, or in the
// caller's transaction when there is one.
inline Status RunReadSnapshot(store::Database& db, const std::function<Status()>& fn) {
  if (db.InTransaction()) return fn();
  PALYRA_ASSIGN_OR_RETURN(store::Transaction txn, db.Begin(store::TransactionMode::kDeferred));
  PALYRA_RETURN_IF_ERROR(fn());
  return txn.Commit();
}

// True for exactly 64 lowercase hex digits (a SHA-256 fingerprint or a 32-byte key in hex).
inline bool IsLowerHex64(std::string_view value) {
  if (value.size() != 64) return false;
  for (char c : value) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// INVALID_ARGUMENT "<field> must be 64 lowercase hex characters (SHA-256)".
inline Status ValidateFingerprintHex(std::string_view value, std::string_view field) {
  if (IsLowerHex64(value)) return Status::Ok();
  return InvalidArgument(std::string(field) +
                         " must be 64 lowercase hex characters (a SHA-256 fingerprint)");
}

}  // namespace palyra::identity::internal
