// The pairing code half of SqlitePairingSteps (table pairing_codes).

#include <span>

#include "store/rows.h"
#include "store/sqlite_pairing_repository.h"

namespace palyra::store {
namespace {

using identity::PairingCodeRecord;

constexpr std::string_view kColumns =
    "code_id, method, state, auto_approve, issued_by, created_at_unix_ms, expires_at_unix_ms, "
    "failed_attempts, reservation_id, reserved_until_unix_ms, consumed_by_request_id, "
    "updated_at_unix_ms";

// Live rows: not finished and not past their expiry.
constexpr std::string_view kLiveCondition =
    "state IN ('active', 'reserved') AND expires_at_unix_ms > ?1";

Result<PairingCodeRecord> CodeFromRow(const Statement& stmt) {
  PairingCodeRecord r;
  r.code_id = stmt.ColumnText(0);
  PALYRA_ASSIGN_OR_RETURN(r.method, identity::ParsePairingMethodKind(stmt.ColumnText(1)));
  PALYRA_ASSIGN_OR_RETURN(r.state, identity::ParsePairingCodeState(stmt.ColumnText(2)));
  r.auto_approve = stmt.ColumnBool(3);
  r.issued_by = stmt.ColumnText(4);
  r.created_at_unix_ms = stmt.ColumnInt64(5);
  r.expires_at_unix_ms = stmt.ColumnInt64(6);
  r.failed_attempts = static_cast<int>(stmt.ColumnInt64(7));
  r.reservation_id = stmt.ColumnOptionalText(8);
  r.reserved_until_unix_ms = stmt.ColumnOptionalInt64(9);
  r.consumed_by_request_id = stmt.ColumnOptionalText(10);
  r.updated_at_unix_ms = stmt.ColumnInt64(11);
  return r;
}

std::span<const uint8_t> HashBytes(const identity::PairingCodeHash& hash) {
  return std::span<const uint8_t>(hash);
}

}  // namespace

Result<int64_t> SqlitePairingSteps::CountLiveCodes(int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT count(*) FROM pairing_codes WHERE " + std::string(kLiveCondition)));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(1, now_unix_ms));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.ColumnInt64(0) : 0;
}

Status SqlitePairingSteps::InsertCode(const PairingCodeRecord& code,
                                      const identity::PairingCodeHash& hash) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement insert,
      db_.Prepare("INSERT INTO pairing_codes (code_id, method, code_hash, state, auto_approve, "
                  "issued_by, created_at_unix_ms, expires_at_unix_ms, updated_at_unix_ms) "
                  "VALUES (?1, ?2, ?3, 'active', ?4, ?5, ?6, ?7, ?6)"));
  PALYRA_RETURN_IF_ERROR(insert.BindText(1, code.code_id));
  PALYRA_RETURN_IF_ERROR(insert.BindText(2, identity::PairingMethodKindName(code.method)));
  PALYRA_RETURN_IF_ERROR(insert.BindBlob(3, HashBytes(hash)));
  PALYRA_RETURN_IF_ERROR(insert.BindBool(4, code.auto_approve));
  PALYRA_RETURN_IF_ERROR(insert.BindText(5, code.issued_by));
  PALYRA_RETURN_IF_ERROR(insert.BindInt64(6, code.created_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(insert.BindInt64(7, code.expires_at_unix_ms));
  return insert.Run();
}

Result<bool> SqlitePairingSteps::DeleteExpiredCodeWithHash(const identity::PairingCodeHash& hash,
                                                           int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("DELETE FROM pairing_codes WHERE code_hash = ?1 AND expires_at_unix_ms <= ?2 "
                  "AND (state = 'active' OR (state = 'reserved' AND "
                  "reserved_until_unix_ms <= ?2))"));
  PALYRA_RETURN_IF_ERROR(stmt.BindBlob(1, HashBytes(hash)));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return db_.Changes() > 0;
}

Result<std::optional<PairingCodeRecord>> SqlitePairingSteps::FindUnfinishedCode(
    const identity::PairingCodeHash& hash) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement select,
      db_.Prepare("SELECT " + std::string(kColumns) +
                  " FROM pairing_codes WHERE code_hash = ?1 AND state IN ('active', 'reserved')"));
  PALYRA_RETURN_IF_ERROR(select.BindBlob(1, HashBytes(hash)));
  return FirstRow(select, CodeFromRow);
}

Status SqlitePairingSteps::ReserveCode(std::string_view code_id, std::string_view reservation_id,
                                       int64_t reserved_until_unix_ms, int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement update,
      db_.Prepare("UPDATE pairing_codes SET state = 'reserved', reservation_id = ?2, "
                  "reserved_until_unix_ms = ?3, updated_at_unix_ms = ?4 WHERE code_id = ?1"));
  PALYRA_RETURN_IF_ERROR(update.BindText(1, code_id));
  PALYRA_RETURN_IF_ERROR(update.BindText(2, reservation_id));
  PALYRA_RETURN_IF_ERROR(update.BindInt64(3, reserved_until_unix_ms));
  PALYRA_RETURN_IF_ERROR(update.BindInt64(4, now_unix_ms));
  return update.Run();
}

