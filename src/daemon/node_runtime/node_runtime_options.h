#pragma once
// The node runtime's knobs (NodeRuntimeOptions) and its counters (NodeRuntimeStats), shared by
// the registry, the request queue and the NodeRuntime that owns them.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>

#include "common/status.h"
#include "daemon/node_runtime/capability_request.h"
#include "daemon/node_runtime/node_record.h"
#include "store/connection_factory.h"

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

// INVALID_ARGUMENT for inconsistent options.
Status ValidateNodeRuntimeOptions(const NodeRuntimeOptions& options);

}  // namespace palyra::node_runtime
