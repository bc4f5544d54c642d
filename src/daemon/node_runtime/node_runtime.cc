#include "daemon/node_runtime/node_runtime.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <tuple>
#include <nlohmann/json.hpp>

#include "common/strings.h"
#include "common/time.h"
#include "common/ulid.h"
#include "daemon/node_runtime/payload_summary.h"

namespace palyra::node_runtime {
namespace {

using S = CapabilityRequestState;

constexpr uint64_t kMaxPayloadBytesCapLimit = 64 * 1024 * 1024;
constexpr std::string_view kDefaultCancelReason = "cancelled by caller";

Status ValidateOptions(const NodeRuntimeOptions& o) {
  if (o.connections == nullptr) {
    return InvalidArgument("node runtime needs a connection factory for its database");
  }
  if (o.presence.online_ms <= 0 || o.presence.offline_ms < o.presence.online_ms) {
    return InvalidArgument("presence thresholds must satisfy 0 < online_ms <= offline_ms");
  }
  if (o.default_max_payload_bytes == 0 || o.max_payload_bytes_cap == 0 ||
      o.default_max_payload_bytes > o.max_payload_bytes_cap ||
      o.max_payload_bytes_cap > kMaxPayloadBytesCapLimit) {
    return InvalidArgument(
        "payload limits must satisfy 0 < default_max_payload_bytes <= max_payload_bytes_cap <= "
        "64 MiB");
  }
  if (o.min_timeout_ms <= 0 || o.min_timeout_ms > o.max_timeout_ms ||
      o.default_timeout_ms < o.min_timeout_ms || o.default_timeout_ms > o.max_timeout_ms) {
    return InvalidArgument(
        "timeouts must satisfy 0 < min_timeout_ms <= default_timeout_ms <= max_timeout_ms");
  }
  if (o.checkpoint_interval_ms < 0) {
    return InvalidArgument("checkpoint_interval_ms must not be negative");
  }
  if (o.max_live_per_device == 0 || o.max_live_requests == 0 || o.max_in_flight_per_device == 0) {
    return InvalidArgument(
        "max_live_per_device, max_live_requests and max_in_flight_per_device must be positive");
  }
  return Status::Ok();
}

std::string Quoted(std::string_view text) { return "`" + std::string(text) + "`"; }

// A name from the network: trimmed, non-empty, bounded. Long names are not echoed back.
Result<std::string> CleanName(std::string_view raw, std::string_view field, size_t max_bytes) {
  const std::string_view name = TrimAsciiWhitespace(raw);
  if (name.empty()) return InvalidArgument(std::string(field) + " must not be empty");
  if (name.size() > max_bytes) {
    return InvalidArgument(std::string(field) + " must be at most " + std::to_string(max_bytes) +
                           " bytes (got " + std::to_string(name.size()) + ")");
  }
  for (char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return InvalidArgument(std::string(field) + " must not contain control characters");
    }
  }
  return std::string(name);
}

Result<std::vector<NodeCapability>> CleanCapabilities(const std::vector<NodeCapability>& in) {
  if (in.size() > kMaxCapabilitiesPerNode) {
    return InvalidArgument("a node may register at most " +
                           std::to_string(kMaxCapabilitiesPerNode) + " capabilities (got " +
                           std::to_string(in.size()) + ")");
  }
  std::vector<NodeCapability> out;
  out.reserve(in.size());
  for (const NodeCapability& capability : in) {
    PALYRA_ASSIGN_OR_RETURN(std::string name,
                            CleanName(capability.name, "capability name", kMaxCapabilityNameBytes));
    out.push_back({std::move(name), capability.available});
  }
  std::sort(out.begin(), out.end(),
            [](const NodeCapability& a, const NodeCapability& b) { return a.name < b.name; });
  for (size_t i = 1; i < out.size(); ++i) {
    if (out[i].name == out[i - 1].name) {
      return InvalidArgument("capability " + Quoted(out[i].name) + " is listed more than once");
    }
  }
  return out;
}

CapabilityDispatch MakeDispatch(const CapabilityRequestRecord& r) {
  return {r.request_id, r.device_id, r.capability, r.input_json, r.max_payload_bytes};
}

std::string NotJsonSummary(size_t bytes) {
  return R"({"redacted":true,"reason":"not_json","bytes":)" + std::to_string(bytes) + "}";
}

template <typename Fn, typename Arg>
void InvokeGuarded(const Fn& fn, const Arg& arg, std::string_view what) {
  try {
    fn(arg);
  } catch (const std::exception& e) {
    spdlog::error("node runtime: {} callback threw: {}", what, e.what());
  } catch (...) {
    spdlog::error("node runtime: {} callback threw a non-standard exception", what);
  }
}

}  // namespace

// ---- lifecycle ----

NodeRuntime::NodeRuntime(const NodeRuntimeOptions& options,
                         std::unique_ptr<store::NodeRuntimeStorage> storage)
    : options_(options),
      storage_(std::move(storage)),
      group_commit_(storage_->group_commit()),
      node_repository_(storage_->nodes()),
      request_repository_(storage_->requests()) {}

NodeRuntime::~NodeRuntime() {
  Status status = Flush();
  if (!status.ok()) {
    spdlog::error("node runtime: flushing node presence at shutdown failed: {}",
                  status.ToString());
  }
}

