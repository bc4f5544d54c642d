#include "identity/pairing/pairing_code_store.h"

#include <algorithm>

#include "common/strings.h"
#include "common/ulid.h"

namespace palyra::identity {
namespace {

constexpr std::string_view kColumns =
    "code_id, method, state, auto_approve, issued_by, created_at_unix_ms, expires_at_unix_ms, "
    "failed_attempts, reservation_id, reserved_until_unix_ms, consumed_by_request_id, "
    "updated_at_unix_ms";

// Live rows: not finished and not past their expiry.
constexpr std::string_view kLiveCondition =
    "state IN ('active', 'reserved') AND expires_at_unix_ms > ?1";

constexpr int kMintAttempts = 16;

Result<PairingCodeState> ParseState(std::string_view text) {
  if (text == "active") return PairingCodeState::kActive;
  if (text == "reserved") return PairingCodeState::kReserved;
  if (text == "consumed") return PairingCodeState::kConsumed;
  if (text == "burned") return PairingCodeState::kBurned;
  if (text == "cancelled") return PairingCodeState::kCancelled;
  return DataLoss("pairing_codes.state holds an unknown value '" + std::string(text) + "'");
}

Result<PairingCodeRecord> RecordFromRow(const store::Statement& stmt) {
  PairingCodeRecord r;
  r.code_id = stmt.ColumnText(0);
  PALYRA_ASSIGN_OR_RETURN(r.method, ParsePairingMethodKind(stmt.ColumnText(1)));
  PALYRA_ASSIGN_OR_RETURN(r.state, ParseState(stmt.ColumnText(2)));
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

Result<std::vector<PairingCodeRecord>> CollectRows(store::Statement& stmt) {
  std::vector<PairingCodeRecord> out;
  while (true) {
    PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return out;
    PALYRA_ASSIGN_OR_RETURN(PairingCodeRecord record, RecordFromRow(stmt));
    out.push_back(std::move(record));
  }
}

Result<std::optional<PairingCodeRecord>> FirstRow(store::Statement& stmt) {
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<PairingCodeRecord>();
  PALYRA_ASSIGN_OR_RETURN(PairingCodeRecord record, RecordFromRow(stmt));
  return std::optional<PairingCodeRecord>(std::move(record));
}

}  // namespace

std::string_view PairingCodeStateName(PairingCodeState state) {
  switch (state) {
    case PairingCodeState::kActive: return "active";
    case PairingCodeState::kReserved: return "reserved";
    case PairingCodeState::kConsumed: return "consumed";
    case PairingCodeState::kBurned: return "burned";
    case PairingCodeState::kCancelled: return "cancelled";
  }
  return "unknown";
}

bool PairingCodeRecord::IsAvailable(int64_t now_unix_ms) const {
  if (expires_at_unix_ms <= now_unix_ms) return false;
  if (state == PairingCodeState::kActive) return true;
  return state == PairingCodeState::kReserved && reserved_until_unix_ms.has_value() &&
         *reserved_until_unix_ms <= now_unix_ms;
}

Result<int64_t> PairingCodeStore::CountLive(int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_.Prepare("SELECT count(*) FROM pairing_codes WHERE " + std::string(kLiveCondition)));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(1, now_unix_ms));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.ColumnInt64(0) : 0;
}

PairingCodeStore::PairingCodeStore(store::Database& db, const PairingCodeHasher& hasher,
                                   PairingCodeStoreOptions options)
    : db_(db), hasher_(hasher), options_([&] {
        options.max_failed_attempts = std::max(options.max_failed_attempts, 1);
        options.max_live_codes = std::max<int64_t>(options.max_live_codes, 1);
        return options;
      }()) {}

