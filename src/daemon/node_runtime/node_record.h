#pragma once
// Registered nodes and their presence.
//
// A node is a paired device that called RegisterNode: its platform, the capabilities it
// advertised, and when it was last heard from. Presence is derived from last_seen:
//   online   seen less than PresenceThresholds::online_ms ago   (default 60 s)
//   stale    seen less than PresenceThresholds::offline_ms ago  (default 30 min)
//   offline  otherwise

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/node_record.h"

namespace palyra::node_runtime {

// The stored forms are shared with the node repository (store/node_record.h).
using store::NodeCapability;
using store::NodePresence;
using store::NodePresenceRow;
using store::NodeRecord;

inline constexpr int64_t kDefaultOnlineThresholdMs = 60 * 1000;
inline constexpr int64_t kDefaultOfflineThresholdMs = 30 * 60 * 1000;

struct PresenceThresholds {
  int64_t online_ms = kDefaultOnlineThresholdMs;
  int64_t offline_ms = kDefaultOfflineThresholdMs;
};

std::string_view NodePresenceName(NodePresence presence);  // "online", "stale", "offline"
NodePresence ComputePresence(int64_t last_seen_at_unix_ms, int64_t now_unix_ms,
                             const PresenceThresholds& thresholds);

// What RegisterNode carries. Names and the platform are trimmed; see NodeRuntime::Register.
struct NodeRegistration {
  std::string device_id;
  std::string platform;
  std::vector<NodeCapability> capabilities;
};

enum class PresenceEventKind { kOnline, kStale, kOffline, kRemoved };
std::string_view PresenceEventKindName(PresenceEventKind kind);

// A change of a node's presence, for the operator stream.
struct PresenceEvent {
  PresenceEventKind kind = PresenceEventKind::kOnline;
  std::string device_id;
  int64_t last_seen_at_unix_ms = 0;
  int64_t at_unix_ms = 0;  // when the runtime noticed
};

}  // namespace palyra::node_runtime
