#pragma once
// Every event name the daemon and a node exchange, in one place. Node events travel up (gRPC
// StreamNodeEvents, or QUIC node.publish_events / node.capability_result); gateway events travel
// down through the device's durable event log (QUIC node.stream_events). Code on either end names
// an event by its enum; the strings exist only here.

#include <optional>
#include <string_view>

namespace palyra::node_protocol {

// Node -> daemon.
enum class NodeEvent {
  kStarted,                 // node.started: the host's capabilities, once per session
  kHeartbeat,               // node.heartbeat: sent when the session has been idle
  kAwaitingLocalMediation,  // capability.awaiting_local_mediation: a person is being asked
  kCapabilityResult,        // capability.result: CapabilityResultPayload
  kStopping,                // node.stopping: the host is shutting down
};

// Daemon -> node.
enum class GatewayEvent {
  kCapabilityDispatch,      // capability.dispatch: CapabilityDispatchPayload
  kCapabilityGranted,       // capability.granted: {"capability": name}
  kCapabilityRevoked,       // capability.revoked: {"capability": name}
  kCertificateRotationDue,  // certificate.rotation_due: {certificate_fingerprint, expires_at_unix_ms}
  kDaemonShutdown,          // daemon.shutdown: {at_unix_ms}
};

std::string_view EventName(NodeEvent event);
std::string_view EventName(GatewayEvent event);

// nullopt for a name outside the catalogue (a newer peer's, or garbage).
std::optional<NodeEvent> ParseNodeEvent(std::string_view name);
std::optional<GatewayEvent> ParseGatewayEvent(std::string_view name);

}  // namespace palyra::node_protocol
