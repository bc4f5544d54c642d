#pragma once
// The durable queue of capability requests and its strict state machine (capability_request.h).
// Live requests (queued, dispatched, awaiting_local_mediation) are mirrored in memory: per-device
// FIFO queues, in-flight counts and a deadline index, so the hot path never reads the database.
// Every change is written through the capability request repository as one group-commit op
// (store/group_commit.h) first, and memory changes only after the write succeeded, so bad input
// or a failed write changes no state; every call returns only once its transaction committed.
//
// Dispatch listeners and terminal callbacks are never invoked while the queue holds a lock, so
// they may call back into the runtime. They may run on any thread that called in, concurrently
// with each other; a callback that was about to be delivered when it was detached may still run
// once.
//
// Thread-safe: all request state is guarded by a Section of the group commit.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/status.h"
#include "daemon/node_runtime/callbacks.h"
#include "daemon/node_runtime/capability_request.h"
#include "daemon/node_runtime/node_registry.h"
#include "daemon/node_runtime/node_runtime_options.h"
#include "store/capability_request_repository.h"
#include "store/group_commit.h"

namespace palyra::node_runtime {

class RequestQueue {
 public:
  // `options` and `registry` must outlive the queue.
  RequestQueue(const NodeRuntimeOptions& options, std::function<int64_t()> clock,
               store::GroupCommit& group_commit, store::CapabilityRequestRepository& repository,
               NodeRegistry& registry);
  RequestQueue(const RequestQueue&) = delete;
  RequestQueue& operator=(const RequestQueue&) = delete;

  // At open: the stored requests per state, and how many were recovered (ended
  // daemon_restarted) before.
  void Load(const CapabilityRequestStateCounts& counts, uint64_t recovered);

  // Validates and persists a request. Errors (no state changed): INVALID_ARGUMENT for a
  // non-canonical device_id, an empty or over-128-byte capability, a bad idempotency key,
  // input_json over the effective limit or not valid JSON; FAILED_PRECONDITION
  // "node must register before executing capabilities"; RESOURCE_EXHAUSTED when the device's
  // (or the daemon's) live requests are at their bound. A capability the node did not advertise
  // or advertised as unavailable is persisted directly as `rejected` (the call succeeds). With
  // an idempotency key already used by this device, the existing request is returned. When the
  // device has a dispatch listener and a free in-flight slot, the request is dispatched at once
  // and the listener called. `on_terminal` (may be empty) is registered before the work can
  // reach the node (for a request that is already terminal, such as a rejection, it runs before
  // this returns); it is not called when Enqueue fails.
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
  // FailDeviceWork under the caller's Section, with `also` in the same op (removing the node).
  // Returns how many requests ended; dispatches and terminal callbacks go to `outbox`.
  Result<size_t> FailDeviceWorkInSection(std::string_view device_id, std::string error, int64_t now,
                                         RequestOutbox& outbox,
                                         const std::function<Status()>& also);

  // Ends overdue requests as timed_out ("timed out waiting for node capability result");
  // callbacks go to `outbox` and the outcome of ending them to `expiry_status`. Returns the
  // group commit's errors.
  Status ExpireOverdue(int64_t now_unix_ms, RequestOutbox& outbox, Status& expiry_status);
  // Deletes finished requests past the history bounds (options), in batches that each commit
  // on their own so live work is never held up for long. Returns how many rows went.
  Result<uint64_t> PruneHistory(int64_t now_unix_ms);

  // Calls `callback` exactly once with the terminal record: now (on this thread) when the
  // request is already terminal, otherwise when it gets there. NOT_FOUND for an unknown request.
  Status OnTerminal(std::string_view request_id, TerminalCallback callback);
  // Blocks until the request is terminal or `deadline` passes (DEADLINE_EXCEEDED; the request
  // itself is left alone).
  Result<CapabilityRequestRecord> WaitForTerminal(std::string_view request_id,
                                                  std::chrono::steady_clock::time_point deadline);
  // NOT_FOUND for an unknown request.
  Result<CapabilityRequestRecord> GetRequest(std::string_view request_id);
  // The device's requests, newest first; `limit` is clamped to [1, 1000].
  Result<std::vector<CapabilityRequestRecord>> ListRequests(std::string_view device_id,
                                                            size_t limit);

