#pragma once
// SQL for the node runtime (tables nodes, node_capabilities, capability_requests; migration 4),
// on one connection with every statement prepared once. Internal to palyra_node_runtime:
// NodeRuntime serialises all calls under its mutex and keeps the in-memory mirror in step.
//
// State-changing statements are guarded by the expected current state, so a row can only move
// along the edges NodeRuntime checked; a guard that matches no row is reported as
// FAILED_PRECONDITION.

#include <array>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "common/status.h"
#include "daemon/node_runtime/capability_request.h"
#include "daemon/node_runtime/node_record.h"
#include "store/database.h"

namespace palyra::node_runtime {

struct NodePresenceRow {
  std::string device_id;
  int64_t last_seen_at_unix_ms = 0;
  std::optional<std::string> last_event_name;
  std::optional<int64_t> last_event_at_unix_ms;
};

class NodeRuntimeStore {
 public:
  // Opens `path`, applies the migrations and prepares the statements. With a positive
  // `checkpoint_interval_ms`, this connection never checkpoints the write-ahead log itself (an
  // automatic checkpoint would put an fsync on the hot path every ~1000 pages); a background
  // thread on a second connection runs a PASSIVE checkpoint at that interval instead, which
  // never blocks the writer. 0 leaves SQLite's automatic checkpoints on.
  static Result<std::unique_ptr<NodeRuntimeStore>> Open(const std::filesystem::path& path,
                                                        int64_t checkpoint_interval_ms);
  ~NodeRuntimeStore();
  NodeRuntimeStore(const NodeRuntimeStore&) = delete;
  NodeRuntimeStore& operator=(const NodeRuntimeStore&) = delete;

  // Group commit. Writes happen inside a batch: one BEGIN IMMEDIATE transaction that several
  // mutations share and CommitBatch() ends. Each mutation is an Op, a savepoint inside the
  // batch: Op::Commit() keeps its writes; an Op destroyed without Commit() rolls back to the
  // savepoint, so a failed mutation leaves nothing in the batch and the others are unaffected.
  class Op {
   public:
    // `opened_batch`: this mutation began the batch, so it needs no savepoint (undoing it is
    // rolling the batch back).
    Op(NodeRuntimeStore* store, bool opened_batch) : store_(store), opened_batch_(opened_batch) {}
    Op(Op&& other) noexcept : store_(other.store_), opened_batch_(other.opened_batch_) {
      other.store_ = nullptr;
    }
    Op& operator=(Op&&) = delete;
    Op(const Op&) = delete;
    Op& operator=(const Op&) = delete;
    ~Op();
    Status Commit();

   private:
    NodeRuntimeStore* store_;
    bool opened_batch_;
  };
  // Opens the batch if none is open (BEGIN IMMEDIATE), else a savepoint inside it.
  Result<Op> BeginOp();
  bool batch_open() const;
  // Mutations committed into the open batch so far.
  size_t ops_in_batch() const { return ops_in_batch_; }
  Status CommitBatch();
  // Rolls the whole batch back (after a failed commit; SQLite may have done so already).
  void AbandonBatch();

  // ---- nodes ----
  // Every node with its capabilities (sorted by device_id, capabilities by name). Presence is
  // not stored; it is left at its default.
  Result<std::vector<NodeRecord>> LoadNodes();
  // Inserts or updates the node row (registered_at is kept on update) and replaces its
  // capabilities.
  Status UpsertNode(const NodeRecord& node, int64_t now_unix_ms);
  Status UpsertCapability(std::string_view device_id, const NodeCapability& capability);
  Status UpdatePresence(const NodePresenceRow& row, int64_t now_unix_ms);
  // True when a row was deleted (capabilities go with it).
  Result<bool> DeleteNode(std::string_view device_id);

  // ---- capability requests ----
  Status InsertRequest(const CapabilityRequestRecord& record);
  Result<std::optional<CapabilityRequestRecord>> GetRequest(std::string_view request_id);
  Result<std::optional<CapabilityRequestRecord>> FindByIdempotencyKey(std::string_view device_id,
                                                                      std::string_view key);
  // Newest first (created_at, then request_id).
  Result<std::vector<CapabilityRequestRecord>> ListRequests(std::string_view device_id,
                                                            size_t limit);
  // queued -> dispatched.
  Status MarkDispatched(std::string_view request_id, std::string_view device_id,
                        int64_t now_unix_ms);
  // dispatched -> awaiting_local_mediation.
  Status MarkAwaitingMediation(std::string_view request_id, int64_t now_unix_ms);
  // `from` -> `to` (terminal): input_json is cleared, completed_at stamped.
  Status Finish(std::string_view request_id, CapabilityRequestState from, CapabilityRequestState to,
                std::string_view output_json, const std::optional<std::string>& output_summary,
                const std::optional<std::string>& error, int64_t now_unix_ms);
  // Every live request ends failed with `error`. Returns how many.
  Result<int64_t> FailAllLive(std::string_view error, int64_t now_unix_ms);
  // Rows per state.
  Result<std::array<uint64_t, kCapabilityRequestStateCount>> CountByState();
  // Deletes up to `limit` finished requests: those completed before `completed_before_unix_ms`,
  // then, for each device with more than `keep_per_device` requests, its oldest finished ones
  // beyond that many. Live requests are never touched. Returns the deleted rows per state.
  Result<std::array<uint64_t, kCapabilityRequestStateCount>> PruneHistory(
      int64_t completed_before_unix_ms, size_t keep_per_device, size_t limit);

 private:
  explicit NodeRuntimeStore(std::unique_ptr<store::Database> db);
  Status Prepare();
  Status Run(store::Statement& stmt);

  Status StartCheckpointer(const std::filesystem::path& path, int64_t interval_ms);
  void RunCheckpointer(int64_t interval_ms);

  std::unique_ptr<store::Database> db_;
  struct Statements;
  std::unique_ptr<Statements> stmts_;
  size_t ops_in_batch_ = 0;

  std::unique_ptr<store::Database> checkpoint_db_;
  std::thread checkpointer_;
  std::mutex checkpoint_mu_;
  std::condition_variable checkpoint_cv_;
  bool stopping_ = false;
};

}  // namespace palyra::node_runtime
