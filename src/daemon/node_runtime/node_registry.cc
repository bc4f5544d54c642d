#include "daemon/node_runtime/node_registry.h"

#include <algorithm>
#include <utility>

#include "common/strings.h"
#include "common/ulid.h"
#include "daemon/node_runtime/capability_request.h"
#include "daemon/node_runtime/input_validation.h"

namespace palyra::node_runtime {
namespace {

using Section = store::GroupCommit::Section;

Status NotRegistered(std::string_view device_id) {
  return NotFound("node " + std::string(device_id) + " is not registered");
}

}  // namespace

NodeRegistry::NodeRegistry(store::GroupCommit& group_commit, store::NodeRepository& repository,
                           PresenceThresholds presence, std::function<int64_t()> clock)
    : group_commit_(group_commit),
      repository_(repository),
      presence_(presence),
      clock_(std::move(clock)) {}

void NodeRegistry::Load(std::vector<NodeRecord> nodes, int64_t now) {
  std::lock_guard lock(mu_);
  for (NodeRecord& node : nodes) {
    NodeState state;
    state.platform = std::move(node.platform);
    state.capabilities = std::move(node.capabilities);
    state.registered_at_unix_ms = node.registered_at_unix_ms;
    state.last_seen_at_unix_ms = node.last_seen_at_unix_ms;
    state.last_event_name = std::move(node.last_event_name);
    state.last_event_at_unix_ms = node.last_event_at_unix_ms;
    state.reported = ComputePresence(state.last_seen_at_unix_ms, now, presence_);
    nodes_.emplace(std::move(node.device_id), std::move(state));
  }
}

NodeRecord NodeRegistry::RecordFor(const std::string& device_id, const NodeState& node,
                                   int64_t now) const {
  NodeRecord record;
  record.device_id = device_id;
  record.platform = node.platform;
  record.capabilities = node.capabilities;
  record.registered_at_unix_ms = node.registered_at_unix_ms;
  record.last_seen_at_unix_ms = node.last_seen_at_unix_ms;
  record.last_event_name = node.last_event_name;
  record.last_event_at_unix_ms = node.last_event_at_unix_ms;
  record.presence = ComputePresence(node.last_seen_at_unix_ms, now, presence_);
  return record;
}

Result<NodeRecord> NodeRegistry::Register(const NodeRegistration& registration) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(registration.device_id, "device_id"));
  const std::string_view platform = TrimAsciiWhitespace(registration.platform);
  if (platform.size() > kMaxPlatformBytes) {
    return InvalidArgument("platform must be at most " + std::to_string(kMaxPlatformBytes) +
                           " bytes (got " + std::to_string(platform.size()) + ")");
  }
  PALYRA_ASSIGN_OR_RETURN(std::vector<NodeCapability> capabilities,
                          CleanCapabilities(registration.capabilities));

  std::vector<PresenceEvent> events;
  NodeRecord result;
  {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    const int64_t now = clock_();
    NodeRecord row;
    row.device_id = registration.device_id;
    row.platform = std::string(platform);
    row.capabilities = capabilities;
    row.registered_at_unix_ms = now;
    row.last_seen_at_unix_ms = now;
    {
      std::lock_guard lock(mu_);
      if (auto it = nodes_.find(registration.device_id); it != nodes_.end()) {
        row.registered_at_unix_ms = it->second.registered_at_unix_ms;
        row.last_seen_at_unix_ms = std::max(now, it->second.last_seen_at_unix_ms);
        row.last_event_name = it->second.last_event_name;
        row.last_event_at_unix_ms = it->second.last_event_at_unix_ms;
      }
    }
    {
      PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
      PALYRA_RETURN_IF_ERROR(repository_.Upsert(row, now));
      PALYRA_RETURN_IF_ERROR(op.Commit());
    }
    result = ApplyRegistration(row, std::move(capabilities), now, events);
    PALYRA_RETURN_IF_ERROR(section.Finish());
  }
  DeliverPresence(events);
  return result;
}

NodeRecord NodeRegistry::ApplyRegistration(const NodeRecord& row,
                                           std::vector<NodeCapability> capabilities, int64_t now,
                                           std::vector<PresenceEvent>& events) {
  std::lock_guard lock(mu_);
  auto [it, inserted] = nodes_.try_emplace(row.device_id);
  NodeState& node = it->second;
  node.platform = row.platform;
  node.capabilities = std::move(capabilities);
  node.registered_at_unix_ms = row.registered_at_unix_ms;
  node.last_seen_at_unix_ms = std::max(node.last_seen_at_unix_ms, now);
  if (inserted) {
    node.last_event_name = row.last_event_name;
    node.last_event_at_unix_ms = row.last_event_at_unix_ms;
  }
  if (inserted || node.reported != NodePresence::kOnline) {
    node.reported = NodePresence::kOnline;
    events.push_back({PresenceEventKind::kOnline, it->first, node.last_seen_at_unix_ms, now});
  }
  return RecordFor(it->first, node, now);
}

