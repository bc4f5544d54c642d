#include "daemon/node_runtime/node_runtime_store.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <utility>

#include "store/migrations.h"

namespace palyra::node_runtime {
namespace {

constexpr std::string_view kRequestColumns =
    "request_id, device_id, capability, state, idempotency_key, input_json, input_summary, "
    "output_json, output_summary, error, max_payload_bytes, timeout_ms, deadline_at_unix_ms, "
    "created_at_unix_ms, updated_at_unix_ms, dispatched_at_unix_ms, dispatched_to, "
    "completed_at_unix_ms";

constexpr std::string_view kLiveStates = "('queued', 'dispatched', 'awaiting_local_mediation')";

// Resets a statement when the scope ends, so that a reader never holds its snapshot open and
// every statement is ready for its next use.
class ResetOnExit {
 public:
  explicit ResetOnExit(store::Statement& stmt) : stmt_(stmt) {}
  ~ResetOnExit() { (void)stmt_.Reset(); }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  store::Statement& stmt_;
};

Result<CapabilityRequestRecord> RequestFromRow(const store::Statement& stmt) {
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

Status ExpectOneRow(store::Database& db, std::string_view request_id, std::string_view from) {
  if (db.Changes() == 1) return Status::Ok();
  return FailedPrecondition("capability request " + std::string(request_id) + " is no longer " +
                            std::string(from));
}

}  // namespace

struct NodeRuntimeStore::Statements {
  store::Statement begin;
  store::Statement commit;
  store::Statement rollback;
  store::Statement savepoint;
  store::Statement release;
  store::Statement rollback_to;
  store::Statement upsert_node;
  store::Statement delete_capabilities;
  store::Statement insert_capability;
  store::Statement upsert_capability;
  store::Statement update_presence;
  store::Statement delete_node;
  store::Statement insert_request;
  store::Statement get_request;
  store::Statement find_by_key;
  store::Statement list_requests;
  store::Statement mark_dispatched;
  store::Statement mark_mediation;
  store::Statement finish;
};

NodeRuntimeStore::NodeRuntimeStore(std::unique_ptr<store::Database> db) : db_(std::move(db)) {}
NodeRuntimeStore::~NodeRuntimeStore() {
  if (checkpointer_.joinable()) {
    {
      std::lock_guard lock(checkpoint_mu_);
      stopping_ = true;
    }
    checkpoint_cv_.notify_all();
    checkpointer_.join();
  }
  checkpoint_db_.reset();
  stmts_.reset();  // finalise the statements before the connection closes
  db_.reset();
}

Result<std::unique_ptr<NodeRuntimeStore>> NodeRuntimeStore::Open(
    const std::filesystem::path& path, int64_t checkpoint_interval_ms) {
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db, store::OpenPalyraDatabase(path));
  // Savepoint journals stay in memory; a larger page cache keeps the indexes' hot pages.
  PALYRA_RETURN_IF_ERROR(db->Exec("PRAGMA temp_store=MEMORY"));
  PALYRA_RETURN_IF_ERROR(db->Exec("PRAGMA cache_size=-16384"));
  std::unique_ptr<NodeRuntimeStore> out(new NodeRuntimeStore(std::move(db)));
  PALYRA_RETURN_IF_ERROR(out->Prepare());
  if (checkpoint_interval_ms > 0) {
    PALYRA_RETURN_IF_ERROR(out->StartCheckpointer(path, checkpoint_interval_ms));
  }
  return out;
}

Status NodeRuntimeStore::StartCheckpointer(const std::filesystem::path& path,
                                           int64_t interval_ms) {
  PALYRA_ASSIGN_OR_RETURN(checkpoint_db_, store::Database::Open(path));
  // The log is still reset and reused after each complete checkpoint; this bounds the file
  // size it keeps on disk after a burst.
  PALYRA_RETURN_IF_ERROR(db_->Exec("PRAGMA wal_autocheckpoint=0"));
  PALYRA_RETURN_IF_ERROR(db_->Exec("PRAGMA journal_size_limit=67108864"));
  checkpointer_ = std::thread([this, interval_ms] { RunCheckpointer(interval_ms); });
  return Status::Ok();
}

void NodeRuntimeStore::RunCheckpointer(int64_t interval_ms) {
  std::unique_lock lock(checkpoint_mu_);
  while (!checkpoint_cv_.wait_for(lock, std::chrono::milliseconds(interval_ms),
                                  [this] { return stopping_; })) {
    lock.unlock();
    // PASSIVE: copies what it can without waiting for or blocking the writer.
    Status status = checkpoint_db_->Exec("PRAGMA wal_checkpoint(PASSIVE)");
    if (!status.ok()) {
      spdlog::warn("node runtime: background WAL checkpoint failed: {}", status.ToString());
    }
    lock.lock();
  }
  lock.unlock();
  // A last full pass at shutdown, so the log does not outlive the daemon.
  (void)checkpoint_db_->Exec("PRAGMA wal_checkpoint(PASSIVE)");
}

Status NodeRuntimeStore::Prepare() {
  store::Database& db = *db_;
  auto prepare = [&db](std::string_view sql) { return db.Prepare(sql); };
  PALYRA_ASSIGN_OR_RETURN(store::Statement begin, prepare("BEGIN IMMEDIATE"));
  PALYRA_ASSIGN_OR_RETURN(store::Statement commit, prepare("COMMIT"));
  PALYRA_ASSIGN_OR_RETURN(store::Statement rollback, prepare("ROLLBACK"));
  PALYRA_ASSIGN_OR_RETURN(store::Statement savepoint, prepare("SAVEPOINT node_runtime_op"));
  PALYRA_ASSIGN_OR_RETURN(store::Statement release, prepare("RELEASE node_runtime_op"));
  PALYRA_ASSIGN_OR_RETURN(store::Statement rollback_to, prepare("ROLLBACK TO node_runtime_op"));
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement upsert_node,
      prepare("INSERT INTO nodes (device_id, platform, registered_at_unix_ms, "
              "last_seen_at_unix_ms, last_event_name, last_event_at_unix_ms, updated_at_unix_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (device_id) DO UPDATE SET "
              "platform = excluded.platform, last_seen_at_unix_ms = excluded.last_seen_at_unix_ms, "
              "last_event_name = excluded.last_event_name, "
              "last_event_at_unix_ms = excluded.last_event_at_unix_ms, "
              "updated_at_unix_ms = excluded.updated_at_unix_ms"));
  PALYRA_ASSIGN_OR_RETURN(store::Statement delete_capabilities,
                          prepare("DELETE FROM node_capabilities WHERE device_id = ?1"));
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement insert_capability,
      prepare("INSERT INTO node_capabilities (device_id, name, available) VALUES (?1, ?2, ?3)"));
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement upsert_capability,
      prepare("INSERT INTO node_capabilities (device_id, name, available) VALUES (?1, ?2, ?3) "
              "ON CONFLICT (device_id, name) DO UPDATE SET available = excluded.available"));
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement update_presence,
      prepare("UPDATE nodes SET last_seen_at_unix_ms = ?2, last_event_name = ?3, "
              "last_event_at_unix_ms = ?4, updated_at_unix_ms = ?5 WHERE device_id = ?1"));
  PALYRA_ASSIGN_OR_RETURN(store::Statement delete_node,
                          prepare("DELETE FROM nodes WHERE device_id = ?1"));
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement insert_request,
      prepare("INSERT INTO capability_requests (" + std::string(kRequestColumns) +
              ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
              "?17, ?18)"));
  PALYRA_ASSIGN_OR_RETURN(store::Statement get_request,
                          prepare("SELECT " + std::string(kRequestColumns) +
                                  " FROM capability_requests WHERE request_id = ?1"));
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement find_by_key,
      prepare("SELECT " + std::string(kRequestColumns) +
              " FROM capability_requests WHERE device_id = ?1 AND idempotency_key = ?2"));
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement list_requests,
      prepare("SELECT " + std::string(kRequestColumns) +
              " FROM capability_requests WHERE device_id = ?1 "
              "ORDER BY created_at_unix_ms DESC, request_id DESC LIMIT ?2"));
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement mark_dispatched,
      prepare("UPDATE capability_requests SET state = 'dispatched', dispatched_at_unix_ms = ?3, "
              "dispatched_to = ?2, updated_at_unix_ms = ?3 "
              "WHERE request_id = ?1 AND state = 'queued'"));
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement mark_mediation,
      prepare("UPDATE capability_requests SET state = 'awaiting_local_mediation', "
              "updated_at_unix_ms = ?2 WHERE request_id = ?1 AND state = 'dispatched'"));
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement finish,
      prepare("UPDATE capability_requests SET state = ?3, input_json = NULL, output_json = ?4, "
              "output_summary = ?5, error = ?6, updated_at_unix_ms = ?7, "
              "completed_at_unix_ms = ?7 WHERE request_id = ?1 AND state = ?2"));
  stmts_.reset(new Statements{
      std::move(begin), std::move(commit), std::move(rollback), std::move(savepoint),
      std::move(release), std::move(rollback_to), std::move(upsert_node),
      std::move(delete_capabilities), std::move(insert_capability), std::move(upsert_capability),
      std::move(update_presence), std::move(delete_node), std::move(insert_request),
      std::move(get_request), std::move(find_by_key), std::move(list_requests),
      std::move(mark_dispatched), std::move(mark_mediation), std::move(finish)});
  return Status::Ok();
}