Result<std::unique_ptr<NodeRuntime>> NodeRuntime::Open(const NodeRuntimeOptions& options) {
  PALYRA_RETURN_IF_ERROR(ValidateOptions(options));
  PALYRA_ASSIGN_OR_RETURN(
      std::unique_ptr<store::NodeRuntimeStorage> storage,
      store::NodeRuntimeStorage::Open(*options.connections, options.checkpoint_interval_ms));
  const int64_t now = options.clock ? options.clock() : NowUnixMs();
  // Nothing that was live survives a restart: its waiters, queues and streams are gone.
  PALYRA_ASSIGN_OR_RETURN(int64_t recovered,
                          storage->requests().FailAllLive(kErrorDaemonRestarted, now));
  PALYRA_ASSIGN_OR_RETURN(std::vector<NodeRecord> nodes, storage->nodes().LoadAll());
  PALYRA_ASSIGN_OR_RETURN(auto counts, storage->requests().CountByState());

  std::unique_ptr<NodeRuntime> runtime(new NodeRuntime(options, std::move(storage)));
  for (NodeRecord& node : nodes) {
    NodeState state;
    state.platform = std::move(node.platform);
    state.capabilities = std::move(node.capabilities);
    state.registered_at_unix_ms = node.registered_at_unix_ms;
    state.last_seen_at_unix_ms = node.last_seen_at_unix_ms;
    state.last_event_name = std::move(node.last_event_name);
    state.last_event_at_unix_ms = node.last_event_at_unix_ms;
    state.reported = ComputePresence(state.last_seen_at_unix_ms, now, options.presence);
    runtime->nodes_.emplace(std::move(node.device_id), std::move(state));
  }
  runtime->counters_.requests_by_state = counts;
  runtime->counters_.recovered_at_open = static_cast<uint64_t>(recovered);
  if (recovered > 0) {
    spdlog::warn(
        "node runtime: {} capability request(s) were still live when the daemon last stopped; "
        "they ended failed ({})",
        recovered, kErrorDaemonRestarted);
  }
  return runtime;
}

int64_t NodeRuntime::Now() const { return options_.clock ? options_.clock() : NowUnixMs(); }

// ---- registry and presence ----

NodeRecord NodeRuntime::RecordFor(const std::string& device_id, const NodeState& node,
                                  int64_t now) const {
  NodeRecord record;
  record.device_id = device_id;
  record.platform = node.platform;
  record.capabilities = node.capabilities;
  record.registered_at_unix_ms = node.registered_at_unix_ms;
  record.last_seen_at_unix_ms = node.last_seen_at_unix_ms;
  record.last_event_name = node.last_event_name;
  record.last_event_at_unix_ms = node.last_event_at_unix_ms;
  record.presence = ComputePresence(node.last_seen_at_unix_ms, now, options_.presence);
  return record;
}

Result<NodeRecord> NodeRuntime::Register(const NodeRegistration& registration) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(registration.device_id, "device_id"));
  const std::string_view platform = TrimAsciiWhitespace(registration.platform);
  if (platform.size() > kMaxPlatformBytes) {
    return InvalidArgument("platform must be at most " + std::to_string(kMaxPlatformBytes) +
                           " bytes (got " + std::to_string(platform.size()) + ")");
  }
  PALYRA_ASSIGN_OR_RETURN(std::vector<NodeCapability> capabilities,
                          CleanCapabilities(registration.capabilities));

  Outbox outbox;
  NodeRecord result;
  {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    const int64_t now = Now();
    NodeRecord row;
    row.device_id = registration.device_id;
    row.platform = std::string(platform);
    row.capabilities = capabilities;
    row.registered_at_unix_ms = now;
    row.last_seen_at_unix_ms = now;
    {
      std::lock_guard nodes_lock(nodes_mu_);
      if (auto it = nodes_.find(registration.device_id); it != nodes_.end()) {
        row.registered_at_unix_ms = it->second.registered_at_unix_ms;
        row.last_seen_at_unix_ms = std::max(now, it->second.last_seen_at_unix_ms);
        row.last_event_name = it->second.last_event_name;
        row.last_event_at_unix_ms = it->second.last_event_at_unix_ms;
      }
    }
    {
      PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
      PALYRA_RETURN_IF_ERROR(node_repository_.Upsert(row, now));
      PALYRA_RETURN_IF_ERROR(op.Commit());
    }
    std::unique_lock nodes_lock(nodes_mu_);
    auto [it, inserted] = nodes_.try_emplace(registration.device_id);
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
      outbox.presence.push_back(
          {PresenceEventKind::kOnline, it->first, node.last_seen_at_unix_ms, now});
    }
    result = RecordFor(it->first, node, now);
    nodes_lock.unlock();
    PALYRA_RETURN_IF_ERROR(section.Finish());
  }
  Deliver(outbox);
  return result;
}