Result<MintedCode> PairingCodeStore::Mint(const MintCodeRequest& request, int64_t now_unix_ms) {
  const std::string_view issued_by = request.issued_by;
  if (issued_by.empty()) return InvalidArgument("issued_by is required (who minted the code)");
  if (issued_by.size() > kMaxPairingIssuerBytes) {
    return InvalidArgument("issued_by must be at most " + std::to_string(kMaxPairingIssuerBytes) +
                           " bytes");
  }
  std::optional<std::string> chosen;
  if (request.qr_token) {
    if (request.method != PairingMethod::Kind::kQr) {
      return InvalidArgument("qr_token can only be given for the qr method");
    }
    chosen = std::string(TrimAsciiWhitespace(*request.qr_token));
    PALYRA_RETURN_IF_ERROR(PairingMethod::Qr(*chosen).Validate());
  }
  PALYRA_ASSIGN_OR_RETURN(int64_t live, CountLive(now_unix_ms));
  if (live >= options_.max_live_codes) {
    return ResourceExhausted(std::to_string(live) +
                             " pairing codes are live, the most allowed; cancel unused codes or "
                             "wait for them to expire");
  }
  MintedCode minted;
  PairingCodeRecord& r = minted.info;
  r.method = request.method;
  r.state = PairingCodeState::kActive;
  r.auto_approve = request.auto_approve;
  r.issued_by = std::string(issued_by);
  r.created_at_unix_ms = now_unix_ms;
  r.expires_at_unix_ms = now_unix_ms + ClampPairingCodeTtlMs(request.ttl_ms.value_or(0));
  r.updated_at_unix_ms = now_unix_ms;

  PALYRA_ASSIGN_OR_RETURN(
      store::Statement insert,
      db_.Prepare("INSERT INTO pairing_codes (code_id, method, code_hash, state, auto_approve, "
                  "issued_by, created_at_unix_ms, expires_at_unix_ms, updated_at_unix_ms) "
                  "VALUES (?1, ?2, ?3, 'active', ?4, ?5, ?6, ?7, ?6)"));
  std::optional<crypto::SecretString> chosen_retry;  // a drawn code whose hash was just freed
  for (int attempt = 0; attempt < kMintAttempts; ++attempt) {
    crypto::SecretString code = chosen         ? crypto::SecretString(*chosen)
                                : chosen_retry ? std::move(*chosen_retry)
                                               : GeneratePairingCode(request.method);
    chosen_retry.reset();
    const PairingCodeHash hash = hasher_.Hash(request.method, code.view());
    r.code_id = NewUlid();
    PALYRA_RETURN_IF_ERROR(insert.Reset());
    PALYRA_RETURN_IF_ERROR(insert.BindText(1, r.code_id));
    PALYRA_RETURN_IF_ERROR(insert.BindText(2, PairingMethodKindName(request.method)));
    PALYRA_RETURN_IF_ERROR(insert.BindBlob(3, std::span<const uint8_t>(hash)));
    PALYRA_RETURN_IF_ERROR(insert.BindBool(4, request.auto_approve));
    PALYRA_RETURN_IF_ERROR(insert.BindText(5, issued_by));
    PALYRA_RETURN_IF_ERROR(insert.BindInt64(6, now_unix_ms));
    PALYRA_RETURN_IF_ERROR(insert.BindInt64(7, r.expires_at_unix_ms));
    Status inserted = insert.Run();
    if (inserted.ok()) {
      minted.code = std::string(code.view());
      return minted;
    }
    if (inserted.code() != StatusCode::kAlreadyExists) return inserted;
    // The unique index covers unfinished rows, expired ones included (pruning them on every
    // mint would scan the table); an expired holder of this hash is deleted and the same code
    // tried again. Otherwise the code equals a live one.
    PALYRA_ASSIGN_OR_RETURN(bool freed, DeleteExpiredHolder(hash, now_unix_ms));
    if (freed) {
      --attempt;  // the same code again; bounded, since each round deletes a row
      if (!chosen) chosen_retry = std::move(code);
      continue;
    }
    // The operator's token equals a live code: drawing again would not help.
    if (chosen) return AlreadyExists("that QR token is already a live pairing code");
    // A drawn code equals a live one: draw again.
  }
  return Internal("could not draw a pairing code that differs from every live code");
}

Result<bool> PairingCodeStore::DeleteExpiredHolder(const PairingCodeHash& hash,
                                                   int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_.Prepare("DELETE FROM pairing_codes WHERE code_hash = ?1 AND expires_at_unix_ms <= ?2 "
                  "AND (state = 'active' OR (state = 'reserved' AND "
                  "reserved_until_unix_ms <= ?2))"));
  PALYRA_RETURN_IF_ERROR(stmt.BindBlob(1, std::span<const uint8_t>(hash)));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return db_.Changes() > 0;
}

Result<std::optional<PairingCodeRecord>> PairingCodeStore::Reserve(
    PairingMethod::Kind method, std::string_view code, std::string_view reservation_id,
    int64_t reserved_until_unix_ms, int64_t now_unix_ms) {
  const PairingCodeHash hash = hasher_.Hash(method, code);
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement select,
      db_.Prepare("SELECT " + std::string(kColumns) +
                  " FROM pairing_codes WHERE code_hash = ?1 AND state IN ('active', 'reserved')"));
  PALYRA_RETURN_IF_ERROR(select.BindBlob(1, std::span<const uint8_t>(hash)));
  PALYRA_ASSIGN_OR_RETURN(std::optional<PairingCodeRecord> found, FirstRow(select));
  if (!found || found->method != method || !found->IsAvailable(now_unix_ms)) {
    return std::optional<PairingCodeRecord>();
  }
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement update,
      db_.Prepare("UPDATE pairing_codes SET state = 'reserved', reservation_id = ?2, "
                  "reserved_until_unix_ms = ?3, updated_at_unix_ms = ?4 WHERE code_id = ?1"));
  PALYRA_RETURN_IF_ERROR(update.BindText(1, found->code_id));
  PALYRA_RETURN_IF_ERROR(update.BindText(2, reservation_id));
  PALYRA_RETURN_IF_ERROR(update.BindInt64(3, reserved_until_unix_ms));
  PALYRA_RETURN_IF_ERROR(update.BindInt64(4, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(update.Run());
  found->state = PairingCodeState::kReserved;
  found->reservation_id = std::string(reservation_id);
  found->reserved_until_unix_ms = reserved_until_unix_ms;
  found->updated_at_unix_ms = now_unix_ms;
  return found;
}

Result<std::optional<PairingCodeRecord>> PairingCodeStore::FindReservation(
    std::string_view reservation_id, int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_.Prepare("SELECT " + std::string(kColumns) +
                  " FROM pairing_codes WHERE state = 'reserved' AND reservation_id = ?1 "
                  "AND reserved_until_unix_ms > ?2"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, reservation_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, now_unix_ms));
  return FirstRow(stmt);
}

