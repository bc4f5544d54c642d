#pragma once
// The stored form of a registered node (tables nodes and node_capabilities), as the node
// runtime and the repository that persists it share them. What presence means and how it is
// computed is the node runtime's business (daemon/node_runtime/node_record.h); the record only
// carries the presence it was read with.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace palyra::store {

enum class NodePresence { kOnline, kStale, kOffline };

struct NodeCapability {
  std::string name;
  bool available = true;

  friend bool operator==(const NodeCapability&, const NodeCapability&) = default;
};

struct NodeRecord {
  std::string device_id;
  std::string platform;
  std::vector<NodeCapability> capabilities;  // sorted by name
  int64_t registered_at_unix_ms = 0;         // first registration
  int64_t last_seen_at_unix_ms = 0;          // register and every stream event
  std::optional<std::string> last_event_name;
  std::optional<int64_t> last_event_at_unix_ms;
  NodePresence presence = NodePresence::kOnline;  // at the time the record was read
};

// The part of a node that changes without a registration: when it was last heard from.
struct NodePresenceRow {
  std::string device_id;
  int64_t last_seen_at_unix_ms = 0;
  std::optional<std::string> last_event_name;
  std::optional<int64_t> last_event_at_unix_ms;
};

}  // namespace palyra::store