Status NodeRuntime::Touch(std::string_view device_id, std::string_view event_name) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  if (event_name.size() > kMaxEventNameBytes) {
    return InvalidArgument("event_name must be at most " + std::to_string(kMaxEventNameBytes) +
                           " bytes");
  }
  std::vector<PresenceEvent> events;
  {
    std::lock_guard nodes_lock(nodes_mu_);
    auto it = nodes_.find(device_id);
    if (it == nodes_.end()) {
      return NotFound("node " + std::string(device_id) + " is not registered");
    }
    const int64_t now = Now();
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

Status NodeRuntime::Remove(std::string_view device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  Outbox outbox;
  {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    const int64_t now = Now();
    int64_t last_seen = 0;
    {
      std::lock_guard nodes_lock(nodes_mu_);
      auto it = nodes_.find(device_id);
      if (it == nodes_.end()) return NotFound("node " + std::string(device_id) + " is not registered");
      last_seen = it->second.last_seen_at_unix_ms;
    }
    std::vector<Finish> finishes;
    for (const auto& [id, live] : live_) {
      if (live.record.device_id == device_id) {
        finishes.push_back({id, S::kFailed, {}, std::nullopt, std::string(kErrorNodeRemoved)});
      }
    }
    std::sort(finishes.begin(), finishes.end(),
              [](const Finish& a, const Finish& b) { return a.request_id < b.request_id; });
    PALYRA_RETURN_IF_ERROR(FinishAndRefill(
        std::move(finishes), now, outbox,
        [&]() -> Status { return node_repository_.Delete(device_id).status(); }, device_id));
    {
      std::lock_guard nodes_lock(nodes_mu_);
      if (auto it = nodes_.find(device_id); it != nodes_.end()) {
        outbox.presence.push_back({PresenceEventKind::kRemoved, it->first, last_seen, now});
        nodes_.erase(it);
      }
    }
    PALYRA_RETURN_IF_ERROR(section.Finish());
  }
  Deliver(outbox);
  return Status::Ok();
}

Result<NodeRecord> NodeRuntime::GetNode(std::string_view device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::lock_guard nodes_lock(nodes_mu_);
  auto it = nodes_.find(device_id);
  if (it == nodes_.end()) return NotFound("node " + std::string(device_id) + " is not registered");
  return RecordFor(it->first, it->second, Now());
}

std::vector<NodeRecord> NodeRuntime::ListNodes() {
  std::lock_guard nodes_lock(nodes_mu_);
  const int64_t now = Now();
  std::vector<NodeRecord> out;
  out.reserve(nodes_.size());
  for (const auto& [id, node] : nodes_) out.push_back(RecordFor(id, node, now));
  return out;
}

Result<NodeRecord> NodeRuntime::SetCapabilityAvailable(std::string_view device_id,
                                                       std::string_view name, bool available) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  PALYRA_ASSIGN_OR_RETURN(std::string clean,
                          CleanName(name, "capability name", kMaxCapabilityNameBytes));
  Section section(group_commit_);
  PALYRA_RETURN_IF_ERROR(section.health());
  const int64_t now = Now();
  NodePresenceRow row;
  {
    std::lock_guard nodes_lock(nodes_mu_);
    auto it = nodes_.find(device_id);
    if (it == nodes_.end()) return NotFound("node " + std::string(device_id) + " is not registered");
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
    PALYRA_RETURN_IF_ERROR(node_repository_.SetCapability(device_id, {clean, available}, row, now));
    PALYRA_RETURN_IF_ERROR(op.Commit());
  }
  NodeRecord result;
  {
    std::lock_guard nodes_lock(nodes_mu_);
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

Status NodeRuntime::Flush() {
  Section section(group_commit_);
  PALYRA_RETURN_IF_ERROR(section.health());
  std::vector<NodePresenceRow> rows;
  {
    std::lock_guard nodes_lock(nodes_mu_);
    for (auto& [id, node] : nodes_) {
      if (!node.dirty) continue;
      rows.push_back(
          {id, node.last_seen_at_unix_ms, node.last_event_name, node.last_event_at_unix_ms});
      node.dirty = false;
    }
  }
  if (rows.empty()) return Status::Ok();
  const int64_t now = Now();
  Status status = [&]() -> Status {
    PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
    PALYRA_RETURN_IF_ERROR(node_repository_.UpdatePresence(rows, now));
    return op.Commit();
  }();
  if (!status.ok()) {
    std::lock_guard nodes_lock(nodes_mu_);
    for (const NodePresenceRow& row : rows) {
      if (auto it = nodes_.find(row.device_id); it != nodes_.end()) it->second.dirty = true;
    }
    return status;
  }
  return section.Finish();
}

NodeRuntime::ListenerId NodeRuntime::SubscribePresence(PresenceListener listener) {
  std::lock_guard lock(presence_listeners_mu_);
  const ListenerId id = next_presence_listener_id_++;
  presence_listeners_.emplace(id, std::make_shared<const PresenceListener>(std::move(listener)));
  return id;
}

void NodeRuntime::UnsubscribePresence(ListenerId id) {
  std::lock_guard lock(presence_listeners_mu_);
  presence_listeners_.erase(id);
}

void NodeRuntime::EvaluatePresence(int64_t now, std::vector<PresenceEvent>& events) {
  std::lock_guard nodes_lock(nodes_mu_);
  for (auto& [id, node] : nodes_) {
    const NodePresence presence = ComputePresence(node.last_seen_at_unix_ms, now, options_.presence);
    if (presence == node.reported) continue;
    node.reported = presence;
    const PresenceEventKind kind = presence == NodePresence::kOnline  ? PresenceEventKind::kOnline
                                   : presence == NodePresence::kStale ? PresenceEventKind::kStale
                                                                      : PresenceEventKind::kOffline;
    events.push_back({kind, id, node.last_seen_at_unix_ms, now});
  }
}

// ---- capability requests ----

Result<CapabilityRequestRecord> NodeRuntime::Enqueue(const InvokeRequest& request) {
  return Enqueue(request, nullptr);
}

Result<CapabilityRequestRecord> NodeRuntime::Enqueue(const InvokeRequest& request,
                                                     TerminalCallback on_terminal) {
  ActiveCall active(group_commit_);
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request.device_id, "device_id"));
  PALYRA_ASSIGN_OR_RETURN(std::string capability,
                          CleanName(request.capability, "capability", kMaxCapabilityNameBytes));
  std::optional<std::string> key;
  if (request.idempotency_key.has_value()) {
    PALYRA_ASSIGN_OR_RETURN(
        std::string clean,
        CleanName(*request.idempotency_key, "idempotency_key", kMaxIdempotencyKeyBytes));
    key = std::move(clean);
  }
  if (request.timeout_ms < 0) return InvalidArgument("timeout_ms must not be negative");
  const uint64_t limit =
      request.max_payload_bytes == 0
          ? options_.default_max_payload_bytes
          : std::min<uint64_t>(request.max_payload_bytes, options_.max_payload_bytes_cap);
  if (request.input_json.size() > limit) {
    return InvalidArgument("input_json is " + std::to_string(request.input_json.size()) +
                           " bytes, over the payload limit of " + std::to_string(limit) +
                           " bytes (max_payload_bytes)");
  }
  std::optional<std::string> input_summary;
  if (!request.input_json.empty()) {
    const nlohmann::json parsed =
        nlohmann::json::parse(request.input_json, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) return InvalidArgument("input_json is not valid JSON");
    input_summary = SummarizeJson(parsed);
  }
  const int64_t timeout_ms =
      request.timeout_ms == 0
          ? options_.default_timeout_ms
          : std::clamp(request.timeout_ms, options_.min_timeout_ms, options_.max_timeout_ms);
  std::string request_id = NewUlid();

  Outbox outbox;
  CapabilityRequestRecord result;
  bool terminal_now = false;  // run on_terminal once the lock is released
  Status status = [&]() -> Status {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    const int64_t now = Now();
    std::optional<bool> available;  // nullopt: not advertised
    {
      std::lock_guard nodes_lock(nodes_mu_);
      auto node = nodes_.find(request.device_id);
      if (node == nodes_.end()) return FailedPrecondition(std::string(kNodeMustRegister));
      for (const NodeCapability& c : node->second.capabilities) {
        if (c.name == capability) {
          available = c.available;
          break;
        }
      }
    }
    if (key.has_value()) {
      PALYRA_ASSIGN_OR_RETURN(std::optional<CapabilityRequestRecord> existing,
                              request_repository_.FindByIdempotencyKey(request.device_id, *key));
      if (existing.has_value()) {
        if (auto it = live_.find(existing->request_id); it != live_.end()) {
          if (on_terminal) {
            it->second.waiters.push_back(std::move(on_terminal));
            ++counters_.terminal_waiters;
          }
          result = it->second.record;
        } else {
          result = *std::move(existing);
          terminal_now = true;
        }
        return section.Finish();
      }
    }

    CapabilityRequestRecord r;
    r.request_id = std::move(request_id);
    r.device_id = request.device_id;
    r.capability = std::move(capability);
    r.idempotency_key = std::move(key);
    r.input_summary = std::move(input_summary);
    r.max_payload_bytes = limit;
    r.timeout_ms = timeout_ms;
    r.deadline_at_unix_ms = now + timeout_ms;
    r.created_at_unix_ms = now;
    r.updated_at_unix_ms = now;

    if (!available.value_or(false)) {
      // Gate on availability: the work never reaches the node.
      r.state = S::kRejected;
      r.completed_at_unix_ms = now;
      r.error = available.has_value()
                    ? "capability " + Quoted(r.capability) + " is currently unavailable on this node"
                    : "capability " + Quoted(r.capability) + " is not advertised by this node";
      PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
      PALYRA_RETURN_IF_ERROR(request_repository_.Insert(r));
      PALYRA_RETURN_IF_ERROR(op.Commit());
      ++counters_.requests_by_state[static_cast<size_t>(S::kRejected)];
      ++counters_.enqueued;
      ++counters_.rejected_at_enqueue;
      result = std::move(r);
      terminal_now = true;
      return section.Finish();
    }

    auto work_it = work_.find(r.device_id);
    const size_t device_live = work_it == work_.end() ? 0 : work_it->second.live;
    if (device_live >= options_.max_live_per_device) {
      ++counters_.refused_queue_full;
      return ResourceExhausted("node " + r.device_id + " already has " +
                               std::to_string(device_live) +
                               " capability requests queued or in flight (the limit); retry after "
                               "some finish");
    }
    if (live_.size() >= options_.max_live_requests) {
      ++counters_.refused_queue_full;
      return ResourceExhausted("the daemon already has " + std::to_string(live_.size()) +
                               " capability requests queued or in flight (the limit); retry "
                               "later");
    }
    const bool direct = work_it != work_.end() && work_it->second.listener != nullptr &&
                        work_it->second.queue.empty() &&
                        work_it->second.in_flight < options_.max_in_flight_per_device;
    r.input_json = request.input_json;
    if (direct) {
      r.state = S::kDispatched;
      r.dispatched_at_unix_ms = now;
      r.dispatched_to = r.device_id;
    }
    {
      PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
      PALYRA_RETURN_IF_ERROR(request_repository_.Insert(r));
      PALYRA_RETURN_IF_ERROR(op.Commit());
    }
    DeviceWork& work = work_[r.device_id];
    ++work.live;
    if (direct) {
      ++work.in_flight;
      outbox.dispatches.emplace_back(work.listener, MakeDispatch(r));
    } else {
      work.queue.push_back(r.request_id);
    }
    const auto deadline = deadlines_.emplace(r.deadline_at_unix_ms, r.request_id).first;
    ++counters_.requests_by_state[static_cast<size_t>(r.state)];
    ++counters_.enqueued;
    result = r;
    const std::string id = r.request_id;
    LiveRequest live{std::move(r), {}, deadline};
    if (on_terminal) {
      live.waiters.push_back(std::move(on_terminal));
      ++counters_.terminal_waiters;
    }
    live_.emplace(id, std::move(live));
    return section.Finish();
  }();
  PALYRA_RETURN_IF_ERROR(status);
  active.Done();
  Deliver(outbox);
  if (terminal_now && on_terminal) InvokeGuarded(on_terminal, result, "terminal");
  return result;
}

