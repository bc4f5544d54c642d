#include "daemon/node_runtime/node_runtime.h"

#include <spdlog/spdlog.h>

#include <utility>

#include "common/time.h"
#include "common/ulid.h"

namespace palyra::node_runtime {
namespace {

std::function<int64_t()> ClockOf(const NodeRuntimeOptions& options) {
  if (options.clock) return options.clock;
  return [] { return NowUnixMs(); };
}

}  // namespace

NodeRuntime::NodeRuntime(const NodeRuntimeOptions& options,
                         std::unique_ptr<store::NodeRuntimeStorage> storage)
    : options_(options),
      clock_(ClockOf(options_)),
      storage_(std::move(storage)),
      registry_(storage_->group_commit(), storage_->nodes(), options_.presence, clock_),
      queue_(options_, clock_, storage_->group_commit(), storage_->requests(), registry_) {}

NodeRuntime::~NodeRuntime() {
  Status status = Flush();
  if (!status.ok()) {
    spdlog::error("node runtime: flushing node presence at shutdown failed: {}",
                  status.ToString());
  }
}

Result<std::unique_ptr<NodeRuntime>> NodeRuntime::Open(const NodeRuntimeOptions& options) {
  PALYRA_RETURN_IF_ERROR(ValidateNodeRuntimeOptions(options));
  PALYRA_ASSIGN_OR_RETURN(
      std::unique_ptr<store::NodeRuntimeStorage> storage,
      store::NodeRuntimeStorage::Open(*options.connections, options.checkpoint_interval_ms));
  const int64_t now = options.clock ? options.clock() : NowUnixMs();
  // Nothing that was live survives a restart: its waiters, queues and streams are gone.
  PALYRA_ASSIGN_OR_RETURN(int64_t recovered,
                          storage->requests().FailAllLive(kErrorDaemonRestarted, now));
  PALYRA_ASSIGN_OR_RETURN(std::vector<NodeRecord> nodes, storage->nodes().LoadAll());
  PALYRA_ASSIGN_OR_RETURN(CapabilityRequestStateCounts counts, storage->requests().CountByState());

  std::unique_ptr<NodeRuntime> runtime(new NodeRuntime(options, std::move(storage)));
  runtime->registry_.Load(std::move(nodes), now);
  runtime->queue_.Load(counts, static_cast<uint64_t>(recovered));
  if (recovered > 0) {
    spdlog::warn(
        "node runtime: {} capability request(s) were still live when the daemon last stopped; "
        "they ended failed ({})",
        recovered, kErrorDaemonRestarted);
  }
  return runtime;
}

Status NodeRuntime::Remove(std::string_view device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  RequestOutbox outbox;
  std::vector<PresenceEvent> presence;
  {
    store::GroupCommit::Section section(storage_->group_commit());
    PALYRA_RETURN_IF_ERROR(section.health());
    const int64_t now = clock_();
    PALYRA_ASSIGN_OR_RETURN(int64_t last_seen, registry_.LastSeen(device_id));
    // The node's row goes in the same op as its requests' ends, so neither happens alone.
    PALYRA_RETURN_IF_ERROR(
        queue_
            .FailDeviceWorkInSection(device_id, std::string(kErrorNodeRemoved), now, outbox,
                                     [&] { return registry_.DeleteStored(device_id); })
            .status());
    registry_.Forget(device_id, last_seen, now, presence);
    PALYRA_RETURN_IF_ERROR(section.Finish());
  }
  outbox.Deliver();
  registry_.DeliverPresence(presence);
  return Status::Ok();
}

Status NodeRuntime::Tick(int64_t now_unix_ms) {
  RequestOutbox outbox;
  Status expiry_status;
  PALYRA_RETURN_IF_ERROR(queue_.ExpireOverdue(now_unix_ms, outbox, expiry_status));
  std::vector<PresenceEvent> presence;
  registry_.EvaluatePresence(now_unix_ms, presence);
  outbox.Deliver();
  registry_.DeliverPresence(presence);
  return expiry_status;
}

NodeRuntimeStats NodeRuntime::Stats() {
  NodeRuntimeStats stats = queue_.Stats();
  registry_.AddStats(stats);
  return stats;
}

}  // namespace palyra::node_runtime
