#include "store/sqlite_capability_request_repository.h"

#include <utility>

#include "store/node_runtime_sql.h"
#include "store/transactions.h"

namespace palyra::store {
namespace {

constexpr std::string_view kRequestColumns =
    "request_id, device_id, capability, state, idempotency_key, input_json, input_summary, "
    "output_json, output_summary, error, max_payload_bytes, timeout_ms, deadline_at_unix_ms, "
    "created_at_unix_ms, updated_at_unix_ms, dispatched_at_unix_ms, dispatched_to, "
    "completed_at_unix_ms";

constexpr std::string_view kLiveStates = "('queued', 'dispatched', 'awaiting_local_mediation')";

std::string SelectRequests(std::string_view where) {
  return "SELECT " + std::string(kRequestColumns) + " FROM capability_requests " +
         std::string(where);
}

Result<CapabilityRequestRecord> RequestFromRow(const Statement& stmt) {
  CapabilityRequestRecord r;
  r.request_id = stmt.ColumnText(0);
  r.device_id = stmt.ColumnText(1);
  r.capability = stmt.ColumnText(2);
  PALYRA_ASSIGN_OR_RETURN(r.state, ParseCapabilityRequestState(stmt.ColumnText(3)));
  r.idempotency_key = stmt.ColumnOptionalText(4);
  r.input_json = stmt.ColumnBlob(5);
  r.input_summary = stmt.ColumnOptionalText(6);
  r.output_json = stmt.ColumnBlob(7);
  r.output_summary = stmt.ColumnOptionalText(8);
  r.error = stmt.ColumnOptionalText(9);
  r.max_payload_bytes = static_cast<uint64_t>(stmt.ColumnInt64(10));
  r.timeout_ms = stmt.ColumnInt64(11);
  r.deadline_at_unix_ms = stmt.ColumnInt64(12);
  r.created_at_unix_ms = stmt.ColumnInt64(13);
  r.updated_at_unix_ms = stmt.ColumnInt64(14);
  r.dispatched_at_unix_ms = stmt.ColumnOptionalInt64(15);
  r.dispatched_to = stmt.ColumnOptionalText(16);
  r.completed_at_unix_ms = stmt.ColumnOptionalInt64(17);
  return r;
}

// An empty payload is stored as NULL.
Status BindPayload(Statement& stmt, int index, std::string_view bytes) {
  return bytes.empty() ? stmt.BindNull(index) : stmt.BindBlob(index, bytes);
}

Status ExpectOneRow(Database& db, std::string_view request_id, std::string_view from) {
  if (db.Changes() == 1) return Status::Ok();
  return FailedPrecondition("capability request " + std::string(request_id) + " is no longer " +
                            std::string(from));
}

// Adds the state of every row a DELETE ... RETURNING state yields to `deleted`, and takes each
// from `budget`.
Status CountDeleted(Statement& stmt, size_t& budget, CapabilityRequestStateCounts& deleted) {
  while (true) {
    PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return Status::Ok();
    PALYRA_ASSIGN_OR_RETURN(CapabilityRequestState state,
                            ParseCapabilityRequestState(stmt.ColumnText(0)));
    ++deleted[static_cast<size_t>(state)];
    if (budget > 0) --budget;
  }
}

}  // namespace

struct SqliteCapabilityRequestRepository::Statements {
  Statement insert_request;
  Statement get_request;
  Statement find_by_key;
  Statement list_requests;
  Statement mark_dispatched;
  Statement mark_mediation;
  Statement finish;
};

Result<std::unique_ptr<SqliteCapabilityRequestRepository>>
SqliteCapabilityRequestRepository::Create(Database& db) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement insert_request,
      db.Prepare("INSERT INTO capability_requests (" + std::string(kRequestColumns) +
                 ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                 "?16, ?17, ?18)"));
  PALYRA_ASSIGN_OR_RETURN(Statement get_request,
                          db.Prepare(SelectRequests("WHERE request_id = ?1")));
  PALYRA_ASSIGN_OR_RETURN(
      Statement find_by_key,
      db.Prepare(SelectRequests("WHERE device_id = ?1 AND idempotency_key = ?2")));
  PALYRA_ASSIGN_OR_RETURN(
      Statement list_requests,
      db.Prepare(SelectRequests("WHERE device_id = ?1 "
                                "ORDER BY created_at_unix_ms DESC, request_id DESC LIMIT ?2")));
  PALYRA_ASSIGN_OR_RETURN(
      Statement mark_dispatched,
      db.Prepare("UPDATE capability_requests SET state = 'dispatched', "
                 "dispatched_at_unix_ms = ?3, dispatched_to = ?2, updated_at_unix_ms = ?3 "
                 "WHERE request_id = ?1 AND state = 'queued'"));
  PALYRA_ASSIGN_OR_RETURN(
      Statement mark_mediation,
      db.Prepare("UPDATE capability_requests SET state = 'awaiting_local_mediation', "
                 "updated_at_unix_ms = ?2 WHERE request_id = ?1 AND state = 'dispatched'"));
  PALYRA_ASSIGN_OR_RETURN(
      Statement finish,
      db.Prepare("UPDATE capability_requests SET state = ?3, input_json = NULL, "
                 "output_json = ?4, output_summary = ?5, error = ?6, updated_at_unix_ms = ?7, "
                 "completed_at_unix_ms = ?7 WHERE request_id = ?1 AND state = ?2"));
  auto stmts = std::unique_ptr<Statements>(
      new Statements{std::move(insert_request), std::move(get_request), std::move(find_by_key),
                     std::move(list_requests), std::move(mark_dispatched),
                     std::move(mark_mediation), std::move(finish)});
  return std::unique_ptr<SqliteCapabilityRequestRepository>(
      new SqliteCapabilityRequestRepository(db, std::move(stmts)));
}

