#pragma once
// What the daemon tells a node through the node's event log (node.stream_events): the
// capability work dispatched to it while it listens on QUIC, grants and revokes of its
// capabilities, a notice when its certificate is due for rotation, and a notice when the
// daemon shuts down. Events are written durably before
// they are streamed, so a node that reconnects and resumes misses none of them.
//
// Dispatch over QUIC: while the device has an open event stream, the router is the device's
// dispatch listener in the node runtime (the gRPC event stream's, when the node opens one,
// replaces it); every dispatch becomes a `capability.dispatch` event, and the node answers with
// node.capability_result.

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "daemon/node_runtime/node_runtime.h"
#include "daemon/quic_runtime/event_log.h"

namespace palyra::daemon::quic_runtime {

struct DeviceCertificate {
  std::string fingerprint;
  int64_t expires_at_unix_ms = 0;
};

struct NodeEventRouterOptions {
  NodeEventLog* events = nullptr;
  node_runtime::NodeRuntime* runtime = nullptr;
  // The device's current client certificate; nullopt for an unknown device.
  std::function<std::optional<DeviceCertificate>(const std::string& device_id)> certificate_of;
  // A certificate is due when it expires within this much (the node host's rotation threshold).
  int64_t rotation_threshold_ms = 10 * 60 * 1000;
  std::function<int64_t()> clock;  // Unix ms; empty: the real clock
};

class NodeEventRouter {
 public:
  explicit NodeEventRouter(NodeEventRouterOptions options) : options_(std::move(options)) {}
  ~NodeEventRouter();

  // The device opened its first event stream: route its dispatches into its log, and tell it
  // now if its certificate is already due.
  void OnDeviceListening(const std::string& device_id);
  // Its last event stream closed: its dispatches go back to waiting for a gRPC stream.
  void OnDeviceGone(const std::string& device_id);
  // For the listening devices (maintenance, e.g. once a minute): a rotation notice for each
  // certificate that became due, once per certificate.
  void CheckRotationDue(const std::vector<std::string>& devices);
  // A capability.granted / capability.revoked event in the device's log.
  void NotifyCapabilityChanged(const std::string& device_id, const std::string& capability,
                               bool available);
  // A shutdown notice in the log of each device (the ones listening, before their streams end).
  void NotifyShutdown(const std::vector<std::string>& devices);

 private:
  int64_t Now() const;
  void Dispatch(const node_runtime::CapabilityDispatch& dispatch);
  void NoticeIfRotationDue(const std::string& device_id);

  const NodeEventRouterOptions options_;
  std::mutex mu_;
  std::unordered_map<std::string, node_runtime::NodeRuntime::ListenerId> listeners_;
  std::set<std::string> rotation_noticed_;  // certificate fingerprints already announced
};

}  // namespace palyra::daemon::quic_runtime