Status PairingCodeStore::Release(std::string_view code_id, int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_.Prepare("UPDATE pairing_codes SET state = 'active', reservation_id = NULL, "
                  "reserved_until_unix_ms = NULL, updated_at_unix_ms = ?2 "
                  "WHERE code_id = ?1 AND state = 'reserved'"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, code_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, now_unix_ms));
  return stmt.Run();
}

Result<CodeFailureOutcome> PairingCodeStore::RecordFailure(std::string_view code_id,
                                                           int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_.Prepare("UPDATE pairing_codes SET failed_attempts = failed_attempts + 1, "
                  "state = CASE WHEN failed_attempts + 1 >= ?3 THEN 'burned' ELSE 'active' END, "
                  "reservation_id = NULL, reserved_until_unix_ms = NULL, updated_at_unix_ms = ?2 "
                  "WHERE code_id = ?1 AND state IN ('active', 'reserved') "
                  "RETURNING state, failed_attempts"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, code_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(3, options_.max_failed_attempts));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NotFound("pairing code " + std::string(code_id) + " is not live");
  CodeFailureOutcome outcome;
  PALYRA_ASSIGN_OR_RETURN(outcome.state, ParseState(stmt.ColumnText(0)));
  outcome.failed_attempts = static_cast<int>(stmt.ColumnInt64(1));
  outcome.max_failed_attempts = options_.max_failed_attempts;
  PALYRA_RETURN_IF_ERROR(stmt.Reset());
  return outcome;
}

Status PairingCodeStore::Consume(std::string_view code_id, std::string_view request_id,
                                 int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_.Prepare("UPDATE pairing_codes SET state = 'consumed', consumed_by_request_id = ?2, "
                  "reservation_id = NULL, reserved_until_unix_ms = NULL, updated_at_unix_ms = ?3 "
                  "WHERE code_id = ?1 AND state = 'reserved'"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, code_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(2, request_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(3, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  if (db_.Changes() != 1) {
    return FailedPrecondition("pairing code " + std::string(code_id) + " is no longer reserved");
  }
  return Status::Ok();
}

Result<bool> PairingCodeStore::Cancel(std::string_view code_id, int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_.Prepare("UPDATE pairing_codes SET state = 'cancelled', reservation_id = NULL, "
                  "reserved_until_unix_ms = NULL, updated_at_unix_ms = ?2 "
                  "WHERE code_id = ?1 AND state IN ('active', 'reserved')"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, code_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return db_.Changes() == 1;
}

Result<std::optional<PairingCodeRecord>> PairingCodeStore::Get(std::string_view code_id) {
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_.Prepare("SELECT " + std::string(kColumns) + " FROM pairing_codes WHERE code_id = ?1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, code_id));
  return FirstRow(stmt);
}

Result<std::vector<PairingCodeRecord>> PairingCodeStore::List(bool include_finished,
                                                              int64_t now_unix_ms) {
  std::string sql = "SELECT " + std::string(kColumns) + " FROM pairing_codes";
  if (!include_finished) sql += " WHERE " + std::string(kLiveCondition);
  sql += " ORDER BY created_at_unix_ms DESC, code_id DESC";
  PALYRA_ASSIGN_OR_RETURN(store::Statement stmt, db_.Prepare(sql));
  if (!include_finished) PALYRA_RETURN_IF_ERROR(stmt.BindInt64(1, now_unix_ms));
  return CollectRows(stmt);
}

Result<int64_t> PairingCodeStore::Prune(int64_t now_unix_ms) {
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
    PALYRA_ASSIGN_OR_RETURN(store::Statement stmt, db_.Prepare(sql));
    PALYRA_RETURN_IF_ERROR(stmt.BindInt64(1, now_unix_ms));
    if (sql.find("?2") != std::string_view::npos) {
      PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, kPairingCodeAuditRetentionMs));
    }
    PALYRA_RETURN_IF_ERROR(stmt.Run());
    deleted += db_.Changes();
  }
  return deleted;
}

}  // namespace palyra::identity