// ---- batches and savepoints ----

Status NodeRuntimeStore::Run(store::Statement& stmt) {
  ResetOnExit reset(stmt);
  return stmt.Run();
}

bool NodeRuntimeStore::batch_open() const { return db_->InTransaction(); }

Result<NodeRuntimeStore::Op> NodeRuntimeStore::BeginOp() {
  if (!db_->InTransaction()) {
    PALYRA_RETURN_IF_ERROR(Run(stmts_->begin));
    return Op(this, /*opened_batch=*/true);
  }
  PALYRA_RETURN_IF_ERROR(Run(stmts_->savepoint));
  return Op(this, /*opened_batch=*/false);
}

NodeRuntimeStore::Op::~Op() {
  if (store_ == nullptr || !store_->db_->InTransaction()) return;
  if (opened_batch_) {
    // Nothing else is in the batch yet.
    store_->AbandonBatch();
    return;
  }
  // Undo this mutation only; the batch stays open for the others.
  (void)store_->Run(store_->stmts_->rollback_to);
  (void)store_->Run(store_->stmts_->release);
}

Status NodeRuntimeStore::Op::Commit() {
  if (store_ == nullptr) return FailedPrecondition("mutation is no longer active");
  Status status = opened_batch_ ? Status::Ok() : store_->Run(store_->stmts_->release);
  if (status.ok()) {
    ++store_->ops_in_batch_;
    store_ = nullptr;  // else the destructor rolls back to the savepoint
  }
  return status;
}