Status NodeRegistry::Touch(std::string_view device_id, std::string_view event_name) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  if (event_name.size() > kMaxEventNameBytes) {
    return InvalidArgument("event_name must be at most " + std::to_string(kMaxEventNameBytes) +
                           " bytes");
  }
  std::vector<PresenceEvent> events;
  {
    std::lock_guard lock(mu_);
    auto it = nodes_.find(device_id);
    if (it == nodes_.end()) return NotRegistered(device_id);
    const int64_t now = clock_();
    NodeState& node = it->second;
    node.last_seen_at_unix_ms = std::max(node.last_seen_at_unix_ms, now);
    if (!event_name.empty()) {
      node.last_event_name = std::string(event_name);
      node.last_event_at_unix_ms = now;
    }
    node.dirty = true;
    if (node.reported != NodePresence::kOnline) {
      node.reported = NodePresence::kOnline;
      events.push_back({PresenceEventKind::kOnline, it->first, node.last_seen_at_unix_ms, now});
    }
  }
  DeliverPresence(events);
  return Status::Ok();
}

Result<NodeRecord> NodeRegistry::GetNode(std::string_view device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::lock_guard lock(mu_);
  auto it = nodes_.find(device_id);
  if (it == nodes_.end()) return NotRegistered(device_id);
  return RecordFor(it->first, it->second, clock_());
}

std::vector<NodeRecord> NodeRegistry::ListNodes() {
  std::lock_guard lock(mu_);
  const int64_t now = clock_();
  std::vector<NodeRecord> out;
  out.reserve(nodes_.size());
  for (const auto& [id, node] : nodes_) out.push_back(RecordFor(id, node, now));
  return out;
}

Result<NodeRecord> NodeRegistry::SetCapabilityAvailable(std::string_view device_id,
                                                        std::string_view name, bool available) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  PALYRA_ASSIGN_OR_RETURN(std::string clean,
                          CleanName(name, "capability name", kMaxCapabilityNameBytes));
  Section section(group_commit_);
  PALYRA_RETURN_IF_ERROR(section.health());
  const int64_t now = clock_();
  NodePresenceRow row;
  {
    std::lock_guard lock(mu_);
    auto it = nodes_.find(device_id);
    if (it == nodes_.end()) return NotRegistered(device_id);
    const auto& caps = it->second.capabilities;
    const bool known = std::any_of(caps.begin(), caps.end(),
                                   [&](const NodeCapability& c) { return c.name == clean; });
    if (!known && caps.size() >= kMaxCapabilitiesPerNode) {
      return InvalidArgument("a node may have at most " +
                             std::to_string(kMaxCapabilitiesPerNode) + " capabilities");
    }
    row.device_id = it->first;
    row.last_seen_at_unix_ms = it->second.last_seen_at_unix_ms;
  }
  row.last_event_name = available ? "capability_granted" : "capability_revoked";
  row.last_event_at_unix_ms = now;
  {
    PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
    PALYRA_RETURN_IF_ERROR(repository_.SetCapability(device_id, {clean, available}, row, now));
    PALYRA_RETURN_IF_ERROR(op.Commit());
  }
  NodeRecord result;
  {
    std::lock_guard lock(mu_);
    auto it = nodes_.find(device_id);
    NodeState& node = it->second;
    auto cap = std::find_if(node.capabilities.begin(), node.capabilities.end(),
                            [&](const NodeCapability& c) { return c.name == clean; });
    if (cap != node.capabilities.end()) {
      cap->available = available;
    } else {
      node.capabilities.push_back({clean, available});
      std::sort(node.capabilities.begin(), node.capabilities.end(),
                [](const NodeCapability& a, const NodeCapability& b) { return a.name < b.name; });
    }
    node.last_event_name = row.last_event_name;
    node.last_event_at_unix_ms = now;
    result = RecordFor(it->first, node, now);
  }
  PALYRA_RETURN_IF_ERROR(section.Finish());
  return result;
}