SqliteCapabilityRequestRepository::SqliteCapabilityRequestRepository(
    Database& db, std::unique_ptr<Statements> stmts)
    : db_(db), stmts_(std::move(stmts)) {}

SqliteCapabilityRequestRepository::~SqliteCapabilityRequestRepository() = default;

Status SqliteCapabilityRequestRepository::Insert(const CapabilityRequestRecord& r) {
  Statement& stmt = stmts_->insert_request;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, r.request_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(2, r.device_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(3, r.capability));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(4, CapabilityRequestStateName(r.state)));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(5, r.idempotency_key));
  // A finished request keeps no input.
  const std::string_view input = r.terminal() ? std::string_view() : std::string_view(r.input_json);
  PALYRA_RETURN_IF_ERROR(BindPayload(stmt, 6, input));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(7, r.input_summary));
  PALYRA_RETURN_IF_ERROR(BindPayload(stmt, 8, r.output_json));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(9, r.output_summary));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(10, r.error));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(11, static_cast<int64_t>(r.max_payload_bytes)));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(12, r.timeout_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(13, r.deadline_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(14, r.created_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(15, r.updated_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalInt64(16, r.dispatched_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(17, r.dispatched_to));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalInt64(18, r.completed_at_unix_ms));
  Status status = stmt.Run();
  // Do not keep a copy of the payload bound to the statement.
  (void)stmt.ClearBindings();
  return status;
}

Result<std::optional<CapabilityRequestRecord>> SqliteCapabilityRequestRepository::SelectOne(
    Statement& stmt) {
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<CapabilityRequestRecord>();
  PALYRA_ASSIGN_OR_RETURN(CapabilityRequestRecord record, RequestFromRow(stmt));
  return std::optional<CapabilityRequestRecord>(std::move(record));
}

Result<std::optional<CapabilityRequestRecord>> SqliteCapabilityRequestRepository::Get(
    std::string_view request_id) {
  Statement& stmt = stmts_->get_request;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, request_id));
  return SelectOne(stmt);
}

Result<std::optional<CapabilityRequestRecord>>
SqliteCapabilityRequestRepository::FindByIdempotencyKey(std::string_view device_id,
                                                        std::string_view key) {
  Statement& stmt = stmts_->find_by_key;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(2, key));
  return SelectOne(stmt);
}

Result<std::vector<CapabilityRequestRecord>> SqliteCapabilityRequestRepository::ListByDevice(
    std::string_view device_id, size_t limit) {
  Statement& stmt = stmts_->list_requests;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, static_cast<int64_t>(limit)));
  std::vector<CapabilityRequestRecord> out;
  while (true) {
    PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return out;
    PALYRA_ASSIGN_OR_RETURN(CapabilityRequestRecord record, RequestFromRow(stmt));
    out.push_back(std::move(record));
  }
}

