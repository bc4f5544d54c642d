#pragma once
// The daemon's node runtime: the registry of nodes and their presence, and the durable queue of
// capability requests with its strict state machine (capability_request.h). The gRPC services
// translate protos to these domain types and call in from any thread; nothing here knows about
// gRPC or protobuf.
//
// Durability: everything lives in SQLite (migration 4), reached through the node and capability
// request repositories (store/node_repository.h, store/capability_request_repository.h) on one
// writer connection from the connection factory. Every mutation is atomic: its writes run as
// one group-commit op (a savepoint in the shared transaction), and memory changes only after
// they succeeded, so bad input or a failed write changes no state. Mutations from concurrent
// callers share a transaction (group commit, store/group_commit.h), and every call returns only
// once its transaction has committed. Callbacks run after that commit. If a commit itself
// fails, memory and disk could disagree, so the runtime refuses all further work with that error
// until the daemon restarts (and Open() recovers). Live requests (queued, dispatched,
// awaiting_local_mediation) are mirrored in memory: per-device FIFO queues, in-flight counts and
// a deadline index, so the hot path never reads the database. Only one NodeRuntime may write a
// database at a time (the daemon); other processes may read it. The WAL is checkpointed by a
// background thread (NodeRuntimeOptions::checkpoint_interval_ms), never on a request's path.
//
// Presence is cheap: Touch() updates last_seen in memory only; Flush() writes what changed (call
// it on a timer, e.g. every 5 s; the destructor flushes too). Tick() evaluates deadlines and
// presence (call it on a timer, e.g. every 100 ms; timeouts are as precise as that interval).
//
// Restart: Open() ends every request that was live when the previous daemon stopped as
// `failed` with error "daemon_restarted"; none stays stuck.
//
// Callbacks (dispatch listeners, terminal callbacks, presence listeners) are never invoked while
// the runtime holds a lock, so they may call back into the runtime. They may run on any thread
// that called into the runtime, concurrently with each other; a callback that was about to be
// delivered when it was detached may still run once.

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/status.h"
#include "daemon/node_runtime/capability_request.h"
#include "daemon/node_runtime/node_record.h"
#include "store/connection_factory.h"
#include "store/group_commit.h"
#include "store/node_runtime_storage.h"

namespace palyra::node_runtime {

inline constexpr uint64_t kDefaultMaxPayloadBytes = 64 * 1024;
inline constexpr uint64_t kDefaultMaxPayloadBytesCap = 1024 * 1024;
inline constexpr int64_t kDefaultTimeoutMs = 30 * 1000;
inline constexpr int64_t kDefaultMinTimeoutMs = 1000;
inline constexpr int64_t kDefaultMaxTimeoutMs = 120 * 1000;
inline constexpr size_t kDefaultMaxLivePerDevice = 64;
inline constexpr size_t kDefaultMaxInFlightPerDevice = 4;
inline constexpr size_t kDefaultMaxLiveRequests = 64 * 1024;
inline constexpr int64_t kDefaultCheckpointIntervalMs = 1000;
inline constexpr int64_t kDefaultHistoryRetentionMs = 7LL * 24 * 60 * 60 * 1000;
inline constexpr size_t kDefaultMaxHistoryPerDevice = 1000;

struct NodeRuntimeOptions {
  // Where palyra.db is (already migrated); used by Open() only, for the runtime's writer
  // connection and the checkpointer's. Required.
  const store::ConnectionFactory* connections = nullptr;
  std::function<int64_t()> clock;  // Unix ms; empty: the real clock

  // online < 60 s since last seen <= stale < 30 min <= offline.
  PresenceThresholds presence;

  // Payload limit (input_json and output_json) when a request asks for 0 (64 KiB), and the
  // largest limit a request may ask for (1 MiB); larger asks are clamped to it.
  uint64_t default_max_payload_bytes = kDefaultMaxPayloadBytes;
  uint64_t max_payload_bytes_cap = kDefaultMaxPayloadBytesCap;
  // Request timeout when a request asks for 0 (30 s); others are clamped to [1 s, 120 s].
  int64_t default_timeout_ms = kDefaultTimeoutMs;
  int64_t min_timeout_ms = kDefaultMinTimeoutMs;
  int64_t max_timeout_ms = kDefaultMaxTimeoutMs;

  // Live (non-terminal) requests per device (64) and in the whole daemon (65,536): beyond
  // them Enqueue answers RESOURCE_EXHAUSTED.
  size_t max_live_per_device = kDefaultMaxLivePerDevice;
  size_t max_live_requests = kDefaultMaxLiveRequests;
  // Requests a device has dispatched (dispatched or awaiting mediation) at once (4); further
  // work waits in its queue until one finishes.
  size_t max_in_flight_per_device = kDefaultMaxInFlightPerDevice;

