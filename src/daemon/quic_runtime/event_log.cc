#include "daemon/quic_runtime/event_log.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "common/time.h"
#include "common/ulid.h"
#include "store/migrations.h"

namespace palyra::daemon::quic_runtime {

Result<std::unique_ptr<NodeEventLog>> NodeEventLog::Open(const EventLogOptions& options) {
  if (options.retention_ms <= 0) return InvalidArgument("event log retention must be positive");
  if (options.max_events_per_device == 0) {
    return InvalidArgument("event log must keep at least one event per device");
  }
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db,
                          store::OpenPalyraDatabase(options.database_path));
  return std::unique_ptr<NodeEventLog>(new NodeEventLog(options, std::move(db)));
}

int64_t NodeEventLog::Now() const { return options_.clock ? options_.clock() : NowUnixMs(); }

Result<uint64_t> NodeEventLog::LastSeqLocked(std::string_view device_id) {
  const std::string device(device_id);
  if (auto it = last_seq_.find(device); it != last_seq_.end()) return it->second;
  PALYRA_ASSIGN_OR_RETURN(store::Statement stmt,
                          db_->Prepare("SELECT last_seq FROM node_event_heads WHERE device_id = ?1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  const uint64_t last = row ? static_cast<uint64_t>(stmt.ColumnInt64(0)) : 0;
  last_seq_.emplace(device, last);
  return last;
}

Result<uint64_t> NodeEventLog::Append(std::string_view device_id, std::string_view kind,
                                      std::string_view payload_json) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  if (kind.empty() || kind.size() > kMaxEventKindBytes) {
    return InvalidArgument("event kind must be 1.." + std::to_string(kMaxEventKindBytes) +
                           " bytes");
  }
  if (payload_json.size() > kMaxEventPayloadBytes) {
    return InvalidArgument("event payload is " + std::to_string(payload_json.size()) +
                           " bytes, over the " + std::to_string(kMaxEventPayloadBytes) +
                           "-byte limit");
  }
  if (!nlohmann::json::accept(payload_json)) {
    return InvalidArgument("event payload is not valid JSON");
  }
  std::unique_lock lock(mu_);
  if (closed_) return Unavailable("the event log is closed");
  const int64_t now = Now();
  uint64_t seq = 0;
  PALYRA_RETURN_IF_ERROR(db_->RunInTransaction([&]() -> Status {
    // The head row numbers the device's events; it is created with the first one.
    PALYRA_ASSIGN_OR_RETURN(
        store::Statement head,
        db_->Prepare("INSERT INTO node_event_heads (device_id, last_seq, pruned_through_seq) "
                     "VALUES (?1, 1, 0) ON CONFLICT (device_id) DO UPDATE SET "
                     "last_seq = last_seq + 1 RETURNING last_seq"));
    PALYRA_RETURN_IF_ERROR(head.BindText(1, device_id));
    PALYRA_ASSIGN_OR_RETURN(bool row, head.Step());
    if (!row) return Internal("event log: no sequence returned");
    seq = static_cast<uint64_t>(head.ColumnInt64(0));
    PALYRA_RETURN_IF_ERROR(head.Reset());
    PALYRA_ASSIGN_OR_RETURN(
        store::Statement insert,
        db_->Prepare("INSERT INTO node_events (device_id, seq, kind, payload_json, "
                     "created_at_unix_ms) VALUES (?1, ?2, ?3, ?4, ?5)"));
    PALYRA_RETURN_IF_ERROR(insert.BindText(1, device_id));
    PALYRA_RETURN_IF_ERROR(insert.BindInt64(2, static_cast<int64_t>(seq)));
    PALYRA_RETURN_IF_ERROR(insert.BindText(3, kind));
    PALYRA_RETURN_IF_ERROR(insert.BindText(4, payload_json));
    PALYRA_RETURN_IF_ERROR(insert.BindInt64(5, now));
    return insert.Run();
  }));
  last_seq_[std::string(device_id)] = seq;
  appended_.notify_all();
  lock.unlock();
  if (observer_) observer_(std::string(device_id));
  return seq;
}

Result<uint64_t> NodeEventLog::LastSeq(std::string_view device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::lock_guard lock(mu_);
  return LastSeqLocked(device_id);
}

Result<std::vector<NodeEvent>> NodeEventLog::ReadAfter(std::string_view device_id,
                                                       uint64_t after_seq, size_t limit) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::lock_guard lock(mu_);
  PALYRA_ASSIGN_OR_RETURN(uint64_t last, LastSeqLocked(device_id));
  if (after_seq > last) {
    return InvalidArgument("resume point " + std::to_string(after_seq) +
                           " is beyond the last event " + std::to_string(last));
  }
  std::vector<NodeEvent> out;
  if (after_seq == last || limit == 0) return out;
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement pruned,
      db_->Prepare("SELECT pruned_through_seq FROM node_event_heads WHERE device_id = ?1"));
  PALYRA_RETURN_IF_ERROR(pruned.BindText(1, device_id));
  PALYRA_ASSIGN_OR_RETURN(bool has_head, pruned.Step());
  if (has_head && after_seq < static_cast<uint64_t>(pruned.ColumnInt64(0))) {
    return Status(StatusCode::kOutOfRange,
                  "resume_too_old: events up to " + std::to_string(pruned.ColumnInt64(0)) +
                      " were pruned; resync from the current state");
  }
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_->Prepare("SELECT seq, kind, payload_json, created_at_unix_ms FROM node_events "
                   "WHERE device_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, static_cast<int64_t>(after_seq)));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(3, static_cast<int64_t>(limit)));
  while (true) {
    PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    NodeEvent event;
    event.seq = static_cast<uint64_t>(stmt.ColumnInt64(0));
    event.kind = stmt.ColumnText(1);
    event.payload_json = stmt.ColumnText(2);
    event.created_at_unix_ms = stmt.ColumnInt64(3);
    out.push_back(std::move(event));
  }
  return out;
}

