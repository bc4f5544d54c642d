#include "daemon/node_runtime/node_runtime_options.h"

namespace palyra::node_runtime {
namespace {

constexpr uint64_t kMaxPayloadBytesCapLimit = 64 * 1024 * 1024;

}  // namespace

Status ValidateNodeRuntimeOptions(const NodeRuntimeOptions& o) {
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

}  // namespace palyra::node_runtime
