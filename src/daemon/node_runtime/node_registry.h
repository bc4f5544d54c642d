#pragma once
// The registry of nodes and their presence: every registered node is held in memory (loaded at
// open) and written through the node repository after a change was checked, as one group-commit
// op (see store/group_commit.h), so that memory changes only once the write succeeded.
//
// Presence is cheap: Touch() updates last_seen in memory only; Flush() writes what changed (call
// it on a timer, e.g. every 5 s; the runtime flushes at shutdown too). EvaluatePresence() turns
// the passing of time into stale/offline events (the runtime's Tick()).
//
// Presence listeners are never invoked while the registry holds a lock, so they may call back
// into the runtime. They may run on any thread that called in, concurrently with each other.
//
// Thread-safe. Lock order: a group-commit Section before the registry's own lock; the presence
// listeners' lock is a leaf.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "daemon/node_runtime/callbacks.h"
#include "daemon/node_runtime/node_record.h"
#include "daemon/node_runtime/node_runtime_options.h"
#include "store/group_commit.h"
#include "store/node_repository.h"

namespace palyra::node_runtime {

// What the request queue needs to know of a node before it accepts work for it.
enum class CapabilityAccess { kNodeNotRegistered, kNotAdvertised, kUnavailable, kAvailable };

class NodeRegistry {
 public:
  NodeRegistry(store::GroupCommit& group_commit, store::NodeRepository& repository,
               PresenceThresholds presence, std::function<int64_t()> clock);
  NodeRegistry(const NodeRegistry&) = delete;
  NodeRegistry& operator=(const NodeRegistry&) = delete;

  // At open, before any other call: the stored nodes (presence as of `now`).
  void Load(std::vector<NodeRecord> nodes, int64_t now);

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
  // NOT_FOUND for an unknown node.
  Result<NodeRecord> GetNode(std::string_view device_id);
  // Sorted by device_id.
  std::vector<NodeRecord> ListNodes();
  // Grants (available=true) or revokes one capability, adding it when missing; last_event is
  // set to capability_granted / capability_revoked. NOT_FOUND for an unknown node.
  Result<NodeRecord> SetCapabilityAvailable(std::string_view device_id, std::string_view name,
                                            bool available);
  // Writes the in-memory last_seen / last_event of every node touched since the last flush, in
  // one op.
  Status Flush();

  // Presence notifications: online on registration and on the first touch after being stale or
  // offline; stale/offline from EvaluatePresence(); removed from Forget().
  ListenerId SubscribePresence(PresenceListener listener);
  void UnsubscribePresence(ListenerId id);
  // Adds a stale/offline/online event to `events` for every node whose presence changed since
  // it was last reported.
  void EvaluatePresence(int64_t now, std::vector<PresenceEvent>& events);
  // Call with no lock held.
  void DeliverPresence(const std::vector<PresenceEvent>& events);

  // For the request queue (under its Section): may the node be asked for `capability`?
  CapabilityAccess Access(std::string_view device_id, std::string_view capability);

  // Removing a node, under the caller's Section: LastSeen() (NOT_FOUND for an unknown node),
  // then DeleteStored() inside the caller's op, then, once that committed, Forget() (which adds
  // the `removed` event).
  Result<int64_t> LastSeen(std::string_view device_id);
  Status DeleteStored(std::string_view device_id);
  void Forget(std::string_view device_id, int64_t last_seen, int64_t now,
              std::vector<PresenceEvent>& events);

  // Fills the node counts of `stats`.
  void AddStats(NodeRuntimeStats& stats);

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

  NodeRecord RecordFor(const std::string& device_id, const NodeState& node, int64_t now) const;
  // Register's memory step, after the write committed. Adds the online event when due.
  NodeRecord ApplyRegistration(const NodeRecord& row, std::vector<NodeCapability> capabilities,
                               int64_t now, std::vector<PresenceEvent>& events);

  store::GroupCommit& group_commit_;
  store::NodeRepository& repository_;
  const PresenceThresholds presence_;
  const std::function<int64_t()> clock_;

  std::mutex mu_;  // nodes_
  std::map<std::string, NodeState, std::less<>> nodes_;

  std::mutex listeners_mu_;
  std::map<ListenerId, std::shared_ptr<const PresenceListener>> listeners_;
  ListenerId next_listener_id_ = 1;
};

}  // namespace palyra::node_runtime