Result<NodeRuntime::ListenerId> NodeRuntime::AttachDispatchListener(std::string_view device_id,
                                                                   DispatchListener listener) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  if (!listener) return InvalidArgument("dispatch listener must not be empty");
  Outbox outbox;
  ListenerId id = 0;
  {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    const int64_t now = Now();
    const std::string device(device_id);
    std::vector<std::string> refills;
    std::vector<const CapabilityRequestRecord*> redeliveries;
    if (auto it = work_.find(device); it != work_.end()) {
      refills = RefillCandidates(it->second, 0, {});
      if (it->second.in_flight > 0) redeliveries = DispatchedWithoutAnswer(device);
    }
    if (!refills.empty()) {
      PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
      for (const std::string& request_id : refills) {
        PALYRA_RETURN_IF_ERROR(request_repository_.MarkDispatched(request_id, device, now));
      }
      PALYRA_RETURN_IF_ERROR(op.Commit());
    }
    DeviceWork& work = work_[device];
    if (work.listener_id != 0) listener_devices_.erase(work.listener_id);
    id = next_listener_id_++;
    work.listener_id = id;
    work.listener = std::make_shared<const DispatchListener>(std::move(listener));
    listener_devices_.emplace(id, device);
    // Work dispatched on an earlier stream may never have reached the node (it was written as
    // the connection died), so it goes out again on the new one, oldest first. The node host
    // ignores a request it is already running and answers one it has finished from its memory
    // of recent results; delivery is at least once.
    if (!redeliveries.empty()) {
      spdlog::info("node runtime: dispatching {} unanswered request(s) again to device {}",
                   redeliveries.size(), device);
    }
    for (const CapabilityRequestRecord* r : redeliveries) {
      outbox.dispatches.emplace_back(work.listener, MakeDispatch(*r));
    }
    for (const std::string& request_id : refills) {
      outbox.dispatches.emplace_back(work.listener, ApplyDispatched(request_id, now));
    }
    PALYRA_RETURN_IF_ERROR(section.Finish());
  }
  Deliver(outbox);
  return id;
}

