#include "store/sqlite_ca_repository.h"

#include <limits>

#include "store/rows.h"
#include "store/transactions.h"

namespace palyra::store {
namespace {

Result<StoredCa> CaFromRow(const Statement& stmt) {
  return StoredCa{stmt.ColumnText(0), stmt.ColumnText(1)};
}

Result<std::optional<StoredCa>> ReadCa(Database& db) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT certificate_pem, certificate_fingerprint FROM gateway_ca WHERE id = 1"));
  return FirstRow(stmt, CaFromRow);
}

Status NoLongerThisCa(const Database& db) {
  return FailedPrecondition(db.label() + " no longer holds this gateway CA");
}

}  // namespace

SqliteCaRepository::SqliteCaRepository(std::unique_ptr<Database> connection)
    : owned_(std::move(connection)), db_(*owned_) {}

SqliteCaRepository::SqliteCaRepository(Database& connection) : db_(connection) {}

Result<std::optional<StoredCa>> SqliteCaRepository::Get() {
  std::lock_guard lock(mu_);
  return ReadCa(db_);
}

Result<CaCreation> SqliteCaRepository::GetOrCreate(const std::function<Result<StoredCa>()>& make,
                                                   int64_t now_unix_ms) {
  std::lock_guard lock(mu_);
  if (db_.InTransaction()) {
    return FailedPrecondition("gateway CA creation needs its own transaction");
  }
  // Fast path: the CA exists (every start after the first); no write lock needed.
  {
    PALYRA_ASSIGN_OR_RETURN(std::optional<StoredCa> stored, ReadCa(db_));
    if (stored) return CaCreation{std::move(*stored), false};
  }
  // Slow path: take the write lock, then look again. When two processes get here at once, the
  // second one waits on the lock and then finds the first one's CA.
  PALYRA_ASSIGN_OR_RETURN(Transaction txn, db_.Begin(TransactionMode::kImmediate));
  PALYRA_ASSIGN_OR_RETURN(std::optional<StoredCa> stored, ReadCa(db_));
  if (stored) {
    PALYRA_RETURN_IF_ERROR(txn.Rollback());
    return CaCreation{std::move(*stored), false};
  }
  PALYRA_ASSIGN_OR_RETURN(StoredCa made, make());
  PALYRA_ASSIGN_OR_RETURN(
      Statement insert,
      db_.Prepare("INSERT INTO gateway_ca (id, certificate_pem, certificate_fingerprint, sequence, "
                  "created_at_unix_ms, updated_at_unix_ms) VALUES (1, ?1, ?2, 0, ?3, ?3)"));
  PALYRA_RETURN_IF_ERROR(insert.BindText(1, made.certificate_pem));
  PALYRA_RETURN_IF_ERROR(insert.BindText(2, made.fingerprint));
  PALYRA_RETURN_IF_ERROR(insert.BindInt64(3, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(insert.Run());
  PALYRA_RETURN_IF_ERROR(txn.Commit());
  return CaCreation{std::move(made), true};
}

Result<int64_t> SqliteCaRepository::Sequence(std::string_view ca_fingerprint) {
  std::lock_guard lock(mu_);
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT sequence FROM gateway_ca WHERE id = 1 AND certificate_fingerprint = ?1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, ca_fingerprint));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NoLongerThisCa(db_);
  return stmt.ColumnInt64(0);
}

Result<int64_t> SqliteCaRepository::RecordIssuance(std::string_view ca_fingerprint,
                                                   int64_t now_unix_ms) {
  std::lock_guard lock(mu_);
  int64_t sequence = 0;
  PALYRA_RETURN_IF_ERROR(RunAtomically(db_, [&]() -> Status {
    PALYRA_ASSIGN_OR_RETURN(sequence,
                            AdvanceSequenceInTransaction(db_, ca_fingerprint, now_unix_ms));
    return Status::Ok();
  }));
  return sequence;
}

Result<int64_t> SqliteCaRepository::AdvanceSequenceInTransaction(std::string_view ca_fingerprint,
                                                                 int64_t now_unix_ms) {
  std::lock_guard lock(mu_);
  return AdvanceSequenceInTransaction(db_, ca_fingerprint, now_unix_ms);
}

Result<int64_t> SqliteCaRepository::AdvanceSequenceInTransaction(Database& db,
                                                                 std::string_view ca_fingerprint,
                                                                 int64_t now_unix_ms) {
  if (!db.InTransaction()) {
    return FailedPrecondition("the CA sequence may only be advanced inside a transaction");
  }
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("UPDATE gateway_ca SET sequence = CASE WHEN sequence >= ?3 THEN sequence "
                 "ELSE sequence + 1 END, updated_at_unix_ms = ?2 "
                 "WHERE id = 1 AND certificate_fingerprint = ?1 RETURNING sequence"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, ca_fingerprint));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(3, std::numeric_limits<int64_t>::max()));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NoLongerThisCa(db);
  const int64_t sequence = stmt.ColumnInt64(0);
  PALYRA_ASSIGN_OR_RETURN(bool more, stmt.Step());
  if (more) return Internal("gateway_ca has more than one row");
  return sequence;
}

}  // namespace palyra::store