Status SqliteCapabilityRequestRepository::MarkDispatched(std::string_view request_id,
                                                         std::string_view device_id,
                                                         int64_t now_unix_ms) {
  Statement& stmt = stmts_->mark_dispatched;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, request_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(2, device_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(3, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return ExpectOneRow(db_, request_id, "queued");
}

Status SqliteCapabilityRequestRepository::MarkAwaitingMediation(std::string_view request_id,
                                                                int64_t now_unix_ms) {
  Statement& stmt = stmts_->mark_mediation;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, request_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return ExpectOneRow(db_, request_id, "dispatched");
}

Status SqliteCapabilityRequestRepository::Finish(
    std::string_view request_id, CapabilityRequestState from, CapabilityRequestState to,
    std::string_view output_json, const std::optional<std::string>& output_summary,
    const std::optional<std::string>& error, int64_t now_unix_ms) {
  Statement& stmt = stmts_->finish;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, request_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(2, CapabilityRequestStateName(from)));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(3, CapabilityRequestStateName(to)));
  PALYRA_RETURN_IF_ERROR(BindPayload(stmt, 4, output_json));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(5, output_summary));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(6, error));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(7, now_unix_ms));
  Status status = stmt.Run();
  if (!output_json.empty()) (void)stmt.ClearBindings();
  PALYRA_RETURN_IF_ERROR(status);
  return ExpectOneRow(db_, request_id, CapabilityRequestStateName(from));
}

Result<int64_t> SqliteCapabilityRequestRepository::FailAllLive(std::string_view error,
                                                               int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("UPDATE capability_requests SET state = 'failed', input_json = NULL, "
                  "error = ?1, updated_at_unix_ms = ?2, completed_at_unix_ms = ?2 "
                  "WHERE state IN " +
                  std::string(kLiveStates)));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, error));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return db_.Changes();
}

Result<CapabilityRequestStateCounts> SqliteCapabilityRequestRepository::CountByState() {
  CapabilityRequestStateCounts counts{};
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT state, COUNT(*) FROM capability_requests GROUP BY state"));
  while (true) {
    PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return counts;
    PALYRA_ASSIGN_OR_RETURN(CapabilityRequestState state,
                            ParseCapabilityRequestState(stmt.ColumnText(0)));
    counts[static_cast<size_t>(state)] = static_cast<uint64_t>(stmt.ColumnInt64(1));
  }
}

Result<CapabilityRequestStateCounts> SqliteCapabilityRequestRepository::PruneHistory(
    int64_t completed_before_unix_ms, size_t keep_per_device, size_t limit) {
  CapabilityRequestStateCounts deleted{};
  Status status = RunAtomically(db_, [&]() -> Status {
    deleted = {};
    size_t budget = limit;
    {
      PALYRA_ASSIGN_OR_RETURN(
          Statement stmt,
          db_.Prepare("DELETE FROM capability_requests WHERE request_id IN ("
                      "SELECT request_id FROM capability_requests "
                      "WHERE completed_at_unix_ms IS NOT NULL AND completed_at_unix_ms < ?1 "
                      "ORDER BY completed_at_unix_ms LIMIT ?2) RETURNING state"));
      PALYRA_RETURN_IF_ERROR(stmt.BindInt64(1, completed_before_unix_ms));
      PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, static_cast<int64_t>(budget)));
      PALYRA_RETURN_IF_ERROR(CountDeleted(stmt, budget, deleted));
    }
    if (budget == 0) return Status::Ok();
    std::vector<std::string> crowded;
    {
      PALYRA_ASSIGN_OR_RETURN(
          Statement stmt,
          db_.Prepare("SELECT device_id FROM capability_requests GROUP BY device_id "
                      "HAVING COUNT(*) > ?1"));
      PALYRA_RETURN_IF_ERROR(stmt.BindInt64(1, static_cast<int64_t>(keep_per_device)));
      while (true) {
        PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
        if (!row) break;
        crowded.push_back(stmt.ColumnText(0));
      }
    }
    for (const std::string& device_id : crowded) {
      if (budget == 0) break;
      PALYRA_RETURN_IF_ERROR(PruneDevice(device_id, keep_per_device, budget, deleted));
    }
    return Status::Ok();
  });
  PALYRA_RETURN_IF_ERROR(status);
  return deleted;
}

Status SqliteCapabilityRequestRepository::PruneDevice(const std::string& device_id,
                                                      size_t keep_per_device, size_t& budget,
                                                      CapabilityRequestStateCounts& deleted) {
  // The device's newest `keep_per_device` rows stay (live ones count towards them but are never
  // deleted); finished rows older than those go, oldest first.
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("DELETE FROM capability_requests WHERE request_id IN ("
                  "SELECT request_id FROM capability_requests "
                  "WHERE device_id = ?1 AND completed_at_unix_ms IS NOT NULL "
                  "AND request_id NOT IN (SELECT request_id FROM capability_requests "
                  "WHERE device_id = ?1 ORDER BY created_at_unix_ms DESC, request_id DESC "
                  "LIMIT ?2) "
                  "ORDER BY created_at_unix_ms, request_id LIMIT ?3) RETURNING state"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, static_cast<int64_t>(keep_per_device)));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(3, static_cast<int64_t>(budget)));
  return CountDeleted(stmt, budget, deleted);
}

}  // namespace palyra::store
