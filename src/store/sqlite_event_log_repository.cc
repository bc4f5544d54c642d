#include "store/sqlite_event_log_repository.h"

#include <utility>

#include "store/rows.h"

namespace palyra::store {
namespace {

Result<NodeEvent> EventFromRow(const Statement& stmt) {
  NodeEvent event;
  event.seq = static_cast<uint64_t>(stmt.ColumnInt64(0));
  event.kind = stmt.ColumnText(1);
  event.payload_json = stmt.ColumnText(2);
  event.created_at_unix_ms = stmt.ColumnInt64(3);
  return event;
}

}  // namespace

Result<uint64_t> SqliteEventLogRepository::LastSeq(std::string_view device_id) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt, db_->Prepare("SELECT last_seq FROM node_event_heads WHERE device_id = ?1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? static_cast<uint64_t>(stmt.ColumnInt64(0)) : 0;
}

Result<uint64_t> SqliteEventLogRepository::Append(std::string_view device_id,
                                                  std::string_view kind,
                                                  std::string_view payload_json,
                                                  int64_t created_at_unix_ms) {
  uint64_t seq = 0;
  PALYRA_RETURN_IF_ERROR(db_->RunInTransaction([&]() -> Status {
    // The head row numbers the device's events; it is created with the first one.
    PALYRA_ASSIGN_OR_RETURN(
        Statement head,
        db_->Prepare("INSERT INTO node_event_heads (device_id, last_seq, pruned_through_seq) "
                     "VALUES (?1, 1, 0) ON CONFLICT (device_id) DO UPDATE SET "
                     "last_seq = last_seq + 1 RETURNING last_seq"));
    PALYRA_RETURN_IF_ERROR(head.BindText(1, device_id));
    PALYRA_ASSIGN_OR_RETURN(bool row, head.Step());
    if (!row) return Internal("event log: no sequence returned");
    seq = static_cast<uint64_t>(head.ColumnInt64(0));
    PALYRA_RETURN_IF_ERROR(head.Reset());
    PALYRA_ASSIGN_OR_RETURN(
        Statement insert,
        db_->Prepare("INSERT INTO node_events (device_id, seq, kind, payload_json, "
                     "created_at_unix_ms) VALUES (?1, ?2, ?3, ?4, ?5)"));
    PALYRA_RETURN_IF_ERROR(insert.BindText(1, device_id));
    PALYRA_RETURN_IF_ERROR(insert.BindInt64(2, static_cast<int64_t>(seq)));
    PALYRA_RETURN_IF_ERROR(insert.BindText(3, kind));
    PALYRA_RETURN_IF_ERROR(insert.BindText(4, payload_json));
    PALYRA_RETURN_IF_ERROR(insert.BindInt64(5, created_at_unix_ms));
    return insert.Run();
  }));
  return seq;
}

Result<uint64_t> SqliteEventLogRepository::PrunedThrough(std::string_view device_id) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement pruned,
      db_->Prepare("SELECT pruned_through_seq FROM node_event_heads WHERE device_id = ?1"));
  PALYRA_RETURN_IF_ERROR(pruned.BindText(1, device_id));
  PALYRA_ASSIGN_OR_RETURN(bool has_head, pruned.Step());
  return has_head ? static_cast<uint64_t>(pruned.ColumnInt64(0)) : 0;
}

Result<std::vector<NodeEvent>> SqliteEventLogRepository::ReadAfter(std::string_view device_id,
                                                                   uint64_t after_seq,
                                                                   size_t limit) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("SELECT seq, kind, payload_json, created_at_unix_ms FROM node_events "
                   "WHERE device_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, static_cast<int64_t>(after_seq)));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(3, static_cast<int64_t>(limit)));
  return CollectRows(stmt, EventFromRow);
}

Result<uint64_t> SqliteEventLogRepository::Prune(int64_t created_before_unix_ms,
                                                 size_t keep_per_device) {
  uint64_t deleted = 0;
  PALYRA_RETURN_IF_ERROR(db_->RunInTransaction([&]() -> Status {
    // Per device, everything at or below the highest sequence that must go: older than the
    // retention, or more than keep_per_device behind the last one.
    PALYRA_ASSIGN_OR_RETURN(
        Statement bound,
        db_->Prepare("SELECT h.device_id, max(h.pruned_through_seq, "
                     "  coalesce((SELECT max(e.seq) FROM node_events e "
                     "            WHERE e.device_id = h.device_id AND e.created_at_unix_ms < ?1),"
                     "           0),"
                     "  h.last_seq - ?2) "
                     "FROM node_event_heads h"));
    PALYRA_RETURN_IF_ERROR(bound.BindInt64(1, created_before_unix_ms));
    PALYRA_RETURN_IF_ERROR(bound.BindInt64(2, static_cast<int64_t>(keep_per_device)));
    std::vector<std::pair<std::string, int64_t>> through;
    while (true) {
      PALYRA_ASSIGN_OR_RETURN(bool row, bound.Step());
      if (!row) break;
      through.emplace_back(bound.ColumnText(0), bound.ColumnInt64(1));
    }
    for (const auto& [device, seq] : through) {
      PALYRA_ASSIGN_OR_RETURN(
          Statement drop,
          db_->Prepare("DELETE FROM node_events WHERE device_id = ?1 AND seq <= ?2"));
      PALYRA_RETURN_IF_ERROR(drop.BindText(1, device));
      PALYRA_RETURN_IF_ERROR(drop.BindInt64(2, seq));
      PALYRA_RETURN_IF_ERROR(drop.Run());
      deleted += static_cast<uint64_t>(db_->Changes());
      PALYRA_ASSIGN_OR_RETURN(
          Statement mark,
          db_->Prepare("UPDATE node_event_heads SET pruned_through_seq = ?2 "
                       "WHERE device_id = ?1 AND pruned_through_seq < ?2"));
      PALYRA_RETURN_IF_ERROR(mark.BindText(1, device));
      PALYRA_RETURN_IF_ERROR(mark.BindInt64(2, seq));
      PALYRA_RETURN_IF_ERROR(mark.Run());
    }
    return Status::Ok();
  }));
  return deleted;
}

Status SqliteEventLogRepository::Forget(std::string_view device_id) {
  return db_->RunInTransaction([&]() -> Status {
    PALYRA_ASSIGN_OR_RETURN(Statement stmt,
                            db_->Prepare("DELETE FROM node_event_heads WHERE device_id = ?1"));
    PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
    return stmt.Run();
  });
}

}  // namespace palyra::store