Status NodeRuntimeStore::CommitBatch() {
  ops_in_batch_ = 0;
  if (!db_->InTransaction()) return Status::Ok();
  return Run(stmts_->commit);
}

void NodeRuntimeStore::AbandonBatch() {
  ops_in_batch_ = 0;
  if (db_->InTransaction()) (void)Run(stmts_->rollback);
}

// ---- nodes ----

Result<std::vector<NodeRecord>> NodeRuntimeStore::LoadNodes() {
  std::vector<NodeRecord> nodes;
  {
    PALYRA_ASSIGN_OR_RETURN(
        store::Statement stmt,
        db_->Prepare("SELECT device_id, platform, registered_at_unix_ms, last_seen_at_unix_ms, "
                     "last_event_name, last_event_at_unix_ms FROM nodes ORDER BY device_id"));
    while (true) {
      PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      NodeRecord node;
      node.device_id = stmt.ColumnText(0);
      node.platform = stmt.ColumnText(1);
      node.registered_at_unix_ms = stmt.ColumnInt64(2);
      node.last_seen_at_unix_ms = stmt.ColumnInt64(3);
      node.last_event_name = stmt.ColumnOptionalText(4);
      node.last_event_at_unix_ms = stmt.ColumnOptionalInt64(5);
      nodes.push_back(std::move(node));
    }
  }
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement caps,
      db_->Prepare("SELECT device_id, name, available FROM node_capabilities "
                   "ORDER BY device_id, name"));
  size_t at = 0;
  while (true) {
    PALYRA_ASSIGN_OR_RETURN(bool row, caps.Step());
    if (!row) break;
    const std::string device_id = caps.ColumnText(0);
    while (at < nodes.size() && nodes[at].device_id < device_id) ++at;
    if (at == nodes.size() || nodes[at].device_id != device_id) continue;  // cannot happen (FK)
    nodes[at].capabilities.push_back({caps.ColumnText(1), caps.ColumnBool(2)});
  }
  return nodes;
}