  // How often a background thread checkpoints the SQLite write-ahead log (1 s), so that the
  // fsync of a checkpoint never lands on a request's hot path. 0: SQLite checkpoints
  // automatically on commit instead.
  int64_t checkpoint_interval_ms = kDefaultCheckpointIntervalMs;

  // Finished requests (history, with their output) are kept for 7 days and at most 1,000 per
  // device; PruneHistory deletes the rest. An idempotency key is remembered as long as its
  // request is.
  int64_t history_retention_ms = kDefaultHistoryRetentionMs;
  size_t max_history_per_device = kDefaultMaxHistoryPerDevice;
};

// Counters for observability.
struct NodeRuntimeStats {
  // Rows in the database per state (history included), indexed by CapabilityRequestState.
  std::array<uint64_t, kCapabilityRequestStateCount> requests_by_state{};
  size_t queue_depth = 0;  // queued requests, all devices
  size_t in_flight = 0;    // dispatched + awaiting_local_mediation
  size_t nodes = 0;
  size_t nodes_online = 0;
  size_t nodes_stale = 0;
  size_t nodes_offline = 0;
  size_t dispatch_listeners = 0;
  size_t terminal_waiters = 0;
  size_t unflushed_nodes = 0;  // presence changed since the last Flush()
  // Since Open():
  uint64_t enqueued = 0;               // new requests (idempotent replays not counted)
  uint64_t rejected_at_enqueue = 0;    // unknown or unavailable capability
  uint64_t refused_queue_full = 0;     // RESOURCE_EXHAUSTED
  uint64_t late_results_ignored = 0;   // results/mediation for terminal requests
  uint64_t recovered_at_open = 0;      // ended daemon_restarted by Open()
  uint64_t transactions_committed = 0; // group commit: batches written
  uint64_t mutations_committed = 0;    // mutations in them (mutations / transactions = batch size)

  uint64_t count(CapabilityRequestState state) const {
    return requests_by_state[static_cast<size_t>(state)];
  }
};

class NodeRuntime {
 public:
  using DispatchListener = std::function<void(const CapabilityDispatch&)>;
  using TerminalCallback = std::function<void(const CapabilityRequestRecord&)>;
  using PresenceListener = std::function<void(const PresenceEvent&)>;
  using ListenerId = uint64_t;

  // Opens (creating and migrating) the database, ends requests left live by a previous run
  // (daemon_restarted) and loads the registry. INVALID_ARGUMENT for inconsistent options.
  static Result<std::unique_ptr<NodeRuntime>> Open(const NodeRuntimeOptions& options);
  ~NodeRuntime();  // flushes presence (errors are logged)
  NodeRuntime(const NodeRuntime&) = delete;
  NodeRuntime& operator=(const NodeRuntime&) = delete;

  // ---- registry and presence ----

  // Inserts or updates a node: platform and capability names trimmed, capabilities replaced
  // wholesale, registered_at kept from the first registration, last_seen = now. INVALID_ARGUMENT
  // for a non-canonical device_id, a platform over 128 bytes, more than 64 capabilities, or an
  // empty, over-128-byte or duplicate capability name. The node becomes online.
  Result<NodeRecord> Register(const NodeRegistration& registration);
  // A stream event from the node: last_seen = now (memory only, see Flush), and when
  // `event_name` is not empty, last_event_name/at. NOT_FOUND for an unregistered device;
  // INVALID_ARGUMENT for a bad id or an event name over 128 bytes. A node that was stale or
  // offline becomes online.
  Status Touch(std::string_view device_id, std::string_view event_name = {});
  // Deletes the node and its capabilities; its live requests end failed ("node_removed") and its
  // dispatch listener is detached. NOT_FOUND for an unknown node. Request history is kept.
  Status Remove(std::string_view device_id);
  // NOT_FOUND for an unknown node.
  Result<NodeRecord> GetNode(std::string_view device_id);
  // Sorted by device_id.
  std::vector<NodeRecord> ListNodes();
  // Grants (available=true) or revokes one capability, adding it when missing; last_event is
  // set to capability_granted / capability_revoked. NOT_FOUND for an unknown node.
  Result<NodeRecord> SetCapabilityAvailable(std::string_view device_id, std::string_view name,
                                            bool available);
  // Writes the in-memory last_seen / last_event of every node touched since the last flush, in
  // one transaction.
  Status Flush();

  // Presence notifications: online on registration and on the first touch after being stale or
  // offline; stale/offline from Tick(); removed from Remove().
  ListenerId SubscribePresence(PresenceListener listener);
  void UnsubscribePresence(ListenerId id);

  // ---- capability requests ----