  // The request counters, queue figures and group commit counters (node counts left at 0).
  NodeRuntimeStats Stats();

 private:
  using Section = store::GroupCommit::Section;
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
  // Enqueue's outcome under the Section.
  struct Enqueued {
    CapabilityRequestRecord record;
    bool terminal_now = false;  // run on_terminal once the lock is released
  };

  // ---- enqueue (request_queue_enqueue.cc) ----
  // The checks that need no lock: a record with id, names, limits and input summary.
  Result<CapabilityRequestRecord> Draft(const InvokeRequest& request) const;
  Status EnqueueInSection(CapabilityRequestRecord draft, const std::string& input_json,
                          TerminalCallback& on_terminal, RequestOutbox& outbox, Enqueued& out);
  // The device's request with the same idempotency key, if any (and on_terminal attached).
  Result<bool> Replay(const CapabilityRequestRecord& draft, TerminalCallback& on_terminal,
                      Enqueued& out);
  Status InsertRejected(CapabilityRequestRecord r, CapabilityAccess access, Enqueued& out);
  Status CheckCapacity(const std::string& device_id);
  Status InsertLive(CapabilityRequestRecord r, const std::string& input_json,
                    TerminalCallback& on_terminal, RequestOutbox& outbox, Enqueued& out);

  // ---- transitions (request_queue_transitions.cc) ----
  static CapabilityDispatch MakeDispatch(const CapabilityRequestRecord& r);
  // Ends `finishes` (all live; under a Section), refills the in-flight slots this frees on
  // devices with a dispatch listener, runs `also` in the same op, and only once that succeeded
  // applies the change to memory (adding dispatches and terminal callbacks to `outbox`, and the
  // terminal records to `finished` when given). `detach_device` loses its listener.
  Status FinishAndRefill(std::vector<Finish> finishes, int64_t now, RequestOutbox& outbox,
                         const std::function<Status()>& also = {},
                         std::optional<std::string_view> detach_device = std::nullopt,
                         std::vector<CapabilityRequestRecord>* finished = nullptr);
  // Queued requests of `work` that fit its free in-flight slots, oldest first, once
  // `finished_in_flight` of its in-flight requests and `finished_queued` have ended.
  std::vector<std::string> RefillCandidates(
      const DeviceWork& work, size_t finished_in_flight,
      const std::set<std::string_view>& finished_queued) const;
  // After commit: queued -> dispatched in memory.
  CapabilityDispatch ApplyDispatched(const std::string& request_id, int64_t now);
  // The device's requests in `dispatched` (sent, not yet acknowledged), oldest dispatch first.
  std::vector<const CapabilityRequestRecord*> DispatchedWithoutAnswer(
      const std::string& device_id) const;
  // After commit: ends a live request in memory.
  void ApplyFinish(Finish& finish, int64_t now, RequestOutbox& outbox,
                   std::vector<CapabilityRequestRecord>* finished);
  // The answer to a result or mediation event for a request that is not live.
  Status RefusalForNonLive(std::string_view request_id, std::string_view device_id,
                           std::string_view what);

  const NodeRuntimeOptions& options_;
  const std::function<int64_t()> clock_;
  store::GroupCommit& group_commit_;  // its Section guards everything below
  store::CapabilityRequestRepository& repository_;
  NodeRegistry& registry_;

  std::unordered_map<std::string, LiveRequest> live_;
  std::unordered_map<std::string, DeviceWork> work_;
  DeadlineIndex deadlines_;
  std::unordered_map<ListenerId, std::string> listener_devices_;
  ListenerId next_listener_id_ = 1;
  NodeRuntimeStats counters_;  // requests_by_state and the since-Open counters
};

}  // namespace palyra::node_runtime