std::vector<const CapabilityRequestRecord*> NodeRuntime::DispatchedWithoutAnswer(
    const std::string& device_id) const {
  // A scan of the live requests: it runs when a node attaches a stream, not per request, and
  // live requests are bounded daemon-wide.
  std::vector<const CapabilityRequestRecord*> out;
  for (const auto& [request_id, live] : live_) {
    const CapabilityRequestRecord& r = live.record;
    // awaiting_local_mediation is not here: the node acknowledged that request.
    if (r.state == S::kDispatched && r.dispatched_to == device_id) out.push_back(&r);
  }
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
    return std::tie(a->dispatched_at_unix_ms, a->request_id) <
           std::tie(b->dispatched_at_unix_ms, b->request_id);
  });
  return out;
}

void NodeRuntime::DetachDispatchListener(ListenerId id) {
  Section section(group_commit_);
  auto it = listener_devices_.find(id);
  if (it == listener_devices_.end()) return;
  auto work = work_.find(it->second);
  listener_devices_.erase(it);
  if (work == work_.end() || work->second.listener_id != id) return;
  work->second.listener_id = 0;
  work->second.listener.reset();
  if (work->second.live == 0) work_.erase(work);
}

Result<std::optional<CapabilityDispatch>> NodeRuntime::NextDispatch(std::string_view device_id) {
  ActiveCall active(group_commit_);
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  Section section(group_commit_);
  PALYRA_RETURN_IF_ERROR(section.health());
  auto it = work_.find(std::string(device_id));
  if (it == work_.end() || it->second.queue.empty() ||
      it->second.in_flight >= options_.max_in_flight_per_device) {
    return std::optional<CapabilityDispatch>();
  }
  const std::string request_id = it->second.queue.front();
  const int64_t now = Now();
  {
    PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
    PALYRA_RETURN_IF_ERROR(request_repository_.MarkDispatched(request_id, device_id, now));
    PALYRA_RETURN_IF_ERROR(op.Commit());
  }
  CapabilityDispatch dispatch = ApplyDispatched(request_id, now);
  PALYRA_RETURN_IF_ERROR(section.Finish());
  return std::optional<CapabilityDispatch>(std::move(dispatch));
}

std::vector<std::string> NodeRuntime::RefillCandidates(
    const DeviceWork& work, size_t finished_in_flight,
    const std::set<std::string_view>& finished_queued) const {
  std::vector<std::string> out;
  const size_t in_flight_after = work.in_flight - std::min(work.in_flight, finished_in_flight);
  if (in_flight_after >= options_.max_in_flight_per_device) return out;
  size_t slots = options_.max_in_flight_per_device - in_flight_after;
  for (const std::string& request_id : work.queue) {
    if (slots == 0) break;
    if (finished_queued.count(request_id) != 0) continue;
    out.push_back(request_id);
    --slots;
  }
  return out;
}

CapabilityDispatch NodeRuntime::ApplyDispatched(const std::string& request_id, int64_t now) {
  CapabilityRequestRecord& r = live_.at(request_id).record;
  DeviceWork& work = work_.at(r.device_id);
  // Candidates are always taken from the front of the queue, in order.
  auto pos = std::find(work.queue.begin(), work.queue.end(), request_id);
  if (pos != work.queue.end()) work.queue.erase(pos);
  ++work.in_flight;
  --counters_.requests_by_state[static_cast<size_t>(r.state)];
  ++counters_.requests_by_state[static_cast<size_t>(S::kDispatched)];
  r.state = S::kDispatched;
  r.dispatched_at_unix_ms = now;
  r.dispatched_to = r.device_id;
  r.updated_at_unix_ms = now;
  return MakeDispatch(r);
}