  // Validates and persists a request. Errors (no state changed): INVALID_ARGUMENT for a
  // non-canonical device_id, an empty or over-128-byte capability, a bad idempotency key,
  // input_json over the effective limit or not valid JSON; FAILED_PRECONDITION
  // "node must register before executing capabilities"; RESOURCE_EXHAUSTED when the device's
  // (or the daemon's) live requests are at their bound. A capability the node did not advertise
  // or advertised as unavailable is persisted directly as `rejected` (the call succeeds). With
  // an idempotency key already used by this device, the existing request is returned. When the
  // device has a dispatch listener and a free in-flight slot, the request is dispatched at once
  // and the listener called.
  Result<CapabilityRequestRecord> Enqueue(const InvokeRequest& request);
  // Enqueue and OnTerminal in one step, with no window in which the result could be missed:
  // `on_terminal` is registered before the work can reach the node (for a request that is
  // already terminal, such as a rejection, it runs before this returns). Not called when
  // Enqueue fails.
  Result<CapabilityRequestRecord> Enqueue(const InvokeRequest& request,
                                          TerminalCallback on_terminal);

  // Push dispatch: `listener` receives every request dispatched to the device while attached
  // (the node's open StreamNodeEvents writes it at once). Attaching first re-sends the device's
  // requests still in `dispatched` (an earlier stream may have died with them unread), then
  // dispatches queued work up to the in-flight limit. One listener per device: a newer one
  // replaces the older (whose id then detaches nothing). INVALID_ARGUMENT for a bad id.
  Result<ListenerId> AttachDispatchListener(std::string_view device_id, DispatchListener listener);
  void DetachDispatchListener(ListenerId id);

  // Pull dispatch: pops the device's oldest queued request and marks it dispatched, unless the
  // queue is empty or the device already has max_in_flight_per_device requests in flight.
  Result<std::optional<CapabilityDispatch>> NextDispatch(std::string_view device_id);

  // dispatched -> awaiting_local_mediation. NOT_FOUND for an unknown request; PERMISSION_DENIED
  // when it was not dispatched to `device_id` (state unchanged); FAILED_PRECONDITION for any
  // other state (for a terminal request the late event is logged and ignored).
  Result<CapabilityRequestRecord> MarkAwaitingMediation(std::string_view device_id,
                                                        std::string_view request_id);
  // The node's result: succeeded (success), failed (!success), or rejected
  // (denied_by_local_mediation, only from awaiting_local_mediation). Output over the request's
  // max_payload_bytes or not valid JSON ends the request failed with an error saying so; error
  // strings are bounded (kMaxErrorBytes). Same errors as MarkAwaitingMediation; returns the
  // terminal record.
  Result<CapabilityRequestRecord> Complete(std::string_view device_id, std::string_view request_id,
                                           const CapabilityResult& result);
  // A caller gave up: a live request ends failed with `reason`. NOT_FOUND / FAILED_PRECONDITION
  // (already terminal).
  Result<CapabilityRequestRecord> Cancel(std::string_view request_id, std::string_view reason);
  // Every live request of the device ends failed with `reason` (revoke, remove), and its
  // dispatch listener is detached. Returns how many requests ended.
  Result<size_t> FailDeviceWork(std::string_view device_id, std::string_view reason);

  // Ends overdue requests as timed_out ("timed out waiting for node capability result") and
  // reports presence changes. Tick() uses the clock.
  Status Tick(int64_t now_unix_ms);
  Status Tick();

  // Deletes finished requests past the history bounds (options), in batches that each commit
  // on their own so live work is never held up for long. Returns how many rows went.
  Result<uint64_t> PruneHistory(int64_t now_unix_ms);

  // Calls `callback` exactly once with the terminal record: now (on this thread) when the
  // request is already terminal, otherwise when it gets there. NOT_FOUND for an unknown request.
  Status OnTerminal(std::string_view request_id, TerminalCallback callback);
  // Blocks until the request is terminal or `deadline` passes (DEADLINE_EXCEEDED; the request
  // itself is left alone). For tests and simple callers; services use OnTerminal.
  Result<CapabilityRequestRecord> WaitForTerminal(std::string_view request_id,
                                                  std::chrono::steady_clock::time_point deadline);

  // NOT_FOUND for an unknown request.
  Result<CapabilityRequestRecord> GetRequest(std::string_view request_id);
  // The device's requests, newest first; `limit` is clamped to [1, 1000].
  Result<std::vector<CapabilityRequestRecord>> ListRequests(std::string_view device_id,
                                                            size_t limit);

  NodeRuntimeStats Stats();
  const NodeRuntimeOptions& options() const { return options_; }

