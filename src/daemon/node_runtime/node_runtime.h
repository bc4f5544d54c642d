#pragma once
// The daemon's node runtime: the registry of nodes and their presence (NodeRegistry,
// node_registry.h) and the durable queue of capability requests with its strict state machine
// (RequestQueue, request_queue.h; states in capability_request.h), behind one front door. The
// gRPC services translate protos to these domain types and call in from any thread; nothing
// here knows about gRPC or protobuf.
//
// Durability: everything lives in SQLite (migration 4), reached through the node and capability
// request repositories (store/node_repository.h, store/capability_request_repository.h) on one
// writer connection from the connection factory. Mutations from concurrent callers share a
// transaction (group commit, store/group_commit.h), and every call returns only once its
// transaction has committed; callbacks run after that commit. If a commit itself fails, memory
// and disk could disagree, so the runtime refuses all further work with that error until the
// daemon restarts (and Open() recovers). Only one NodeRuntime may write a database at a time
// (the daemon); other processes may read it. The WAL is checkpointed by a background thread
// (NodeRuntimeOptions::checkpoint_interval_ms), never on a request's path.
//
// Timers: Flush() writes presence that changed (call it e.g. every 5 s; the destructor flushes
// too). Tick() evaluates deadlines and presence (call it e.g. every 100 ms; timeouts are as
// precise as that interval).
//
// Restart: Open() ends every request that was live when the previous daemon stopped as
// `failed` with error "daemon_restarted"; none stays stuck.
//
// Callbacks (dispatch listeners, terminal callbacks, presence listeners) are never invoked while
// the runtime holds a lock, so they may call back into the runtime. They may run on any thread
// that called into the runtime, concurrently with each other; a callback that was about to be
// delivered when it was detached may still run once.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "daemon/node_runtime/callbacks.h"
#include "daemon/node_runtime/capability_request.h"
#include "daemon/node_runtime/node_record.h"
#include "daemon/node_runtime/node_registry.h"
#include "daemon/node_runtime/node_runtime_options.h"
#include "daemon/node_runtime/request_queue.h"
#include "store/node_runtime_storage.h"

namespace palyra::node_runtime {

class NodeRuntime {
 public:
  using DispatchListener = node_runtime::DispatchListener;
  using TerminalCallback = node_runtime::TerminalCallback;
  using PresenceListener = node_runtime::PresenceListener;
  using ListenerId = node_runtime::ListenerId;

  // Opens its storage through options.connections, ends requests left live by a previous run
  // (daemon_restarted) and loads the registry. INVALID_ARGUMENT for inconsistent options.
  static Result<std::unique_ptr<NodeRuntime>> Open(const NodeRuntimeOptions& options);
  ~NodeRuntime();  // flushes presence (errors are logged)
  NodeRuntime(const NodeRuntime&) = delete;
  NodeRuntime& operator=(const NodeRuntime&) = delete;

  // ---- registry and presence: see NodeRegistry ----
  Result<NodeRecord> Register(const NodeRegistration& registration) {
    return registry_.Register(registration);
  }
  Status Touch(std::string_view device_id, std::string_view event_name = {}) {
    return registry_.Touch(device_id, event_name);
  }
  // Deletes the node and its capabilities; its live requests end failed ("node_removed") and its
  // dispatch listener is detached. NOT_FOUND for an unknown node. Request history is kept.
  Status Remove(std::string_view device_id);
  Result<NodeRecord> GetNode(std::string_view device_id) { return registry_.GetNode(device_id); }
  std::vector<NodeRecord> ListNodes() { return registry_.ListNodes(); }
  Result<NodeRecord> SetCapabilityAvailable(std::string_view device_id, std::string_view name,
                                            bool available) {
    return registry_.SetCapabilityAvailable(device_id, name, available);
  }
  Status Flush() { return registry_.Flush(); }
  ListenerId SubscribePresence(PresenceListener listener) {
    return registry_.SubscribePresence(std::move(listener));
  }
  void UnsubscribePresence(ListenerId id) { registry_.UnsubscribePresence(id); }

  // ---- capability requests: see RequestQueue ----
  Result<CapabilityRequestRecord> Enqueue(const InvokeRequest& request) {
    return queue_.Enqueue(request, nullptr);
  }
  // Enqueue and OnTerminal in one step, with no window in which the result could be missed.
  Result<CapabilityRequestRecord> Enqueue(const InvokeRequest& request,
                                          TerminalCallback on_terminal) {
    return queue_.Enqueue(request, std::move(on_terminal));
  }
  Result<ListenerId> AttachDispatchListener(std::string_view device_id, DispatchListener listener) {
    return queue_.AttachDispatchListener(device_id, std::move(listener));
  }
  void DetachDispatchListener(ListenerId id) { queue_.DetachDispatchListener(id); }
  Result<std::optional<CapabilityDispatch>> NextDispatch(std::string_view device_id) {
    return queue_.NextDispatch(device_id);
  }
  Result<CapabilityRequestRecord> MarkAwaitingMediation(std::string_view device_id,
                                                        std::string_view request_id) {
    return queue_.MarkAwaitingMediation(device_id, request_id);
  }
  Result<CapabilityRequestRecord> Complete(std::string_view device_id, std::string_view request_id,
                                           const CapabilityResult& result) {
    return queue_.Complete(device_id, request_id, result);
  }
  Result<CapabilityRequestRecord> Cancel(std::string_view request_id, std::string_view reason) {
    return queue_.Cancel(request_id, reason);
  }
  Result<size_t> FailDeviceWork(std::string_view device_id, std::string_view reason) {
    return queue_.FailDeviceWork(device_id, reason);
  }
  Result<uint64_t> PruneHistory(int64_t now_unix_ms) { return queue_.PruneHistory(now_unix_ms); }
  Status OnTerminal(std::string_view request_id, TerminalCallback callback) {
    return queue_.OnTerminal(request_id, std::move(callback));
  }
  // For tests and simple callers; services use OnTerminal.
  Result<CapabilityRequestRecord> WaitForTerminal(std::string_view request_id,
                                                  std::chrono::steady_clock::time_point deadline) {
    return queue_.WaitForTerminal(request_id, deadline);
  }
  Result<CapabilityRequestRecord> GetRequest(std::string_view request_id) {
    return queue_.GetRequest(request_id);
  }
  Result<std::vector<CapabilityRequestRecord>> ListRequests(std::string_view device_id,
                                                            size_t limit) {
    return queue_.ListRequests(device_id, limit);
  }

  // Ends overdue requests as timed_out ("timed out waiting for node capability result") and
  // reports presence changes. Tick() uses the clock.
  Status Tick(int64_t now_unix_ms);
  Status Tick() { return Tick(clock_()); }

  NodeRuntimeStats Stats();
  const NodeRuntimeOptions& options() const { return options_; }

 private:
  NodeRuntime(const NodeRuntimeOptions& options,
              std::unique_ptr<store::NodeRuntimeStorage> storage);

  const NodeRuntimeOptions options_;
  const std::function<int64_t()> clock_;
  std::unique_ptr<store::NodeRuntimeStorage> storage_;
  NodeRegistry registry_;
  RequestQueue queue_;
};

}  // namespace palyra::node_runtime