Status NodeRuntime::FinishAndRefill(std::vector<Finish> finishes, int64_t now, Outbox& outbox,
                                    const std::function<Status()>& also,
                                    std::optional<std::string_view> detach_device,
                                    std::vector<CapabilityRequestRecord>* finished) {
  struct Impact {
    size_t in_flight = 0;
    std::set<std::string_view> queued;
  };
  std::map<std::string_view, Impact> impact;
  for (const Finish& f : finishes) {
    const CapabilityRequestRecord& r = live_.at(f.request_id).record;
    Impact& i = impact[r.device_id];
    if (r.state == S::kQueued) {
      i.queued.insert(f.request_id);
    } else {
      ++i.in_flight;
    }
  }
  std::vector<std::string> refills;
  for (const auto& [device, i] : impact) {
    if (detach_device.has_value() && *detach_device == device) continue;
    auto work = work_.find(std::string(device));
    if (work == work_.end() || work->second.listener == nullptr) continue;
    std::vector<std::string> more = RefillCandidates(work->second, i.in_flight, i.queued);
    refills.insert(refills.end(), more.begin(), more.end());
  }

  {
    PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
    for (const Finish& f : finishes) {
      const CapabilityRequestRecord& r = live_.at(f.request_id).record;
      PALYRA_RETURN_IF_ERROR(request_repository_.Finish(f.request_id, r.state, f.to, f.output_json,
                                            f.output_summary, f.error, now));
    }
    for (const std::string& request_id : refills) {
      PALYRA_RETURN_IF_ERROR(
          request_repository_.MarkDispatched(request_id, live_.at(request_id).record.device_id, now));
    }
    if (also) PALYRA_RETURN_IF_ERROR(also());
    PALYRA_RETURN_IF_ERROR(op.Commit());
  }

  // Committed: bring memory in step.
  std::vector<std::string> touched;
  for (Finish& f : finishes) {
    touched.push_back(live_.at(f.request_id).record.device_id);
    ApplyFinish(f, now, outbox, finished);
  }
  for (const std::string& request_id : refills) {
    const std::string& device = live_.at(request_id).record.device_id;
    std::shared_ptr<const DispatchListener> listener = work_.at(device).listener;
    outbox.dispatches.emplace_back(std::move(listener), ApplyDispatched(request_id, now));
  }
  if (detach_device.has_value()) {
    const std::string device(*detach_device);
    if (auto work = work_.find(device); work != work_.end()) {
      if (work->second.listener_id != 0) listener_devices_.erase(work->second.listener_id);
      work->second.listener_id = 0;
      work->second.listener.reset();
    }
    touched.push_back(device);
  }
  for (const std::string& device : touched) {
    auto work = work_.find(device);
    if (work != work_.end() && work->second.live == 0 && work->second.listener == nullptr) {
      work_.erase(work);
    }
  }
  return Status::Ok();
}

void NodeRuntime::ApplyFinish(Finish& f, int64_t now, Outbox& outbox,
                              std::vector<CapabilityRequestRecord>* finished) {
  auto it = live_.find(f.request_id);
  LiveRequest live = std::move(it->second);
  live_.erase(it);
  CapabilityRequestRecord& r = live.record;
  deadlines_.erase(live.deadline);
  DeviceWork& work = work_.at(r.device_id);
  if (r.state == S::kQueued) {
    auto pos = std::find(work.queue.begin(), work.queue.end(), r.request_id);
    if (pos != work.queue.end()) work.queue.erase(pos);
  } else {
    --work.in_flight;
  }
  --work.live;
  --counters_.requests_by_state[static_cast<size_t>(r.state)];
  ++counters_.requests_by_state[static_cast<size_t>(f.to)];
  counters_.terminal_waiters -= live.waiters.size();
  r.state = f.to;
  r.input_json.clear();
  r.output_json = std::move(f.output_json);
  r.output_summary = std::move(f.output_summary);
  r.error = std::move(f.error);
  r.updated_at_unix_ms = now;
  r.completed_at_unix_ms = now;
  if (finished != nullptr) finished->push_back(r);
  if (!live.waiters.empty()) outbox.terminals.emplace_back(std::move(live.waiters), std::move(r));
}

Status NodeRuntime::RefusalForNonLive(std::string_view request_id, std::string_view device_id,
                                      std::string_view what) {
  PALYRA_ASSIGN_OR_RETURN(std::optional<CapabilityRequestRecord> stored,
                          request_repository_.Get(request_id));
  if (!stored.has_value()) {
    return NotFound("capability request " + std::string(request_id) + " not found");
  }
  if (stored->device_id != device_id) {
    return PermissionDenied("capability request " + std::string(request_id) +
                            " was not dispatched to device " + std::string(device_id));
  }
  if (stored->terminal()) {
    ++counters_.late_results_ignored;
    spdlog::warn(
        "node runtime: ignoring late {} for a finished capability request: request_id={} "
        "device_id={} state={}",
        what, request_id, device_id, CapabilityRequestStateName(stored->state));
    return FailedPrecondition("capability request " + std::string(request_id) + " is already " +
                              std::string(CapabilityRequestStateName(stored->state)) +
                              "; the late " + std::string(what) + " was ignored");
  }
  return Internal("capability request " + std::string(request_id) + " is " +
                  std::string(CapabilityRequestStateName(stored->state)) +
                  " in the database but not live in this daemon");
}

Result<CapabilityRequestRecord> NodeRuntime::MarkAwaitingMediation(std::string_view device_id,
                                                                   std::string_view request_id) {
  ActiveCall active(group_commit_);
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request_id, "request_id"));
  Section section(group_commit_);
  PALYRA_RETURN_IF_ERROR(section.health());
  auto it = live_.find(std::string(request_id));
  if (it == live_.end()) return RefusalForNonLive(request_id, device_id, "mediation event");
  CapabilityRequestRecord& r = it->second.record;
  if (r.device_id != device_id || (r.dispatched_to.has_value() && *r.dispatched_to != device_id)) {
    return PermissionDenied("capability request " + std::string(request_id) +
                            " was not dispatched to device " + std::string(device_id));
  }
  if (!IsLegalTransition(r.state, S::kAwaitingLocalMediation)) {
    return FailedPrecondition("capability request " + std::string(request_id) +
                              " cannot go from " + std::string(CapabilityRequestStateName(r.state)) +
                              " to awaiting_local_mediation");
  }
  const int64_t now = Now();
  {
    PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
    PALYRA_RETURN_IF_ERROR(request_repository_.MarkAwaitingMediation(request_id, now));
    PALYRA_RETURN_IF_ERROR(op.Commit());
  }
  --counters_.requests_by_state[static_cast<size_t>(r.state)];
  ++counters_.requests_by_state[static_cast<size_t>(S::kAwaitingLocalMediation)];
  r.state = S::kAwaitingLocalMediation;
  r.updated_at_unix_ms = now;
  CapabilityRequestRecord out = r;
  PALYRA_RETURN_IF_ERROR(section.Finish());
  return out;
}