bool NodeEventLog::WaitForEventsAfter(std::string_view device_id, uint64_t after_seq,
                                      int64_t timeout_ms) {
  std::unique_lock lock(mu_);
  auto has_new = [&] {
    if (closed_) return true;
    Result<uint64_t> last = LastSeqLocked(device_id);
    return last.ok() && *last > after_seq;
  };
  appended_.wait_for(lock, std::chrono::milliseconds(std::max<int64_t>(timeout_ms, 0)), has_new);
  if (closed_) return false;
  Result<uint64_t> last = LastSeqLocked(device_id);
  return last.ok() && *last > after_seq;
}

Result<uint64_t> NodeEventLog::Prune() {
  std::lock_guard lock(mu_);
  const int64_t cutoff = Now() - options_.retention_ms;
  uint64_t deleted = 0;
  PALYRA_RETURN_IF_ERROR(db_->RunInTransaction([&]() -> Status {
    // Per device, everything at or below the highest sequence that must go: older than the
    // retention, or more than max_events_per_device behind the last one.
    PALYRA_ASSIGN_OR_RETURN(
        store::Statement bound,
        db_->Prepare("SELECT h.device_id, max(h.pruned_through_seq, "
                     "  coalesce((SELECT max(e.seq) FROM node_events e "
                     "            WHERE e.device_id = h.device_id AND e.created_at_unix_ms < ?1),"
                     "           0),"
                     "  h.last_seq - ?2) "
                     "FROM node_event_heads h"));
    PALYRA_RETURN_IF_ERROR(bound.BindInt64(1, cutoff));
    PALYRA_RETURN_IF_ERROR(bound.BindInt64(2, static_cast<int64_t>(options_.max_events_per_device)));
    std::vector<std::pair<std::string, int64_t>> through;
    while (true) {
      PALYRA_ASSIGN_OR_RETURN(bool row, bound.Step());
      if (!row) break;
      through.emplace_back(bound.ColumnText(0), bound.ColumnInt64(1));
    }
    for (const auto& [device, seq] : through) {
      PALYRA_ASSIGN_OR_RETURN(
          store::Statement drop,
          db_->Prepare("DELETE FROM node_events WHERE device_id = ?1 AND seq <= ?2"));
      PALYRA_RETURN_IF_ERROR(drop.BindText(1, device));
      PALYRA_RETURN_IF_ERROR(drop.BindInt64(2, seq));
      PALYRA_RETURN_IF_ERROR(drop.Run());
      deleted += static_cast<uint64_t>(db_->Changes());
      PALYRA_ASSIGN_OR_RETURN(
          store::Statement mark,
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

Status NodeEventLog::Forget(std::string_view device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::lock_guard lock(mu_);
  PALYRA_RETURN_IF_ERROR(db_->RunInTransaction([&]() -> Status {
    PALYRA_ASSIGN_OR_RETURN(store::Statement stmt,
                            db_->Prepare("DELETE FROM node_event_heads WHERE device_id = ?1"));
    PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
    return stmt.Run();
  }));
  last_seq_.erase(std::string(device_id));
  return Status::Ok();
}

void NodeEventLog::Close() {
  std::lock_guard lock(mu_);
  closed_ = true;
  appended_.notify_all();
}

}  // namespace palyra::daemon::quic_runtime