Status NodeRuntimeStore::UpsertNode(const NodeRecord& node, int64_t now_unix_ms) {
  {
    store::Statement& stmt = stmts_->upsert_node;
    ResetOnExit reset(stmt);
    PALYRA_RETURN_IF_ERROR(stmt.BindText(1, node.device_id));
    PALYRA_RETURN_IF_ERROR(stmt.BindText(2, node.platform));
    PALYRA_RETURN_IF_ERROR(stmt.BindInt64(3, node.registered_at_unix_ms));
    PALYRA_RETURN_IF_ERROR(stmt.BindInt64(4, node.last_seen_at_unix_ms));
    PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(5, node.last_event_name));
    PALYRA_RETURN_IF_ERROR(stmt.BindOptionalInt64(6, node.last_event_at_unix_ms));
    PALYRA_RETURN_IF_ERROR(stmt.BindInt64(7, now_unix_ms));
    PALYRA_RETURN_IF_ERROR(stmt.Run());
  }
  {
    store::Statement& stmt = stmts_->delete_capabilities;
    ResetOnExit reset(stmt);
    PALYRA_RETURN_IF_ERROR(stmt.BindText(1, node.device_id));
    PALYRA_RETURN_IF_ERROR(stmt.Run());
  }
  store::Statement& stmt = stmts_->insert_capability;
  for (const NodeCapability& capability : node.capabilities) {
    ResetOnExit reset(stmt);
    PALYRA_RETURN_IF_ERROR(stmt.BindText(1, node.device_id));
    PALYRA_RETURN_IF_ERROR(stmt.BindText(2, capability.name));
    PALYRA_RETURN_IF_ERROR(stmt.BindBool(3, capability.available));
    PALYRA_RETURN_IF_ERROR(stmt.Run());
  }
  return Status::Ok();
}

Status NodeRuntimeStore::UpsertCapability(std::string_view device_id,
                                          const NodeCapability& capability) {
  store::Statement& stmt = stmts_->upsert_capability;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(2, capability.name));
  PALYRA_RETURN_IF_ERROR(stmt.BindBool(3, capability.available));
  return stmt.Run();
}

Status NodeRuntimeStore::UpdatePresence(const NodePresenceRow& row, int64_t now_unix_ms) {
  store::Statement& stmt = stmts_->update_presence;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, row.device_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, row.last_seen_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(3, row.last_event_name));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalInt64(4, row.last_event_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(5, now_unix_ms));
  return stmt.Run();
}

Result<bool> NodeRuntimeStore::DeleteNode(std::string_view device_id) {
  store::Statement& stmt = stmts_->delete_node;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return db_->Changes() == 1;
}

// ---- capability requests ----

Status NodeRuntimeStore::InsertRequest(const CapabilityRequestRecord& r) {
  store::Statement& stmt = stmts_->insert_request;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, r.request_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(2, r.device_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(3, r.capability));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(4, CapabilityRequestStateName(r.state)));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(5, r.idempotency_key));
  if (r.terminal() || r.input_json.empty()) {
    PALYRA_RETURN_IF_ERROR(stmt.BindNull(6));
  } else {
    PALYRA_RETURN_IF_ERROR(stmt.BindBlob(6, std::string_view(r.input_json)));
  }
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(7, r.input_summary));
  if (r.output_json.empty()) {
    PALYRA_RETURN_IF_ERROR(stmt.BindNull(8));
  } else {
    PALYRA_RETURN_IF_ERROR(stmt.BindBlob(8, std::string_view(r.output_json)));
  }
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

Result<std::optional<CapabilityRequestRecord>> NodeRuntimeStore::GetRequest(
    std::string_view request_id) {
  store::Statement& stmt = stmts_->get_request;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, request_id));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<CapabilityRequestRecord>();
  PALYRA_ASSIGN_OR_RETURN(CapabilityRequestRecord record, RequestFromRow(stmt));
  return std::optional<CapabilityRequestRecord>(std::move(record));
}

Result<std::optional<CapabilityRequestRecord>> NodeRuntimeStore::FindByIdempotencyKey(
    std::string_view device_id, std::string_view key) {
  store::Statement& stmt = stmts_->find_by_key;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(2, key));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<CapabilityRequestRecord>();
  PALYRA_ASSIGN_OR_RETURN(CapabilityRequestRecord record, RequestFromRow(stmt));
  return std::optional<CapabilityRequestRecord>(std::move(record));
}