Result<CapabilityRequestRecord> NodeRuntime::Complete(std::string_view device_id,
                                                      std::string_view request_id,
                                                      const CapabilityResult& result) {
  ActiveCall active(group_commit_);
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request_id, "request_id"));
  if (result.success && result.denied_by_local_mediation) {
    return InvalidArgument("a capability result cannot both succeed and be denied");
  }
  // Parse and summarise outside the lock; the size check against the request's own limit
  // happens below.
  const std::string& output = result.output_json;
  const bool over_cap = output.size() > options_.max_payload_bytes_cap;
  bool output_is_json = true;
  std::optional<std::string> output_summary;
  if (!over_cap && !output.empty()) {
    const nlohmann::json parsed =
        nlohmann::json::parse(output, nullptr, /*allow_exceptions=*/false);
    output_is_json = !parsed.is_discarded();
    output_summary = output_is_json ? SummarizeJson(parsed) : NotJsonSummary(output.size());
  }
  std::string error = BoundedError(result.error, kMaxErrorBytes);

  Outbox outbox;
  std::vector<CapabilityRequestRecord> finished;
  {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    auto it = live_.find(std::string(request_id));
    if (it == live_.end()) return RefusalForNonLive(request_id, device_id, "result");
    const CapabilityRequestRecord& r = it->second.record;
    if (r.device_id != device_id ||
        (r.dispatched_to.has_value() && *r.dispatched_to != device_id)) {
      return PermissionDenied("capability request " + std::string(request_id) +
                              " was not dispatched to device " + std::string(device_id));
    }
    const S target = result.denied_by_local_mediation ? S::kRejected
                     : result.success                 ? S::kSucceeded
                                                      : S::kFailed;
    if (r.state == S::kQueued) {
      return FailedPrecondition("capability request " + std::string(request_id) +
                                " is queued and was never dispatched; its result was refused");
    }
    if (!IsLegalTransition(r.state, target)) {
      return FailedPrecondition("capability request " + std::string(request_id) +
                                " cannot go from " +
                                std::string(CapabilityRequestStateName(r.state)) + " to " +
                                std::string(CapabilityRequestStateName(target)));
    }
    Finish f{std::string(request_id), target, {}, std::nullopt, std::nullopt};
    if (output.size() > r.max_payload_bytes) {
      f.to = S::kFailed;
      f.error = "output_json is " + std::to_string(output.size()) +
                " bytes, over the request's payload limit of max_payload_bytes=" +
                std::to_string(r.max_payload_bytes);
    } else if (!output_is_json) {
      f.to = S::kFailed;
      f.error = std::string(kErrorOutputNotJson);
      f.output_summary = std::move(output_summary);
    } else {
      f.output_json = output;
      f.output_summary = std::move(output_summary);
      if (!error.empty()) {
        f.error = std::move(error);
      } else if (target != S::kSucceeded) {
        f.error = std::string(kErrorFailedWithoutMessage);
      }
    }
    std::vector<Finish> finishes;
    finishes.push_back(std::move(f));
    PALYRA_RETURN_IF_ERROR(
        FinishAndRefill(std::move(finishes), Now(), outbox, {}, std::nullopt, &finished));
    PALYRA_RETURN_IF_ERROR(section.Finish());
  }
  active.Done();
  Deliver(outbox);
  return std::move(finished.front());
}

Result<CapabilityRequestRecord> NodeRuntime::Cancel(std::string_view request_id,
                                                    std::string_view reason) {
  ActiveCall active(group_commit_);
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request_id, "request_id"));
  std::string error = BoundedError(TrimAsciiWhitespace(reason), kMaxErrorBytes);
  if (error.empty()) error = std::string(kDefaultCancelReason);
  Outbox outbox;
  std::vector<CapabilityRequestRecord> finished;
  {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    if (live_.find(std::string(request_id)) == live_.end()) {
      PALYRA_ASSIGN_OR_RETURN(std::optional<CapabilityRequestRecord> stored,
                              request_repository_.Get(request_id));
      if (!stored.has_value()) {
        return NotFound("capability request " + std::string(request_id) + " not found");
      }
      return FailedPrecondition("capability request " + std::string(request_id) +
                                " is already " +
                                std::string(CapabilityRequestStateName(stored->state)));
    }
    std::vector<Finish> finishes;
    finishes.push_back({std::string(request_id), S::kFailed, {}, std::nullopt, std::move(error)});
    PALYRA_RETURN_IF_ERROR(
        FinishAndRefill(std::move(finishes), Now(), outbox, {}, std::nullopt, &finished));
    PALYRA_RETURN_IF_ERROR(section.Finish());
  }
  active.Done();
  Deliver(outbox);
  return std::move(finished.front());
}

Result<size_t> NodeRuntime::FailDeviceWork(std::string_view device_id, std::string_view reason) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::string error = BoundedError(TrimAsciiWhitespace(reason), kMaxErrorBytes);
  if (error.empty()) return InvalidArgument("reason must not be empty");
  Outbox outbox;
  size_t count = 0;
  {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    std::vector<Finish> finishes;
    for (const auto& [id, live] : live_) {
      if (live.record.device_id == device_id) {
        finishes.push_back({id, S::kFailed, {}, std::nullopt, error});
      }
    }
    std::sort(finishes.begin(), finishes.end(),
              [](const Finish& a, const Finish& b) { return a.request_id < b.request_id; });
    count = finishes.size();
    PALYRA_RETURN_IF_ERROR(FinishAndRefill(std::move(finishes), Now(), outbox, {}, device_id));
    PALYRA_RETURN_IF_ERROR(section.Finish());
  }
  Deliver(outbox);
  return count;
}

Result<uint64_t> NodeRuntime::PruneHistory(int64_t now_unix_ms) {
  constexpr size_t kBatchRows = 1000;
  uint64_t total = 0;
  while (true) {
    uint64_t batch = 0;
    {
      Section section(group_commit_);
      PALYRA_RETURN_IF_ERROR(section.health());
      PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
      PALYRA_ASSIGN_OR_RETURN(auto deleted,
                              request_repository_.PruneHistory(now_unix_ms - options_.history_retention_ms,
                                                   options_.max_history_per_device, kBatchRows));
      PALYRA_RETURN_IF_ERROR(op.Commit());
      for (size_t i = 0; i < deleted.size(); ++i) {
        counters_.requests_by_state[i] -= std::min(counters_.requests_by_state[i], deleted[i]);
        batch += deleted[i];
      }
      PALYRA_RETURN_IF_ERROR(section.Finish());
    }
    total += batch;
    if (batch < kBatchRows) return total;
  }
}

