#pragma once
// The events a node reports about itself and its work (node_protocol::NodeEvent), applied to the
// runtime the same way whichever transport carried them: gRPC StreamNodeEvents or QUIC
// node.publish_events / node.capability_result.

#include <string>
#include <string_view>

#include "common/status.h"
#include "daemon/node_runtime/node_runtime.h"

namespace palyra::node_runtime {

// How an event was taken: accepted, or acknowledged and ignored (an unknown event name, a late
// result for a request that already ended) with the reason.
struct NodeEventOutcome {
  bool accepted = true;
  std::string reason = "accepted";
};

// Applies one event of `device_id` (already authenticated) and marks the node seen.
// INVALID_ARGUMENT for a payload that is not what the event needs; PERMISSION_DENIED for a
// result or mediation event about a request dispatched to another device; other runtime
// errors as they come.
Result<NodeEventOutcome> ApplyNodeEvent(NodeRuntime& runtime, std::string_view device_id,
                                        std::string_view name, const std::string& payload_json);

}  // namespace palyra::node_runtime