Result<std::vector<CapabilityRequestRecord>> NodeRuntimeStore::ListRequests(
    std::string_view device_id, size_t limit) {
  store::Statement& stmt = stmts_->list_requests;
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

Status NodeRuntimeStore::MarkDispatched(std::string_view request_id, std::string_view device_id,
                                        int64_t now_unix_ms) {
  store::Statement& stmt = stmts_->mark_dispatched;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, request_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(2, device_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(3, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return ExpectOneRow(*db_, request_id, "queued");
}

Status NodeRuntimeStore::MarkAwaitingMediation(std::string_view request_id, int64_t now_unix_ms) {
  store::Statement& stmt = stmts_->mark_mediation;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, request_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return ExpectOneRow(*db_, request_id, "dispatched");
}

Status NodeRuntimeStore::Finish(std::string_view request_id, CapabilityRequestState from,
                                CapabilityRequestState to, std::string_view output_json,
                                const std::optional<std::string>& output_summary,
                                const std::optional<std::string>& error, int64_t now_unix_ms) {
  store::Statement& stmt = stmts_->finish;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, request_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(2, CapabilityRequestStateName(from)));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(3, CapabilityRequestStateName(to)));
  if (output_json.empty()) {
    PALYRA_RETURN_IF_ERROR(stmt.BindNull(4));
  } else {
    PALYRA_RETURN_IF_ERROR(stmt.BindBlob(4, output_json));
  }
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(5, output_summary));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(6, error));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(7, now_unix_ms));
  Status status = stmt.Run();
  if (!output_json.empty()) (void)stmt.ClearBindings();
  PALYRA_RETURN_IF_ERROR(status);
  return ExpectOneRow(*db_, request_id, CapabilityRequestStateName(from));
}

Result<int64_t> NodeRuntimeStore::FailAllLive(std::string_view error, int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_->Prepare("UPDATE capability_requests SET state = 'failed', input_json = NULL, "
                   "error = ?1, updated_at_unix_ms = ?2, completed_at_unix_ms = ?2 "
                   "WHERE state IN " +
                   std::string(kLiveStates)));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, error));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return db_->Changes();
}

Result<std::array<uint64_t, kCapabilityRequestStateCount>> NodeRuntimeStore::CountByState() {
  std::array<uint64_t, kCapabilityRequestStateCount> counts{};
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_->Prepare("SELECT state, COUNT(*) FROM capability_requests GROUP BY state"));
  while (true) {
    PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return counts;
    PALYRA_ASSIGN_OR_RETURN(CapabilityRequestState state,
                            ParseCapabilityRequestState(stmt.ColumnText(0)));
    counts[static_cast<size_t>(state)] = static_cast<uint64_t>(stmt.ColumnInt64(1));
  }
}

Result<std::array<uint64_t, kCapabilityRequestStateCount>> NodeRuntimeStore::PruneHistory(
    int64_t completed_before_unix_ms, size_t keep_per_device, size_t limit) {
  std::array<uint64_t, kCapabilityRequestStateCount> deleted{};
  size_t budget = limit;
  auto collect = [&](store::Statement& stmt) -> Status {
    while (true) {
      PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) return Status::Ok();
      PALYRA_ASSIGN_OR_RETURN(CapabilityRequestState state,
                              ParseCapabilityRequestState(stmt.ColumnText(0)));
      ++deleted[static_cast<size_t>(state)];
      if (budget > 0) --budget;
    }
  };
  {
    PALYRA_ASSIGN_OR_RETURN(
        store::Statement stmt,
        db_->Prepare("DELETE FROM capability_requests WHERE request_id IN ("
                     "SELECT request_id FROM capability_requests "
                     "WHERE completed_at_unix_ms IS NOT NULL AND completed_at_unix_ms < ?1 "
                     "ORDER BY completed_at_unix_ms LIMIT ?2) RETURNING state"));
    PALYRA_RETURN_IF_ERROR(stmt.BindInt64(1, completed_before_unix_ms));
    PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, static_cast<int64_t>(budget)));
    PALYRA_RETURN_IF_ERROR(collect(stmt));
  }
  if (budget == 0) return deleted;
  std::vector<std::string> crowded;
  {
    PALYRA_ASSIGN_OR_RETURN(
        store::Statement stmt,
        db_->Prepare("SELECT device_id FROM capability_requests GROUP BY device_id "
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
    // The device's newest `keep_per_device` rows stay (live ones count towards them but are
    // never deleted); finished rows older than those go, oldest first.
    PALYRA_ASSIGN_OR_RETURN(
        store::Statement stmt,
        db_->Prepare("DELETE FROM capability_requests WHERE request_id IN ("
                     "SELECT request_id FROM capability_requests "
                     "WHERE device_id = ?1 AND completed_at_unix_ms IS NOT NULL "
                     "AND request_id NOT IN (SELECT request_id FROM capability_requests "
                     "WHERE device_id = ?1 ORDER BY created_at_unix_ms DESC, request_id DESC "
                     "LIMIT ?2) "
                     "ORDER BY created_at_unix_ms, request_id LIMIT ?3) RETURNING state"));
    PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
    PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, static_cast<int64_t>(keep_per_device)));
    PALYRA_RETURN_IF_ERROR(stmt.BindInt64(3, static_cast<int64_t>(budget)));
    PALYRA_RETURN_IF_ERROR(collect(stmt));
  }
  return deleted;
}

}  // namespace palyra::node_runtime