Status NodeRuntime::Tick() { return Tick(Now()); }

Status NodeRuntime::Tick(int64_t now_unix_ms) {
  Outbox outbox;
  Status status;
  {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    std::vector<Finish> finishes;
    for (auto it = deadlines_.begin(); it != deadlines_.end() && it->first <= now_unix_ms; ++it) {
      finishes.push_back(
          {it->second, S::kTimedOut, {}, std::nullopt, std::string(kErrorTimedOut)});
    }
    if (!finishes.empty()) status = FinishAndRefill(std::move(finishes), now_unix_ms, outbox);
    PALYRA_RETURN_IF_ERROR(section.Finish());
  }
  EvaluatePresence(now_unix_ms, outbox.presence);
  Deliver(outbox);
  return status;
}

Status NodeRuntime::OnTerminal(std::string_view request_id, TerminalCallback callback) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request_id, "request_id"));
  if (!callback) return InvalidArgument("terminal callback must not be empty");
  CapabilityRequestRecord record;
  {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    if (auto it = live_.find(std::string(request_id)); it != live_.end()) {
      it->second.waiters.push_back(std::move(callback));
      ++counters_.terminal_waiters;
      return Status::Ok();
    }
    PALYRA_ASSIGN_OR_RETURN(std::optional<CapabilityRequestRecord> stored,
                            request_repository_.Get(request_id));
    if (!stored.has_value()) {
      return NotFound("capability request " + std::string(request_id) + " not found");
    }
    record = *std::move(stored);
  }
  InvokeGuarded(callback, record, "terminal");
  return Status::Ok();
}

Result<CapabilityRequestRecord> NodeRuntime::WaitForTerminal(
    std::string_view request_id, std::chrono::steady_clock::time_point deadline) {
  struct Waiter {
    std::mutex mu;
    std::condition_variable cv;
    std::optional<CapabilityRequestRecord> record;
  };
  auto waiter = std::make_shared<Waiter>();
  PALYRA_RETURN_IF_ERROR(OnTerminal(request_id, [waiter](const CapabilityRequestRecord& r) {
    std::lock_guard lock(waiter->mu);
    waiter->record = r;
    waiter->cv.notify_all();
  }));
  std::unique_lock lock(waiter->mu);
  if (!waiter->cv.wait_until(lock, deadline, [&] { return waiter->record.has_value(); })) {
    return DeadlineExceeded("capability request " + std::string(request_id) +
                            " did not finish before the wait deadline");
  }
  return *waiter->record;
}

Result<CapabilityRequestRecord> NodeRuntime::GetRequest(std::string_view request_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request_id, "request_id"));
  Section section(group_commit_);
  PALYRA_RETURN_IF_ERROR(section.health());
  if (auto it = live_.find(std::string(request_id)); it != live_.end()) return it->second.record;
  PALYRA_ASSIGN_OR_RETURN(std::optional<CapabilityRequestRecord> stored,
                          request_repository_.Get(request_id));
  if (!stored.has_value()) {
    return NotFound("capability request " + std::string(request_id) + " not found");
  }
  return *std::move(stored);
}

Result<std::vector<CapabilityRequestRecord>> NodeRuntime::ListRequests(std::string_view device_id,
                                                                       size_t limit) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  Section section(group_commit_);
  PALYRA_RETURN_IF_ERROR(section.health());
  return request_repository_.ListByDevice(device_id, std::clamp<size_t>(limit, 1, kMaxListLimit));
}

NodeRuntimeStats NodeRuntime::Stats() {
  NodeRuntimeStats stats;
  {
    Section section(group_commit_);
    stats = counters_;
    stats.transactions_committed = group_commit_.transactions_committed();
    stats.mutations_committed = group_commit_.mutations_committed();
    for (const auto& [device, work] : work_) {
      stats.queue_depth += work.queue.size();
      stats.in_flight += work.in_flight;
      if (work.listener != nullptr) ++stats.dispatch_listeners;
    }
  }
  std::lock_guard nodes_lock(nodes_mu_);
  const int64_t now = Now();
  stats.nodes = nodes_.size();
  for (const auto& [id, node] : nodes_) {
    switch (ComputePresence(node.last_seen_at_unix_ms, now, options_.presence)) {
      case NodePresence::kOnline: ++stats.nodes_online; break;
      case NodePresence::kStale: ++stats.nodes_stale; break;
      case NodePresence::kOffline: ++stats.nodes_offline; break;
    }
    if (node.dirty) ++stats.unflushed_nodes;
  }
  return stats;
}

// ---- delivery (no locks held) ----

void NodeRuntime::Deliver(Outbox& outbox) {
  for (const auto& [listener, dispatch] : outbox.dispatches) {
    InvokeGuarded(*listener, dispatch, "dispatch");
  }
  for (const auto& [waiters, record] : outbox.terminals) {
    for (const TerminalCallback& waiter : waiters) InvokeGuarded(waiter, record, "terminal");
  }
  DeliverPresence(outbox.presence);
}

void NodeRuntime::DeliverPresence(const std::vector<PresenceEvent>& events) {
  if (events.empty()) return;
  std::vector<std::shared_ptr<const PresenceListener>> listeners;
  {
    std::lock_guard lock(presence_listeners_mu_);
    listeners.reserve(presence_listeners_.size());
    for (const auto& [id, listener] : presence_listeners_) listeners.push_back(listener);
  }
  for (const PresenceEvent& event : events) {
    for (const auto& listener : listeners) InvokeGuarded(*listener, event, "presence");
  }
}

}  // namespace palyra::node_runtime
