#include "daemon/node_runtime/node_record.h"

namespace palyra::node_runtime {

std::string_view NodePresenceName(NodePresence presence) {
  switch (presence) {
    case NodePresence::kOnline: return "online";
    case NodePresence::kStale: return "stale";
    case NodePresence::kOffline: return "offline";
  }
  return "unknown";
}

NodePresence ComputePresence(int64_t last_seen_at_unix_ms, int64_t now_unix_ms,
                             const PresenceThresholds& thresholds) {
  const int64_t age = now_unix_ms - last_seen_at_unix_ms;
  if (age < thresholds.online_ms) return NodePresence::kOnline;
  if (age < thresholds.offline_ms) return NodePresence::kStale;
  return NodePresence::kOffline;
}

std::string_view PresenceEventKindName(PresenceEventKind kind) {
  switch (kind) {
    case PresenceEventKind::kOnline: return "online";
    case PresenceEventKind::kStale: return "stale";
    case PresenceEventKind::kOffline: return "offline";
    case PresenceEventKind::kRemoved: return "removed";
  }
  return "unknown";
}

}  // namespace palyra::node_runtime