Status NodeRegistry::Flush() {
  Section section(group_commit_);
  PALYRA_RETURN_IF_ERROR(section.health());
  std::vector<NodePresenceRow> rows;
  {
    std::lock_guard lock(mu_);
    for (auto& [id, node] : nodes_) {
      if (!node.dirty) continue;
      rows.push_back(
          {id, node.last_seen_at_unix_ms, node.last_event_name, node.last_event_at_unix_ms});
      node.dirty = false;
    }
  }
  if (rows.empty()) return Status::Ok();
  const int64_t now = clock_();
  Status status = [&]() -> Status {
    PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
    PALYRA_RETURN_IF_ERROR(repository_.UpdatePresence(rows, now));
    return op.Commit();
  }();
  if (!status.ok()) {
    std::lock_guard lock(mu_);
    for (const NodePresenceRow& row : rows) {
      if (auto it = nodes_.find(row.device_id); it != nodes_.end()) it->second.dirty = true;
    }
    return status;
  }
  return section.Finish();
}

ListenerId NodeRegistry::SubscribePresence(PresenceListener listener) {
  std::lock_guard lock(listeners_mu_);
  const ListenerId id = next_listener_id_++;
  listeners_.emplace(id, std::make_shared<const PresenceListener>(std::move(listener)));
  return id;
}

void NodeRegistry::UnsubscribePresence(ListenerId id) {
  std::lock_guard lock(listeners_mu_);
  listeners_.erase(id);
}

void NodeRegistry::EvaluatePresence(int64_t now, std::vector<PresenceEvent>& events) {
  std::lock_guard lock(mu_);
  for (auto& [id, node] : nodes_) {
    const NodePresence presence = ComputePresence(node.last_seen_at_unix_ms, now, presence_);
    if (presence == node.reported) continue;
    node.reported = presence;
    const PresenceEventKind kind = presence == NodePresence::kOnline  ? PresenceEventKind::kOnline
                                   : presence == NodePresence::kStale ? PresenceEventKind::kStale
                                                                      : PresenceEventKind::kOffline;
    events.push_back({kind, id, node.last_seen_at_unix_ms, now});
  }
}

void NodeRegistry::DeliverPresence(const std::vector<PresenceEvent>& events) {
  if (events.empty()) return;
  std::vector<std::shared_ptr<const PresenceListener>> listeners;
  {
    std::lock_guard lock(listeners_mu_);
    listeners.reserve(listeners_.size());
    for (const auto& [id, listener] : listeners_) listeners.push_back(listener);
  }
  for (const PresenceEvent& event : events) {
    for (const auto& listener : listeners) InvokeGuarded(*listener, event);
  }
}

CapabilityAccess NodeRegistry::Access(std::string_view device_id, std::string_view capability) {
  std::lock_guard lock(mu_);
  auto node = nodes_.find(device_id);
  if (node == nodes_.end()) return CapabilityAccess::kNodeNotRegistered;
  for (const NodeCapability& c : node->second.capabilities) {
    if (c.name == capability) {
      return c.available ? CapabilityAccess::kAvailable : CapabilityAccess::kUnavailable;
    }
  }
  return CapabilityAccess::kNotAdvertised;
}

Result<int64_t> NodeRegistry::LastSeen(std::string_view device_id) {
  std::lock_guard lock(mu_);
  auto it = nodes_.find(device_id);
  if (it == nodes_.end()) return NotRegistered(device_id);
  return it->second.last_seen_at_unix_ms;
}

Status NodeRegistry::DeleteStored(std::string_view device_id) {
  return repository_.Delete(device_id).status();
}

void NodeRegistry::Forget(std::string_view device_id, int64_t last_seen, int64_t now,
                          std::vector<PresenceEvent>& events) {
  std::lock_guard lock(mu_);
  if (auto it = nodes_.find(device_id); it != nodes_.end()) {
    events.push_back({PresenceEventKind::kRemoved, it->first, last_seen, now});
    nodes_.erase(it);
  }
}

void NodeRegistry::AddStats(NodeRuntimeStats& stats) {
  std::lock_guard lock(mu_);
  const int64_t now = clock_();
  stats.nodes = nodes_.size();
  for (const auto& [id, node] : nodes_) {
    switch (ComputePresence(node.last_seen_at_unix_ms, now, presence_)) {
      case NodePresence::kOnline: ++stats.nodes_online; break;
      case NodePresence::kStale: ++stats.nodes_stale; break;
      case NodePresence::kOffline: ++stats.nodes_offline; break;
    }
    if (node.dirty) ++stats.unflushed_nodes;
  }
}

}  // namespace palyra::node_runtime