 private:
  struct NodeState {
    std::string platform;
    std::vector<NodeCapability> capabilities;  // sorted by name
    int64_t registered_at_unix_ms = 0;
    int64_t last_seen_at_unix_ms = 0;
    std::optional<std::string> last_event_name;
    std::optional<int64_t> last_event_at_unix_ms;
    NodePresence reported = NodePresence::kOnline;  // last presence announced to listeners
    bool dirty = false;                             // presence not yet flushed
  };
  using DeadlineIndex = std::set<std::pair<int64_t, std::string>>;
  struct LiveRequest {
    CapabilityRequestRecord record;
    std::vector<TerminalCallback> waiters;
    DeadlineIndex::iterator deadline;  // its entry in deadlines_
  };
  struct DeviceWork {
    std::deque<std::string> queue;  // queued request ids, oldest first
    size_t in_flight = 0;           // dispatched + awaiting_local_mediation
    size_t live = 0;                // queue.size() + in_flight
    ListenerId listener_id = 0;
    std::shared_ptr<const DispatchListener> listener;
  };
  struct Finish {
    std::string request_id;
    CapabilityRequestState to = CapabilityRequestState::kFailed;
    std::string output_json;
    std::optional<std::string> output_summary;
    std::optional<std::string> error;
  };
  // What to deliver once the locks are released.
  struct Outbox {
    std::vector<std::pair<std::shared_ptr<const DispatchListener>, CapabilityDispatch>> dispatches;
    std::vector<std::pair<std::vector<TerminalCallback>, CapabilityRequestRecord>> terminals;
    std::vector<PresenceEvent> presence;
  };

  using Section = store::GroupCommit::Section;
  using ActiveCall = store::GroupCommit::ActiveCall;

  NodeRuntime(const NodeRuntimeOptions& options, std::unique_ptr<store::NodeRuntimeStorage> storage);

  int64_t Now() const;
  NodeRecord RecordFor(const std::string& device_id, const NodeState& node, int64_t now) const;
  // Ends `finishes` (all live; under a Section), refills the in-flight slots this frees on devices with
  // a dispatch listener, runs `also` in the same transaction, commits, and only then applies the
  // change to memory (adding dispatches and terminal callbacks to `outbox`, and the terminal
  // records to `finished` when given). `detach_device` loses its listener.
  Status FinishAndRefill(std::vector<Finish> finishes, int64_t now, Outbox& outbox,
                         const std::function<Status()>& also = {},
                         std::optional<std::string_view> detach_device = std::nullopt,
                         std::vector<CapabilityRequestRecord>* finished = nullptr);
  // Queued requests of `work` that fit its free in-flight slots, oldest first, once
  // `finished_in_flight` of its in-flight requests and `finished_queued` have ended.
  std::vector<std::string> RefillCandidates(const DeviceWork& work, size_t finished_in_flight,
                                            const std::set<std::string_view>& finished_queued)
      const;
  // After commit: queued -> dispatched in memory.
  CapabilityDispatch ApplyDispatched(const std::string& request_id, int64_t now);
  // The device's requests in `dispatched` (sent, not yet acknowledged), oldest dispatch first.
  std::vector<const CapabilityRequestRecord*> DispatchedWithoutAnswer(
      const std::string& device_id) const;
  // After commit: ends a live request in memory.
  void ApplyFinish(Finish& finish, int64_t now, Outbox& outbox,
                   std::vector<CapabilityRequestRecord>* finished);
  // The answer to a result or mediation event for a request that is not live.
  Status RefusalForNonLive(std::string_view request_id, std::string_view device_id,
                           std::string_view what);
  void Deliver(Outbox& outbox);
  void DeliverPresence(const std::vector<PresenceEvent>& events);
  void EvaluatePresence(int64_t now, std::vector<PresenceEvent>& events);

  const NodeRuntimeOptions options_;

  // Lock order: a Section of group_commit_ before nodes_mu_; listeners_mu_ is a leaf.
  std::unique_ptr<store::NodeRuntimeStorage> storage_;
  store::GroupCommit& group_commit_;  // its Section guards all request state below
  store::NodeRepository& node_repository_;
  store::CapabilityRequestRepository& request_repository_;
  std::unordered_map<std::string, LiveRequest> live_;
  std::unordered_map<std::string, DeviceWork> work_;
  DeadlineIndex deadlines_;
  std::unordered_map<ListenerId, std::string> listener_devices_;
  ListenerId next_listener_id_ = 1;
  NodeRuntimeStats counters_;  // requests_by_state and the since-Open counters

  std::mutex nodes_mu_;  // the registry and presence
  std::map<std::string, NodeState, std::less<>> nodes_;

  std::mutex presence_listeners_mu_;
  std::map<ListenerId, std::shared_ptr<const PresenceListener>> presence_listeners_;
  ListenerId next_presence_listener_id_ = 1;
};

}  // namespace palyra::node_runtime