Result<std::optional<PairingCodeRecord>> SqlitePairingSteps::FindReservation(
    std::string_view reservation_id, int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT " + std::string(kColumns) +
                  " FROM pairing_codes WHERE state = 'reserved' AND reservation_id = ?1 "
                  "AND reserved_until_unix_ms > ?2"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, reservation_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, now_unix_ms));
  return FirstRow(stmt, CodeFromRow);
}

Status SqlitePairingSteps::ReleaseCode(std::string_view code_id, int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("UPDATE pairing_codes SET state = 'active', reservation_id = NULL, "
                  "reserved_until_unix_ms = NULL, updated_at_unix_ms = ?2 "
                  "WHERE code_id = ?1 AND state = 'reserved'"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, code_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, now_unix_ms));
  return stmt.Run();
}

Result<std::optional<identity::CodeFailureOutcome>> SqlitePairingSteps::RecordCodeFailure(
    std::string_view code_id, int max_failed_attempts, int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("UPDATE pairing_codes SET failed_attempts = failed_attempts + 1, "
                  "state = CASE WHEN failed_attempts + 1 >= ?3 THEN 'burned' ELSE 'active' END, "
                  "reservation_id = NULL, reserved_until_unix_ms = NULL, updated_at_unix_ms = ?2 "
                  "WHERE code_id = ?1 AND state IN ('active', 'reserved') "
                  "RETURNING state, failed_attempts"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, code_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(3, max_failed_attempts));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<identity::CodeFailureOutcome>();
  identity::CodeFailureOutcome outcome;
  PALYRA_ASSIGN_OR_RETURN(outcome.state, identity::ParsePairingCodeState(stmt.ColumnText(0)));
  outcome.failed_attempts = static_cast<int>(stmt.ColumnInt64(1));
  outcome.max_failed_attempts = max_failed_attempts;
  PALYRA_RETURN_IF_ERROR(stmt.Reset());
  return std::optional<identity::CodeFailureOutcome>(outcome);
}

Result<bool> SqlitePairingSteps::ConsumeCode(std::string_view code_id,
                                             std::string_view request_id, int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("UPDATE pairing_codes SET state = 'consumed', consumed_by_request_id = ?2, "
                  "reservation_id = NULL, reserved_until_unix_ms = NULL, updated_at_unix_ms = ?3 "
                  "WHERE code_id = ?1 AND state = 'reserved'"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, code_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(2, request_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(3, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return db_.Changes() == 1;
}

Result<bool> SqlitePairingSteps::CancelCode(std::string_view code_id, int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("UPDATE pairing_codes SET state = 'cancelled', reservation_id = NULL, "
                  "reserved_until_unix_ms = NULL, updated_at_unix_ms = ?2 "
                  "WHERE code_id = ?1 AND state IN ('active', 'reserved')"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, code_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return db_.Changes() == 1;
}

Result<std::optional<PairingCodeRecord>> SqlitePairingSteps::GetCode(std::string_view code_id) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT " + std::string(kColumns) + " FROM pairing_codes WHERE code_id = ?1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, code_id));
  return FirstRow(stmt, CodeFromRow);
}

Result<std::vector<PairingCodeRecord>> SqlitePairingSteps::ListCodes(bool include_finished,
                                                                     int64_t now_unix_ms) {
  std::string sql = "SELECT " + std::string(kColumns) + " FROM pairing_codes";
  if (!include_finished) sql += " WHERE " + std::string(kLiveCondition);
  sql += " ORDER BY created_at_unix_ms DESC, code_id DESC";
  PALYRA_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(sql));
  if (!include_finished) PALYRA_RETURN_IF_ERROR(stmt.BindInt64(1, now_unix_ms));
  return CollectRows(stmt, CodeFromRow);
}

Result<int64_t> SqlitePairingSteps::PruneCodes(int64_t now_unix_ms) {
  // One statement per state, so each is a range scan of the (state, expiry) index.
  static constexpr std::string_view kDeletes[] = {
      "DELETE FROM pairing_codes WHERE state = 'active' AND expires_at_unix_ms <= ?1",
      "DELETE FROM pairing_codes WHERE state = 'reserved' AND expires_at_unix_ms <= ?1 "
      "AND reserved_until_unix_ms <= ?1",
      "DELETE FROM pairing_codes WHERE state IN ('consumed', 'burned', 'cancelled') "
      "AND expires_at_unix_ms <= ?1 - ?2",
  };
  int64_t deleted = 0;
  for (std::string_view sql : kDeletes) {
    PALYRA_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(sql));
    PALYRA_RETURN_IF_ERROR(stmt.BindInt64(1, now_unix_ms));
    if (sql.find("?2") != std::string_view::npos) {
      PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, identity::kPairingCodeAuditRetentionMs));
    }
    PALYRA_RETURN_IF_ERROR(stmt.Run());
    deleted += db_.Changes();
  }
  return deleted;
}

}  // namespace palyra::store
